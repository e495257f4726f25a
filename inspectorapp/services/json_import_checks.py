"""Every value of an inspection export checked before any row is written.

The same rule the office applies to pushed records (``storage.value_schema``): an export's
rows are in the same wire form (stored values, booleans 0/1, JSON columns nested). Without
it SQLite's loose typing took ``"for_report": "false"`` as true, ``visit_date: 12345`` as a
date (after which listing and reports failed for the whole store) and broken timestamps.
"""

from __future__ import annotations

from typing import Any

from inspectorapp.errors import FieldIssue, ValidationError
from storage.value_schema import check_record, table_rule

MAX_ISSUES = 20  # enough to see what is wrong; a broken file can hold thousands


def check_tables(tables: dict[str, Any]) -> None:
    """Raise ``ValidationError`` naming each bad value as ``table[row].column``; rows that are
    not objects are left to the importer's own refusal."""
    issues: list[FieldIssue] = []
    for name, rows in tables.items():
        if table_rule(name) is None:  # the importer refuses these before calling here
            raise ValidationError([FieldIssue(str(name), "invalid_choice")])
        if not isinstance(rows, list):
            continue
        for n, row in enumerate(rows):
            if not isinstance(row, dict):
                continue
            # the framework travels by key: the importer sets this store's own version
            fields = {k: v for k, v in row.items() if k != "id"}
            local_fw = name == "inspection" and "framework_version_id" not in fields
            if local_fw:
                fields["framework_version_id"] = "import"
            for issue in check_record(name, fields, new=True):
                issues.append(FieldIssue(f"{name}[{n}].{issue.field}", issue.problem, issue.params))
            if len(issues) >= MAX_ISSUES:
                raise ValidationError(issues)
    if issues:
        raise ValidationError(issues)
