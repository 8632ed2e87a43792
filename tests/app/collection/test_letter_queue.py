"""Issue 10 #16: the letter queue ranks what matters (arrears, discounted for very old ones) and
a long-overdue loan that never had an SP gets what Kebijakan says first (default a Surat
Panggilan, not SP1)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.collection.models import QueueKind
from app.collection.queue import letter_priority, next_letter
from app.documents.kinds import DocKind
from app.documents.sources.letters import due_letters
from app.loans.models import LoanArrears
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan
from tests.conftest import make_member

AS_OF = date(2026, 6, 10)
GAPS = {"SP2": 14, "SP3": 14}


def _arrears(days: int) -> LoanArrears:
    oldest = AS_OF - timedelta(days=days)
    return LoanArrears(1, AS_OF, days, oldest, oldest, oldest, 1, 100, 10, 1, 1000)


@given(
    a=st.integers(0, 10**9),
    b=st.integers(0, 10**9),
    d1=st.integers(0, 4000),
    d2=st.integers(0, 4000),
    long_days=st.integers(31, 1000),
)
def test_priority_rises_with_the_amount_and_falls_with_great_age(
    a: int, b: int, d1: int, d2: int, long_days: int
) -> None:
    if a <= b:
        assert letter_priority(a, d1, long_days) <= letter_priority(b, d1, long_days)
    if long_days <= d1 <= d2:
        assert letter_priority(a, d1, long_days) >= letter_priority(a, d2, long_days)
    if d1 <= long_days:
        assert letter_priority(a, d1, long_days) == a
    assert 0 <= letter_priority(a, d1, long_days) <= a


@given(days=st.integers(0, 3000), long_days=st.integers(31, 1000))
def test_first_letter_by_kebijakan(days: int, long_days: int) -> None:
    a = _arrears(days)
    invited = next_letter({}, a, 30, GAPS, long_days, "panggilan")
    plain = next_letter({}, a, 30, GAPS, long_days, "SP1")
    if days < 30:
        assert invited is None and plain is None
        return
    assert plain is not None and plain[0] == "SP1"
    assert invited is not None
    assert invited[0] == ("panggilan" if days >= long_days else "SP1")
    after = next_letter({"panggilan": AS_OF}, a, 30, GAPS, long_days, "panggilan")
    if days >= long_days:
        assert after == ("SP1", AS_OF + timedelta(days=14))
    # once an SP is on file the order is SP2, SP3 whatever the age
    assert next_letter({"SP1": AS_OF}, a, 30, GAPS, long_days, "panggilan") == (
        "SP2",
        AS_OF + timedelta(days=14),
    )


def test_queue_ranks_fresh_arrears_first_and_invites_the_old_loan(
    services: Services, people: People, member: Member
) -> None:
    old = make_loan(
        services,
        people,
        member,
        amount=1_000_000,
        disbursed=date(2021, 1, 5),
        first_due=date(2021, 2, 5),
    )
    joko = make_member(services, people.manajer, name="Joko Susilo", sex="L", serial=2)
    fresh = make_loan(services, people, joko, amount=6_000_000)
    services.cases.open_due_cases(AS_OF)
    lines = services.work_queue.build(AS_OF).of_kind(QueueKind.SURAT)
    assert [x.loan_id for x in lines] == [fresh.id, old.id]
    assert [x.letter for x in lines] == ["SP1", "panggilan"]
    assert "Kirim Surat Panggilan" in lines[1].text and "belum pernah mendapat SP" in lines[1].text
    assert lines[0].priority > lines[1].priority
    due = due_letters(services, AS_OF)
    assert [i.kind for i in due.items] == [DocKind.SP1, DocKind.PANGGILAN]
    services.settings.set(None, "collection.long_overdue_first", "SP1")
    lines = services.work_queue.build(AS_OF).of_kind(QueueKind.SURAT)
    assert [x.letter for x in lines] == ["SP1", "SP1"]
