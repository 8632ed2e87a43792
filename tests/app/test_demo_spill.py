"""The demo's sort on disk (app/demo/spill.py): whatever the batches, reading back gives every
item once, in sorted order, equal to the items put in, and leaves no file open."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from app.demo import spill
from app.demo.loan_sim import SimEvent
from app.demo.loans import _pack, _unpack
from app.demo.spill import SortedSpill


@dataclass
class Item:
    key: tuple[int, int]
    text: str
    parts: tuple[tuple[int | None, str, int], ...]


PARTS = st.lists(
    st.tuples(
        st.none() | st.integers(0, 40), st.sampled_from(["pokok", "jasa", ""]), st.integers()
    ),
    max_size=4,
).map(tuple)
ITEMS = st.builds(Item, st.tuples(st.integers(0, 30), st.integers()), st.text(max_size=8), PARTS)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(ITEMS, max_size=80, unique_by=lambda i: i.key),  # keys are unique, as the demo's
    st.lists(st.integers(0, 80), max_size=5),
    st.sampled_from([1, 2, 3, 1000]),
)
def test_every_item_back_once_in_order(items: list[Item], cuts: list[int], block: int) -> None:
    bounds = [0, *sorted(cuts), len(items)]
    batches = [items[a:b] for a, b in itertools.pairwise(bounds)]
    old = spill.BLOCK
    spill.BLOCK = block
    try:
        sorted_spill: SortedSpill[Item] = SortedSpill(
            lambda i: (i.key, i.text, i.parts), lambda p: Item(*p)
        )
        for batch in batches:
            sorted_spill.add(batch)
        got = list(sorted_spill)
    finally:
        spill.BLOCK = old
    every = [item for batch in batches for item in batch]
    assert got == sorted(every, key=lambda i: (i.key, i.text, i.parts))
    assert list(sorted_spill) == []  # read once: the files are gone


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.builds(
            SimEvent,
            st.integers(700_000, 800_000),
            st.integers(0, 6),
            st.integers(0, 10**9),
            lines=PARTS,
            charges=st.lists(st.tuples(st.integers(), st.integers()), max_size=3).map(tuple),
            reverses=st.none() | st.integers(0, 50),
            note=st.text(max_size=10),
            method=st.sampled_from(["tunai", "transfer", "potong_gaji"]),
            fee=st.integers(0, 10**6),
        ),
        max_size=40,
    )
)
def test_loan_events_come_back_equal(events: list[SimEvent]) -> None:
    """What the demo spills: each event back field for field, in (date, loan, index) order."""
    items = [(e.ordinal, n % 3, n, e) for n, e in enumerate(events)]
    sorted_spill = SortedSpill(_pack, _unpack)
    sorted_spill.add(items[::2])
    sorted_spill.add(items[1::2])
    assert list(sorted_spill) == sorted(items, key=lambda i: i[:3])
