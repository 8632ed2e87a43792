"""The tamper chain's arithmetic and packing (app/storage/chain.py explains the design): the row
digest, the chain step, the packed key list of a block, and `Blocks`, which appends rows to a
table's chain exactly as the per-row triggers do (used by bulk writers, migrations, start_table).

A row's digest in the first encoding (rows linked before step 0033; the second is in
app/storage/chain_text.py) is sha256 of an unambiguous text: the table, the row's key, then
each non-NULL column as `name` + value token, columns in name order (NULL left out, so adding a
nullable column keeps every digest). A value token is `i<int>`, `s<length>:<text>`, `f<repr>` or
`b<hex>`: length-prefixed text needs no escaping, so the text is injective and cheap to build.
The chain hash after row k is sha256(hash after row k-1 ‖ digest of row k), the empty string
before row 1. A block holds BLOCK_ROWS consecutive rows of one table's chain: the chain hash
after its last row, the first 3 bytes of each row's digest (they name a changed row; the chain
hash proves it) and the rows' keys.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, islice, pairwise, repeat
from typing import Any

BLOCK_ROWS = 224  # rows per block: a file-format constant (5 full blocks fill a 4 KB page)
SHORT = 3  # bytes of each row's digest kept in its block: they only NAME a changed row
SEP = "\n"  # between the keys of an open block (JSON keys never hold a raw newline)
_ROWID, _INT_ARRAYS, _TEXT = 1, 2, 3  # packed key list formats
_sha = hashlib.sha256


def token(value: Any) -> str:
    kind = type(value)
    if kind is int:
        return f"i{value}"
    if kind is str:
        return f"s{len(value)}:{value}"
    if kind is float:
        return "f" + float.__repr__(value)
    if kind is bytes:
        return "b" + bytes.hex(value)
    raise TypeError(f"chain: unexpected value type {kind.__name__}")


class Hasher:
    """Row digests of one table, its columns given in sorted order (the hot path of every
    chained write: ints and texts are formatted inline, anything else by `token`)."""

    def __init__(self, table: str, names: Sequence[str]) -> None:
        self.table = table
        self.labels = ["\x1e" + n + "\x1f" for n in names]

    def text(self, key: Any, values: Sequence[Any]) -> str:
        return (
            self.table
            + "\x1e"
            + token(key)
            + "".join(
                [
                    f"{label}i{v}"
                    if type(v) is int
                    else f"{label}s{len(v)}:{v}"
                    if type(v) is str
                    else label + token(v)
                    for label, v in zip(self.labels, values, strict=True)
                    if v is not None
                ]
            )
        )

    def digest(self, key: Any, values: Sequence[Any]) -> bytes:
        if len(values) != len(self.labels):
            raise ValueError(f"chain: {self.table} has {len(self.labels)} columns")
        return _sha(self.text(key, values).encode("utf-8", "surrogatepass")).digest()


def row_digest(table: str, key: Any, names: Sequence[str], values: Sequence[Any]) -> bytes:
    """sha256 of the row's canonical text; `names` in sorted order, `values` in that order."""
    return Hasher(table, names).digest(key, values)


def step(prev: bytes | None, digest: bytes) -> bytes:
    """The chain hash after a row: sha256(previous chain hash ‖ the row's digest)."""
    return _sha((prev or b"") + digest).digest()


def _parse_key(text: str) -> Any:
    return text if text.startswith("[") else int(text)


# --- the key list of a block ---------------------------------------------------------------


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _deltas(columns: Sequence[Sequence[int]]) -> bytes:
    """Each key column's differences from the row before (column after column), int64 LE."""
    flat: list[int] = []
    for column in columns:
        flat.append(column[0])
        flat.extend([b - a for a, b in pairwise(column)])
    data = array("q", flat)
    if sys.byteorder == "big":  # pragma: no cover - the packed form is little-endian
        data.byteswap()
    return data.tobytes()


def _int_arrays(text: str, count: int) -> list[list[int]] | None:
    """The columns of `count` keys written `[i,j,…]` (canonical ints, one arity), else None."""
    if not (text.startswith("[") and text.endswith("]")):
        return None
    rows = text[1:-1].split("]" + SEP + "[")
    if len(rows) != count:  # then every separator stands between "]" and "["
        return None
    commas = rows[0].count(",")
    if any(c != commas for c in map(str.count, rows, repeat(","))):
        return None
    flat = ",".join(rows)
    ints = list(map(int, flat.split(",")))
    if ",".join(map(str, ints)) != flat:  # "+1", " 1", "01", "1_0" are not how keys are written
        return None
    return [ints[c :: commas + 1] for c in range(commas + 1)]


def pack_keys(text: str) -> bytes:
    """A full block's key list (newline-joined, as the triggers write it) packed small: ints or
    integer arrays as deflated deltas, anything else as deflated text; unpacks exactly."""
    lines = text.split(SEP)
    try:
        if not lines[0].startswith("["):
            ints = list(map(int, lines))
            if SEP.join(map(str, ints)) == text:
                return bytes([_ROWID, 1]) + _deflate(_deltas([ints]))
        elif arrays := _int_arrays(text, len(lines)):
            return bytes([_INT_ARRAYS, len(arrays)]) + _deflate(_deltas(arrays))
    except ValueError:  # not integers, a ragged list, or a difference beyond 64 bits
        pass
    except OverflowError:
        pass
    return bytes([_TEXT, 0]) + _deflate(text.encode("utf-8", "surrogatepass"))


def unpack_keys(stored: str | bytes) -> list[Any]:
    """The keys of a block, in chain order (ints for rowid tables, JSON text otherwise)."""
    if isinstance(stored, str):
        return [_parse_key(x) for x in stored.split(SEP)]
    kind, arity, body = stored[0], stored[1], zlib.decompress(stored[2:], -15)
    if kind == _TEXT:
        return [_parse_key(x) for x in body.decode("utf-8", "surrogatepass").split(SEP)]
    data = array("q")
    data.frombytes(body)
    if sys.byteorder == "big":  # pragma: no cover
        data.byteswap()
    rows = len(data) // arity
    columns = [list(accumulate(data[c * rows : (c + 1) * rows])) for c in range(arity)]
    if kind == _ROWID:
        return columns[0]
    return ["[" + ",".join(map(str, r)) + "]" for r in zip(*columns, strict=True)]


def block_first(count: int) -> int:
    """The chain position of the first row of the block holding position `count` (from 1)."""
    return count - (count - 1) % BLOCK_ROWS


# --- appending rows ------------------------------------------------------------------------


class Blocks:
    """Appends rows to one table's chain in `chain_blocks`, as the per-row triggers would:
    the open (last, not full) block is grown, full blocks get packed keys. `finish()` writes
    what is left and the head; nothing is written before (except full blocks in batches)."""

    FLUSH = 200  # full blocks written per executemany

    def __init__(self, conn: sqlite3.Connection, table: str, fresh: bool = False) -> None:
        """`fresh`: start the chain anew (step 0029's conversion; the table has no blocks)."""
        self.conn = conn
        self.table = table
        self.code, self.count, head = conn.execute(
            "SELECT code, count, hash FROM chain_heads WHERE tbl = ?", (table,)
        ).fetchone()
        self.hash: bytes | None = head
        if fresh:
            self.count, self.hash = 0, None
        self.open_id: int | None = None
        self.digests: list[bytes] = []
        self.keys: list[str] = []
        if self.count % BLOCK_ROWS:
            row = conn.execute(
                "SELECT rowid, digests, keys FROM chain_blocks WHERE tbl = ? AND first = ?",
                (self.code, block_first(self.count)),
            ).fetchone()
            if row is None or not isinstance(row[2], str):
                raise RuntimeError(f"chain: {table} has no open block at {self.count}")
            self.open_id = row[0]
            self.digests = [row[1]]
            self.keys = [row[2]]
        self.full: list[tuple[int, int, bytes, bytes, bytes]] = []
        self.added = 0

    def add(self, key: Any, digest: bytes) -> None:
        self.add_all([(key, digest)])

    def add_all(self, rows: Iterable[tuple[Any, bytes]]) -> None:
        """Rows as (key, digest), in chain order."""
        source = iter(rows)
        while chunk := list(islice(source, BLOCK_ROWS - self.count % BLOCK_ROWS)):
            self._extend([str(k) for k, _ in chunk], [d for _, d in chunk])

    def add_texts(
        self, rows: Iterable[tuple[Any, bytes | None]], fill: Callable[[Any], bytes]
    ) -> None:
        """Rows as (key, text) in chain order, a block's worth at a time (the bulk path: the
        digests of encoding 2, app/storage/chain_text.py); `fill(key)` gives a NULL text."""
        source, sha = iter(rows), _sha
        while chunk := list(islice(source, BLOCK_ROWS - self.count % BLOCK_ROWS)):
            found = [sha(fill(k) if t is None else t).digest() for k, t in chunk]
            self._extend([str(k) for k, _ in chunk], found)

    def _extend(self, keys: list[str], found: list[bytes]) -> None:
        """Rows that fit in the open block: chain them on, close the block when it is full."""
        sha, running = _sha, self.hash or b""
        for digest in found:
            running = sha(running + digest).digest()
        self.hash = running
        self.count += len(found)
        self.added += len(found)
        self.digests.append(b"".join([d[:SHORT] for d in found]))
        self.keys.extend(keys)
        if self.count % BLOCK_ROWS == 0:
            self._close()

    def _close(self) -> None:
        assert self.hash is not None
        packed = pack_keys(SEP.join(self.keys))
        if self.open_id is not None:
            self.conn.execute(
                "UPDATE chain_blocks SET hash = ?, digests = ?, keys = ? WHERE rowid = ?",
                (self.hash, b"".join(self.digests), packed, self.open_id),
            )
            self.open_id = None
        else:
            first = self.count - BLOCK_ROWS + 1
            self.full.append((self.code, first, self.hash, b"".join(self.digests), packed))
            if len(self.full) >= self.FLUSH:
                self._write_full()
        self.digests, self.keys = [], []

    def _write_full(self) -> None:
        self.conn.executemany(
            "INSERT INTO chain_blocks (tbl, first, hash, digests, keys) VALUES (?, ?, ?, ?, ?)",
            self.full,
        )
        self.full.clear()

    def finish(self) -> None:
        if not self.added:
            return
        self._write_full()
        if self.keys and self.open_id is not None:
            self.conn.execute(
                "UPDATE chain_blocks SET hash = ?, digests = ?, keys = ? WHERE rowid = ?",
                (self.hash, b"".join(self.digests), SEP.join(self.keys), self.open_id),
            )
        elif self.keys:
            self.conn.execute(
                "INSERT INTO chain_blocks (tbl, first, hash, digests, keys) VALUES (?, ?, ?, ?, ?)",
                (
                    self.code,
                    block_first(self.count),
                    self.hash,
                    b"".join(self.digests),
                    SEP.join(self.keys),
                ),
            )
        self.conn.execute(
            "UPDATE chain_heads SET count = ?, hash = ? WHERE tbl = ?",
            (self.count, self.hash, self.table),
        )
