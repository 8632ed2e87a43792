"""The table hash of the move's proofs (app/storage/pg_proof.py): the same rows in any order
give the same hash; a missing, extra, duplicated or changed row changes it."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.storage.pg_proof import table_digest

TYPES = {"id": "bigint", "note": "text", "amount": "bigint", "blob": "bytea"}

rows_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "id": st.integers(1, 10**12),
            "note": st.none() | st.text(max_size=8),
            "amount": st.integers(-(10**15), 10**15),
            "blob": st.none() | st.binary(max_size=8),
        }
    ),
    max_size=30,
    unique_by=lambda r: r["id"],
)


@given(rows_strategy, st.randoms())
def test_the_order_of_rows_does_not_matter(rows: list[dict[str, Any]], rnd: Any) -> None:
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert table_digest(rows, TYPES) == table_digest(shuffled, TYPES)


@given(rows_strategy.filter(bool), st.data())
def test_any_change_of_the_rows_changes_the_hash(rows: list[dict[str, Any]], data: Any) -> None:
    before = table_digest(rows, TYPES)
    i = data.draw(st.integers(0, len(rows) - 1))
    assert table_digest(rows[:i] + rows[i + 1 :], TYPES) != before  # one missing
    assert table_digest([*rows, rows[i]], TYPES) != before  # one twice
    changed = dict(rows[i], amount=rows[i]["amount"] + data.draw(st.sampled_from([-1, 1, 10**6])))
    assert table_digest([*rows[:i], changed, *rows[i + 1 :]], TYPES) != before


def test_a_number_in_a_text_column_hashes_as_its_text() -> None:
    """SQLite may keep 5 in a text column of a non-STRICT table; PostgreSQL holds '5'."""
    assert table_digest([{"id": 1, "note": 5}], TYPES) == table_digest(
        [{"id": 1, "note": "5"}], TYPES
    )
    assert table_digest([{"id": 1, "amount": 5}], TYPES) != table_digest(
        [{"id": 1, "amount": "5"}], TYPES
    )


def test_null_values_are_left_out_and_an_empty_table_has_its_own_hash() -> None:
    assert table_digest([{"id": 1, "note": None}], TYPES) == table_digest([{"id": 1}], TYPES)
    assert table_digest([], TYPES) != table_digest([{"id": 1}], TYPES)
