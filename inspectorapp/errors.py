"""Typed errors. Each carries a stable code and parameters; the UI maps codes to
translated messages at the edge (ui/messages.py), logs keep the English text."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any


class VeldwerkError(Exception):
    """Base of every error the user may see. ``code`` selects the message."""

    code = "error"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.params: dict[str, Any] = params


@dataclass(frozen=True)
class FieldIssue:
    """One problem with one input field.

    ``problem`` is one of: required, too_long, invalid_choice, unknown_code,
    invalid_date, out_of_range, invalid_format, invalid_reference.
    """

    field: str
    problem: str
    params: dict[str, Any] = dc_field(default_factory=dict)

    def describe(self) -> str:
        extra = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.field}: {self.problem}" + (f" ({extra})" if extra else "")


class ValidationError(VeldwerkError):
    """Input refused before anything was written."""

    code = "validation"

    def __init__(self, issues: list[FieldIssue]) -> None:
        self.issues = list(issues)
        super().__init__("; ".join(i.describe() for i in self.issues))


class NotFoundError(VeldwerkError):
    code = "not_found"

    def __init__(self, entity: str, entity_id: str) -> None:
        super().__init__(f"{entity} {entity_id} not found", entity=entity, entity_id=entity_id)


class WrongPassphraseError(VeldwerkError):
    """The passphrase does not open the store (or the file is not a Veldwerk store)."""

    code = "wrong_passphrase"


class StoreNotFoundError(VeldwerkError):
    code = "store_not_found"


class StoreExistsError(VeldwerkError):
    code = "store_exists"


class StoreCorruptError(VeldwerkError):
    code = "store_corrupt"


class StoreTooNewError(VeldwerkError):
    """The store was written by a newer app version (unknown schema revision)."""

    code = "store_too_new"


class FrameworkFileError(VeldwerkError):
    """A framework/taxonomy resource file was refused; nothing was loaded."""

    code = "framework_file"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}", source=source, reason=reason)
        self.source = source
        self.reason = reason


class DemoDataError(VeldwerkError):
    code = "demo_data"
