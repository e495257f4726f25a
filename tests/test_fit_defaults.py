"""Defaults a new inspector meets (issue #13): findings addressed as the inspection's subjects
suggest, an empty Findings tab that says what to do, summaries cut at word boundaries, and a
new conversation dated by its visit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDateTime, QTime
from sqlalchemy import select

from inspectorapp.domain.enums import AddressedTo, SubjectKind
from inspectorapp.services import demo, outcome_options
from storage import models as m
from storage.engine import Store
from ui.findings_panel import summary
from ui.main_window import MainWindow
from ui.visit_forms import ConversationForm, starts_default

from .screen_checks import _dialog_of
from .test_screen_fit import _go_inspection, _go_visit, window  # noqa: F401  (fixture)


def _inspection(s, part: str) -> m.Inspection:
    return next(i for i in s.scalars(select(m.Inspection)) if part in i.title)


def test_outcome_defaults_follow_the_subjects(store: Store, ctx) -> None:
    with store.session() as s:
        demo.load_demo(s, ctx)
        hospital = _inspection(s, "Ziekenhuis A")
        network = _inspection(s, "dementiezorg")
        own = s.scalars(
            select(m.InspectionSubject.organisation_id).where(
                m.InspectionSubject.inspection_id == hospital.id,
                m.InspectionSubject.subject_kind == SubjectKind.ORGANISATION,
            )
        ).first()
        by_hospital = outcome_options.outcome_options(s, hospital.id)
        by_network = outcome_options.outcome_options(s, network.id)
        members = set(s.scalars(select(m.NetworkMembership.organisation_id)))
    assert by_hospital.default_addressed_to == AddressedTo.PARTY
    assert by_hospital.default_organisation_id == own
    assert by_hospital.organisations[0].id == own  # the inspection's own organisation first
    assert by_network.default_addressed_to == AddressedTo.NETWORK
    assert by_network.organisations[0].id in members  # a member of the network, not just any
    assert by_network.default_organisation_id == by_network.organisations[0].id


def test_summary_is_cut_at_a_word_boundary() -> None:
    text = "De wachttijd voor casemanagement dementie is bij Zorggroep Lindehof negen weken"
    short = summary(text, 40)
    assert short.endswith("\u00a0…") and len(short) <= 40
    assert text.startswith(short.removesuffix("\u00a0…")) and text[len(short) - 2] == " "
    assert summary("Kort  en\ngoed", 40) == "Kort en goed"


def test_conversation_starts_on_its_visit_date() -> None:
    now = QDateTime.currentDateTime()
    past = starts_default(date(2025, 2, 11), now)
    assert past.date().toString("yyyy-MM-dd") == "2025-02-11" and past.time() == now.time()
    assert starts_default(None, now) == now


def test_hospital_findings_tab_defaults_to_its_organisation(qtbot, window: MainWindow) -> None:  # noqa: F811
    w = window
    _go_inspection(qtbot, w, "Ziekenhuis A")
    page = w.shell.inspection_page
    page.show_tab("findings")
    panel = page.findings
    qtbot.waitUntil(lambda: panel.options is not None and panel.overview is not None, timeout=10000)
    editor = panel.editor
    assert editor.finding_id is None
    assert editor.addressed.currentData() == AddressedTo.PARTY
    assert editor.organisation.currentData() == panel.options.default_organisation_id
    assert "Ziekenhuis A" in editor.organisation.currentText() and editor.organisation.isEnabled()
    assert not panel.overview.findings  # the demo hospital has none yet: the tab says what to do
    assert panel.empty_hint.isVisibleTo(panel)
    assert panel.empty_hint.text().startswith(("No findings yet", "Nog geen bevindingen"))
    # a network's finding is addressed to the network
    _go_inspection(qtbot, w, "dementiezorg")
    network = page.detail.id
    qtbot.waitUntil(
        lambda: (
            panel.overview is not None
            and panel.overview.inspection_id == network
            and bool(panel.list.count())
        ),
        timeout=10000,
    )
    panel.new_finding()
    assert editor.addressed.currentData() == AddressedTo.NETWORK and not editor.organisation.isEnabled()
    assert not panel.empty_hint.isVisibleTo(panel)
    for row, finding in enumerate(panel.overview.findings):
        item = panel.list.item(row)
        assert item.toolTip() == finding.what_we_see
        last = item.text().split("\n")[-1]
        words = " ".join(finding.what_we_see.split())
        assert last == words or (
            last.endswith("\u00a0…") and words.startswith(last.removesuffix("\u00a0…") + " ")
        )


def test_new_conversation_on_a_past_visit_is_dated_that_day(qtbot, window: MainWindow) -> None:  # noqa: F811
    w = window
    _go_visit(qtbot, w, "Ziekenhuis A", "INDIVIDUEEL_GESPREK")
    page = w.shell.visit_page
    visit_day = page.data.visit_date
    assert visit_day != date.today()
    page.new_conversation()
    form = _dialog_of(qtbot, ConversationForm)
    assert form.starts.dateTime().date().toString("yyyy-MM-dd") == visit_day.isoformat()
    assert abs(form.starts.dateTime().time().secsTo(QTime.currentTime())) < 120
    assert form.title.width() >= 400  # a long title is read whole while typed
    form.reject()
