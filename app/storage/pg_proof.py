"""Proof that a cooperative moved to the office server is the same cooperative (issue 15):
row counts of every table, a hash of each money table's content, and the trial balance — each
read with the same portable SQL on both engines (`Engine`), so neither side is trusted to
compute the other's figure.

A table's hash does not depend on row order (the engines sort text differently) and takes
constant memory: each row's canonical content (its (column name, value) pairs in name order,
NULLs left out, bytes as their sha256) is hashed with sha256, and the row hashes are added as
numbers modulo 2²⁵⁶ (a multiset hash: a missing, extra, changed or duplicated row changes the
sum). The rows are read through `fetch`, which the move gives as streaming cursors on both
engines."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.storage.engine import Engine, Row

MONEY_TABLES = (
    "savings_transactions", "loan_events", "loan_event_lines", "loan_denda_charges",
    "loan_balances", "loan_schedule_lines", "loan_jasa_accruals", "journals", "journal_lines",
    "ledger_month_totals", "berjangka_deposits", "berjangka_events", "jasa_sukarela",
    "shu_shares", "shu_payouts", "pph_potongan", "pph_setoran", "pph_kurang_potong",
    "payroll_items", "asset_depreciation", "collection_fin_events", "bank_clearings",
)  # fmt: skip
"""The tables whose content is hashed on both sides (those present in the file)."""

MODULUS = 1 << 256
Fetch = Callable[[str], Iterable[Row]]
"""Rows of a SELECT, one after the other (`Engine.rows` reads them all at once)."""

TRIAL_BALANCE = (
    "SELECT account, sum(debit) AS debit, sum(credit) AS credit, count(*) AS lines "
    "FROM journal_lines GROUP BY account"
)


@dataclass(frozen=True)
class TableProof:
    table: str
    sqlite_rows: int
    pg_rows: int
    sqlite_hash: str = ""  # empty: not a money table (counted only)
    pg_hash: str = ""

    @property
    def hashed(self) -> bool:
        return bool(self.sqlite_hash)

    @property
    def equal(self) -> bool:
        return self.sqlite_rows == self.pg_rows and self.sqlite_hash == self.pg_hash


@dataclass
class MoveProof:
    tables: list[TableProof] = field(default_factory=list)
    trial_accounts: int = 0
    trial_debit: int = 0
    trial_credit: int = 0
    trial_equal: bool = False

    @property
    def problems(self) -> list[str]:
        found = [
            f"tabel {t.table}: {t.sqlite_rows} baris di file, {t.pg_rows} di server"
            if t.sqlite_rows != t.pg_rows
            else f"tabel {t.table}: isinya berbeda (sidik {t.sqlite_hash[:12]} ≠ {t.pg_hash[:12]})"
            for t in self.tables
            if not t.equal
        ]
        if not self.trial_equal:
            found.append("neraca saldo di server tidak sama dengan neraca saldo di file")
        return found

    @property
    def ok(self) -> bool:
        return not self.problems


def _canonical(value: Any, pg_type: str | None) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return "b:" + hashlib.sha256(bytes(value)).hexdigest()
    if pg_type == "text" and isinstance(value, int | float):
        return str(value)  # a number in a text column of a non-STRICT SQLite table
    return value


def row_digest(row: Row, names: Sequence[str], types: Mapping[str, str]) -> int:
    """sha256 of the row's (name, value) pairs in name order, NULLs left out, as a number."""
    pairs = tuple((n, _canonical(row[n], types.get(n))) for n in names if row[n] is not None)
    return int.from_bytes(hashlib.sha256(repr(pairs).encode("utf-8")).digest(), "big")


def table_digest(rows: Iterable[Row], types: Mapping[str, str]) -> str:
    """The order-independent hash of a table's rows (with their number, so an empty table
    and a table of rows summing to 0 differ)."""
    total, count, names = 0, 0, None
    for row in rows:
        if names is None:
            names = sorted(row.keys())
        total = (total + row_digest(row, names, types)) % MODULUS
        count += 1
    return f"{total:064x}{count:x}"


def count(engine: Engine, table: str) -> int:
    return int(engine.scalar(f'SELECT count(*) AS n FROM "{table}"'))


def trial_balance(engine: Engine) -> dict[str, tuple[int, int, int]]:
    """account → (debit, credit, lines) over every journal line."""
    return {
        str(r["account"]): (int(r["debit"]), int(r["credit"]), int(r["lines"]))
        for r in engine.rows(TRIAL_BALANCE)
    }


def prove(
    lite: Engine,
    pg: Engine,
    tables: Iterable[str],
    types: Mapping[str, Mapping[str, str]],
    lite_fetch: Fetch | None = None,
    pg_fetch: Fetch | None = None,
) -> MoveProof:
    """Compare `tables` on both engines: counts for all, hashes for the money tables, then the
    trial balance. `types` gives each table's PostgreSQL column types; `*_fetch` how rows are
    read (baku: `Engine.rows`)."""
    lite_fetch = lite_fetch or lite.rows
    pg_fetch = pg_fetch or pg.rows
    proof = MoveProof()
    for table in tables:
        lite_n, pg_n = count(lite, table), count(pg, table)
        lite_hash = pg_hash = ""
        if table in MONEY_TABLES:
            select = f'SELECT * FROM "{table}"'
            lite_hash = table_digest(lite_fetch(select), types.get(table, {}))
            pg_hash = table_digest(pg_fetch(select), types.get(table, {}))
        proof.tables.append(TableProof(table, lite_n, pg_n, lite_hash, pg_hash))
    lite_trial, pg_trial = trial_balance(lite), trial_balance(pg)
    proof.trial_accounts = len(pg_trial)
    proof.trial_debit = sum(d for d, _, _ in pg_trial.values())
    proof.trial_credit = sum(c for _, c, _ in pg_trial.values())
    proof.trial_equal = lite_trial == pg_trial
    return proof
