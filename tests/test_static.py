"""The architecture and style rules, checked by the real tools."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

BIN = Path(sys.executable).parent


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_import_layers_hold() -> None:
    result = _run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_is_clean() -> None:
    result = _run(str(BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = _run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr


def test_no_module_is_too_long() -> None:
    long = []
    for folder in ("inspectorapp", "ui", "storage", "sync"):
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations/versions" in str(path):
                continue  # generated, frozen schema
            lines = path.read_text("utf-8").count("\n")
            if lines > 550:
                long.append(f"{path.relative_to(ROOT)}: {lines}")
    assert not long, long


def test_translations_are_complete_and_compiled(tmp_path: Path) -> None:
    ts = ROOT / "resources" / "translations" / "veldwerk_nl.ts"
    text = ts.read_text("utf-8")
    assert 'type="unfinished"' not in text
    assert text.count("<message") > 80
    qm = tmp_path / "check.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    assert qm.read_bytes() == (ts.with_suffix(".qm")).read_bytes(), "run tools/fill_translations.py"
    sources = _run(
        str(BIN / "pyside6-lupdate"),
        *map(str, sorted((ROOT / "ui").glob("*.py"))),
        str(ROOT / "inspectorapp" / "bootstrap.py"),
        "-ts",
        str(tmp_path / "fresh.ts"),
    )
    assert sources.returncode == 0, sources.stderr
    fresh = (tmp_path / "fresh.ts").read_text("utf-8")
    assert fresh.count("<source>") == text.count("<source>"), "new UI strings: run pyside6-lupdate"
