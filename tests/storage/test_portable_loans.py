"""Loan quality and the loans list give the same answers on SQLite and PostgreSQL (issue 15):
a demo cooperative is copied into the PostgreSQL schema and every loan's arrears, days past
due, denda and class — under the koperasi, OJK and missed-instalments policies, at dates
across the loans' lives — and the list's pages, searches and counts are compared."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest

from app.demo.generate import generate_demo
from app.loans.models import LoanFilter, LoanStatus
from app.loans.quality import KOPERASI, MISSED, OJK
from app.storage.db import Database, open_database
from app.storage.loans_list_repo import LoansListRepository
from app.storage.loans_quality_repo import LoanQualityRepository
from app.storage.pg_engine import PgEngine
from tests.pg import APP_ROLE, SUPERUSER, TEMPLATE, PgServer, _database
from tests.storage.test_pg_schema_data import _copy


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("loans") / "contoh.db"
    generate_demo(path, members=40, seed=11)
    return path


@pytest.fixture(scope="module")
def engines(
    demo: Path, pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, PgEngine]]:
    with _database(pg_server, TEMPLATE) as url:
        lite = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
        try:
            with psycopg.connect(url.replace(APP_ROLE, SUPERUSER, 1), autocommit=True) as pg:
                _copy(lite, pg)
        finally:
            lite.close()
        copy = tmp_path_factory.mktemp("open") / "contoh.db"
        shutil.copy(demo, copy)
        db = open_database(copy)
        pg_engine = PgEngine(url)
        try:
            yield db, pg_engine
        finally:
            pg_engine.close()
            db.close()


def _dates(db: Database) -> list[date]:
    first = date.fromisoformat(db.scalar("SELECT min(disbursed_on) FROM loans"))
    last = date.fromisoformat(db.scalar("SELECT max(event_date) FROM loan_events"))
    span = (last - first).days + 200
    return [date.fromordinal(first.toordinal() + span * k // 7) for k in range(8)]


@pytest.mark.parametrize("policy", [KOPERASI, OJK, MISSED], ids=lambda p: p.key)
def test_arrears_and_classes_are_the_same_on_both(
    engines: tuple[Database, PgEngine], policy: object
) -> None:
    lite, pg = (LoanQualityRepository(e) for e in engines)
    seen_late = 0
    for as_of in _dates(engines[0]):
        expected = lite.arrears(as_of, policy)  # type: ignore[arg-type]
        assert pg.arrears(as_of, policy) == expected, as_of  # type: ignore[arg-type]
        seen_late += sum(1 for a in expected if a.days_past_due > 0)
        counts = lite.class_counts(as_of, policy)  # type: ignore[arg-type]
        assert pg.class_counts(as_of, policy) == counts  # type: ignore[arg-type]
        some = [a.loan_id for a in expected][::3]
        assert pg.arrears(as_of, policy, some) == lite.arrears(as_of, policy, some)  # type: ignore[arg-type]
    assert seen_late > 0  # the comparison covered loans in arrears, not only current ones


@pytest.mark.parametrize("order", ["number", "newest", "member", "outstanding", "days", "arrears"])
def test_the_loans_list_is_the_same_on_both(engines: tuple[Database, PgEngine], order: str) -> None:
    lite, pg = (LoansListRepository(e) for e in engines)
    as_of = _dates(engines[0])[4]
    name = str(engines[0].scalar("SELECT m.name FROM loans l JOIN members m ON m.id = l.member_id"))
    filters = [
        LoanFilter(),
        LoanFilter(statuses=(LoanStatus.AKTIF, LoanStatus.LUNAS)),
        LoanFilter(text=name[1:4].upper()),
        LoanFilter(overdue_only=True),
        LoanFilter(quality="L"),
    ]
    for f in filters:
        page = lite.rows(as_of, KOPERASI, f, 0, 15, order)
        assert pg.rows(as_of, KOPERASI, f, 0, 15, order) == page, f
        assert pg.count(as_of, KOPERASI, f) == lite.count(as_of, KOPERASI, f), f
