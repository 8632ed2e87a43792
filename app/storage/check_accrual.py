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
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).fetchone()
    return found is not None


def accrual_events(conn: sqlite3.Connection) -> Iterator[ev.Event]:
    """The ledger event of every accrual row (for the replay of §5.4 item 8)."""
    if not _has_table(conn):
        return
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    rows = cursor.execute(
        f"SELECT a.*, l.member_id, l.product_id FROM {TABLE} a JOIN loans l ON l.id = a.loan_id"
    ).fetchall()
    for row in rows:
        yield accrual_event(accrual_from_row(row), row["member_id"], row["product_id"])


def unbooked(conn: sqlite3.Connection, until: str) -> list[str]:
    """Accrual rows up to `until` without their journal."""
    if not _has_table(conn):
        return []
    sources = ", ".join(f"'{s}'" for s in ACCRUAL_SOURCES)
    return [
        str(r[0])
        for r in conn.execute(
            f"SELECT a.id FROM {TABLE} a WHERE a.as_of <= ? AND NOT EXISTS (SELECT 1 FROM"
            f" journals j WHERE j.source IN ({sources}) AND j.source_id = a.id)",
            (until,),
        )
    ]


def _steps(conn: sqlite3.Connection) -> Iterator[AccrualStep]:
    sources = ", ".join(f"'{s}'" for s in ACCRUAL_SOURCES)
    for jid, posted, as_of, loan, amount in conn.execute(
        f"SELECT j.id, j.date, a.as_of, a.loan_id, a.amount FROM {TABLE} a JOIN journals j"
        f" ON j.source IN ({sources}) AND j.source_id = a.id"
    ):
        yield AccrualStep(
            jid, date.fromisoformat(posted), date.fromisoformat(as_of), loan, "akrual", amount
        )
    for kinds, source, role in _PAYMENTS:
        for jid, posted, as_of, loan, jasa in conn.execute(
            "SELECT j.id, j.date, e.event_date, e.loan_id, e.jasa FROM loan_events e JOIN"
            " journals j ON j.source = ? AND j.source_id = e.id AND j.role = ?"
            f" WHERE e.kind IN ({kinds}) AND e.jasa > 0",
            (source, role),
        ):
            yield AccrualStep(
                jid, date.fromisoformat(posted), date.fromisoformat(as_of), loan, "bayar", jasa
            )
    try:
        written_off = conn.execute(
            "SELECT j.id, j.date, f.event_date, f.loan_id FROM collection_fin_events f JOIN"
            " journals j ON j.source = ? AND j.source_id = f.id AND j.role = ?"
            " WHERE f.kind = 'hapus_buku'",
            (ev.WriteOff.SOURCE, ev.WriteOff.ROLE),
        ).fetchall()
    except sqlite3.OperationalError:
        written_off = []
    for jid, posted, as_of, loan in written_off:
        yield AccrualStep(jid, date.fromisoformat(posted), date.fromisoformat(as_of), loan, "hapus")
    for jid, posted, reverses in conn.execute(
        "SELECT id, date, reverses_id FROM journals WHERE reverses_id IS NOT NULL"
    ):
        on = date.fromisoformat(posted)
        yield AccrualStep(jid, on, on, 0, "balik", reverses=reverses)


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
        int(r[0]): int(r[1])
        for r in conn.execute(
            "SELECT l.loan_id, sum(l.debit) - sum(l.credit) FROM journal_lines l JOIN journals j"
            " ON j.id = l.journal_id WHERE l.account = ? AND l.loan_id IS NOT NULL"
            " AND j.date <= ? GROUP BY l.loan_id",
            (account, until.isoformat()),
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
