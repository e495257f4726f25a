"""The command line with bad paths and bad input files: a clear Dutch message and exit code
2, never a traceback, and no plaintext export left anywhere. Run as a user would script it:
the installed ``veldwerk`` with no terminal (stdin from /dev/null), passphrase from the
environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PASSPHRASE


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).with_name("veldwerk")), *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], str, Path]:
    home = tmp_path_factory.mktemp("cli")
    env = {**os.environ, "VELDWERK_HOME": str(home / "home"), "VELDWERK_PASSPHRASE": PASSPHRASE}
    assert _run(env, "load-demo", "--create").returncode == 0
    listed = _run(env, "list")
    inspection_id = next(line.split()[0] for line in listed.stdout.splitlines() if "Lindeveen" in line)
    return env, inspection_id, home


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if "home" not in p.parts}


def test_bad_targets_give_a_message_and_exit_2(cli: tuple[dict[str, str], str, Path]) -> None:
    env, inspection_id, home = cli
    out = home / "out"
    out.mkdir(exist_ok=True)
    missing = home / "nergens" / "x"
    cases = [
        (("export-json", inspection_id, str(out)), "is een map"),
        (("export-csv", inspection_id, str(out)), "is een map"),
        (("export-qdpx", inspection_id, str(out)), "is een map"),
        (("export-json", inspection_id, str(missing)), "bestaat niet"),
        (("export-csv", inspection_id, str(missing)), "bestaat niet"),
        (("report", inspection_id, "briefrapport", str(missing)), "bestaat niet"),
    ]
    before = _files(home)
    for args, message in cases:
        run = _run(env, *args)
        assert run.returncode == 2, (args, run.stderr)
        assert message in run.stderr and "Traceback" not in run.stderr, (args, run.stderr)
    assert _files(home) == before  # no temp copy beside any target
    assert not (home / "nergens").exists()


def test_bad_import_files_give_a_message_and_exit_2(cli: tuple[dict[str, str], str, Path]) -> None:
    env, inspection_id, home = cli
    good = home / "good.json"
    assert _run(env, "export-json", inspection_id, str(good)).returncode == 0
    data = good.read_bytes()
    truncated, latin1, folder = home / "half.json", home / "latin1.json", home / "map"
    truncated.write_bytes(data[: len(data) // 2])
    latin1.write_bytes('{"format": "caf\u00e9"}'.encode("latin-1"))
    folder.mkdir(exist_ok=True)
    deep, huge = home / "diep.json", home / "groot.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)  # was a RecursionError traceback
    with huge.open("wb") as file:  # sparse: costs no disk
        file.truncate(300 * 1024 * 1024)
    cases = [
        (deep, "te diep genest"),
        (huge, "te groot"),
        (home / "missing.json", "bestaat niet"),
        (folder, "is een map"),
        (truncated, "geen volledig JSON-document"),
        (latin1, "geen UTF-8"),
    ]
    for path, message in cases:
        run = _run(env, "import-json", str(path))
        assert run.returncode == 2, (path, run.stderr)
        assert message in run.stderr and "Traceback" not in run.stderr, (path, run.stderr)


def test_confidential_items_only_on_request(cli: tuple[dict[str, str], str, Path]) -> None:
    import json

    env, inspection_id, home = cli
    plain, full = home / "plain.json", home / "full.json"
    assert _run(env, "export-json", inspection_id, str(plain)).returncode == 0
    run = _run(env, "export-json", inspection_id, str(full), "--include-confidential")
    assert run.returncode == 0 and "vertrouwelijke" in run.stdout
    assert json.loads(plain.read_text("utf-8"))["confidential"]["included"] is False
    assert json.loads(full.read_text("utf-8"))["confidential"]["included"] is True
