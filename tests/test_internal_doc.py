"""The shared internal A4 document: the marking on every page, page x/y, and user text that
prints literally whatever markup it holds."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from inspectorapp.reports.internal_doc import DUTCH, ENGLISH, InternalDoc

HOSTILE = 'Zorg <b>vet</b> & <font color="red">rood</font> <br/> &amp; <para>x</para> <onDraw name="x"/>'

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


def _pages(pdf: bytes, tmp_path: Path, layout: bool = True) -> list[str]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    mode = ["-layout"] if layout else ["-raw"]
    text = subprocess.run(["pdftotext", *mode, str(path), "-"], check=True, capture_output=True, text=True)
    return text.stdout.split("\f")[:-1]


def test_every_page_is_marked_internal_and_numbered(tmp_path: Path) -> None:
    doc = InternalDoc("Agendapakket", "MDO 12-03-2026", language="nl", generated_on=date(2026, 3, 10))
    for n in range(6):
        doc.heading(f"Deel {n + 1}")
        doc.bullets([f"punt {i}" for i in range(25)])
    pages = _pages(doc.build(), tmp_path)
    assert len(pages) >= 3
    for n, page in enumerate(pages, 1):
        assert DUTCH.marking in page
        assert f"Pagina {n} van {len(pages)}" in page
    assert "Gemaakt op 10-03-2026" in pages[0]


def test_english_marking(tmp_path: Path) -> None:
    doc = InternalDoc("Agenda pack", language="en", generated_on=date(2026, 3, 10))
    doc.paragraph("text")
    (page,) = _pages(doc.build(), tmp_path)
    assert ENGLISH.marking in page and "Page 1 of 1" in page


def test_user_text_prints_literally(tmp_path: Path) -> None:
    doc = InternalDoc(HOSTILE, HOSTILE, language="nl", generated_on=date(2026, 3, 10))
    doc.heading(HOSTILE)
    doc.paragraph(HOSTILE)
    doc.note(HOSTILE)
    doc.bullets([HOSTILE])
    doc.table(("<i>kop</i>", "&"), [(HOSTILE, "a & b")], weights=(3, 1))
    text = "".join(_pages(doc.build(), tmp_path, layout=False))
    flat = " ".join(text.split())
    assert flat.count("<b>vet</b>") >= 5
    assert flat.count('<font color="red">rood</font>') >= 4
    assert "&amp;" in flat and "<br/>" in flat and "<para>x</para>" in flat
    assert "<i>kop</i>" in flat and "a & b" in flat


def test_labelled_text_and_a_table_or_its_note(tmp_path: Path) -> None:
    doc = InternalDoc("Dossier", language="nl", generated_on=date(2026, 3, 10))
    doc.labelled("Motivering", "omdat <b>het</b> kan")
    doc.labelled("Voorwaarden", "")  # no text: no "Voorwaarden:" line either
    doc.labelled("Open vragen", None)
    doc.table_or_note(("Datum", "Wat"), [], (1, 4), none="Geen.")
    doc.table_or_note(("Datum", "Wat"), [("01-02-2026", "bezoek")], (1, 4), none="Niets.")
    (page,) = _pages(doc.build(), tmp_path, layout=False)
    flat = " ".join(page.split())
    assert "Motivering: omdat <b>het</b> kan" in flat
    assert "Voorwaarden" not in flat and "Open vragen" not in flat
    assert "Geen." in flat and "Niets." not in flat
    assert "Datum Wat 01-02-2026 bezoek" in flat
