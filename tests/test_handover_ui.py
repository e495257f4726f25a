"""The Handover tab in the real main window on the demo data: the dossier as sections with
counts, the account holder changed through its dialog (and the page following the change
bus), markup in a store text shown literally, and "PDF…" writing the internal PDF (audited)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QWidget
from sqlalchemy import select

from inspectorapp.bootstrap import build_main_window
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.paths import app_paths
from storage import models as m
from ui.account_holder_dialog import AccountHolderDialog
from ui.handover_view import HandoverView
from ui.main_window import MainWindow

from .test_app_window import _create, _shot, _wait_rows, laptop_size

HOSTILE = "<b>Dr. Vet</b> &amp; co"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    paths = app_paths(tmp_path / "home").ensure()
    w = build_main_window(QApplication.instance(), paths)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    laptop_size(w)
    _create(qtbot, w)
    _wait_rows(qtbot, w, 4)
    yield w
    w.lock()


def _open(qtbot, w: MainWindow, name: str = "Ziekenhuis A") -> HandoverView:
    assert w.shell is not None
    org = w.workspace.call(
        lambda s: s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one()
    )
    w.shell.open_subject(SubjectRef.organisation(org))
    page = w.shell.organisation_page
    tabs = page.tabs
    view = next(tabs.widget(n) for n in range(tabs.count()) if isinstance(tabs.widget(n), HandoverView))
    assert tabs.tabText(tabs.indexOf(view)) == QCoreApplication.translate("Shell", "Handover")
    tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.data is not None and view.data.title == name, timeout=20000)
    return view


def _texts(view: HandoverView) -> list[str]:
    return [label.text() for label in view.body.findChildren(QLabel)]


def _tr(text: str, n: int | None = None) -> str:
    if n is None:
        return QCoreApplication.translate("HandoverView", text)
    return QCoreApplication.translate("HandoverView", text, "", n)


def test_the_tab_shows_the_dossier_in_sections(qtbot, window: MainWindow) -> None:
    view = _open(qtbot, window)
    d = view.data
    assert d is not None
    texts = _texts(view)
    for heading in (
        _tr("Account holder"),
        _tr("Open concerns (%n)", len(d.concerns)),
        _tr("Signals (%n)", d.signal_count),
        _tr("Decisions (%n)", len(d.decisions)),
        _tr("Supervision trajectories (%n)", len(d.trajectories)),
        _tr("Key contacts (%n)", len(d.contacts)),
        _tr("Latest reflections (%n)", len(d.reflections)),
    ):
        assert heading in texts, heading
    assert "Mogelijk onveilig meldklimaat op 3 Oost" in texts
    assert any(t.startswith("Bestuur onvoldoende in control") for t in texts)
    assert _tr("+ %n internal item(s) left out", d.left_out) in texts
    # every store text plain: no label renders rich text
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in view.body.findChildren(QLabel))
    # it scrolls within the laptop screen instead of growing the window
    assert window.width() <= 1366 and window.height() <= 768
    qtbot.waitUntil(lambda: view.scroller.verticalScrollBar().maximum() > 0, timeout=5000)
    if path := os.environ.get("HANDOVER_GRAB"):  # to look at the tab while working on it
        window.grab().save(path)
    _shot(window, "handover-dossier.png")


def test_changing_the_holder_from_the_tab(qtbot, window: MainWindow) -> None:
    view = _open(qtbot, window)
    loads = view.loads
    view.holder_button.click()
    dialog = next(
        d for d in QApplication.topLevelWidgets() if isinstance(d, AccountHolderDialog) and d.isVisible()
    )
    qtbot.waitUntil(lambda: dialog.loads > 0 and dialog.history.rowCount() > 0, timeout=10000)
    qtbot.keyClicks(dialog.holder, HOSTILE)
    dialog.reason.setPlainText("Overdracht <i>na</i> verlof")
    dialog.save()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(
        lambda: (
            view.loads > loads
            and view.data is not None
            and view.data.holder is not None
            and view.data.holder.holder == HOSTILE
        ),
        timeout=10000,
    )
    today = date.today()
    assert _tr("{0}, since {1}").format(HOSTILE, f"{today:%d-%m-%Y}") in _texts(view)
    page = window.shell.organisation_page  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: HOSTILE in page.fields.text(), timeout=10000)


def test_a_blank_holder_is_refused_with_the_message(qtbot, window: MainWindow) -> None:
    view = _open(qtbot, window)
    dialog = AccountHolderDialog(window.workspace, view.data.subject, parent=view)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()
    required = QCoreApplication.translate("messages", "{field} is required.").format(
        field=QCoreApplication.translate("messages", "Account holder")
    )
    qtbot.waitUntil(lambda: dialog.error.text() == required, timeout=10000)
    assert dialog.isVisible() and dialog.buttons.isEnabled()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_button_writes_the_internal_pdf(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _open(qtbot, window)
    target = tmp_path / "dossier.pdf"
    offered: list[str] = []

    def answer(_parent: QWidget, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(target), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    qtbot.waitUntil(view.pdf_button.isEnabled, timeout=10000)
    done = view.pdfs
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pdfs > done, timeout=30000)
    assert offered and offered[0].endswith("Ziekenhuis A.pdf")
    assert view.status.text() == _tr("Saved: {0}").format("dossier.pdf")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Ziekenhuis A" in text and "Mogelijk onveilig meldklimaat op 3 Oost" in text
    audits = window.workspace.call(
        lambda s: list(s.scalars(select(m.AuditLog).where(m.AuditLog.action == "handover.pdf")))
    )
    assert len(audits) == 1 and audits[0].details["file"] == "dossier.pdf"
    # a folder that does not exist: the translated message, nothing written
    done = view.pdfs
    view.save_pdf_to(tmp_path / "missing" / "x.pdf")
    qtbot.waitUntil(lambda: view.pdfs > done, timeout=30000)
    expected = QCoreApplication.translate(
        "messages", "The folder of {path} does not exist. Nothing was written."
    )
    assert view.status.text() == expected.format(path=tmp_path / "missing" / "x.pdf")
