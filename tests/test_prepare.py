"""Prepare an inspection from nothing through the real forms, then take notes in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QApplication

from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.drafts import InspectionDraft
from inspectorapp.domain.enums import InspectionType, InspectorateRole
from inspectorapp.errors import ValidationError
from inspectorapp.paths import app_paths
from inspectorapp.services import inspections
from storage.engine import Store
from ui.inspection_form import InspectionForm
from ui.main_window import MainWindow
from ui.visit_forms import ConversationForm, VisitForm

from . import helpers
from .test_app_window import _create, _wait_rows
from .test_visit_workspace import _type


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    paths = app_paths(tmp_path / "home").ensure()
    w = build_main_window(QApplication.instance(), paths)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    yield w
    w.lock()


def _check(widget, text: str) -> None:
    for i in range(widget.count()):
        if text in widget.item(i).text():
            widget.item(i).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{text!r} not offered")


def test_prepare_inspection_visit_and_conversation_then_take_notes(qtbot, window: MainWindow) -> None:
    w = window
    rows_before = w.shell.inspections.rowCount()
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.findChild(InspectionForm) is not None, timeout=5000)
    form = w.findChild(InspectionForm)
    qtbot.waitUntil(lambda: form.subjects.count() > 0 and form.themes.count() >= 20, timeout=5000)
    form.save()  # nothing filled in: refused with reasons, the form stays
    qtbot.waitUntil(lambda: form.error.text() != "", timeout=5000)
    assert "Titel is verplicht." in form.error.text()
    assert form.isVisible()
    _type(qtbot, form.title, "Vervolgbezoek dementienetwerk Lindeveen")
    form.role.setCurrentIndex(form.role.findData("sparringpartner"))
    form.kind.setCurrentIndex(form.kind.findData("netwerk"))
    _check(form.subjects, "Dementienetwerk Lindeveen")
    _check(form.themes, "T08")
    _type(qtbot, form.team, "Inspecteur De Vries, Inspecteur Öztürk")
    form.save()
    page = w.shell.inspection_page
    qtbot.waitUntil(
        lambda: (
            w.shell.pages.currentWidget() is page
            and page.detail is not None
            and page.detail.title.startswith("Vervolgbezoek")
        ),
        timeout=10000,
    )
    assert page.detail.team == ("Inspecteur De Vries", "Inspecteur Öztürk")
    assert page.detail.known_signals > 0  # earlier signals about the network's members
    qtbot.waitUntil(lambda: w.shell.inspections.rowCount() == rows_before + 1, timeout=5000)

    qtbot.mouseClick(page.add_visit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.findChild(VisitForm) is not None, timeout=5000)
    visit_form = w.findChild(VisitForm)
    visit_form.date.setDate(QDate(2026, 12, 3))
    _type(qtbot, visit_form.location, "Gemeentehuis Lindeveen")
    visit_form.save()
    qtbot.waitUntil(lambda: page.visits.count() == 1, timeout=5000)
    assert "03-12-2026 · Gemeentehuis Lindeveen" in page.visits.item(0).text()

    qtbot.keyClick(page.visits, Qt.Key.Key_Return)
    visit_page = w.shell.visit_page
    qtbot.waitUntil(
        lambda: visit_page.data is not None and visit_page.data.location == "Gemeentehuis Lindeveen",
        timeout=5000,
    )
    qtbot.mouseClick(visit_page.add_conversation, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.findChild(ConversationForm) is not None, timeout=5000)
    conv_form = w.findChild(ConversationForm)
    qtbot.waitUntil(lambda: conv_form.kind.count() >= 12, timeout=5000)
    conv_form.kind.setCurrentIndex(conv_form.kind.findData("INDIVIDUEEL_GESPREK"))
    _type(qtbot, conv_form.title, "Interview netwerkcoördinator")
    conv_form.save()
    qtbot.waitUntil(
        lambda: visit_page.conversations.count() == 1 and visit_page.editor.conversation_id is not None,
        timeout=5000,
    )
    _type(qtbot, visit_page.editor, "De coördinator werkt sinds de zomer alleen.")
    qtbot.waitUntil(lambda: not visit_page.editor.has_unsaved(), timeout=5000)


def test_inspection_needs_a_subject(store: Store, ctx) -> None:
    with store.transaction() as s:
        helpers.organisation(s, ctx)
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        inspections.create_inspection(
            s,
            ctx,
            InspectionDraft(
                title="Zonder onderwerp",
                inspection_type=InspectionType.THEMATIC,
                declared_role=InspectorateRole.COMPLIANCE,
                subjects=(),
            ),
        )
    assert [(i.field, i.problem) for i in err.value.issues] == [("subjects", "required")]


def test_what_is_known_and_invitations_incl_deliberate_non_invitation(qtbot, window: MainWindow) -> None:
    from ui.visit_forms import InvitationForm

    w = window
    shell = w.shell
    row = next(
        r for r in range(shell.inspections.rowCount()) if "Ziekenhuis A" in shell.inspections.row_at(r).title
    )
    shell.inspection_activated.emit(shell.inspections.row_at(row).id)
    page = shell.inspection_page
    qtbot.waitUntil(lambda: page.detail is not None and "Ziekenhuis A" in page.detail.title, timeout=10000)
    texts = [page.earlier.item(i).text() for i in range(page.earlier.count())]
    heading = QCoreApplication.translate("InspectionPage", "Open concerns")
    assert any(t.startswith(heading) for t in texts)  # open concerns, as a group
    assert any("Ziekenhuis A" in t for t in texts)  # earlier signals
    invitations = page.invitations.count()
    qtbot.mouseClick(page.add_invitation, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.findChild(InvitationForm) is not None, timeout=5000)
    form = w.findChild(InvitationForm)
    qtbot.waitUntil(lambda: form.organisation.count() > 1, timeout=5000)
    form.save()  # neither party nor reason: refused
    qtbot.waitUntil(lambda: form.error.text() != "", timeout=5000)
    form.organisation.setCurrentIndex(form.organisation.findText("Ziekenhuis A"))
    form.status.setCurrentIndex(form.status.findData("bewust_niet_uitgenodigd"))
    _type(qtbot, form.reason, "Raad van bestuur bewust niet bij het groepsgesprek met de werkvloer")
    form.save()
    qtbot.waitUntil(lambda: page.invitations.count() == invitations + 1, timeout=5000)
    assert "bewust niet uitgenodigd" in page.invitations.item(page.invitations.count() - 1).text()


def test_export_button_writes_each_format(qtbot, window: MainWindow, tmp_path: Path) -> None:
    import json
    import zipfile

    w = window
    shell = w.shell
    row = next(
        r for r in range(shell.inspections.rowCount()) if "dementie" in shell.inspections.row_at(r).title
    )
    inspection_id = shell.inspections.row_at(row).id
    shell.inspection_activated.emit(inspection_id)
    page = shell.inspection_page
    qtbot.waitUntil(lambda: page.detail is not None and page.export_menu.count() == 3, timeout=10000)
    for kind, name in (("json", "i.json"), ("csv", "i.zip"), ("qdpx", "i.qdpx")):
        w.export_inspection(inspection_id, kind, str(tmp_path / name))
        qtbot.waitUntil(lambda n=name: (tmp_path / n).exists(), timeout=10000)
    assert (
        json.loads((tmp_path / "i.json").read_text("utf-8"))["tables"]["inspection"][0]["id"] == inspection_id
    )
    assert "note_paragraph.csv" in zipfile.ZipFile(tmp_path / "i.zip").namelist()
    assert "project.qde" in zipfile.ZipFile(tmp_path / "i.qdpx").namelist()
