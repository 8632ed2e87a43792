"""Passbook geometry: line positions, the fold, page and book ends, the model's checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.passbook.engine import After, Entry, page_job
from app.passbook.layout import DEFAULT_CARD, DEFAULT_PASSBOOK, Layout, Position


@given(
    lines=st.integers(2, 40),
    fold=st.integers(0, 39),
    skip=st.integers(0, 4),
    pitch=st.decimals("2", "8", places=2),
)
def test_line_y_steps_by_pitch_and_jumps_the_fold(
    lines: int, fold: int, skip: int, pitch: Decimal
) -> None:
    fold = fold % lines
    layout = DEFAULT_PASSBOOK.with_(
        lines_per_page=lines, fold_after=fold, fold_skip=skip, pitch=pitch
    )
    for n in range(1, lines):
        gap = layout.line_y(n + 1) - layout.line_y(n)
        extra = skip if fold and n == fold else 0
        assert gap == pitch * (1 + extra)
    assert layout.line_y(1) == layout.top


@given(lines=st.integers(1, 30), pages=st.integers(1, 20))
def test_after_walks_every_position_once_in_order(lines: int, pages: int) -> None:
    layout = DEFAULT_PASSBOOK.with_(lines_per_page=lines, fold_after=0, pages=pages)
    seen = [layout.first]
    while (nxt := layout.after(seen[-1])) is not None:
        seen.append(nxt)
    assert seen == [Position(p, n) for p in range(1, pages + 1) for n in range(1, lines + 1)]


@given(start=st.integers(1, 8), count=st.integers(1, 20))
def test_page_job_fills_to_the_page_end_and_says_what_comes_next(start: int, count: int) -> None:
    layout = DEFAULT_PASSBOOK.with_(lines_per_page=8, fold_after=4, pages=2)
    entries = [Entry(i, date(2026, 1, 1), "SS", 0, 1, i, "") for i in range(count)]
    for page in (1, 2):
        job = page_job(layout, Position(page, start), entries)
        assert job is not None
        room = 8 - start + 1
        assert [n for n, _ in job.lines] == list(range(start, start + min(room, count)))
        if count <= room:
            assert job.after == After.DONE
        else:
            assert job.after == (After.TURN_PAGE if page == 1 else After.NEW_BOOK)


def test_defaults_are_valid_and_round_trip() -> None:
    for layout in (DEFAULT_PASSBOOK, DEFAULT_CARD):
        assert layout.validate() == layout
        assert Layout.from_json(layout.to_json()) == layout


@pytest.mark.parametrize(
    "changes",
    [
        {"lines_per_page": 60},
        {"pitch": Decimal(0)},
        {"fold_after": 28},
        {"font_size": Decimal(30)},
        {"page_width": Decimal(100)},
        {"name": "  "},
    ],
)
def test_bad_models_are_refused_in_indonesian(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        DEFAULT_PASSBOOK.with_(**changes).validate()
