"""ui/ names the domain's enum members, never their stored values in quotes.

A quoted value ("citaat", "BEPERKT") compiles against any typo and hides where a
vocabulary is used; ``NoteKind.QUOTE`` does neither. The scan looks at every string
literal in ui/*.py that equals a value of inspectorapp/domain/enums.py, except
docstrings, the arguments of tr()/translate() (translation text) and the few uses
allowed below with their reason.
"""

from __future__ import annotations

import ast
import inspect
from enum import StrEnum
from pathlib import Path

from inspectorapp.domain import enums

UI = Path(__file__).resolve().parent.parent / "ui"

ENUM_VALUES = {
    member.value
    for _name, cls in inspect.getmembers(enums, inspect.isclass)
    if issubclass(cls, StrEnum) and cls is not StrEnum
    for member in cls
}

# (file, value): why a quoted value is right there.
ALLOWED: dict[tuple[str, str], str] = {
    ("labels.py", "intern"): "an intervention-ladder code (framework data), not ReportUse",
    ("labels.py", "handhaving"): "an intervention-ladder code (framework data), not InspectorateRole",
    ("main_window.py", "inspecteur"): "the default actor name in the audit log, not TeamRole",
    ("report_panel.py", "context"): "the report draft's field name, not ConcernSignalRole",
    ("about_dialog.py", "veldwerk"): "the application's name, not InspectionStatus",
}


def _exempt_nodes(tree: ast.AST) -> set[int]:
    """Docstrings and translation arguments: text, not vocabulary."""
    out: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in {"tr", "translate", "QT_TRANSLATE_NOOP", "setObjectName", "_"}:
                for arg in node.args:
                    out.update(id(n) for n in ast.walk(arg))
    return out


def quoted_enum_values(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = _exempt_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in ENUM_VALUES
            and id(node) not in exempt
            and (path.name, node.value) not in ALLOWED
        ):
            found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    return found


def test_the_scan_finds_a_quoted_value(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('def f(kind):\n    """About a "citaat"."""\n    return kind == "citaat"\n')
    assert quoted_enum_values(sample) == ["sample.py:3: 'citaat'"]


def test_ui_uses_enum_members_not_quoted_values() -> None:
    found = [hit for path in sorted(UI.glob("*.py")) for hit in quoted_enum_values(path)]
    assert not found, "use the domain's enum members:\n" + "\n".join(found)
