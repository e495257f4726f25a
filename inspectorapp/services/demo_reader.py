"""Strict reading of the demo data file: unknown keys, unknown refs and codes are
refused with the exact place, before anything is written."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from inspectorapp.domain.validation import Checker
from inspectorapp.errors import DemoDataError

E = TypeVar("E", bound=StrEnum)


class Reader:
    """Wraps a Checker with a location prefix; fails on the first structural problem."""

    def __init__(self, codes: dict[str, set[str]]) -> None:
        self.codes = codes
        self.refs: dict[str, tuple[str, str]] = {}  # ref -> (kind, id)

    def fail(self, where: str, reason: str) -> DemoDataError:
        return DemoDataError(f"{where}: {reason}", where=where, reason=reason)

    def obj(
        self, raw: Any, where: str, required: Collection[str], optional: Collection[str]
    ) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.fail(where, "must be an object")
        unknown = sorted(set(raw) - set(required) - set(optional))
        if unknown:
            raise self.fail(where, f"unknown key(s) {', '.join(unknown)}")
        missing = [k for k in required if k not in raw]
        if missing:
            raise self.fail(where, f"missing {', '.join(missing)}")
        return raw

    def items(self, raw: dict[str, Any], key: str, where: str) -> list[Any]:
        value = raw.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{where}.{key}", "must be a list")
        return value

    def _run(self, where: str, fn: Any, *args: Any, **kw: Any) -> Any:
        c = Checker()
        value = fn(c, *args, **kw)
        if c.issues:
            raise self.fail(where, "; ".join(i.describe() for i in c.issues))
        return value

    def text(self, where: str, value: Any, max_len: int, required: bool = False) -> str | None:
        return self._run(where, lambda c: c.text("value", value, max_len, required=required))

    def choice(self, where: str, value: Any, enum: type[E], required: bool = True) -> E | None:
        return self._run(where, lambda c: c.choice("value", value, enum, required=required))

    def code(self, where: str, value: Any, taxonomy: str, required: bool = False) -> str | None:
        return self._run(where, lambda c: c.code("value", value, self.codes[taxonomy], required=required))

    def code_list(self, where: str, value: Any, taxonomy: str) -> list[str]:
        if value is not None and not isinstance(value, list):
            raise self.fail(where, "must be a list")
        return self._run(where, lambda c: c.codes("value", value, self.codes[taxonomy]))

    def day(self, where: str, value: Any, required: bool = False) -> date | None:
        return self._run(where, lambda c: c.date("value", value, required=required))

    def moment(self, where: str, value: Any, required: bool = False) -> datetime | None:
        return self._run(where, lambda c: c.moment("value", value, required=required))

    def integer(self, where: str, value: Any, lo: int, hi: int) -> int | None:
        return self._run(where, lambda c: c.integer("value", value, lo, hi))

    def flag(self, where: str, value: Any, default: bool | None = False) -> bool | None:
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.fail(where, "must be true or false")
        return value

    def define(self, where: str, ref: Any, kind: str, entity_id: str) -> None:
        if not isinstance(ref, str) or not ref:
            raise self.fail(where, "ref must be a non-empty text")
        if ref in self.refs:
            raise self.fail(where, f"duplicate ref {ref!r}")
        self.refs[ref] = (kind, entity_id)

    def resolve(self, where: str, ref: Any, kind: str, required: bool = False) -> str | None:
        if ref is None:
            if required:
                raise self.fail(where, f"missing {kind} ref")
            return None
        found = self.refs.get(ref) if isinstance(ref, str) else None
        if found is None or found[0] != kind:
            raise self.fail(where, f"{ref!r} is not a known {kind}")
        return found[1]
