"""build.spec makes a one-folder bundle that starts: migrations, resources, SQLCipher
and Qt all shipped. Builds with PyInstaller (a minute or two). From that bundle
packaging/linux/build-deb.sh makes the .deb, which is installed, started and removed again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from inspectorapp.paths import app_paths

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


def _loaded_translations(home: Path) -> list[Path]:
    """The .qm files a GUI run under ``home`` logged as loaded (bootstrap logs them at start)."""
    log = (app_paths(home).log_dir / "veldwerk.log").read_text(encoding="utf-8")
    lines = [line for line in log.splitlines() if " translations: " in line]
    assert lines, log[-2000:]
    return [Path(f) for f in lines[-1].split(" translations: ", 1)[1].split(", ")]


def _assert_dutch_from(folder: Path, loaded: list[Path], stderr: str) -> None:
    """Dutch by default: the app's own texts and Qt's (standard buttons, file dialogs), both read
    from inside the installed folder, never from the Qt of the machine that built it."""
    assert sorted(f.name for f in loaded) == ["qtbase_nl.qm", "veldwerk_nl.qm"], loaded
    assert all(f.resolve().is_relative_to(folder.resolve()) for f in loaded), loaded
    assert "qtbase_nl.qm) not found" not in stderr


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
    _assert_dutch_from(bundle.parent, _loaded_translations(home), gui.stderr)


# The first 16 bytes of every compiled Qt translation (.qm) file.
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


def test_bundle_ships_qts_dutch_where_the_frozen_app_looks(bundle: Path) -> None:
    """Frozen, PySide6.__file__ is <bundle>/_internal/PySide6/__init__.pyc (PyInstaller 6 keeps
    everything but the program in _internal), so bootstrap.qt_translation_dirs() looks in
    _internal/PySide6/Qt/translations; Qt's own TranslationsPath is that folder too (PySide6's
    qt.conf puts Qt's prefix at PySide6/Qt)."""
    qm = bundle.parent / "_internal" / "PySide6" / "Qt" / "translations" / "qtbase_nl.qm"
    assert qm.is_file()
    assert qm.read_bytes().startswith(QM_MAGIC)
    dutch = QTranslator()
    assert dutch.load(str(qm))
    # The texts Qt gives its standard buttons and file dialogs.
    assert dutch.translate("QPlatformTheme", "Cancel") == "Annuleren"
    assert dutch.translate("QPlatformTheme", "Save") == "Opslaan"
    assert dutch.translate("QFileDialog", "Look in:") == "Zoeken in:"


def _pyproject_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def _run(command: list[str], **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=_env(**extra), capture_output=True, text=True, timeout=300)


def test_frozen_app_reports_the_pyproject_version(bundle: Path) -> None:
    shown = _run([str(bundle), "--version"])
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == f"veldwerk {_pyproject_version()}"


# Everything the package puts on the system outside /usr/share/doc.
INSTALLED = [
    Path("/opt/veldwerk"),
    Path("/usr/bin/veldwerk"),
    Path("/usr/share/applications/veldwerk.desktop"),
    Path("/usr/share/icons/hicolor/scalable/apps/veldwerk.svg"),
    *(
        Path(f"/usr/share/icons/hicolor/{s}x{s}/apps/veldwerk.png")
        for s in (16, 22, 24, 32, 48, 64, 128, 256, 512)
    ),
]


def _installed_version(package: str) -> str | None:
    query = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status} ${Version}", package], capture_output=True, text=True
    )
    if query.returncode != 0 or "install ok installed" not in query.stdout:
        return None
    return query.stdout.split()[-1]


@pytest.fixture
def system_for_deb() -> None:
    if not shutil.which("dpkg") or not shutil.which("dpkg-deb"):
        pytest.skip("dpkg is missing: the .deb install test needs a Debian-like system")
    if os.geteuid() != 0:
        pytest.skip("not root: installing the .deb needs root (CI runs as root)")
    if _installed_version("veldwerk") is not None or any(p.exists() for p in INSTALLED):
        pytest.skip("Veldwerk is installed on this machine already; the test will not remove it")


def test_deb_installs_starts_and_uninstalls_cleanly(
    bundle: Path, tmp_path: Path, system_for_deb: None
) -> None:
    version = _pyproject_version()
    built = _run(
        [str(ROOT / "packaging" / "linux" / "build-deb.sh"), str(bundle.parent), str(tmp_path / "out")],
        DEB_COMPRESSION="gzip",  # fast: the test does not need a small file
        DEB_LEVEL="1",
    )
    assert built.returncode == 0, built.stderr
    deb = Path(built.stdout.strip().splitlines()[-1])
    fields = _run(["dpkg-deb", "--field", str(deb), "Package", "Version"])
    assert fields.stdout.split() == ["Package:", "veldwerk", "Version:", version]
    try:
        installed = _run(["dpkg", "--install", str(deb)])
        assert installed.returncode == 0, installed.stdout + installed.stderr  # missing Depends show here
        assert _installed_version("veldwerk") == version
        assert all(p.exists() for p in INSTALLED), [str(p) for p in INSTALLED if not p.exists()]

        on_path = shutil.which("veldwerk", path="/usr/bin")
        assert on_path == "/usr/bin/veldwerk"
        shown = _run([on_path, "--version"])
        assert shown.returncode == 0 and shown.stdout.strip() == f"veldwerk {version}", shown

        entry = Path("/usr/share/applications/veldwerk.desktop").read_text(encoding="utf-8")
        assert "\nExec=veldwerk\n" in entry and "\nIcon=veldwerk\n" in entry
        if shutil.which("desktop-file-validate"):
            valid = _run(["desktop-file-validate", "/usr/share/applications/veldwerk.desktop"])
            assert valid.returncode == 0 and not valid.stdout.strip(), valid.stdout + valid.stderr

        home = tmp_path / "home"
        made = _run([on_path, "--home", str(home), "load-demo", "--create"], VELDWERK_PASSPHRASE=PASSPHRASE)
        assert made.returncode == 0 and "Demogegevens geladen" in made.stdout, made.stdout + made.stderr
        shot = tmp_path / "installed.png"
        gui = _run([on_path, "--home", str(home), "--quit-after", "1500", "--screenshot", str(shot)])
        assert gui.returncode == 0, gui.stderr[-3000:]
        assert shot.exists() and shot.stat().st_size > 5000
        _assert_dutch_from(Path("/opt/veldwerk"), _loaded_translations(home), gui.stderr)
    finally:
        # Always: a failed test must not leave the package on the machine.
        purged = _run(["dpkg", "--purge", "veldwerk"])
    assert purged.returncode == 0, purged.stdout + purged.stderr
    assert _installed_version("veldwerk") is None
    assert not [str(p) for p in INSTALLED if p.exists() or p.is_symlink()]
    assert not Path("/usr/share/doc/veldwerk").exists()
