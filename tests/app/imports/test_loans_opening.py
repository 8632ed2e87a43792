"""The loans import's rebuild of a loan at the cut-over, over terms and arrears of every
kind: figures a loan can really have are accepted and the program's position at the
cut-over equals them to the rupiah; any figures accepted at all are reproduced exactly;
and denda runs on from the cut-over only (nothing is charged twice for the days before)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.imports.loans_opening import Figures, Mismatch, opening
from app.loans.denda import DendaRule
from app.loans.position import loan_position
from app.loans.schedule import Installment, ScheduleTerms, build_schedule

CUT = date(2025, 12, 31)
RULES = st.sampled_from(
    [
        DendaRule("installment", Decimal("0.1"), "day", 3),
        DendaRule("principal", Decimal("2"), "month", 0, cap=50_000),
        DendaRule("fixed", Decimal(0), "month", 5, fixed_amount=5_000),
        DendaRule("installment", Decimal(0), "day", 0),
    ]
)


@st.composite
def schedules(draw: st.DrawFn) -> list[Installment]:
    terms = ScheduleTerms(
        principal=draw(st.integers(100_000, 50_000_000)),
        annual_rate=draw(st.sampled_from([Decimal(0), Decimal(12), Decimal(18), Decimal(30)])),
        months=draw(st.integers(1, 36)),
        method=draw(st.sampled_from(["flat", "declining", "annuity"])),
        first_due=CUT + timedelta(days=draw(st.integers(-1200, 60))),
        round_to=draw(st.sampled_from([1, 100, 1000])),
    )
    try:
        return build_schedule(terms)
    except ValidationError:  # rounding too coarse for these terms: not a loan
        assume(False)
        raise


def _check_exact(schedule: list[Installment], rule: DendaRule, f: Figures) -> None:
    state = opening(schedule, rule, CUT, f)
    pos = state.position
    assert pos.outstanding == f.outstanding
    assert (pos.arrears_pokok, pos.arrears_jasa, pos.arrears_denda) == (
        f.arrears_pokok,
        f.arrears_jasa,
        f.arrears_denda,
    )
    if f.days_late is not None:
        assert pos.days_past_due == f.days_late
    again = loan_position(
        schedule,
        state.settled_pokok,
        state.settled_jasa,
        state.settled_denda,
        {n: (a, CUT) for n, a in state.charges},
        rule,
        CUT,
    )
    assert again == pos
    lines = state.paid_lines(schedule)
    assert lines == tuple(  # what the position says was settled on each instalment
        (line.number, component, amount)
        for line in pos.lines
        for component, amount in (
            ("denda", line.paid_denda),
            ("jasa", line.paid_jasa),
            ("pokok", line.paid_pokok),
        )
        if amount
    )
    assert state.compact().paid_lines(schedule) == lines  # what the import keeps suffices
    assert sum(a for _n, c, a in lines if c == "pokok") == state.settled_pokok
    assert sum(a for _n, c, a in lines if c == "jasa") == state.settled_jasa
    assert sum(a for _n, c, a in lines if c == "denda") == state.settled_denda


@settings(max_examples=300, deadline=None)
@given(schedules(), RULES, st.data())
def test_real_loans_are_accepted_and_exact(
    schedule: list[Installment], rule: DendaRule, data: st.DataObject
) -> None:
    principal = sum(i.pokok for i in schedule)
    total_jasa = sum(i.jasa for i in schedule)
    paid_pokok = data.draw(st.integers(0, principal - 1))
    paid_jasa = data.draw(st.integers(0, total_jasa))
    true = loan_position(schedule, paid_pokok, paid_jasa, 0, {}, rule, CUT)
    due_jasa = sum(i.jasa for i in schedule if i.due_date < CUT)
    any_due = any(i.due_date < CUT for i in schedule)
    denda = data.draw(st.integers(0, 2_000_000)) if any_due else 0
    figures = Figures(
        outstanding=principal - paid_pokok,
        arrears_pokok=true.arrears_pokok,
        arrears_jasa=true.arrears_jasa,
        arrears_denda=denda,
        jasa_ahead=max(0, paid_jasa - due_jasa),
        days_late=true.days_past_due,
    )
    _check_exact(schedule, rule, figures)


@settings(max_examples=300, deadline=None)
@given(
    schedules(),
    RULES,
    st.integers(0, 60_000_000),
    st.integers(0, 5_000_000),
    st.integers(0, 3_000_000),
    st.integers(0, 500_000),
    st.integers(0, 200_000),
    st.none() | st.integers(0, 1500),
)
def test_whatever_is_accepted_is_exact(
    schedule: list[Installment],
    rule: DendaRule,
    outstanding: int,
    arrears_pokok: int,
    arrears_jasa: int,
    arrears_denda: int,
    ahead: int,
    days: int | None,
) -> None:
    figures = Figures(outstanding, arrears_pokok, arrears_jasa, arrears_denda, ahead, days)
    try:
        _check_exact(schedule, rule, figures)
    except Mismatch as exc:
        assert exc.message and exc.column


@settings(max_examples=150, deadline=None)
@given(schedules(), RULES, st.integers(1, 400), st.data())
def test_denda_runs_on_from_the_cut_over_only(
    schedule: list[Installment], rule: DendaRule, later: int, data: st.DataObject
) -> None:
    """After the cut-over the denda grows as on a loan whose denda was crystallised at the
    cut-over (as a payment that day would): the rule's amount for the days after it, never
    again for the days before (which the file's figure holds)."""
    principal = sum(i.pokok for i in schedule)
    paid_pokok = data.draw(st.integers(0, principal - 1))
    true = loan_position(schedule, paid_pokok, 0, 0, {}, rule, CUT)
    due_jasa = sum(i.jasa for i in schedule if i.due_date < CUT)
    figures = Figures(principal - paid_pokok, true.arrears_pokok, due_jasa, true.arrears_denda)
    state = opening(schedule, rule, CUT, figures)
    charges = {n: (a, CUT) for n, a in state.charges}
    day = CUT + timedelta(days=later)
    imported = loan_position(schedule, paid_pokok, 0, state.settled_denda, charges, rule, day)
    crystallised = {n: (a, CUT) for n, a in true.charges_due}  # as a payment that day would
    native = loan_position(schedule, paid_pokok, 0, 0, crystallised, rule, day)
    assert imported.arrears_denda == native.arrears_denda
    uncut = loan_position(schedule, paid_pokok, 0, 0, {}, rule, day)
    assert abs(imported.arrears_denda - uncut.arrears_denda) <= len(schedule)  # rounding only


def test_schedule_mismatch_refused() -> None:
    schedule = build_schedule(
        ScheduleTerms(1_200_000, Decimal(12), 12, "flat", date(2025, 1, 10))
    )  # 100,000 pokok a month; 12 due before the cut-over: all of it
    try:
        opening(schedule, DendaRule("installment", Decimal(0), "day", 0), CUT,
                Figures(300_000, 100_000, 0, 0))  # fmt: skip
    except Mismatch as exc:
        assert exc.column == "arrears_pokok"
        assert "Rp300.000" in exc.message
    else:
        raise AssertionError("a mismatch must be refused")
