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


class AttachmentError(VeldwerkError):
    """An attachment was refused, or its encrypted bytes cannot be read. Nothing was
    written. ``reason`` names the case; ``code`` (``attachment_<reason>``) selects the
    translated message."""

    code = "attachment"
    reason = "error"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message, reason=self.reason, **params)


class AttachmentEmptyError(AttachmentError):
    code = "attachment_empty"
    reason = "empty"


class AttachmentTooLargeError(AttachmentError):
    """Params: ``size`` and ``max`` in bytes."""

    code = "attachment_too_large"
    reason = "too_large"


class UnsupportedFileTypeError(AttachmentError):
    """The bytes are none of the accepted photo or document types. Param ``filename``."""

    code = "attachment_unsupported_type"
    reason = "unsupported_type"


class UnreadableImageError(AttachmentError):
    """The file is (or is named as) an image but is truncated or damaged.
    Params ``filename`` and ``detail`` (English, for the log)."""

    code = "attachment_unreadable_image"
    reason = "unreadable_image"


class DuplicateAttachmentError(AttachmentError):
    """The same bytes are already attached to this target. Params ``existing_id`` and
    ``existing_filename`` name the attachment that is already there."""

    code = "attachment_duplicate"
    reason = "duplicate"


class BlobMissingError(AttachmentError):
    """The encrypted bytes are not on this device (yet: sync downloads them lazily)."""

    code = "attachment_missing"
    reason = "missing"


class BlobTamperedError(AttachmentError):
    """The encrypted file fails verification: damaged, truncated, edited or foreign."""

    code = "attachment_tampered"
    reason = "tampered"


class BlobNameError(AttachmentError):
    """A blob name that is not a SHA-256 hex digest (it could point outside the folder)."""

    code = "attachment_invalid_hash"
    reason = "invalid_hash"
