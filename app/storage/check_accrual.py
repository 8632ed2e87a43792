"""`mufakat check` of the jasa accrual (akrual Lancar) over the read-only connection: each
accrual row has its journal, each journal re-derives from its row, and 1109 per loan equals the
sub-ledger of accrued jasa replayed from the records (app/ledger/accrual.py), not read from it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date

from app.ledger import events as ev
from app.ledger.accrual import AccrualStep, accrual_event, accrued_by_loan
from app.money import format_rupiah
from app.storage.check_sql import rows, tables
from app.storage.loans_accruals_repo import accrual_from_row

TABLE = "loan_jasa_accruals"
ACCRUAL_SOURCES = (ev.JasaAccrual.SOURCE, ev.AccrualDowngrade.SOURCE)
# (loan event kinds, journal key source, role) whose jasa settles accrued jasa first
_PAYMENTS = (
    ("'pembayaran'", ev.InstalmentPayment.SOURCE, ev.InstalmentPayment.ROLE),
    ("'titipan_diterapkan'", ev.TitipanApplied.SOURCE, ev.TitipanApplied.ROLE),
    ("'keringanan'", ev.Waiver.SOURCE, ev.Waiver.ROLE),  # potongan pelunasan: never accrued
)


def _has_table(conn: sqlite3.Connection) -> bool:
    return TABLE in tables(conn)


def accrual_events(conn: sqlite3.Connection) -> Iterator[ev.Event]:
    """The ledger event of every accrual row (for the replay of §5.4 item 8)."""
    if not _has_table(conn):
        return
    for row in rows(
        conn,
        f"SELECT a.*, l.member_id, l.product_id FROM {TABLE} a JOIN loans l ON l.id = a.loan_id",
    ):
        yield accrual_event(accrual_from_row(row), row["member_id"], row["product_id"])


def unbooked(conn: sqlite3.Connection, until: str) -> list[str]:
    """Accrual rows up to `until` without their journal."""
    if not _has_table(conn):
        return []
    sources = ", ".join(f"'{s}'" for s in ACCRUAL_SOURCES)
    return [
        str(r["id"])
        for r in rows(
            conn,
            f"SELECT a.id FROM {TABLE} a WHERE a.as_of <= :until AND NOT EXISTS (SELECT 1 FROM"
            f" journals j WHERE j.source IN ({sources}) AND j.source_id = a.id)",
            {"until": until},
        )
    ]


def _steps(conn: sqlite3.Connection) -> Iterator[AccrualStep]:
    sources = ", ".join(f"'{s}'" for s in ACCRUAL_SOURCES)
    for r in rows(
        conn,
        f"SELECT j.id, j.date, a.as_of, a.loan_id, a.amount FROM {TABLE} a JOIN journals j"
        f" ON j.source IN ({sources}) AND j.source_id = a.id",
    ):
        yield AccrualStep(r["id"], date.fromisoformat(r["date"]), date.fromisoformat(r["as_of"]),
                          r["loan_id"], "akrual", r["amount"])  # fmt: skip
    for kinds, source, role in _PAYMENTS:
        for r in rows(
            conn,
            "SELECT j.id, j.date, e.event_date, e.loan_id, e.jasa FROM loan_events e JOIN"
            " journals j ON j.source = :source AND j.source_id = e.id AND j.role = :role"
            f" WHERE e.kind IN ({kinds}) AND e.jasa > 0",
            {"source": source, "role": role},
        ):
            yield AccrualStep(r["id"], date.fromisoformat(r["date"]),
                              date.fromisoformat(r["event_date"]), r["loan_id"], "bayar",
                              r["jasa"])  # fmt: skip
    written_off = []
    if "collection_fin_events" in tables(conn):
        written_off = rows(
            conn,
            "SELECT j.id, j.date, f.event_date, f.loan_id FROM collection_fin_events f JOIN"
            " journals j ON j.source = :source AND j.source_id = f.id AND j.role = :role"
            " WHERE f.kind = 'hapus_buku'",
            {"source": ev.WriteOff.SOURCE, "role": ev.WriteOff.ROLE},
        )
    for r in written_off:
        yield AccrualStep(r["id"], date.fromisoformat(r["date"]),
                          date.fromisoformat(r["event_date"]), r["loan_id"], "hapus")  # fmt: skip
    for r in rows(conn, "SELECT id, date, reverses_id FROM journals WHERE reverses_id IS NOT NULL"):
        on = date.fromisoformat(r["date"])
        yield AccrualStep(r["id"], on, on, 0, "balik", reverses=r["reverses_id"])


def accrued_control(
    conn: sqlite3.Connection, role: Callable[[str], str], end: date | None = None
) -> list[str]:
    """1109 (the account of `jasa_akrual`) per loan against the replayed sub-ledger, of the
    journals dated up to `end` (None: all)."""
    if not _has_table(conn):
        return []
    account = role("jasa_akrual")
    until = date.max if end is None else end
    expected = accrued_by_loan(s for s in _steps(conn) if s.posted_on <= until)
    booked = {
        int(r["loan_id"]): int(r["balance"])
        for r in rows(
            conn,
            "SELECT l.loan_id, sum(l.debit) - sum(l.credit) AS balance FROM journal_lines l"
            " JOIN journals j ON j.id = l.journal_id WHERE l.account = :account"
            " AND l.loan_id IS NOT NULL AND j.date <= :until GROUP BY l.loan_id",
            {"account": account, "until": until.isoformat()},
        )
    }
    wrong = [
        f"pinjaman {loan}: buku besar {format_rupiah(booked.get(loan, 0))}, rincian "
        f"{format_rupiah(expected.get(loan, 0))}"
        for loan in sorted(set(booked) | set(expected))
        if booked.get(loan, 0) != expected.get(loan, 0)
    ]
    if not wrong:
        return []
    sample = ", ".join(wrong[:5]) + (" …" if len(wrong) > 5 else "")
    return [
        f"Akun {account} jasa akrual per pinjaman tidak sama dengan rincian akrual: "
        f"{len(wrong)} ({sample})"
    ]
