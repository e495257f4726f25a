"""Where the inspector is: opening a search result or the place remembered at the last
lock, so that the navigation and the way back follow; reading the place to remember it.

A remembered place that is gone (deleted, no longer readable after a sync) opens the
inspections list without a message: there is nothing the inspector can do about it.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from inspectorapp.settings import INSPECTION_TABS, Settings

from . import ops

if TYPE_CHECKING:  # snapshots' 25 dataclasses cost ~20 ms of cold start: types only here
    from inspectorapp.domain.snapshots import SearchHit
    from inspectorapp.domain.visit_views import InspectionDetail, VisitWorkspace
    from inspectorapp.workspace import Workspace

    from .shell import Shell

log = logging.getLogger(__name__)


def remembered(shell: Shell, settings: Settings) -> Settings:
    """``settings`` with the place ``shell`` shows now."""
    page = shell.pages.currentWidget()
    inspection_page, visit_page = shell.built_inspection_page(), shell.built_visit_page()
    detail = inspection_page.detail if inspection_page is not None else None
    inspection = detail.id if detail is not None else ""
    tab = (
        INSPECTION_TABS[max(0, inspection_page.tabs.currentIndex())] if inspection_page else settings.last_tab
    )
    if visit_page is not None and page is visit_page and visit_page.data is not None:
        current = visit_page.conversations.currentItem()
        conversation = current.data(Qt.ItemDataRole.UserRole) if current is not None else ""
        return replace(
            settings,
            last_page="visit",
            last_inspection_id=inspection,
            last_visit_id=visit_page.data.visit_id,
            last_conversation_id=conversation or "",
            last_tab=tab,
        )
    if inspection_page is not None and page is inspection_page and detail is not None:
        return replace(settings, last_page="inspection", last_inspection_id=inspection, last_tab=tab)
    name = "search" if page is shell.search else "inspections"
    return replace(settings, last_page=name, last_inspection_id="", last_visit_id="", last_conversation_id="")


def follow_navigation(shell: Shell) -> None:
    """Mark "Inspections" in the navigation without leaving the page shown: an inspection
    or a visit belongs there, also when reached from the search."""
    shell.nav.blockSignals(True)
    shell.nav.setCurrentRow(shell.PAGES.index("inspections"))
    shell.nav.blockSignals(False)


def open_hit(shell: Shell, workspace: Workspace, hit: SearchHit) -> None:
    """Open a search result where it was written. For a visit, its inspection is read into
    the inspection page too, so "back" goes to the hit's inspection, not the last one shown."""
    shell.open_hit(hit)
    if hit.visit_id or hit.inspection_id:
        follow_navigation(shell)
    if hit.visit_id and hit.inspection_id:
        _read_inspection(shell, workspace, hit.inspection_id)


def _read_inspection(shell: Shell, workspace: Workspace, inspection_id: str) -> None:
    from inspectorapp.services import visits

    ops.submit(
        workspace,
        visits.inspection_detail,
        inspection_id,
        on_done=shell.inspection_page.show_detail,
        on_error=lambda exc: log.info("inspection %s not shown: %s", inspection_id, exc),
    )


def reopen(shell: Shell, workspace: Workspace, settings: Settings) -> None:
    """Show the place remembered in ``settings``; the list when it is gone."""
    from inspectorapp.services import visits

    page, inspection, visit = settings.last_page, settings.last_inspection_id, settings.last_visit_id
    if page == "search":
        shell.show_page("search")
        return

    def untouched() -> bool:  # the inspector went somewhere already: leave it
        return shell.pages.currentIndex() == shell.PAGES.index("inspections")

    def gone(exc: BaseException) -> None:
        log.info("last place not reopened (%s): showing the list", exc)
        if untouched():
            shell.show_page("inspections")

    def show_inspection(detail: InspectionDetail) -> None:
        if untouched():
            shell.inspection_page.show_tab(settings.last_tab)
            shell.show_inspection(detail)
            follow_navigation(shell)

    def show_visit(data: VisitWorkspace) -> None:
        if untouched():
            shell.inspection_page.show_tab(settings.last_tab)
            _read_inspection(shell, workspace, data.inspection_id)
            shell.open_visit(data.visit_id, settings.last_conversation_id or None)
            follow_navigation(shell)

    # Read first: a place that is gone falls back to the list before anything is shown.
    if page == "visit" and visit:
        ops.submit(workspace, visits.visit_workspace, visit, on_done=show_visit, on_error=gone)
    elif page == "inspection" and inspection:
        ops.submit(workspace, visits.inspection_detail, inspection, on_done=show_inspection, on_error=gone)
