"""Case documents from a real case: the Ringkasan Kasus (contacts, promise statuses decided by
the payments, causes, savings, collateral, options computed by the planner and the settlement
calculator), SP letters referring to the earlier ones, the Surat Panggilan."""

from __future__ import annotations

from datetime import date, datetime, time

from app.collection.decision_models import RestructuringKind, RestructuringTerms, Treatment
from app.collection.models import Channel, LetterDraft, LetterKind
from app.documents import panggilan, ringkasan_kasus
from app.documents.kinds import DocKind
from app.documents.sources import cases, letters
from app.documents.sources.basics import documents
from app.formats import add_months
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People
from tests.app.documents import scenario
from tests.app.documents.scenario import D, pdf_text


def test_ringkasan_from_the_case_file(services: Services, people: People, member: Member) -> None:
    scenario.savings(services, people, member)
    loan, case_id = scenario.loan_with_case(services, people, member)
    scenario.history(services, people, case_id, loan)
    brief = cases.ringkasan(services, case_id, D)
    case = services.cases.get(case_id)
    arrears = services.loans.quality.arrears(loan.id, D)
    assert brief.case_number == case.number and brief.case_id == case_id
    assert (brief.arrears.pokok, brief.arrears.jasa, brief.arrears.denda) == (
        arrears.arrears_pokok,
        arrears.arrears_jasa,
        arrears.arrears_denda,
    )
    # Newest first; statuses come from the payments (the first promise was paid in full).
    assert [c.channel for c in brief.contacts] == ["Telepon", "Kunjungan Rumah"]
    assert [p.status for p in brief.promises] == ["Ingkar", "Ditepati"]
    assert "Disepakati: Bayar satu angsuran minggu depan." in brief.contacts[1].summary
    assert brief.causes == ("Usaha gagal / omzet turun",)
    assert (brief.savings.pokok, brief.savings.wajib, brief.savings.sukarela) == (
        100_000,
        400_000,
        650_000,
    )
    assert [c.description for c in brief.collateral] == ["Honda Beat 2019, S 4127 NK"]

    # The options are the restructuring planner's figures for each term …
    assert [o.months for o in brief.options] == [12, 24, 36]
    plan = services.restructuring.plan(
        loan.id,
        RestructuringTerms(
            kind=RestructuringKind.PERSYARATAN,
            pokok=Treatment.KAPITALISASI,
            jasa=Treatment.KAPITALISASI,
            denda=Treatment.HAPUS,
            monthly_rate=loan.monthly_rate,
            months=24,
            method=loan.method,
            first_due=add_months(D, 1),
            effective_date=D,
            round_to=loan.round_to,
            round_up=loan.round_up,
            reason="Pilihan untuk ringkasan",
        ),
    )
    assert brief.new_principal == plan.new_principal == arrears.outstanding + arrears.arrears_jasa
    assert brief.options[1].installment == plan.new_monthly
    # … and the settlement the largest one the cooperative's limits allow.
    quote = services.settlement.max_within_limits(loan.id, D)
    assert brief.settlement.amount == quote.agreed_sum
    assert brief.settlement.waived == quote.waived and brief.settlement.waive_pokok == 0

    ctx = documents(services).context(DocKind.RINGKASAN_KASUS)
    pdf, pages = ringkasan_kasus.render(brief, ctx)
    text = pdf_text(pdf)
    assert pages == 1 and case.number in text and "Catatan pertemuan" in text
    assert f"{quote.agreed_sum:,}".replace(",", ".") in text


def test_sp2_refers_to_the_sp1_of_the_case(
    services: Services, people: People, member: Member
) -> None:
    loan, case_id = scenario.loan_with_case(services, people, member)
    services.contacts.record_letter(
        people.staf,
        case_id,
        LetterDraft(
            kind=LetterKind.SP1,
            letter_date=date(2026, 5, 4),
            number="004/SP-1/V/2026",
            sent_on=date(2026, 5, 4),
            delivery_method="diantar",
            received_by="Istri",
        ),
        today=D,
    )
    services.cases.assign(people.manajer, case_id, people.staf.id, today=D)
    letter = letters.sp_letter(services, case_id, 2, D)
    arrears = services.loans.quality.arrears(loan.id, D)
    assert letter.arrears.total == arrears.arrears_total
    assert letter.arrears.installments_missed == 5
    assert [(p.number, p.letter_date) for p in letter.previous] == [
        ("004/SP-1/V/2026", date(2026, 5, 4))
    ]
    assert letter.deadline == date(2026, 6, 17)  # collection.letter_pay_days: 7
    assert letter.contact_name == people.staf.full_name  # the case's officer
    assert letter.contact_phone == ""  # the test cooperative has no telephone
    assert letter.case_id == case_id and letter.loan.id == loan.id
    assert letter.placeholders()["nomor_sp1"] == "004/SP-1/V/2026"


def test_panggilan_meets_on_a_weekday_at_the_office(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    friday = date(2026, 6, 12)
    letter = letters.surat_panggilan(services, case_id, friday)
    assert letter.meeting_date == date(2026, 6, 15)  # Monday, not the weekend
    assert letter.meeting_time == time(9, 0) and letter.place.startswith("Kantor KSP Uji Coba")
    assert letter.arrears.total > 0 and not letter.with_guarantor
    ctx = documents(services).context(DocKind.PANGGILAN)
    text = pdf_text(panggilan.render(letter, ctx)[0])
    assert "Senin, 15 Juni 2026" in text


def test_contact_lines_say_who_was_met(services: Services, people: People, member: Member) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    scenario.contact(
        services, people, case_id, datetime(2026, 6, 1, 9, 0), channel=Channel.DI_KANTOR, said=""
    )
    [note] = cases.ringkasan(services, case_id, D).contacts
    assert (note.channel, note.met) == ("Di Kantor", member.name)
    assert note.summary == "Tindak lanjut: Cek pembayaran."
