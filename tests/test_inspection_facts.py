"""The inspection page's facts, read as the inspector reads them: the "Rol van de inspectie" row
names the declared role only and the status has a row of its own. Before 4e54f90 the role row
carried both ("naleving · vervolg"), so the inspectorate's role read as if it had a phase."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel

from ui.inspection_page import InspectionPage
from ui.main_window import MainWindow

from .test_app_window import _create, _wait_rows, window  # noqa: F401  (fixture)

# Demo inspection (part of its title) -> its role and its status as the Dutch page shows them.
DEMO = {
    "Ziekenhuis A": ("naleving", "vervolg"),
    "Ziekenhuis B": ("naleving", "veldwerk"),
    "dementiezorg": ("agenderen/stimuleren", "rapportage"),
    "palliatieve zorg": ("sparringpartner", "analyse"),
    "ziekenhuiszorg thuis": ("sparringpartner", "voorbereiding"),
}
STATUSES = {status for _, status in DEMO.values()}


def _facts(page: InspectionPage) -> dict[str, QLabel]:
    """The facts form as label text -> value label (rows of two labels only)."""
    form = page.facts
    rows = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        value = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or value is None:
            continue
        label_widget, value_widget = label.widget(), value.widget()
        if isinstance(label_widget, QLabel) and isinstance(value_widget, QLabel) and label_widget.text():
            assert label_widget.text() not in rows, f"two rows are called {label_widget.text()}"
            rows[label_widget.text()] = value_widget
    return rows


def test_role_row_names_the_role_only_and_status_has_its_own_row(qtbot, window: MainWindow) -> None:  # noqa: F811
    w = window
    _create(qtbot, w)
    _wait_rows(qtbot, w, len(DEMO))
    shell = w.shell
    page = shell.inspection_page
    seen = set()
    for part, (role, status) in DEMO.items():
        (row,) = [r for r in range(shell.inspections.rowCount()) if part in shell.inspections.row_at(r).title]
        shell.table.setCurrentIndex(shell.inspections.index(row, 0))
        shell.table.setFocus()
        qtbot.keyClick(shell.table, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda p=part: (
                shell.pages.currentWidget() is page and page.detail is not None and p in page.detail.title
            ),
            timeout=10000,
        )
        facts = _facts(page)
        shown_role = facts["Rol van de inspectie"].text()
        assert shown_role == role, part
        assert not STATUSES & set(shown_role.replace("·", " ").split()), part  # no phase in it
        assert facts["Status"].text() == status, part
        assert facts["Rol van de inspectie"].isVisible() and facts["Status"].isVisible()
        seen.add(part)
        qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shell.pages.currentWidget() is not page, timeout=5000)
    assert seen == set(DEMO)
