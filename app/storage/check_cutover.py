"""`mufakat check` of the cut-over (LEDGER.md §5.4 item 9): 3999 is zero once the opening
balance is imported; in a file brought in by the imports, no journal that posts anything is
dated before the cut-over except the opening ones, and nothing of an imported loan before its
own cut-over."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.ledger.derive import ImportedLoan, imported_loan
from app.money import format_rupiah
from app.storage.check_sql import amount, rows, tables
from app.storage.imports_loans_repo import imported_loans

OPENING_SOURCE = "saldo_awal"  # the opening journals (app/imports/opening, app/ledger/history)
SAMPLE = 5


def opened(conn: sqlite3.Connection, balance_3999: int) -> list[str]:
    """Once the books' opening balance is imported, 3999 Selisih saldo awal is zero."""
    if "import_batches" not in tables(conn):
        return []  # a file from before the imports
    opened = rows(conn, "SELECT 1 AS found FROM import_batches WHERE kind = 'opening'")
    if not opened or balance_3999 == 0:
        return []
    return [
        "Akun 3999 Selisih saldo awal setelah saldo awal: buku besar "
        f"{format_rupiah(balance_3999)}, rincian {format_rupiah(0)}."
    ]


def imported(conn: sqlite3.Connection) -> dict[int, ImportedLoan]:
    """Each loan the cut-over import brought in, with its cut-over (none: an older file)."""
    try:
        return {row[0]: imported_loan(*row[1:]) for row in imported_loans(conn)}
    except sqlite3.OperationalError:
        return {}


def cutover(conn: sqlite3.Connection) -> list[str]:
    if "import_batches" not in tables(conn):
        return []  # a file from before the imports
    if not amount(conn, "SELECT count(*) FROM import_batches"):
        return []
    loans = imported(conn)
    starts = [x.cut for x in loans.values()]
    for sql in (
        "SELECT min(tx_date) AS first FROM savings_transactions WHERE method = 'saldo_awal'",
        f"SELECT min(date) AS first FROM journals WHERE source = '{OPENING_SOURCE}'"
        " AND source_id <> 0",
    ):
        first = rows(conn, sql)[0]["first"]
        if first is not None:
            starts.append(date.fromisoformat(first))
    if not starts:
        return []
    cut = min(starts).isoformat()
    early = [
        f"{r['number']} ({r['date']})"
        for r in rows(
            conn,
            "SELECT j.number, j.date FROM journals j WHERE j.date < :cut AND j.source <> :opening"
            " AND EXISTS (SELECT 1 FROM journal_lines l WHERE l.journal_id = j.id) ORDER BY j.id",
            {"cut": cut, "opening": OPENING_SOURCE},
        )
    ]
    if loans:  # one pass: an imported loan's lines dated before its own cut-over
        last = max(x.cut for x in loans.values()).isoformat()
        lines = rows(
            conn,
            "SELECT DISTINCT l.loan_id, j.number, j.date, j.id FROM journals j"
            " JOIN journal_lines l ON l.journal_id = j.id WHERE l.loan_id IS NOT NULL"
            " AND j.date >= :cut AND j.date < :last ORDER BY j.id",
            {"cut": cut, "last": last},
        )
        early += [
            f"{r['number']} ({r['date']}, pinjaman #{r['loan_id']})"
            for r in lines
            if r["loan_id"] in loans and r["date"] < loans[r["loan_id"]].cut.isoformat()
        ]
    if not early:
        return []
    sample = ", ".join(early[:SAMPLE]) + (" …" if len(early) > SAMPLE else "")
    return [
        f"Jurnal bertanggal sebelum peralihan ({min(starts):%d-%m-%Y}): {len(early)} ({sample})"
    ]
