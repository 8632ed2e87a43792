"""Loan documents from a real stored loan: schedule in force, loan card, receipt, collateral
receipt and the Surat Keterangan Lunas (how it was paid off; never for a written-off loan)."""

from __future__ import annotations

from datetime import date

import pytest

from app.documents import jadwal_angsuran, kartu_pinjaman, keterangan_lunas, kuitansi
from app.documents import tanda_terima_agunan as tta
from app.documents.keterangan_lunas import PaidOffHow
from app.documents.kinds import DocKind
from app.documents.sources import loans
from app.documents.sources.basics import documents
from app.errors import ValidationError
from app.loans.models import LoanApplication
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan, pay, product_id
from tests.app.documents import scenario
from tests.app.documents.scenario import D, pdf_text


def _render(services: Services, kind: DocKind, data: object, render: object) -> str:
    ctx = documents(services).context(kind)
    pdf, _pages = render(data, ctx)  # type: ignore[operator]
    return pdf_text(pdf)


def test_jadwal_is_the_schedule_in_force(
    services: Services, people: People, member: Member
) -> None:
    loan, case_id = scenario.loan_with_case(services, people, member)
    doc = loans.jadwal(services, loan.id, D)
    assert (len(doc.rows), doc.principal, doc.simulation) == (12, 6_000_000, False)
    assert doc.rows[0].total == 590_000 and doc.rows[-1].balance == 0
    assert doc.member is not None and doc.member.name == member.name
    assert doc.loan is not None and doc.loan.number == loan.display_number
    text = _render(services, DocKind.JADWAL_ANGSURAN, doc, jadwal_angsuran.render)
    assert "JADWAL ANGSURAN PINJAMAN" in text and loan.display_number in text

    scenario.restructure(services, people, case_id)
    after = loans.jadwal(services, loan.id, D)
    assert (len(after.rows), after.principal) == (18, 6_450_000)
    assert after.first_due == scenario.NEXT and after.method == "Flat"


def test_kartu_shows_receipts_and_the_balance(
    services: Services, people: People, member: Member
) -> None:
    loan = make_loan(services, people, member)
    pay(services, people, loan, 590_000, date(2026, 2, 5))
    pay(services, people, loan, 300_000, date(2026, 3, 9))
    card = loans.kartu(services, loan.id, D)
    arrears = services.loans.quality.arrears(loan.id, D)
    assert [p.amount for p in card.payments] == [590_000, 300_000]
    assert card.paid_total == 890_000
    assert (card.outstanding, card.arrears_total) == (arrears.outstanding, arrears.arrears_total)
    assert card.installments[0].state == "Lunas" and card.status == "Aktif"
    text = _render(services, DocKind.KARTU_PINJAMAN, card, kartu_pinjaman.render)
    assert card.payments[0].receipt_no in text and "890.000" in text


def test_kartu_refused_before_disbursement(
    services: Services, people: People, member: Member
) -> None:
    draft = LoanApplication(
        member_id=member.id,
        product_id=product_id(services),
        amount=2_000_000,
        months=6,
        first_due=date(2026, 7, 5),
        application_date=D,
        purpose="Modal warung",
    )
    loan = services.loans.apply(people.manajer, draft, today=D)
    with pytest.raises(ValidationError) as err:
        loans.kartu(services, loan.id, D)
    assert "belum dicairkan" in err.value.message


def test_kuitansi_of_one_payment(services: Services, people: People, member: Member) -> None:
    loan = make_loan(services, people, member)
    pay(services, people, loan, 1_180_000, date(2026, 3, 9))
    [payment] = [e for e in services.loans.payments.events(loan.id) if e.receipt_no]
    receipt = loans.kuitansi_pembayaran(services, loan.id, payment.id)
    assert (receipt.nomor, receipt.amount) == (payment.receipt_no, 1_180_000)
    assert receipt.cashier == people.staf.full_name
    assert "angsuran ke-1 s.d. ke-2" in receipt.purpose
    issued = documents(services).issue(
        people.staf, DocKind.KUITANSI_PINJAMAN, receipt, kuitansi.render
    )
    assert issued.row.number == payment.receipt_no
    assert "satu juta seratus delapan puluh ribu rupiah" in pdf_text(issued.pdf)
    other = make_loan(services, people, member, amount=2_000_000)
    with pytest.raises(ValidationError):
        loans.kuitansi_pembayaran(services, other.id, payment.id)


def test_tanda_terima_agunan_received_and_returned(
    services: Services, people: People, member: Member
) -> None:
    loan, _case = scenario.loan_with_case(services, people, member)
    received = loans.tanda_terima_agunan(services, loan.id, D)
    assert [i.description for i in received.items] == ["Honda Beat 2019, S 4127 NK"]
    assert received.total_value == 9_500_000 and not received.returning
    text = _render(services, DocKind.TANDA_TERIMA_AGUNAN, received, tta.render)
    assert "BPKB R-0412776" in text and "9.500.000" in text
    with pytest.raises(ValidationError):  # nothing has been given back yet
        loans.tanda_terima_agunan(services, loan.id, D, returning=True)
    [item] = services.loans.collateral(loan.id)
    services.loans.release_collateral(people.manajer, item.id, D, "Dikembalikan")
    back = loans.tanda_terima_agunan(services, loan.id, D, returning=True)
    assert back.returning and len(back.items) == 1


def test_keterangan_lunas_in_full_with_collateral_returned(
    services: Services, people: People, member: Member
) -> None:
    loan, _case = scenario.loan_with_case(services, people, member)
    with pytest.raises(ValidationError) as err:
        loans.keterangan(services, loan.id, D)
    assert "belum lunas" in err.value.message
    services.loans.payments.pay_off(people.staf, loan.id, D, "tunai", today=D)
    [item] = services.loans.collateral(loan.id)
    services.loans.release_collateral(people.manajer, item.id, D, "Dikembalikan")
    letter = loans.keterangan(services, loan.id, D)
    assert (letter.how, letter.paid_off_on) == (PaidOffHow.PENUH, D)
    assert [c.document_no for c in letter.returned] == ["BPKB R-0412776"]
    text = _render(services, DocKind.KETERANGAN_LUNAS, letter, keterangan_lunas.render)
    assert "lunas" in text.lower() and loan.display_number in text


def test_keterangan_lunas_after_settlement_names_the_decision(
    services: Services, people: People, member: Member
) -> None:
    loan, case_id = scenario.loan_with_case(services, people, member)
    decision = scenario.settle(services, people, case_id, paid=True)
    letter = loans.keterangan(services, loan.id, D)
    assert letter.how == PaidOffHow.KERINGANAN and letter.agreement_ref == decision.number
    assert decision.number in letter.how_text


def test_keterangan_lunas_after_restructuring(
    services: Services, people: People, member: Member
) -> None:
    loan, case_id = scenario.loan_with_case(services, people, member)
    scenario.restructure(services, people, case_id)
    later = date(2026, 7, 20)
    services.loans.payments.pay_off(people.staf, loan.id, later, "tunai", today=later)
    assert loans.keterangan(services, loan.id, later).how == PaidOffHow.RESTRUKTURISASI
