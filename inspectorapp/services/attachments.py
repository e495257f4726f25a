"""Attachments: photos and documents on a visit, a note paragraph or a signal.

The bytes go to the encrypted blob store (``inspectorapp.blobs``), the metadata to the
``attachment`` table. The type is taken from the bytes, never from the file name;
images are checked structurally (no pixels are decoded, so no Qt and no decoder bugs).
"""

from __future__ import annotations

import base64
import codecs
import io
import os
import re
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.blobs import KEY_BYTES, BlobStore, key_id, sha256_hex
from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.enums import Confidentiality
from inspectorapp.domain.snapshots import ActionContext, AttachmentSnapshot, OpResult
from inspectorapp.domain.validation import Checker
from inspectorapp.errors import (
    AttachmentEmptyError,
    AttachmentTooLargeError,
    DuplicateAttachmentError,
    NotFoundError,
    StoreCorruptError,
    UnreadableImageError,
    UnsupportedFileTypeError,
)
from storage.models import Attachment, Base, NoteParagraph, Signal, StoreMeta, Visit

from . import audit
from .refs import existing

KEY_META = "attachment_key"
_TARGETS: dict[str, type[Base]] = {"visit_id": Visit, "note_paragraph_id": NoteParagraph, "signal_id": Signal}


def attachment_key(session: Session) -> bytes:
    """The 32-byte attachments key, kept (base64) in the encrypted store; made on first
    use inside the caller's transaction."""
    row = session.get(StoreMeta, KEY_META)
    if row is None:
        key = os.urandom(KEY_BYTES)
        session.add(StoreMeta(key=KEY_META, value=base64.b64encode(key).decode("ascii")))
        session.flush()
        return key
    try:
        key = base64.b64decode(row.value, validate=True)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise StoreCorruptError("store_meta.attachment_key is malformed")
    return key


def blob_store(session: Session, folder: Path) -> BlobStore:
    """The blob store of this database (``AppPaths.attachments_dir``)."""
    return BlobStore(folder, attachment_key(session))


def add_attachment(
    session: Session,
    ctx: ActionContext,
    blobs: BlobStore,
    data: bytes,
    filename: str,
    *,
    visit_id: str | None = None,
    note_paragraph_id: str | None = None,
    signal_id: str | None = None,
    caption: str | None = None,
    taken_at: datetime | None = None,
    confidentiality: str = "TEAM",
) -> OpResult[AttachmentSnapshot]:
    """Attach ``data`` to exactly one visit, note paragraph or signal."""
    c = Checker()
    given = {"visit_id": visit_id, "note_paragraph_id": note_paragraph_id, "signal_id": signal_id}
    chosen = [k for k, v in given.items() if v is not None and v != ""]
    if len(chosen) != 1:
        c.add("target", "required" if not chosen else "exactly_one", given=chosen)
    target = {k: existing(session, c, k, _TARGETS[k], given[k], required=True) for k in chosen}
    name = _clean_filename(c, filename)
    clean_caption = c.text("caption", caption, limits.SHORT_TEXT)
    when = c.moment("taken_at", taken_at)
    conf = c.choice("confidentiality", confidentiality, Confidentiality)
    c.done()
    assert name is not None and conf is not None and len(target) == 1
    _check_key(session, blobs)
    if not data:
        raise AttachmentEmptyError(f"{name}: the file is empty", filename=name)
    if len(data) > blobs.max_bytes:
        too_large = f"{name}: {len(data)} bytes; at most {blobs.max_bytes}"
        raise AttachmentTooLargeError(too_large, filename=name, size=len(data), max=blobs.max_bytes)
    media_type = detect_media_type(data, name)
    sha = sha256_hex(data)
    column, target_id = next(iter(target.items()))
    live = (
        Attachment.sha256 == sha,
        getattr(Attachment, column) == target_id,
        Attachment.deleted_at.is_(None),
    )
    twin = session.scalar(select(Attachment).where(*live).limit(1))
    if twin is not None:
        raise DuplicateAttachmentError(
            f"{name}: already attached as {twin.filename!r} ({twin.id})",
            filename=name,
            existing_id=twin.id,
            existing_filename=twin.filename,
        )
    blobs.put(data)  # before the row: a committed row always has its bytes
    row = Attachment(
        sha256=sha,
        filename=name,
        media_type=media_type,
        size_bytes=len(data),
        caption=clean_caption,
        taken_at=when,
        confidentiality=conf,
        **target,
    )
    session.add(row)
    session.flush()
    details = {"sha256": sha, "media_type": media_type, "size": len(data)}
    audit.record(session, ctx, "attachment.add", "attachment", row.id, **details)
    return OpResult(_snap(row), ChangeSet.of(attachment=[row.id]))


def list_attachments(
    session: Session,
    *,
    visit_id: str | None = None,
    note_paragraph_id: str | None = None,
    signal_id: str | None = None,
) -> list[AttachmentSnapshot]:
    """Live attachments of the given target(s), oldest first; all when none is given."""
    query = select(Attachment).where(Attachment.deleted_at.is_(None))
    wanted = {"visit_id": visit_id, "note_paragraph_id": note_paragraph_id, "signal_id": signal_id}
    for column, value in wanted.items():
        if value is not None:
            query = query.where(getattr(Attachment, column) == value)
    return [_snap(a) for a in session.scalars(query.order_by(Attachment.created_at, Attachment.id))]


def read_attachment(session: Session, ctx: ActionContext, blobs: BlobStore, attachment_id: str) -> bytes:
    """The verified plaintext, for viewing or export. Audited: who saw what."""
    row = _live(session, attachment_id)
    _check_key(session, blobs)
    data = blobs.get(row.sha256)
    audit.record(session, ctx, "attachment.open", "attachment", row.id, sha256=row.sha256)
    return data


def remove_attachment(
    session: Session, ctx: ActionContext, attachment_id: str
) -> OpResult[AttachmentSnapshot]:
    """Soft delete. The blob stays: other rows, other laptops or sync may need it."""
    row = _live(session, attachment_id)
    row.deleted_at = utc_now()
    session.flush()
    audit.record(session, ctx, "attachment.remove", "attachment", row.id, sha256=row.sha256)
    return OpResult(_snap(row), ChangeSet.of(attachment=[row.id]))


def _live(session: Session, attachment_id: str) -> Attachment:
    row = session.get(Attachment, attachment_id) if isinstance(attachment_id, str) else None
    if row is None or row.deleted_at is not None:
        raise NotFoundError("attachment", str(attachment_id))
    return row


def _check_key(session: Session, blobs: BlobStore) -> None:
    if blobs.key_id != key_id(attachment_key(session)):
        raise ValueError("this blob store does not use the key of this database")


def _clean_filename(c: Checker, value: Any) -> str | None:
    """The base name only (a path from another OS included), NFC, no control characters."""
    raw = c.text("filename", value, 4096, required=True)
    if raw is None:
        return None
    name = unicodedata.normalize("NFC", re.split(r"[\\/]", raw)[-1].strip())
    if not name or name in (".", "..") or any(unicodedata.category(ch) == "Cc" for ch in name):
        c.add("filename", "invalid_format" if name else "required")
        return None
    if len(name) > limits.NAME:
        c.add("filename", "too_long", max=limits.NAME, actual=len(name))
        return None
    return name


def _snap(a: Attachment) -> AttachmentSnapshot:
    values = {f.name: getattr(a, f.name) for f in fields(AttachmentSnapshot)}
    return AttachmentSnapshot(**{**values, "confidentiality": a.confidentiality.value})


# -- what the bytes are ------------------------------------------------------------------

_OOXML = {  # content type of the main part -> media type (macro-enabled and templates: refused)
    f"{part}.main+xml": f"application/vnd.openxmlformats-officedocument.{part}"
    for part in ("wordprocessingml.document", "spreadsheetml.sheet", "presentationml.presentation")
}
_ODT = "application/vnd.oasis.opendocument.text"
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"}
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".jfif", ".png", ".gif", ".webp", ".heic", ".heif", ".tif", ".tiff"}
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"%PDF-", "application/pdf"),
)
MAX_PIXELS = 400_000_000  # far beyond any camera; bounds the work of checking a PNG


def detect_media_type(data: bytes, filename: str) -> str:
    """The media type from the magic numbers; images are checked to be whole. A file named
    as an image that is none is refused as an unreadable image (the user expects a photo)."""
    kind = _sniff(data)
    check = _IMAGE_CHECKS.get(kind or "")
    problem = check(data) if check else None
    if check is None and Path(filename).suffix.lower() in _IMAGE_SUFFIXES:
        problem = "not an image"
    if problem:
        raise UnreadableImageError(
            f"{filename}: unreadable image ({problem})", filename=filename, detail=problem
        )
    if kind is None:
        raise UnsupportedFileTypeError(f"{filename}: unsupported file type", filename=filename)
    return kind


def _sniff(data: bytes) -> str | None:
    kind = next((t for magic, t in _MAGIC if data.startswith(magic)), None)
    if kind or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return kind or "image/webp"
    if data[4:8] == b"ftyp":
        end = min(int.from_bytes(data[:4], "big"), len(data), 256)
        brands = {data[8:12]} | {data[i : i + 4] for i in range(16, end - 3, 4)}
        if data[8:12] in _HEIC_BRANDS or (data[8:12] in (b"mif1", b"msf1") and brands & _HEIC_BRANDS):
            return "image/heic"
        if data[8:12] in (b"mif1", b"msf1") and not brands & {b"avif", b"avis"}:
            return "image/heif"
        return None
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    return "text/plain" if _is_text(data) else None


def _zip_kind(data: bytes) -> str | None:
    """OOXML by the main part's content type (macro-enabled files are not accepted), ODT by
    its ``mimetype`` member. Only small members are read: a zip bomb stays packed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "[Content_Types].xml" in names:
                with z.open("[Content_Types].xml") as fh:
                    types = fh.read(1 << 20).decode("utf-8", "replace")
                mains = re.findall(r'ContentType="[^"]*\.([a-zA-Z]+\.[a-zA-Z]+\.main\+xml)"', types)
                return next((_OOXML[m] for m in mains if m in _OOXML), None)
            if "mimetype" in names:
                with z.open("mimetype") as fh:
                    return _ODT if fh.read(100).strip() == _ODT.encode() else None
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError, RuntimeError, zlib.error):
        return None
    return None


def _is_text(data: bytes) -> bool:
    """Strict UTF-8 (BOM allowed) without control characters other than tab and line ends."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
    bad = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
    step = 1 << 20
    try:
        for i in range(0, len(data), step):
            if bad.search(decoder.decode(data[i : i + step], final=i + step >= len(data))):
                return False
    except UnicodeDecodeError:
        return False
    return True


def _png_problem(data: bytes) -> str | None:
    pos, expected, produced = 8, -1, 0
    inflater = zlib.decompressobj()
    while pos + 12 <= len(data):
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > len(data):
            return "truncated"
        body = data[pos + 8 : end - 4]
        if zlib.crc32(ctype + body) != struct.unpack(">I", data[end - 4 : end])[0]:
            return f"bad checksum in {ctype!r} chunk"
        if (pos == 8) != (ctype == b"IHDR"):
            return "IHDR is not the first chunk"
        if ctype == b"IHDR":
            expected = _png_raw_size(body)
            if expected < 0:
                return "invalid IHDR"
        elif ctype == b"IDAT" and produced < expected:
            try:
                produced += len(inflater.decompress(body, expected - produced))
                while inflater.unconsumed_tail and produced < expected:
                    produced += len(inflater.decompress(inflater.unconsumed_tail, expected - produced))
            except zlib.error:
                return "corrupt image data"
        elif ctype == b"IEND":
            return None if produced >= expected else "image data incomplete"
        pos = end
    return "truncated"


def _png_raw_size(ihdr: bytes) -> int:
    """Bytes of filtered scanlines the IHDR promises; -1 when the header is invalid."""
    if len(ihdr) != 13:
        return -1
    w, h, depth, color, comp, filt, interlace = struct.unpack(">IIBBBBB", ihdr)
    depths = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
    if not (0 < w < 2**31 and 0 < h < 2**31 and w * h <= MAX_PIXELS) or depth not in depths.get(color, ()):
        return -1
    if comp or filt or interlace not in (0, 1):
        return -1
    bits = depth * {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color]
    passes = [(0, 0, 1, 1)] if not interlace else [
        (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)
    ]  # fmt: skip
    total = 0
    for x0, y0, dx, dy in passes:
        pw, ph = (w - x0 + dx - 1) // dx, (h - y0 + dy - 1) // dy
        if pw and ph:
            total += ph * (1 + (pw * bits + 7) // 8)
    return total


def _jpeg_problem(data: bytes) -> str | None:
    """Header segments up to the first scan (with a valid frame header before it), then an
    end-of-image marker after the scan: a truncated file has lost it."""
    pos, frame = 2, False
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker, seg = data[pos + 1], int.from_bytes(data[pos + 2 : pos + 4], "big")
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if seg < 2 or pos + 2 + seg > len(data):
            return "truncated"
        if marker in b"\xc0\xc1\xc2\xc3\xc5\xc6\xc7\xc9\xca\xcb\xcd\xce\xcf":  # start of frame
            ncomp = data[pos + 9] if seg >= 8 else 0
            frame = 1 <= ncomp <= 4 and seg == 8 + 3 * ncomp and data[pos + 7 : pos + 9] != b"\0\0"
            if not frame:
                return "invalid frame header"
        pos += 2 + seg
        if marker == 0xDA:  # start of scan
            if not frame:
                return "scan before frame header"
            return None if data.rfind(b"\xff\xd9") >= pos else "truncated"
    return "truncated" if pos + 4 > len(data) else "invalid marker"


def _gif_problem(data: bytes) -> str | None:
    """Header and trailer: a truncated GIF has lost its final ``;``."""
    return None if len(data) > 19 and data.rstrip(b"\0").endswith(b";") else "truncated"


def _webp_problem(data: bytes) -> str | None:
    if len(data) < max(20, 8 + struct.unpack("<I", data[4:8])[0]):
        return "truncated"
    chunk, body = data[12:16], data[20:30]
    lossy, lossless = body[3:6] == b"\x9d\x01\x2a", body[:1] == b"\x2f"
    ok = chunk == b"VP8X" or (chunk == b"VP8 " and lossy) or (chunk == b"VP8L" and lossless)
    return None if ok else "invalid image chunk"


def _tiff_problem(data: bytes) -> str | None:
    """Structure only: the first directory and its entries lie inside the file."""
    e = "<" if data[:2] == b"II" else ">"
    ifd = struct.unpack(e + "I", data[4:8])[0] if len(data) >= 8 else 0
    if not 8 <= ifd <= len(data) - 2:
        return "truncated"
    count = struct.unpack(e + "H", data[ifd : ifd + 2])[0]
    return None if count and ifd + 2 + 12 * count + 4 <= len(data) else "truncated"


def _heif_problem(data: bytes) -> str | None:
    pos, boxes = 0, set()
    while pos + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if size == 1:
            size = struct.unpack(">Q", data[pos + 8 : pos + 16])[0] if pos + 16 <= len(data) else 0
        elif size == 0:
            size = len(data) - pos
        if size < 8 or pos + size > len(data):
            return "truncated"
        boxes.add(kind)
        pos += size
    return None if pos == len(data) and b"meta" in boxes else "truncated"


_IMAGE_CHECKS = {
    "image/png": _png_problem,
    "image/jpeg": _jpeg_problem,
    "image/gif": _gif_problem,
    "image/webp": _webp_problem,
    "image/tiff": _tiff_problem,
    "image/heic": _heif_problem,
    "image/heif": _heif_problem,
}
