"""A demo cooperative on the throw-away PostgreSQL server, for tests of the real services on the
office server (issue 15): built once per test session (a 60-member demo moved by `server move`
into a template database), then a fresh copy per test (`CREATE DATABASE … TEMPLATE`, ~0.2 s).

`pg_demo_url` is the copy's address for the program's role; the demo's users log in with their
published passwords (`admin` / `admin123`)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.pg import APP_ROLE, EMPTY_TEMPLATE, SUPERUSER, PgServer, _database

DEMO_TEMPLATE = "mufakat_demo_template"
DEMO_MEMBERS = 60
DEMO_SEED = 7
ADMIN_PASSWORD = "admin123"


@pytest.fixture(scope="session")
def pg_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo as a file (read-only for the tests: copy it before opening); also the office
    server tests' `demo_source` (tests/server/conftest.py), so it is built once."""
    from app.demo.generate import generate_demo

    path = tmp_path_factory.mktemp("pg-demo") / "koperasi.db"
    generate_demo(path, members=DEMO_MEMBERS, seed=DEMO_SEED)
    return path


@pytest.fixture(scope="session")
def pg_demo_template(pg_server: PgServer, pg_demo_file: Path, tmp_path_factory: Any) -> str:
    """The name of a template database holding the demo moved to the server."""
    from app.server.move import move

    copy = tmp_path_factory.mktemp("pg-demo-move") / "koperasi.db"
    shutil.copyfile(pg_demo_file, copy)
    pg_server.create_database(DEMO_TEMPLATE, EMPTY_TEMPLATE)
    url = pg_server.url(DEMO_TEMPLATE, SUPERUSER)
    move(copy, url, "admin", app_role=APP_ROLE, password=ADMIN_PASSWORD)
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE {DEMO_TEMPLATE} ALLOW_CONNECTIONS false")
    return DEMO_TEMPLATE


@pytest.fixture
def pg_demo_url(pg_server: PgServer, pg_demo_template: str) -> Iterator[str]:
    """A fresh copy of the demo on the server, for the program's role."""
    with _database(pg_server, pg_demo_template) as url:
        yield url
