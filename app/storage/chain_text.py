"""The tamper chain's second row encoding (step 0033; app/storage/chain.py explains the chain).

Encoding 1 (`chain_codec.Hasher`) builds each row's text in Python from its values: most of the
chain's cost in a bulk write (every value fetched into Python and formatted, a few µs a row).
Encoding 2 has SQLite build the text in C, in the very statement that reads the row (or, in
the per-row trigger, writes it), and hands Python one BLOB to hash:

    CAST(rtrim(json_array('<table>', rowid, <every column in declared order>), ',]nul') AS BLOB)

that is: a JSON array of the table's name, the rowid (left out for a WITHOUT ROWID table, whose
key is among its columns) and the column values in the table's declared order (ints as
decimals, texts as JSON strings, NULL as null), its trailing nulls and closing bracket cut off
(`rtrim`: what is left ends in a digit or a quote, so nothing else is cut): a nullable column
added later (ALTER TABLE ADD COLUMN appends) keeps every digest. A REAL (json_array would round
it) or a BLOB (which it cannot hold) makes the SQL give NULL, and Python encodes that row, the
value as ["f","<repr>"] or ["b","<hex>"] in its place. `text` below is the definition; the
tests hold SQLite's text to it, and the program checks it once per process (`native`: with a
SQLite whose JSON differed every row would take the Python path). A migration that reorders a
chained table's columns, or adds one with a non-NULL default, must `rechain` it.

The digest and the chain step are encoding 1's: digest = sha256(text), chain hash after a row =
sha256(hash before ‖ digest), the digest's first 3 bytes kept per row in its block.

Which rows use it: `chain_heads.v2_from`, the chain position (from 1) of a table's first row in
encoding 2 — step 0033 set count + 1 for every chain then in the file, a chain started later
has 1; the rows before it keep encoding 1 and are verified with it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

FROM_COLUMN = "v2_from"
_PLAIN = ("INTEGER", "TEXT")  # in a STRICT table these columns hold nothing but ints, texts
CUT = _CUT = ",]nul"  # cut from a text's end: its trailing nulls and closing bracket
sha256 = _sha = hashlib.sha256


def in_use(conn: sqlite3.Connection) -> bool:
    """Step 0033 has run: chain_heads says where each table's rows switch to encoding 2."""
    return any(r[1] == FROM_COLUMN for r in conn.execute("PRAGMA table_info(chain_heads)"))


def encoding_at(split: int | None, position: int) -> int:
    """The encoding of the row at a chain position (from 1), `split` the table's v2_from."""
    return 1 if split is None or position < split else 2


def _token(value: Any) -> str:
    kind = type(value)
    if kind is int:
        return int.__repr__(value)
    if kind is str:
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return "null"
    if kind is float:
        return '["f","' + float.__repr__(value) + '"]'
    if kind is bytes:
        return '["b","' + bytes.hex(value) + '"]'
    raise TypeError(f"chain: unexpected value type {kind.__name__}")


def text(table: str, rowid: int | None, values: Sequence[Any]) -> bytes:
    """A row's text in encoding 2 (the definition): `values` in declared column order,
    `rowid` None for a WITHOUT ROWID table."""
    head = [table] if rowid is None else [table, rowid]
    body = "[" + ",".join(_token(v) for v in (*head, *values)) + "]"
    return body.rstrip(_CUT).encode("utf-8", "surrogatepass")


class Shape:
    """Encoding 2 of one table: its columns in declared order, whether it has a rowid, which
    columns may hold a REAL or a BLOB (any in a non-STRICT table, else those not declared
    INTEGER or TEXT)."""

    def __init__(self, conn: sqlite3.Connection, table: str) -> None:
        self.table = table
        info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        self.names = [str(r[1]) for r in info]
        listed = conn.execute(f'PRAGMA main.table_list("{table}")').fetchone()
        self.rowid = not listed[4]  # wr: WITHOUT ROWID
        strict = bool(listed[5])
        self.loose = [str(r[1]) for r in info if not (strict and str(r[2]).upper() in _PLAIN)]
        self.key = "rowid" if self.rowid else None
        self.pk = [n for _, n in sorted((r[5], r[1]) for r in info if r[5])]

    def sql(self, prefix: str = "", every: bool = False) -> str:
        """SQL for the row's text as a BLOB, NULL when Python must encode it (a REAL or BLOB in
        a column that may hold one; `every`: in any column, for reading a file back)."""
        values = [f'{prefix}"{n}"' for n in self.names]
        if self.rowid:
            values.insert(0, f"{prefix}rowid")
        body = f"CAST(rtrim(json_array('{self.table}', {', '.join(values)}), '{_CUT}') AS BLOB)"
        watched = self.names if every else self.loose
        if not native():
            return "NULL"
        if not watched:
            return body
        odd = " OR ".join(f"typeof({prefix}\"{n}\") IN ('real', 'blob')" for n in watched)
        return f"CASE WHEN {odd} THEN NULL ELSE {body} END"

    def may_need_python(self) -> bool:
        """Can `sql` give NULL for a row the program writes (then Python needs its values)?"""
        return bool(self.loose) or not native()

    def python_text(self, conn: sqlite3.Connection, key: Any) -> bytes | None:
        """The row's text encoded in Python (the row read by its key); None if it is gone."""
        quoted = ", ".join(f'"{n}"' for n in self.names)
        if self.rowid:
            row = conn.execute(
                f'SELECT {quoted} FROM "{self.table}" WHERE rowid = ?', (key,)
            ).fetchone()
        else:
            where = " AND ".join(f'"{n}" = ?' for n in self.pk)
            row = conn.execute(
                f'SELECT {quoted} FROM "{self.table}" WHERE {where}', tuple(json.loads(key))
            ).fetchone()
        if row is None:
            return None
        return text(self.table, key if self.rowid else None, row)

    def required_text(self, conn: sqlite3.Connection, key: Any) -> bytes:
        """`python_text` of a row that must be there (one just read or written)."""
        found = self.python_text(conn, key)
        if found is None:
            raise RuntimeError(f"chain: {self.table} row {key} vanished")
        return found

    def digests(
        self, conn: sqlite3.Connection, rows: Iterable[tuple[Any, bytes | None]]
    ) -> Iterator[tuple[Any, bytes]]:
        """(key, digest) of (key, text from `sql`) rows, the NULL texts encoded in Python."""
        sha = _sha
        for key, blob in rows:
            yield key, sha(self.required_text(conn, key) if blob is None else blob).digest()


_agrees: dict[str, bool] = {}


def native() -> bool:
    """Does this process's SQLite give `text`'s JSON for the awkward texts? Checked once: a
    SQLite that differed would write texts no other could verify, so with it every row's
    text is built in Python instead (slower, the same bytes)."""
    version = sqlite3.sqlite_version
    if version not in _agrees:
        conn = sqlite3.connect(":memory:")
        try:
            _agrees[version] = _sqlite_agrees(conn)
        finally:
            conn.close()
    return _agrees[version]


def _sqlite_agrees(conn: sqlite3.Connection) -> bool:
    probe = "".join(map(chr, range(0x80))) + "é€\u2028\ufeff😀 nul]"
    values = (probe, -(2**63), 2**63 - 1, 0, "", None, "x", None)
    marks = ", ".join("?" * len(values))
    got = conn.execute(
        f"SELECT CAST(rtrim(json_array('t', 7, {marks}), '{_CUT}') AS BLOB)", values
    ).fetchone()[0]
    return bool(got == text("t", 7, values))
