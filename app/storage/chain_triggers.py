"""The per-row path of the tamper chain (app/storage/chain.py explains it): the Python link
functions registered on each connection and the TEMP trigger that links a new row into its
table's open block. `chain.install` writes one trigger per chained table."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from typing import Any

from app.storage import chain_codec, chain_text

LINK_FUNCTION = "mufakat_chain_link"  # encoding 1 (before step 0033)
LINK2_FUNCTION = "mufakat_chain_link2"  # encoding 2 (app/storage/chain_text.py)
PACK_FUNCTION = "mufakat_chain_pack"


def link_functions(
    conn: sqlite3.Connection,
) -> tuple[dict[int, chain_codec.Hasher], dict[int, chain_text.Shape]]:
    """Register this connection's per-row link functions (encoding 1: the row's values in
    sorted-column order; encoding 2: its text from SQL, NULL with its values when Python must
    encode it); returns their table registries (code -> hasher / shape), filled by `install`."""
    tables: dict[int, chain_codec.Hasher] = {}
    shapes: dict[int, chain_text.Shape] = {}
    sha, short, text = hashlib.sha256, chain_codec.SHORT, chain_text.text

    def link(prev: bytes | None, code: int, key: Any, *values: Any) -> bytes:
        found = tables[code].digest(key, values)
        return sha((prev or b"") + found).digest() + found[:short]

    def link2(prev: bytes | None, code: int, key: Any, row: bytes | None, *values: Any) -> bytes:
        if row is None:
            shape = shapes[code]
            row = text(shape.table, key if shape.rowid else None, values)
        found = sha(row).digest()
        return sha((prev or b"") + found).digest() + found[:short]

    conn.create_function(LINK_FUNCTION, -1, link)
    conn.create_function(LINK2_FUNCTION, -1, link2)
    conn.create_function(PACK_FUNCTION, 1, chain_codec.pack_keys, deterministic=True)
    return tables, shapes


def link_call(code: int, key: str, names: Sequence[str], shape: chain_text.Shape | None) -> str:
    """The trigger's call of the link function for a new row (NEW.*)."""
    if shape is None:
        values = ", ".join(f'NEW."{name}"' for name in names)
        return f"{LINK_FUNCTION}(hash, {code}, {key}, {values})"
    row = shape.sql("NEW.")
    values = "".join(f', NEW."{n}"' for n in shape.names) if shape.may_need_python() else ""
    return f"{LINK2_FUNCTION}(hash, {code}, {key}, {row}{values})"


def block_trigger(table: str, code: int, key: str, link: str) -> str:
    """Per row: the head steps on (its hash briefly carries the row's short digest too), the
    row joins its block (a new one every BLOCK_ROWS rows; a full block's keys are packed)."""
    n = chain_codec.BLOCK_ROWS
    head = f"chain_heads WHERE tbl = '{table}'"
    return (
        f'CREATE TEMP TRIGGER "chain_link_{table}" AFTER INSERT ON main."{table}" BEGIN '
        f"UPDATE chain_heads SET count = count + 1, hash = {link} WHERE tbl = '{table}'; "
        "INSERT INTO chain_blocks (tbl, first, hash, digests, keys) "
        f"SELECT code, count, substr(hash, 1, 32), substr(hash, 33), CAST({key} AS TEXT) "
        f"FROM {head} AND count % {n} = 1; "
        "UPDATE chain_blocks SET hash = substr(h.hash, 1, 32), "
        "digests = CAST(chain_blocks.digests || substr(h.hash, 33) AS BLOB), "
        f"keys = CASE WHEN h.count % {n} = 0 "
        f"THEN {PACK_FUNCTION}(chain_blocks.keys || char(10) || {key}) "
        f"ELSE chain_blocks.keys || char(10) || {key} END "
        f"FROM chain_heads h WHERE h.tbl = '{table}' AND h.count % {n} != 1 "
        f"AND chain_blocks.tbl = h.code AND chain_blocks.first = h.count - (h.count - 1) % {n}; "
        f"UPDATE chain_heads SET hash = substr(hash, 1, 32) WHERE tbl = '{table}'; END"
    )
