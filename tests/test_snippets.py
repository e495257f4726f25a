"""One rule for cutting a text to a row, a tile or a title (``inspectorapp.domain.snippets``)."""

from __future__ import annotations

from inspectorapp.domain.snippets import clipped, one_line


def test_a_text_that_fits_is_kept_whole() -> None:
    assert clipped("Zorgplan ontbreekt", 18) == "Zorgplan ontbreekt"
    assert one_line("Zorgplan\nontbreekt", 18) == "Zorgplan ontbreekt"


def test_a_cut_text_is_at_most_the_limit_and_ends_in_one_ellipsis() -> None:
    cut = clipped("Medicatieoverdracht niet op orde", 20)
    assert cut == "Medicatieoverdracht…" and len(cut) <= 20
    assert clipped("Een twee drie", 5) == "Een…"  # no space left before the ellipsis


def test_one_line_joins_lines_and_runs_of_white_space_before_it_cuts() -> None:
    text = "  Moeder belt\n\n  de huisarts   niet meer  "
    assert one_line(text, 80) == "Moeder belt de huisarts niet meer"
    assert one_line(text, 12) == "Moeder belt…"
