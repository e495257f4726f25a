"""ui/ names the domain's enum members, never their stored values in quotes; ui/ and
inspectorapp/ name the framework codes they rely on (framework_codes.py), never in quotes.

A quoted value ("citaat", "BEPERKT") compiles against any typo and hides where a
vocabulary is used; ``NoteKind.QUOTE`` does neither. The scan looks at every string
literal in ui/*.py that equals a value of inspectorapp/domain/enums.py, except
docstrings, the arguments of tr()/translate() (translation text) and the few uses
allowed below with their reason.
"""

from __future__ import annotations

import ast
import inspect
import json
from enum import StrEnum
from pathlib import Path

from inspectorapp.domain import enums, framework_codes

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"

ENUM_VALUES = {
    member.value
    for _name, cls in inspect.getmembers(enums, inspect.isclass)
    if issubclass(cls, StrEnum) and cls is not StrEnum
    for member in cls
}

# (file, value): why a quoted value is right there.
ALLOWED: dict[tuple[str, str], str] = {
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


def quoted_values(path: Path, values: set[str], allowed: dict[tuple[str, str], str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = _exempt_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in values
            and id(node) not in exempt
            and (path.name, node.value) not in allowed
        ):
            found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    return found


def quoted_enum_values(path: Path) -> list[str]:
    return quoted_values(path, ENUM_VALUES, ALLOWED)


def test_the_scan_finds_a_quoted_value(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('def f(kind):\n    """About a "citaat"."""\n    return kind == "citaat"\n')
    assert quoted_enum_values(sample) == ["sample.py:3: 'citaat'"]


def test_ui_uses_enum_members_not_quoted_values() -> None:
    found = [hit for path in sorted(UI.glob("*.py")) for hit in quoted_enum_values(path)]
    assert not found, "use the domain's enum members:\n" + "\n".join(found)


# ----- framework codes ---------------------------------------------------------------------
# A code the code relies on (a status it compares, a default it picks, a scale it draws) is
# named in inspectorapp/domain/framework_codes.py and used by that name. The guarded values
# are the codes and attribute values (scale, ladder) of the bundled framework files that
# framework_codes.py names: a quoted one anywhere else in ui/ or inspectorapp/ (services,
# domain) fails, so a renamed code cannot leave a stale copy behind.


def _framework_values() -> set[str]:
    out: set[str] = set()
    for path in sorted((ROOT / "resources" / "frameworks").glob("*.json")):
        for taxonomy in json.loads(path.read_text(encoding="utf-8"))["taxonomies"].values():
            for item in taxonomy["items"]:
                out.add(item["code"])
                out.update(v for v in (item.get("attributes") or {}).values() if isinstance(v, str))
    return out


NAMED_CODES = {
    member.value
    for _name, cls in inspect.getmembers(framework_codes, inspect.isclass)
    if issubclass(cls, StrEnum) and cls is not StrEnum
    for member in cls
}
GUARDED_CODES = NAMED_CODES & _framework_values()
CODE_DIRS = (UI, ROOT / "inspectorapp" / "services", ROOT / "inspectorapp" / "domain")

# (file, value): why a quoted value that equals a named code is right there.
CODE_ALLOWED: dict[tuple[str, str], str] = {
    ("enums.py", "intern"): "ReportUse.INTERNAL, the app's own vocabulary, not the ladder rung",
    ("enums.py", "handhaving"): "InspectorateRole.ENFORCEMENT, not the ladder rung",
}


def quoted_framework_codes(path: Path) -> list[str]:
    return quoted_values(path, GUARDED_CODES, CODE_ALLOWED)


def test_the_guard_covers_the_codes_the_code_relies_on() -> None:
    assert {
        "AFGESLOTEN",
        "NIET_ONDERBOUWD",
        "TELLING",
        "AANW",
        "BIPOOL",
        "GEINTENSIVEERD_START",
    } <= GUARDED_CODES
    assert not NAMED_CODES - GUARDED_CODES, "framework_codes.py names a code no bundled framework has"


def test_the_code_scan_finds_a_quoted_code(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('def f(item):\n    """Counts ("TELLING")."""\n    return item.scale == "TELLING"\n')
    assert quoted_framework_codes(sample) == ["sample.py:3: 'TELLING'"]


def test_framework_codes_are_named_not_quoted() -> None:
    found = [
        f"{path.parent.name}/{hit}"
        for folder in CODE_DIRS
        for path in sorted(folder.glob("*.py"))
        if path.name != "framework_codes.py"
        for hit in quoted_framework_codes(path)
    ]
    assert not found, "name these codes in inspectorapp/domain/framework_codes.py:\n" + "\n".join(found)
