"""The ``veldwerk`` command: starts the desktop app, or runs a maintenance task."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from inspectorapp.errors import VeldwerkError
from inspectorapp.paths import app_paths

PASS_ENV = "VELDWERK_PASSPHRASE"


class _VersionAction(argparse.Action):
    """``--version``: looks the version up only when asked (the lookup costs cold start time)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any) -> None:
        import inspectorapp

        print(f"veldwerk {inspectorapp.__version__}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="veldwerk", description="Veldwerk: field work for inspectors.")
    p.add_argument("--version", action=_VersionAction, help="show the version and exit")
    p.add_argument("--home", type=Path, help="keep data, settings and logs in this folder")
    p.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    p.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)  # with --quit-after
    sub = p.add_subparsers(dest="command")
    sub.add_parser("gui", help="start the desktop app (default)")
    demo = sub.add_parser("load-demo", help="create or unlock the database and load the demo data")
    demo.add_argument("--create", action="store_true", help="create the database if there is none")
    sub.add_parser("list", help="list inspections")
    export = sub.add_parser("export-json", help="write one inspection as a JSON document")
    to_csv = sub.add_parser("export-csv", help="write one inspection as CSV files in a zip")
    for command in (export, to_csv):
        command.add_argument("inspection_id")
        command.add_argument("file", type=Path)
        command.add_argument(
            "--include-confidential",
            action="store_true",
            help="also write restricted and reporter-confidential items (the file says so)",
        )
    qdpx = sub.add_parser("export-qdpx", help="write the interview notes as a REFI-QDA project (.qdpx)")
    qdpx.add_argument("inspection_id")
    qdpx.add_argument("file", type=Path)
    report = sub.add_parser(
        "report", help="write a report as PDF (file or folder; the name carries the hash)"
    )
    report.add_argument("inspection_id")
    report.add_argument("report_type", choices=("gebiedsrapportage", "briefrapport"))
    report.add_argument("target", type=Path)
    restore = sub.add_parser("import-json", help="restore an inspection from its JSON export")
    restore.add_argument("file", type=Path)
    from inspectorapp import cli_sync  # enrol, sync, sync-status: their own module

    cli_sync.add_parsers(sub)
    return p


def _passphrase(confirm: bool) -> str:
    if os.environ.get(PASS_ENV):
        return os.environ[PASS_ENV]
    if not sys.stdin.isatty():
        raise SystemExit(f"no terminal: set {PASS_ENV}")
    first = getpass.getpass("Wachtwoordzin: ")
    if confirm and getpass.getpass("Herhaal wachtwoordzin: ") != first:
        raise SystemExit("De wachtwoordzinnen verschillen.")
    return first


# Messages for errors the command line explains itself (Dutch, like its other output).
MESSAGES = {
    "export_is_folder": "{path} is een map; geef een bestandsnaam. Er is niets geschreven.",
    "export_no_folder": "De map van {path} bestaat niet. Er is niets geschreven.",
    "export_not_writable": "{path} kan hier niet worden geschreven (geen rechten). Er is niets geschreven.",
    "export_write_failed": "{path} kon niet worden geschreven (schijf vol?). Er is niets geschreven.",
    "input_missing": "{path} bestaat niet.",
    "input_folder": "{path} is een map, geen bestand.",
    "input_unreadable": "{path} kan niet worden gelezen (geen leesrechten).",
    "input_not_utf8": "{path} is geen UTF-8-tekst; is het wel een Veldwerk-export?",
    "input_not_json": "{path} is geen volledig JSON-document (afgebroken of beschadigd): {detail}",
    "input_too_big": "{path} is te groot voor een Veldwerk-export (meer dan {limit_mb} MB).",
    "input_too_deep": "{path} is te diep genest voor een Veldwerk-export (beschadigd of geen export).",
    "import_refused": "De import is geweigerd: {reason}",
    "not_found": "Niet gevonden: {entity} {entity_id}.",
    "wrong_passphrase": "Deze wachtwoordzin opent de database niet.",
}


class InputFileError(VeldwerkError):
    """An input file that cannot be read as JSON; ``code`` says how (input_missing, ...)."""

    def __init__(self, path: Path, code: str, **params: Any) -> None:
        super().__init__(f"{path}: {code}", path=str(path), **params)
        self.code = code


def _error_text(exc: Exception) -> str:
    if isinstance(exc, VeldwerkError) and exc.code in MESSAGES:
        try:
            return MESSAGES[exc.code].format(**exc.params)
        except (KeyError, IndexError):
            pass
    return str(exc)


# Far above any real inspection (the demo's largest is well under 1 MB; attachment bytes
# never travel in it), low enough that reading and parsing cannot exhaust the laptop.
MAX_IMPORT_BYTES = 256 * 1024 * 1024


def read_json_file(path: Path) -> Any:
    """An input file as JSON; every way it can be unreadable is an InputFileError."""
    import json

    too_big = InputFileError(path, "input_too_big", limit_mb=MAX_IMPORT_BYTES // (1024 * 1024))
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise too_big
        with path.open("rb") as file:  # capped again: a pipe or a growing file has no size
            data = file.read(MAX_IMPORT_BYTES + 1)
        if len(data) > MAX_IMPORT_BYTES:
            raise too_big
        return json.loads(data.decode("utf-8"))
    except RecursionError:  # nesting deeper than the parser's stack
        raise InputFileError(path, "input_too_deep") from None
    except MemoryError:
        raise too_big from None
    except FileNotFoundError:
        raise InputFileError(path, "input_missing") from None
    except IsADirectoryError:
        raise InputFileError(path, "input_folder") from None
    except OSError:
        raise InputFileError(path, "input_unreadable") from None
    except UnicodeDecodeError:
        raise InputFileError(path, "input_not_utf8") from None
    except json.JSONDecodeError as exc:
        raise InputFileError(path, "input_not_json", detail=f"{exc.msg}, regel {exc.lineno}") from None


def _json_command(args: argparse.Namespace, ws: Any) -> int:
    from inspectorapp.services import exports, json_export

    try:
        if args.command == "export-qdpx":
            from inspectorapp.services import qdpx_export

            def write_qdpx(session: Any, ctx: Any, inspection_id: str, path: Path) -> Any:
                exports.check_target(path)
                data, summary = qdpx_export.export_qdpx(session, ctx, inspection_id)
                exports.write_file(path, data)  # in the transaction: audited only when written
                return summary

            summary = ws.call(write_qdpx, ws.ctx, args.inspection_id, args.file)
            print(
                f"Geëxporteerd naar {args.file}: {summary.sources} bronnen, {summary.selections} fragmenten, "
                f"{summary.excluded_paragraphs} vertrouwelijke alinea's weggelaten"
            )
        elif args.command in ("export-csv", "export-json"):
            kind = "csv" if args.command == "export-csv" else "json"
            ws.call(
                exports.write_export, ws.ctx, args.inspection_id, kind, args.file, args.include_confidential
            )
            extra = " (met vertrouwelijke gegevens)" if args.include_confidential else ""
            print(f"Geëxporteerd naar {args.file}{extra}")
        elif args.command == "report":
            from inspectorapp.services import report_drafts, reports

            ws.call(report_drafts.ensure_draft, ws.ctx, args.inspection_id, args.report_type)
            if not args.target.is_dir():
                exports.check_target(args.target)  # before the work
            content = ws.call(reports.prepare, ws.ctx, args.inspection_id, args.report_type)
            target = args.target / reports.file_name(content) if args.target.is_dir() else args.target
            exports.write_file(target, reports.render(content))
            ws.call(reports.record_saved, ws.ctx, args.inspection_id, content.content_hash(), target.name)
            print(f"Rapport geschreven naar {target} (inhoudshash {content.content_hash()[:12]})")
        else:
            document = read_json_file(args.file)
            inspection_id = ws.call(json_export.import_inspection, ws.ctx, document).value
            print(f"Inspectie {inspection_id} hersteld.")
    finally:
        ws.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    paths = app_paths(args.home)
    if args.command in (None, "gui"):
        from inspectorapp.bootstrap import run_gui

        return run_gui(sys.argv[:1], paths, args.quit_after, args.screenshot)
    if args.command in ("enrol", "sync", "sync-status"):
        from inspectorapp import cli_sync

        return cli_sync.run(args, paths)

    from inspectorapp.services import demo, inspections
    from inspectorapp.workspace import Workspace

    if args.command == "import-json":
        try:
            read_json_file(args.file)  # before the passphrase: a bad file is refused at once
        except VeldwerkError as exc:
            print(f"veldwerk: {_error_text(exc)}", file=sys.stderr)
            return 2
    try:
        if args.command == "load-demo":
            if not Workspace.exists(paths):
                if not args.create:
                    raise SystemExit("Geen database gevonden; gebruik --create.")
                secret = _passphrase(confirm=True)
                ws = Workspace.create(paths, secret, secret, "cli")
            else:
                ws = Workspace.unlock(paths, _passphrase(confirm=False), "cli")
            try:
                result = ws.call(demo.load_demo, ws.ctx).value
            finally:
                ws.close()
            if result.loaded:
                print(
                    f"Demogegevens geladen: {result.inspections} inspecties, "
                    f"{result.signals} signalen, {result.notes} notities."
                )
            else:
                print("Demogegevens waren al geladen.")
            return 0
        if args.command in ("export-json", "export-csv", "export-qdpx", "import-json", "report"):
            return _json_command(args, Workspace.unlock(paths, _passphrase(confirm=False), "cli"))
        if args.command == "list":
            ws = Workspace.unlock(paths, _passphrase(confirm=False), "cli")
            try:
                for row in ws.call(inspections.list_inspections):
                    print(f"{row.id}  {row.status:14} {row.title} — {', '.join(row.subjects)}")
            finally:
                ws.close()
            return 0
    except VeldwerkError as exc:
        print(f"veldwerk: {_error_text(exc)}", file=sys.stderr)
        return 2
    except OSError as exc:  # a path the checks above did not foresee: a message, never a traceback
        print(f"veldwerk: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return 2
    return 1
