"""Tests on both engines (issue 15 §4): the same test run once on SQLite and once on PostgreSQL.

- `engine`: a fresh cooperative database behind the Engine protocol, parametrised `[sqlite]`,
  `[pg]` (on PostgreSQL a database cloned from the template, `CREATE DATABASE … TEMPLATE`, per
  test). For repository tests.
- `services`: the composition root on a fresh database. SQLite only, unless the test (or its
  module, `pytestmark`) is marked `@pytest.mark.both_engines`: then it runs `[sqlite]` and `[pg]`
  (`engine_kind`). `MUFAKAT_BOTH_ENGINES=1` does that for every test using `services`.
- `@pytest.mark.sqlite_only("why")`: a test about a mechanism PostgreSQL does not have (the file
  lock, PRAGMA, the backup file, the tamper chain's TEMP triggers, SQLite's own error codes…);
  tests/test_engine_coverage.py requires every storage test to run on both engines or to say
  why not.
- `@pytest.mark.no_database`: a storage test that opens no cooperative database (the
  dialect's text, messages, the test server's own set-up).
- Every test that reaches the PostgreSQL server gets the marker `pg`: `pytest -m pg` runs only
  those, `pytest -m "not pg"` none of them; `pytest -k pg` selects the `[pg]` halves by id.
- Portable test code: `refusal`/`schema_refuses` for a rule the schema keeps, `check_conn` and
  `check_problems` for `mufakat check`'s findings, on either engine.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

AUDIT = "MUFAKAT_ENGINE_AUDIT"
EVERYWHERE = "MUFAKAT_BOTH_ENGINES"
"""Set (=1), every test using `services` runs on both engines, marked or not: to find what
fails on PostgreSQL in a suite not yet converted."""
ENGINES = ("sqlite", "pg")
FRESH_TEMPLATE = "mufakat_fresh"
_PG_FIXTURES = {"pg_server", "pg_url", "pg_empty_url", "pg_fresh_url", "pg_demo_url"}
_KIND_PARAMS = ("engine", "engine_kind", "books")


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A fresh migrated database of each engine (no services on it)."""
    from app.storage.db import open_database
    from app.storage.pg_engine import PgEngine

    if request.param == "sqlite":
        db = open_database(tmp_path / "k.db", create=True)
        yield db
        db.close()
    else:
        pg = PgEngine(request.getfixturevalue("pg_url"))
        yield pg
        pg.close()


@pytest.fixture(scope="session")
def pg_fresh_template(pg_server: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A template database holding a fresh cooperative as `Services.open(path, create=True)`
    makes it: the schema, and the rows the SQLite steps insert that the PostgreSQL baseline does
    not (the chart of accounts, account roles, payment methods' accounts, loan products, the
    file's identity), copied with pg_copy as `server move` copies them."""
    import sqlite3

    import psycopg
    from psycopg.rows import dict_row

    from app.services import Services
    from app.storage import pg_copy
    from tests.pg import TEMPLATE

    path = tmp_path_factory.mktemp("pg-fresh") / "koperasi.db"
    Services.open(path, create=True).close()
    pg_server.create_database(FRESH_TEMPLATE, TEMPLATE)
    lite = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        url = pg_server.url(FRESH_TEMPLATE)
        with psycopg.connect(url, row_factory=dict_row) as pg, pg.transaction():
            pg_copy.copy_tables(lite, pg)
            pg_copy.reset_identities(pg)
    finally:
        lite.close()
    return FRESH_TEMPLATE


@pytest.fixture
def pg_fresh_url(pg_server: Any, pg_fresh_template: str) -> Iterator[str]:
    """A fresh cooperative on the server (a copy of `pg_fresh_template`), for the program's
    role: what `services` opens for the `[pg]` half of a `both_engines` test."""
    from tests.pg import _database

    with _database(pg_server, pg_fresh_template) as url:
        yield url


@pytest.fixture
def engine_kind(request: pytest.FixtureRequest) -> str:
    """ "sqlite", or "pg" for the second half of a test marked `both_engines`."""
    return str(getattr(request, "param", "sqlite"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`both_engines` (or MUFAKAT_BOTH_ENGINES): `[sqlite]` and `[pg]` — except a test marked
    `sqlite_only` or one that takes the file itself (`db_path`: the CLI, reopening, copying)."""
    names = metafunc.fixturenames
    if "engine_kind" not in names or "db_path" in names:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return
    if metafunc.definition.get_closest_marker("both_engines") or os.environ.get(EVERYWHERE):
        metafunc.parametrize("engine_kind", ENGINES, indirect=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    unclaimed = []
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        params = getattr(getattr(item, "callspec", None), "params", {})
        kinds = {str(params[key]) for key in _KIND_PARAMS if key in params}
        if any(kind.startswith("pg") for kind in kinds) or names & _PG_FIXTURES:
            item.add_marker(pytest.mark.pg)
        elif (
            not kinds
            and not any(item.iter_markers(name="sqlite_only"))
            and not any(item.iter_markers(name="no_database"))
        ):
            unclaimed.append(item)
    if os.environ.get(AUDIT):  # tests/test_engine_coverage.py: only what runs on SQLite alone
        config.hook.pytest_deselected(items=[i for i in items if i not in unclaimed])
        items[:] = unclaimed


@contextlib.contextmanager
def schema_refuses(match: str = "") -> Iterator[None]:
    """The block must break a rule the schema keeps, on either engine: SQLite's IntegrityError
    (its English text searched for `match`), or PostgreSQL's ConstraintFailed (the trigger's
    text in its cause; the program role's revoked UPDATE/DELETE counts as `append-only`)."""
    import re
    import sqlite3

    from app.storage.constraints import MSG_APPEND_ONLY, ConstraintFailed

    with pytest.raises((sqlite3.DatabaseError, ConstraintFailed)) as caught:
        yield
    text = f"{caught.value} {caught.value.__cause__ or ''}"
    if isinstance(caught.value, ConstraintFailed) and caught.value.message == MSG_APPEND_ONLY:
        text += " append-only"
    assert re.search(match, text), text


def refusal(db: Any, sql: str, params: Any = ()) -> str:
    """Run a statement the schema must refuse, on either engine; the Indonesian message the user
    would read (constraints.py: SQLite leaves a broken rule untranslated to the bug handler,
    PostgreSQL's engine raises ConstraintFailed — by privilege or by the guard trigger)."""
    import sqlite3

    from app.storage.constraints import ConstraintFailed, constraint_message

    try:
        db.run(sql, params)
    except sqlite3.DatabaseError as exc:
        return constraint_message(str(exc))
    except ConstraintFailed as exc:
        return exc.message
    raise AssertionError(f"not refused: {sql}")


def check_conn(db: Any) -> Any:
    """The connection the check_* modules take, for either engine."""
    from app.storage.closing_checks import check_connection

    return check_connection(db)


def check_problems(services: Any) -> list[str]:
    """What `mufakat check` finds wrong in the cooperative: on SQLite the whole check of the
    file; on PostgreSQL its consistency rules and the books' checks (app/storage/check.py,
    check_ledger.ledger_problems) over the server — the file-only parts (integrity, foreign keys,
    the tamper chain) are the server's own business there."""
    import sqlite3

    from app.storage import check_ledger
    from app.storage.check import CONSISTENCY_RULES, check_database
    from app.storage.pg_engine import PgEngine

    if not isinstance(services.db, PgEngine):
        return list(check_database(services.db.path).problems)
    conn = check_conn(services.db)
    problems = []
    for description, sql in CONSISTENCY_RULES:
        try:
            found = conn.execute(sql).fetchall()
        except sqlite3.OperationalError:  # pragma: no cover - every step is on the server
            continue
        if found:
            problems.append(f"{description}: {len(found)} ({found[0][0]})")
    return problems + check_ledger.ledger_problems(conn)[0]
