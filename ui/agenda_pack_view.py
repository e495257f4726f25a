"""The agenda pack as a readable screen (sections with counts) for the Overleg page: simple
HTML in a QTextBrowser, every text from the store escaped."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication

from inspectorapp.domain.agenda_pack_views import AgendaPack

from . import labels


def _d(day: date) -> str:
    return f"{day:%d-%m-%Y}"


def _section(out: list[str], title: str, rows: list[str]) -> None:
    out.append(f"<h3>{escape(title)}</h3>")
    if rows:
        out.append("<ul>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>")
    else:
        none = QCoreApplication.translate("AgendaPack", "None.")  # outside the f-string: lupdate finds it
        out.append(f"<p><i>{escape(none)}</i></p>")


def pack_html(pack: AgendaPack) -> str:
    """The pack's sections, each titled with its count; rows are escaped text."""
    language = "en" if labels.english() else "nl"
    out: list[str] = []
    left_out = pack.left_out
    if left_out:
        text = QCoreApplication.translate("AgendaPack", "+ %n internal item(s) left out", "", left_out)
        out.append(f"<p><i>{escape(text)}</i></p>")

    n = len(pack.new_signals)
    if pack.since is not None:
        title = QCoreApplication.translate("AgendaPack", "New since the last review on {0} (%n)", "", n)
        title = title.format(_d(pack.since))
    else:
        title = QCoreApplication.translate("AgendaPack", "Never reviewed before: all signals (%n)", "", n)
    rows = []
    for s in pack.new_signals:
        text = f"{s.member}: {s.text}" if s.member else s.text
        rows.append(f"{_d(s.observed_on)} · {escape(s.status.text(language))} · {escape(text)}")
    _section(out, title, rows)

    rows = []
    for c in pack.concerns:
        hypotheses = "<br/>".join(f"H{i + 1}: {escape(h)}" for i, h in enumerate(c.hypotheses))
        signals = len(c.rows)
        matrix = QCoreApplication.translate("AgendaPack", "%n signal(s) in its evidence matrix", "", signals)
        status = escape(c.status.text(language))
        rows.append(f"<b>{escape(c.title)}</b> ({status})<br/>{hypotheses}<br/>{escape(matrix)}")
    n = len(pack.concerns)
    _section(out, QCoreApplication.translate("AgendaPack", "Open concerns (%n)", "", n), rows)

    rows = [f"{escape(p.first)} <b>⟷</b> {escape(p.second)}" for p in pack.pairs]
    n = len(pack.pairs)
    _section(
        out, QCoreApplication.translate("AgendaPack", "Contradictions and incongruences (%n)", "", n), rows
    )

    rows = [f"{_d(i.due_since)} · {escape(i.title)}" for i in pack.overdue]
    n = len(pack.overdue)
    _section(out, QCoreApplication.translate("AgendaPack", "Past their review date (%n)", "", n), rows)

    rows = []
    for i in pack.interventions:
        when = _d(i.planned_on) if i.planned_on else "–"
        rows.append(f"{when} · {escape(i.action.text(language))} · {escape(i.text)}")
    n = len(pack.interventions)
    _section(out, QCoreApplication.translate("AgendaPack", "Planned interventions (%n)", "", n), rows)

    late = escape(QCoreApplication.translate("AgendaPack", "late"))
    rows = [
        f"{_d(r.due_on)} · {escape(r.duty)}" + (f" <b>{late}</b>" if r.late else "") for r in pack.reports
    ]
    n = len(pack.reports)
    _section(out, QCoreApplication.translate("AgendaPack", "Trajectory reports due (%n)", "", n), rows)

    rows = []
    for d in pack.decisions:
        if d.action is not None:
            what = d.action.text(language)
        else:
            what = QCoreApplication.translate("AgendaPack", "Come back on {0}").format(
                _d(d.return_on or d.decided_on)
            )
        rows.append(f"<b>{escape(what)}</b>: {escape(d.rationale)}")
    n = len(pack.decisions)
    _section(out, QCoreApplication.translate("AgendaPack", "Decisions in this meeting (%n)", "", n), rows)
    return "".join(out)
