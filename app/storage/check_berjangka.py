"""`mufakat check` of simpanan berjangka (LEDGER.md §5.4 items 3, 4 and 8): each placement and
event has its journal; the control account 2102 equals the principal of the open placements;
each journal equals the one re-derived from its record. Over the read-only connection."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date
from typing import Any

from app.errors import AppError
from app.ledger import events as ev
from app.ledger.derive import berjangka_event, berjangka_open_event
from app.ledger.models import Resolver
from app.ledger.rules import lines_for
from app.money import format_rupiah
from app.savings.berjangka import Deposit
from app.storage.berjangka_repo import deposit_of, event_of
from app.storage.check_sql import amount, rows, tables

_DEPOSITS = (
    "SELECT d.*, NULL AS closed_on, NULL AS closed_kind, 0 AS jasa_paid FROM berjangka_deposits d"
)
OPEN_PRINCIPAL = (
    "SELECT coalesce(sum(d.principal), 0) FROM berjangka_deposits d WHERE NOT EXISTS"
    " (SELECT 1 FROM berjangka_events c WHERE c.deposit_id = d.id AND c.kind <> 'jasa')"
)


def _has_tables(conn: sqlite3.Connection) -> bool:
    return "berjangka_events" in tables(conn)


def berjangka_events(conn: sqlite3.Connection, until: str = "9999-12-31") -> list[ev.Event]:
    """The ledger events of every placement and berjangka event dated up to `until`."""
    if not _has_tables(conn):
        return []
    deposits: dict[int, Deposit] = {r["id"]: deposit_of(r) for r in rows(conn, _DEPOSITS)}
    found: list[ev.Event] = [
        berjangka_open_event(d) for d in deposits.values() if d.start_on.isoformat() <= until
    ]
    for row in rows(
        conn, "SELECT * FROM berjangka_events WHERE event_date <= :until", {"until": until}
    ):
        e = event_of(row)
        found.append(berjangka_event(e, deposits[e.deposit_id]))
    return found


def unbooked(conn: sqlite3.Connection, until: date | None = None) -> list[str]:
    """§5.4.3: placements and events without their journal."""
    events = berjangka_events(conn, "9999-12-31" if until is None else until.isoformat())
    keys = {
        (r["source"], r["source_id"], r["role"])
        for r in rows(conn, "SELECT source, source_id, role FROM journals")
    }
    return [f"{e.LABEL} {e.note}" for e in events if e.key() not in keys]


def control(conn: sqlite3.Connection, account: str) -> list[str]:
    """§5.4.4: 2102 (credit balance) = Σ principal of the open placements."""
    if not _has_tables(conn):
        return []
    booked = -amount(
        conn,
        "SELECT coalesce(sum(debit), 0) - coalesce(sum(credit), 0) FROM journal_lines"
        " WHERE account = :account",
        {"account": account},
    )
    detail = amount(conn, OPEN_PRINCIPAL)
    if booked == detail:
        return []
    return [
        f"Akun {account} simpanan berjangka: buku besar {format_rupiah(booked)}, rincian "
        f"(pokok simpanan berjangka yang masih berjalan) {format_rupiah(detail)}."
    ]


def replay(
    conn: sqlite3.Connection,
    journals: dict[tuple[str, int, str], tuple[int, str]],
    lines: dict[int, Counter[tuple[str, int, int]]],
    resolver: Any,
) -> list[str]:
    """§5.4.8: each berjangka journal equals the one re-derived from its record. `resolver`
    (on, product_id) → the Resolver of that date."""
    wrong = []
    for event in berjangka_events(conn):
        found = journals.get(event.key())
        if found is None:
            continue
        r: Resolver = resolver(event.on, None)
        try:
            derived = Counter((x.account, x.debit, x.credit) for x in lines_for(event, r))
        except AppError as exc:
            wrong.append(f"{found[1]} ({exc.message})")
            continue
        if derived != lines.get(found[0], Counter()):
            wrong.append(f"{found[1]} ({event.LABEL} {event.source_id})")
    return wrong
