"""build.spec makes a one-folder bundle that starts: migrations, resources, SQLCipher
and Qt all shipped. Builds with PyInstaller (a minute or two)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PASSPHRASE, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("frozen")
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    result = subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "build"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    exe = out / "dist" / "veldwerk" / "veldwerk"
    assert exe.exists()
    return exe


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    return env


def test_frozen_app_creates_store_loads_demo_and_starts_gui(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    made = subprocess.run(
        [str(bundle), "--home", str(home), "load-demo", "--create"],
        env=_env(VELDWERK_PASSPHRASE=PASSPHRASE),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    assert "Demogegevens geladen" in made.stdout
    listed = subprocess.run(
        [str(bundle), "--home", str(home), "list"],
        env=_env(VELDWERK_PASSPHRASE=PASSPHRASE),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    assert "Ziekenhuis A" in listed.stdout
    reports_dir = tmp_path / "rapporten"
    reports_dir.mkdir()
    inspection_id = next(r for r in listed.stdout.splitlines() if "dementiezorg" in r).split()[0]
    report = subprocess.run(
        [str(bundle), "--home", str(home), "report", inspection_id, "gebiedsrapportage", str(reports_dir)],
        env=_env(VELDWERK_PASSPHRASE=PASSPHRASE),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert report.returncode == 0, report.stdout + report.stderr
    (pdf,) = reports_dir.iterdir()
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 50_000  # fonts embedded
    shot = tmp_path / "frozen.png"
    gui = subprocess.run(
        [str(bundle), "--home", str(home), "--quit-after", "1500", "--screenshot", str(shot)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert gui.returncode == 0, gui.stderr[-3000:]
    assert shot.exists() and shot.stat().st_size > 5000
