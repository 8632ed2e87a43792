"""Posting a large history without holding it in memory (app/storage/ledger_history_repo.py):
the compact set of journal keys answers exactly as a plain set would, whatever the ids, and the
history is read in batches in the same order as one query gives it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.storage import ledger_history_repo
from app.storage.ledger_history_repo import JournalKeys

pytestmark = pytest.mark.sqlite_only(
    "the SQLite history posting's stream (a TEMP table on the file's connection)"
)

SOURCES = st.sampled_from(["simpanan", "pinjaman", "pembalikan", "ppap", "jurnal_umum_contoh"])
ROLES = st.sampled_from(["utama", "pembalikan", "manual", ""])
IDS = st.one_of(
    st.integers(min_value=0, max_value=70),  # dense, as ids are
    st.integers(min_value=-(2**40), max_value=2**40),  # anything an int column can hold
    st.sampled_from([0, 7, 8, JournalKeys.MAX_BIT - 1, JournalKeys.MAX_BIT, -1]),
)
KEYS = st.tuples(SOURCES, IDS, ROLES)


@settings(max_examples=300, deadline=None)
@given(st.lists(KEYS, max_size=60), st.lists(KEYS, max_size=60))
def test_journal_keys_answer_as_a_set(stored: list[tuple[str, int, str]], asked: list) -> None:
    keys = JournalKeys()
    for key in stored:
        keys.add(*key)
    expected = set(stored)
    for key in [*stored, *asked]:
        assert (key in keys) == (key in expected), key
        assert keys.has(key) == (key in expected), key  # the posting's typed lookup


def test_journal_keys_refuse_what_is_no_key() -> None:
    keys = JournalKeys()
    keys.add("simpanan", 3, "utama")
    assert ("simpanan", 3, "utama") in keys
    for other in [("simpanan", 3), ("simpanan", "3", "utama"), "simpanan", None, ("x", 3, "utama")]:
        assert other not in keys


def test_history_is_read_in_batches_in_order(tmp_path, monkeypatch) -> None:
    """The stream gives every row, in the query's order, across batch boundaries."""
    from app.services import Services

    services = Services.open(tmp_path / "f.db", create=True)
    try:
        repo = ledger_history_repo.LedgerHistoryRepository(services.db)
        conn = services.db.sql.conn
        conn.execute("CREATE TEMP TABLE t (n INTEGER)")
        conn.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(1, 51)])
        for size in (1, 7, 50, 51, 1000):
            monkeypatch.setattr(ledger_history_repo, "STREAM_BATCH", size)
            got = [row["n"] for row in repo._stream("SELECT n FROM temp.t ORDER BY n DESC")]
            assert got == list(range(50, 0, -1))
    finally:
        services.close()
