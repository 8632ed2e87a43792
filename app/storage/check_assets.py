"""`mufakat check` of the fixed assets (LEDGER.md §5.4 items 3 and 4): each purchase and each
month's depreciation has its journal; Akumulasi penyusutan (1309, credit balance) equals the
depreciation the opening balances hold plus the depreciation rows. Over the read-only
connection."""

from __future__ import annotations

from typing import Any

from app.money import format_rupiah
from app.storage.check_sql import steps

STEP = "0028_fixed_assets"  # the step that made the register's tables

UNBOOKED = (
    (
        "pembelian aset tetap tanpa jurnal",
        "SELECT a.id FROM fixed_assets a WHERE a.origin = 'pembelian' AND NOT EXISTS (SELECT 1"
        " FROM journals j WHERE j.source = 'aset_tetap' AND j.source_id = a.id"
        " AND j.role = 'perolehan')",
    ),
    (
        "penyusutan aset tetap tanpa jurnal",
        "SELECT d.id FROM asset_depreciation d WHERE NOT EXISTS (SELECT 1 FROM journals j"
        " WHERE j.source = 'penyusutan' AND j.source_id = d.id AND j.role = 'penyusutan')",
    ),
)
DETAIL = (
    "SELECT (SELECT coalesce(sum(opening_accumulated), 0) FROM fixed_assets)"
    " + (SELECT coalesce(sum(amount), 0) FROM asset_depreciation)"
)


def _has_tables(conn: Any) -> bool:
    """The file has the register (`mufakat check` also reads files of older versions)."""
    return STEP in steps(conn)


def unbooked(conn: Any) -> list[str]:
    if not _has_tables(conn):
        return []
    problems = []
    for description, sql in UNBOOKED:
        ids = [str(r[0]) for r in conn.execute(sql)]
        if ids:
            problems.append(f"{description}: {', '.join(ids[:5])}")
    return problems


def control(conn: Any, account: str) -> list[str]:
    """1309 (credit balance) = Σ opening accumulated + Σ depreciation rows."""
    if not _has_tables(conn):
        return []
    booked = -int(
        conn.execute(
            "SELECT coalesce(sum(debit), 0) - coalesce(sum(credit), 0) FROM journal_lines"
            " WHERE account = :account",
            {"account": account},
        ).fetchone()[0]
    )
    detail = int(conn.execute(DETAIL).fetchone()[0])
    if booked == detail:
        return []
    return [
        f"Akun {account} akumulasi penyusutan: buku besar {format_rupiah(booked)}, rincian "
        f"(saldo awal dan penyusutan aset tetap) {format_rupiah(detail)}."
    ]
