"""Table cells never break inside a part of a number: a reference too wide for its column is
broken after a '/', so "…/XII/2026" never prints as "…/XII/202" + "6"."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.documents.tables import cell

part = st.text("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-", min_size=1, max_size=8)
reference = st.lists(part, min_size=2, max_size=6).map("/".join)


def _lines(text: str, width: float) -> list[str]:
    paragraph = cell(text, "scell")
    paragraph.wrap(width, 10_000)
    out = []
    for line in paragraph.blPara.lines:
        if hasattr(line, "words"):
            out.append("".join(getattr(f, "text", "") for f in line.words))
        else:
            out.append(" ".join(line[1]))
    return out


@settings(max_examples=60, deadline=None)
@given(reference, st.floats(min_value=45, max_value=200))
def test_references_break_only_after_a_slash(ref: str, width: float) -> None:
    parts = ref.split("/")
    lines = _lines(f"Hapus tagih, RAT {ref}", width)
    printed = " ".join(lines)
    # Every part of the reference is printed whole, on one line.
    for piece in parts:
        if len(piece) >= 3:  # parts short enough to fit any column of these widths
            assert any(piece in line for line in lines), (piece, lines)
    assert printed.replace(" ", "").endswith(ref.replace(" ", ""))


def test_the_rat_number_of_the_report() -> None:
    lines = _lines("Hapus tagih, RAT 003/RAT/KSP-GR/XII/2026", 60)
    assert any(line.endswith("2026") for line in lines)
    assert not any(line.endswith("202") for line in lines)
