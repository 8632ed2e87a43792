"""Berita Acara and Surat Perjanjian/Addendum from what was really agreed (an approved
restructuring with its exact schedule, an approved settlement, a contact's promise), and the
Notulen and the Daftar Hapus Buku from the decisions on record."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.collection.models import LetterKind
from app.documents import berita_acara, daftar_hapus_buku, notulen, perjanjian
from app.documents.kinds import DocKind
from app.documents.sources import agreements, cases, decisions, issuing, letters
from app.documents.sources.basics import documents
from app.errors import ValidationError
from app.members.models import Member
from app.services import Services
from app.storage.loans_repo import LoansRepository
from tests.app.collection.conftest import People
from tests.app.collection.test_writeoff import W, _written_off
from tests.app.documents import scenario
from tests.app.documents.scenario import D, pdf_text


def _text(services: Services, kind: DocKind, data: object, render: object) -> tuple[str, int]:
    pdf, pages = render(data, documents(services).context(kind))  # type: ignore[operator]
    return pdf_text(pdf), pages


def test_berita_acara_of_an_approved_restructuring(
    services: Services, people: People, member: Member
) -> None:
    loan, case_id = scenario.loan_with_case(services, people, member)
    decision = scenario.restructure(services, people, case_id)
    assert agreements.agreement_decisions(services, case_id) == [
        services.decisions.get(decision.id)
    ]
    ba = agreements.berita_acara(services, case_id, D, decision_id=decision.id)
    deal = ba.agreement
    stored = LoansRepository(services.db).schedule(loan.id, 1)
    assert [(r.due_date, r.pokok, r.jasa) for r in deal.schedule] == [
        (i.due_date, i.pokok, i.jasa) for i in stored
    ]  # exactly the new version
    position = decision.payload["position"]
    assert (deal.position.pokok, deal.position.jasa, deal.position.denda) == (
        position["pokok"],
        position["jasa"],
        position["denda"],
    )
    assert deal.position.installments_missed == 5  # under the schedule it replaced
    assert deal.solution == "penataan" and deal.new_terms is not None
    assert [(w.component, w.amount) for w in deal.waivers] == [("denda", position["denda"])]
    assert any(decision.number in point for point in deal.points)
    text, pages = _text(services, DocKind.BERITA_ACARA, ba, berita_acara.render)
    assert "JADWAL ANGSURAN BARU" in text and decision.number in text and pages >= 2

    issued = issuing.issue(
        services, people.manajer, DocKind.BERITA_ACARA, ba, berita_acara.render, D
    )
    [logged] = services.contacts.letters(case_id)
    assert (logged.kind, logged.document_ref) == (LetterKind.BERITA_ACARA, issued.row.number)


def test_addendum_and_settlement_agreement(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    settled = scenario.settle(services, people, case_id)
    doc = agreements.perjanjian(services, settled.id, D)
    assert not doc.addendum and doc.heading == "SURAT PERJANJIAN PENYELESAIAN PINJAMAN"
    assert doc.agreement.lump_sum == settled.payload["agreed_sum"]
    assert doc.agreement.lump_sum_due == date(2026, 7, 10)
    assert {w.component for w in doc.agreement.waivers} == {"denda", "jasa"}
    text, _pages = _text(services, DocKind.PERJANJIAN, doc, perjanjian.render)
    assert "dinyatakan lunas" in text and "addendum" not in text.lower()
    assert "METERAI" in text


def test_addendum_of_a_restructuring(services: Services, people: People, member: Member) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    decision = scenario.restructure(services, people, case_id)
    doc = agreements.perjanjian(services, decision.id, D)
    assert doc.addendum and doc.heading == "ADDENDUM PERJANJIAN PINJAMAN"
    first = doc.agreement.first_installment
    assert first is not None and first.due_date == scenario.NEXT
    text, _pages = _text(services, DocKind.PERJANJIAN, doc, perjanjian.render)
    assert "Pasal 9" in text and "addendum" in text.lower()


def test_berita_acara_of_a_promise_made_at_a_home_visit(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    at = datetime(2026, 6, 9, 16, 0)
    contact_id = scenario.contact(
        services,
        people,
        case_id,
        at,
        promise=(1_000_000, date(2026, 6, 30)),
        agreed="Membayar Rp1.000.000 akhir bulan",
    )
    assert [c.id for c in agreements.agreed_contacts(services, case_id)] == [contact_id]
    ba = agreements.berita_acara(services, case_id, at.date(), contact_id=contact_id)
    assert ba.agreement.solution == "janji_bayar" and ba.agreement.lump_sum == 1_000_000
    assert ba.place.startswith("rumah PIHAK KEDUA")
    assert any("Membayar Rp1.000.000 akhir bulan" in p for p in ba.agreement.points)
    plain = scenario.contact(services, people, case_id, datetime(2026, 6, 10, 9, 0))
    with pytest.raises(ValidationError) as err:
        agreements.berita_acara(services, case_id, D, contact_id=plain)
    assert "janji bayar" in err.value.message


def test_a_decision_still_proposed_is_no_agreement(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    proposed = services.restructuring.propose(
        people.manajer, case_id, scenario.restructuring_terms(), today=D
    )
    with pytest.raises(ValidationError):
        agreements.berita_acara(services, case_id, D, decision_id=proposed.id)
    with pytest.raises(ValidationError):
        agreements.perjanjian(services, proposed.id, D)


def test_notulen_of_the_decisions_between_two_dates(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    restructured = scenario.restructure(services, people, case_id)
    with pytest.raises(ValidationError):
        decisions.notulen(services, date(2026, 1, 1), date(2026, 5, 31))
    doc = decisions.notulen(services, date(2026, 6, 1), date(2026, 6, 30))
    assert doc.doc_date == D and len(doc.cases) == 1 and len(doc.decisions) == 1
    assert restructured.number in doc.decisions[0] and doc.decisions[0].startswith("Menyetujui")
    assert "sisa pokok Rp6.000.000" in doc.cases[0].position  # as proposed, not as now
    names = {a.name: a for a in doc.attendees}
    assert not names[people.manajer.full_name].board  # the proposer is invited
    assert names[people.ketua.full_name].board
    assert doc.present == 1 and doc.board_size == 1 and doc.quorate
    assert any("Berita Acara" in f.what for f in doc.follow_ups)
    text, _pages = _text(services, DocKind.NOTULEN, doc, notulen.render)
    assert restructured.number in text and "kuorum tercapai" in text


def test_daftar_hapus_buku_from_the_off_books_register(
    services: Services, people: People, member: Member
) -> None:
    scenario.make_loan(services, people, member)  # no collateral: nothing to sell first
    [case] = services.cases.open_due_cases(D)
    loan_id = _written_off(services, people, case.id)
    later = date(2027, 5, 3)
    services.writeoff.record_recovery(
        people.staf, loan_id, 750_000, later, "tunai", "Dibayar adik anggota", later
    )
    doc = decisions.daftar_hapus_buku(services, 2027, date(2027, 6, 1))
    [line] = doc.loans
    entry = services.offbook.entry(loan_id)
    assert (line.pokok, line.jasa_denda, line.recovered) == (
        entry.pokok,
        entry.jasa + entry.denda,
        750_000,
    )
    assert line.written_off_on == W and line.remaining == entry.remaining
    assert decisions.daftar_hapus_buku(services, 2026, date(2027, 6, 1)).loans == ()
    text, _pages = _text(services, DocKind.DAFTAR_HAPUS_BUKU, doc, daftar_hapus_buku.render)
    assert line.loan_number in text and "750.000" in text
    # Collection goes on off the books: letters and the brief claim what is left.
    letter = letters.sp_letter(services, case.id, 1, later)
    assert letter.arrears.total == entry.remaining and letter.arrears.quality == "Hapus Buku"
    brief = cases.ringkasan(services, case.id, later)
    assert brief.options == () and brief.arrears.total == entry.remaining
