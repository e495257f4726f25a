"""The Overleg page with real widgets on a demo store: a new meeting with two organisations
through the dialog, its agenda pack on screen, the internal PDF written and read back (the
marking on every page), the overdue list opening an organisation."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspectorapp.domain.enums import DeliberationKind
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.executor import DbExecutor
from inspectorapp.paths import app_paths
from inspectorapp.services import demo
from inspectorapp.store_access import create_store
from inspectorapp.workspace import Workspace
from storage import models as m
from ui.deliberation_dialog import DeliberationDialog
from ui.deliberation_page import DeliberationPage

from .conftest import PASSPHRASE

TODAY = date(2026, 12, 6)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    paths = app_paths(tmp_path / "home").ensure()
    store = create_store(paths.store_file, PASSPHRASE)
    ws = Workspace(DbExecutor(store), ActionContext("Inspecteur De Vries", "device-1"), paths)
    ws.call(lambda s: demo.load_demo(s, ws.ctx))
    yield ws
    ws.close()


def _org(ws: Workspace, name: str) -> str:
    return ws.call(lambda s: s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one())


def _page(qtbot: QtBot, ws: Workspace, opened: list[SubjectRef]) -> DeliberationPage:
    page = DeliberationPage(ws, opened.append, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.loads > 0 and page.pack_loads > 0, timeout=15000)
    return page


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_new_meeting_with_two_organisations_its_pack_and_pdf(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    opened: list[SubjectRef] = []
    page = _page(qtbot, workspace, opened)
    before = len(page.summaries)
    page.new_deliberation()
    dialog = page.opened
    assert isinstance(dialog, DeliberationDialog)
    qtbot.waitUntil(lambda: dialog.loads > 0, timeout=10000)
    dialog.kind.setCurrentIndex(dialog.kind.findData(DeliberationKind.MDO))
    dialog.held_on.setDate(QDate(2027, 1, 12))
    dialog.title.setText("MDO <b>december</b> & meer")
    dialog.participants.setPlainText("Inspecteur De Vries\nSenior-inspecteur MSZ")
    a, b = (
        SubjectRef.organisation(_org(workspace, "Ziekenhuis A")),
        SubjectRef.organisation(_org(workspace, "Ziekenhuis B")),
    )
    dialog.add_subject(a)
    dialog.add_subject(b)
    dialog.add_subject(a)  # once on an agenda
    assert dialog.subjects() == [a, b]
    dialog.save()
    qtbot.waitUntil(
        lambda: (
            len(page.summaries) == before + 1
            and page.view is not None
            and page.view.title.startswith("MDO <b>")
        ),
        timeout=10000,
    )
    assert page.summaries[0].held_on == date(2027, 1, 12)  # newest first
    assert page.agenda_subjects() == [a, b]
    qtbot.waitUntil(
        lambda: (
            page.pack is not None
            and page.view is not None
            and page.pack.subject == a
            and page.pack.deliberation_id == page.view.id
        ),
        timeout=10000,
    )
    pack = page.pack
    assert pack is not None and pack.since == date(2026, 12, 15)  # the demo's periodic review
    assert pack.concerns  # Ziekenhuis A's open concerns, with their matrices
    shown = page.browser.toPlainText()
    heading = QCoreApplication.translate("AgendaPack", "Open concerns (%n)", "", len(pack.concerns))
    assert heading in shown and pack.concerns[0].title in shown
    assert "H1:" in shown

    page.agenda.setCurrentRow(1)
    qtbot.waitUntil(lambda: page.pack is not None and page.pack.subject == b, timeout=10000)

    target = tmp_path / "pakket.pdf"
    done = page.pdfs
    page.save_pdf_to(target)
    qtbot.waitUntil(lambda: page.pdfs > done, timeout=20000)
    assert target.exists(), page.status.text()
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")[:-1]
    assert pages
    for p in pages:
        assert "intern – niet voor verzending" in p.casefold() or "internal – not for sending" in p.casefold()
    flat = " ".join(text.split())
    assert "Ziekenhuis B" in flat and "MDO <b>december</b> & meer" in flat
    audited = workspace.call(
        lambda s: s.scalars(select(m.AuditLog.action).where(m.AuditLog.action == "agenda_pack.pdf")).all()
    )
    assert audited == ["agenda_pack.pdf"]


def test_overdue_list_opens_the_organisation(qtbot: QtBot, workspace: Workspace) -> None:
    opened: list[SubjectRef] = []
    page = _page(qtbot, workspace, opened)
    assert page.overdue.count() > 0
    page._open_overdue(page.overdue.item(0))
    assert len(opened) == 1
