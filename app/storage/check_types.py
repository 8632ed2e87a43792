"""`mufakat check`, SQLite only: values of the wrong kind in any column of the file. A STRICT
table refuses them, but the file's bytes can be written around that (`PRAGMA writable_schema`,
a crafted file, a table that is not STRICT): a BLOB, a REAL or a text in an INTEGER money
column, NULL where the schema says NOT NULL, a date that is no YYYY-MM-DD. The rules come from
the schema itself (`PRAGMA table_info`: the declared type, NOT NULL, the column's name for dates,
months and rates), so a table added by a later step is covered without a list here. Each value found
is named by table, row and column, in Indonesian (a date is read through `date(col, '+0 days')`:
without a modifier SQLite keeps 2025-02-30 as it is); the books' checks after this one are
guarded (check_ledger.py) instead of reading such a value as money or a date."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from app.storage.db import DamagedFile, Database

SAMPLE = 5

# Declared type → (the storage classes a value may have, what the message says it is not).
KINDS = {
    "INTEGER": ("'integer'", "bilangan bulat"),
    "TEXT": ("'text'", "teks"),
    "BLOB": ("'blob'", "data biner"),
}
DATE_NAMES = ("date", "first_due", "valid_from", "as_of")
DATE_SUFFIXES = ("_date", "_on", "_due")


@dataclass(frozen=True)
class Rule:
    column: str
    sql: str  # true for a wrong value
    message: str


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def is_date_column(name: str) -> bool:
    """A column holding a date (YYYY-MM-DD) by the house's naming of columns."""
    return name in DATE_NAMES or name.endswith(DATE_SUFFIXES) or name.startswith("oldest_due")


def is_month_column(name: str) -> bool:
    return name == "month" or name.endswith("_month")


def is_decimal_column(name: str) -> bool:
    """A rate or ratio kept as a Decimal's text ('1.5', '0.1')."""
    return name == "rate" or name.endswith(("_rate", "_ratio"))


def _rules(info: list[tuple[str, str, bool]]) -> Iterator[Rule]:
    for name, declared, notnull in info:
        col = _q(name)
        if notnull:
            # typeof: SQLite drops `col IS NULL` of a NOT NULL column as never true
            yield Rule(name, f"typeof({col}) = 'null'", "kosong, padahal wajib diisi")
        kind = KINDS.get(declared.upper())
        if kind is None:
            continue  # ANY, or an old file's untyped column: any value may stand there
        allowed, label = kind
        yield Rule(
            name,
            f"typeof({col}) NOT IN ({allowed}, 'null')",
            f"berisi nilai yang bukan {label}",
        )
        if declared.upper() != "TEXT":
            continue
        if is_date_column(name):
            yield Rule(
                name,
                f"typeof({col}) = 'text' AND date({col}, '+0 days') IS NOT {col}",
                "berisi tanggal yang tidak sah (harus TTTT-BB-HH)",
            )
        elif is_decimal_column(name):
            yield Rule(
                name,
                f"typeof({col}) = 'text' AND ({col} GLOB '*[^0-9.eE+-]*'"
                f" OR {col} NOT GLOB '*[0-9]*')",
                "berisi bilangan desimal yang tidak sah",
            )
        elif is_month_column(name):
            yield Rule(
                name,
                f"typeof({col}) = 'text' AND date({col} || '-01', '+0 days') IS NOT {col} || '-01'",
                "berisi bulan yang tidak sah (harus TTTT-BB)",
            )


def _table_info(conn: sqlite3.Connection, table: str) -> tuple[list[tuple[str, str, bool]], str]:
    """(name, declared type, NOT NULL) of each column, and the SQL naming a row: the primary
    key's columns (joined with '/'), else the rowid."""
    info = conn.execute(f"PRAGMA table_info({_q(table)})").fetchall()
    pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
    key = " || '/' || ".join(f"coalesce(CAST({_q(c)} AS TEXT), '')" for c in pk) or "rowid"
    return [(r[1], r[2] or "", bool(r[3])) for r in info], key


def wrong_values(conn: sqlite3.Connection) -> list[str]:
    """One problem per (table, column, kind of wrong value): the first rows by name, and how
    many there are."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    problems: list[str] = []
    for table in tables:
        info, key = _table_info(conn, table)
        rules = list(_rules(info))
        if not rules:
            continue
        found: dict[int, list[str]] = {}
        sql = (
            f"SELECT {key}, " + ", ".join(f"({r.sql})" for r in rules) + f" FROM {_q(table)}"
            " WHERE " + " OR ".join(f"({r.sql})" for r in rules)
        )
        for row in conn.execute(sql):
            for i, hit in enumerate(row[1:]):
                if hit:
                    found.setdefault(i, []).append(str(row[0]))
        for i, keys in sorted(found.items()):
            rule = rules[i]
            more = f" (dan {len(keys) - SAMPLE} baris lain)" if len(keys) > SAMPLE else ""
            problems.append(
                f"Tabel {table} baris {', '.join(keys[:SAMPLE])}{more} kolom {rule.column} "
                f"{rule.message}."
            )
    return problems


def refuse_wrong_values(db: Database) -> None:
    """Before the stored history is posted to the books (the first open of an older file):
    a value of the wrong kind would stop the posting half-way with a traceback, so the file
    is refused (nothing posted), naming the first such value."""
    found = wrong_values(db.sql.conn)
    if found:
        more = f" (dan {len(found) - 1} masalah lain)" if len(found) > 1 else ""
        raise DamagedFile(
            f"File database '{db.path.name}' berisi nilai yang tidak sah, jadi riwayatnya tidak"
            f" bisa dibukukan: {found[0]}{more} Jalankan"
            " 'mufakat check' untuk rinciannya, lalu pulihkan dari cadangan terakhir (menu"
            " Pengaturan → Cadangan), atau hubungi pendamping TI koperasi."
        )
