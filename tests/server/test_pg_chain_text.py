"""The tamper chain's second row encoding on the office server (app/storage/chain_text.py,
app/storage/pg_chain.py): the server's SQL builds exactly `chain_text.text`'s bytes for every
kind of value; a file whose chains switch to encoding 2 part-way (`chain_heads.v2_from`) moves
to the server and verifies there; rows the server's triggers link past the switch hash as the
definition says, awkward texts included; a tampered row is named on either side of the switch
and among the server's own rows."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.savings.models import SavingsKind
from app.server.move import move
from app.server_url import parse_server_url
from app.services import Services
from app.storage import chain, chain_codec, chain_text, migrations, pg_chain
from app.storage.pg_check import check_server
from app.storage.pg_engine import PgEngine
from tests.conftest import PASSWORD, admin_user, make_member, make_user
from tests.pg import APP_ROLE, EMPTY_TEMPLATE, SUPERUSER, PgServer, _database

N = chain_codec.BLOCK_ROWS
SHORT = chain_codec.SHORT
TABLE = "savings_transactions"
TODAY = date(2026, 11, 26)
INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
TEXT = st.text(  # PostgreSQL holds no NUL, nor a lone surrogate
    alphabet=st.characters(exclude_characters="\x00", exclude_categories=("Cs",))
)
KINDS = {"bigint": st.none() | INT64, "text": st.none() | TEXT, "bytea": st.none() | st.binary()}
CELL = st.sampled_from(sorted(KINDS)).flatmap(lambda k: st.tuples(st.just(k), KINDS[k]))
AWKWARD = [
    "",
    'kutip "ganda" dan \\ garis miring \\\\ dua',
    "baris\nbaru\r\nCRLF\ttab\bbs\fff",
    "".join(map(chr, range(1, 0x20))) + "\x7f",
    "é ñ ü — “kutip” € ✓ 😀 \u2028\u2029 \ufeff",
    "null",
    ",]nul",
    "\\u0000 \\n bukan escape",
    "x" * 3000,
]


# --- the text --------------------------------------------------------------------------------


def _server_text(
    conn: psycopg.Connection[Any],
    columns: list[tuple[str, str]],
    values: list[Any],
    pk: list[tuple[str, str]],
) -> bytes:
    sql = pg_chain.text2_sql("t", columns, pk, ref="r")
    selected = ", ".join(f'%s::{kind} AS "{name}"' for name, kind in columns)
    row = conn.execute(f"SELECT {sql} FROM (SELECT {selected}) AS r", values).fetchone()
    assert row is not None
    return bytes(row[0])


@pytest.fixture(scope="module")
def server_conn(pg_server: PgServer) -> Iterator[psycopg.Connection[Any]]:
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        yield conn


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    keyed=st.booleans(),
    cells=st.lists(CELL, max_size=8),
)
def test_the_server_builds_exactly_the_defined_text(
    server_conn: psycopg.Connection[Any], keyed: bool, cells: list[tuple[str, Any]]
) -> None:
    """`keyed`: the first column is the one integer key (SQLite's rowid: it comes first
    again); else the key is two columns and no rowid is written (a WITHOUT ROWID table)."""
    columns = [(f"c{at}", kind) for at, (kind, _) in enumerate(cells)]
    values = [value for _, value in cells]
    if keyed:
        columns.insert(0, ("id", "bigint"))
        values.insert(0, len(values) * 7919 - 2**62)
        pk = [("id", "bigint")]
    else:
        pk = [("a", "bigint"), ("b", "text")]
    got = _server_text(server_conn, columns, values, pk)
    assert got == chain_text.text("t", values[0] if keyed else None, values)


def test_every_character_and_the_awkward_texts_are_written_as_defined(
    server_conn: psycopg.Connection[Any],
) -> None:
    columns = [("id", "bigint"), ("s", "text")]
    for start in range(0, 0x3000, 0x100):
        probe = "".join(
            chr(c) for c in range(max(start, 1), start + 0x100) if not 0xD800 <= c < 0xE000
        )
        got = _server_text(server_conn, columns, [5, probe], [("id", "bigint")])
        assert got == chain_text.text("t", 5, [5, probe]), hex(start)
    for text in AWKWARD:
        got = _server_text(server_conn, columns, [-(2**63), text], [("id", "bigint")])
        assert got == chain_text.text("t", -(2**63), [-(2**63), text]), text
    many = [("id", "bigint"), ("a", "text"), ("b", "bigint"), ("c", "text"), ("d", "bytea")]
    for values in (
        [1, None, None, "x", None],  # NULLs in the middle kept, the trailing one cut
        [2, "y", None, None, None],
        [3, None, None, None, None],
        [4, "", 2**63 - 1, "", b""],
        [5, None, -1, None, b"\x00\xff"],
    ):
        got = _server_text(server_conn, many, values, [("id", "bigint")])
        assert got == chain_text.text("t", values[0], values), values


# --- a file switched part-way, moved, written on and tampered with -----------------------------


def _file_switched_part_way(path: Path, patch: pytest.MonkeyPatch) -> None:
    """N + 5 deposits linked in encoding 1 (the program before step 0033), then 3 more by this
    program: savings_transactions switches at N + 6, inside its second block."""
    with patch.context() as before:
        every = list(migrations.MIGRATIONS._migrations)
        names = [m.name for m in every]
        before.setattr(
            migrations.MIGRATIONS, "_migrations", every[: names.index("0033_chain_text")]
        )
        services = Services.open(path, create=True)
        try:
            assert not chain_text.in_use(services.db.sql.conn)
            admin_user(services)
            ketua = make_user(services, username="ketua", full_name="Budi Santoso")
            member = make_member(services, ketua)
            for n in range(N + 5):
                services.savings.deposit(ketua, member.id, SavingsKind.SUKARELA, 1000 + n, TODAY)
        finally:
            services.close()
    services = Services.open(path)
    try:
        assert chain.v2_from(services.db.sql.conn, TABLE) == N + 6
        ketua = next(u for u in services.users.all() if u.username == "ketua")
        for n in range(3):
            services.savings.deposit(ketua, member.id, SavingsKind.SUKARELA, 5000 + n, TODAY)
    finally:
        services.close()


@pytest.fixture(scope="module")
def switched(
    pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """(the name of a database holding the switched file moved to the server, the file)."""
    patch = pytest.MonkeyPatch()
    file = tmp_path_factory.mktemp("switched") / "koperasi.db"
    patch.setenv("MUFAKAT_HOME", str(tmp_path_factory.mktemp("home")))
    patch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    try:
        _file_switched_part_way(file, patch)
        with _database(pg_server, EMPTY_TEMPLATE) as url:
            owner = url.replace(APP_ROLE, SUPERUSER, 1)
            move(file, owner, "admin", app_role=APP_ROLE)
            yield parse_server_url(owner).dbname, file
    finally:
        patch.undo()


@pytest.fixture
def clone(pg_server: PgServer, switched: tuple[str, Path]) -> Iterator[str]:
    with _database(pg_server, switched[0]) as url:
        yield url.replace(APP_ROLE, SUPERUSER, 1)


def _rows(url: str, query: str) -> list[Any]:
    with psycopg.connect(url) as conn:
        return conn.execute(query).fetchall()


def _tamper(url: str, *statements: str) -> None:
    with psycopg.connect(url) as conn:
        conn.execute("SET session_replication_role = replica")
        for statement in statements:
            conn.execute(statement)


def _short_digests(url: str, table: str) -> dict[Any, bytes]:
    """Each linked key's short digest as the server's blocks hold it."""
    found: dict[Any, bytes] = {}
    for digests, packed in _rows(
        url,
        "SELECT b.digests, b.keys FROM chain_blocks b JOIN chain_heads h ON h.code = b.tbl "
        f"WHERE h.tbl = '{table}' ORDER BY b.first",
    ):
        keys = chain_codec.unpack_keys(pg_chain.packed_keys(packed))
        for at, key in enumerate(keys):
            found[key] = bytes(digests[at * SHORT : (at + 1) * SHORT])
    return found


def _write_awkward_notes(url: str) -> list[int]:
    """One audit entry per awkward text (in `note`, and in `after` with NULLs around it), by
    the program's role; their ids."""
    engine = PgEngine(url.replace(SUPERUSER, APP_ROLE, 1))
    try:
        ids = []
        with engine.atomic():
            for at, text in enumerate(AWKWARD):
                ids.append(
                    engine.insert_id(
                        "INSERT INTO audit_log (at, action, entity, entity_id, before, after, "
                        "note) VALUES ('2026-12-08T09:00:00', 'uji', 'server', :e, NULL, :a, :n)"
                        " RETURNING id",
                        {"e": None if at % 2 else str(-(2**62) - at), "a": text, "n": text},
                    )
                )
        return ids
    finally:
        engine.close()


def test_a_file_switched_part_way_verifies_on_the_server(clone: str) -> None:
    heads = dict(_rows(clone, "SELECT tbl, v2_from FROM chain_heads"))
    assert heads[TABLE] == N + 6
    assert _rows(clone, f"SELECT count FROM chain_heads WHERE tbl = '{TABLE}'") == [(N + 8,)]
    report = check_server(parse_server_url(clone))
    assert report.ok, report.problems
    assert "Rantai pengaman catatan: utuh" in report.facts


def test_rows_the_server_links_past_the_switch_hash_as_defined(clone: str) -> None:
    ids = _write_awkward_notes(clone)
    split = _rows(clone, "SELECT v2_from, count FROM chain_heads WHERE tbl = 'audit_log'")[0]
    assert split[0] is not None and split[0] <= split[1] - len(ids) + 1
    stored = _short_digests(clone, "audit_log")
    with psycopg.connect(clone) as conn:
        names = [n for n, _ in pg_chain.declared_columns(conn, "audit_log")]
    quoted = ", ".join(f'"{n}"' for n in names)
    for row in _rows(clone, f"SELECT {quoted} FROM audit_log WHERE id = ANY(ARRAY{ids})"):
        expected = hashlib.sha256(chain_text.text("audit_log", row[0], row)).digest()
        assert stored[row[0]] == expected[:SHORT], row
    report = check_server(parse_server_url(clone))
    assert "Rantai pengaman catatan: utuh" in report.facts, report.problems


def test_rows_linked_on_both_sides_of_the_switch_and_on_the_server_are_named_when_changed(
    clone: str,
) -> None:
    ids = _write_awkward_notes(clone)
    engine = PgEngine(clone.replace(SUPERUSER, APP_ROLE, 1))
    try:
        with engine.atomic():
            server_deposit = engine.insert_id(
                "INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date, "
                "receipt_no, created_at) SELECT min(id), 'sukarela', 'setoran', 7, "
                "'2026-12-08', 'KS/SERVER/1', '2026-12-08T09:00:00' FROM members RETURNING id"
            )
    finally:
        engine.close()
    order = [r[0] for r in _rows(clone, f"SELECT id FROM {TABLE} ORDER BY id")]
    assert order[N + 7] < server_deposit  # positions N + 8 (file) then N + 9 (server)
    victims = [order[p - 1] for p in (1, N + 5, N + 6, N + 8)] + [server_deposit]
    _tamper(
        clone,
        *(f"UPDATE {TABLE} SET amount = amount + 1 WHERE id = {v}" for v in victims),
        f"UPDATE audit_log SET note = note || ' ' WHERE id = {ids[2]}",
    )
    problems = check_server(parse_server_url(clone)).problems
    named = sorted(p for p in problems if "di luar program" in p)
    assert named == sorted(
        [f"Tabel audit_log baris {ids[2]} diubah di luar program."]
        + [f"Tabel {TABLE} baris {v} diubah di luar program." for v in victims]
    )


def test_a_table_without_a_split_keeps_encoding_1_on_the_server(clone: str) -> None:
    """A head with no v2_from (a chain from before step 0033 that no row crossed) links the
    server's rows in encoding 1, as SQLite would."""
    _tamper(clone, "UPDATE chain_heads SET v2_from = NULL WHERE tbl = 'audit_log'")
    before = _rows(clone, "SELECT count FROM chain_heads WHERE tbl = 'audit_log'")[0][0]
    ids = _write_awkward_notes(clone)
    stored = _short_digests(clone, "audit_log")
    with psycopg.connect(clone) as conn:
        names = [n for n, _ in pg_chain.columns(conn, "audit_log")]
    quoted = ", ".join(f'"{n}"' for n in names)
    hasher = chain_codec.Hasher("audit_log", names)
    for row in _rows(clone, f"SELECT id, {quoted} FROM audit_log WHERE id = ANY(ARRAY{ids})"):
        assert stored[row[0]] == hasher.digest(row[0], row[1:])[:SHORT]
    assert len(ids) == len(AWKWARD) and before >= 1


def test_the_switch_position_and_column_order_are_the_files(
    switched: tuple[str, Path], clone: str
) -> None:
    """`server move` copies every chain's v2_from as the file has it, and the server's tables
    declare their columns in the file's order."""
    lite = sqlite3.connect(switched[1])
    try:
        file_heads = dict(lite.execute("SELECT tbl, v2_from FROM chain_heads").fetchall())
        file_columns = {
            t: [r[1] for r in lite.execute(f'PRAGMA table_info("{t}")')] for t in file_heads
        }
    finally:
        lite.close()
    assert dict(_rows(clone, "SELECT tbl, v2_from FROM chain_heads")) == file_heads
    assert file_heads[TABLE] == N + 6 and None not in file_heads.values()
    with psycopg.connect(clone) as conn:  # encoding 2 takes the columns in declared order
        for table, names in file_columns.items():
            assert [n for n, _ in pg_chain.declared_columns(conn, table)] == names, table


def test_the_first_row_the_server_links_at_the_switch_takes_encoding_2(clone: str) -> None:
    """A chain the file switched after its last row (v2_from = count + 1): the server's first
    row there is at the switch, in encoding 2, and the check agrees."""
    table = "payment_method_accounts"
    heads = {t: (c, v) for t, c, v in _rows(clone, "SELECT tbl, count, v2_from FROM chain_heads")}
    assert heads[table][0] >= 1 and heads[table][1] == heads[table][0] + 1
    engine = PgEngine(clone.replace(SUPERUSER, APP_ROLE, 1))
    try:
        with engine.atomic():
            added = engine.insert_id(
                f"INSERT INTO {table} (method, account, valid_from, created_by, created_at) "
                "SELECT 'uji \"kutip\" ñ\t✓', account, valid_from, NULL, created_at "
                f"FROM {table} ORDER BY id LIMIT 1 RETURNING id"
            )
    finally:
        engine.close()
    with psycopg.connect(clone) as conn:
        names = [n for n, _ in pg_chain.declared_columns(conn, table)]
    quoted = ", ".join(f'"{n}"' for n in names)
    row = _rows(clone, f"SELECT {quoted} FROM {table} WHERE id = {added}")[0]
    assert None in row and "\t" in row[1]
    expected = hashlib.sha256(chain_text.text(table, added, row)).digest()
    assert _short_digests(clone, table)[added] == expected[:SHORT]
    report = check_server(parse_server_url(clone))
    assert "Rantai pengaman catatan: utuh" in report.facts, report.problems
