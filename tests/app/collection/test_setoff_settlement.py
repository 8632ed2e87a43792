"""Set-off against savings (one transaction) and settlement at a discount."""

from __future__ import annotations

from datetime import date

import pytest

from app.collection.decision_models import Consent, DecisionStatus
from app.collection.models import CaseStatus
from app.errors import PermissionDenied, ValidationError
from app.loans.models import EventKind, LoanStatus
from app.members.models import Member
from app.savings.models import SavingsKind
from app.services import Services
from tests.app.collection.conftest import People, make_loan

pytestmark = pytest.mark.both_engines

D = date(2026, 6, 10)
CONSENT = Consent(
    given_by="Siti Aminah (anggota)", given_on=date(2026, 6, 8), statement_no="SP-07/VI/2026"
)


@pytest.fixture
def case_id(services: Services, people: People, member: Member) -> int:
    for kind, amount in (
        (SavingsKind.POKOK, 100_000),
        (SavingsKind.WAJIB, 400_000),
        (SavingsKind.SUKARELA, 650_000),
    ):
        services.savings.deposit(
            people.staf, member.id, kind, amount, date(2026, 1, 5), today=date(2026, 1, 5)
        )
    make_loan(services, people, member)
    [case] = services.cases.open_due_cases(D)
    return case.id


def test_setoff_withdraws_and_pays_in_one_go(
    services: Services, people: People, member: Member, case_id: int
) -> None:
    coll = services
    decision = coll.setoff.propose(
        people.manajer, case_id, D, {"sukarela": 650_000, "wajib": 400_000}, CONSENT, D
    )
    assert "SP-07/VI/2026" in decision.summary
    done = coll.decisions.approve(people.ketua, decision.id, "Sesuai pernyataan", D, D)
    assert done.status == DecisionStatus.DILAKSANAKAN
    balances = services.savings.balances(member.id)
    assert (balances.pokok, balances.wajib, balances.sukarela) == (100_000, 0, 0)
    wajib = [t for t in services.savings.history(member.id, SavingsKind.WAJIB) if t.amount < 0]
    assert wajib[0].authorised_by == people.ketua.id and wajib[0].method == "kompensasi"
    payment = services.loans.payments.events(decision.loan_id)[-1]
    assert (payment.kind, payment.amount, payment.method) == (
        EventKind.PEMBAYARAN,
        1_050_000,
        "kompensasi_simpanan",
    )
    assert coll.cases.get(case_id).status == CaseStatus.PENYELESAIAN


def test_setoff_failing_midway_leaves_nothing(
    services: Services,
    people: People,
    member: Member,
    case_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    coll = services
    decision = coll.setoff.propose(people.manajer, case_id, D, {"sukarela": 650_000}, CONSENT, D)
    events_before = len(services.loans.payments.events(decision.loan_id))

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValidationError("Gangguan saat mencatat pembayaran.")

    monkeypatch.setattr(services.loans.payments, "record_payment", broken)
    with pytest.raises(ValidationError):
        coll.decisions.approve(people.ketua, decision.id, "", D, D)
    assert services.savings.balances(member.id).sukarela == 650_000  # withdrawal undone
    assert len(services.savings.history(member.id, SavingsKind.SUKARELA)) == 1
    assert len(services.loans.payments.events(decision.loan_id)) == events_before
    after = coll.decisions.get(decision.id)
    assert after.status == DecisionStatus.DIUSULKAN and not after.votes


def test_setoff_checks_balances_and_consent(
    services: Services, people: People, case_id: int
) -> None:
    coll = services
    with pytest.raises(ValidationError) as err:
        coll.setoff.propose(people.manajer, case_id, D, {"sukarela": 700_000}, CONSENT, D)
    assert err.value.field == "sukarela"
    with pytest.raises(ValidationError) as err:
        coll.setoff.propose(
            people.manajer,
            case_id,
            D,
            {"sukarela": 100_000},
            Consent("Siti Aminah", date(2026, 6, 8), ""),
            D,
        )
    assert err.value.field == "statement_no"
    with pytest.raises(PermissionDenied):
        coll.setoff.propose(people.staf, case_id, D, {"sukarela": 100_000}, CONSENT, D)


def test_settlement_within_limits_one_pengurus(
    services: Services, people: People, case_id: int
) -> None:
    coll = services
    loan_id = coll.cases.get(case_id).loan_id
    limit = coll.settlement.max_within_limits(loan_id, D)
    denda = limit.line("denda")
    assert denda.waived == denda.owed > 0  # 100 % of denda
    assert limit.line("jasa").limit_amount == limit.line("jasa").owed // 2
    assert limit.line("pokok").waived == 0 and not limit.needs_board
    waivers = {"denda": denda.owed, "jasa": 200_000}
    quote = coll.settlement.quote(loan_id, D, waivers)
    decision = coll.settlement.propose(
        people.manajer, case_id, D, waivers, date(2026, 7, 10), "Anggota menjual motor", D
    )
    assert decision.required_approvals == 1
    coll.decisions.approve(people.ketua, decision.id, "Setuju", D, D)
    pay_day = date(2026, 6, 25)  # later: more denda, waived as agreed
    with pytest.raises(PermissionDenied):
        coll.settlement.pay(people.pengawas, decision.id, pay_day, "tunai", pay_day)
    payment = coll.settlement.pay(people.staf, decision.id, pay_day, "tunai", pay_day)
    assert payment.amount == quote.agreed_sum == decision.payload["agreed_sum"]
    loan = services.loans.get(loan_id)
    assert (loan.status, loan.closed_on) == (LoanStatus.LUNAS_KERINGANAN, pay_day)
    waived = [e for e in services.loans.payments.events(loan_id) if e.kind == EventKind.KERINGANAN]
    assert sum(e.jasa for e in waived) == 200_000 and sum(e.denda for e in waived) >= denda.owed
    assert coll.decisions.get(decision.id).status == DecisionStatus.DILAKSANAKAN
    assert coll.cases.get(case_id).status == CaseStatus.SELESAI


def test_settlement_beyond_limits_needs_two_pengurus_and_minutes(
    services: Services, people: People, case_id: int
) -> None:
    coll = services
    decision = coll.settlement.propose(
        people.manajer, case_id, D, {"pokok": 500_000}, date(2026, 7, 10), "Usaha bangkrut", D
    )
    assert decision.payload["beyond_limits"] == ["pokok"]
    assert decision.required_approvals == 2
    coll.decisions.approve(people.ketua, decision.id, "", D, D)
    with pytest.raises(ValidationError) as err:
        coll.decisions.approve(people.bendahara, decision.id, "", D, D)
    assert err.value.field == "meeting_ref"
    done = coll.decisions.approve(
        people.bendahara, decision.id, "", D, D, meeting_ref="03/NOT-PGR/VI/2026"
    )
    assert (done.status, done.meeting_ref) == (DecisionStatus.DISETUJUI, "03/NOT-PGR/VI/2026")
    assert coll.cases.get(case_id).status == CaseStatus.PENYELESAIAN
    late = date(2026, 7, 11)
    with pytest.raises(ValidationError) as err:
        coll.settlement.pay(people.staf, decision.id, late, "tunai", late)
    assert "sudah lewat" in err.value.message
    assert done.is_expired(late) and done.status_label(late) == "Kedaluwarsa"


def test_rejection_and_withdrawal(services: Services, people: People, case_id: int) -> None:
    coll = services
    decision = coll.settlement.propose(
        people.manajer, case_id, D, {"jasa": 100_000}, date(2026, 7, 10), "Coba tawarkan", D
    )
    with pytest.raises(ValidationError):  # one open proposal of a kind per loan
        coll.settlement.propose(
            people.manajer, case_id, D, {"jasa": 50_000}, date(2026, 7, 10), "Coba lagi", D
        )
    with pytest.raises(ValidationError) as err:
        coll.decisions.reject(people.ketua, decision.id, "", D, D)
    assert err.value.field == "note"
    rejected = coll.decisions.reject(people.ketua, decision.id, "Belum ada itikad baik", D, D)
    assert rejected.status == DecisionStatus.DITOLAK and rejected.rejections
    second = coll.settlement.propose(
        people.manajer, case_id, D, {"jasa": 50_000}, date(2026, 7, 10), "Tawaran kedua", D
    )
    with pytest.raises(PermissionDenied):
        coll.decisions.withdraw(people.ketua, second.id, "Bukan pengusul", D)
    withdrawn = coll.decisions.withdraw(people.manajer, second.id, "Anggota menolak", D)
    assert withdrawn.status == DecisionStatus.DITARIK
    assert [d.number for d in coll.decisions.pending()] == []
