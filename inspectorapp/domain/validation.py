"""Input validation at the service edge. Collects every problem of one input, so a
form can show them all at once; raises ``ValidationError`` before any write."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from inspectorapp.errors import FieldIssue, ValidationError
from inspectorapp.ids import is_uuid

E = TypeVar("E", bound=StrEnum)

_MIN_DATE = date(1900, 1, 1)
_MAX_DATE = date(2200, 12, 31)


class Checker:
    """``c = Checker(); x = c.text(...); ...; c.done()``"""

    def __init__(self) -> None:
        self.issues: list[FieldIssue] = []

    def add(self, field: str, problem: str, **params: Any) -> None:
        self.issues.append(FieldIssue(field, problem, params))

    def done(self) -> None:
        if self.issues:
            raise ValidationError(self.issues)

    def text(self, field: str, value: Any, max_len: int, *, required: bool = False) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(field, "required")
            return None
        if not isinstance(value, str):
            self.add(field, "invalid_format")
            return None
        if "\x00" in value:
            self.add(field, "invalid_format")
            return None
        if len(value) > max_len:
            self.add(field, "too_long", max=max_len, actual=len(value))
            return None
        return value

    def choice(self, field: str, value: Any, enum: type[E], *, required: bool = True) -> E | None:
        if value is None or value == "":
            if required:
                self.add(field, "required")
            return None
        try:
            return enum(value)
        except ValueError:
            self.add(field, "invalid_choice", value=str(value)[:60], allowed=[m.value for m in enum])
            return None

    def code(self, field: str, value: Any, known: Collection[str], *, required: bool = False) -> str | None:
        if value is None or value == "":
            if required:
                self.add(field, "required")
            return None
        if not isinstance(value, str) or value not in known:
            self.add(field, "unknown_code", value=str(value)[:60])
            return None
        return value

    def codes(self, field: str, values: Iterable[Any] | None, known: Collection[str]) -> list[str]:
        out: list[str] = []
        for v in values or ():
            ok = self.code(field, v, known, required=True)
            if ok is not None and ok not in out:
                out.append(ok)
        return out

    def date(self, field: str, value: Any, *, required: bool = False) -> date | None:
        if value is None or value == "":
            if required:
                self.add(field, "required")
            return None
        if isinstance(value, datetime):
            self.add(field, "invalid_date", value=str(value))
            return None
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                self.add(field, "invalid_date", value=value[:40])
                return None
        if not isinstance(value, date):
            self.add(field, "invalid_date", value=str(value)[:40])
            return None
        if not _MIN_DATE <= value <= _MAX_DATE:
            self.add(field, "out_of_range", value=value.isoformat())
            return None
        return value

    def moment(self, field: str, value: Any, *, required: bool = False) -> datetime | None:
        """An aware datetime (or ISO text with offset), returned in UTC."""
        if value is None or value == "":
            if required:
                self.add(field, "required")
            return None
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                self.add(field, "invalid_date", value=value[:40])
                return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            self.add(field, "invalid_date", value=str(value)[:40])
            return None
        if not _MIN_DATE <= value.date() <= _MAX_DATE:
            self.add(field, "out_of_range", value=value.isoformat())
            return None
        return value.astimezone(UTC)

    def integer(self, field: str, value: Any, lo: int, hi: int, *, required: bool = False) -> int | None:
        if value is None or value == "":
            if required:
                self.add(field, "required")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(field, "invalid_format")
            return None
        if not lo <= value <= hi:
            self.add(field, "out_of_range", min=lo, max=hi, value=value)
            return None
        return value

    def ref(self, field: str, value: Any, *, required: bool = False) -> str | None:
        if value is None or value == "":
            if required:
                self.add(field, "required")
            return None
        if not isinstance(value, str) or not is_uuid(value):
            self.add(field, "invalid_reference")
            return None
        return value

    def boolean(self, field: str, value: Any, default: bool = False) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.add(field, "invalid_format")
            return default
        return value
