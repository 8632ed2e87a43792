"""The tamper chain's second row encoding (app/storage/chain_text.py, step 0033): SQLite builds
exactly the defined text, the text tells rows apart, a file whose chains are partly in the
first encoding verifies and names every tampered row on both sides of the switch, rows with a
REAL or a BLOB take the Python path, a SQLite whose JSON differed would change nothing, and
the batched path links rows whatever rowids they were given."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services import Services
from app.storage import chain, chain_codec, chain_text, chain_walk, migrations
from app.storage.chain_batch import batched_links
from app.storage.chain_verify import verify
from app.storage.check import check_database

pytestmark = pytest.mark.sqlite_only(
    "the file's chain text built by SQLite's json_array (the server's: tests/server/"
    "test_pg_chain_text.py)"
)

N = chain_codec.BLOCK_ROWS
CREATED = "2025-01-02 03:04:05"
TABLE = "savings_transactions"
INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
plain = st.one_of(st.none(), INT64, st.text())
anything = st.one_of(plain, st.floats(allow_nan=False), st.binary(max_size=20))


# --- the text --------------------------------------------------------------------------------


@settings(max_examples=300)
@given(rowid=INT64, values=st.lists(plain, max_size=8))
def test_sqlite_builds_exactly_the_defined_text(rowid: int, values: list[Any]) -> None:
    conn = sqlite3.connect(":memory:")
    marks = "".join(", ?" for _ in values)
    got = conn.execute(
        f"SELECT CAST(rtrim(json_array('t', ?{marks}), ',]nul') AS BLOB)", (rowid, *values)
    ).fetchone()[0]
    assert got == chain_text.text("t", rowid, values)
    assert chain_text.native()


def test_every_character_is_written_as_sqlite_writes_it() -> None:
    conn = sqlite3.connect(":memory:")
    for start in range(0, 0x3000, 0x100):
        probe = "".join(chr(c) for c in range(start, start + 0x100) if not 0xD800 <= c < 0xE000)
        got = conn.execute(
            "SELECT CAST(rtrim(json_array('t', 1, ?), ',]nul') AS BLOB)", (probe,)
        ).fetchone()[0]
        assert got == chain_text.text("t", 1, [probe]), hex(start)


def _content(values: list[Any]) -> list[tuple[str, str]]:
    kept = [(type(v).__name__, repr(v)) for v in values]
    while kept and kept[-1][0] == "NoneType":
        kept.pop()
    return kept


@settings(max_examples=400)
@given(
    width=st.integers(min_value=0, max_value=5),
    a=st.lists(anything, min_size=5, max_size=5),
    b=st.lists(anything, min_size=5, max_size=5),
)
def test_the_text_tells_rows_apart_and_ignores_trailing_nulls(
    width: int, a: list[Any], b: list[Any]
) -> None:
    """Equal texts exactly when the values are equal, types included (1, '1', 1.0, b'1',
    -0.0 and 0.0 differ), trailing NULLs aside (a nullable column added later)."""
    a, b = a[:width], b[:width]
    same = chain_text.text("t", 1, a) == chain_text.text("t", 1, b)
    assert same == (_content(a) == _content(b))
    assert chain_text.text("t", 1, a) == chain_text.text("t", 1, [*a, None, None])
    assert chain_text.text("t", 1, a) != chain_text.text("u", 1, a)
    assert chain_text.text("t", 1, a) != chain_text.text("t", 2, a)


def test_the_text_separates_what_a_json_text_could_blur() -> None:
    t = chain_text.text
    assert t("t", 1, ['x",1']) != t("t", 1, ["x", 1])
    assert t("t", 1, ["null"]) != t("t", 1, [None, None]) != t("t", 1, [None, 0])
    assert t("t", 1, [1.0]) != t("t", 1, [1]) != t("t", 1, ["1"]) != t("t", 1, [b"\x01"])
    assert t("t", 1, [b"1"]) != t("t", 1, ['["b","31"]']) != t("t", 1, ["31"])


# --- a file whose chains switch encoding -----------------------------------------------------


def _deposit(conn: sqlite3.Connection, n: int, rowid: int | None = None) -> None:
    conn.execute(
        "INSERT INTO savings_transactions (id, member_id, kind, tx_type, amount, tx_date,"
        " receipt_no, created_at) VALUES (?, 1, 'sukarela', 'setoran', ?, '2024-01-01', ?, ?)",
        (rowid, n + 1, f"S-{n}", CREATED),
    )


def _member(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO members (number, name, sex, join_date, created_at, updated_at)"
        " VALUES ('M1', 'Nama', 'L', '2020-01-01', ?, ?)",
        (CREATED, CREATED),
    )


def _file_before_the_step(path: Path, rows: int, patch: pytest.MonkeyPatch) -> None:
    """A file as step 0029's program wrote it: every link in encoding 1."""
    every = list(migrations.MIGRATIONS._migrations)
    names = [m.name for m in every]
    patch.setattr(migrations.MIGRATIONS, "_migrations", every[: names.index("0033_chain_text")])
    services = Services.open(path, create=True)
    try:
        conn = services.db.sql.conn
        assert not chain_text.in_use(conn)
        with services.db.atomic():
            _member(conn)
            for n in range(rows):
                _deposit(conn, n)
    finally:
        services.close()


def _definition(conn: sqlite3.Connection, split: int) -> list[bytes]:
    """The chain hash after each row, from the two definitions, independently of the code."""
    sorted_names = sorted(chain.columns(conn, TABLE))
    names = chain.columns(conn, TABLE)
    running, hashes = b"", []
    for at, row in enumerate(conn.execute(f"SELECT rowid, * FROM {TABLE} ORDER BY rowid"), 1):
        values = dict(zip(names, row[1:], strict=True))
        if at < split:
            digest = chain_codec.row_digest(
                TABLE, row[0], sorted_names, [values[n] for n in sorted_names]
            )
        else:
            digest = hashlib.sha256(chain_text.text(TABLE, row[0], row[1:])).digest()
        running = hashlib.sha256(running + digest).digest()
        hashes.append(running)
    return hashes


@pytest.fixture
def switched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    """N + 5 deposits linked in encoding 1, then opened by this program (step 0033), then
    3 more per row and N more batched: the switch falls inside the second block."""
    path = tmp_path / "k.db"
    with monkeypatch.context() as patch:
        _file_before_the_step(path, N + 5, patch)
    services = Services.open(path)
    db = services.db
    conn = db.sql.conn
    assert chain.v2_from(conn, TABLE) == N + 6
    for n in range(3):
        with db.atomic():
            _deposit(conn, 1000 + n)
    with db.atomic(), batched_links(db, [TABLE]):
        for n in range(N):
            _deposit(conn, 2000 + n)
    yield services
    services.close()


def test_a_file_converted_from_encoding_1_verifies_and_hashes_as_defined(
    switched: Services,
) -> None:
    conn = switched.db.sql.conn
    assert verify(conn) == []
    hashes = _definition(conn, N + 6)
    assert len(hashes) == 2 * N + 8
    for count in (1, N, N + 5, N + 6, N + 8, 2 * N, 2 * N + 1, 2 * N + 8):
        assert chain_walk.hash_at(conn, TABLE, count) == (2 * N + 8, hashes[count - 1])
    assert chain.heads(conn)[TABLE] == (2 * N + 8, hashes[-1].hex())
    running, linked = b"", []
    for _key, digest in chain.link_rows(conn, TABLE, "rowid"):
        running = hashlib.sha256(running + digest).digest()
        linked.append(running)
    assert linked == hashes


@pytest.mark.parametrize("victim", [2, N, N + 5, N + 6, N + 8, N + 9, 2 * N + 1, 2 * N + 8])
def test_a_tampered_row_is_named_on_either_side_of_the_switch(
    switched: Services, victim: int
) -> None:
    path = switched.db.path
    switched.close()
    conn = sqlite3.connect(path)
    conn.execute(f"DROP TRIGGER {TABLE}_no_update")
    conn.execute(f"UPDATE {TABLE} SET amount = amount + 1 WHERE id = {victim}")
    conn.commit()
    conn.close()
    rows = [p for p in check_database(path).problems if p.startswith("Tabel savings_")]
    assert rows == [f"Tabel {TABLE} baris {victim} diubah di luar program."]


def test_the_switch_position_cannot_be_moved(switched: Services) -> None:
    conn = switched.db.sql.conn
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(f"UPDATE chain_heads SET v2_from = 1 WHERE tbl = '{TABLE}'")
    conn.rollback()
    path = switched.db.path
    switched.close()
    outside = sqlite3.connect(path)
    outside.execute("DROP TRIGGER chain_heads_v2_fixed")
    outside.execute(f"UPDATE chain_heads SET v2_from = v2_from - 1 WHERE tbl = '{TABLE}'")
    outside.commit()
    outside.close()
    assert any(f"{TABLE} baris {N + 5} diubah" in p for p in check_database(path).problems)


def test_a_nullable_column_added_later_keeps_every_digest(switched: Services) -> None:
    path = switched.db.path
    switched.close()
    conn = sqlite3.connect(path)
    conn.execute(f"ALTER TABLE {TABLE} ADD COLUMN zz_branch INTEGER")
    conn.commit()
    conn.close()
    assert [p for p in check_database(path).problems if "savings_" in p] == []
    conn = sqlite3.connect(path)
    conn.execute(f"DROP TRIGGER {TABLE}_no_update")
    conn.execute(f"UPDATE {TABLE} SET zz_branch = 0 WHERE id IN (3, {2 * N})")
    conn.commit()
    conn.close()
    assert [p for p in check_database(path).problems if p.startswith("Tabel savings_")] == [
        f"Tabel {TABLE} baris 3 diubah di luar program.",
        f"Tabel {TABLE} baris {2 * N} diubah di luar program.",
    ]


# --- values SQLite cannot put in JSON, and a SQLite whose JSON differed ----------------------


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Services]:
    services = Services.open(tmp_path / "k.db", create=True)
    with services.db.atomic():
        _member(services.db.sql.conn)
    yield services
    services.close()


def _statement(conn: sqlite3.Connection, balance: Any) -> None:
    """bank_statements is not STRICT: its INTEGER column keeps a REAL or a BLOB as given."""
    conn.execute(
        "INSERT INTO bank_statements (account, statement_date, balance, entered_at)"
        " VALUES ((SELECT code FROM accounts WHERE is_group = 0 LIMIT 1), '2024-01-31', ?, ?)",
        (balance, CREATED),
    )


ODD = [1.5, -0.0, 1e300, b"\x00\xff", 7, "7", "tujuh"]


def test_reals_and_blobs_take_the_python_path_and_verify(opened: Services) -> None:
    db = opened.db
    conn = db.sql.conn
    with db.atomic():
        for value in ODD:
            _statement(conn, value)
    with db.atomic(), batched_links(db, ["bank_statements"]):
        for value in ODD:
            _statement(conn, value)
    assert verify(conn) == []
    shape = chain_text.Shape(conn, "bank_statements")
    assert shape.loose and shape.may_need_python()
    texts = conn.execute(
        f"SELECT typeof(balance), {shape.sql(every=True)} FROM bank_statements"
    ).fetchall()
    assert [t is None for _, t in texts] == [k in ("real", "blob") for k, _ in texts]
    assert [k for k, _ in texts[:4]] == ["real", "integer", "real", "blob"]  # -0.0 became 0
    path = db.path
    opened.close()
    outside = sqlite3.connect(path)
    outside.execute("DROP TRIGGER bank_statements_no_update")
    outside.execute("UPDATE bank_statements SET balance = 1.5000000000000002 WHERE id = 1")
    outside.execute("UPDATE bank_statements SET balance = x'00fe' WHERE id = 11")
    outside.execute("UPDATE bank_statements SET balance = 'tujuh' WHERE id = 12")
    outside.commit()
    outside.close()
    problems = [p for p in check_database(path).problems if p.startswith("Tabel bank_")]
    assert [p for p in problems if "kolom" not in p] == [
        f"Tabel bank_statements baris {i} diubah di luar program." for i in (1, 11, 12)
    ]
    # the check's type scan names what a loose table lets through, the program's or not
    assert [p for p in problems if "kolom" in p] == [
        "Tabel bank_statements baris 1, 3, 4, 7, 8 (dan 4 baris lain) kolom balance berisi"
        " nilai yang bukan bilangan bulat."
    ]


def test_a_blob_in_a_strict_column_is_named_not_a_crash(opened: Services) -> None:
    """Only an outsider writing the file's bytes could put a BLOB in a STRICT INTEGER column:
    reading the file back guards every column, so it is a changed row like any other."""
    db = opened.db
    with db.atomic():
        for n in range(3):
            _deposit(db.sql.conn, n)
    path = db.path
    opened.close()
    outside = sqlite3.connect(path)
    outside.execute("PRAGMA writable_schema = ON")
    outside.execute(
        "UPDATE sqlite_master SET sql = replace(sql, ') STRICT', ')') WHERE name = ?", (TABLE,)
    )
    outside.commit()
    outside.close()
    outside = sqlite3.connect(path)
    outside.execute(f"DROP TRIGGER {TABLE}_no_update")
    outside.execute(f"UPDATE {TABLE} SET amount = x'01' WHERE id = 2")
    outside.commit()
    outside.close()
    reading = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:  # the chain's own check (the books' check is another matter)
        problems = [p for p in verify(reading, path.parent) if p.startswith("Tabel savings_")]
    finally:
        reading.close()
    assert problems == [f"Tabel {TABLE} baris 2 diubah di luar program."]


def _blocks(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT b.first, b.hash, b.digests, b.keys FROM chain_blocks b"
        " JOIN chain_heads h ON h.code = b.tbl WHERE h.tbl = ? ORDER BY b.first",
        (table,),
    ).fetchall()


def _write(services: Services) -> list[list[tuple[Any, ...]]]:
    db = services.db
    conn = db.sql.conn
    with db.atomic():
        for n in range(5):
            _deposit(conn, n)
            _statement(conn, ODD[n])
    with db.atomic(), batched_links(db, [TABLE, "bank_statements"]):
        for n in range(5, N + 9):
            _deposit(conn, n)
            _statement(conn, ODD[n % len(ODD)])
    assert verify(conn) == []
    return [_blocks(conn, TABLE), _blocks(conn, "bank_statements")]


def test_a_sqlite_whose_json_differed_writes_the_same_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = []
    for native in (True, False):
        monkeypatch.setattr(chain_text, "native", lambda native=native: native)
        services = Services.open(tmp_path / f"{native}.db", create=True)
        try:
            with services.db.atomic():
                _member(services.db.sql.conn)
            results.append(_write(services))
        finally:
            services.close()
    assert results[0] == results[1]


# --- the batched path and rowids ------------------------------------------------------------


@pytest.mark.parametrize("gap", [False, True])
def test_batched_rows_below_and_past_the_mark_are_all_linked(opened: Services, gap: bool) -> None:
    """Rowids 1..count (every program-written table): no trigger, the rows past the mark are
    read back in rowid order. With a gap (ids given by hand): the rows put below the mark are
    noted and linked first. Either way every row is linked once and the file verifies."""
    db = opened.db
    conn = db.sql.conn
    with db.atomic():
        for n in range(3):
            _deposit(conn, n, rowid=n + 1 + (10 if gap and n == 2 else 0))
    with db.atomic(), batched_links(db, [TABLE]):
        triggers = conn.execute(
            "SELECT count(*) FROM sqlite_temp_master WHERE name = 'chain_pending_" + TABLE + "'"
        ).fetchone()[0]
        assert triggers == (1 if gap else 0)
        _deposit(conn, 10, rowid=40)
        _deposit(conn, 11)
        if gap:
            _deposit(conn, 12, rowid=5)
        _deposit(conn, 13, rowid=30)
    keys = [k for b in _blocks(conn, TABLE) for k in chain_codec.unpack_keys(b[3])]
    expected = [1, 2, 13, 5, 30, 40, 41] if gap else [1, 2, 3, 30, 40, 41]
    assert keys == expected
    assert verify(conn) == []
