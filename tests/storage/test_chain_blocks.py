"""The tamper chain's blocks (app/storage/chain_codec.py, chain.py, chain_walk.py): the digest,
the packed keys, block boundaries on every write path, rollback, the hash at any count, and the
named row inside a block."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.savings.models import SavingsKind
from app.services import Services
from app.storage import chain, chain_codec, chain_walk
from app.storage.chain_batch import batched_links
from app.storage.chain_verify import verify
from app.storage.check import check_database
from app.users.models import Role
from tests.conftest import make_member, make_user

pytestmark = pytest.mark.sqlite_only(
    "the tamper chain: SQLite TEMP triggers and Python functions, not built on PostgreSQL yet"
)

N = chain_codec.BLOCK_ROWS
CREATED = "2025-01-02 03:04:05"
INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
values = st.one_of(
    st.none(),
    INT64,
    st.text(),
    st.floats(allow_nan=False),
    st.binary(max_size=20),
)


# --- the digest and the packed keys ----------------------------------------------------------


@settings(max_examples=300)
@given(
    key=st.one_of(st.integers(min_value=0), st.text(max_size=12)),
    a=st.dictionaries(st.sampled_from("abcde"), values, max_size=5),
    b=st.dictionaries(st.sampled_from("abcde"), values, max_size=5),
)
def test_the_digest_tells_rows_apart_and_ignores_nulls(
    key: Any, a: dict[str, Any], b: dict[str, Any]
) -> None:
    """Equal digests exactly when the non-NULL contents are equal (value types included: 1,
    '1', 1.0 and b'1' differ); a NULL column counts as absent (a nullable column added later)."""

    def digest(row: dict[str, Any]) -> bytes:
        names = sorted(row)
        return chain_codec.row_digest("t", key, names, [row[n] for n in names])

    def content(row: dict[str, Any]) -> set[tuple[str, str, Any]]:
        return {(n, type(v).__name__, repr(v)) for n, v in row.items() if v is not None}

    assert (digest(a) == digest(b)) == (content(a) == content(b))
    assert digest(a) != chain_codec.row_digest("u", key, sorted(a), [a[n] for n in sorted(a)])


def test_the_digest_separates_what_a_text_could_blur() -> None:
    def d(key: Any, **row: Any) -> bytes:
        return chain_codec.row_digest("t", key, sorted(row), [row[n] for n in sorted(row)])

    assert d(1, a="x\x1eb\x1fi1") != d(1, a="x", b=1)
    assert d(1, a="s1:x") != d(1, a="x")
    assert d(1, a=1) != d("1", a=1) != d(1, a="1") != d(1, a=1.0)
    assert d(1, a=b"1") != d(1, a="31")


keys_rowid = st.lists(INT64, min_size=1, max_size=N)
keys_arrays = st.integers(min_value=1, max_value=4).flatmap(
    lambda arity: st.lists(
        st.lists(INT64, min_size=arity, max_size=arity).map(
            lambda v: "[" + ",".join(map(str, v)) + "]"
        ),
        min_size=1,
        max_size=N,
    )
)
keys_text = st.lists(
    st.lists(st.one_of(st.integers(), st.text()), min_size=1, max_size=3).map(
        lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=200)
@given(keys=st.one_of(keys_rowid, keys_arrays, keys_text))
def test_packed_keys_unpack_exactly(keys: list[Any]) -> None:
    text = chain_codec.SEP.join(map(str, keys))
    packed = chain_codec.pack_keys(text)
    assert chain_codec.unpack_keys(packed) == keys == chain_codec.unpack_keys(text)


def _pack_as_step_0029(text: str) -> bytes:
    """pack_keys as step 0029 shipped it (blocks already in files hold its output)."""
    lines = text.split(chain_codec.SEP)
    try:
        if not lines[0].startswith("["):
            ints = [int(x) for x in lines]
            if [str(v) for v in ints] == lines:
                return bytes([1, 1]) + chain_codec._deflate(chain_codec._deltas([ints]))
        else:
            rows = [tuple(int(v) for v in x[1:-1].split(",")) for x in lines]
            columns = list(zip(*rows, strict=True))
            if ["[" + ",".join(map(str, r)) + "]" for r in rows] == lines:
                return bytes([2, len(rows[0])]) + chain_codec._deflate(chain_codec._deltas(columns))
    except (ValueError, OverflowError):
        pass
    return bytes([3, 0]) + chain_codec._deflate(text.encode("utf-8", "surrogatepass"))


odd_arrays = st.lists(
    st.lists(st.sampled_from(["1", "-2", "+3", " 4", "05", "6_0", "", "[7]", "x"]), max_size=3).map(
        lambda v: "[" + ",".join(v) + "]"
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=300)
@given(keys=st.one_of(keys_rowid, keys_arrays, keys_text, odd_arrays))
def test_keys_pack_byte_for_byte_as_before(keys: list[Any]) -> None:
    text = chain_codec.SEP.join(map(str, keys))
    assert chain_codec.pack_keys(text) == _pack_as_step_0029(text)
    assert chain_codec.unpack_keys(chain_codec.pack_keys(text)) == chain_codec.unpack_keys(text)


def test_a_full_block_of_consecutive_keys_packs_small() -> None:
    rowids = chain_codec.SEP.join(str(100_000 + n) for n in range(N))
    lines = chain_codec.SEP.join(f"[{5841 + n // 9},0,{1 + n % 9}]" for n in range(N))
    assert len(chain_codec.pack_keys(rowids)) <= 32
    assert len(chain_codec.pack_keys(lines)) < 80


# --- blocks as the program writes them --------------------------------------------------------


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Services]:
    services = Services.open(tmp_path / "k.db", create=True)
    with services.db.atomic():
        services.db.execute(
            "INSERT INTO members (number, name, sex, join_date, created_at, updated_at)"
            " VALUES ('M1', 'Nama', 'L', '2020-01-01', ?, ?)",
            (CREATED, CREATED),
        )
    yield services
    services.close()


def _deposit(conn: sqlite3.Connection, n: int) -> None:
    conn.execute(
        "INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date,"
        " receipt_no, created_at) VALUES (1, 'sukarela', 'setoran', ?, '2024-01-01', ?, ?)",
        (n + 1, f"S-{n}", CREATED),
    )


def _blocks(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT b.first, b.hash, b.digests, b.keys FROM chain_blocks b"
        " JOIN chain_heads h ON h.code = b.tbl WHERE h.tbl = ? ORDER BY b.first",
        (table,),
    ).fetchall()


def _oracle(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    """The blocks computed from the definition, independently of chain_codec.Blocks."""
    rows = list(chain.link_rows(conn, table, chain.key_expression(conn, table)))
    result = []
    running = b""
    for at in range(0, len(rows), N):
        chunk = rows[at : at + N]
        for _key, digest in chunk:
            running = hashlib.sha256(running + digest).digest()
        keys = "\n".join(str(k) for k, _ in chunk)
        stored: str | bytes = chain_codec.pack_keys(keys) if len(chunk) == N else keys
        result.append((at + 1, running, b"".join(d[: chain_codec.SHORT] for _, d in chunk), stored))
    return result


@pytest.mark.parametrize("total", [1, N - 1, N, N + 1, 2 * N + 3])
@pytest.mark.parametrize("path", ["per row", "batched", "mixed"])
def test_block_boundaries_on_every_path(opened: Services, total: int, path: str) -> None:
    """1, N-1, N, N+1 rows and beyond, per row (one transaction each for the first rows, then
    one for the rest), batched, or per row then batched: always the blocks of the definition,
    full blocks packed, the open one as text, the head at the last row."""
    db = opened.db
    conn = db.sql.conn
    split = {"per row": total, "batched": 0, "mixed": total // 2 + 1}[path]
    for n in range(min(split, 3)):
        with db.atomic():
            _deposit(conn, n)
    with db.atomic():
        for n in range(min(split, 3), split):
            _deposit(conn, n)
    if split < total:
        with db.atomic(), batched_links(db, ["savings_transactions"]):
            for n in range(split, total):
                _deposit(conn, n)
    got = _blocks(conn, "savings_transactions")
    assert got == _oracle(conn, "savings_transactions")
    assert len(got) == -(-total // N)
    assert [isinstance(b[3], bytes) for b in got] == [(b[0] - 1 + N) <= total for b in got]
    assert chain.heads(conn)["savings_transactions"] == (total, got[-1][1].hex())
    assert verify(conn) == []


def test_every_commit_path_links_its_rows(opened: Services) -> None:
    """The link is written by the row's own statement: autocommit, sqlite-utils' insert,
    executescript and an explicit COMMIT all leave linked rows (nothing to flush)."""
    db = opened.db
    conn = db.sql.conn
    _deposit(conn, 1)
    conn.commit()
    db.sql["savings_transactions"].insert(
        {"member_id": 1, "kind": "wajib", "tx_type": "setoran", "amount": 5,
         "tx_date": "2024-01-02", "receipt_no": "S-u", "created_at": CREATED}
    )  # fmt: skip
    conn.executescript(
        "BEGIN; INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date,"
        " receipt_no, created_at) VALUES (1, 'sukarela', 'setoran', 7, '2024-01-03', 'S-x',"
        f" '{CREATED}'); COMMIT;"
    )
    old = conn.isolation_level
    conn.isolation_level = None  # autocommit: each statement commits itself
    try:
        _deposit(conn, 2)
    finally:
        conn.isolation_level = old
    assert chain.heads(conn)["savings_transactions"][0] == 4
    assert verify(conn) == []


def test_a_rollback_across_a_block_boundary_leaves_nothing(opened: Services) -> None:
    db = opened.db
    conn = db.sql.conn
    with db.atomic():
        for n in range(N - 2):
            _deposit(conn, n)
    before = (_blocks(conn, "savings_transactions"), chain.heads(conn))
    for batched in (False, True):
        with pytest.raises(ZeroDivisionError), db.atomic():
            with batched_links(db, ["savings_transactions"] if batched else []):
                for n in range(5):
                    _deposit(conn, 1000 + n)
            _ = 1 / 0
        assert (_blocks(conn, "savings_transactions"), chain.heads(conn)) == before
    with db.atomic():
        _deposit(conn, 5000)
    assert verify(conn) == []


def test_a_transaction_touching_many_tables(services: Services) -> None:
    """One deposit writes the savings row, its journal and lines and the audit row in one
    transaction: each table's chain grows by its own rows, every head matches its table."""
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    member = make_member(services, ketua)
    conn = services.db.sql.conn
    before = chain.heads(conn)
    services.savings.deposit(ketua, member.id, SavingsKind.SUKARELA, 50_000, date(2026, 1, 5))
    after = chain.heads(conn)
    grown = {t for t in after if after[t][0] != before[t][0]}
    assert {"savings_transactions", "audit_log", "journals", "journal_lines"} <= grown
    for table in chain.chained_tables(conn):
        assert after[table][0] == conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    assert verify(conn) == []


def test_the_hash_at_any_count(opened: Services) -> None:
    """What this PC's record is compared with: the chain hash after any row, inside a block
    or at its end, equals the running hash of the definition."""
    db = opened.db
    conn = db.sql.conn
    with db.atomic():
        for n in range(N + 7):
            _deposit(conn, n)
    running = b""
    for count, (_key, digest) in enumerate(
        chain.link_rows(conn, "savings_transactions", "rowid"), 1
    ):
        running = hashlib.sha256(running + digest).digest()
        assert chain_walk.hash_at(conn, "savings_transactions", count) == (N + 7, running)


def _shell(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def _filled(tmp_path: Path, rows: int) -> Path:
    services = Services.open(tmp_path / "k.db", create=True)
    try:
        with services.db.atomic():
            conn = services.db.sql.conn
            conn.execute(
                "INSERT INTO members (number, name, sex, join_date, created_at, updated_at)"
                " VALUES ('M1', 'Nama', 'L', '2020-01-01', ?, ?)",
                (CREATED, CREATED),
            )
            for n in range(rows):
                _deposit(conn, n)
    finally:
        services.close()
    return services.db.path


@pytest.mark.parametrize("victim", [1, 2, N - 1, N, N + 1, N + 3])
def test_a_row_inside_a_block_is_named(tmp_path: Path, victim: int) -> None:
    """Edited, deleted: in a packed block or in the open one, the row itself is named."""
    path = _filled(tmp_path, N + 3)
    _shell(
        path,
        "DROP TRIGGER savings_transactions_no_update",
        "DROP TRIGGER savings_transactions_no_delete",
        f"UPDATE savings_transactions SET amount = amount + 1 WHERE id = {victim}",
        f"DELETE FROM savings_transactions WHERE id = {victim % (N + 3) + 1}",
    )
    rows = [p for p in check_database(path).problems if p.startswith("Tabel savings_")]
    assert rows == [
        f"Tabel savings_transactions baris {victim} diubah di luar program.",
        f"Tabel savings_transactions baris {victim % (N + 3) + 1} dihapus di luar program.",
    ] or rows == [
        f"Tabel savings_transactions baris {victim % (N + 3) + 1} dihapus di luar program.",
        f"Tabel savings_transactions baris {victim} diubah di luar program.",
    ]


def test_a_forged_block_hash_is_named_as_its_rows(tmp_path: Path) -> None:
    path = _filled(tmp_path, N)
    _shell(
        path,
        "DROP TRIGGER chain_blocks_grow_only",
        "UPDATE chain_blocks SET hash = zeroblob(32) WHERE tbl ="
        " (SELECT code FROM chain_heads WHERE tbl = 'savings_transactions')",
    )
    problems = check_database(path).problems
    assert f"Tabel savings_transactions baris 1–{N} (satu blok rantai) diubah di luar program." in (
        problems
    )
