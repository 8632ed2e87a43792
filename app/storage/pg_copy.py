"""Copying a cooperative's rows from its SQLite file into the PostgreSQL schema (issue 15).

Table by table in foreign-key order, ids included, through COPY. The derived tables are not
copied: the PostgreSQL triggers rebuild `loan_balances` from the loan events and denda charges,
`savings_totals` from the savings and `ledger_month_totals` from the journals as the rows
arrive (the proofs compare them with SQLite's). The tamper chain's tables (`chain_blocks`,
`chain_heads`, `chain_identity`, `row_seals`) are copied as the rows they are; the chain goes
on on the server by its own triggers, installed after the copy (app/storage/pg_chain.py), and
`mufakat check` verifies it. `arrears_positions` is copied after the loan tables whose
triggers drop its rows.

Copying ids leaves each identity column's sequence at its start, so the next INSERT would
collide with a copied row: `reset_identities` moves every sequence past the largest id.
"""

from __future__ import annotations

import sqlite3
from graphlib import TopologicalSorter
from typing import Any

import psycopg
from psycopg import sql

DERIVED = frozenset({"loan_balances", "ledger_month_totals", "savings_totals"})
"""Written by triggers on both engines from other tables' rows."""
AFTER_LOANS = ("loan_events", "loan_denda_charges", "loan_schedules")
"""What `arrears_positions` is copied after: their triggers drop a loan's stored position."""
SKIPPED = frozenset({"_sqlite_migrations"})
"""SQLite's record of its schema steps (PostgreSQL keeps its own `_migrations`)."""


def sqlite_tables(lite: sqlite3.Connection) -> list[str]:
    """The cooperative's tables in the file (SQLite's own and the schema record left out)."""
    return sorted(
        r[0]
        for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith("sqlite_") and r[0] not in SKIPPED
    )


def copied_tables(lite: sqlite3.Connection) -> list[str]:
    """The tables whose rows are copied, in an order the foreign keys accept."""
    tables = [t for t in sqlite_tables(lite) if t not in DERIVED]
    graph = {
        t: {r[2] for r in lite.execute(f'PRAGMA foreign_key_list("{t}")')} - {t} for t in tables
    }
    if "journal_lines" in graph and "journals" in graph:
        # A journal is sealed by its header: its lines go first (their key to it is deferred).
        graph["journal_lines"].discard("journals")
        graph["journals"].add("journal_lines")
    if "arrears_positions" in graph:
        graph["arrears_positions"] |= {t for t in AFTER_LOANS if t in graph}
    return [t for t in TopologicalSorter(graph).static_order() if t in graph]


def column_types(pg: psycopg.Connection[Any], table: str) -> dict[str, str]:
    rows = pg.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = %s",
        (table,),
    ).fetchall()
    return {r["column_name"]: r["data_type"] for r in rows}


def fit(value: Any, pg_type: str | None) -> Any:
    """A SQLite value as the PostgreSQL column takes it (a number kept in a text column of a
    non-STRICT table becomes its text)."""
    if pg_type == "text" and isinstance(value, int | float):
        return str(value)
    return value


def copy_table(lite: sqlite3.Connection, pg: psycopg.Connection[Any], table: str) -> int:
    """Copy every row of `table`; the number of rows."""
    types = column_types(pg, table)
    cursor = lite.execute(f'SELECT * FROM "{table}"')
    names = [d[0] for d in cursor.description]
    missing = [n for n in names if n not in types]
    if missing:
        raise ValueError(f"{table}: columns {missing} are not in the PostgreSQL schema")
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, names))
    )
    count = 0
    with pg.cursor() as cur, cur.copy(statement) as copy:
        for row in cursor:
            copy.write_row([fit(v, types[n]) for n, v in zip(names, row, strict=True)])
            count += 1
    return count


def copy_tables(lite: sqlite3.Connection, pg: psycopg.Connection[Any]) -> dict[str, int]:
    """Copy every table (inside the caller's transaction); rows copied per table."""
    return {table: copy_table(lite, pg, table) for table in copied_tables(lite)}


def identity_columns(pg: psycopg.Connection[Any]) -> list[tuple[str, str]]:
    rows = pg.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND is_identity = 'YES' ORDER BY 1, 2"
    ).fetchall()
    return [(r["table_name"], r["column_name"]) for r in rows]


def reset_identities(pg: psycopg.Connection[Any]) -> dict[str, int]:
    """Move each identity sequence past the largest id copied; the tables it did that for,
    with their largest id (a table without rows keeps its sequence at the start)."""
    done: dict[str, int] = {}
    for table, column in identity_columns(pg):
        row = pg.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence({t}, {c}), max({col})) AS last "
                "FROM {tab} HAVING max({col}) IS NOT NULL"
            ).format(
                t=sql.Literal(table),
                c=sql.Literal(column),
                col=sql.Identifier(column),
                tab=sql.Identifier(table),
            )
        ).fetchone()
        if row is not None:
            done[table] = int(row["last"])
    return done
