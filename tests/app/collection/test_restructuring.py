"""Restructuring: arithmetic per component (hand-worked), and the approved proposal producing a
new schedule version while the original rows stay as they were."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from app.collection.decision_models import (
    ArrearsPosition,
    DecisionStatus,
    RestructuringKind,
    RestructuringTerms,
    Treatment,
)
from app.collection.models import (
    CaseStatus,
    Channel,
    ContactDraft,
    MetRole,
    PromiseDraft,
    PromiseStatus,
)
from app.collection.restructuring_terms import restructured_schedule
from app.errors import PermissionDenied, ValidationError
from app.loans.models import EventKind
from app.members.models import Member
from app.services import Services
from app.storage.loans_repo import LoansRepository
from tests.app.collection.conftest import People, make_loan

pytestmark = pytest.mark.both_engines

EFF = date(2026, 6, 10)
POSITION = ArrearsPosition(
    loan_id=1,
    as_of=EFF,
    outstanding=6_000_000,
    arrears_pokok=1_000_000,
    arrears_jasa=300_000,
    arrears_denda=50_000,
    quality="KL",
    days_past_due=100,
)


def terms(
    pokok: Treatment,
    jasa: Treatment,
    denda: Treatment,
    *,
    months: int,
    method: str = "flat",
    rate: str = "1",
    kind: RestructuringKind = RestructuringKind.PERSYARATAN,
) -> RestructuringTerms:
    return RestructuringTerms(
        kind=kind,
        pokok=pokok,
        jasa=jasa,
        denda=denda,
        monthly_rate=Decimal(rate),
        months=months,
        method=method,
        first_due=date(2026, 7, 5),
        effective_date=EFF,
        round_to=1,
        round_up=False,
        reason="Usaha anggota menurun",
    )


def test_capitalise_pokok_and_jasa_waive_denda() -> None:
    # New principal 5.000.000 not yet due + 1.000.000 pokok + 300.000 jasa = 6.300.000.
    # Flat 1 %: jasa 63.000 a month, pokok 630.000, instalment 693.000 for 10 months.
    new = restructured_schedule(
        POSITION, terms(Treatment.KAPITALISASI, Treatment.KAPITALISASI, Treatment.HAPUS, months=10)
    )
    assert new.new_principal == new.schedule_principal == 6_300_000
    assert new.buckets["hapus"] == {"denda": 50_000}
    assert new.buckets["kapitalisasi"] == {"pokok": 1_000_000, "jasa": 300_000}
    assert [(ln.pokok, ln.jasa) for ln in new.lines] == [(630_000, 63_000)] * 10
    assert new.regular == 693_000
    assert new.lines[0].due_date == date(2026, 7, 5) and new.lines[-1].balance == 0


def test_jasa_to_the_first_instalment_and_denda_kept_due_at_once() -> None:
    # Principal 6.000.000 (pokok capitalised); flat 1 %, 12 months: 500.000 + 60.000.
    # Denda 50.000 kept: an instalment due on the effective date (jasa column);
    # jasa arrears 300.000 added to the first new instalment: 500.000 + 360.000.
    new = restructured_schedule(
        POSITION,
        terms(Treatment.KAPITALISASI, Treatment.ANGSURAN_PERTAMA, Treatment.TETAP, months=12),
    )
    assert new.new_principal == new.schedule_principal == 6_000_000
    first, second, third = new.lines[:3]
    assert (first.number, first.due_date, first.pokok, first.jasa, first.balance) == (
        1,
        EFF,
        0,
        50_000,
        6_000_000,
    )
    assert (second.number, second.pokok, second.jasa, second.total) == (
        2,
        500_000,
        360_000,
        860_000,
    )
    assert (third.pokok, third.jasa) == (500_000, 60_000)
    assert len(new.lines) == 13 and new.lines[-1].balance == 0
    assert new.regular == 560_000


def test_pokok_to_the_first_instalment_on_a_declining_schedule_with_waivers() -> None:
    # Built on the 5.000.000 not yet due; menurun 1 %, 5 months: pokok 1.000.000 a month,
    # jasa 50.000, 40.000, 30.000, 20.000, 10.000. The 1.000.000 pokok arrears go on top of
    # the first instalment; jasa and denda arrears are waived.
    new = restructured_schedule(
        POSITION,
        terms(
            Treatment.ANGSURAN_PERTAMA,
            Treatment.HAPUS,
            Treatment.HAPUS,
            months=5,
            method="declining",
        ),
    )
    assert new.new_principal == 5_000_000 and new.schedule_principal == 6_000_000
    assert [(ln.pokok, ln.jasa, ln.balance) for ln in new.lines] == [
        (2_000_000, 50_000, 4_000_000),
        (1_000_000, 40_000, 3_000_000),
        (1_000_000, 30_000, 2_000_000),
        (1_000_000, 20_000, 1_000_000),
        (1_000_000, 10_000, 0),
    ]
    assert new.buckets["hapus"] == {"jasa": 300_000, "denda": 50_000}


def test_annuity_principal_adds_up_exactly() -> None:
    new = restructured_schedule(
        POSITION,
        terms(
            Treatment.KAPITALISASI,
            Treatment.KAPITALISASI,
            Treatment.KAPITALISASI,
            months=24,
            method="annuity",
            rate="1.25",
        ),
    )
    assert new.new_principal == 6_350_000
    assert sum(ln.pokok for ln in new.lines) == new.schedule_principal == 6_350_000


def test_nothing_left_to_build_a_schedule_on_is_refused() -> None:
    all_due = ArrearsPosition(
        loan_id=1,
        as_of=EFF,
        outstanding=1_000_000,
        arrears_pokok=1_000_000,
        arrears_jasa=0,
        arrears_denda=0,
        quality="M",
        days_past_due=400,
    )
    with pytest.raises(ValidationError) as err:
        restructured_schedule(
            all_due, terms(Treatment.TETAP, Treatment.HAPUS, Treatment.HAPUS, months=6)
        )
    assert err.value.field == "pokok"


# -- the proposal through the services ---------------------------------------------------------


def _terms(
    kind: RestructuringKind = RestructuringKind.PENATAAN,
    rate: str = "1.5",
    jasa: Treatment = Treatment.KAPITALISASI,
) -> RestructuringTerms:
    return RestructuringTerms(
        kind=kind,
        pokok=Treatment.KAPITALISASI,
        jasa=jasa,
        denda=Treatment.HAPUS,
        monthly_rate=Decimal(rate),
        months=18,
        method="flat",
        first_due=date(2026, 7, 10),
        effective_date=EFF,
        round_to=100,
        round_up=True,
        reason="Omzet turun karena pasar sepi",
    )


@pytest.fixture
def case_id(services: Services, people: People, member: Member) -> int:
    make_loan(services, people, member)  # 6 juta, 12 × 590.000 from 5 Feb 2026, nothing paid
    [case] = services.cases.open_due_cases(EFF)
    return case.id


def test_plan_shows_old_and_new_side_by_side(
    services: Services, people: People, case_id: int
) -> None:
    case = services.cases.get(case_id)
    plan = services.restructuring.plan(case.loan_id, _terms())
    pos = plan.position
    # Five instalments due by 10 June (5 Feb … 5 Jun): 2.500.000 pokok, 450.000 jasa.
    assert (pos.outstanding, pos.arrears_pokok, pos.arrears_jasa) == (6_000_000, 2_500_000, 450_000)
    assert pos.arrears_denda > 0
    assert plan.new_principal == 6_450_000
    assert plan.counter == 1
    assert len(plan.old_lines) == 12 and plan.old_monthly == 590_000
    assert len(plan.new_lines) == 18
    assert any("pokok naik" in w for w in plan.warnings)


def test_rescheduling_cannot_change_the_rate_or_capitalise(
    services: Services, people: People, case_id: int
) -> None:
    loan_id = services.cases.get(case_id).loan_id
    with pytest.raises(ValidationError) as err:
        services.restructuring.plan(loan_id, _terms(RestructuringKind.PENJADWALAN, "1"))
    assert err.value.field == "monthly_rate"
    with pytest.raises(ValidationError) as err:
        services.restructuring.plan(loan_id, _terms(RestructuringKind.PENJADWALAN))
    assert err.value.field == "jasa"


def test_approved_restructuring_adds_a_schedule_version(
    services: Services, people: People, case_id: int
) -> None:
    coll = services
    case = coll.cases.get(case_id)
    repo = LoansRepository(services.db)
    original = repo.schedule(case.loan_id, 0)
    contact = coll.contacts.record(
        people.staf,
        ContactDraft(
            case_id=case_id,
            contact_at=datetime(2026, 6, 9, 9, 0),
            channel=Channel.TELEPON,
            met_role=MetRole.ANGGOTA,
        ),
        today=EFF,
        promise=PromiseDraft(500_000, date(2026, 6, 30)),
    )
    decision = coll.restructuring.propose(people.manajer, case_id, _terms(), today=EFF)
    assert decision.status == DecisionStatus.DIUSULKAN
    assert services.loans.get(case.loan_id).schedule_version == 0  # nothing before approval
    with pytest.raises(PermissionDenied):
        coll.decisions.approve(people.manajer, decision.id, "", EFF, EFF)
    denda = decision.payload["position"]["denda"]

    approved = coll.decisions.approve(people.ketua, decision.id, "Disetujui rapat", EFF, EFF)

    assert approved.status == DecisionStatus.DILAKSANAKAN
    loan = services.loans.get(case.loan_id)
    assert loan.schedule_version == 1
    assert repo.schedule(case.loan_id, 0) == original  # the original rows are untouched
    new = repo.schedule(case.loan_id, 1)
    assert sum(i.pokok for i in new) == 6_450_000 and len(new) == 18
    waivers = [e for e in services.loans.payments.events(loan.id) if e.kind == EventKind.KERINGANAN]
    assert [(w.denda, w.approved_by) for w in waivers] == [(denda, people.ketua.id)]
    [fin] = coll.offbook.fin_events(loan.id)
    assert (fin.kind, fin.jasa, fin.decision_id) == ("kapitalisasi", 450_000, decision.id)
    arrears = services.loans.quality.arrears(loan.id, EFF)
    assert (arrears.days_past_due, arrears.outstanding) == (0, 6_450_000)
    assert coll.cases.get(case_id).status == CaseStatus.RESTRUKTURISASI
    [view] = coll.promise_views.views_for_case(case_id, EFF)
    assert view.status == PromiseStatus.DIBATALKAN and view.promise.contact_id == contact.id
    again = coll.restructuring.plan(loan.id, _terms())
    assert again.counter == 2 and any("ke-2" in w for w in again.warnings)


def test_approval_refused_when_the_position_changed(
    services: Services, people: People, case_id: int
) -> None:
    coll = services
    loan_id = coll.cases.get(case_id).loan_id
    decision = coll.restructuring.propose(people.manajer, case_id, _terms(), today=EFF)
    services.loans.payments.record_payment(
        people.staf, loan_id, 300_000, date(2026, 6, 12), "tunai", today=date(2026, 6, 12)
    )
    with pytest.raises(ValidationError) as err:
        coll.decisions.approve(people.ketua, decision.id, "", date(2026, 6, 12), date(2026, 6, 12))
    assert "berubah" in err.value.message
    after = coll.decisions.get(decision.id)
    assert after.status == DecisionStatus.DIUSULKAN and not after.votes  # nothing kept
    assert services.loans.get(loan_id).schedule_version == 0
