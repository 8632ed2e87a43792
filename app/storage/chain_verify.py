"""`mufakat check`'s tamper checks: recompute every chain and seal (app/storage/chain.py) on a
read-only connection and name, in Indonesian, each table and row changed outside the program."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from app.storage import chain

MAX_PER_TABLE = 5


def _row_label(table: str, key: Any) -> str:
    if table == "settings":
        return f"tabel {table} kunci '{key}'"
    return f"tabel {table} baris {key}"


def verify(conn: sqlite3.Connection, pc_folder: Path | None = None) -> list[str]:
    """Problems found (empty: every chain, seal and guard is intact)."""
    if not chain.has_chains(conn):
        return []
    problems: list[str] = []
    problems += _guards(conn)
    for table in chain.chained_tables(conn):
        problems += _verify_table(conn, table)
    problems += _verify_seals(conn)
    problems += compare_with_pc(conn, pc_folder)
    return problems


def _guards(conn: sqlite3.Connection) -> list[str]:
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    problems = []
    for table in chain.chained_tables(conn):
        for suffix in ("no_update", "no_delete", "no_replace"):
            if f"{table}_{suffix}" not in triggers:
                problems.append(
                    f"Pengaman tabel {table} ({table}_{suffix}) hilang: dihapus di luar program."
                )
    chained = set(chain.chained_tables(conn))
    for table in chain.append_only_tables(conn):
        if table not in chained and table not in ("chain_links", "chain_identity"):
            problems.append(f"Tabel {table} tidak punya rantai pengaman.")
    return problems


def _verify_table(conn: sqlite3.Connection, table: str) -> list[str]:
    names = chain.columns(conn, table)
    if not names:
        return [f"Tabel {table} hilang dari file."]
    key = chain.key_expression(conn, table)
    quoted = ", ".join(f'"{n}"' for n in names)
    code, head_count, head_hash = conn.execute(
        "SELECT code, count, hash FROM chain_heads WHERE tbl = ?", (table,)
    ).fetchone()
    changed: list[str] = []
    linked: set[str] = set()
    prev: bytes | None = None
    seq = 0
    where, split = chain.key_match(conn, table)
    fetch = f'SELECT {quoted} FROM "{table}" WHERE {where}'
    for seq_no, row_key, stored in conn.execute(
        "SELECT seq, row_key, hash FROM chain_links WHERE tbl = ? ORDER BY seq", (code,)
    ):
        seq += 1
        linked.add(str(row_key))
        params = json.loads(row_key) if split else [row_key]
        row = conn.execute(fetch, params).fetchone()
        if seq_no != seq:
            changed.append(f"{_row_label(table, row_key)}: urutan rantai terputus")
        elif row is None:
            changed.append(f"{_row_label(table, row_key)} dihapus di luar program")
        elif chain.digest(prev, table, row_key, zip(names, row, strict=True)) != stored:
            changed.append(f"{_row_label(table, row_key)} diubah di luar program")
        prev = stored
    if head_count != seq or (head_hash or None) != prev:
        changed.append(f"tabel {table}: kepala rantai tidak cocok dengan isinya")
    total = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    if total > len(linked):
        for (row_key,) in conn.execute(f'SELECT {key} FROM "{table}" ORDER BY {key}'):
            if str(row_key) not in linked:
                changed.append(f"{_row_label(table, row_key)} ditambahkan di luar program")
    return _limited(table, changed)


def _limited(table: str, problems: list[str]) -> list[str]:
    if len(problems) <= MAX_PER_TABLE:
        return [p[0].upper() + p[1:] + "." for p in problems]
    shown = [p[0].upper() + p[1:] + "." for p in problems[:MAX_PER_TABLE]]
    shown.append(f"Tabel {table}: {len(problems) - MAX_PER_TABLE} masalah lain.")
    return shown


def _verify_seals(conn: sqlite3.Connection) -> list[str]:
    problems: list[str] = []
    for table in chain.SEALED_TABLES:
        names = chain.columns(conn, table)
        key = f'"{chain.SEAL_KEYS[table]}"'
        quoted = ", ".join(f'"{n}"' for n in names)
        sealed = {
            str(r[0]): r[1]
            for r in conn.execute(
                f"SELECT row_key, hash FROM {chain.SEAL_TABLE} WHERE id IN "
                f"(SELECT max(id) FROM {chain.SEAL_TABLE} WHERE tbl = ? GROUP BY row_key)",
                (table,),
            )
        }
        changed: list[str] = []
        present: set[str] = set()
        for row in conn.execute(f'SELECT {key}, {quoted} FROM "{table}" ORDER BY {key}'):
            row_key = str(row[0])
            present.add(row_key)
            if row_key not in sealed or sealed[row_key] is None:
                changed.append(f"{_row_label(table, row_key)} ditambahkan di luar program")
            elif (
                chain.digest(None, table, row_key, zip(names, row[1:], strict=True))
                != sealed[row_key]
            ):
                changed.append(f"{_row_label(table, row_key)} diubah di luar program")
        for row_key, value in sealed.items():
            if value is not None and row_key not in present:
                changed.append(f"{_row_label(table, row_key)} dihapus di luar program")
        problems += _limited(table, changed)
    return problems


def compare_with_pc(conn: sqlite3.Connection, pc_folder: Path | None = None) -> list[str]:
    """Is this file at least as new as the last one this PC saw for the cooperative, and the
    same history? (A copy put back over the live file, or another file put in its place.)"""
    identity = chain.chain_id(conn)
    if identity is None:
        return []
    known = chain.read_pc_heads(identity, pc_folder)
    problems = []
    for table, (count, hexhash) in sorted(known.items()):
        row = conn.execute(
            "SELECT h.count, l.hash FROM chain_heads h LEFT JOIN chain_links l "
            "ON l.tbl = h.code AND l.seq = ? WHERE h.tbl = ?",
            (count, table),
        ).fetchone()
        if row is None:
            problems.append(f"Tabel {table} yang tercatat di komputer ini tidak ada di file.")
        elif row[0] < count:
            problems.append(
                f"File lebih lama dari yang terakhir dibuka di komputer ini: tabel {table} berisi "
                f"{row[0]} catatan, komputer ini pernah melihat {count}."
            )
        elif count and (row[1] is None or row[1].hex() != hexhash):
            problems.append(
                f"Riwayat tabel {table} berbeda dengan yang tercatat di komputer ini "
                "(file diganti atau diubah di luar program)."
            )
    return problems
