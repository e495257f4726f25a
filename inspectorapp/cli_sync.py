"""Syncing without the window: ``veldwerk enrol``, ``veldwerk sync`` and ``veldwerk sync-status``.

The same calls as the app's sync panel and controller (``inspectorapp.sync_runner``,
``services.sync_status``): there is no second sync here, only another edge. Every outcome
is an exit code a script can act on (``EXIT_HELP``, README "Syncing without the window")
and a Dutch sentence, like the rest of the command line; no traceback reaches the user.
Imports stay inside the functions: ``veldwerk`` without a command starts the GUI and pays
for every module imported here.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cli_progress import ProgressPrinter, count, number

if TYPE_CHECKING:
    from inspectorapp.paths import AppPaths
    from inspectorapp.services.sync_status import SyncOverview
    from inspectorapp.sync_runner import SyncOutcome
    from inspectorapp.workspace import Workspace

COMMANDS = ("enrol", "sync", "sync-status")
SYNC_PASSWORD_ENV = "VELDWERK_SYNC_PASSWORD"
CODE_ENV = "VELDWERK_ENROLMENT_CODE"

OK = 0  # synced and nothing left (enrol: connected)
FAILED = 1  # unexpected: the details are in the log
USAGE = 2  # bad use: arguments, passphrase, no database, settings; trying again will not help
WAITING = 3  # synced, but work waits: for access, set aside, or still to send
CONFLICTS = 4  # synced; conflicts (or refused changes) to review in the app
UNREACHABLE = 5  # the office cannot be reached (network, timeout, server error, busy)
NOT_CONNECTED = 6  # not enrolled (or a demo store), revoked, account disabled, login refused
REFUSED = 7  # the office refused the changes as a whole; they are kept here

EXIT_HELP = """exit codes:
  0  synced, nothing left (enrol: connected; sync-status: everything sent)
  1  unexpected error (the details are in the log folder)
  2  bad use: arguments, passphrase, no database, enrolling a demo store or a laptop
     already connected, an address or certificate the settings refuse
  3  synced, but work is waiting: for access, set aside, or still to send
  4  synced; conflicts or refused changes to review in the app
  5  the office cannot be reached (network, timeout, server error, busy); try again later
  6  not connected: not enrolled (or a demo store), disconnected by the office,
     account disabled, login refused (user name, password or code)
  7  the office refused the changes as a whole; they are kept on this laptop"""


class Usage(Exception):
    """Bad use, with the sentence that says so (exit 2)."""


class Outcome(Exception):
    """A result other than bad use that ends the command early: its exit code and sentence."""

    def __init__(self, code: int, text: str) -> None:
        super().__init__(text)
        self.code = code
        self.text = text


def add_parsers(sub: Any) -> None:
    """The three commands on ``veldwerk``'s subparsers, each with the exit codes in its help."""

    def command(name: str, text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(
            name,
            help=text,
            description=text,
            epilog=EXIT_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        return parser

    enrol = command("enrol", "connect this laptop to the office store")
    enrol.add_argument("server_url", metavar="SERVER_URL", help="e.g. https://veldwerk.kantoor.nl")
    enrol.add_argument("--user", help="user name (asked on a terminal)")
    enrol.add_argument(
        "--code",
        action="store_true",
        help=f"enrol with a one-time enrolment code instead of a password (asked, or {CODE_ENV})",
    )
    enrol.add_argument("--device-name", help="the name the office sees (default: this computer's name)")
    enrol.add_argument("--create", action="store_true", help="create the database if there is none")
    enrol.epilog = (
        f"The password is asked on a terminal, or taken from {SYNC_PASSWORD_ENV}; the database's\n"
        f"passphrase likewise, or from VELDWERK_PASSPHRASE.\n\n{EXIT_HELP}"
    )
    command("sync", "send this laptop's changes to the office and receive the team's (one run)")
    status = command("sync-status", "what waits to be sent, set aside or reviewed (no network)")
    status.add_argument("--json", action="store_true", help="one JSON object, for scripts")


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    """One of COMMANDS; every way it can end is an exit code and a sentence."""
    from inspectorapp.errors import VeldwerkError

    from .cli import _error_text

    try:
        if args.command == "enrol":
            return _enrol(args, paths)
        if args.command == "sync":
            return _sync(paths)
        return _status(paths, args.json)
    except Usage as exc:
        print(f"veldwerk: {exc}", file=sys.stderr)
        return USAGE
    except Outcome as exc:
        print(f"veldwerk: {exc.text}", file=sys.stderr)
        return exc.code
    except VeldwerkError as exc:  # a wrong passphrase, a store refused ...
        print(f"veldwerk: {_error_text(exc)}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        print("\nveldwerk: afgebroken; wat al verstuurd of ontvangen was, blijft.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: the log keeps the traceback, the user gets a sentence
        log = _log_traceback(paths)
        print(f"veldwerk: onverwachte fout ({type(exc).__name__}); details in {log}.", file=sys.stderr)
        return FAILED


def _log_traceback(paths: AppPaths) -> Path | str:
    import traceback
    from datetime import datetime

    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        log = paths.log_dir / "veldwerk-cli.log"
        with log.open("a", encoding="utf-8") as out:
            out.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{traceback.format_exc()}\n")
        return log
    except OSError:
        return "(het logbestand kon niet worden geschreven)"


# ---- secrets and the store


def _secret(env: str, prompt: str, what: str) -> str:
    """From the environment, else asked on a terminal; without either, bad use."""
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise Usage(f"geen terminal: zet {env} ({what}).")
    return getpass.getpass(prompt)


def _open(paths: AppPaths, create: bool = False) -> Workspace:
    from .cli import PASS_ENV
    from .workspace import Workspace

    if Workspace.exists(paths):
        return Workspace.unlock(paths, _secret(PASS_ENV, "Wachtwoordzin: ", "de wachtwoordzin"), "cli")
    if not create:
        raise Usage(
            f"geen database gevonden ({paths.store_file}); start de app, of gebruik "
            "`veldwerk enrol --create`."
        )
    first = _secret(PASS_ENV, "Nieuwe wachtwoordzin: ", "de wachtwoordzin")
    if not os.environ.get(PASS_ENV) and getpass.getpass("Herhaal wachtwoordzin: ") != first:
        raise Usage("de wachtwoordzinnen verschillen.")
    return Workspace.create(paths, first, first, "cli")


def _overview(ws: Workspace) -> SyncOverview:
    from .services import sync_status

    return ws.call(sync_status.sync_overview)


# ---- enrol

ENROL_REFUSED = {
    "demo_store": (USAGE, "een database met demogegevens wordt nooit met kantoor gesynchroniseerd."),
    "already_enrolled": (USAGE, "deze laptop is al verbonden."),
    "other_account": (
        USAGE,
        "deze laptop bevat wijzigingen van een andere gebruiker die nog niet zijn verzonden. Verbind met "
        "het account van die gebruiker, of maak in de app een noodkopie en neem contact op met de beheerder.",
    ),
    "invalid": (USAGE, "kantoor accepteerde deze gegevens niet: {0}"),
    "insecure_http": (
        USAGE,
        "dit adres begint met http://: uw wachtwoord en aantekeningen zouden onversleuteld over het "
        "netwerk gaan. Gebruik https:// of vraag het de beheerder.",
    ),
    "ca_bundle_unreadable": (USAGE, "het certificaatbestand in de instellingen kan niet worden gelezen: {0}"),
    "untrusted_certificate": (
        USAGE,
        "het certificaat van het kantoor wordt niet vertrouwd. Vraag de beheerder om het "
        "certificaatbestand van de organisatie (instelling ca_bundle).",
    ),
    "offline": (UNREACHABLE, "kantoor is niet bereikbaar. Controleer het adres en het netwerk. ({0})"),
    "busy": (UNREACHABLE, "het kantoor is bezet. Probeer het zo opnieuw."),
    "login_refused": (
        NOT_CONNECTED,
        "kantoor weigerde: onbekende gebruiker, verkeerd wachtwoord of ongeldige code.",
    ),
    "account_disabled": (
        NOT_CONNECTED,
        "het kantoor heeft dit gebruikersaccount geblokkeerd. Neem contact op met de beheerder.",
    ),
    "too_many_attempts": (
        NOT_CONNECTED,
        "te veel mislukte pogingen. Wacht een paar minuten en probeer het opnieuw.",
    ),
}


def _check_url(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    try:
        parts.port  # noqa: B018 - raises for a port that is no number
    except ValueError:
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Usage(f"{url!r} is geen serveradres; bijvoorbeeld https://veldwerk.kantoor.nl")
    return url.strip()


def _enrol(args: argparse.Namespace, paths: AppPaths) -> int:
    import socket

    from . import sync_runner

    url = _check_url(args.server_url)
    if args.code and args.user:
        raise Usage("geef --user of --code, niet allebei (een code hoort al bij een gebruiker).")
    if not args.code and not args.user and not sys.stdin.isatty():
        raise Usage("geen terminal: geef de gebruikersnaam met --user, of gebruik --code.")
    ws = _open(paths, args.create)
    try:
        before = _overview(ws)
        if before.demo_store or before.enrolled:
            kind = "demo_store" if before.demo_store else "already_enrolled"
            code, text = ENROL_REFUSED[kind]
            extra = f" ({before.server_url} als {before.account})" if before.enrolled else ""
            raise Outcome(code, text.rstrip(".") + extra + ".")
        if args.code:
            user, password = "", ""
            code_text = _secret(CODE_ENV, "Inschrijfcode: ", "de inschrijfcode").strip()
        else:
            user = args.user or input("Gebruikersnaam: ").strip()
            password = _secret(SYNC_PASSWORD_ENV, "Wachtwoord: ", "het wachtwoord")
            code_text = ""
        device = (args.device_name or socket.gethostname() or "laptop").strip()[:200]
        try:
            overview = sync_runner.enrol(ws, url, device, user, password, code_text)
        except sync_runner.EnrolmentFailed as exc:
            code, text = ENROL_REFUSED.get(exc.kind, (FAILED, "verbinden mislukt: {0}"))
            raise Outcome(code, text.format(exc.detail or exc.kind)) from None
    finally:
        ws.close()
    print(f"Verbonden met {overview.server_url} als {overview.account} (apparaat {overview.device_id}).")
    print("Synchroniseer met `veldwerk sync`.")
    return OK


# ---- sync


def _sync(paths: AppPaths) -> int:
    from sync import gc_tuning

    from . import sync_runner

    ws = _open(paths)
    gc_tuning.tune()  # this process only syncs from here on (15-20 % less CPU: sync/gc_tuning.py)
    try:
        before = _overview(ws)
        if before.demo_store:
            raise Outcome(
                NOT_CONNECTED, "een database met demogegevens wordt nooit met kantoor gesynchroniseerd."
            )
        if not before.enrolled:
            raise Outcome(NOT_CONNECTED, _not_connected(ws, before.pending_changes))
        printer = ProgressPrinter(sys.stderr, sys.stderr.isatty())
        try:
            outcome = sync_runner.run_sync(ws, printer)
        finally:
            printer.finish()
        after = _overview(ws)
    finally:
        ws.close()
    return _outcome(outcome, after)


def _not_connected(ws: Workspace, pending: int) -> str:
    from sync import enrolment

    waiting = f" {count(pending, 'wijziging wacht', 'wijzigingen wachten')} op verzending."
    if ws.call(enrolment.disconnected):
        return (
            "het kantoor heeft deze laptop losgekoppeld; alles staat er nog." + waiting + " Verbind opnieuw "
            "met `veldwerk enrol SERVER_URL` (hetzelfde account), of neem contact op met de beheerder."
        )
    return "deze laptop is niet verbonden met kantoor; verbind hem met `veldwerk enrol SERVER_URL`." + waiting


SYNC_REFUSED_TLS = ("insecure_http", "ca_bundle_unreadable", "untrusted_certificate")


def _outcome(outcome: SyncOutcome, after: SyncOverview) -> int:
    kind = outcome.kind
    kept = f" {count(after.pending_changes, 'wijziging wacht', 'wijzigingen wachten')} op verzending."
    if kind == "offline":
        raise Outcome(
            UNREACHABLE,
            f"kantoor is niet bereikbaar ({outcome.detail}). Uw werk blijft bewaard en gaat de volgende "
            "keer mee." + kept,
        )
    if kind == "revoked":
        raise Outcome(
            NOT_CONNECTED,
            "het kantoor heeft deze laptop losgekoppeld. Alles wat u vastlegde staat er nog, ook wat nog "
            "niet verstuurd was." + kept + " Neem contact op met de beheerder, of verbind opnieuw met "
            "`veldwerk enrol SERVER_URL`.",
        )
    if kind == "disabled":
        raise Outcome(
            NOT_CONNECTED,
            "het kantoor heeft uw account geblokkeerd. Uw werk blijft hier bewaard en wordt verstuurd zodra "
            "de beheerder het account weer vrijgeeft." + kept,
        )
    if kind == "not_enrolled":
        raise Outcome(
            NOT_CONNECTED,
            "kantoor kent deze laptop (niet meer). Verbind hem opnieuw met `veldwerk enrol`." + kept,
        )
    if kind == "refused" and outcome.detail in SYNC_REFUSED_TLS:
        raise Outcome(USAGE, ENROL_REFUSED[outcome.detail][1].format(after.server_url))
    if kind != "done" or outcome.report is None:
        raise Outcome(
            REFUSED,
            f"het kantoor weigerde de wijzigingen als geheel ({outcome.detail}); ze blijven hier bewaard. "
            "Neem contact op met de beheerder.",
        )
    report = outcome.report
    files = f", {count(report.files, 'bestand', 'bestanden')} verstuurd" if report.files else ""
    print(
        f"Gesynchroniseerd met {after.server_url}: {count(report.pushed, 'wijziging', 'wijzigingen')} "
        f"verstuurd, {count(report.pulled, 'wijziging', 'wijzigingen')} ontvangen{files}."
    )
    for line in _left_lines(after):
        print(line)
    return _status_code(after)


def _left_lines(o: SyncOverview) -> list[str]:
    lines = []
    if o.pending_changes:
        lines.append(f"{count(o.pending_changes, 'wijziging wacht', 'wijzigingen wachten')} op verzending.")
    if o.waiting_for_access:
        lines.append(
            f"{count(o.waiting_for_access, 'onderdeel wacht', 'onderdelen wachten')} op toegang: bij elke "
            "synchronisatie opnieuw verstuurd tot het kantoor u toegang geeft."
        )
    if o.set_aside:
        lines.append(
            f"{count(len(o.set_aside), 'onderdeel', 'onderdelen')} van kantoor apart gezet (bij elke "
            "synchronisatie opnieuw geprobeerd)."
        )
    if o.issues:
        lines.append(
            f"{count(len(o.issues), 'conflict', 'conflicten')} te beoordelen: open in de app "
            "Synchronisatie… in de statusbalk."
        )
    return lines


def _status_code(o: SyncOverview) -> int:
    if not o.enrolled:
        return NOT_CONNECTED
    if o.issues:
        return CONFLICTS
    if o.pending_changes or o.waiting_for_access or o.set_aside:
        return WAITING
    return OK


# ---- sync-status


def _status(paths: AppPaths, as_json: bool) -> int:
    from sync import enrolment

    ws = _open(paths)
    try:
        o = _overview(ws)
        disconnected = ws.call(enrolment.disconnected)
    finally:
        ws.close()
    code = _status_code(o)
    if as_json:
        import json

        print(json.dumps(_status_data(o, disconnected, code), ensure_ascii=False, indent=2))
        return code
    if o.demo_store:
        state = "niet verbonden (demogegevens: worden nooit gesynchroniseerd)"
    elif o.enrolled:
        state = "verbonden"
    else:
        state = "losgekoppeld door kantoor" if disconnected else "niet verbonden"
    rows = [
        ("Status", state),
        ("Server", o.server_url or "—"),
        ("Account", o.account or "—"),
        ("Apparaat", o.device_id or "—"),
        ("Laatste synchronisatie", _moment(o.last_sync_at) if o.last_sync_at else "nog niet"),
        ("Wijzigingen wachten", number(o.pending_changes)),
        ("Wachten op toegang", number(o.waiting_for_access)),
        ("Apart gezet", number(len(o.set_aside))),
        ("Conflicten te beoordelen", number(len(o.issues))),
    ]
    label = max(len(name) for name, _ in rows) + 1
    for name, value in rows:
        print(f"{name + ':':{label}} {value}")
    return code


def _status_data(o: SyncOverview, disconnected: bool, code: int) -> dict[str, Any]:
    kinds: dict[str, int] = {}
    for issue in o.issues:
        kinds[issue.kind] = kinds.get(issue.kind, 0) + 1
    return {
        "enrolled": o.enrolled,
        "disconnected": disconnected,
        "demo_store": o.demo_store,
        "server_url": o.server_url,
        "account": o.account,
        "device_id": o.device_id,
        "last_sync_at": o.last_sync_at,
        "pending_changes": o.pending_changes,
        "waiting_for_access": o.waiting_for_access,
        "set_aside": len(o.set_aside),
        "conflicts": len(o.issues),
        "conflicts_by_kind": kinds,
        "exit_code": code,
    }


def _moment(iso: str) -> str:
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    return f"{moment:%d-%m-%Y %H:%M:%S}"
