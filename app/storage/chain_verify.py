"""`mufakat check`'s tamper checks: recompute every chain and seal (app/storage/chain.py) on a
read-only connection and name, in Indonesian, each table and row changed outside the program
(the block chains are read back by chain_walk.py, the first layout by chain_legacy.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from app.storage import chain, chain_legacy, chain_walk

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
    found = _findings(conn)
    for table in chain.chained_tables(conn):
        problems += _verify_table(conn, table, found.get(table, []))
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
        if table not in chained and table not in chain.NOT_CHAINED:
            problems.append(f"Tabel {table} tidak punya rantai pengaman.")
    return problems


def _say(table: str, verdict: str, key: Any) -> str:
    if verdict == "urutan":
        return f"{_row_label(table, key)}: urutan rantai terputus"
    if verdict == "kepala":
        return f"tabel {table}: kepala rantai tidak cocok dengan isinya"
    if verdict == "blok":
        return f"tabel {table} baris {key} (satu blok rantai) diubah di luar program"
    return f"{_row_label(table, key)} {verdict} di luar program"


def _findings(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """What step 0029 found wrong in the first layout's links before converting them: the
    conversion vouches for nothing it could not verify, so these are reported for ever."""
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain_findings'"
    ).fetchone():
        return {}
    found: dict[str, list[str]] = {}
    for table, key, verdict, at in conn.execute(
        "SELECT tbl, row_key, problem, found_at FROM chain_findings ORDER BY id"
    ):
        found.setdefault(table, []).append(
            f"{_say(table, verdict, key)} (ditemukan saat rantai pengaman diperbarui, {at})"
        )
    return found


def _verify_table(conn: sqlite3.Connection, table: str, found: list[str]) -> list[str]:
    if not chain.columns(conn, table):
        return [f"Tabel {table} hilang dari file."]
    changed = list(found)
    if chain.has_blocks(conn):
        changed += [_say(table, v, k) for v, k in chain_walk.walk(conn, table)]
    else:
        changed += [_say(table, v, k) for v, k, _ in chain_legacy.walk(conn, table) if v]
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
    layout, known = chain.read_pc_record(identity, pc_folder)
    blocks = chain.has_blocks(conn)
    legacy = _legacy_heads(conn) if blocks and layout == 1 else {}
    problems = []
    for table, (count, hexhash) in sorted(known.items()):
        if blocks and layout == 2:
            row = chain_walk.hash_at(conn, table, count)
        elif blocks:  # a record from before step 0029: its hashes are the old links'
            head = chain_walk.hash_at(conn, table, 0)
            at = legacy.get(table)
            row = None if head is None else (head[0], at[1] if at and at[0] == count else None)
            if at is None or at[0] != count:
                hexhash = ""  # that point of the old chain is gone: only the count is compared
        else:
            row = chain_legacy.hash_at(conn, table, count)
            if layout == 2:
                hexhash = ""
        if row is None:
            problems.append(f"Tabel {table} yang tercatat di komputer ini tidak ada di file.")
        elif row[0] < count:
            problems.append(
                f"File lebih lama dari yang terakhir dibuka di komputer ini: tabel {table} berisi "
                f"{row[0]} catatan, komputer ini pernah melihat {count}."
            )
        elif count and hexhash and (row[1] is None or row[1].hex() != hexhash):
            problems.append(
                f"Riwayat tabel {table} berbeda dengan yang tercatat di komputer ini "
                "(file diganti atau diubah di luar program)."
            )
    return problems


def _legacy_heads(conn: sqlite3.Connection) -> dict[str, tuple[int, bytes | None]]:
    """Each table's head in the first layout when step 0029 converted it."""
    return {
        str(r[0]): (int(r[1]), r[2])
        for r in conn.execute(
            "SELECT tbl, legacy_count, legacy_hash FROM chain_heads WHERE legacy_count IS NOT NULL"
        )
    }
