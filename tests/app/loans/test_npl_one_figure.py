"""One NPL (issue 10 item 8): one function computes the ratio and its health band for every
screen, report and message; each bound belongs to the better band (§4a); the figure shown
never sits in a different band from the ratio; the portfolio at exactly 5, 10 and 15 %."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.loans.quality import format_npl, health_band, npl_ratio, npl_text
from app.services import Services
from app.users.models import User
from tests.app.loans.loan_factory import make_loan
from tests.conftest import make_member

AS_OF = date(2026, 6, 30)


@pytest.mark.parametrize(
    ("ratio", "text"),
    [
        ("0", "0,00% (Sehat)"),
        ("4.999", "5,00% (Sehat)"),
        ("5", "5,00% (Sehat)"),
        ("5.0001", "5,01% (Cukup Sehat)"),
        ("9.5652", "9,57% (Cukup Sehat)"),
        ("10", "10,00% (Cukup Sehat)"),
        ("10.001", "10,01% (Kurang Sehat)"),
        ("15", "15,00% (Kurang Sehat)"),
        ("15.00001", "15,01% (Tidak Sehat)"),
        ("100", "100,00% (Tidak Sehat)"),
    ],
)
def test_npl_text_bounds_belong_to_the_better_band(ratio: str, text: str) -> None:
    assert npl_text(Decimal(ratio)) == text


@given(
    problem=st.integers(0, 10**12),
    good=st.integers(0, 10**12),
)
def test_the_figure_shown_is_always_in_the_ratio_s_band(problem: int, good: int) -> None:
    ratio = npl_ratio({"L": good, "M": problem})
    shown = Decimal(format_npl(ratio).removesuffix("%").replace(",", "."))
    assert health_band(shown) == health_band(ratio)
    assert shown >= ratio and shown - ratio < Decimal("0.01")


@pytest.mark.parametrize(
    ("bad", "good", "band"),
    [
        (1_000_000, 19_000_000, "Sehat"),  # exactly 5 %
        (1_000_000, 9_000_000, "Cukup Sehat"),  # exactly 10 %
        (3_000_000, 17_000_000, "Kurang Sehat"),  # exactly 15 %
        (3_000_001, 16_999_999, "Tidak Sehat"),  # just above 15 %
    ],
)
def test_portfolio_at_the_bounds(
    services: Services, ketua: User, bad: int, good: int, band: str
) -> None:
    # The bad loan fell due a year before and nothing was paid: a problem class; the good
    # one is not due yet: Lancar.
    make_loan(
        services,
        ketua,
        make_member(services, ketua).id,
        amount=bad,
        months=10,
        first_due=date(2025, 6, 10),
    )
    make_loan(
        services,
        ketua,
        make_member(services, ketua).id,
        amount=good,
        months=10,
        first_due=date(2026, 7, 10),
    )
    summary = services.loans.portfolio.summary(AS_OF)
    assert summary.npl_ratio == Decimal(bad) * 100 / Decimal(bad + good)
    assert summary.health_band == band
    run = services.loans.quality.month_end(ketua, AS_OF)
    assert run.npl_ratio == summary.npl_ratio  # the month-end run stores the same figure
