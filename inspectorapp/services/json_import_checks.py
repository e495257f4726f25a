"""Every value of an inspection export checked before any row is written.

The same rules the office applies to pushed records (``storage.value_schema``): an export's
rows are in the same wire form (stored values, booleans 0/1, JSON columns nested). Without
them SQLite's loose typing took ``"for_report": "false"`` as true, ``visit_date: 12345`` as a
date (after which listing and reports failed for the whole store) and broken timestamps; and
a framework code no loaded framework defines went in, showed as a bare code, and was then
refused by the office at every push (a dead letter on the importing laptop).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspectorapp.errors import FieldIssue, ValidationError
from storage.value_schema import check_record, table_rule, unknown_codes

MAX_ISSUES = 20  # enough to see what is wrong; a broken file can hold thousands


def check_tables(tables: dict[str, Any], known: Callable[[str], frozenset[str]]) -> None:
    """Raise ``ValidationError`` naming each bad value as ``table[row].column``; rows that are
    not objects are left to the importer's own refusal. ``known``: taxonomy -> the codes the
    store's frameworks define."""
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
            found = check_record(name, fields, new=True) or unknown_codes(name, fields, known)
            for issue in found:
                issues.append(FieldIssue(f"{name}[{n}].{issue.field}", issue.problem, issue.params))
            if len(issues) >= MAX_ISSUES:
                raise ValidationError(issues)
    if issues:
        raise ValidationError(issues)
