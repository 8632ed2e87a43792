"""A ratchet on the SQLite-only forms in the repositories (issue 15, OFFICE_SERVER.md §5 phase 1):
their count may only go down, and a repository made portable stays portable.

The portable forms (app/storage/dialect.py): named `:name` parameters, `INSERT … RETURNING id`
(`Engine.insert_id`), `ON CONFLICT DO NOTHING`, `IS DISTINCT FROM`, the dialect's
greatest/least/string_agg/ci_like, rows read by column name. `COLLATE NOCASE` is not counted:
the PostgreSQL schema creates a collation `nocase`, so the same words work on both engines
(except under LIKE, which is counted as `LIKE`)."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.no_database

ROOT = Path(__file__).resolve().parents[2]
STORAGE = ROOT / "app" / "storage"

ENGINE_SPECIFIC = {
    # SQLite's own: opening, locking, copying, checking and chaining the file.
    "db.py", "lock.py", "backup.py", "restore.py", "check.py", "inspection.py", "chain.py",
    "chain_verify.py", "chain_codec.py", "chain_walk.py", "chain_legacy.py",
    "chain_text.py", "chain_triggers.py",  # the chain's SQL-built row text, its TEMP triggers
    "chain_batch.py",  # puts the chain's TEMP triggers aside for a bulk write
    "change_triggers.py", "migrations.py", "watermarks.py", "bulk.py",
    "closing_checks.py",  # the month-close checklist's share of check.py
    "check_types.py",  # check.py's scan of the file's stored types (typeof, table_info)
    # The arrears kept per connection: TEMP tables kept exact by TEMP triggers (PgEngine
    # computes directly, issue 16).
    "loans_arrears_cache.py",
    # Puts SQLite's per-row journal triggers (as stored in sqlite_master) aside for a bulk write.
    "ledger_bulk_guard.py",
    # The engines themselves.
    "dialect.py", "engine.py", "pg_engine.py", "pg_schema.py", "__init__.py",
    # Moving a cooperative from its file to the office server reads the file as SQLite.
    "pg_copy.py", "pg_move.py",
    # The office server's own: its check (SQLite's errors for a missing table, as the check_*
    # modules expect) and its tamper chain (a file's hidden rowids, kept in `chain_rowids`).
    "pg_check.py", "pg_check_conn.py", "pg_chain.py", "pg_chain_verify.py",
    # The office server's change notification (its regular expression reads the SQL).
    "pg_changes.py",
}  # fmt: skip

# Forms looked for inside the SQL text (string constants, f-string parts included).
SQL_FORMS = {
    "? placeholder": r"\?",
    "INSERT OR IGNORE/REPLACE": r"\bINSERT\s+OR\s+(IGNORE|REPLACE)\b|\bREPLACE\s+INTO\b",
    "group_concat": r"\bgroup_concat\s*\(",
    "scalar max/min": r"\b(max|min)\s*\([^()]*,",
    "IS [NOT] value": r"\bIS\s+(NOT\s+)?(\?|:\w)",
    "LIKE (case-insensitive only on SQLite)": r"(?<!I)\bLIKE\b",
    "SQLite function": r"\b(ifnull|iif|strftime|julianday|datetime|printf|instr|typeof|total)\s*\(",
    "rowid": r"\browid\b",
    "PRAGMA/sqlite_master": r"\bPRAGMA\b|\bsqlite_master\b",
}
# Forms looked for in the Python source.
CODE_FORMS = {
    "cursor.lastrowid": r"\.lastrowid\b",
    "sqlite3 API": r"\bsqlite3\.",
    "the SQLite connection (db.sql)": r"\.sql\.(conn|execute|atomic|table|query)\b",
}

SQL_WORDS = (
    r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|SET|FROM|JOIN|AND|OR|LIKE|ORDER BY|GROUP BY"
    r"|CASE WHEN|COLLATE)\b"
)
"""Words (upper case, as the repositories write SQL) that make a string constant SQL."""

RATCHET = {
    "? placeholder": 63,
    "INSERT OR IGNORE/REPLACE": 0,
    "group_concat": 0,
    "scalar max/min": 0,
    "IS [NOT] value": 0,
    "LIKE (case-insensitive only on SQLite)": 0,
    "SQLite function": 0,
    "rowid": 0,
    "PRAGMA/sqlite_master": 1,
    "cursor.lastrowid": 0,
    "sqlite3 API": 50,
    "the SQLite connection (db.sql)": 10,
}
"""The counts when the ratchet was set: lower a number when you remove forms, never raise it."""

PORTABLE = {
    "settings_repo.py",
    "sequences.py",
    "audit_repo.py",
    "users_repo.py",
    "role_requests_repo.py",
    "collection_decisions_repo.py",
    "payroll_repo.py",
    "passbook_repo.py",
    "documents_repo.py",
    "meetings_repo.py",
    "passbook_card_repo.py",
    "collection_cases_repo.py",
    "collection_letters_repo.py",
    "loans_products_repo.py",
    "loans_snapshots_repo.py",
    "loans_portfolio_repo.py",
    "loans_rows.py",
    "loans_quality_repo.py",
    "loans_arrears_rows.py",
    "loans_quality_sql.py",
    "loans_list_repo.py",
    "members_repo.py",
    "ledger_accounts_repo.py",
    "ledger_bank_repo.py",
    "ledger_controls_repo.py",
    "ledger_manual_repo.py",
    "ledger_periods_repo.py",
    "ledger_repo.py",
    "ledger_reports_repo.py",
    "savings_repo.py",
    "jasa_repo.py",
    "pph_repo.py",
    "berjangka_repo.py",
    "shu_repo.py",
    "rat_pack_repo.py",
    "assets_repo.py",
    "closing_repo.py",
    "collection_repo.py",
    "collection_case_reads_repo.py",
    "collection_contacts_repo.py",
    "collection_promises_repo.py",
    "loans_repo.py",
    "loans_events_repo.py",
    "loans_accruals_repo.py",
    "multi_insert.py",
}
"""Repositories already written against the Engine protocol: none of the forms, on any count."""


def sql_text(source: str) -> list[str]:
    """The string constants of a module (f-string parts too): where its SQL is."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append(node.value)
    return found


def forms_in(source: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in sql_text(source):
        if not re.search(SQL_WORDS, text):
            continue  # not SQL (a docstring's question mark, a message)
        for form, pattern in SQL_FORMS.items():
            counts[form] += len(re.findall(pattern, text))
    for form, pattern in CODE_FORMS.items():
        counts[form] += len(re.findall(pattern, source))
    return counts


def repository_files() -> list[Path]:
    return sorted(p for p in STORAGE.glob("*.py") if p.name not in ENGINE_SPECIFIC)


def current() -> dict[str, Counter[str]]:
    return {p.name: forms_in(p.read_text(encoding="utf-8")) for p in repository_files()}


def test_sqlite_only_forms_never_grow() -> None:
    per_file = current()
    totals: Counter[str] = sum(per_file.values(), Counter())
    grown = {form: (totals[form], limit) for form, limit in RATCHET.items() if totals[form] > limit}
    where = {form: sorted(name for name, c in per_file.items() if c[form]) for form in grown}
    assert grown == {}, (
        f"SQLite-only forms grew (now, limit): {grown} in {where}. Write the portable form "
        "(app/storage/dialect.py, docs/office_server.md)."
    )


def test_portable_repositories_stay_portable() -> None:
    per_file = current()
    dirty = {name: dict(+per_file[name]) for name in PORTABLE if +per_file[name]}
    assert dirty == {}


def test_every_form_is_in_the_ratchet() -> None:
    assert set(RATCHET) == set(SQL_FORMS) | set(CODE_FORMS)


@pytest.mark.parametrize(
    ("snippet", "form"),
    [
        ('db.execute("SELECT * FROM t WHERE a = ?", (1,))', "? placeholder"),
        ('db.execute("INSERT OR IGNORE INTO t VALUES (:a)")', "INSERT OR IGNORE/REPLACE"),
        ('db.execute("INSERT OR REPLACE INTO t VALUES (:a)")', "INSERT OR IGNORE/REPLACE"),
        ("db.rows(\"SELECT group_concat(x, ',') FROM t\")", "group_concat"),
        ('db.rows(f"SELECT max(a, {b}) FROM t")', "scalar max/min"),
        ('db.rows("SELECT 1 FROM t WHERE id IS NOT :id")', "IS [NOT] value"),
        ('db.rows("SELECT 1 FROM t WHERE name LIKE :p")', "LIKE (case-insensitive only on SQLite)"),
        ('db.rows("SELECT ifnull(a, 0) FROM t")', "SQLite function"),
        ('db.rows("SELECT rowid FROM t")', "rowid"),
        ("cur = db.execute('INSERT INTO t VALUES (1)')\nx = cur.lastrowid", "cursor.lastrowid"),
        ("def f(r: sqlite3.Row) -> None: ...", "sqlite3 API"),
        ("self.db.sql.conn.execute('SELECT 1')", "the SQLite connection (db.sql)"),
    ],
)
def test_each_form_is_found(snippet: str, form: str) -> None:
    assert forms_in(snippet)[form] >= 1


@pytest.mark.parametrize(
    "snippet",
    [
        'db.rows("SELECT max(a) FROM t WHERE name ILIKE :p AND id IS DISTINCT FROM :i")',
        'db.insert_id("INSERT INTO t (a) VALUES (:a) ON CONFLICT DO NOTHING RETURNING id")',
        '"""Is this a question? Yes."""',
        'db.rows("SELECT name FROM t ORDER BY name COLLATE NOCASE")',
    ],
)
def test_portable_forms_are_not_counted(snippet: str) -> None:
    assert +forms_in(snippet) == Counter()
