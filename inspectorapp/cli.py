"""The ``veldwerk`` command: starts the desktop app, or runs a maintenance task."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from inspectorapp import __version__
from inspectorapp.paths import app_paths

PASS_ENV = "VELDWERK_PASSPHRASE"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="veldwerk", description="Veldwerk: field work for inspectors.")
    p.add_argument("--version", action="version", version=f"veldwerk {__version__}")
    p.add_argument("--home", type=Path, help="keep data, settings and logs in this folder")
    p.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    p.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)  # with --quit-after
    sub = p.add_subparsers(dest="command")
    sub.add_parser("gui", help="start the desktop app (default)")
    demo = sub.add_parser("load-demo", help="create or unlock the database and load the demo data")
    demo.add_argument("--create", action="store_true", help="create the database if there is none")
    sub.add_parser("list", help="list inspections")
    export = sub.add_parser("export-json", help="write one inspection as a JSON document")
    export.add_argument("inspection_id")
    export.add_argument("file", type=Path)
    to_csv = sub.add_parser("export-csv", help="write one inspection as CSV files in a zip")
    to_csv.add_argument("inspection_id")
    to_csv.add_argument("file", type=Path)
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


def _json_command(args: argparse.Namespace, ws: Any) -> int:
    import json

    from inspectorapp.atomic import write_atomic
    from inspectorapp.services import json_export

    try:
        if args.command == "export-qdpx":
            from inspectorapp.services import qdpx_export

            data, summary = ws.call(qdpx_export.export_qdpx, ws.ctx, args.inspection_id)
            write_atomic(args.file, data)
            print(
                f"Geëxporteerd naar {args.file}: {summary.sources} bronnen, {summary.selections} fragmenten, "
                f"{summary.excluded_paragraphs} vertrouwelijke alinea's weggelaten"
            )
        elif args.command == "export-csv":
            from inspectorapp.services import csv_export

            write_atomic(args.file, ws.call(csv_export.export_csv, ws.ctx, args.inspection_id))
            print(f"Geëxporteerd naar {args.file}")
        elif args.command == "report":
            from inspectorapp.services import report_drafts, reports

            ws.call(report_drafts.ensure_draft, ws.ctx, args.inspection_id, args.report_type)
            content = ws.call(reports.prepare, ws.ctx, args.inspection_id, args.report_type)
            target = args.target / reports.file_name(content) if args.target.is_dir() else args.target
            write_atomic(target, reports.render(content))
            ws.call(reports.record_saved, ws.ctx, args.inspection_id, content.content_hash(), target.name)
            print(f"Rapport geschreven naar {target} (inhoudshash {content.content_hash()[:12]})")
        elif args.command == "export-json":
            document = ws.call(json_export.export_inspection, ws.ctx, args.inspection_id)
            write_atomic(args.file, json_export.dumps(document).encode("utf-8"))
            print(f"Geëxporteerd naar {args.file}")
        else:
            document = json.loads(args.file.read_text("utf-8"))
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

    from inspectorapp.errors import VeldwerkError
    from inspectorapp.services import demo, inspections
    from inspectorapp.workspace import Workspace

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
        print(f"veldwerk: {exc}", file=sys.stderr)
        return 2
    return 1
