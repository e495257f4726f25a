"""The edited fields of the concern form and the store values they were loaded from (their
base, decision 0017). Split from ``concern_editor`` to keep it small; the texts keep the
editor's translation context, so one translation serves both."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QLineEdit, QPlainTextEdit

from inspectorapp.domain.concern_drafts import EDITABLE, ConcernDraft, FieldValue, normal, reconcile

NO_DATE = QDate(2000, 1, 1)  # an optional date edit's "none", shown as a dash
NOTICE_SHOWS = 120  # characters of a colleague's value quoted in the clash notice
Edit = QLineEdit | QPlainTextEdit | QDateEdit


def date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(NO_DATE)
    return edit


def get_date(edit: QDateEdit) -> date | None:
    d = edit.date()
    return None if d == NO_DATE else date(d.year(), d.month(), d.day())


def set_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


def _set_line(edit: QLineEdit, text: str, keep_cursor: bool) -> None:
    """A colleague's value, the cursor kept where it was (as far as the text reaches)."""
    if edit.text() != text:
        at = edit.cursorPosition()
        edit.setText(text)
        if keep_cursor:
            edit.setCursorPosition(min(at, len(text)))


def _set_plain(edit: QPlainTextEdit, text: str, keep_cursor: bool) -> None:
    if edit.toPlainText() != text:
        at = edit.textCursor().position()
        edit.setPlainText(text)  # also clears undo: undoing across it would remove their words
        if keep_cursor:
            cursor = edit.textCursor()
            cursor.setPosition(min(at, len(text)))
            edit.setTextCursor(cursor)


def field_name(key: str) -> str:
    """The form's label of a field, for the clash notice."""
    names = {
        "title": QCoreApplication.translate("ConcernEditor", "Statement"),
        "hypothesis": QCoreApplication.translate("ConcernEditor", "Hypothesis"),
        "alternatives": QCoreApplication.translate("ConcernEditor", "Alternative explanations"),
        "open_questions": QCoreApplication.translate("ConcernEditor", "Open questions"),
        "next_step": QCoreApplication.translate("ConcernEditor", "Next verification step"),
        "next_step_owner": QCoreApplication.translate("ConcernEditor", "Who takes the next step"),
        "next_step_due": QCoreApplication.translate("ConcernEditor", "Date of the next step"),
        "owner": QCoreApplication.translate("ConcernEditor", "Owner"),
        "next_review_on": QCoreApplication.translate("ConcernEditor", "Next review"),
    }
    return names[key]


def clash_text(theirs: dict[str, FieldValue], saved: bool) -> str:
    """Which fields a colleague changed too, with their value; where the user's text is."""
    parts = "; ".join(f"{field_name(key)}: “{_shown(value)}”" for key, value in theirs.items())
    if saved:
        return QCoreApplication.translate(
            "ConcernEditor",
            "A colleague changed this at the same time as you: {0}. Their version is kept and "
            "shown; yours waits under Sync… in the status bar, where you can choose it instead.",
        ).format(parts)
    return QCoreApplication.translate(
        "ConcernEditor",
        "A colleague changed this while you were editing it: {0}. Your text stays in the field; "
        "when you save, their version is kept and yours waits under Sync… in the status bar, "
        "where you can choose it.",
    ).format(parts)


def _shown(value: FieldValue) -> str:
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    text = " ".join((value or "").split())
    return text if len(text) <= NOTICE_SHOWS else text[: NOTICE_SHOWS - 1].rstrip() + "…"


class ConcernFields:
    """The form's edits by field name, and ``base``: what the store held when each was
    loaded. A field whose value still normalises to its base is one the user has not
    edited; the base goes with every save, so the service can tell a stale value from an
    edit."""

    def __init__(self, edits: dict[str, Edit]) -> None:
        assert set(edits) == set(EDITABLE)
        self.edits = edits
        self.base: ConcernDraft | None = None

    def value(self, key: str) -> FieldValue:
        edit = self.edits[key]
        if isinstance(edit, QDateEdit):
            return get_date(edit)
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def put(self, key: str, value: FieldValue, keep_cursor: bool = True) -> None:
        edit = self.edits[key]
        if isinstance(edit, QDateEdit):
            set_date(edit, value if isinstance(value, date) else None)
        elif isinstance(edit, QPlainTextEdit):
            _set_plain(edit, str(value or ""), keep_cursor)
        else:
            _set_line(edit, str(value or ""), keep_cursor)

    def load(self, stored: ConcernDraft) -> dict[str, FieldValue]:
        """The store's values, read while no save was in flight. The first fills the form.
        Later, fields the user has not edited since they were loaded take the stored value;
        an edited one takes the change merged into the typing, or keeps the typing when they
        overlap (its base stays, so the save files it for review instead of overwriting the
        colleague). The clashing fields are returned with the stored values."""
        if self.base is None:
            for key in EDITABLE:
                self.put(key, stored.get(key), keep_cursor=False)
            self.base = stored
            return {}
        kept: dict[str, FieldValue] = {}
        for key in EDITABLE:
            base, value = self.base.get(key), stored.get(key)
            if normal(value) != normal(base) and not self._settle(key, base, value):
                kept[key] = base
        self.base = stored.but(kept)
        return {key: stored.get(key) for key in kept}

    def saved(self, sent: ConcernDraft, stored: ConcernDraft) -> None:
        """A save of ``sent`` left ``stored``: the new base. A field typed in since the save
        was sent keeps the typing, merged with what the save left where it can be; typing that
        overlaps keeps the sent value as its base, so the next save files it there too."""
        kept: dict[str, FieldValue] = {}
        for key in EDITABLE:
            if not self._settle(key, sent.get(key), stored.get(key)):
                kept[key] = sent.get(key)
        self.base = stored.but(kept)

    def _settle(self, key: str, base: FieldValue, value: FieldValue) -> bool:
        """The field went from ``base`` to ``value`` in the store: show that, merged with the
        user's edit since ``base``. False when the two overlap (the edit stays as it is)."""
        now = self.value(key)
        merged, fits = reconcile(key, base, now, value)
        if fits and normal(merged) != normal(now):
            self.put(key, merged)
        return fits
