"""Both engines' live schemas read into one comparable shape, and their differences in words.

A schema is a dict: table → {"columns": [(name, type, notnull)], "unique": {cols…},
"fks": {(cols, table, cols)…}, "checks": n}, plus "indexes" (name → (table, unique, cols,
partial)), "triggers" (names) and "append_only" ({"update": tables, "delete": tables})."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

# SQLite's declared type → PostgreSQL's information_schema data_type.
TYPES = {"INTEGER": "bigint", "TEXT": "text", "BLOB": "bytea", "REAL": "double precision"}
TYPES["ANY"] = "text"
SKIPPED_SQLITE_TABLES = {"_sqlite_migrations"}
PG_ONLY_TABLES = {"_migrations", "chain_rowids"}
PG_ONLY_TRIGGERS = ("chain_link_", "chain_seal_", "chain_rowids_")
"""The tamper chain's triggers live in the PostgreSQL database (app/storage/pg_chain.py); on
SQLite the program installs them as TEMP triggers of its connection."""


def sqlite_schema(conn: sqlite3.Connection) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    indexes: dict[str, Any] = {}
    triggers: set[str] = set()
    append_only: dict[str, set[str]] = {"update": set(), "delete": set()}
    for kind, name, table, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ):
        if table in SKIPPED_SQLITE_TABLES:
            continue
        if kind == "table":
            info = conn.execute(f'PRAGMA table_xinfo("{name}")').fetchall()
            columns = [
                (c[1], TYPES.get(c[2], f"?{c[2]}"), bool(c[3] or c[5])) for c in info if not c[6]
            ]
            unique = set()
            for idx in conn.execute(f'PRAGMA index_list("{name}")'):
                if idx[3] in ("u", "pk"):
                    cols = [r[2] for r in conn.execute(f'PRAGMA index_info("{idx[1]}")')]
                    unique.add(tuple(cols))
            pk = tuple(c[1] for c in sorted((c for c in info if c[5]), key=lambda c: c[5]))
            if pk:
                unique.add(pk)
            fks: dict[int, list[Any]] = {}
            for fk in conn.execute(f'PRAGMA foreign_key_list("{name}")'):
                fks.setdefault(fk[0], []).append(fk)
            tables[name] = {
                "columns": columns,
                "unique": unique,
                "fks": {
                    (tuple(r[3] for r in rs), rs[0][2], tuple(r[4] for r in rs))
                    for rs in fks.values()
                },
                "checks": len(re.findall(r"\bCHECK\s*\(", sql)),
            }
        elif kind == "index" and sql is not None:
            cols = tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{name}")'))
            unique = bool(re.match(r"CREATE UNIQUE", sql))
            indexes[name] = (table, unique, cols, " WHERE " in sql)
        elif kind == "trigger":
            if name.endswith("_no_replace"):
                continue  # guards SQLite's INSERT OR REPLACE, absent on PostgreSQL
            triggers.add(name)
            for op in append_only:
                if name == f"{table}_no_{op}":
                    append_only[op].add(table)
    return {"tables": tables, "indexes": indexes, "triggers": triggers, "append_only": append_only}


def pg_schema(conn: Any) -> dict[str, Any]:
    from app.storage.pg_schema import guarded_tables

    def rows(sql: str, *params: Any) -> list[tuple[Any, ...]]:
        return [tuple(r.values()) if isinstance(r, dict) else r for r in conn.execute(sql, params)]

    tables: dict[str, Any] = {}
    for table, column, data_type, nullable in rows(
        "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
    ):
        entry = tables.setdefault(
            table, {"columns": [], "unique": set(), "fks": set(), "checks": 0}
        )
        entry["columns"].append((column, data_type, nullable == "NO"))
    for table, kind, cols, ftable, fcols in rows(
        "SELECT c.conrelid::regclass::text, c.contype, "
        "ARRAY(SELECT attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) "
        "  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i), "
        "c.confrelid::regclass::text, "
        "ARRAY(SELECT attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i) "
        "  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) "
        "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE n.nspname = 'public' AND c.contype IN ('u', 'p', 'f', 'c')"
    ):
        entry = tables[table]
        if kind in ("u", "p"):
            entry["unique"].add(tuple(cols))
        elif kind == "f":
            entry["fks"].add((tuple(cols), ftable, tuple(fcols)))
        else:
            entry["checks"] += 1
    indexes = {
        name: (table, unique, tuple(cols), partial)
        for name, table, unique, cols, partial in rows(
            "SELECT i.relname, t.relname, x.indisunique, "
            "ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(n, o) "
            "  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o), "
            "x.indpred IS NOT NULL "
            "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
            "WHERE n.nspname = 'public' AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)"
        )
    }
    triggers = {
        r[0]
        for r in rows(
            "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND NOT t.tgisinternal"
        )
        if not r[0].startswith(PG_ONLY_TRIGGERS)
    }
    append_only = {
        op: set(guarded_tables(conn, op)) - PG_ONLY_TABLES for op in ("update", "delete")
    }
    for table in PG_ONLY_TABLES:
        tables.pop(table, None)
    return {"tables": tables, "indexes": indexes, "triggers": triggers, "append_only": append_only}


def differences(lite: dict[str, Any], pg: dict[str, Any]) -> list[str]:
    """What one engine's schema has that the other's lacks, in words (empty when equivalent)."""
    found: list[str] = []
    for name in sorted(lite["tables"].keys() ^ pg["tables"].keys()):
        side = "SQLite" if name in lite["tables"] else "PostgreSQL"
        found.append(f"table {name} only on {side}")
    for name in sorted(lite["tables"].keys() & pg["tables"].keys()):
        a, b = lite["tables"][name], pg["tables"][name]
        for key in ("columns", "unique", "fks", "checks"):
            if a[key] != b[key]:
                found.append(f"{name}.{key}: SQLite {a[key]} != PostgreSQL {b[key]}")
    for key in ("indexes", "triggers"):
        for name in sorted(set(lite[key]) ^ set(pg[key])):
            side = "SQLite" if name in lite[key] else "PostgreSQL"
            found.append(f"{key[:-1]} {name} only on {side}")
    for name in sorted(set(lite["indexes"]) & set(pg["indexes"])):
        if lite["indexes"][name] != pg["indexes"][name]:
            found.append(f"index {name}: {lite['indexes'][name]} != {pg['indexes'][name]}")
    for op in ("update", "delete"):
        if lite["append_only"][op] != pg["append_only"][op]:
            diff = lite["append_only"][op] ^ pg["append_only"][op]
            found.append(f"append-only ({op}) guards differ: {sorted(diff)}")
    return found
