"""`mufakat check` of LEDGER.md §5.4 item 8, over the read-only connection of
app/storage/check.py: each money record's journal re-derived with the mapping of its date
(app/ledger/rules.py) equals the stored one; what the service read from the books when posting
(allowance, deferred and accrued jasa) is taken from the stored journal."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import Counter
from collections.abc import Iterator

from app.errors import AppError
from app.ledger import events as ev
from app.ledger.derive import (
    JASA_METHOD,
    collection_event,
    loan_event,
    savings_event,
)
from app.ledger.mapping import DatedMapping
from app.ledger.models import Resolver
from app.ledger.rules import lines_for
from app.storage import check_accrual, check_berjangka, check_cutover, check_jasa
from app.storage.check_sql import rows, tables
from app.storage.collection_decisions_repo import _fin_event
from app.storage.loans_events_repo import _EVENT_SELECT, _event
from app.storage.savings_repo import _SELECT, _tx


def journal_lines(
    conn: sqlite3.Connection, only: str = ""
) -> dict[int, Counter[tuple[str, int, int]]]:
    """Journal id -> its lines as (account, debit, credit) with their counts; `only`: a
    subquery of the journal ids wanted (by the index on `journal_id`), else every journal."""
    found: dict[int, Counter[tuple[str, int, int]]] = {}
    where = f" WHERE journal_id IN ({only})" if only else ""
    for r in rows(conn, "SELECT journal_id, account, debit, credit FROM journal_lines" + where):
        found.setdefault(r["journal_id"], Counter())[(r["account"], r["debit"], r["credit"])] += 1
    return found


def _mapping(conn: sqlite3.Connection) -> DatedMapping:
    """The account mapping read once (app/ledger/mapping.py): the replay asks it for every
    line of every journal, and a query each (the former way) made the check of a 2,000-member
    file spend most of its time in SQLite."""
    roles = rows(conn, "SELECT id, role, product_id, valid_from, account FROM account_roles")
    methods = rows(conn, "SELECT id, method, valid_from, account FROM payment_method_accounts")
    return DatedMapping(
        [(r["id"], r["role"], r["product_id"], r["valid_from"], r["account"]) for r in roles],
        [(r["id"], r["method"], r["valid_from"], r["account"]) for r in methods],
        _missing,
    )


def _missing(what: str, name: str) -> Exception:
    return AppError(f"komponen {name}" if what == "role" else f"cara bayar {name}")


def _events(conn: sqlite3.Connection) -> Iterator[ev.Event]:
    loans = {
        r["id"]: (r["member_id"], r["product_id"])
        for r in rows(conn, "SELECT id, member_id, product_id FROM loans")
    }
    imported = check_cutover.imported(conn)
    for row in rows(
        conn, _SELECT + f"WHERE s.tx_type <> 'pembalikan' AND s.method <> '{JASA_METHOD}'"
    ):
        derived = savings_event(_tx(row))
        assert isinstance(derived, ev.Event)
        yield derived
    for row in rows(conn, _EVENT_SELECT + "WHERE e.kind <> 'pembalikan'"):
        payment = _event(row, ())
        derived = loan_event(payment, *loans[payment.loan_id], None, imported.get(payment.loan_id))
        assert isinstance(derived, ev.Event)
        yield derived
    yield from check_jasa.events(conn)
    if "collection_fin_events" not in tables(conn):
        return
    for row in rows(conn, "SELECT * FROM collection_fin_events"):
        f = _fin_event(row)
        yield collection_event(f, *loans[f.loan_id])
    yield from check_accrual.accrual_events(conn)


def _with_state(event: ev.Event, stored: Counter[tuple[str, int, int]], r: Resolver) -> ev.Event:
    """What the service read from the books when posting (allowance, deferred and accrued
    jasa) taken from the stored journal: the rest is re-derived."""

    def debit(role: str) -> int:
        account = r.role(role)
        return sum(d * n for (a, d, _), n in stored.items() if a == account)

    def credit(role: str) -> int:
        account = r.role(role)
        return sum(k * n for (a, _, k), n in stored.items() if a == account)

    if isinstance(event, ev.WriteOff):
        return dataclasses.replace(
            event,
            allowance=debit("ppap_cadangan"),
            deferred_jasa=debit("jasa_ditangguhkan"),
            accrued_jasa=credit("jasa_akrual"),
        )
    if isinstance(event, ev.Waiver):
        return dataclasses.replace(
            event, allowance=debit("ppap_cadangan"), accrued_jasa=credit("jasa_akrual")
        )
    if isinstance(event, ev.Settlement):
        return dataclasses.replace(event, allowance=debit("ppap_cadangan"))
    if isinstance(event, ev.InstalmentPayment | ev.TitipanApplied):
        return dataclasses.replace(event, jasa_accrued=credit("jasa_akrual"))
    return event


def mismatches(conn: sqlite3.Connection) -> list[str]:
    """§5.4 item 8: the journals (by number, with what differs) whose record re-derived with
    the mapping of its date does not give the stored journal."""
    journals = {
        (r["source"], r["source_id"], r["role"]): (r["id"], r["number"])
        for r in rows(conn, "SELECT source, source_id, role, id, number FROM journals")
    }
    lines = journal_lines(conn)
    mapping = _mapping(conn)
    wrong: list[str] = []
    for event in _events(conn):
        found = journals.get(event.key())
        if found is None:
            continue  # reported by `booked`
        stored = lines.get(found[0], Counter())
        resolver = mapping.resolver(event.on, event.product_id)
        try:
            event = _with_state(event, stored, resolver)
            derived = Counter((x.account, x.debit, x.credit) for x in lines_for(event, resolver))
        except AppError as exc:
            wrong.append(f"{found[1]} ({exc.message})")
            continue
        if derived != stored:
            wrong.append(f"{found[1]} ({event.LABEL} {event.source_id})")
    wrong += check_berjangka.replay(conn, journals, lines, mapping.resolver)
    return wrong
