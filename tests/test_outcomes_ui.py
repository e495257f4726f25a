"""After the visits: findings, a converted soft signal, follow-up and the report, through the
real widgets of the inspection page (offscreen), checked in the store afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.store_access import open_store
from storage import models as m
from ui.convert_signal_dialog import ConvertSignalDialog
from ui.evidence_picker import EvidencePicker
from ui.intervention_dialog import InterventionDialog
from ui.main_window import MainWindow

from .conftest import PASSPHRASE
from .test_app_window import _shot
from .test_visit_workspace import _type, window  # noqa: F401  (fixture)


def _open_inspection(qtbot, w: MainWindow, title_part: str, tab: str):
    shell = w.shell
    row = next(
        r for r in range(shell.inspections.rowCount()) if title_part in shell.inspections.row_at(r).title
    )
    shell.table.setCurrentIndex(shell.inspections.index(row, 0))
    shell.table.setFocus()
    qtbot.keyClick(shell.table, Qt.Key.Key_Return)
    page = shell.inspection_page
    qtbot.waitUntil(lambda: shell.pages.currentWidget() is page and page.detail is not None, timeout=10000)
    page.show_tab(tab)
    return page


def _dialog(qtbot, kind: type[QDialog]) -> QDialog:
    qtbot.waitUntil(
        lambda: any(isinstance(d, kind) and d.isVisible() for d in QApplication.topLevelWidgets())
    )
    return next(d for d in QApplication.topLevelWidgets() if isinstance(d, kind) and d.isVisible())


@contextmanager
def _reading(w: MainWindow) -> Iterator[Session]:
    """A second connection beside the app's (WAL lets both read)."""
    store = open_store(w.paths.store_file, PASSPHRASE)
    try:
        with store.session() as s:
            yield s
    finally:
        store.close()


def test_write_a_finding_with_evidence_it_autosaves(qtbot, window: MainWindow) -> None:  # noqa: F811
    w = window
    page = _open_inspection(qtbot, w, "dementiezorg", "findings")
    panel = page.findings
    qtbot.waitUntil(lambda: panel.list.count() == 5, timeout=10000)
    assert panel.mode.currentData() == "summatief" and panel.editor.light.isVisibleTo(panel)
    panel.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: panel.editor.finding_id is not None)
    assert "wachttijd" in panel.editor.see.toPlainText()
    _shot(w, "findings.png")
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    panel.editor.theme.setCurrentIndex(panel.editor.theme.findData("T05"))
    _type(qtbot, panel.editor.see, "Wachtlijsten worden niet gedeeld tussen aanbieders.")
    _type(qtbot, panel.editor.next, "Het netwerk deelt maandelijks één overzicht.")
    qtbot.mouseClick(panel.editor.add_evidence, Qt.MouseButton.LeftButton)
    picker = _dialog(qtbot, EvidencePicker)
    qtbot.keyClicks(picker.filter, "Wachtlijst casemanagement")
    visible = [picker.list.item(i) for i in range(picker.list.count()) if not picker.list.item(i).isHidden()]
    assert visible
    visible[0].setCheckState(Qt.CheckState.Checked)
    picker.accept()
    qtbot.waitUntil(lambda: panel.editor.evidence.count() == 1)
    qtbot.waitUntil(lambda: panel.list.count() == 6, timeout=10000)  # saved without a save button
    with _reading(w) as s:
        f = s.scalars(select(m.Finding).where(m.Finding.theme_code == "T05")).one()
        evidence = s.scalars(select(m.FindingEvidence).where(m.FindingEvidence.finding_id == f.id)).all()
    assert f.what_next == "Het netwerk deelt maandelijks één overzicht." and len(evidence) == 1
    # switching to formative is refused while traffic lights are set; the combo shows the stored mode
    panel.mode.setCurrentIndex(panel.mode.findData("formatief"))
    panel.mode.activated.emit(panel.mode.currentIndex())
    qtbot.waitUntil(lambda: "traffic lights" in panel.status.text() or "stoplicht" in panel.status.text())
    qtbot.waitUntil(lambda: panel.mode.currentData() == "summatief")


def test_convert_a_soft_signal_refused_without_substantiation(qtbot, window: MainWindow) -> None:  # noqa: F811
    w = window
    panel = _open_inspection(qtbot, w, "dementiezorg", "findings").findings
    qtbot.waitUntil(lambda: panel.list.count() == 5, timeout=10000)
    qtbot.mouseClick(panel.convert_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, ConvertSignalDialog)
    assert dialog.signal.count() >= 2  # the unconverted soft signals of the inspection
    dialog.signal.setCurrentIndex(dialog.signal.findData(dialog.signal.itemData(0)))
    assert dialog.editor.see.toPlainText()  # prefilled with the observation
    qtbot.mouseClick(dialog.convert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert dialog.isVisible()  # refused: a soft signal alone is not a finding
    with _reading(w) as s:
        assert len(s.scalars(select(m.Finding)).all()) == 5
    qtbot.mouseClick(dialog.editor.add_evidence, Qt.MouseButton.LeftButton)
    picker = _dialog(qtbot, EvidencePicker)
    qtbot.keyClicks(picker.filter, "Wachtlijst")
    row = next(
        picker.list.item(i)
        for i in range(picker.list.count())
        if not picker.list.item(i).isHidden() and "intern" not in picker.list.item(i).text()
    )
    row.setCheckState(Qt.CheckState.Checked)
    picker.accept()
    _shot(dialog, "convert-signal.png")
    qtbot.mouseClick(dialog.convert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: panel.list.count() == 6, timeout=10000)
    assert panel.editor.converted.isVisibleTo(panel)


def test_follow_up_intervention_and_reflection(qtbot, window: MainWindow) -> None:  # noqa: F811
    w = window
    panel = _open_inspection(qtbot, w, "dementiezorg", "follow_up").follow_up
    qtbot.waitUntil(lambda: panel.table.rowCount() >= 5, timeout=10000)
    before = panel.table.rowCount()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, InterventionDialog)
    dialog.action.setCurrentIndex(dialog.action.findData("PLAN_VAN_AANPAK_EISEN"))
    dialog.finding.setCurrentIndex(1)
    dialog.assessment.setCurrentIndex(dialog.assessment.findData("afgewezen"))
    dialog._save()  # the Save button's slot
    qtbot.waitUntil(lambda: dialog.error.text() != "")  # a rejected plan needs its reason
    _type(qtbot, dialog.outcome, "De huisartsen zijn niet betrokken bij het plan.")
    dialog._save()
    qtbot.waitUntil(lambda: panel.table.rowCount() == before + 1, timeout=10000)
    _type(qtbot, panel.reflection_text, "Halverwege: de werkgroep meer ruimte geven.")
    panel.moment.setCurrentIndex(panel.moment.findData("halverwege"))
    qtbot.mouseClick(panel.add_reflection, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.reflection_text.toPlainText() == "", timeout=10000)
    _shot(w, "follow-up.png")
    with _reading(w) as s:
        rejected = s.scalars(
            select(m.Intervention).where(m.Intervention.outcome.startswith("De huisartsen"))
        ).one()
        assert rejected.assessment.value == "afgewezen" and rejected.finding_id is not None
        texts = [r.text for r in s.scalars(select(m.Reflection))]
    assert "Halverwege: de werkgroep meer ruimte geven." in texts


def test_report_preview_then_save_with_hash_in_name(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: F811
    w = window
    panel = _open_inspection(qtbot, w, "dementiezorg", "report").report
    qtbot.waitUntil(lambda: panel.draft is not None and panel.sections.count() == 10, timeout=10000)
    assert panel.texts["summary"].toPlainText().startswith("Het dementienetwerk Lindeveen")
    qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.pdf is not None, timeout=30000)
    qtbot.waitUntil(lambda: panel.pages_box.count() >= 10)
    assert panel.content is not None and panel.content.content_hash() in panel.hash.text()
    qtbot.wait(100)  # one layout pass for the page images
    _shot(w, "report-preview.png")
    target = tmp_path / "out" / "rapport.pdf"
    target.parent.mkdir()
    panel.save_to(target)
    assert target.read_bytes() == panel.pdf
    qtbot.waitUntil(lambda: "rapport.pdf" in panel.status.text())
    # an edit makes the preview stale and is saved into the draft
    panel.sections.item(panel.sections.count() - 1).setCheckState(Qt.CheckState.Unchecked)
    assert "F5" in panel.status.text()
    qtbot.waitUntil(lambda: panel.draft is not None and "bronnen" not in panel.draft.sections, timeout=10000)
    with _reading(w) as s:
        actions = list(s.scalars(select(m.AuditLog.action).where(m.AuditLog.action.like("report.%"))))
    assert "report.generate" in actions and "report.save" in actions
