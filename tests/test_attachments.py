"""Attachments: real files in, encrypted blobs on disk, typed refusals, nothing in the clear."""

from __future__ import annotations

import base64
import io
import mmap
import os
import random
import signal
import stat
import struct
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from sqlalchemy import func, select, text

from inspectorapp import errors as e
from inspectorapp.blobs import OVERHEAD, BlobStore
from inspectorapp.domain.drafts import ParagraphDraft, SignalDraft
from inspectorapp.domain.enums import SignalKind, Valence
from inspectorapp.ids import new_id
from inspectorapp.paths import app_paths
from inspectorapp.services import attachments as att
from inspectorapp.services import notes, signals
from inspectorapp.store_access import open_store
from storage import models as m
from storage.engine import Store

from . import helpers
from .conftest import PASSPHRASE, ROOT


def qt_image(fmt: str, w: int = 64, h: int = 48) -> bytes:
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor(180, 40, 60))
    ba = QByteArray()
    buf = QBuffer(ba)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    assert img.save(buf, fmt)
    return bytes(ba.data())


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(text: bytes = b"", w: int = 5, h: int = 4, claim: tuple[int, int] | None = None) -> bytes:
    """A minimal valid RGB PNG, optionally with a tEXt chunk (``claim``: other IHDR size)."""
    rows = b"".join(b"\0" + bytes([200, 30, 30]) * w for _ in range(h))
    extra = _chunk(b"tEXt", b"Comment\0" + text) if text else b""
    ihdr = _chunk(b"IHDR", struct.pack(">IIBBBBB", *(claim or (w, h)), 8, 2, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + ihdr + extra + _chunk(b"IDAT", zlib.compress(rows)) + _chunk(b"IEND", b"")


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def ooxml(main: str, content_type: str) -> bytes:
    types = f'<Types><Override PartName="/{main}" ContentType="{content_type}+xml"/></Types>'
    return zipped({"[Content_Types].xml": types.encode(), main: b"<doc/>"})


def box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
HEIC = box(b"ftyp", b"heic\0\0\0\0mif1heic") + box(b"meta", b"\0" * 24) + box(b"mdat", b"\x01" * 64)
PDF = b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
OO = "application/vnd.openxmlformats-officedocument"
DOCX, XLSX = f"{OO}.wordprocessingml.document", f"{OO}.spreadsheetml.sheet"
PPTX = f"{OO}.presentationml.presentation"
DOCM = "application/vnd.ms-word.document.macroEnabled.main"
ODT = "application/vnd.oasis.opendocument.text"
GARBAGE = random.Random(7).randbytes(4096)

ACCEPTED = [
    ("foto.jpg", lambda: qt_image("JPG"), "image/jpeg"),
    ("foto.png", lambda: qt_image("PNG"), "image/png"),
    ("schets.png", lambda: png(b"met tekst"), "image/png"),
    ("scan.tiff", lambda: qt_image("TIFF"), "image/tiff"),
    ("foto.webp", lambda: qt_image("WEBP"), "image/webp"),
    ("pixel.gif", lambda: GIF, "image/gif"),
    ("IMG_0001.HEIC", lambda: HEIC, "image/heic"),
    ("rapport.pdf", lambda: PDF, "application/pdf"),
    ("brief.docx", lambda: ooxml("word/document.xml", DOCX + ".main"), DOCX),
    ("cijfers.xlsx", lambda: ooxml("xl/workbook.xml", XLSX + ".main"), XLSX),
    ("dia.pptx", lambda: ooxml("ppt/presentation.xml", PPTX + ".main"), PPTX),
    ("notulen.odt", lambda: zipped({"mimetype": ODT.encode(), "content.xml": b"<x/>"}), ODT),
    ("notitie.txt", lambda: "Cliënt zegt: ‘de zorg is goed’.\r\nEinde.\n".encode(), "text/plain"),
]

REFUSED = [
    ("photo.jpg", lambda: GARBAGE, e.UnreadableImageError),
    ("data.bin", lambda: GARBAGE, e.UnsupportedFileTypeError),
    ("half.png", lambda: png()[: len(png()) // 2], e.UnreadableImageError),
    ("half.jpg", lambda: qt_image("JPG")[:400], e.UnreadableImageError),
    ("crc.png", lambda: png()[:-5] + b"\0" + png()[-4:], e.UnreadableImageError),
    ("huge.png", lambda: png(claim=(100_000, 100_000)), e.UnreadableImageError),
    ("short.png", lambda: png(claim=(5, 5)), e.UnreadableImageError),
    ("tekst.jpg", lambda: b"just text", e.UnreadableImageError),
    ("half.gif", lambda: GIF[:-3], e.UnreadableImageError),
    ("half.heic", lambda: HEIC[:-10], e.UnreadableImageError),
    ("macro.docm", lambda: ooxml("word/document.xml", DOCM), e.UnsupportedFileTypeError),
    ("archief.zip", lambda: zipped({"a.txt": b"x"}), e.UnsupportedFileTypeError),
    ("utf16.txt", lambda: "tekst".encode("utf-16"), e.UnsupportedFileTypeError),
    ("tool.exe", lambda: b"MZ\x90\x00\x03" + bytes(60), e.UnsupportedFileTypeError),
]


@dataclass(frozen=True)
class Targets:
    visit: str
    note: str
    signal: str


@pytest.fixture
def folder() -> Path:
    return app_paths().attachments_dir


@pytest.fixture
def blobs(store: Store, folder: Path) -> BlobStore:
    with store.transaction() as s:
        return att.blob_store(s, folder)


@pytest.fixture
def targets(store: Store, ctx: Any) -> Targets:
    with store.transaction() as s:
        org, conv = helpers.conversation(s, ctx)
        visit = s.get(m.Conversation, conv).visit_id
        note = notes.add_paragraph(s, ctx, conv, ParagraphDraft(text="Medicijnkast open aangetroffen")).value.id
        draft = SignalDraft(org, SignalKind.HARD, Valence.NEGATIVE, "Kast open")
        sig = signals.capture_signal(s, ctx, draft).value.id
    return Targets(visit, note, sig)


def add(store: Store, ctx: Any, blobs: BlobStore, data: bytes, name: str, **target: Any) -> Any:
    with store.transaction() as s:
        return att.add_attachment(s, ctx, blobs, data, name, **target).value


def state(store: Store, folder: Path) -> tuple[int, list[tuple[str, int, int]]]:
    with store.session() as s:
        rows = s.scalar(select(func.count()).select_from(m.Attachment))
    return rows, sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*"))


@pytest.mark.parametrize(("name", "make", "media_type"), ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_real_files_are_accepted_by_their_bytes(store, ctx, blobs, targets, name, make, media_type) -> None:
    data = make()
    snap = add(store, ctx, blobs, data, name, visit_id=targets.visit, caption="bij de kast")
    expected = (name, media_type, len(data), targets.visit)
    assert (snap.filename, snap.media_type, snap.size_bytes, snap.visit_id) == expected
    with store.transaction() as s:
        assert att.read_attachment(s, ctx, blobs, snap.id) == data


@pytest.mark.parametrize(("name", "make", "error"), REFUSED, ids=[r[0] for r in REFUSED])
def test_unsupported_and_broken_files_are_refused_and_nothing_is_written(
    store, ctx, blobs, targets, folder, name, make, error
) -> None:
    before = state(store, folder)
    with pytest.raises(error) as caught:
        add(store, ctx, blobs, make(), name, signal_id=targets.signal)
    assert caught.value.code == f"attachment_{caught.value.reason}"
    assert caught.value.params["filename"] == name
    assert state(store, folder) == before


def test_input_is_validated_before_anything_is_written(store, ctx, blobs, targets, folder) -> None:
    before = state(store, folder)
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({}, "target", "required"),
        ({"visit_id": targets.visit, "signal_id": targets.signal}, "target", "exactly_one"),
        ({"note_paragraph_id": new_id()}, "note_paragraph_id", "invalid_reference"),
        ({"visit_id": targets.visit, "name": "x" * 197 + ".png"}, "filename", "too_long"),
        ({"visit_id": targets.visit, "name": "map/"}, "filename", "required"),
        ({"visit_id": targets.visit, "name": "a\x07.png"}, "filename", "invalid_format"),
        ({"visit_id": targets.visit, "confidentiality": "GEHEIM"}, "confidentiality", "invalid_choice"),
    ]
    for kwargs, field, problem in cases:
        name = kwargs.pop("name", "foto.png")
        with pytest.raises(e.ValidationError) as caught, store.transaction() as s:
            att.add_attachment(s, ctx, blobs, png(), name, **kwargs)
        assert (field, problem) in [(i.field, i.problem) for i in caught.value.issues], kwargs
    with pytest.raises(e.AttachmentEmptyError):
        add(store, ctx, blobs, b"", "leeg.txt", visit_id=targets.visit)
    with store.session() as s:
        small = BlobStore(folder, att.attachment_key(s), max_bytes=100)
    with pytest.raises(e.AttachmentTooLargeError) as too_large:
        add(store, ctx, small, png(w=50, h=50), "groot.png", visit_id=targets.visit)
    assert too_large.value.params["max"] == 100
    assert state(store, folder) == before
    snap = add(store, ctx, blobs, png(), "C:\\Users\\inspecteur\\Foto's\\kast.png", visit_id=targets.visit)
    assert snap.filename == "kast.png"
    snap = add(store, ctx, blobs, qt_image("JPG"), "../../etc/cafe\u0301.jpg", visit_id=targets.visit)
    assert snap.filename == "café.jpg"  # NFC


def test_a_duplicate_is_refused_naming_the_existing_one_and_other_targets_reuse_the_blob(
    store, ctx, blobs, targets, folder
) -> None:
    data = qt_image("JPG")
    first = add(store, ctx, blobs, data, "kast.jpg", signal_id=targets.signal)
    before = state(store, folder)
    with pytest.raises(e.DuplicateAttachmentError) as caught:
        add(store, ctx, blobs, data, "kast-kopie.jpg", signal_id=targets.signal)
    assert caught.value.params["existing_id"] == first.id
    assert caught.value.params["existing_filename"] == "kast.jpg"
    assert first.id in str(caught.value)
    assert state(store, folder) == before
    second = add(store, ctx, blobs, data, "kast.jpg", visit_id=targets.visit)
    third = add(store, ctx, blobs, data, "kast.jpg", note_paragraph_id=targets.note)
    assert first.sha256 == second.sha256 == third.sha256
    assert list(blobs.iter_files()) == [blobs.path_for(first.sha256)]  # one blob, three rows
    assert [a.id for a in _list(store, signal_id=targets.signal)] == [first.id]
    assert [a.id for a in _list(store, note_paragraph_id=targets.note)] == [third.id]


def _list(store: Store, **target: str) -> list[Any]:
    with store.session() as s:
        return att.list_attachments(s, **target)


def test_remove_is_soft_keeps_the_blob_and_every_action_is_audited(store, ctx, blobs, targets) -> None:
    data = png(b"audit")
    snap = add(store, ctx, blobs, data, "kast.png", visit_id=targets.visit)
    with store.transaction() as s:
        att.read_attachment(s, ctx, blobs, snap.id)
    with store.transaction() as s:
        removed = att.remove_attachment(s, ctx, snap.id)
    assert removed.changes.touches("attachment") and removed.value.id == snap.id
    assert _list(store, visit_id=targets.visit) == []
    assert blobs.get(snap.sha256) == data  # the blob stays
    with pytest.raises(e.NotFoundError), store.transaction() as s:
        att.read_attachment(s, ctx, blobs, snap.id)
    again = add(store, ctx, blobs, data, "kast.png", visit_id=targets.visit)  # no longer a duplicate
    assert again.id != snap.id
    with store.session() as s:
        log = s.execute(
            select(m.AuditLog.action, m.AuditLog.actor, m.AuditLog.entity_id)
            .where(m.AuditLog.action.like("attachment.%"))
            .order_by(m.AuditLog.seq)
        ).all()
        deleted = s.get(m.Attachment, snap.id)
        outbox = s.scalars(
            select(m.Outbox.op).where(m.Outbox.entity_id == snap.id).order_by(m.Outbox.seq)
        ).all()
    assert [tuple(r) for r in log] == [
        ("attachment.add", ctx.actor, snap.id),
        ("attachment.open", ctx.actor, snap.id),
        ("attachment.remove", ctx.actor, snap.id),
        ("attachment.add", ctx.actor, again.id),
    ]
    assert deleted is not None and deleted.deleted_at is not None
    assert list(outbox) == ["insert", "delete"]


def test_tampered_truncated_or_foreign_blobs_raise(store, ctx, blobs, targets, folder) -> None:
    data = png(b"echt")
    snap = add(store, ctx, blobs, data, "kast.png", visit_id=targets.visit)
    path = blobs.path_for(snap.sha256)
    good = path.read_bytes()
    other = blobs.path_for(blobs.put(b"iets anders")).read_bytes()

    def flip(i: int) -> bytes:
        return good[:i] + bytes([good[i] ^ 1]) + good[i + 1 :]

    for bad in (flip(len(good) - 1), flip(30), flip(5), flip(3), good[:-1], good[:20], b"", other):
        path.write_bytes(bad)
        with pytest.raises(e.BlobTamperedError):
            blobs.get(snap.sha256)
    with pytest.raises(e.BlobTamperedError), store.transaction() as s:
        att.read_attachment(s, ctx, blobs, snap.id)
    with store.session() as s:  # a failed read is not recorded as seen
        assert s.scalar(select(func.count()).where(m.AuditLog.action == "attachment.open")) == 0
    assert blobs.put(data) == snap.sha256 and blobs.get(snap.sha256) == data  # put repairs
    foreign = BlobStore(folder, os.urandom(32))
    with pytest.raises(e.BlobMissingError):  # under another key the blob has another name
        foreign.get(snap.sha256)
    foreign.path_for(snap.sha256).parent.mkdir(exist_ok=True)
    foreign.path_for(snap.sha256).write_bytes(path.read_bytes())
    with pytest.raises(e.BlobTamperedError):  # and copied to that name it is refused
        foreign.get(snap.sha256)
    for name in ("../" * 21 + "x", snap.sha256.upper(), "0" * 63):
        with pytest.raises(e.BlobNameError):
            blobs.get(name)


def test_a_rolled_back_first_attachment_does_not_strand_its_bytes(store, ctx, targets, folder) -> None:
    data = png(b"eerste")
    with pytest.raises(RuntimeError), store.transaction() as s:  # the new key is rolled back too
        att.add_attachment(s, ctx, att.blob_store(s, folder), data, "kast.png", visit_id=targets.visit)
        raise RuntimeError("the action failed after the blob was written")
    assert len([p for p in folder.rglob("*") if p.is_file()]) == 1  # a blob under the lost key
    with store.transaction() as s:
        blobs = att.blob_store(s, folder)  # a new key
        snap = att.add_attachment(s, ctx, blobs, data, "kast.png", visit_id=targets.visit).value
    with store.transaction() as s:
        assert att.read_attachment(s, ctx, blobs, snap.id) == data


def test_blob_names_are_keyed_and_plain_hash_names_are_renamed_once(tmp_path: Path) -> None:
    from inspectorapp import blobs as blob_module

    folder, key = tmp_path / "attachments", os.urandom(32)
    data, other = b"rapport van de zorgaanbieder", b"tweede document"
    blobs = BlobStore(folder, key)
    sha, sha2 = blobs.put(data), blobs.put(other)
    keyed, keyed2 = blobs.path_for(sha), blobs.path_for(sha2)
    assert sha not in str(keyed) and keyed.parent.parent == folder  # nobody can confirm it by hashing
    assert BlobStore(folder, os.urandom(32)).path_for(sha) != keyed  # the name depends on the key
    # an older version's layout: files named by the plain hash; one also left under its keyed
    # name by a rename that crashed after the new name was in place
    for done, plain in ((keyed, folder / sha[:2] / sha), (keyed2, folder / sha2[:2] / sha2)):
        plain.parent.mkdir(exist_ok=True)
        os.replace(done, plain)
    os.link(folder / sha2[:2] / sha2, keyed2)
    blob_module._renamed.clear()  # a new process
    reopened = BlobStore(folder, key)
    assert (reopened.get(sha), reopened.get(sha2)) == (data, other)
    assert {p for p in folder.rglob("*") if p.is_file()} == {keyed, keyed2}
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_put_is_idempotent_and_put_file_reads_whole_files_up_to_the_limit(blobs, tmp_path) -> None:
    data = os.urandom(10_000)
    sha = blobs.put(data)
    first = blobs.path_for(sha).stat()
    assert blobs.put(data) == sha
    again = blobs.path_for(sha).stat()
    assert (again.st_ino, again.st_mtime_ns) == (first.st_ino, first.st_mtime_ns)
    assert blobs.exists(sha) and blobs.size_on_disk(sha) == len(data) + OVERHEAD
    assert stat.S_IMODE(first.st_mode) == 0o600
    source = tmp_path / "scan.pdf"
    source.write_bytes(PDF)
    assert blobs.get(blobs.put_file(source)) == PDF
    small = BlobStore(blobs.folder, os.urandom(32), max_bytes=len(PDF) - 1)
    with pytest.raises(e.AttachmentTooLargeError):
        small.put_file(source)


def test_key_lives_in_the_encrypted_store_and_survives_reopening(
    store, store_path, ctx, blobs, targets, folder
) -> None:
    data = qt_image("JPG")
    snap = add(store, ctx, blobs, data, "kast.jpg", visit_id=targets.visit)
    with store.session() as s:
        stored = s.get(m.StoreMeta, att.KEY_META)
        assert stored is not None and len(base64.b64decode(stored.value)) == 32
        queued = text("SELECT count(*) FROM outbox WHERE payload LIKE :k OR entity = 'store_meta'")
        assert s.scalar(queued, {"k": f"%{stored.value}%"}) == 0
        key = att.attachment_key(s)
    store.close()
    reopened = open_store(store_path, PASSPHRASE)
    try:
        with reopened.transaction() as s:
            assert att.attachment_key(s) == key
            assert att.read_attachment(s, ctx, att.blob_store(s, folder), snap.id) == data
    finally:
        reopened.close()


_written: list[str] | None = None


def _audit_hook(event: str, args: tuple[Any, ...]) -> None:
    """Records every file opened for writing while ``_written`` is a list."""
    if _written is not None and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
        mode, flags = args[1] or "", args[2] or 0
        if any(c in mode for c in "wax+") or flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            _written.append(os.fsdecode(args[0]))


sys.addaudithook(_audit_hook)


def _files_containing(marker: bytes, root: Path, since: float = 0.0) -> list[str]:
    hits = []
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            try:
                info = os.lstat(path)
                if stat.S_ISREG(info.st_mode) and info.st_size and max(info.st_mtime, info.st_ctime) >= since:
                    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
                        if mm.find(marker) >= 0:
                            hits.append(path)
            except (OSError, ValueError):
                continue  # vanished, not ours to read, or not mappable
    return hits


def test_no_plaintext_of_an_attachment_lands_anywhere_on_disk(
    store, store_path, ctx, blobs, targets, folder
) -> None:
    global _written
    marker = f"VELDWERK-GEHEIM-{uuid.uuid4().hex}".encode()
    tmp = Path(tempfile.gettempdir())
    started = time.time() - 1
    assert _files_containing(marker, tmp, since=started) == []
    _written = []
    try:
        add(store, ctx, blobs, png(marker), "kast.png", visit_id=targets.visit)
        text = add(store, ctx, blobs, b"Verslag " + marker + b"\n", "verslag.txt", signal_id=targets.signal)
        with store.transaction() as s:
            assert marker in att.read_attachment(s, ctx, blobs, text.id)
    finally:
        written, _written = _written, None
    # Python-level writes during add/read: only ciphertext temp files and blobs in the shard folders.
    for path in (Path(w) for w in written if "__pycache__" not in w):  # imports may write .pyc
        assert path.parent.parent == folder, path
        assert path.name.endswith(".tmp") or path in set(blobs.iter_files()), path
    store.checkpoint()
    db_files = [p for p in store_path.parent.iterdir() if p.name.startswith(store_path.name)]
    assert db_files and all(marker not in p.read_bytes() for p in db_files)
    assert _files_containing(marker, folder) == []
    assert _files_containing(marker, tmp, since=started) == []


@pytest.mark.slow
def test_kill_while_writing_leaves_only_complete_blobs(tmp_path: Path) -> None:
    folder, key = tmp_path / "attachments", os.urandom(32)
    rng = random.Random(int(os.environ.get("VELDWERK_KILL_SEED", "20261123")))
    acknowledged: list[str] = []
    for run in range(int(os.environ.get("VELDWERK_KILL_RUNS", "6"))):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.procs.blob_writer", str(folder), key.hex(), str(run)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stderr is not None
        line = proc.stdout.readline()
        assert line.startswith("PUT "), proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.5))
        proc.send_signal(signal.SIGKILL)
        rest = proc.communicate(timeout=10)[0].split("\n")[:-1]  # a kill may cut the last line
        acknowledged += [x.split()[1] for x in (line, *rest)]
    blobs = BlobStore(folder, key)
    complete = set(blobs.iter_files())
    assert {blobs.path_for(sha) for sha in acknowledged} <= complete
    for sha in acknowledged:
        blobs.get(sha)  # decrypts and verifies
    leftovers = [p for p in folder.rglob("*") if p.is_file() and p not in complete]
    assert all(p.name.startswith(".") and p.name.endswith(".tmp") for p in leftovers), leftovers
    assert blobs.sweep_temp_files(older_than_seconds=0) == len(leftovers)
    assert {p for p in folder.rglob("*") if p.is_file()} == complete  # only whole blobs are left


_OPEN_AT = """
import sys, time
from pathlib import Path
from inspectorapp.blobs import BlobStore
folder, key, start = Path(sys.argv[1]), bytes.fromhex(sys.argv[2]), float(sys.argv[3])
time.sleep(max(0.0, start - time.time()))
BlobStore(folder, key)
"""


def _plain_layout(folder: Path, key: bytes, count: int) -> dict[str, bytes]:
    """An older version's folder: ``count`` blobs named by their plain hash."""
    blobs = BlobStore(folder, key)
    datas = {}
    for n in range(count):
        data = f"document {n}".encode()
        sha = blobs.put(data)
        plain = folder / sha[:2] / sha
        plain.parent.mkdir(exist_ok=True)
        os.replace(blobs.path_for(sha), plain)
        datas[sha] = data
    return datas


def test_processes_opening_one_folder_at_once_rename_it_without_failing(tmp_path: Path) -> None:
    from inspectorapp import blobs as blob_module

    folder, key = tmp_path / "attachments", os.urandom(32)
    datas = _plain_layout(folder, key, 600)
    start = time.time() + 2.0  # the interpreters start first, then all rename at once
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN_AT, str(folder), key.hex(), str(start)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, errors  # was FileNotFoundError from os.replace
    blob_module._renamed.clear()
    reopened = BlobStore(folder, key)
    assert {p for p in folder.rglob("*") if p.is_file()} == {reopened.path_for(sha) for sha in datas}
    assert all(reopened.get(sha) == data for sha, data in datas.items())


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or not Path("/usr/bin/unshare").exists(),
    reason="needs root to hand the folder to another user, and unshare",
)
def test_a_folder_of_another_user_is_opened_as_it_is(tmp_path: Path) -> None:
    """A shared or restored folder this user may write but does not own: chmod is refused
    (EPERM), which must not stop the app from opening it. The app runs in a user namespace,
    where it lacks the right to change another user's files."""
    folder, key = tmp_path / "attachments", os.urandom(32)
    datas = _plain_layout(folder, key, 3)
    for path in [*folder.rglob("*"), folder]:
        os.chmod(path, 0o777 if path.is_dir() else 0o666)
        os.chown(path, 65534, 65534)
    script = _OPEN_AT + "print(all(BlobStore(folder, key).get(s) for s in sys.argv[4:]))"
    run = subprocess.run(
        ["/usr/bin/unshare", "--user", sys.executable, "-c", script, str(folder), key.hex(), "0", *datas],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr  # was PermissionError from os.chmod
    assert run.stdout.strip() == "True"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o777  # left as it was
