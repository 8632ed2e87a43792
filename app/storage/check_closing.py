"""`mufakat check` on the closed books (LEDGER.md §5.4 items 6 and 7, and 2109 of item 4): no
journal written into a period that was locked at the time (the year-end tax journal and the
jurnal penutup excepted); each RAT's SHU allocation equals the year's SHU moved to 3107 by the
jurnal penutup and the allocation journal's debit of 3107, its pools add up to it and the
members' rows to the JMA and JUA pools; 2109 equals the shares not yet paid."""

from __future__ import annotations

import json
import sqlite3

from app.money import format_rupiah
from app.storage.check_sql import amount, rows, tables

YEAR_END_SOURCE = "tutup_buku"  # the jurnal penutup: (source, year, "penutup")
YEAR_TAX_SOURCE = "pajak_tahunan"  # the year-end tax journal: (source, year, "pajak")
YEAR_END_SOURCES = (YEAR_END_SOURCE, YEAR_TAX_SOURCE)  # dated 31 December after its lock
ALLOCATION_SOURCE = "shu_alokasi"


def locked(conn: sqlite3.Connection) -> list[str]:
    """§5.4 item 6: nothing posted on or before the lock date in force when it was written."""
    if "period_locks" not in tables(conn):
        return []
    found = rows(
        conn,
        "SELECT j.number, j.date, p.lock_date FROM journals j JOIN period_locks p"
        " ON p.id = (SELECT max(q.id) FROM period_locks q WHERE q.created_at < j.created_at)"
        " WHERE p.lock_date IS NOT NULL AND j.date <= p.lock_date"
        " AND j.source NOT IN (:year_end, :year_tax) ORDER BY j.id",
        {"year_end": YEAR_END_SOURCE, "year_tax": YEAR_TAX_SOURCE},
    )
    return [
        f"Jurnal {r['number']} bertanggal {r['date']} ditulis saat pembukuan terkunci sampai"
        f" {r['lock_date']}."
        for r in found
    ]


def shu(conn: sqlite3.Connection) -> list[str]:
    """§5.4 item 7 for every allocation, and 2109 = Σ shares not yet paid."""
    if "shu_allocations" not in tables(conn):
        return []
    problems: list[str] = []
    for a in rows(conn, "SELECT id, year, shu, pools FROM shu_allocations ORDER BY year"):
        allocation_id, year, shu_amount = int(a["id"]), int(a["year"]), int(a["shu"])
        pools = json.loads(a["pools"])
        what = f"SHU tahun buku {year}"
        if sum(int(v) for v in pools.values()) != shu_amount:
            problems.append(
                f"{what}: jumlah dana tidak sama dengan SHU {format_rupiah(shu_amount)}."
            )
        for pool in ("jma", "jua"):
            members = amount(
                conn,
                f"SELECT sum({pool}) FROM shu_shares WHERE allocation_id = :allocation",
                {"allocation": allocation_id},
            )
            if members != int(pools.get(pool, 0)):
                problems.append(
                    f"{what}: baris anggota {pool.upper()} {format_rupiah(members)}, dana "
                    f"{format_rupiah(int(pools.get(pool, 0)))}."
                )
        closed = amount(
            conn,
            "SELECT sum(l.credit) - sum(l.debit) FROM journal_lines l JOIN journals j"
            " ON j.id = l.journal_id WHERE j.source = :source AND j.source_id = :id"
            " AND l.account = '3107'",
            {"source": YEAR_END_SOURCE, "id": year},
        )
        allocated = amount(
            conn,
            "SELECT sum(l.debit) - sum(l.credit) FROM journal_lines l JOIN journals j"
            " ON j.id = l.journal_id WHERE j.source = :source AND j.source_id = :id"
            " AND l.account = '3107'",
            {"source": ALLOCATION_SOURCE, "id": allocation_id},
        )
        if not closed == allocated == shu_amount:
            problems.append(
                f"{what}: dibagi {format_rupiah(shu_amount)}, jurnal pembagian mendebet 3107 "
                f"{format_rupiah(allocated)}, jurnal penutup mengkredit 3107 "
                f"{format_rupiah(closed)}."
            )
    unpaid = amount(
        conn,
        "SELECT sum(s.jma + s.jua) FROM shu_shares s WHERE NOT EXISTS"
        " (SELECT 1 FROM shu_payouts p WHERE p.share_id = s.id)",
    )
    booked = amount(
        conn, "SELECT sum(credit) - sum(debit) FROM journal_lines WHERE account = '2109'"
    )
    if booked != unpaid:
        problems.append(
            f"Akun 2109 utang SHU anggota: buku besar {format_rupiah(booked)}, bagian SHU belum "
            f"dibayar {format_rupiah(unpaid)}."
        )
    return problems
