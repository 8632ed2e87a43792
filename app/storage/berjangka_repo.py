"""Simpanan berjangka: placements and their events (append-only), read back as records
(portable SQL: runs on both engines)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.clock import now_text
from app.savings.berjangka import Deposit, DepositEvent, EventKind, JasaMode
from app.storage.engine import Engine, Row

SELECT = (
    "SELECT d.*, c.event_date AS closed_on, c.kind AS closed_kind,"
    " (SELECT coalesce(sum(e.jasa), 0) FROM berjangka_events e WHERE e.deposit_id = d.id)"
    " AS jasa_paid FROM berjangka_deposits d"
    " LEFT JOIN berjangka_events c ON c.deposit_id = d.id AND c.kind <> 'jasa' "
)


@dataclass(frozen=True)
class NewDeposit:
    number: str
    period: int
    member_id: int
    start_on: date
    maturity_on: date
    principal: int
    term_months: int
    rate: Decimal
    jasa_mode: JasaMode
    aro: bool
    aro_jasa: bool
    method: str
    previous_id: int | None = None
    savings_tx_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class NewDepositEvent:
    deposit_id: int
    kind: EventKind
    event_date: date
    method: str
    jasa_method: str
    month: str | None = None
    principal: int = 0
    jasa: int = 0
    tax: int = 0
    penalty: int = 0
    reason: str = ""
    authorised_by: int | None = None
    savings_tx_id: int | None = None
    jasa_tx_id: int | None = None


def deposit_of(row: Row) -> Deposit:
    closed = row["closed_kind"]
    return Deposit(
        id=row["id"],
        number=row["number"],
        period=row["period"],
        member_id=row["member_id"],
        start_on=date.fromisoformat(row["start_on"]),
        maturity_on=date.fromisoformat(row["maturity_on"]),
        principal=row["principal"],
        term_months=row["term_months"],
        rate=Decimal(row["rate"]),
        jasa_mode=JasaMode(row["jasa_mode"]),
        aro=bool(row["aro"]),
        aro_jasa=bool(row["aro_jasa"]),
        method=row["method"],
        previous_id=row["previous_id"],
        note=row["note"],
        closed_on=date.fromisoformat(row["closed_on"]) if closed else None,
        closed_kind=EventKind(closed) if closed else None,
        jasa_paid=int(row["jasa_paid"]),
    )


def event_of(row: Row) -> DepositEvent:
    return DepositEvent(
        id=row["id"],
        deposit_id=row["deposit_id"],
        kind=EventKind(row["kind"]),
        event_date=date.fromisoformat(row["event_date"]),
        month=row["month"],
        principal=row["principal"],
        jasa=row["jasa"],
        tax=row["tax"],
        penalty=row["penalty"],
        method=row["method"],
        jasa_method=row["jasa_method"],
        reason=row["reason"],
        authorised_by=row["authorised_by"],
        savings_tx_id=row["savings_tx_id"],
        jasa_tx_id=row["jasa_tx_id"],
    )


class BerjangkaRepository:
    def __init__(self, db: Engine) -> None:
        self.db = db

    def insert_deposit(self, new: NewDeposit, user_id: int | None) -> int:
        values = {
            "number": new.number,
            "period": new.period,
            "member_id": new.member_id,
            "start_on": new.start_on.isoformat(),
            "maturity_on": new.maturity_on.isoformat(),
            "principal": new.principal,
            "term_months": new.term_months,
            "rate": str(new.rate),
            "jasa_mode": new.jasa_mode.value,
            "aro": int(new.aro),
            "aro_jasa": int(new.aro_jasa),
            "method": new.method,
            "previous_id": new.previous_id,
            "savings_tx_id": new.savings_tx_id,
            "note": new.note,
            "created_by": user_id,
            "created_at": now_text(),
        }
        return self.db.insert_id(_insert("berjangka_deposits", values), values)

    def insert_event(
        self, new: NewDepositEvent, user_id: int | None, event_id: int | None = None
    ) -> int:
        """Append an event; `event_id` (from `next_event_id`) is given when a record made before
        the row refers to it: an identity sequence on PostgreSQL may skip numbers (a rolled-back
        transaction keeps the ones it took), so the id is written, not predicted."""
        values: dict[str, object] = {} if event_id is None else {"id": event_id}
        values |= {
            "deposit_id": new.deposit_id,
            "kind": new.kind.value,
            "event_date": new.event_date.isoformat(),
            "month": new.month,
            "slot": new.month if new.kind == EventKind.JASA else "tutup",
            "principal": new.principal,
            "jasa": new.jasa,
            "tax": new.tax,
            "penalty": new.penalty,
            "method": new.method,
            "jasa_method": new.jasa_method,
            "reason": new.reason,
            "authorised_by": new.authorised_by,
            "savings_tx_id": new.savings_tx_id,
            "jasa_tx_id": new.jasa_tx_id,
            "created_by": user_id,
            "created_at": now_text(),
        }
        return self.db.insert_id(_insert("berjangka_events", values), values)

    def deposit(self, deposit_id: int) -> Deposit | None:
        row = self.db.one(SELECT + "WHERE d.id = :id", {"id": deposit_id})
        return None if row is None else deposit_of(row)

    def of_member(self, member_id: int) -> list[Deposit]:
        rows = self.db.rows(
            SELECT + "WHERE d.member_id = :member ORDER BY d.start_on, d.id", {"member": member_id}
        )
        return [deposit_of(r) for r in rows]

    def open_on(self, on: date) -> list[Deposit]:
        """Placements started by `on` and not closed by then (the month-end job's list)."""
        rows = self.db.rows(
            SELECT
            + "WHERE d.start_on <= :on AND (c.id IS NULL OR c.event_date > :on) ORDER BY d.id",
            {"on": on.isoformat()},
        )
        return [deposit_of(r) for r in rows]

    def all_open(self) -> list[Deposit]:
        return [deposit_of(r) for r in self.db.rows(SELECT + "WHERE c.id IS NULL ORDER BY d.id")]

    def number_taken(self, number: str) -> bool:
        return (
            self.db.one("SELECT 1 FROM berjangka_deposits WHERE number = :n", {"n": number})
            is not None
        )

    def event(self, event_id: int) -> DepositEvent | None:
        row = self.db.one("SELECT * FROM berjangka_events WHERE id = :id", {"id": event_id})
        return None if row is None else event_of(row)

    def events(self, deposit_id: int) -> list[DepositEvent]:
        rows = self.db.rows(
            "SELECT * FROM berjangka_events WHERE deposit_id = :id ORDER BY event_date, id",
            {"id": deposit_id},
        )
        return [event_of(r) for r in rows]

    def jasa_month_done(self, deposit_id: int, month: str) -> bool:
        return (
            self.db.one(
                "SELECT 1 FROM berjangka_events WHERE deposit_id = :id AND kind = 'jasa'"
                " AND month = :month",
                {"id": deposit_id, "month": month},
            )
            is not None
        )

    def principal_open(self, on: date) -> int:
        """Σ principal of the placements open on `on` (the sub-ledger of 2102)."""
        value = self.db.scalar(
            "SELECT coalesce(sum(d.principal), 0) FROM berjangka_deposits d"
            " WHERE d.start_on <= :on AND NOT EXISTS (SELECT 1 FROM berjangka_events c"
            " WHERE c.deposit_id = d.id AND c.kind <> 'jasa' AND c.event_date <= :on)",
            {"on": on.isoformat()},
        )
        return int(value or 0)

    def next_event_id(self) -> int:
        """The id the next event gets (call inside the writing transaction: the table is
        append-only, so it is max + 1), for the PPh record made before the row."""
        return int(self.db.scalar("SELECT coalesce(max(id), 0) + 1 FROM berjangka_events"))


def _insert(table: str, values: Mapping[str, object]) -> str:
    """`INSERT … RETURNING id` of `values` (their names are the columns)."""
    return (
        f"INSERT INTO {table} ({', '.join(values)})"
        f" VALUES ({', '.join(':' + c for c in values)}) RETURNING id"
    )
