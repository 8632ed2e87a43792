"""`mufakat check` of jasa simpanan and its PPh 4(2) (LEDGER.md §5.4 items 3, 4 and 8): each
month-end jasa row and each PPh deposit has its journal; their journals re-derive; 2106 equals
the PPh withheld plus the kurang potong booked less the PPh deposited (= terutang − deposited);
each deposit is its month's whole PPh terutang and its kurang potong rows are each member's
terutang less what was withheld. Files from before step 0024 (0026) have nothing to check."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date

from app.ledger import events as ev
from app.ledger.derive import JASA_SOURCE, jasa_sukarela_event
from app.money import format_rupiah
from app.savings.pph_withholding import month_due
from app.storage import check_sql

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


def _rows(
    conn: sqlite3.Connection, sql: str, params: dict[str, object] | None = None
) -> list[sqlite3.Row]:
    try:
        return check_sql.rows(conn, sql, params or {})
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
    short = {
        int(r["deposit_id"]): int(r["amount"])
        for r in _rows(
            conn,
            "SELECT deposit_id, sum(amount) AS amount FROM pph_kurang_potong GROUP BY deposit_id",
        )
    }
    for row in _rows(conn, "SELECT * FROM pph_setoran"):
        yield ev.PphDeposit(
            source_id=row["id"],
            on=date.fromisoformat(row["paid_on"]),
            amount=row["amount"],
            method=row["method"],
            shortfall=short.get(row["id"], 0),
        )


def _shortfall_problems(conn: sqlite3.Connection) -> list[str]:
    """Each deposit is the month's whole PPh terutang; its kurang potong rows are, per member,
    the terutang less what was withheld."""
    problems = []
    booked: dict[tuple[str, int], int] = {
        (str(r["month"]), int(r["member_id"])): int(r["amount"])
        for r in _rows(conn, "SELECT month, member_id, amount FROM pph_kurang_potong")
    }
    for deposit in _rows(conn, "SELECT id, month, amount FROM pph_setoran"):
        month = str(deposit["month"])
        units = [
            (int(r["member_id"]), str(r["unit"]), r["per_account"] == 1, int(r["gross"]))
            for r in _rows(
                conn,
                "SELECT member_id, unit, per_account, sum(gross) AS gross FROM pph_potongan"
                " WHERE month = :month GROUP BY member_id, unit, per_account",
                {"month": month},
            )
        ]
        taxed = {
            int(r["member_id"]): int(r["tax"])
            for r in _rows(
                conn,
                "SELECT member_id, sum(tax) AS tax FROM pph_potongan WHERE month = :month"
                " GROUP BY member_id",
                {"month": month},
            )
        }
        due = month_due(units)
        if sum(due.values()) != int(deposit["amount"]):
            problems.append(
                f"Setoran PPh 4(2) bulan {month} {format_rupiah(int(deposit['amount']))}, PPh"
                f" terutang {format_rupiah(sum(due.values()))}."
            )
        for member_id, amount in due.items():
            short = amount - taxed.get(member_id, 0)
            found = booked.get((month, member_id), 0)
            if short > 0 and found != short:
                problems.append(
                    f"Kurang potong PPh 4(2) bulan {month} anggota {member_id}: seharusnya"
                    f" {format_rupiah(short)}, dicatat {format_rupiah(found)}."
                )
    return problems


def controls(conn: sqlite3.Connection) -> list[str]:
    """2106 (the PPh payable's account) = Σ PPh withheld + Σ kurang potong − Σ PPh deposited
    (= terutang − deposited); the deposits and kurang potong rows against the rule."""
    problems = _shortfall_problems(conn)
    withheld = _rows(
        conn,
        "SELECT (SELECT coalesce(sum(tax), 0) FROM pph_potongan)"
        " + (SELECT coalesce(sum(amount), 0) FROM pph_kurang_potong) AS amount",
    )
    if not withheld:
        withheld = _rows(conn, "SELECT coalesce(sum(tax), 0) AS amount FROM pph_potongan")
    deposited = _rows(conn, "SELECT coalesce(sum(amount), 0) AS amount FROM pph_setoran")
    found = check_sql.one(
        conn,
        "SELECT account FROM account_roles WHERE role = :role AND product_id IS NULL"
        " ORDER BY valid_from DESC, id DESC LIMIT 1",
        {"role": PPH_PAYABLE},
    )
    if not withheld or found is None:
        return problems
    account = str(found["account"])
    expected = int(withheld[0]["amount"]) - int(deposited[0]["amount"])
    booked = check_sql.amount(
        conn,
        "SELECT coalesce(sum(credit), 0) - coalesce(sum(debit), 0) FROM journal_lines"
        " WHERE account = :account",
        {"account": account},
    )
    if booked == expected:
        return problems
    return [
        *problems,
        f"Akun {account} utang PPh 4(2): buku besar {format_rupiah(booked)}, terutang − "
        f"disetor {format_rupiah(expected)}.",
    ]
