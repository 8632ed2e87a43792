"""Writing many loans and loan events at once (demo data, imports): executemany in one
transaction. No audit entries here: the caller writes one entry for the whole batch."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, NamedTuple

from app.loans.models import EventKind, LoanProduct, LoanStatus
from app.loans.schedule import Installment
from app.storage.bulk import _indexes_rebuilt_after, insert_many, roomy_cache
from app.storage.chain_batch import batched_links
from app.storage.db import Database
from app.storage.loans_events_repo import (
    EVENT_COLUMNS,
    INSERT_CHARGES,
    INSERT_LINES,
    charge_rows,
    event_line_rows,
    insert_sql,
)
from app.storage.loans_rows import denda_values, schedule_line_values


class BulkLoan(NamedTuple):
    """A loan with its terms from `product` and its schedule version 0."""

    application_no: str
    number: str | None
    member_id: int
    product: LoanProduct
    status: LoanStatus
    application_date: date
    amount: int
    months: int
    first_due: date
    purpose: str
    admin_fee: int
    decided_by: int | None
    decided_on: date | None
    disbursed_on: date | None
    closed_on: date | None
    created_by: int | None
    created_at: str
    schedule: Sequence[Installment]
    decision_note: str = ""
    schedule_from: date | None = None  # the schedule's effective date (application date)
    schedule_reason: str = ""


class BulkLoanEvent(NamedTuple):
    """One money event; lines are (instalment number or None, component, amount), charges
    (instalment number, denda crystallised). `reverses` is an event id already stored or
    given earlier in the same batch."""

    loan_id: int
    kind: EventKind
    event_date: date
    receipt_no: str | None
    amount: int
    method: str
    pokok: int
    jasa: int
    denda: int
    titipan: int
    fee: int
    reverses_id: int | None
    reason: str
    approved_by: int | None
    note: str
    created_by: int | None
    created_at: str
    lines: tuple[tuple[int | None, str, int], ...] = ()
    charges: tuple[tuple[int, int], ...] = ()
    version: int = 0


_LOAN_COLUMNS = (
    "id",
    "application_no",
    "number",
    "member_id",
    "product_id",
    "status",
    "application_date",
    "amount",
    "months",
    "monthly_rate",
    "method",
    "round_to",
    "round_up",
    "principal_grace",
    "first_due",
    "purpose",
    "denda_basis",
    "denda_rate",
    "denda_per",
    "denda_grace_days",
    "denda_cap",
    "denda_fixed",
    "denda_cap_rate",
    "alloc_order",
    "alloc_mode",
    "payoff_rule",
    "admin_fee",
    "decided_by",
    "decided_on",
    "decision_note",
    "disbursed_on",
    "net_disbursed",
    "closed_on",
    "created_by",
    "created_at",
    "updated_at",
)
_SCHEDULE_COLUMNS = (
    "loan_id",
    "version",
    "effective_date",
    "reason",
    "principal",
    "monthly_rate",
    "months",
    "method",
    "round_to",
    "round_up",
    "principal_grace",
    "first_due",
    "total_pokok",
    "total_jasa",
    "created_by",
    "created_at",
)


def loan_count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM loans"))


def next_loan_id(db: Database) -> int:
    """The id the next bulk-inserted loan gets (ids are given in order)."""
    return int(db.scalar("SELECT coalesce(max(id), 0) + 1 FROM loans"))


def next_loan_event_id(db: Database) -> int:
    """The id the next bulk-inserted loan event gets."""
    return int(db.scalar("SELECT coalesce(max(id), 0) + 1 FROM loan_events"))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def insert_loans_bulk(db: Database, loans: Sequence[BulkLoan]) -> list[int]:
    """Insert loans with their version-0 schedules in one transaction; ids in order."""
    tables = ("loans", "loan_schedules", "loan_schedule_lines")
    with db.atomic(), roomy_cache(db), batched_links(db, tables):
        first = int(db.scalar("SELECT coalesce(max(id), 0) + 1 FROM loans"))
        loan_rows: list[tuple[Any, ...]] = []
        schedule_rows: list[tuple[Any, ...]] = []
        line_rows: list[tuple[Any, ...]] = []
        for offset, loan in enumerate(loans):
            loan_id = first + offset
            p = loan.product
            disbursed = loan.disbursed_on is not None
            loan_rows.append(
                (
                    loan_id,
                    loan.application_no,
                    loan.number,
                    loan.member_id,
                    p.id,
                    loan.status.value,
                    loan.application_date.isoformat(),
                    loan.amount,
                    loan.months,
                    str(p.monthly_rate),
                    p.method,
                    p.round_to,
                    int(p.round_up),
                    0,
                    loan.first_due.isoformat(),
                    loan.purpose,
                    *denda_values(p.denda_rule, p.alloc_order, p.alloc_mode, p.payoff_rule),
                    loan.admin_fee,
                    loan.decided_by,
                    _iso(loan.decided_on),
                    loan.decision_note,
                    _iso(loan.disbursed_on),
                    loan.amount - loan.admin_fee if disbursed else None,
                    _iso(loan.closed_on),
                    loan.created_by,
                    loan.created_at,
                    loan.created_at,
                )
            )
            schedule_rows.append(
                (
                    loan_id,
                    0,
                    (loan.schedule_from or loan.application_date).isoformat(),
                    loan.schedule_reason,
                    loan.amount,
                    str(p.monthly_rate),
                    loan.months,
                    p.method,
                    p.round_to,
                    int(p.round_up),
                    0,
                    loan.first_due.isoformat(),
                    sum(i.pokok for i in loan.schedule),
                    sum(i.jasa for i in loan.schedule),
                    loan.created_by,
                    loan.created_at,
                )
            )
            line_rows.extend(schedule_line_values(loan_id, 0, loan.schedule))
        conn = db.sql.conn
        insert_many(conn, insert_sql("loans", _LOAN_COLUMNS), loan_rows)
        insert_many(conn, insert_sql("loan_schedules", _SCHEDULE_COLUMNS), schedule_rows)
        insert_many(
            conn,
            "INSERT INTO loan_schedule_lines (loan_id, version, number, due_date, pokok, jasa,"
            " cum_pokok, cum_jasa, balance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            line_rows,
        )
    return list(range(first, first + len(loans)))


# The loan tables a cut-over import writes, whose own (non-unique) indexes it builds once
# after all of its rows instead of updating them row by row (none of them is read while the
# rows go in: every trigger and check of these inserts looks rows up by primary key).
IMPORTED_LOAN_TABLES = (
    "loans",
    "loan_schedule_lines",
    "loan_events",
    "loan_denda_charges",
    "loan_collateral",
    "loan_guarantors",
)


@contextlib.contextmanager
def loan_indexes_built_after(db: Database) -> Iterator[None]:
    """Inside the caller's write transaction: the loan tables' own indexes dropped, and built
    again when the block ends normally. An exception leaves the block through a savepoint
    rolled back, so the indexes are then exactly as before (nothing is dropped for good)."""
    with db.atomic(), contextlib.ExitStack() as stack:
        for table in IMPORTED_LOAN_TABLES:
            stack.enter_context(_indexes_rebuilt_after(db, table))
        yield


def insert_loan_events_bulk(
    db: Database, events: Iterable[BulkLoanEvent], *, rebuild_indexes: bool = False
) -> range:
    """Insert events with their lines and denda charges in one transaction (events may be a
    generator, consumed once); the ids given, in order. `rebuild_indexes` for very large
    batches: the events' and charges' indexes are built again after the rows are in."""
    with db.atomic(), roomy_cache(db), contextlib.ExitStack() as stack:
        stack.enter_context(
            batched_links(db, ("loan_events", "loan_event_lines", "loan_denda_charges"))
        )
        if rebuild_indexes:
            stack.enter_context(_indexes_rebuilt_after(db, "loan_events"))
            stack.enter_context(_indexes_rebuilt_after(db, "loan_denda_charges"))
        first = int(db.scalar("SELECT coalesce(max(id), 0) + 1 FROM loan_events"))
        lines: list[tuple[Any, ...]] = []
        charges: list[tuple[Any, ...]] = []
        count = 0

        def values() -> Iterator[tuple[Any, ...]]:
            nonlocal count
            for offset, e in enumerate(events):
                event_id = first + offset
                count += 1
                day = e.event_date.isoformat()
                lines.extend(event_line_rows(event_id, e.lines))
                charges.extend(charge_rows(e.loan_id, e.version, e.event_date, event_id, e.charges))
                yield (
                    event_id,
                    e.loan_id,
                    e.version,
                    e.kind.value,
                    day,
                    e.receipt_no,
                    e.amount,
                    e.method,
                    e.pokok,
                    e.jasa,
                    e.denda,
                    e.titipan,
                    e.fee,
                    e.reverses_id,
                    e.reason,
                    e.approved_by,
                    e.note,
                    e.created_by,
                    e.created_at,
                )

        conn = db.sql.conn
        insert_many(conn, insert_sql("loan_events", EVENT_COLUMNS), values())
        insert_many(conn, INSERT_LINES, lines)
        insert_many(conn, INSERT_CHARGES, charges)
    return range(first, first + count)


class DemoBorrower(NamedTuple):
    """What the demo needs to know about a member to give them loans."""

    id: int
    name: str
    sex: str
    join_date: date
    status: str
    status_date: date | None
    occupation: str
    spouse_name: str


def borrowers(db: Database) -> list[DemoBorrower]:
    """Every member, oldest first (for the demo loan generator)."""
    rows = db.rows(
        "SELECT id, name, sex, join_date, status, status_date, occupation, spouse_name"
        " FROM members ORDER BY id"
    )
    return [
        DemoBorrower(
            r[0],
            r[1],
            r[2],
            date.fromisoformat(r[3]),
            r[4],
            date.fromisoformat(r[5]) if r[5] else None,
            r[6],
            r[7],
        )
        for r in rows
    ]


def insert_collateral_bulk(db: Database, rows: Sequence[tuple[Any, ...]]) -> None:
    """(loan_id, kind, description, document_no, owner, estimated_value, tax_value, note,
    released_on, release_note, created_by, created_at) rows."""
    with db.atomic(), batched_links(db, ("loan_collateral",)):
        insert_many(
            db.sql.conn,
            "INSERT INTO loan_collateral (loan_id, kind, description, document_no, owner,"
            " estimated_value, tax_value, note, released_on, release_note, created_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def insert_guarantors_bulk(db: Database, rows: Sequence[tuple[Any, ...]]) -> None:
    """(loan_id, name, nik, relation, address, phone, created_by, created_at) rows."""
    with db.atomic(), batched_links(db, ("loan_guarantors",)):
        insert_many(
            db.sql.conn,
            "INSERT INTO loan_guarantors (loan_id, name, nik, relation, address, phone,"
            " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
