"""Denda with partial payments (§4a, issue 10 item 2): denda accrues day by day (or per
started month) on what is overdue that day; a partial payment lowers the base from the next
day; what was charged stays charged; caps bound each instalment; grace days are free. Python
(one loan) and SQL (every loan) give the same denda for random payment histories."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.loans.denda import DendaRule, chargeable_periods, denda_accrued
from app.loans.models import Loan, LoanProduct
from app.services import Services
from app.users.models import User
from tests.app.loans.loan_factory import make_loan, product
from tests.conftest import make_member

LATER = date(2030, 1, 1)
ISSUE_RULE = DendaRule("installment", Decimal("0.1"), "day", 0, cap_rate=Decimal(10))
RULES = (
    ISSUE_RULE,
    DendaRule("installment", Decimal("0.1"), "day", 3, cap_rate=Decimal(10)),
    DendaRule("principal", Decimal("0.15"), "day", 0, cap=75_000),
    DendaRule("installment", Decimal("2.5"), "month", 5),
    DendaRule("fixed", Decimal(0), "day", 7, fixed_amount=2_500, cap=50_000),
    DendaRule("installment", Decimal("0.125"), "day", 1, cap=40_000, cap_rate=Decimal("7.5")),
)


def _product(services: Services, ketua: User, index: int) -> LoanProduct:
    name = f"Uji denda {index}"
    for found in services.loans.products.all():
        if found.name == name:
            return found
    base = product(services)
    return services.loans.products.create(
        ketua, replace(base, name=name, denda_rule=RULES[index], min_amount=1_000_000)
    )


def _issue_loan(services: Services, ketua: User, index: int = 0) -> Loan:
    """Rp6.000.000, 12 months flat 1,5 % (Rp590.000 a month), first due 05-02-2026."""
    return make_loan(
        services,
        ketua,
        make_member(services, ketua).id,
        amount=6_000_000,
        months=12,
        first_due=date(2026, 2, 5),
        product_id=_product(services, ketua, index).id,
    )


def _denda_of(services: Services, loan: Loan, number: int, on: date) -> int:
    return services.loans.schedule(loan.id, on)[number - 1].denda


def test_issue_example_denda_keeps_accruing_on_what_stays_overdue(
    services: Services, ketua: User
) -> None:
    loan = _issue_loan(services, ketua)
    paid = services.loans.payments.record_payment(
        ketua, loan.id, 580_000, date(2026, 3, 10), "tunai", today=LATER
    )
    assert (paid.denda, paid.jasa, paid.pokok) == (19_470, 90_000, 470_530)  # 33 days × 590
    assert _denda_of(services, loan, 1, date(2026, 3, 10)) == 19_470
    # From 11 Mar only the 29.470 still overdue counts: 0,1 % × 29.470 = 29,47 a day.
    assert _denda_of(services, loan, 1, date(2026, 3, 11)) == 19_470 + 29
    assert _denda_of(services, loan, 1, date(2026, 4, 9)) == 19_470 + 884  # 30 days
    # The cap (10 % of the Rp590.000 instalment) bounds it in the end.
    assert _denda_of(services, loan, 1, date(2031, 1, 1)) == 59_000
    # SQL agrees.
    for on in (date(2026, 3, 11), date(2026, 4, 9), date(2027, 6, 1)):
        sql = {a.loan_id: a for a in services.loans.quality.all_arrears(on)}[loan.id]
        assert sql.arrears_denda == services.loans.quality.arrears(loan.id, on).arrears_denda


def _reference(
    rule: DendaRule, due: date, unpaid: int, payments: list[tuple[date, int]], as_of: date
) -> Fraction:
    """Day by day, exactly: each chargeable day past the grace days adds rate × what was
    overdue at the start of that day (payments count from the next day)."""
    total = Fraction(0)
    day = due + timedelta(days=rule.grace_days + 1)
    left = unpaid
    pending = sorted(payments)
    while day <= as_of:
        while pending and pending[0][0] < day:
            left -= pending.pop(0)[1]
        total += Fraction(rule.rate) * left / 100
        day += timedelta(days=1)
    return total


@settings(max_examples=200, deadline=None)
@given(
    grace=st.integers(0, 10),
    rate=st.sampled_from([Decimal("0.1"), Decimal("0.125"), Decimal("0.5")]),
    instalment=st.integers(1_000, 5_000_000),
    steps=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 100)), max_size=6),
    tail=st.integers(0, 90),
)
def test_daily_denda_is_the_day_by_day_sum_on_what_is_overdue(
    grace: int, rate: Decimal, instalment: int, steps: list[tuple[int, int]], tail: int
) -> None:
    rule = DendaRule("installment", rate, "day", grace)
    due = date(2026, 1, 31)
    unpaid, charged, charged_on = instalment, 0, None
    day = due
    payments: list[tuple[date, int]] = []
    for gap, percent in steps:
        day += timedelta(days=gap)
        before = charged
        charged = denda_accrued(rule, due, instalment, unpaid, 0, charged, charged_on, day)
        assert charged >= before  # what was charged stays charged
        if charged > before:
            charged_on = day
        pay = unpaid * percent // 100
        unpaid -= pay
        payments.append((day, pay))
    as_of = day + timedelta(days=tail)
    final = denda_accrued(rule, due, instalment, unpaid, 0, charged, charged_on, as_of)
    exact = _reference(rule, due, instalment, payments, as_of)
    # One rounding per crystallisation at most (half a rupiah each).
    assert abs(final - exact) <= Fraction(len(steps) + 1, 2)
    # Never frozen: one more chargeable day on a base of at least Rp1.000 adds denda.
    if unpaid >= 1_000 and as_of >= due + timedelta(days=grace):
        later = denda_accrued(
            rule, due, instalment, unpaid, 0, charged, charged_on, as_of + timedelta(days=1)
        )
        assert later > final


@given(
    grace=st.integers(0, 10),
    offset=st.integers(-5, 80),
)
def test_grace_days_are_free_then_only_later_days_count(grace: int, offset: int) -> None:
    rule = DendaRule("installment", Decimal("1"), "day", grace)
    due = date(2026, 3, 5)
    on = due + timedelta(days=grace + offset)
    expected = 1_000 * offset if offset > 0 else 0
    assert denda_accrued(rule, due, 100_000, 100_000, 0, 0, None, on) == expected


def test_per_month_a_started_month_counts_in_full_and_a_payment_lowers_later_months() -> None:
    rule = DendaRule("installment", Decimal("2"), "month", 0)
    due = date(2026, 1, 10)
    # Paid half on 20 Jan (month 1 begun on 11 Jan, charged in full on 1.000.000 = 20.000).
    charged = denda_accrued(rule, due, 1_000_000, 1_000_000, 0, 0, None, date(2026, 1, 20))
    assert charged == 20_000
    # Month 2 begins on 11 Feb: on 500.000 now -> 10.000 more; 10 Feb still only month 1.
    assert (
        denda_accrued(
            rule, due, 1_000_000, 500_000, 0, charged, date(2026, 1, 20), date(2026, 2, 10)
        )
        == 20_000
    )
    assert (
        denda_accrued(
            rule, due, 1_000_000, 500_000, 0, charged, date(2026, 1, 20), date(2026, 2, 11)
        )
        == 30_000
    )
    assert chargeable_periods(rule, due, date(2026, 2, 11)) == 2


def test_caps_bound_each_instalment_but_never_take_back_what_was_charged() -> None:
    rule = DendaRule("installment", Decimal("1"), "day", 0, cap=30_000, cap_rate=Decimal(5))
    due = date(2026, 1, 10)
    # 5 % of the Rp500.000 instalment = 25.000 is the lower cap.
    assert denda_accrued(rule, due, 500_000, 500_000, 0, 0, None, date(2026, 3, 1)) == 25_000
    # Charged 25.000 already: nothing more, and nothing taken back.
    assert (
        denda_accrued(rule, due, 500_000, 10, 0, 25_000, date(2026, 2, 1), date(2026, 6, 1))
        == 25_000
    )
    # Nothing overdue: what was charged stays.
    assert (
        denda_accrued(rule, due, 500_000, 0, 0, 7_000, date(2026, 1, 20), date(2026, 6, 1)) == 7_000
    )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rule_index=st.integers(0, len(RULES) - 1),
    history=st.lists(
        st.tuples(st.integers(1, 75), st.integers(0, 4), st.booleans()), min_size=1, max_size=8
    ),
    looks=st.lists(st.integers(0, 500), min_size=1, max_size=4),
)
def test_python_and_sql_give_the_same_denda_for_random_histories(
    services: Services,
    ketua: User,
    rule_index: int,
    history: list[tuple[int, int, bool]],
    looks: list[int],
) -> None:
    loan = _issue_loan(services, ketua, rule_index)
    payments = services.loans.payments
    day = date(2026, 2, 1)
    for gap, choice, reverse in history:
        day += timedelta(days=gap)
        try:
            due = payments.preview_allocation(loan.id, 1, day).due_total
            amount = (due // 3 + 1, due // 2, due, 150_000, 1_000_000)[choice] or 100_000
            receipt = payments.record_payment(ketua, loan.id, amount, day, "tunai", today=LATER)
            if reverse and choice == 1:
                payments.reverse(ketua, receipt.id, "Salah ketik nominal", day, today=LATER)
        except ValidationError:
            break  # paid off
    status = services.loans.get(loan.id)
    for offset in looks:
        on = date(2026, 2, 1) + timedelta(days=offset)
        if status.closed_on is not None and status.closed_on <= on:
            continue
        python = services.loans.quality.arrears(loan.id, on)
        sql = {a.loan_id: a for a in services.loans.quality.all_arrears(on)}[loan.id]
        assert sql.arrears_denda == python.arrears_denda, (rule_index, on)
        assert sql == python
