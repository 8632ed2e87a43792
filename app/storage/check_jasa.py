"""`mufakat check` of jasa simpanan and its PPh 4(2) (LEDGER.md §5.4 items 3, 4 and 8): each
month-end jasa row and each PPh deposit has its journal; their journals re-derive; 2106 equals
the PPh withheld less the PPh deposited. Files from before step 0024 have nothing to check."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date

from app.ledger import events as ev
from app.ledger.derive import JASA_SOURCE, jasa_sukarela_event
from app.money import format_rupiah

PPH_PAYABLE = "utang_pph42"


def booked_checks() -> list[tuple[str, str]]:
    """(description, SQL of the ids without their journal) in check_ledger.booked's shape."""
    return [
        (
            "jasa simpanan tanpa jurnal",
            "SELECT t.id FROM jasa_sukarela t WHERE t.month <= :month_until AND NOT EXISTS"
            f" (SELECT 1 FROM journals j WHERE j.source = '{JASA_SOURCE}' AND j.source_id = t.id"
            " AND j.role = 'jasa')",
        ),
        (
            "setoran PPh 4(2) tanpa jurnal",
            "SELECT t.id FROM pph_setoran t WHERE t.paid_on <= :until AND NOT EXISTS"
            f" (SELECT 1 FROM journals j WHERE j.source = '{ev.PphDeposit.SOURCE}'"
            f" AND j.source_id = t.id AND j.role = '{ev.PphDeposit.ROLE}')",
        ),
    ]


def _rows(conn: sqlite3.Connection, sql: str) -> list[sqlite3.Row]:
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    try:
        return list(cursor.execute(sql).fetchall())
    except sqlite3.OperationalError:
        return []  # a file from before step 0024


def events(conn: sqlite3.Connection) -> Iterator[ev.Event]:
    for row in _rows(
        conn,
        "SELECT j.*, r.credited_on FROM jasa_sukarela j JOIN jasa_sukarela_runs r"
        " ON r.id = j.run_id",
    ):
        on = date.fromisoformat(row["credited_on"])
        yield jasa_sukarela_event(row["id"], on, row["member_id"], row["gross"], row["tax"])
    for row in _rows(conn, "SELECT * FROM pph_setoran"):
        yield ev.PphDeposit(
            source_id=row["id"],
            on=date.fromisoformat(row["paid_on"]),
            amount=row["amount"],
            method=row["method"],
        )


def controls(conn: sqlite3.Connection) -> list[str]:
    """2106 (the PPh payable's account) = Σ PPh withheld − Σ PPh deposited."""
    withheld = _rows(conn, "SELECT coalesce(sum(tax), 0) FROM pph_potongan")
    deposited = _rows(conn, "SELECT coalesce(sum(amount), 0) FROM pph_setoran")
    found = conn.execute(
        "SELECT account FROM account_roles WHERE role = ? AND product_id IS NULL"
        " ORDER BY valid_from DESC, id DESC LIMIT 1",
        (PPH_PAYABLE,),
    ).fetchone()
    if not withheld or found is None:
        return []
    account = str(found[0])
    expected = int(withheld[0][0]) - int(deposited[0][0])
    row = conn.execute(
        "SELECT coalesce(sum(credit), 0) - coalesce(sum(debit), 0) FROM journal_lines"
        " WHERE account = ?",
        (account,),
    ).fetchone()
    booked = int(row[0])
    if booked == expected:
        return []
    return [
        f"Akun {account} utang PPh 4(2): buku besar {format_rupiah(booked)}, dipotong − "
        f"disetor {format_rupiah(expected)}."
    ]
