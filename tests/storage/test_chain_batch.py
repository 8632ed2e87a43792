"""The tamper chain's batched path (app/storage/chain_batch.py): the same blocks, byte for byte,
as the per-row triggers give for the same rows, `mufakat check` clean, nothing left behind on
a rollback, and usable only inside a write transaction, from storage code."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.loans.schedule import ScheduleTerms, build_schedule
from app.members.models import MemberDraft, MemberStatus
from app.savings.models import SavingsKind, TxType
from app.services import Services
from app.storage import (
    bulk,
    chain,
    chain_batch,
    chain_codec,
    imports_loans_repo,
    ledger_bulk_repo,
    loans_bulk,
)
from app.storage.chain_batch import batched_links
from app.storage.chain_verify import verify
from app.storage.loans_products_repo import LoanProductsRepository

pytestmark = pytest.mark.sqlite_only(
    "the tamper chain: SQLite TEMP triggers and Python functions, not built on PostgreSQL yet"
)

CREATED = "2025-01-02 03:04:05"
NOTES = ["", "catatan biasa", 'kutip " dan \\ garis', "Ñoño – ü € 😀", "baris\nbaru\t\x01", "  "]
BATCHED_MODULES = (bulk, loans_bulk, imports_loans_repo, ledger_bulk_repo)


def test_the_batched_path_uses_the_per_row_digest() -> None:
    """Both paths hash a row with chain_codec.row_digest (tests/storage/test_chain_blocks.py
    tests the digest and the blocks); here: the bulk path writes the same blocks."""
    assert chain_batch.chain_codec is chain_codec


def _no_batch(_db: object, _tables: object) -> Iterator[None]:
    yield


def _books(services: Services) -> None:
    """Members, savings, a loan with its schedule and events, denda charges and journals,
    written by the bulk writers (each in its own transaction, as the import and demo do)."""
    db = services.db
    members = [
        bulk.BulkMember(
            f"{n:04d}",
            MemberDraft(
                name=f"Anggota {n} {NOTES[n % len(NOTES)].strip()}",
                sex="P" if n % 2 else "L",
                join_date=date(2020, 1, 1 + n),
                nik=f"357601{n:010d}",
            ),
            MemberStatus.AKTIF,
            None,
            "",
            CREATED,
            None,
        )
        for n in range(1, 6)
    ]
    ids = bulk.insert_members_bulk(db, members)
    rows = [
        bulk.BulkSavings(
            ids[n % len(ids)], kind, TxType.SETORAN, 1 + n * 1_000_003, date(2024, 1 + n % 12, 1),
            f"R-{n}", "tunai", NOTES[n % len(NOTES)], None, "", None, None, CREATED,
        )
        for n, kind in enumerate([*SavingsKind] * 4)
    ]  # fmt: skip
    bulk.insert_savings_bulk(db, rows)
    product = LoanProductsRepository(db).products(include_inactive=True)[0]
    terms = ScheduleTerms(
        6_000_000, product.monthly_rate * 12, 12, product.method, date(2024, 2, 10)
    )
    schedule = tuple(build_schedule(terms))
    loan_ids = loans_bulk.insert_loans_bulk(
        db,
        [
            loans_bulk.BulkLoan(
                f"A-{n}", f"P-{n}", ids[n], product, loans_bulk.LoanStatus.AKTIF,
                date(2024, 1, 10), 6_000_000, 12, date(2024, 2, 10), NOTES[n], 0, None,
                date(2024, 1, 10), date(2024, 1, 10), None, None, CREATED, schedule,
            )
            for n in range(3)
        ],
    )  # fmt: skip
    events = [
        loans_bulk.BulkLoanEvent(
            loan_id, loans_bulk.EventKind.PEMBAYARAN, date(2024, 3, 1), f"K-{loan_id}",
            schedule[0].pokok + schedule[0].jasa, "tunai", schedule[0].pokok, schedule[0].jasa,
            0, 0, 0, None, "", None, NOTES[loan_id % len(NOTES)], None, CREATED,
            ((1, "pokok", schedule[0].pokok), (1, "jasa", schedule[0].jasa)), ((1, 2_500),),
        )
        for loan_id in loan_ids
    ]  # fmt: skip
    loans_bulk.insert_loan_events_bulk(db, events)
    with db.atomic():
        imports_loans_repo.insert_opening_charges(
            db, [(loan_ids[0], 0, date(2024, 4, 1), [(2, 1_000), (3, 0)])]
        )
    repo = ledger_bulk_repo.LedgerBulkRepository(db)
    first = repo.next_id()
    journals = [
        (first + n, f"J2024-{n + 1:06d}", "2024-03-01", "uji", n, "uji", NOTES[n], 0, None,
         None, CREATED)
        for n in range(3)
    ]  # fmt: skip
    lines = [
        (first + n, account, debit, credit, None, None)
        for n in range(3)
        for account, debit, credit in (("1101", 1000 + n, 0), ("2101", 0, 1000 + n))
    ]
    with db.atomic():
        repo.write(journals, lines)


WRITTEN = (
    "savings_transactions",
    "loan_schedules",
    "loan_schedule_lines",
    "loan_events",
    "loan_event_lines",
    "loan_denda_charges",
    "journals",
    "journal_lines",
)


def _links(path: Path) -> dict[str, tuple[list[tuple[Any, ...]], tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        result = {}
        for table in WRITTEN:
            code, count, head = conn.execute(
                "SELECT code, count, hash FROM chain_heads WHERE tbl = ?", (table,)
            ).fetchone()
            links = conn.execute(
                "SELECT first, hash, digests, keys FROM chain_blocks WHERE tbl = ? ORDER BY first",
                (code,),
            ).fetchall()
            result[table] = (links, (code, count, head))
        return result
    finally:
        conn.close()


def _build(path: Path, batched: bool, monkeypatch: pytest.MonkeyPatch) -> Path:
    with monkeypatch.context() as patch:
        if not batched:
            for module in BATCHED_MODULES:
                patch.setattr(module, "batched_links", contextlib.contextmanager(_no_batch))
        services = Services.open(path, create=True)
        try:
            _books(services)
            assert verify(services.db.sql.conn) == []
        finally:
            services.close()
    return path


def test_bulk_writers_link_exactly_as_the_per_row_triggers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    per_row = _build(tmp_path / "per_row.db", False, monkeypatch)
    batched = _build(tmp_path / "batched.db", True, monkeypatch)
    expected, got = _links(per_row), _links(batched)
    assert all(expected[t][0] for t in WRITTEN)  # every table has links to compare
    assert got == expected
    reports = []
    for path in (per_row, batched):
        main(["check", "--db", str(path)])  # the books of this bare data are not posted
        out = capsys.readouterr().out
        assert "Rantai pengaman catatan: utuh" in out and "di luar program" not in out, out
        reports.append([line for line in out.splitlines() if "Identitas file" not in line])
    assert reports[0] == reports[1]


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Services]:
    services = Services.open(tmp_path / "k.db", create=True)
    yield services
    services.close()


def _temp_triggers(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT name, sql FROM sqlite_temp_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()


def _member_row(db: Any, n: int) -> None:
    db.execute(
        "INSERT INTO members (number, name, sex, join_date, created_at, updated_at)"
        " VALUES (?, ?, 'L', '2020-01-01', ?, ?)",
        (f"M{n}", f"Nama {n}", CREATED, CREATED),
    )


def _deposit(db: Any, n: int) -> None:
    db.execute(
        "INSERT INTO savings_transactions (member_id, kind, tx_type, amount, tx_date,"
        " receipt_no, created_at) VALUES (1, 'sukarela', 'setoran', ?, '2024-01-01', ?, ?)",
        (n + 1, f"S-{n}", CREATED),
    )


def test_per_row_and_batched_rows_interleave_nested_and_stay_checkable(
    opened: Services,
) -> None:
    db = opened.db
    before = _temp_triggers(db.sql.conn)
    with db.atomic():
        _member_row(db, 1)
    for n in range(6):
        with db.atomic():
            if n % 2:
                _deposit(db, n)  # the per-row path
            else:
                with batched_links(db, ["savings_transactions"]):
                    _deposit(db, n)
                    with batched_links(db, ["savings_transactions", "members"]):
                        _deposit(db, 100 + n)  # nested: the outer block links it, in order
                    _deposit(db, 200 + n)
        assert _temp_triggers(db.sql.conn) == before
    assert verify(db.sql.conn) == []
    blocks = db.rows(
        "SELECT b.keys FROM chain_blocks b JOIN chain_heads h ON h.code = b.tbl"
        " WHERE h.tbl = 'savings_transactions' ORDER BY b.first"
    )
    assert [k for r in blocks for k in chain_codec.unpack_keys(r[0])] == list(range(1, 13))


def test_a_rollback_leaves_no_row_no_link_and_the_triggers_as_they_were(
    opened: Services,
) -> None:
    db = opened.db
    with db.atomic():
        _member_row(db, 1)
    before = _temp_triggers(db.sql.conn)
    heads = chain.heads(db.sql.conn)
    links = db.rows("SELECT * FROM chain_blocks ORDER BY rowid")
    with pytest.raises(ZeroDivisionError), db.atomic(), batched_links(db, ["savings_transactions"]):
        _deposit(db, 1)
        _ = 1 / 0
    assert _temp_triggers(db.sql.conn) == before
    assert chain.heads(db.sql.conn) == heads
    assert db.rows("SELECT * FROM chain_blocks ORDER BY rowid") == links
    assert db.scalar("SELECT count(*) FROM savings_transactions") == 0
    with db.atomic():
        _deposit(db, 2)  # the per-row triggers work again
    assert verify(db.sql.conn) == []


def test_a_transaction_ended_inside_the_block_still_gets_links_and_triggers(
    opened: Services,
) -> None:
    db = opened.db
    with db.atomic():
        _member_row(db, 1)
    before = _temp_triggers(db.sql.conn)
    with db.atomic(), batched_links(db, ["savings_transactions"]):
        _deposit(db, 1)
        db.sql.conn.commit()  # what a caller must not do
        _deposit(db, 2)
    assert _temp_triggers(db.sql.conn) == before
    with db.atomic():
        _deposit(db, 3)
    assert verify(db.sql.conn) == []


def test_the_change_hub_hears_of_a_batched_table_once(opened: Services) -> None:
    db = opened.db
    heard: list[str] = []
    db.sql.conn.create_function(chain_batch.WATCH_FUNCTION, 1, heard.append)
    with db.atomic():
        _member_row(db, 1)
    heard.clear()
    with db.atomic(), batched_links(db, ["savings_transactions"]):
        for n in range(5):
            _deposit(db, n)
    assert heard == ["savings_transactions"]


def test_only_inside_a_write_transaction_and_never_on_sealed_tables(opened: Services) -> None:
    db = opened.db
    with pytest.raises(RuntimeError), batched_links(db, ["savings_transactions"]):
        pass
    for table in (*chain.SEALED_TABLES, "chain_blocks"):
        with pytest.raises(ValueError), db.atomic(), batched_links(db, [table]):
            pass


def test_only_storage_code_uses_the_batched_path() -> None:
    root = Path(__file__).resolve().parents[2]
    users = [
        path.relative_to(root).as_posix()
        for folder in ("app", "ui")
        for path in (root / folder).rglob("*.py")
        if "batched_links" in path.read_text(encoding="utf-8")
    ]
    assert users and all(p.startswith("app/storage/") for p in users), users
