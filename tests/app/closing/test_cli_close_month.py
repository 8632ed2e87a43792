"""`mufakat books close-month`: exit 0 and the lock moves; exit 1 naming the failing items;
exit 1 on a wrong password; exit 2 on a month that is no month."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.ledger.cashbook import CashBook
from app.ledger.models import Line
from app.services import Services
from tests.app.ledger.ledger_fixtures import books
from tests.conftest import PASSWORD


@pytest.fixture
def january(services: Services, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bk = books(services, loans=0)
    bk.manual.submit(
        bk.admin, date(2026, 1, 5), "Hibah", [Line("1101", 100_000), Line("3105", 0, 100_000)]
    )
    services.close()
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    return db_path


def _argv(path: Path, month: str = "2026-01") -> list[str]:
    return ["books", "close-month", "--db", str(path), "--month", month, "--user", "admin"]


def test_exit_1_lists_the_failing_item(january: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_argv(january)) == 1
    err = capsys.readouterr().err
    assert "Kas opname akhir bulan" in err and "31-01-2026" in err
    services = Services.open(january)
    try:
        assert services.closing.lock_date() is None
    finally:
        services.close()


def test_exit_0_moves_the_lock(january: Path) -> None:
    services = Services.open(january)
    try:
        admin = next(u for u in services.users.all() if u.username == "admin")
        CashBook(services.ledger).count(admin, date(2026, 1, 31), 100_000)
    finally:
        services.close()
    assert main(_argv(january)) == 0
    services = Services.open(january)
    try:
        assert services.closing.lock_date() == date(2026, 1, 31)
    finally:
        services.close()


def test_wrong_password_exit_1(january: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUFAKAT_PASSWORD", "salah-salah")
    assert main(_argv(january)) == 1


@pytest.mark.parametrize("month", ["2026-13", "2026", "januari", "26-01"])
def test_bad_month_exit_2(january: Path, month: str) -> None:
    assert main(_argv(january, month)) == 2


def test_close_year_after_december(
    services: Services, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bk = books(services, loans=0)
    bk.manual.submit(
        bk.admin, date(2025, 5, 5), "Giro", [Line("1101", 70_000), Line("4201", 0, 70_000)]
    )
    services.close()
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    argv = ["books", "close-year", "--db", str(db_path), "--year", "2025", "--user", "admin"]
    assert main(argv) == 1  # December not closed
    services = Services.open(db_path)
    try:
        admin = next(u for u in services.users.all() if u.username == "admin")
        CashBook(services.ledger).count(admin, date(2025, 12, 31), 70_000)
    finally:
        services.close()
    month = ["books", "close-month", "--db", str(db_path), "--month", "2025-12", "--user", "admin"]
    assert main(month) == 0
    assert main(argv) == 0
    assert main(argv) == 1  # once
    assert main([*argv[:5], "25", *argv[6:]]) == 2
