"""`engine`: a fresh cooperative database on SQLite, then on PostgreSQL (issue 15): a test of a
repository written against the Engine protocol runs once on each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.storage.db import open_database
from app.storage.pg_engine import PgEngine


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    if request.param == "sqlite":
        db = open_database(tmp_path / "k.db", create=True)
        yield db
        db.close()
    else:
        pg = PgEngine(request.getfixturevalue("pg_url"))
        yield pg
        pg.close()
