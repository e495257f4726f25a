"""The timeline's "PDF…" button (issue #14, part 7): the real TimelineView on the demo data,
the OS save dialog answered by a patched QFileDialog.getSaveFileName, the PDF read back with
poppler. It holds the name, the internal marking and what the picture shows, never a
restricted or reporter-confidential signal; a target it cannot write gets the translated
message and leaves what was there."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspectorapp.domain.enums import Confidentiality
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.domain.timeline import NOT_FOR_PDF, ItemKind
from inspectorapp.paths import app_paths
from inspectorapp.services import demo
from inspectorapp.services.exports import ExportPathError
from inspectorapp.workspace import Workspace
from storage import models as m
from ui.messages import message_for
from ui.timeline_view import TimelineView

from . import helpers
from .conftest import PASSPHRASE

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.create(app_paths(tmp_path / "home").ensure(), PASSPHRASE, PASSPHRASE, "Tester")
    ws.call(demo.load_demo, ws.ctx)
    yield ws
    ws.close()


@pytest.fixture
def dutch() -> Iterator[None]:
    """The interface in Dutch, so the PDF is (it follows the interface language)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    yield
    QLocale.setDefault(before)


class SaveDialog:
    """QFileDialog.getSaveFileName, the OS dialog: answers ``answer`` and keeps what it was
    offered."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: Path | None) -> None:
        self.answer = answer
        self.offered: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self)

    def __call__(self, _parent: QWidget, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        self.offered.append(start)
        return (str(self.answer), "PDF (*.pdf)") if self.answer else ("", "")


def _view(qtbot: QtBot, workspace: Workspace, name: str = "Ziekenhuis A") -> TimelineView:
    view = TimelineView(workspace)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    org = workspace.call(
        lambda s: s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one()
    )
    view.show_subject(SubjectRef.organisation(org))
    qtbot.waitUntil(lambda: view.loads >= 1, timeout=10000)
    return view


def _click_pdf(qtbot: QtBot, view: TimelineView) -> None:
    done = view.pdfs
    assert view.pdf_button.isVisible() and view.pdf_button.isEnabled()
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pdfs > done, timeout=20000)


def _text(pdf: Path, *pages: str) -> str:
    """The PDF's text in drawing order (-raw keeps a wrapped table cell together), words
    separated by single spaces."""
    out = subprocess.run(
        ["pdftotext", "-raw", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


def _start(text: str, words: int = 6) -> str:
    return " ".join(text.split()[:words])


def _audits(workspace: Workspace) -> list[m.AuditLog]:
    return workspace.call(
        lambda s: list(s.scalars(select(m.AuditLog).where(m.AuditLog.action == "timeline.pdf")))
    )


def test_the_button_saves_what_the_view_shows_without_confidential_signals(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dutch: None
) -> None:
    view = _view(qtbot, workspace)
    assert view.data is not None
    items = view.data.items
    hidden = [i for i in items if i.confidentiality in NOT_FOR_PDF]
    # The view shows both kinds the PDF leaves out; otherwise the test would prove nothing.
    assert {i.confidentiality for i in hidden} == {
        Confidentiality.RESTRICTED,
        Confidentiality.REPORTER_CONFIDENTIAL,
    }
    shown_signal = next(
        i for i in items if i.kind == ItemKind.SIGNAL and i.confidentiality == Confidentiality.TEAM
    )
    visit = next(i for i in items if i.kind == ItemKind.VISIT and i.text)
    target = tmp_path / "out" / "tijdlijn.pdf"
    target.parent.mkdir()
    dialog = SaveDialog(monkeypatch, target)

    _click_pdf(qtbot, view)

    (offered,) = dialog.offered
    assert Path(offered).name == f"{view.data.today.isoformat()} tijdlijn Ziekenhuis A.pdf"
    assert target.exists(), view.status.text()
    assert sorted(p.name for p in target.parent.iterdir()) == ["tijdlijn.pdf"]  # no temp file left
    assert target.name in view.status.text() and str(len(hidden)) in view.status.text()
    text = _text(target)
    assert "Tijdlijn Ziekenhuis A" in text
    assert "intern – niet voor verzending" in text
    assert _start(shown_signal.text) in text
    assert _start(visit.text, 3) in text
    assert "Fusie" in text and "Bestuurswissel" in text
    for item in hidden:
        assert _start(item.text, 4) not in text, item.text
    assert f"{len(hidden)} vertrouwelijke signalen" in text
    # Page 1 is the picture; every page says it is internal.
    assert "Signalen: negatief" in _text(target, "-f", "1", "-l", "1")
    pages = int(next(ln for ln in _info(target) if ln.startswith("Pages:")).split()[1])
    for page in range(1, pages + 1):
        assert "intern – niet voor verzending" in _text(target, "-f", str(page), "-l", str(page))
    # Audited: who made which bytes under which name, and how many signals it left out.
    (audit,) = _audits(workspace)
    assert audit.entity == "organisation" and audit.entity_id == view.subject.id  # type: ignore[union-attr]
    assert audit.details["file"] == "tijdlijn.pdf" and audit.details["left_out"] == len(hidden)
    assert len(audit.details["sha256"]) == 64
    assert view.pdf_action.isEnabled()
    loads = view.loads  # the outcome stays in view when the timeline reads again (a sync)
    view.reload()
    qtbot.waitUntil(lambda: view.loads > loads, timeout=10000)
    assert target.name in view.status.text()
    subprocess.run(
        ["pdftoppm", "-r", "70", "-f", "1", "-l", "1", "-png", str(target), str(tmp_path / "page")],
        check=True,
    )
    if shot := os.environ.get("VELDWERK_SCREENSHOTS"):
        shutil.copy(tmp_path / "page-1.png", Path(shot) / "timeline-pdf.png")


def _info(pdf: Path) -> list[str]:
    return subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()


def test_the_pdf_keeps_the_period_chosen_and_ctrl_p_asks_too(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dutch: None
) -> None:
    view = _view(qtbot, workspace)
    view.from_month.setDate(QDate(2026, 1, 1))
    view.compress.setChecked(True)
    dialog = SaveDialog(monkeypatch, None)  # cancelled: nothing happens
    view.scroller.setFocus()
    qtbot.keyClick(view.scroller, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.offered) == 1 and view.pdfs == 0
    dialog.answer = tmp_path / "2026"  # no suffix: .pdf is added
    _click_pdf(qtbot, view)
    target = tmp_path / "2026.pdf"
    text = _text(target)
    assert "Periode jan 2026" in text
    assert "Gebeurtenis: Fusie" not in text  # April 2025, before the period
    assert "Bestuurswissel" not in text  # December 2025
    assert "Inspectie" in text  # begun in 2025 and still running: in the period
    assert "Kennismaking met de nieuwe voorzitter" in text  # February 2026


def test_a_target_it_cannot_write_gets_the_message_and_keeps_what_was_there(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _view(qtbot, workspace)
    # A folder that does not exist: refused, and not made.
    missing = tmp_path / "weg" / "tijdlijn.pdf"
    SaveDialog(monkeypatch, missing)
    _click_pdf(qtbot, view)
    assert view.status.text() == message_for(ExportPathError(missing, "no_folder"))
    assert not missing.parent.exists()
    # A folder without write permission, holding an earlier PDF: refused, the earlier one intact.
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    earlier = folder / "tijdlijn.pdf"
    earlier.write_bytes(b"%PDF-1.4 earlier")
    SaveDialog(monkeypatch, earlier)
    with helpers.read_only_folder(folder) as effective:
        if not effective:
            pytest.skip("this system cannot make a folder read-only for root")
        _click_pdf(qtbot, view)
    assert view.status.text() == message_for(ExportPathError(earlier, "not_writable"))
    assert earlier.read_bytes() == b"%PDF-1.4 earlier"
    assert sorted(p.name for p in folder.iterdir()) == ["tijdlijn.pdf"]
    assert _audits(workspace) == []
    # Nothing of the view is lost, and the next try works.
    assert view.data is not None and view.pdf_action.isEnabled()
    SaveDialog(monkeypatch, tmp_path / "tijdlijn.pdf")
    _click_pdf(qtbot, view)
    assert (tmp_path / "tijdlijn.pdf").read_bytes().startswith(b"%PDF")
    assert len(_audits(workspace)) == 1
