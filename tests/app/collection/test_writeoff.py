"""Hapus buku and hapus tagih: preconditions from the data, the approval rules, the off-books
register, recoveries."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.collection.decision_models import DecisionStatus
from app.collection.models import (
    CaseStatus,
    Channel,
    ContactDraft,
    LetterDraft,
    LetterKind,
    MetRole,
)
from app.errors import PermissionDenied, ValidationError
from app.loans.models import LoanStatus
from app.members.models import Member
from app.savings.models import SavingsKind
from app.services import Services
from tests.app.collection.conftest import People, make_loan

pytestmark = pytest.mark.both_engines

W = date(2027, 3, 1)  # the loan (nothing paid since Feb 2026) has been Macet since Aug 2026


@pytest.fixture
def case_id(services: Services, people: People, member: Member) -> int:
    make_loan(services, people, member)
    [case] = services.cases.open_due_cases(date(2026, 4, 1))
    return case.id


def send_letters(
    services: Services, people: People, case_id: int, kinds: tuple[str, ...] = ("SP1", "SP2", "SP3")
) -> None:
    sent = {"SP1": date(2026, 4, 6), "SP2": date(2026, 4, 20), "SP3": date(2026, 5, 4)}
    for kind in kinds:
        services.contacts.record_letter(
            people.staf,
            case_id,
            LetterDraft(
                kind=LetterKind(kind),
                letter_date=sent[kind],
                number=f"00{kind[-1]}",
                sent_on=sent[kind],
                delivery_method="diantar",
                received_by="Istri",
            ),
            today=sent[kind],
        )


def visit(services: Services, people: People, case_id: int) -> None:
    services.contacts.record(
        people.staf,
        ContactDraft(
            case_id=case_id,
            contact_at=datetime(2026, 5, 12, 15, 0),
            channel=Channel.KUNJUNGAN_RUMAH,
            met_role=MetRole.KELUARGA,
            met_name="Bu Sumiati (ibu)",
            member_said="Anggota merantau ke Surabaya",
            causes=("phk",),
        ),
        today=date(2026, 5, 12),
    )


def ready(services: Services, people: People, case_id: int) -> None:
    send_letters(services, people, case_id)
    visit(services, people, case_id)


def test_checklist_names_what_is_missing(services: Services, people: People, case_id: int) -> None:
    loan_id = services.cases.get(case_id).loan_id
    check = services.writeoff.checklist(loan_id, W)
    failing = {item.key for item in check.failing}
    assert failing == {"letters", "visit"}
    by_key = {item.key: item for item in check.items}
    assert by_key["macet"].ok and by_key["allowance"].ok and by_key["savings"].ok
    assert "SP1, SP2, SP3" in by_key["letters"].detail
    early = services.writeoff.checklist(loan_id, date(2026, 10, 1))
    assert not {i.key: i for i in early.items}["macet"].ok  # Macet only since August


def test_proposal_refused_while_a_precondition_fails(
    services: Services, people: People, case_id: int
) -> None:
    send_letters(services, people, case_id, ("SP1", "SP2"))
    visit(services, people, case_id)
    with pytest.raises(ValidationError) as err:
        services.writeoff.propose(
            people.manajer, case_id, "Anggota pindah, tidak mampu bayar", W, W
        )
    assert "SP1, SP2 dan SP3 sudah dikirim" in err.value.message
    assert "SP3" in err.value.message and err.value.field == "letters"


def test_roles_and_two_different_approvers_after_the_pengawas(
    services: Services, people: People, case_id: int
) -> None:
    ready(services, people, case_id)
    coll = services
    with pytest.raises(PermissionDenied):
        coll.writeoff.propose(people.staf, case_id, "Anggota pindah, tidak mampu bayar", W, W)
    decision = coll.writeoff.propose(
        people.manajer, case_id, "Anggota pindah, tidak mampu bayar", W, W
    )
    assert (decision.required_approvals, decision.needs_pengawas) == (2, True)
    with pytest.raises(ValidationError) as err:
        coll.decisions.approve(people.ketua, decision.id, "", W, W)
    assert "Pengawas" in err.value.message
    with pytest.raises(PermissionDenied):  # the Pengawas notes, never approves
        coll.decisions.approve(people.pengawas, decision.id, "", W, W)
    coll.decisions.add_note(people.pengawas, decision.id, "Sudah diperiksa, syarat lengkap.", W, W)
    with pytest.raises(PermissionDenied):
        coll.decisions.approve(people.manajer, decision.id, "", W, W)  # the proposer's role
    first = coll.decisions.approve(people.ketua, decision.id, "Setuju", W, W)
    assert first.status == DecisionStatus.DIUSULKAN and first.approvals_missing == 1
    with pytest.raises(PermissionDenied):  # the same Pengurus twice is not two approvals
        coll.decisions.approve(people.ketua, decision.id, "Setuju lagi", W, W)
    loan_id = decision.loan_id
    assert services.loans.get(loan_id).status == LoanStatus.AKTIF

    done = coll.decisions.approve(people.bendahara, decision.id, "Setuju", W, W)

    assert done.status == DecisionStatus.DILAKSANAKAN
    assert [v.user_id for v in done.approvals] == [people.ketua.id, people.bendahara.id]
    assert services.loans.get(loan_id).status == LoanStatus.HAPUS_BUKU
    [entry] = coll.offbook.register(W)
    assert (entry.loan_id, entry.pokok, entry.jasa, entry.status) == (
        loan_id,
        6_000_000,
        1_080_000,
        "aktif",
    )
    assert entry.denda == decision.payload["denda"] > 0
    kinds = [(e.kind, e.pokok, e.jasa) for e in coll.offbook.fin_events(loan_id)]
    assert kinds == [("hapus_buku", 6_000_000, 0), ("pembalikan_pendapatan", 0, 1_080_000)]
    assert coll.cases.get(case_id).status == CaseStatus.HAPUS_BUKU
    assert loan_id not in {a.loan_id for a in services.loans.quality.all_arrears(W)}


def test_proposer_pengurus_cannot_be_one_of_the_approvers(
    services: Services, people: People, case_id: int
) -> None:
    ready(services, people, case_id)
    coll = services
    decision = coll.writeoff.propose(people.ketua, case_id, "Anggota pindah, tak mampu", W, W)
    coll.decisions.add_note(people.pengawas, decision.id, "Sudah diperiksa.", W, W)
    with pytest.raises(PermissionDenied):
        coll.decisions.approve(people.ketua, decision.id, "", W, W)


def test_approval_refused_when_a_precondition_fails_later(
    services: Services, people: People, member: Member, case_id: int
) -> None:
    ready(services, people, case_id)
    coll = services
    decision = coll.writeoff.propose(people.manajer, case_id, "Anggota pindah, tak mampu", W, W)
    coll.decisions.add_note(people.pengawas, decision.id, "Sudah diperiksa.", W, W)
    services.savings.deposit(people.staf, member.id, SavingsKind.SUKARELA, 150_000, W, today=W)
    with pytest.raises(ValidationError) as err:
        coll.decisions.approve(people.ketua, decision.id, "", W, W)
    assert "Simpanan sudah dikompensasikan" in err.value.message
    assert not coll.decisions.get(decision.id).votes


def _written_off(services: Services, people: People, case_id: int) -> int:
    ready(services, people, case_id)
    coll = services
    decision = coll.writeoff.propose(people.manajer, case_id, "Anggota pindah, tak mampu", W, W)
    coll.decisions.add_note(people.pengawas, decision.id, "Sudah diperiksa.", W, W)
    coll.decisions.approve(people.ketua, decision.id, "", W, W)
    coll.decisions.approve(people.bendahara, decision.id, "", W, W)
    return decision.loan_id


def test_recovery_after_write_off_and_then_hapus_tagih(
    services: Services, people: People, case_id: int
) -> None:
    coll = services
    loan_id = _written_off(services, people, case_id)
    claim = coll.offbook.entry(loan_id).claim
    later = date(2027, 5, 3)
    recovery = coll.writeoff.record_recovery(
        people.staf, loan_id, 750_000, later, "tunai", "Dibayar adik anggota", later
    )
    assert recovery.receipt_no == "PH-2027-00001"
    assert (recovery.debit, recovery.credit.split(" ")[0]) == ("Kas", "Pendapatan")
    assert coll.offbook.entry(loan_id).remaining == claim - 750_000
    report = coll.collection_reports.written_off(later)
    assert report.recovered_in_period == {loan_id: 750_000}
    assert report.total_remaining == claim - 750_000
    with pytest.raises(ValidationError) as err:
        coll.writeoff.propose_hapus_tagih(
            people.manajer, case_id, "", later, "Meninggal dunia", later, later
        )
    assert err.value.field == "rat_number"
    rat = date(2028, 3, 18)
    decision = coll.writeoff.propose_hapus_tagih(
        people.manajer, case_id, "05/RAT/KSP-UJ/III/2028", rat, "Anggota meninggal dunia", rat, rat
    )
    coll.decisions.approve(people.ketua, decision.id, "Sesuai keputusan RAT", rat, rat)
    entry = coll.offbook.entry(loan_id)
    assert (entry.status, entry.rat_number, entry.closed_on) == (
        "hapus_tagih",
        "05/RAT/KSP-UJ/III/2028",
        rat,
    )
    assert services.loans.get(loan_id).status == LoanStatus.HAPUS_TAGIH
    assert coll.cases.get(case_id).status == CaseStatus.SELESAI
    with pytest.raises(ValidationError):
        coll.writeoff.record_recovery(people.staf, loan_id, 10_000, rat, "tunai", "", rat)
