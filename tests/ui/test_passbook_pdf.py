"""The passbook printed through QPrinter to a PDF: every line's text read back (pdftotext
-bbox) sits where the layout says, on both sides of the fold, in every column."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.passbook.engine import Entry
from app.passbook.layout import DEFAULT_PASSBOOK, RIGHT_ALIGNED, Layout
from ui.dialogs.passbook_paint import make_printer, print_calibration, print_page

PT_PER_MM = 72 / 25.4
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def words(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(out)]


def page_size(pdf: Path) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    assert found
    return float(found[1]), float(found[2])


def _entry(n: int) -> Entry:
    return Entry(n, date(2026, 3, n % 28 + 1), "SW", 0, n * 1000, n * 10_000, "RK")


def check_lines(pdf: Path, layout: Layout, lines: list[tuple[int, Entry]]) -> None:
    found = words(pdf)
    assert len(found) == sum(len([t for t in e.texts().values() if t]) for _, e in lines)
    size = float(layout.font_size)
    for number, entry in lines:
        baseline = float(layout.line_y(number)) * PT_PER_MM
        for col in layout.columns:
            text = entry.texts()[col.name]
            if not text:
                continue
            hits = [w for w in found if w[4] == text and w[1] < baseline < w[3]]
            assert len(hits) == 1, (number, col.name, text, baseline)
            x_min, _y_min, x_max, y_max, _ = hits[0]
            # The baseline lies in the glyph box, just above its bottom (the descent).
            assert 0 < y_max - baseline < 0.35 * size
            start = float(layout.left + col.x) * PT_PER_MM
            end = float(layout.left + col.x + col.width) * PT_PER_MM
            if col.name in RIGHT_ALIGNED:
                assert x_max == pytest.approx(end, abs=0.6)  # within 0.2 mm
            else:
                assert x_min == pytest.approx(start, abs=0.6)
            assert start - 0.6 <= x_min and x_max <= end + 0.6


def test_a_page_with_the_fold_lands_where_the_layout_says(qapp: object, tmp_path: Path) -> None:
    layout = DEFAULT_PASSBOOK
    lines = [(n, _entry(n)) for n in (12, 13, 14, 15, 16, 28)]  # around the fold, the last
    pdf = tmp_path / "buku.pdf"
    print_page(make_printer(layout, pdf), layout, [(n, e.texts(), False) for n, e in lines])
    width, height = page_size(pdf)
    assert width == pytest.approx(float(layout.page_width) * PT_PER_MM, abs=1)
    assert height == pytest.approx(float(layout.page_height) * PT_PER_MM, abs=1)
    check_lines(pdf, layout, lines)


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    top=st.decimals("5", "30", places=1),
    left=st.decimals("0", "15", places=1),
    pitch=st.decimals("3.5", "5", places=2),
    start=st.integers(1, 20),
)
def test_offsets_and_pitch_move_the_text_exactly(
    qapp: object,
    tmp_path_factory: pytest.TempPathFactory,
    top: Decimal,
    left: Decimal,
    pitch: Decimal,
    start: int,
) -> None:
    layout = DEFAULT_PASSBOOK.with_(
        top=top, left=left, pitch=pitch, lines_per_page=24, fold_after=12, fold_skip=2
    ).validate()
    lines = [(n, _entry(n)) for n in range(start, min(start + 5, 24) + 1)]
    pdf = tmp_path_factory.mktemp("pdf") / "buku.pdf"
    print_page(make_printer(layout, pdf), layout, [(n, e.texts(), False) for n, e in lines])
    check_lines(pdf, layout, lines)


def test_the_calibration_page_has_the_ruler_and_every_line_mark(
    qapp: object, tmp_path: Path
) -> None:
    pdf = tmp_path / "kalibrasi.pdf"
    print_calibration(make_printer(DEFAULT_PASSBOOK, pdf), DEFAULT_PASSBOOK)
    texts = [w[4] for w in words(pdf)]
    assert {"10", "100", "130"} <= set(texts)
    assert "Saldo" in texts and "Paraf" in texts
    marks = [w for w in words(pdf) if w[4] == "28" and w[0] < 20 * PT_PER_MM]
    assert marks and any(
        w[1] < float(DEFAULT_PASSBOOK.line_y(28)) * PT_PER_MM < w[3] + 3 for w in marks
    )


@pytest.mark.parametrize("shift", [{"left": Decimal("9")}, {"top": Decimal("21")}])
def test_the_check_sees_a_one_millimetre_shift(
    qapp: object, tmp_path: Path, shift: dict[str, Decimal]
) -> None:
    lines = [(n, _entry(n)) for n in (1, 2, 15)]
    pdf = tmp_path / "buku.pdf"
    print_page(
        make_printer(DEFAULT_PASSBOOK, pdf),
        DEFAULT_PASSBOOK,
        [(n, e.texts(), False) for n, e in lines],
    )
    with pytest.raises(AssertionError):
        check_lines(pdf, DEFAULT_PASSBOOK.with_(**shift), lines)
