"""The year's income tax (issue 13 §3, LEDGER.md §4): PPh final 0,5 % of gross business income
(41xx only) for four tax years from its start year, the normal rate with the Pasal 31E halving
across its turnover boundaries, and the year-end tax journal Dr 5901 / Cr 2108 dated 31
December posted before the jurnal penutup, so SHU = income − expenses − tax."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.ledger.cashbook import CashBook
from app.ledger.closing import PeriodClose
from app.ledger.models import Line
from app.ledger.shu import ShuService
from app.ledger.yeartax import (
    FACILITY_LIMIT,
    SMALL_TURNOVER,
    TaxSettings,
    TaxSettingsService,
    normal_tax,
    regime_of,
    year_tax,
)
from app.services import Services
from tests.app.ledger.ledger_fixtures import books

DEC = date(2025, 12, 31)
RATE = Decimal(22)


def _rows(**nets: int) -> list[dict[str, object]]:
    kinds = {"4": "pendapatan", "5": "beban", "1": "aset"}
    return [{"code": c[1:], "type": kinds[c[1]], "net": n} for c, n in nets.items()]


@pytest.mark.parametrize(
    ("start", "year", "regime"),
    [(2022, 2021, "normal"), (2022, 2022, "final"), (2022, 2025, "final"), (2022, 2026, "normal")],
)
def test_final_for_four_tax_years_from_its_start(start: int, year: int, regime: str) -> None:
    assert regime_of(TaxSettings("final", start), year) == regime


def test_final_is_half_percent_of_41xx_only() -> None:
    rows = _rows(a4101=-10_000_199, a4102=-1_000, a4201=-5_000_000, a5203=9_000_000)
    tax = year_tax(TaxSettings("final", 2024), 2025, rows, 20_000)
    assert (tax.base, tax.tax) == (10_001_199, 50_005)  # floor(10.001.199 × 0,5 %)
    assert tax.due == 30_005  # less the 20.000 already expensed in the year


def test_manual_regime_posts_nothing() -> None:
    tax = year_tax(TaxSettings(), 2025, _rows(a4101=-10_000_000), 0)
    assert tax.due == 0 and tax.regime == "manual"


@given(st.integers(0, 10**12), st.integers(1, 60 * 10**9))
def test_31e_between_half_and_full_rate(taxable: int, turnover: int) -> None:
    pkp = taxable // 1000 * 1000
    with_facility = normal_tax(taxable, turnover, RATE, True)
    full = normal_tax(taxable, turnover, RATE, False)
    assert full == pkp * 22 // 100
    if turnover <= SMALL_TURNOVER:
        assert with_facility == pkp * 11 // 100
    elif turnover > FACILITY_LIMIT:
        assert with_facility == full
    else:
        assert pkp * 11 // 100 <= with_facility <= full


def test_normal_boundaries() -> None:
    assert normal_tax(999, 1, RATE, True) == 0  # PKP rounded down to the thousand
    assert normal_tax(-5_000_000, 1, RATE, True) == 0  # a loss: no tax
    # turnover 9,6 miliar: half of the PKP at 11 %, half at 22 %
    assert normal_tax(100_000_000, 2 * SMALL_TURNOVER, RATE, True) == 5_500_000 + 11_000_000


def test_settings_validated() -> None:
    with pytest.raises(ValidationError, match="Tahun mulai"):
        TaxSettings("final", None).validated()
    with pytest.raises(ValidationError, match="rezim"):
        TaxSettings("lain").validated()


def test_year_end_tax_journal_before_penutup(services: Services) -> None:
    bk = books(services, loans=0)
    TaxSettingsService(services.db, services.audit).save(bk.admin, TaxSettings("normal"))
    submit = bk.manual.submit
    submit(
        bk.admin,
        date(2025, 1, 5),
        "Provisi",
        [Line("1101", 1_000_000), Line("4102", 0, 1_000_000)],
    )
    submit(bk.admin, date(2025, 6, 5), "ATK", [Line("5203", 300_000), Line("1101", 0, 300_000)])
    submit(bk.admin, date(2025, 7, 5), "PPh 25", [Line("5901", 50_000), Line("1101", 0, 50_000)])
    closing = PeriodClose(bk.ledger)
    CashBook(bk.ledger).count(bk.admin, DEC, 650_000)
    assert closing.close_month(bk.admin, 2025, 12) == []
    # PKP 700.000 (income 1.000.000 − ATK 300.000), turnover ≤ 4,8 miliar: 11 % = 77.000;
    # 50.000 already expensed: 27.000 still due
    assert closing.year_tax(2025).due == 27_000
    penutup = bk.ledger.journal(closing.close_year(bk.admin, 2025))
    tax_id = closing.tax_journal(2025)
    assert tax_id is not None
    tax = bk.ledger.journal(tax_id)
    assert tax.date == DEC and "Pasal 31E" in tax.description
    assert sorted((x.account, x.debit, x.credit) for x in tax.lines) == [
        ("2108", 0, 27_000),
        ("5901", 27_000, 0),
    ]
    assert ("5901", 0, 77_000) in [(x.account, x.debit, x.credit) for x in penutup.lines]
    assert ("3107", 0, 623_000) in [(x.account, x.debit, x.credit) for x in penutup.lines]
    assert ShuService(services.db, services.audit).compute(2025).shu == 1_000_000 - 300_000 - 77_000
    assert closing.year_tax(2025).tax == 77_000  # read back after the journal
    assert bk.ledger.repo.balance(["2108"], DEC) == -27_000
