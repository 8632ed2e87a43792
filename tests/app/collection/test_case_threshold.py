"""The threshold that opens a case (DOMAIN §7), as a rule of class and days late, and
open_due_cases reading the settings once per run rather than once per loan (issue 16)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.collection.case_rules import threshold_reason
from app.loans.models import LoanArrears
from app.loans.quality import CLASS_ORDER
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan
from tests.conftest import make_member


def _arrears(quality: str, days: int) -> LoanArrears:
    return LoanArrears(
        loan_id=1,
        as_of=date(2026, 6, 1),
        days_past_due=days,
        oldest_due=None,
        oldest_pokok_due=None,
        oldest_jasa_due=None,
        installments_missed=0,
        arrears_pokok=0,
        arrears_jasa=0,
        arrears_denda=0,
        outstanding=1_000_000,
        quality=quality,
    )


@given(
    quality=st.sampled_from(CLASS_ORDER),
    days=st.integers(0, 2_000),
    min_class=st.sampled_from(("", *CLASS_ORDER)),
    limit=st.integers(0, 400),
)
def test_a_case_is_due_at_the_class_or_the_days_late(
    quality: str, days: int, min_class: str, limit: int
) -> None:
    reason = threshold_reason(_arrears(quality, days), min_class, limit)
    by_class = bool(min_class) and CLASS_ORDER.index(quality) >= CLASS_ORDER.index(min_class)
    by_days = limit > 0 and days >= limit
    assert (reason is not None) == (by_class or by_days)
    if by_class:
        assert reason is not None and reason.startswith("Kolektibilitas ")
    elif by_days:
        assert reason == f"Terlambat {days:,} hari".replace(",", ".")


def test_open_due_cases_reads_the_thresholds_once(
    services: Services, people: People, member: Member, monkeypatch: pytest.MonkeyPatch
) -> None:
    loans = [make_loan(services, people, member)]
    for serial in (2, 3, 4):
        other = make_member(services, people.manajer, name=f"Anggota {serial}", serial=serial)
        loans.append(make_loan(services, people, other))
    asked: list[str] = []
    original = services.cases.settings.get

    def spy(key: str) -> object:
        asked.append(key)
        return original(key)

    monkeypatch.setattr(services.cases.settings, "get", spy)
    opened = services.cases.open_due_cases(date(2026, 3, 7))  # 30 days late: all four
    assert {c.loan_id for c in opened} == {loan.id for loan in loans}
    assert asked.count("collection.open_days_late") == 1
    assert asked.count("collection.open_min_class") == 1
