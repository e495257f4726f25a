"""The README's run command: the installed `veldwerk` entry point starts the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from .conftest import PASSPHRASE


def _veldwerk() -> str:
    return str(Path(sys.executable).with_name("veldwerk"))


def test_veldwerk_command_starts_the_app_on_first_start(tmp_path: Path) -> None:
    shot = tmp_path / "first-start.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VELDWERK_HOME": str(tmp_path / "home")}
    run = subprocess.run(
        [_veldwerk(), "--quit-after", "1200", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    assert (tmp_path / "home" / "config").is_dir()  # platform folders made under the home


def test_quitting_at_once_leaves_no_traceback(tmp_path: Path) -> None:
    """The background warm-up imports may still run while the interpreter shuts down."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VELDWERK_HOME": str(tmp_path / "home")}
    run = subprocess.run(
        [_veldwerk(), "--quit-after", "0"], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-3000:]


def test_command_line_demo_load_and_list(tmp_path: Path) -> None:
    env = {**os.environ, "VELDWERK_HOME": str(tmp_path / "home"), "VELDWERK_PASSPHRASE": PASSPHRASE}
    first = subprocess.run(
        [_veldwerk(), "load-demo", "--create"], env=env, capture_output=True, text=True, timeout=120
    )
    assert first.returncode == 0, first.stderr
    assert "Demogegevens geladen" in first.stdout
    again = subprocess.run([_veldwerk(), "load-demo"], env=env, capture_output=True, text=True, timeout=120)
    assert "al geladen" in again.stdout
    listed = subprocess.run([_veldwerk(), "list"], env=env, capture_output=True, text=True, timeout=120)
    assert "Ziekenhuis A" in listed.stdout
    wrong = subprocess.run(
        [_veldwerk(), "list"],
        env={**env, "VELDWERK_PASSPHRASE": "fout fout fout"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    # the CLI speaks the app's language (Dutch by default), like the GUI
    assert wrong.returncode == 2 and "wachtwoordzin" in wrong.stderr and "Traceback" not in wrong.stderr


def test_command_line_json_export_and_import(tmp_path: Path) -> None:
    env = {**os.environ, "VELDWERK_HOME": str(tmp_path / "a"), "VELDWERK_PASSPHRASE": PASSPHRASE}
    subprocess.run(
        [_veldwerk(), "load-demo", "--create"], env=env, check=True, capture_output=True, timeout=120
    )
    from inspectorapp.paths import app_paths
    from inspectorapp.store_access import open_store
    from storage import models as m

    store = open_store(app_paths(tmp_path / "a").store_file, PASSPHRASE)
    with store.session() as s:
        from sqlalchemy import select

        inspection_id = s.scalar(select(m.Inspection.id).limit(1))
    store.close()
    out = tmp_path / "inspectie.json"
    done = subprocess.run(
        [_veldwerk(), "export-json", inspection_id, str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    other = {**env, "VELDWERK_HOME": str(tmp_path / "b")}
    subprocess.run([_veldwerk(), "load-demo", "--create"], env=other, capture_output=True, timeout=120)
    first = subprocess.run(
        [_veldwerk(), "import-json", str(out)], env=other, capture_output=True, text=True, timeout=120
    )
    assert first.returncode == 0 and "hersteld" in first.stdout, first.stderr
    again = subprocess.run(
        [_veldwerk(), "import-json", str(out)], env=other, capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 2 and "already exists" in again.stderr  # refused whole, never merged twice


def test_command_line_report_into_a_folder_named_by_hash(tmp_path: Path) -> None:
    env = {**os.environ, "VELDWERK_HOME": str(tmp_path / "a"), "VELDWERK_PASSPHRASE": PASSPHRASE}
    subprocess.run(
        [_veldwerk(), "load-demo", "--create"], env=env, check=True, capture_output=True, timeout=120
    )
    listed = subprocess.run([_veldwerk(), "list"], env=env, capture_output=True, text=True, timeout=120)
    line = next(row for row in listed.stdout.splitlines() if "dementiezorg" in row)
    inspection_id = line.split()[0]
    out = tmp_path / "rapporten"
    out.mkdir()
    done = subprocess.run(
        [_veldwerk(), "report", inspection_id, "briefrapport", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    (pdf,) = out.iterdir()
    assert pdf.name.startswith("2026-11-20 briefrapport Netwerktoezicht dementiezorg Lindeveen ")
    assert pdf.read_bytes().startswith(b"%PDF-")
    bad = subprocess.run(
        [_veldwerk(), "report", "0" * 36, "briefrapport", str(out)], env=env, capture_output=True, text=True
    )
    assert bad.returncode == 2 and len(list(out.iterdir())) == 1  # refused, nothing written
