"""The PostgreSQL schema stays equivalent to the SQLite one (tables, columns, types, keys,
indexes, triggers, append-only guards), its steps carry the same names in the same order, and
its append-only tables refuse UPDATE, DELETE and TRUNCATE."""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.storage import pg_schema
from app.storage.db import open_database
from app.storage.schema import SEQUENCE
from scripts.pg_baseline import _glob_to_regex
from tests.pg import APP_ROLE, SUPERUSER
from tests.storage.schema_compare import differences, sqlite_schema
from tests.storage.schema_compare import pg_schema as read_pg


@pytest.fixture(scope="module")
def lite(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = open_database(Path(tmp_path_factory.mktemp("lite")) / "k.db", create=True)
    try:
        return sqlite_schema(db.sql.conn)
    finally:
        db.close()


@pytest.fixture
def owner(pg_url: str) -> Iterator[psycopg.Connection[Any]]:
    with psycopg.connect(pg_url.replace(APP_ROLE, SUPERUSER, 1), autocommit=True) as conn:
        yield conn


@pytest.fixture
def pg(owner: psycopg.Connection[Any]) -> dict[str, Any]:
    return read_pg(owner)


def test_the_two_schemas_are_equivalent(lite: dict[str, Any], pg: dict[str, Any]) -> None:
    assert differences(lite, pg) == []
    assert len(lite["tables"]) > 60 and len(lite["append_only"]["update"]) > 40


@pytest.mark.parametrize(
    "change",
    [
        "add table",
        "add column",
        "change type",
        "drop not null",
        "add index",
        "add check",
        "add foreign key",
        "drop append-only guard",
        "add trigger",
    ],
)
def test_a_change_made_on_sqlite_only_is_caught(
    lite: dict[str, Any], pg: dict[str, Any], change: str
) -> None:
    changed = copy.deepcopy(lite)
    members = changed["tables"]["members"]
    if change == "add table":
        changed["tables"]["branch_sites"] = {
            "columns": [],
            "unique": set(),
            "fks": set(),
            "checks": 0,
        }
    elif change == "add column":
        members["columns"].append(("site_code", "text", True))
    elif change == "change type":
        members["columns"][1] = (members["columns"][1][0], "bytea", members["columns"][1][2])
    elif change == "drop not null":
        members["columns"][1] = (*members["columns"][1][:2], not members["columns"][1][2])
    elif change == "add index":
        changed["indexes"]["members_site"] = ("members", False, ("site_code",), False)
    elif change == "add check":
        members["checks"] += 1
    elif change == "add foreign key":
        members["fks"].add((("site",), "sites", ("id",)))
    elif change == "drop append-only guard":
        changed["append_only"]["delete"].discard("savings_transactions")
    else:
        changed["triggers"].add("members_no_rename")
    assert differences(changed, pg) != []


def test_steps_have_the_same_names_in_the_same_order(owner: psycopg.Connection[Any]) -> None:
    names = [r[0] for r in owner.execute("SELECT name FROM _migrations ORDER BY applied_at, name")]
    assert names == [step.NAME for step in SEQUENCE]
    later = pg_schema.later_steps()
    assert names[: len(names) - len(later)][-1] == pg_schema.BASELINE_LAST
    assert all((pg_schema.FOLDER / f"{name}.sql").is_file() for name in later)


@pytest.mark.no_database
def test_a_later_step_without_its_postgresql_form_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pg_schema, "later_steps", lambda: ["0099_future"])
    with pytest.raises(FileNotFoundError, match="0099_future"):
        pg_schema.step_sql("0099_future")


def _refused(conn: psycopg.Connection[Any], sql: str) -> str:
    with pytest.raises(psycopg.Error) as caught:
        conn.execute(sql)
    return type(caught.value).__name__


@pytest.mark.parametrize("table", ["audit_log", "savings_transactions", "journal_lines"])
def test_append_only_tables_refuse_edits_by_the_program_and_by_the_owner(
    pg_url: str, owner: psycopg.Connection[Any], table: str
) -> None:
    assert table in pg_schema.guarded_tables(owner, "update")
    assert table in pg_schema.guarded_tables(owner, "delete")
    with psycopg.connect(pg_url, autocommit=True) as app:
        for sql in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}", f"TRUNCATE {table}"):
            assert _refused(app, sql) == "InsufficientPrivilege"


def test_the_trigger_refuses_an_edit_of_a_written_row(owner: psycopg.Connection[Any]) -> None:
    owner.execute(
        "INSERT INTO audit_log (at, user_id, action, entity, entity_id, note) "
        "VALUES ('2026-01-01', NULL, 'uji', 'x', '1', '')"
    )
    for sql in ("UPDATE audit_log SET note = 'lain'", "DELETE FROM audit_log"):
        with pytest.raises(psycopg.errors.CheckViolation, match="append-only"):
            owner.execute(sql)
    assert owner.execute("SELECT count(*) FROM audit_log").fetchone() == (1,)


def test_user_names_are_unique_without_regard_to_case(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as app:
        insert = (
            "INSERT INTO users (username, full_name, role, password_hash, created_at) "
            "VALUES (%s, 'Uji', 'admin', 'x', '2026-01-01')"
        )
        app.execute(insert, ("Admin",))
        with pytest.raises(psycopg.errors.UniqueViolation):
            app.execute(insert, ("admin",))
        assert app.execute("SELECT count(*) FROM users WHERE username = 'ADMIN'").fetchone() == (1,)


GLOBS = ["*[^0-9]*", "[0-9][0-9][0-9][0-9]-[0-1][0-9]", "a?c*", "x.y+"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet="0123456789-abcxy.+", max_size=9), pattern=st.sampled_from(GLOBS))
def test_a_glob_check_means_the_same_on_postgresql(
    owner: psycopg.Connection[Any], text: str, pattern: str
) -> None:
    lite = sqlite3.connect(":memory:").execute("SELECT ? GLOB ?", (text, pattern)).fetchone()
    pg = owner.execute("SELECT %s ~ %s", (text, _glob_to_regex(pattern))).fetchone()
    assert pg is not None and lite is not None and bool(lite[0]) is pg[0]
