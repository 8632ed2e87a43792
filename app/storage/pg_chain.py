"""The tamper chain on the office server (issue 15): the same chains as in a file
(app/storage/chain.py), extended by PL/pgSQL triggers inside the database.

On SQLite the program's own connection installs TEMP triggers that call Python; on PostgreSQL
the triggers live in the database, so every row inserted into a chained table, by any PC and by
any tool, is linked in the same statement: a row's digest is the server's `sha256()` of the
text of its chain position's encoding, as on SQLite: from the table's `chain_heads.v2_from` on
(copied by `server move`), encoding 2, `chain_text.text`'s bytes (`text2_sql`); before it (or
with no v2_from) encoding 1, the text `chain_codec.Hasher` builds (the table, the key token,
each non-NULL column as name and value token in name order); the chain hash, the block of
BLOCK_ROWS rows in `chain_blocks` and the head in `chain_heads` are stepped exactly as the
SQLite trigger steps them. So the blocks copied by `server move` and the blocks grown on the
server form one chain, and `mufakat check --db URL` (pg_chain_verify.py) recomputes both alike.
A full block written on the server keeps its keys as text (PL/pgSQL has no deflate); a packed
block copied from a file arrives as bytea text (`\\x…`, `packed_keys`).

The key of a row: its id for a table whose primary key is one integer column (SQLite's rowid
is that column); else the JSON array of its primary key (as SQLite's WITHOUT ROWID tables). A
file's rowid table whose rowid is hidden (a primary key of several columns: `loan_schedules`,
`board_meeting_attendees`) has rowids as keys that PostgreSQL does not keep: `server move`
records each such rowid with its primary key in `chain_rowids` (copy_rowids).

Changes to `users` and `settings` are sealed in `row_seals` as on SQLite (`chain.digest`'s JSON
text, built here by `to_json`). The trigger functions run as their owner (SECURITY DEFINER);
the program's role may not write the chain's tables nor call the step function, so a PC cannot
forge a link; what the chain catches is a row changed, deleted or inserted with the triggers
switched off (which only the server's superuser can do).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from app.storage import chain, chain_codec, chain_text

STEP_FUNCTION = "mufakat_chain_step"
LINK_PREFIX = "chain_link_"  # the trigger on a chained table (same name as SQLite's TEMP one)
SEAL_PREFIX = "chain_seal_"
CHAIN_TABLES = (
    "chain_heads",
    "chain_blocks",
    "chain_identity",
    "chain_findings",
    "chain_rowids",
    chain.SEAL_TABLE,
)
"""Written only by the triggers, `server move` and the schema steps: never by the program."""

_N = chain_codec.BLOCK_ROWS
STEP_SQL = f"""
CREATE OR REPLACE FUNCTION {STEP_FUNCTION}(t text, k text, d bytea) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE h record;
BEGIN
    UPDATE chain_heads SET count = count + 1, hash = sha256(coalesce(hash, ''::bytea) || d)
        WHERE tbl = t RETURNING code, count, hash INTO h;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'chain: % is not chained', t;
    END IF;
    IF h.count % {_N} = 1 THEN
        INSERT INTO chain_blocks (tbl, first, hash, digests, keys)
            VALUES (h.code, h.count, h.hash, substr(d, 1, {chain_codec.SHORT}), k);
    ELSE
        UPDATE chain_blocks SET hash = h.hash,
            digests = digests || substr(d, 1, {chain_codec.SHORT}), keys = keys || E'\\n' || k
            WHERE tbl = h.code AND first = h.count - (h.count - 1) % {_N};
        IF NOT FOUND THEN
            RAISE EXCEPTION 'chain: % has no open block at %', t, h.count;
        END IF;
    END IF;
END $f$;
REVOKE EXECUTE ON FUNCTION {STEP_FUNCTION}(text, text, bytea) FROM PUBLIC;
"""


def _rows(conn: psycopg.Connection[Any], query: str, params: Any = ()) -> list[dict[str, Any]]:
    """Rows as dicts whatever the connection's row factory."""
    with conn.cursor(row_factory=dict_row) as cursor:
        return cursor.execute(query, params).fetchall()


def columns(conn: psycopg.Connection[Any], table: str) -> list[tuple[str, str]]:
    """(name, type) of the table's columns, in name order (the order of a row's digest)."""
    rows = _rows(
        conn,
        "SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type "
        "FROM pg_attribute a WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 "
        "AND NOT a.attisdropped",
        (f'public."{table}"',),
    )
    return sorted((r["name"], r["type"]) for r in rows)


def declared_columns(conn: psycopg.Connection[Any], table: str) -> list[tuple[str, str]]:
    """(name, type) of the table's columns in declared order (encoding 2's order; the
    baseline declares them in SQLite's order, an added column comes last on both)."""
    rows = _rows(
        conn,
        "SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type "
        "FROM pg_attribute a WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 "
        "AND NOT a.attisdropped ORDER BY a.attnum",
        (f'public."{table}"',),
    )
    return [(r["name"], r["type"]) for r in rows]


def primary_key(conn: psycopg.Connection[Any], table: str) -> list[tuple[str, str]]:
    """(name, type) of the primary-key columns, in key order."""
    rows = _rows(
        conn,
        "SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type "
        "FROM pg_index x JOIN unnest(x.indkey) WITH ORDINALITY k(n, o) ON true "
        "JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n "
        "WHERE x.indrelid = to_regclass(%s) AND x.indisprimary ORDER BY k.o",
        (f'public."{table}"',),
    )
    return [(r["name"], r["type"]) for r in rows]


def id_keyed(pk: list[tuple[str, str]]) -> bool:
    """A row's key is its one integer key column (SQLite: the rowid is that column)."""
    return len(pk) == 1 and pk[0][1] == "bigint"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _token(name: str, kind: str, table: str) -> str:
    """SQL for a column's part of the row text: empty when NULL (chain_codec.Hasher)."""
    ref = f'NEW."{name}"'
    label = f"E'\\x1e' || {_quote(name)} || E'\\x1f'"
    if kind == "bigint":
        value = f"'i' || {ref}::text"
    elif kind == "text":
        value = f"'s' || char_length({ref})::text || ':' || {ref}"
    elif kind == "bytea":
        value = f"'b' || encode({ref}, 'hex')"
    else:
        raise ValueError(f"chain: {table}.{name} has a type the chain does not take ({kind})")
    return f"coalesce({label} || {value}, '')"


def _key_sql(pk: list[tuple[str, str]], table: str) -> tuple[str, str]:
    """(SQL of the key as text, SQL of its token in the row text)."""
    if not pk:
        raise ValueError(f"chain: {table} has no primary key")
    if id_keyed(pk):
        key = f'NEW."{pk[0][0]}"::text'
        return key, "'i' || k"
    parts = [
        f'NEW."{n}"::text' if t == "bigint" else f'to_json(NEW."{n}"::text)::text' for n, t in pk
    ]
    key = "'[' || " + " || ',' || ".join(parts) + " || ']'"
    return key, "'s' || char_length(k)::text || ':' || k"


def text2_sql(
    table: str, declared: list[tuple[str, str]], pk: list[tuple[str, str]], ref: str = "NEW"
) -> str:
    """SQL of a row's text in encoding 2 (chain_text.text's bytes): the JSON array of the
    table's name, its id (a table keyed by one integer column: SQLite's rowid; no rowid for
    another key, as a WITHOUT ROWID table) and the columns in declared order, the trailing
    nulls and closing bracket cut. `to_json` escapes a text as Python's json.dumps does
    (`"`, `\\`, \\b \\f \\n \\r \\t, other controls as \\u00xx, the rest raw)."""
    values = [f'{ref}."{pk[0][0]}"::text'] if id_keyed(pk) else []
    for name, kind in declared:
        column = f'{ref}."{name}"'
        if kind == "bigint":
            values.append(f"coalesce({column}::text, 'null')")
        elif kind == "text":
            values.append(f"coalesce(to_json({column})::text, 'null')")
        elif kind == "bytea":
            values.append(f"""coalesce('["b","' || encode({column}, 'hex') || '"]', 'null')""")
        else:
            raise ValueError(f"chain: {table}.{name} has a type the chain does not take ({kind})")
    head = _quote("[" + json.dumps(table, ensure_ascii=False))
    body = " || ',' || ".join([head, *values]) if values else head
    return f"convert_to(rtrim({body}, {_quote(chain_text.CUT)}), 'UTF8')"


def link_function_sql(conn: psycopg.Connection[Any], table: str) -> str:
    """The link trigger: the row's digest in the encoding of its chain position (encoding 2
    from the table's `chain_heads.v2_from` on, as on SQLite), then the chain stepped. The head
    is locked first, so the position read is the one the step gives the row."""
    pk = primary_key(conn, table)
    key, key_token = _key_sql(pk, table)
    parts = [_token(name, kind, table) for name, kind in columns(conn, table)]
    text = f"{_quote(table)} || E'\\x1e' || {key_token} || " + " || ".join(parts)
    text2 = text2_sql(table, declared_columns(conn, table), pk)
    function = f"mufakat_{LINK_PREFIX}{table}"
    return f"""
CREATE OR REPLACE FUNCTION "{function}"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE k text; v2 boolean;
BEGIN
    k := {key};
    SELECT count + 1 >= v2_from INTO v2 FROM chain_heads WHERE tbl = {_quote(table)} FOR UPDATE;
    IF v2 THEN
        PERFORM {STEP_FUNCTION}({_quote(table)}, k, sha256({text2}));
    ELSE
        PERFORM {STEP_FUNCTION}({_quote(table)}, k, sha256(convert_to({text}, 'UTF8')));
    END IF;
    RETURN NULL;
END $f$;
CREATE OR REPLACE TRIGGER "{LINK_PREFIX}{table}" AFTER INSERT ON "{table}"
    FOR EACH ROW EXECUTE FUNCTION "{function}"();
"""


def seal_function_sql(conn: psycopg.Connection[Any], table: str) -> str:
    """users/settings: each change appends the row's `chain.digest` (JSON text) to row_seals."""
    key = f'NEW."{chain.SEAL_KEYS[table]}"::text'
    pairs = []
    for name, kind in columns(conn, table):
        value = f'NEW."{name}"::text' if kind == "bigint" else f'to_json(NEW."{name}")::text'
        pairs.append(f"{_quote(json.dumps(name) + ':')} || {value}")
    head = json.dumps(["", table], separators=(",", ":"))[:-1] + ","  # ["","users",
    text = (
        f"{_quote(head)} || to_json({key})::text || ',{{' || "
        f"concat_ws(',', {', '.join(pairs)}) || '}}]'"
    )
    function = f"mufakat_{SEAL_PREFIX}{table}"
    old_key = f'OLD."{chain.SEAL_KEYS[table]}"::text'
    return f"""
CREATE OR REPLACE FUNCTION "{function}"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO {chain.SEAL_TABLE} (tbl, row_key, hash)
            VALUES ({_quote(table)}, {old_key}, NULL);
    ELSE
        INSERT INTO {chain.SEAL_TABLE} (tbl, row_key, hash)
            VALUES ({_quote(table)}, {key}, sha256(convert_to({text}, 'UTF8')));
    END IF;
    RETURN NULL;
END $f$;
CREATE OR REPLACE TRIGGER "{SEAL_PREFIX}{table}" AFTER INSERT OR UPDATE OR DELETE ON "{table}"
    FOR EACH ROW EXECUTE FUNCTION "{function}"();
"""


def chained_tables(conn: psycopg.Connection[Any]) -> list[str]:
    return [r["tbl"] for r in _rows(conn, "SELECT tbl FROM chain_heads ORDER BY code")]


def install(conn: psycopg.Connection[Any]) -> list[str]:
    """(Re)create the link trigger of every chained table and the seal triggers, as the
    database's owner; the tables linked. Nothing before the chains have heads (a fresh schema:
    the heads come with the rows `server move` copies, and only then may rows be linked)."""
    tables = [t for t in chained_tables(conn) if columns(conn, t)]
    if not tables:
        return []
    conn.execute(STEP_SQL)
    for table in tables:
        conn.execute(link_function_sql(conn, table))
    for table in chain.SEALED_TABLES:
        conn.execute(seal_function_sql(conn, table))
    return tables


def revoke(conn: psycopg.Connection[Any], app_role: str) -> None:
    """The program's role only reads the chain's tables (pg_schema.grant)."""
    for table in CHAIN_TABLES:
        conn.execute(
            sql.SQL("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(
                sql.Identifier(table), sql.Identifier(app_role)
            )
        )


def hidden_rowid_tables(lite: sqlite3.Connection) -> list[str]:
    """The file's chained tables whose rowid is no column (PostgreSQL cannot see it)."""
    if not chain.has_chains(lite):
        return []
    found = []
    for table in chain.chained_tables(lite):
        if not chain.columns(lite, table) or chain.key_expression(lite, table) != "rowid":
            continue
        pk = [
            (r[1], str(r[2]).upper())
            for r in sorted(lite.execute(f'PRAGMA table_info("{table}")'), key=lambda r: r[5])
            if r[5]
        ]
        if not (len(pk) == 1 and pk[0][1] == "INTEGER"):
            found.append(table)
    return found


def copy_rowids(lite: sqlite3.Connection, pg: psycopg.Connection[Any]) -> dict[str, int]:
    """Record, for each such table, every row's rowid with its primary key (JSON, as the keys
    of a WITHOUT ROWID table): the chain's keys of the copied rows name them by rowid."""
    done: dict[str, int] = {}
    statement = "COPY chain_rowids (tbl, rowid, row_key) FROM STDIN"
    for table in hidden_rowid_tables(lite):
        pk = chain.primary_key(lite, table)
        key = "json_array(" + ", ".join(f'"{n}"' for n in pk) + ")"
        count = 0
        with pg.cursor() as cur, cur.copy(statement) as copy:
            for rowid, row_key in lite.execute(f'SELECT rowid, {key} FROM "{table}"'):
                copy.write_row((table, rowid, row_key))
                count += 1
        done[table] = count
    return done


def packed_keys(stored: str) -> str | bytes:
    """A block's key list as chain_codec.unpack_keys takes it: a packed list copied from a
    file arrived as bytea's text form (`\\x` + hex; no key list starts so)."""
    if stored.startswith("\\x"):
        return bytes.fromhex(stored[2:])
    return stored
