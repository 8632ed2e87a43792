"""`mufakat check`: the month totals (step 0022) equal the sums of the journal lines, per
account, month and kind (the jurnal penutup apart), sums of debit and credit and line count.
A difference means the table was edited outside the program (or a writer bypassed the
trigger): every balance to a date would be wrong, so it is a problem, named per account."""

from __future__ import annotations

import sqlite3

from app.storage.check_sql import rows, tables

SAMPLE = 5


def month_totals(conn: sqlite3.Connection) -> list[str]:
    if "ledger_month_totals" not in tables(conn):
        return []
    stored = {
        (r["account"], r["month"], r["closing"]): (r["debit"], r["credit"], r["lines"])
        for r in rows(
            conn, "SELECT account, month, closing, debit, credit, lines FROM ledger_month_totals"
        )
    }
    actual = {
        (r["account"], r["month"], r["closing"]): (r["debit"], r["credit"], r["lines"])
        for r in rows(
            conn,
            "SELECT l.account, substr(j.date, 1, 7) AS month,"
            " CASE WHEN j.source = 'tutup_buku' THEN 1 ELSE 0 END AS closing,"
            " CAST(sum(l.debit) AS BIGINT) AS debit, CAST(sum(l.credit) AS BIGINT) AS credit,"
            " count(*) AS lines FROM journal_lines l JOIN journals j"
            " ON j.id = l.journal_id GROUP BY 1, 2, 3",
        )
    }
    wrong = sorted(
        key for key in stored.keys() | actual.keys() if stored.get(key) != actual.get(key)
    )
    if not wrong:
        return []
    sample = ", ".join(f"{account} {month}" for account, month, _ in wrong[:SAMPLE])
    more = " …" if len(wrong) > SAMPLE else ""
    return [
        "saldo per bulan (ledger_month_totals) tidak sama dengan jumlah baris jurnal: "
        f"{len(wrong)} ({sample}{more})"
    ]
