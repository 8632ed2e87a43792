"""Outside review of jasa simpanan sukarela (issue 13 §2, LEDGER.md §2.2 and §4): figures worked
by hand, run through the real month-end service on a real SQLite file.

The member's month (rate 6 % a year, so a month's jasa = basis × 6 / 1200 = basis × 0,005,
rounded down to the rupiah): opening 0; +12.000.000 on the 1st; +6.000.000 on the 15th;
−3.000.000 on the last day D. End-of-day balances: days 1–14 12 jt; days 15..D−1 18 jt; day D
15 jt.
- lowest: 12.000.000 → jasa 60.000 (every month length).
- daily average = (14 × 12 jt + (D − 15) × 18 jt + 15 jt) / D, rounded down:
  D=31: (168 + 288 + 15) jt / 31 = 15.193.548,39 → 15.193.548 → 75.967,74 → 75.967
  D=30: (168 + 270 + 15) jt / 30 = 453.000.000 / 30 = 15.100.000 → 75.500
  D=29: (168 + 252 + 15) jt / 29 = 435.000.000 / 29 = 15.000.000 → 75.000
  D=28: (168 + 234 + 15) jt / 28 = 14.892.857,14 → 14.892.857 → 74.464,28 → 74.464
All below Rp240.000: no PPh, the whole gross credited: Dr 5101 / Cr 2101."""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from app.savings.models import SavingsKind
from app.services import Services
from app.storage import check_ledger
from app.users.models import User
from tests.conftest import admin_user, make_member

TODAY = date(2026, 11, 26)


def _journal(services: Services, line_id: int) -> list[tuple[str, int, int]]:
    jid = services.ledger.repo.find("jasa_sukarela", line_id, "jasa")
    assert jid is not None
    return sorted((x.account, x.debit, x.credit) for x in services.ledger.journal(jid).lines)


def _setup(services: Services, rate: str, basis: str) -> User:
    admin = admin_user(services)
    services.settings.set_many(
        admin, {"savings.jasa_sukarela_rate": rate, "savings.jasa_sukarela_basis": basis}
    )
    return admin


@pytest.mark.parametrize(
    ("year", "month", "days", "lowest_jasa", "average", "average_jasa"),
    [
        (2026, 1, 31, 60_000, 15_193_548, 75_967),  # 31-day month
        (2026, 4, 30, 60_000, 15_100_000, 75_500),  # 30-day month
        (2024, 2, 29, 60_000, 15_000_000, 75_000),  # February, leap year
        (2025, 2, 28, 60_000, 14_892_857, 74_464),  # February, common year
    ],
)
@pytest.mark.parametrize("basis", ["terendah", "rata_harian"])
def test_start_middle_last_day_moves(
    services: Services,
    basis: str,
    year: int,
    month: int,
    days: int,
    lowest_jasa: int,
    average: int,
    average_jasa: int,
) -> None:
    assert calendar.monthrange(year, month)[1] == days
    admin = _setup(services, "6", basis)
    who = make_member(services, admin).id
    dep, wd = services.savings.deposit, services.savings.withdraw
    dep(admin, who, SavingsKind.SUKARELA, 12_000_000, date(year, month, 1), today=TODAY)
    dep(admin, who, SavingsKind.SUKARELA, 6_000_000, date(year, month, 15), today=TODAY)
    end = date(year, month, days)
    wd(admin, who, SavingsKind.SUKARELA, 3_000_000, end, today=TODAY)
    line = services.jasa.credit_month(admin, end, today=TODAY).lines[0]
    want_basis, gross = (
        (12_000_000, lowest_jasa) if basis == "terendah" else (average, average_jasa)
    )
    assert (line.member_id, line.basis_balance, line.gross, line.tax) == (who, want_basis, gross, 0)
    assert services.savings.balances(who).sukarela == 15_000_000 + gross
    assert _journal(services, line.id) == [("2101", 0, gross), ("5101", gross, 0)]


@pytest.mark.parametrize(
    ("balance", "gross", "tax"),
    [
        # 47.999.800 × 0,005 = 239.999 → no PPh
        (47_999_800, 239_999, 0),
        # 48.000.000 × 0,005 = 240.000 → at the threshold: no PPh
        (48_000_000, 240_000, 0),
        # 48.000.200 × 0,005 = 240.001 → above: 10 % of the WHOLE gross = 24.000,1 → 24.000
        (48_000_200, 240_001, 24_000),
        # 48.000.399 × 0,005 = 240.001,995 → 240.001 (rounded down per member) → 24.000
        (48_000_399, 240_001, 24_000),
        # 100.000.000 × 0,005 = 500.000 → 50.000 (not 10 % of the 260.000 excess = 26.000)
        (100_000_000, 500_000, 50_000),
    ],
)
def test_pph_threshold_on_the_whole_gross(
    services: Services, balance: int, gross: int, tax: int
) -> None:
    admin = _setup(services, "6", "terendah")
    who = make_member(services, admin).id
    services.savings.deposit(
        admin, who, SavingsKind.SUKARELA, balance, date(2025, 12, 15), today=TODAY
    )
    line = services.jasa.credit_month(admin, date(2026, 1, 31), today=TODAY).lines[0]
    net = gross - tax
    assert (line.basis_balance, line.gross, line.tax) == (balance, gross, tax)
    assert services.savings.balances(who).sukarela == balance + net
    want = [("2101", 0, net), ("5101", gross, 0)]
    if tax:
        want.append(("2106", 0, tax))
    assert _journal(services, line.id) == sorted(want)
    conn = services.db.sql.conn
    assert check_ledger.booked(conn) == [] and check_ledger.controls(conn) == []


@pytest.mark.parametrize(
    ("rate", "gross"),
    [
        ("2,5", 20_833),  # 10.000.000 × 2,5 / 1200 = 20.833,33 → 20.833 (down)
        ("3.75", 31_250),  # 10.000.000 × 3,75 / 1200 = 31.250
        ("7", 58_333),  # 10.000.000 × 7 / 1200 = 58.333,33 → 58.333 (never up)
        ("0", 0),  # no jasa at all: nothing credited
    ],
)
def test_fractional_rates_round_down(services: Services, rate: str, gross: int) -> None:
    admin = _setup(services, rate, "terendah")
    who = make_member(services, admin).id
    services.savings.deposit(
        admin, who, SavingsKind.SUKARELA, 10_000_000, date(2026, 2, 27), today=TODAY
    )
    lines = services.jasa.credit_month(admin, date(2026, 3, 31), today=TODAY).lines
    assert [line.gross for line in lines] == ([gross] if gross else [])
    assert services.savings.balances(who).sukarela == 10_000_000 + gross
