"""Issue 16: whether a loan stayed current through a window is decided for many loans at once
(one SQL statement per day to check) and says exactly what the day-by-day check of each loan
on its own (the per-loan Python position) says, for every window around the due dates."""

from __future__ import annotations

from datetime import date, timedelta

from app.loans.models import Loan
from app.services import Services
from tests.app.collection.conftest import People, make_loan, pay
from tests.conftest import make_member


def _one_by_one(services: Services, loan_id: int, start: date, end: date) -> bool:
    """The rule written out per loan and per day: nothing overdue on any day of the window,
    no pokok or jasa in arrears at its end (checked on every day, not only the due days)."""
    day = start
    while day <= end:
        if services.loans.quality.arrears(loan_id, day).days_past_due > 0:
            return False
        day += timedelta(days=1)
    final = services.loans.quality.arrears(loan_id, end)
    return final.arrears_pokok + final.arrears_jasa == 0


def _loans(services: Services, people: People) -> list[Loan]:
    """Four histories: never paid, paid on time, paid late each month, caught up once."""
    made = []
    for index in range(4):
        member = make_member(
            services, people.manajer, name=f"Anggota {index}", nik=f"3576011403850{index + 1:03d}"
        )
        first_due = date(2026, 2, 5) + timedelta(days=9 * index)
        made.append(make_loan(services, people, member, first_due=first_due))
    _never, on_time, late, caught_up = made
    for month in range(5):
        due = date(2026, 2 + month, on_time.first_due.day if on_time.first_due else 5)
        pay(services, people, on_time, 590_000, due - timedelta(days=1))
        pay(services, people, late, 590_000, date(2026, 2 + month, 28))
    owed = services.loans.quality.arrears(caught_up.id, date(2026, 4, 20)).arrears_total
    pay(services, people, caught_up, owed, date(2026, 4, 20))
    return made


def test_the_batch_agrees_with_the_day_by_day_check(services: Services, people: People) -> None:
    loans = _loans(services, people)
    ids = {loan.id for loan in loans}
    verdicts = set()
    for end in (date(2026, 3, 6), date(2026, 4, 30), date(2026, 5, 14), date(2026, 6, 23)):
        for days in (0, 1, 2, 10, 29, 30, 31, 45):
            start = end - timedelta(days=days)
            behind = services.loans.quality.not_current_between(ids, start, end)
            for loan in loans:
                expected = _one_by_one(services, loan.id, start, end)
                assert (loan.id not in behind) == expected, (loan.id, start, end)
                verdicts.add(expected)
    assert verdicts == {True, False}


def test_states_read_at_once(services: Services, people: People) -> None:
    loans = _loans(services, people)
    states = services.loans.quality.states(loan.id for loan in loans)
    for loan in loans:
        got = services.loans.get(loan.id)
        assert states[loan.id] == (got.status, got.closed_on)
