"""Issue 10 #15: a case whose loan has been current for the Kebijakan period closes itself,
with an event saying why; the counts then leave it out."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.collection.case_closing import current_throughout
from app.collection.models import CaseStatus
from app.loans.models import Loan
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan, pay

pytestmark = pytest.mark.both_engines

CLEARED = date(2026, 4, 10)


def _recovered(services: Services, people: People, member: Member) -> tuple[Loan, int]:
    """Behind since February, a case on 1 April, everything overdue paid on 10 April, then
    May's instalment late (on 8 May) and June's on time."""
    loan = make_loan(services, people, member)
    [case] = services.cases.open_due_cases(date(2026, 4, 1))
    owed = services.loans.quality.arrears(loan.id, CLEARED).arrears_total
    pay(services, people, loan, owed, CLEARED)
    pay(services, people, loan, 590_000, date(2026, 5, 8))
    pay(services, people, loan, 590_000, date(2026, 6, 5))
    return loan, case.id


def test_current_throughout_is_exact_at_its_boundaries(
    services: Services, people: People, member: Member
) -> None:
    loan, _case = _recovered(services, people, member)
    # May's instalment was overdue on 6 and 7 May: a window containing those days is not current
    for end in (date(2026, 5, 20), date(2026, 6, 5), date(2026, 6, 20)):
        for days in range(1, 70):
            start = end - timedelta(days=days)
            late_inside = start <= date(2026, 5, 7) and end >= date(2026, 5, 6)
            before_clearing = start < CLEARED
            expected = not late_inside and not before_clearing
            assert current_throughout(services.loans, loan.id, start, end) == expected, (end, days)


def test_recovered_case_closes_itself_after_the_period(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = _recovered(services, people, member)
    coll = services
    first_clean_day = date(2026, 5, 8)  # current from 8 May on (paid May that day)
    coll.cases.open_due_cases(first_clean_day + timedelta(days=29))
    assert coll.cases.get(case_id).status.is_open
    assert len(coll.case_list.rows(date(2026, 6, 6))) == 1
    coll.cases.open_due_cases(first_clean_day + timedelta(days=30))
    case = coll.cases.get(case_id)
    assert case.status == CaseStatus.SELESAI and case.closed_on == date(2026, 6, 7)
    assert "tidak ada tunggakan selama 30 hari" in case.close_reason
    events = services.db.rows(
        "SELECT text FROM case_events WHERE case_id = ? AND kind = 'ditutup'", (case_id,)
    )
    assert len(events) == 1 and "ditutup otomatis" in events[0]["text"]
    assert coll.case_list.rows(date(2026, 6, 7)) == []  # counts use open cases only
    coll.cases.open_due_cases(date(2026, 6, 8))  # idempotent
    assert len(services.db.rows("SELECT 1 FROM case_events WHERE kind = 'ditutup'")) == 1


def test_period_is_a_setting(services: Services, people: People, member: Member) -> None:
    _loan, case_id = _recovered(services, people, member)
    coll = services
    services.settings.set(None, "collection.close_current_days", 20)
    coll.cases.open_due_cases(date(2026, 5, 27))  # 19 days current
    assert coll.cases.get(case_id).status.is_open
    coll.cases.open_due_cases(date(2026, 5, 28))
    assert not coll.cases.get(case_id).status.is_open
    assert "selama 20 hari" in coll.cases.get(case_id).close_reason


def test_a_loan_overdue_today_is_never_current_throughout(
    services: Services, people: People, member: Member
) -> None:
    """open_due_cases skips the day-by-day check for the loans its all_arrears finds overdue
    (issue 16): for those the check would say 'not current' anyway, on every day."""
    loan, _case = _recovered(services, people, member)
    day = date(2026, 3, 1)
    overdue_days = 0
    while day <= date(2026, 6, 30):
        overdue = {
            a.loan_id for a in services.loans.quality.all_arrears(day) if a.days_past_due > 0
        }
        if loan.id in overdue:
            overdue_days += 1
            for period in (1, 30):
                start = day - timedelta(days=period)
                assert not current_throughout(services.loans, loan.id, start, day), day
        day += timedelta(days=1)
    assert overdue_days > 30  # the rule was exercised (February to 10 April, 6-7 May)
