"""A broken rule reads the same on both engines (ConstraintFailed, constraints.py's text), and a
lost connection to the office server is ServerUnreachable with nothing half-written and the engine
usable again once the server answers (issue 15 §2)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services import Services
from app.storage import constraints
from app.storage.constraints import ConstraintFailed, constraint_message
from app.storage.db import Database, translate_sqlite_error
from app.storage.pg_engine import MSG_UNREACHABLE, PgEngine, ServerUnreachable
from tests.pg import APP_ROLE, SUPERUSER

ROOT = Path(__file__).resolve().parents[2]
Engine = Database | PgEngine

ACCOUNT = (
    "INSERT INTO accounts (code, name, type, normal, parent, created_at) "
    "VALUES (:code, :name, :type, 'D', :parent, '2026-01-01')"
)
GOOD = {"code": "9-UJI", "name": "Akun uji", "type": "aset", "parent": None}
AUDIT = "INSERT INTO audit_log (at, action, entity, note) VALUES ('2026-01-01', 'uji', 'uji', 'a')"

# (what is broken, the statement run after a good account and an audit row exist, its params)
REFUSALS: list[tuple[str, str, dict[str, Any]]] = [
    ("duplicate key", ACCOUNT, GOOD),
    ("check", ACCOUNT, {**GOOD, "code": "9-LAIN", "type": "salah"}),
    ("not null", ACCOUNT, {**GOOD, "code": "9-LAIN", "name": None}),
    ("foreign key", ACCOUNT, {**GOOD, "code": "9-LAIN", "parent": "tidak-ada"}),
    ("append-only update", "UPDATE audit_log SET note = 'diubah'", {}),
    ("append-only delete", "DELETE FROM audit_log", {}),
]


@pytest.fixture(params=["sqlite", "pg", "pg-owner"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """SQLite; PostgreSQL as the program's role (append-only refused by privilege); as the
    owner (refused by the guard trigger, `mufakat_append_only()`'s check_violation)."""
    if request.param == "sqlite":
        services = Services.open(tmp_path / "uji.db", create=True)
        yield services.db
        services.db.close()
        return
    url: str = request.getfixturevalue("pg_url")
    if request.param == "pg-owner":
        url = url.replace(APP_ROLE, SUPERUSER, 1)
    eng = PgEngine(url)
    yield eng
    eng.close()


def _refusal(engine: Engine, unit: Callable[[], int]) -> ConstraintFailed:
    """What the user is told. SQLite's engine leaves a broken rule to the bug handler (a rule the
    services missed, db.sqlite_errors); translated, it reads as PostgreSQL's."""
    if isinstance(engine, PgEngine):
        with pytest.raises(ConstraintFailed) as caught:
            engine.retrying(unit)
        cause = caught.value.__cause__
        assert isinstance(
            cause, psycopg.errors.IntegrityError | psycopg.errors.InsufficientPrivilege
        )
        if isinstance(cause, psycopg.errors.InsufficientPrivilege):  # the REVOKEs bind the role
            assert APP_ROLE in engine.url
        return caught.value
    with pytest.raises(sqlite3.IntegrityError) as raw, engine.atomic():
        unit()
    translated = translate_sqlite_error(raw.value)
    assert isinstance(translated, ConstraintFailed)
    return translated


def _counts(engine: Engine) -> tuple[int, int]:
    return (
        int(engine.scalar("SELECT count(*) FROM accounts WHERE code LIKE '9-%'")),
        int(engine.scalar("SELECT count(*) FROM audit_log WHERE note = 'a'")),
    )


@pytest.mark.parametrize(("broken", "sql", "params"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_a_broken_rule_reads_the_same_on_both_engines(
    engine: Engine, broken: str, sql: str, params: dict[str, Any]
) -> None:
    engine.retrying(lambda: (engine.run(ACCOUNT, GOOD), engine.run(AUDIT)))
    before = _counts(engine)

    def unit() -> int:  # a good write first: it must not survive the refused one
        engine.run(AUDIT)
        return engine.run(sql, params)

    error = _refusal(engine, unit)
    expected = (
        constraints.MSG_APPEND_ONLY if "append-only" in broken else constraints.MSG_CONSTRAINT
    )
    assert error.message == expected
    assert _counts(engine) == before  # nothing of the unit written
    engine.retrying(lambda: engine.run(AUDIT))  # the engine is usable after a refusal
    assert _counts(engine) == (before[0], before[1] + 1)


def _guard_texts() -> set[str]:
    """Every guard's English text, from the PostgreSQL baseline and the SQLite triggers."""
    texts = set(
        re.findall(r"RAISE EXCEPTION '([^']*)'", (ROOT / "app/storage/pg/baseline.sql").read_text())
    )
    for path in (ROOT / "app/storage").rglob("*.py"):
        texts |= set(re.findall(r"RAISE\(ABORT, *'([^'…]+)'", path.read_text(encoding="utf-8")))
    return {text.replace("%", "x").replace("{table}", "x") for text in texts}


@pytest.mark.no_database
def test_every_guard_has_its_own_plain_message() -> None:
    texts = _guard_texts()
    assert len(texts) >= 8
    for text in texts:
        message = constraint_message(text)
        assert message != constraints.MSG_CONSTRAINT, text
        assert text not in message


@pytest.mark.no_database
@given(st.text(max_size=60))
def test_any_other_engine_text_gets_the_general_message_never_the_text(text: str) -> None:
    guarded = any(piece in text.lower() for piece, _ in constraints._GUARDS)
    message = constraint_message(text)
    assert (message == constraints.MSG_CONSTRAINT) is not guarded
    assert message in {m for _, m in constraints._GUARDS} | {constraints.MSG_CONSTRAINT}


def _terminate(url: str) -> None:
    """The server ends the program's connection (the server PC restarted, a cable pulled)."""
    owner = url.replace(APP_ROLE, SUPERUSER, 1)
    with psycopg.connect(owner, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE usename = %s AND datname = current_database() AND pid <> pg_backend_pid()",
            (APP_ROLE,),
        )


@pytest.mark.parametrize("where", ["outside a unit", "inside a unit", "inside retrying"])
def test_a_lost_connection_is_unreachable_then_the_engine_connects_again(
    pg_url: str, where: str
) -> None:
    eng = PgEngine(pg_url)
    try:
        eng.retrying(lambda: eng.run(ACCOUNT, GOOD))
        with pytest.raises(ServerUnreachable) as caught:
            if where == "outside a unit":
                _terminate(pg_url)
                eng.scalar("SELECT 1")
            elif where == "inside a unit":
                with eng.atomic():
                    eng.run(ACCOUNT, {**GOOD, "code": "9-SETENGAH"})
                    _terminate(pg_url)
                    eng.run(AUDIT)
            else:

                def unit() -> None:
                    eng.run(ACCOUNT, {**GOOD, "code": "9-SETENGAH"})
                    _terminate(pg_url)
                    eng.run(AUDIT)

                eng.retrying(unit)
        assert caught.value.message == MSG_UNREACHABLE
        assert "menyala dan tersambung" in caught.value.message
        # the next use connects again; the half-done unit left nothing
        assert eng.scalar("SELECT count(*) FROM accounts WHERE code LIKE '9-%'") == 1
        assert eng.scalar("SELECT count(*) FROM audit_log WHERE note = 'a'") == 0
        eng.retrying(lambda: eng.run(AUDIT))
        assert eng.scalar("SELECT count(*) FROM audit_log WHERE note = 'a'") == 1
    finally:
        eng.close()


def test_an_engine_on_a_borrowed_connection_never_reconnects(pg_url: str) -> None:
    """`PgEngine.on(conn)` (server move's one transaction): a lost connection stays lost."""
    conn = psycopg.connect(pg_url, autocommit=True)
    eng = PgEngine.on(conn)
    _terminate(pg_url)
    for _ in range(2):
        with pytest.raises(ServerUnreachable):
            eng.scalar("SELECT 1")
    assert eng.conn is conn
