"""Reading a table's block chain back (app/storage/chain.py): each block's rows fetched in a few
queries, each row's digest recomputed, each changed, deleted or unlinked row named. Used by
`mufakat check` (chain_verify.py) and by the comparison with this PC's record of the heads."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.storage import chain, chain_codec, chain_text

SHORT = chain_codec.SHORT


@dataclass(frozen=True)
class Table:
    """What reading one chained table needs: its name, code, sorted columns and key, and the
    chain position of its first row in encoding 2 (None: before step 0033)."""

    name: str
    code: int
    names: list[str]
    key: str  # SQL: the key expression (rowid, or json_array of the primary key)
    pk: list[str]  # the primary-key columns ([] for a rowid table)
    hasher: chain_codec.Hasher
    split: int | None
    shape: chain_text.Shape | None

    @classmethod
    def of(cls, conn: sqlite3.Connection, table: str) -> Table:
        code = conn.execute("SELECT code FROM chain_heads WHERE tbl = ?", (table,)).fetchone()[0]
        key = chain.key_expression(conn, table)
        pk = [] if key == "rowid" else chain.primary_key(conn, table)
        names = chain.sorted_columns(conn, table)
        split = chain.v2_from(conn, table)
        shape = None if split is None else chain_text.Shape(conn, table)
        hasher = chain_codec.Hasher(table, names)
        return cls(table, int(code), names, key, pk, hasher, split, shape)

    def _select(self, what: str) -> str:
        return f'SELECT {self.key}, {what} FROM "{self.name}"'

    def rows(self, conn: sqlite3.Connection, keys: list[Any]) -> dict[Any, tuple[Any, ...]]:
        """The rows with these keys (key -> values in sorted-column order); missing ones absent."""
        quoted = ", ".join(f'"{n}"' for n in self.names)
        return {r[0]: tuple(r[1:]) for r in self._fetch(conn, keys, quoted)}

    def _fetch(self, conn: sqlite3.Connection, keys: list[Any], what: str) -> list[Any]:
        """(key, the selected values…) of the rows with these keys, missing ones absent (and
        maybe some others). One range query when the keys lie close together, else one query
        per key."""
        if not keys:
            return []
        tuples = [(k,) for k in keys] if not self.pk else _key_tuples(keys)
        cols = ["rowid"] if not self.pk else [f'"{c}"' for c in self.pk]
        width = len(cols)
        if all(len(t) == width for t in tuples):
            low, high = min(tuples), max(tuples)
            marks = ", ".join("?" * width)
            limit = 4 * len(keys) + 8
            found = conn.execute(
                f"{self._select(what)} WHERE ({', '.join(cols)}) BETWEEN ({marks}) AND ({marks}) "
                f"LIMIT {limit}",
                (*low, *high),
            ).fetchall()
            if len(found) < limit:
                return found
        where = " AND ".join(f"{c} = ?" for c in cols)
        got = []
        for params in tuples:
            if len(params) == width:
                row = conn.execute(f"{self._select(what)} WHERE {where}", params).fetchone()
                if row is not None:
                    got.append(row)
        return got

    def digests(self, conn: sqlite3.Connection, keys: list[Any], first: int) -> list[bytes | None]:
        """The digest of each of these keys, the first at chain position `first` (in the
        encoding of its position), None for a row that is gone."""
        cut = len(keys) if self.split is None else max(0, min(len(keys), self.split - first))
        old = self.rows(conn, keys[:cut])
        found: list[bytes | None] = [
            self.hasher.digest(k, old[k]) if k in old else None for k in keys[:cut]
        ]
        if cut < len(keys):
            assert self.shape is not None
            texts = dict(self._fetch(conn, keys[cut:], self.shape.sql(every=True)))
            sha = chain_text.sha256
            for k in keys[cut:]:
                if k not in texts:
                    found.append(None)
                    continue
                text = texts[k]
                if text is None:
                    text = self.shape.python_text(conn, k)
                found.append(None if text is None else sha(text).digest())
        return found


def walk(conn: sqlite3.Connection, table: str) -> Iterator[tuple[str, Any]]:
    """The problems of `table`'s chain as (verdict, key): 'urutan' (a block out of sequence),
    'dihapus', 'diubah' (a row changed: its short digest differs), 'blok' (a block whose chain
    hash fails while every short digest matches: key is the block's first..last keys),
    'kepala' (the head does not match the blocks), 'ditambahkan' (a row with no link)."""
    spec = Table.of(conn, table)
    head_count, head_hash = conn.execute(
        "SELECT count, hash FROM chain_heads WHERE tbl = ?", (table,)
    ).fetchone()
    expected = 1
    sha = chain_text.sha256
    prev: bytes | None = None
    linked = gone = 0
    for first, stored, digests, packed in conn.execute(
        "SELECT first, hash, digests, keys FROM chain_blocks WHERE tbl = ? ORDER BY first",
        (spec.code,),
    ):
        keys = chain_codec.unpack_keys(packed)
        if first != expected or len(digests) != SHORT * len(keys):
            yield "urutan", keys[0] if keys else first
        found = spec.digests(conn, keys, first)
        whole = [d for d in found if d is not None]
        if len(whole) == len(keys) and b"".join([d[:SHORT] for d in whole]) == digests:
            chained = prev or b""  # every row there, none named: only the chain hash to check
            for one in whole:
                chained = sha(chained + one).digest()
            if chained != stored:
                yield "blok", f"{keys[0]}–{keys[-1]}"
            prev, linked, expected = stored, linked + len(keys), first + len(keys)
            continue
        running = prev
        computable, named = True, False
        for at, key in enumerate(keys):
            digest = found[at]
            if digest is None:
                yield "dihapus", key
                gone += 1
                computable, named = False, True
                continue
            if digest[:SHORT] != digests[at * SHORT : (at + 1) * SHORT]:
                yield "diubah", key
                named = True
            running = chain_codec.step(running, digest)
        if computable and not named and running != stored:
            yield "blok", f"{keys[0]}–{keys[-1]}"
        prev = stored
        linked += len(keys)
        expected = first + len(keys)
    if head_count != linked or (head_hash or None) != prev:
        yield "kepala", None
    total = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    if total > linked - gone:
        yield from (("ditambahkan", k) for k in unlinked(conn, spec))


def _key_tuples(keys: list[Any]) -> list[tuple[Any, ...]]:
    """The primary-key values of JSON keys (one parse for the lot while they are well formed)."""
    try:
        parsed = json.loads("[" + ",".join(keys) + "]")
    except (ValueError, TypeError):
        parsed = None
    if not isinstance(parsed, list) or len(parsed) != len(keys):
        return [tuple(v) if isinstance(v := json.loads(k), list) else (v,) for k in keys]
    return [tuple(v) if isinstance(v, list) else (v,) for v in parsed]


def unlinked(conn: sqlite3.Connection, spec: Table) -> Iterator[Any]:
    """The keys of the rows no block names (only read when the counts say some exist)."""
    linked: set[Any] = set()
    for (packed,) in conn.execute("SELECT keys FROM chain_blocks WHERE tbl = ?", (spec.code,)):
        linked.update(chain_codec.unpack_keys(packed))
    for (key,) in conn.execute(f'SELECT {spec.key} FROM "{spec.name}" ORDER BY {spec.key}'):
        if key not in linked:
            yield key


def hash_at(conn: sqlite3.Connection, table: str, count: int) -> tuple[int, bytes | None] | None:
    """(the head's count, the chain hash after row `count`) of `table`; None when the table is
    not chained. Within a block the hash is recomputed from the block before (at most
    BLOCK_ROWS - 1 rows read); None for the hash when a row is missing."""
    head = conn.execute("SELECT code, count FROM chain_heads WHERE tbl = ?", (table,)).fetchone()
    if head is None:
        return None
    code, head_count = int(head[0]), int(head[1])
    if count <= 0 or count > head_count:
        return head_count, None
    first = chain_codec.block_first(count)
    block = conn.execute(
        "SELECT hash, digests, keys FROM chain_blocks WHERE tbl = ? AND first = ?", (code, first)
    ).fetchone()
    if block is None:
        return head_count, None
    if first + len(block[1]) // SHORT - 1 == count:
        return head_count, block[0]
    before = conn.execute(
        "SELECT hash FROM chain_blocks WHERE tbl = ? AND first = ?",
        (code, first - chain_codec.BLOCK_ROWS),
    ).fetchone()
    running: bytes | None = before[0] if before else None
    spec = Table.of(conn, table)
    keys = chain_codec.unpack_keys(block[2])[: count - first + 1]
    for digest in spec.digests(conn, keys, first):
        if digest is None:
            return head_count, None
        running = chain_codec.step(running, digest)
    return head_count, running
