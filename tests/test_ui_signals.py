"""Every Qt signal declared in ui/ has a listener and a sender.

A signal nobody connects to reads like a contract ("the report preview is stale") that
nothing keeps: views stay true through the change bus, not through such a signal. The scan
is static: for each class attribute ``name = Signal(...)`` in ui/*.py it looks for
``<receiver>.name.connect(`` in ui/*.py and inspectorapp/bootstrap.py, where the receiver
is, as far as a file shows, of that class (``self`` in it, ``self.x = Class(...)``,
``x = Class(...)``, ``bus_of(...)``) or a subclass; a receiver of another class with a signal
of the same name does not count, one the scan cannot place does. A connection made only in
tests does not count either: a test then checks a sender nobody in the app listens to.
It also looks for a sender: ``.name.emit``, or the signal passed on (``clicked.connect(self.name)``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_FILES = sorted((ROOT / "ui").glob("*.py"))
LISTENER_FILES = [*UI_FILES, ROOT / "inspectorapp" / "bootstrap.py"]


@dataclass(frozen=True)
class Declared:
    cls: str
    name: str
    where: str


def _call_name(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        func = node.func
        return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    return ""


def declared_signals(files: list[Path]) -> tuple[list[Declared], dict[str, set[str]]]:
    """The signals, and each class's base-class names (for ``_Editor.saved`` on a subclass)."""
    signals: list[Declared] = []
    bases: dict[str, set[str]] = {}
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            bases[cls.name] = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in cls.bases}
            for stmt in cls.body:
                if isinstance(stmt, ast.Assign) and _call_name(stmt.value) == "Signal":
                    for target in stmt.targets:
                        if isinstance(target, ast.Name):
                            signals.append(Declared(cls.name, target.id, f"{path.name}:{stmt.lineno}"))
    return signals, bases


def _is_a(cls: str, wanted: str, bases: dict[str, set[str]]) -> bool:
    seen: set[str] = set()
    todo = [cls]
    while todo:
        c = todo.pop()
        if c == wanted:
            return True
        if c not in seen:
            seen.add(c)
            todo.extend(bases.get(c, ()))
    return False


class _Receivers(ast.NodeVisitor):
    """(signal name, receiver class or None when the file does not show it) of each connect()."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str | None]] = []
        self.cls: list[str] = []
        self.attrs: dict[str, str] = {}  # self.x -> class, over the whole file
        self.elements: dict[str, str] = {}  # self.xs -> the class of each of its elements
        self.local: list[dict[str, str]] = [{}]

    def _kind(self, value: ast.expr) -> str | None:
        name = _call_name(value)
        if name == "bus_of":
            return "ChangeBus"
        return name if name[:1].isupper() else None

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.cls.append(node.name)
        self.generic_visit(node)
        self.cls.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.local.append({})
        self.generic_visit(node)
        self.local.pop()

    def _element_kind(self, node: ast.expr) -> str | None:
        """The class of every element of a tuple or list (``for f in self.filters``)."""
        if isinstance(node, ast.Tuple | ast.List) and node.elts:
            kinds = {self._receiver(e) for e in node.elts}
            return kinds.pop() if len(kinds) == 1 else None
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
            return self.elements.get(node.attr)
        return None

    def visit_For(self, node: ast.For) -> None:
        kind = self._element_kind(node.iter)
        if isinstance(node.target, ast.Name):
            if kind:
                self.local[-1][node.target.id] = kind
            else:
                self.local[-1].pop(node.target.id, None)
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        kind = self._kind(node.value)
        for target in node.targets:
            element = self._element_kind(node.value)
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and element:
                self.elements[target.attr] = element
        for target in node.targets:
            if isinstance(target, ast.Name):
                if kind:
                    self.local[-1][target.id] = kind
                else:
                    self.local[-1].pop(target.id, None)
            elif (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
                and kind
            ):
                self.attrs[target.attr] = kind
        self.generic_visit(node)

    def _receiver(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Name):
            if node.id == "self":
                return self.cls[-1] if self.cls else None
            return self.local[-1].get(node.id)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
            return self.attrs.get(node.attr)
        return self._kind(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "connect"
            and isinstance(func.value, ast.Attribute)
        ):
            self.found.append((func.value.attr, self._receiver(func.value.value)))
        self.generic_visit(node)


def _first_pass(tree: ast.AST) -> _Receivers:
    """``self.x = Class(...)`` anywhere in the file: a connect may come before the assignment."""
    visitor = _Receivers()
    visitor.visit(tree)
    return visitor


def connections(files: list[Path]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        first = _first_pass(tree)
        visitor = _Receivers()
        visitor.attrs, visitor.elements = first.attrs, first.elements
        visitor.visit(tree)
        out.extend(visitor.found)
    return out


def senders(files: list[Path]) -> set[str]:
    """Signal names emitted (``x.name.emit``) or passed on as a callable (``connect(self.name)``)."""
    out: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "emit"
                and isinstance(node.value, ast.Attribute)
            ):
                out.add(node.value.attr)
            if isinstance(node, ast.Call):
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    if (
                        isinstance(arg, ast.Attribute)
                        and isinstance(arg.value, ast.Name)
                        and arg.value.id == "self"
                    ):
                        out.add(arg.attr)
    return out


def unlistened(files: list[Path], listeners: list[Path]) -> list[str]:
    signals, bases = declared_signals(files)
    found = connections(listeners)
    return [
        f"{s.where}: {s.cls}.{s.name}"
        for s in signals
        if not any(name == s.name and (kind is None or _is_a(kind, s.cls, bases)) for name, kind in found)
    ]


def unsent(files: list[Path]) -> list[str]:
    signals, _bases = declared_signals(files)
    sent = senders(files)
    return [f"{s.where}: {s.cls}.{s.name}" for s in signals if s.name not in sent]


def test_the_scan_tells_a_same_named_signal_of_another_class_apart(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "class Bus(QObject):\n"
        "    changed = Signal()\n"
        "class Panel(QWidget):\n"
        "    changed = Signal()\n"
        "    def __init__(self):\n"
        "        bus_of(ws).changed.connect(self.reload)\n"
        "        Bus().changed.emit()\n"
        "        self.changed.emit()\n"
        "class Base(QDialog):\n"
        "    saved = Signal(str)\n"
        "class Child(Base):\n"
        "    pass\n"
        "def open_it():\n"
        "    bus = Bus()\n"
        "    bus.changed.connect(print)\n"
        "    dialog = Child()\n"
        "    dialog.saved.connect(print)\n"
        "    for b in (bus, Bus()):\n"
        "        b.changed.connect(print)\n"
    )
    assert unlistened([sample], [sample]) == ["sample.py:4: Panel.changed"]
    assert unsent([sample]) == ["sample.py:10: Base.saved"]


def test_every_ui_signal_has_a_listener_in_the_app() -> None:
    missing = unlistened(UI_FILES, LISTENER_FILES)
    assert not missing, "signals nothing in ui/ or bootstrap connects to (remove them):\n" + "\n".join(
        missing
    )


def test_every_ui_signal_is_sent() -> None:
    missing = unsent(UI_FILES)
    assert not missing, "signals nothing emits:\n" + "\n".join(missing)
