"""`mufakat check --db URL`'s tamper checks (issue 15): every chain and seal of a server
database recomputed (app/storage/pg_chain.py), each changed, deleted or unlinked row named in
the words chain_verify.py uses for a file. The blocks copied from the file by `server move` and
the blocks the server's triggers grew are read alike, each row in the encoding of its chain
position (`chain_text.encoding_at`, as chain_walk.py on SQLite)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.rows import tuple_row

from app.storage import chain, chain_codec, chain_text, pg_chain
from app.storage.chain_verify import _limited, _row_label, _say

SHORT = chain_codec.SHORT


def has_chains(conn: psycopg.Connection[Any]) -> bool:
    return bool(pg_chain._rows(conn, "SELECT 1 AS x FROM chain_heads LIMIT 1"))


def verify(conn: psycopg.Connection[Any]) -> list[str]:
    """Problems found (empty: every chain, seal and guard is intact)."""
    if not has_chains(conn):
        return []
    problems = _guards(conn)
    found: dict[str, list[str]] = {}
    for r in pg_chain._rows(conn, "SELECT tbl, row_key, problem, found_at FROM chain_findings"):
        found.setdefault(r["tbl"], []).append(
            f"{_say(r['tbl'], r['problem'], r['row_key'])} (ditemukan saat rantai pengaman "
            f"diperbarui, {r['found_at']})"
        )
    for table in pg_chain.chained_tables(conn):
        if not pg_chain.columns(conn, table):
            problems.append(f"Tabel {table} hilang dari database.")
            continue
        changed = found.get(table, []) + [_say(table, v, k) for v, k in walk(conn, table)]
        problems += _limited(table, changed)
    return problems + _verify_seals(conn)


def _guards(conn: psycopg.Connection[Any]) -> list[str]:
    """Each chained table keeps its append-only guards and its link trigger, switched on."""
    state = {
        r["tgname"]: r["tgenabled"]
        for r in pg_chain._rows(
            conn,
            "SELECT t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND NOT t.tgisinternal",
        )
    }
    wanted = [
        (table, f"{table}_{suffix}")
        for table in pg_chain.chained_tables(conn)
        for suffix in ("no_update", "no_delete")
    ]
    wanted += [(t, f"{pg_chain.LINK_PREFIX}{t}") for t in pg_chain.chained_tables(conn)]
    wanted += [(t, f"{pg_chain.SEAL_PREFIX}{t}") for t in chain.SEALED_TABLES]
    problems = []
    for table, name in wanted:
        if name not in state:
            problems.append(f"Pengaman tabel {table} ({name}) hilang: dihapus di luar program.")
        elif state[name] == "D":
            problems.append(
                f"Pengaman tabel {table} ({name}) dimatikan: dimatikan di luar program."
            )
    return problems


@dataclass(frozen=True)
class Table:
    """One chained table on the server: its columns in declared order, its key, the chain
    position of its first row in encoding 2 (`split`, None: every row in encoding 1)."""

    name: str
    code: int
    names: list[str]  # declared order (encoding 2's; encoding 1 sorts them: `sorted_values`)
    pk: list[str]
    pk_types: list[str]
    by_id: bool  # the key is the one integer key column (else JSON of the key, or a rowid)
    rowids: dict[int, str]  # a copied row's SQLite rowid -> its key as JSON (pg_chain)
    hasher: chain_codec.Hasher
    order: list[int]  # the declared columns' indexes in name order
    split: int | None

    @classmethod
    def of(cls, conn: psycopg.Connection[Any], table: str) -> Table:
        head = pg_chain._rows(
            conn, "SELECT code, v2_from FROM chain_heads WHERE tbl = %s", (table,)
        )[0]
        pk = pg_chain.primary_key(conn, table)
        names = [n for n, _ in pg_chain.declared_columns(conn, table)]
        order = sorted(range(len(names)), key=names.__getitem__)
        split = None if head["v2_from"] is None else int(head["v2_from"])
        rowids = {
            int(r["rowid"]): str(r["row_key"])
            for r in pg_chain._rows(
                conn, "SELECT rowid, row_key FROM chain_rowids WHERE tbl = %s", (table,)
            )
        }
        return cls(
            table, int(head["code"]), names, [n for n, _ in pk], [t for _, t in pk],
            pg_chain.id_keyed(pk),
            rowids, chain_codec.Hasher(table, [names[i] for i in order]), order, split,
        )  # fmt: skip

    def digest(self, key: Any, values: tuple[Any, ...], position: int) -> bytes:
        """A row's digest in the encoding of its chain position (as chain_walk on SQLite): a
        key that is a number is the row's SQLite rowid or id, one in JSON names a row with
        none (a WITHOUT ROWID table, or one the server linked by its primary key)."""
        if chain_text.encoding_at(self.split, position) == 1:
            return self.hasher.digest(key, tuple(values[i] for i in self.order))
        rowid = key if isinstance(key, int) else None
        return chain_text.sha256(chain_text.text(self.name, rowid, values)).digest()

    def values_of(self, key: Any) -> tuple[Any, ...] | None:
        """The primary-key values a chain key names (None: a rowid the move did not record)."""
        if isinstance(key, int):
            if self.by_id:
                return (key,)
            if key not in self.rowids:
                return None
            key = self.rowids[key]
        try:
            found = json.loads(key)
        except ValueError:
            return None
        return tuple(found) if isinstance(found, list) else None

    def _select(self) -> str:
        quoted = ", ".join(f'"{n}"' for n in self.pk + self.names)
        return f'SELECT {quoted} FROM "{self.name}"'

    def rows(self, conn: psycopg.Connection[Any], keys: list[Any]) -> dict[Any, tuple[Any, ...]]:
        """The rows the keys name (key -> values in declared order); missing ones absent."""
        wanted = {v: k for k in keys if (v := self.values_of(k)) is not None}
        width = len(self.pk)
        wanted = {v: k for v, k in wanted.items() if len(v) == width}
        if not wanted:
            return {}
        cols = ", ".join(f'"{c}"' for c in self.pk)
        with conn.cursor(row_factory=tuple_row) as cursor:
            if width == 1:
                cursor.execute(
                    f'{self._select()} WHERE "{self.pk[0]}" = ANY(%s)', ([v[0] for v in wanted],)
                )
            else:
                arrays = ", ".join(f"%s::{kind}[]" for kind in self.pk_types)
                cursor.execute(
                    f"{self._select()} WHERE ({cols}) IN (SELECT * FROM unnest({arrays}))",
                    [list(column) for column in zip(*wanted, strict=True)],
                )
            found = cursor.fetchall()
        got: dict[Any, tuple[Any, ...]] = {}
        for values in found:
            key = wanted.get(values[:width])
            if key is not None:
                got[key] = values[width:]
        return got


def walk(conn: psycopg.Connection[Any], table: str) -> Iterator[tuple[str, Any]]:
    """The problems of `table`'s chain as (verdict, key), as chain_walk.walk gives them."""
    spec = Table.of(conn, table)
    head = pg_chain._rows(conn, "SELECT count, hash FROM chain_heads WHERE tbl = %s", (table,))
    head_count, head_hash = int(head[0]["count"]), head[0]["hash"]
    expected, prev, linked, gone = 1, None, 0, 0
    present: list[Any] = []
    with conn.cursor(row_factory=tuple_row) as blocks:
        fetched = blocks.execute(
            "SELECT first, hash, digests, keys FROM chain_blocks WHERE tbl = %s ORDER BY first",
            (spec.code,),
        ).fetchall()
    for first, stored, digests, packed in fetched:
        keys = chain_codec.unpack_keys(pg_chain.packed_keys(packed))
        if first != expected or len(digests) != SHORT * len(keys):
            yield "urutan", keys[0] if keys else first
        rows = spec.rows(conn, keys)
        running: bytes | None = prev
        computable, named = True, False
        for at, key in enumerate(keys):
            values = rows.get(key)
            if values is None:
                yield "dihapus", key
                gone += 1
                computable, named = False, True
                continue
            present.append(key)
            found = spec.digest(key, values, first + at)
            if found[:SHORT] != bytes(digests[at * SHORT : (at + 1) * SHORT]):
                yield "diubah", key
                named = True
            running = chain_codec.step(running, found)
        if computable and not named and running != bytes(stored):
            yield "blok", f"{keys[0]}–{keys[-1]}"
        prev = bytes(stored)
        linked += len(keys)
        expected = first + len(keys)
    if head_count != linked or (bytes(head_hash) if head_hash else None) != prev:
        yield "kepala", None
    total = pg_chain._rows(conn, f'SELECT count(*) AS n FROM "{table}"')[0]["n"]
    if total > linked - gone:
        yield from (("ditambahkan", k) for k in _unlinked(conn, spec, present))


def _unlinked(conn: psycopg.Connection[Any], spec: Table, present: list[Any]) -> Iterator[Any]:
    """The rows no block names, by their key as the server's trigger would write it."""
    linked = {spec.values_of(k) for k in present}
    cols = ", ".join(f'"{c}"' for c in spec.pk)
    with conn.cursor(row_factory=tuple_row) as cursor:
        cursor.execute(f'SELECT {cols} FROM "{spec.name}" ORDER BY {cols}')
        for values in cursor.fetchall():
            if values not in linked:
                yield values[0] if spec.by_id else json.dumps(list(values), separators=(",", ":"))


def _verify_seals(conn: psycopg.Connection[Any]) -> list[str]:
    problems: list[str] = []
    for table in chain.SEALED_TABLES:
        names = [n for n, _ in pg_chain.columns(conn, table)]
        key = f'"{chain.SEAL_KEYS[table]}"'
        sealed = {
            str(r["row_key"]): r["hash"]
            for r in pg_chain._rows(
                conn,
                f"SELECT row_key, hash FROM {chain.SEAL_TABLE} WHERE id IN (SELECT max(id) FROM "
                f"{chain.SEAL_TABLE} WHERE tbl = %s GROUP BY row_key)",
                (table,),
            )
        }
        changed: list[str] = []
        present: set[str] = set()
        quoted = ", ".join(f'"{n}"' for n in names)
        for row in pg_chain._rows(conn, f'SELECT {key} AS k, {quoted} FROM "{table}" ORDER BY 1'):
            row_key = str(row["k"])
            present.add(row_key)
            if sealed.get(row_key) is None:
                changed.append(f"{_row_label(table, row_key)} ditambahkan di luar program")
            elif chain.digest(None, table, row_key, ((n, row[n]) for n in names)) != bytes(
                sealed[row_key]
            ):
                changed.append(f"{_row_label(table, row_key)} diubah di luar program")
        for row_key, value in sealed.items():
            if value is not None and row_key not in present:
                changed.append(f"{_row_label(table, row_key)} dihapus di luar program")
        problems += _limited(table, changed)
    return problems
