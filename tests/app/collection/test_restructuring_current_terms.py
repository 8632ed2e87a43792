"""After a Persyaratan Kembali lowered the jasa, a later Penjadwalan Kembali compares with
and starts from the terms in force (the latest schedule version), not the original agreement
(issue 10 item 7)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.collection.decision_models import RestructuringKind, RestructuringTerms, Treatment
from app.errors import ValidationError
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan

EFF = date(2026, 6, 10)
LATER = date(2026, 11, 20)


def _terms(kind: RestructuringKind, rate: str, on: date, first_due: date) -> RestructuringTerms:
    reconditioning = kind != RestructuringKind.PENJADWALAN
    return RestructuringTerms(
        kind=kind,
        pokok=Treatment.KAPITALISASI,
        jasa=Treatment.KAPITALISASI if reconditioning else Treatment.ANGSURAN_PERTAMA,
        denda=Treatment.HAPUS if reconditioning else Treatment.TETAP,
        monthly_rate=Decimal(rate),
        months=18,
        method="flat",
        first_due=first_due,
        effective_date=on,
        round_to=100,
        round_up=True,
        reason="Omzet turun karena pasar sepi",
    )


@pytest.fixture
def reconditioned(services: Services, people: People, member: Member) -> int:
    """The loan (6 juta flat 1,5 %) after an approved Persyaratan Kembali to 1,25 %."""
    make_loan(services, people, member)
    [case] = services.cases.open_due_cases(EFF)
    coll = services
    assert coll.restructuring.current_terms(case.loan_id).monthly_rate == Decimal("1.5")
    decision = coll.restructuring.propose(
        people.manajer,
        case.id,
        _terms(RestructuringKind.PERSYARATAN, "1.25", EFF, date(2026, 7, 10)),
        today=EFF,
    )
    coll.decisions.approve(people.ketua, decision.id, "Disetujui rapat", EFF, EFF)
    return case.loan_id


def test_current_terms_are_the_latest_version(services: Services, reconditioned: int) -> None:
    current = services.restructuring.current_terms(reconditioned)
    assert (current.version, current.monthly_rate, current.months) == (1, Decimal("1.25"), 18)
    assert services.loans.get(reconditioned).monthly_rate == Decimal("1.5")  # the agreement


@pytest.mark.parametrize(("rate", "accepted"), [("1.25", True), ("1.5", False), ("1", False)])
def test_rescheduling_keeps_the_rate_in_force(
    services: Services, reconditioned: int, rate: str, accepted: bool
) -> None:
    terms = _terms(RestructuringKind.PENJADWALAN, rate, LATER, date(2026, 12, 10))
    if accepted:
        plan = services.restructuring.plan(reconditioned, terms)
        assert plan.terms.monthly_rate == Decimal("1.25")
    else:
        with pytest.raises(ValidationError) as err:
            services.restructuring.plan(reconditioned, terms)
        assert err.value.field == "monthly_rate"
        assert "tidak mengubah jasa" in err.value.message
