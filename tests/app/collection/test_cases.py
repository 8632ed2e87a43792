"""The case file: opening at the threshold, the negotiation log, the timeline, the list and
reports."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest

from app.collection.models import (
    CaseFilter,
    CaseStatus,
    Channel,
    CollateralStatus,
    ContactDraft,
    LetterKind,
    MetRole,
    PromiseDraft,
)
from app.errors import PermissionDenied, ValidationError
from app.loans.models import CollateralDraft
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan, pay

pytestmark = pytest.mark.both_engines

D = date(2026, 6, 10)


def draft(case_id: int, **kw: object) -> ContactDraft:
    values: dict[str, object] = dict(
        case_id=case_id,
        contact_at=datetime(2026, 6, 10, 10, 0),
        channel=Channel.TELEPON,
        met_role=MetRole.ANGGOTA,
    )
    values.update(kw)
    return ContactDraft(**values)  # type: ignore[arg-type]


def test_cases_open_at_the_threshold_once(
    services: Services, people: People, member: Member
) -> None:
    loan = make_loan(services, people, member)
    services.loans.add_collateral(
        people.manajer,
        loan.id,
        CollateralDraft(
            kind="vehicle_fiducia", description="Honda Beat 2019", estimated_value=9_000_000
        ),
    )
    cases = services.cases
    assert cases.open_due_cases(date(2026, 3, 6)) == []  # 29 days late, still Lancar
    [case] = cases.open_due_cases(date(2026, 3, 7))  # 30 days late
    assert (case.status, case.opened_how, case.open_reason) == (
        CaseStatus.BARU,
        "otomatis",
        "Terlambat 30 hari",
    )
    assert case.collateral_status == CollateralStatus.DIPEGANG
    assert cases.open_due_cases(date(2026, 3, 8)) == []  # idempotent
    with pytest.raises(ValidationError):
        cases.open_case(people.manajer, loan.id, "Manual", today=D)
    services.settings.set(people.ketua, "collection.open_days_late", 0)
    assert cases.threshold_reason(services.loans.quality.arrears(loan.id, date(2026, 3, 7))) is None


def test_case_closes_when_the_loan_is_paid_off(
    services: Services, people: People, member: Member
) -> None:
    loan = make_loan(services, people, member)
    cases = services.cases
    [case] = cases.open_due_cases(date(2026, 3, 10))
    with pytest.raises(ValidationError) as err:
        cases.close(people.manajer, case.id, "Sudah bayar", date(2026, 3, 10), date(2026, 3, 10))
    assert "masih bermasalah" in err.value.message
    on = date(2026, 3, 20)
    services.loans.payments.pay_off(people.staf, loan.id, on, "tunai", today=on)
    cases.open_due_cases(on)
    closed = cases.get(case.id)
    assert (closed.status, closed.closed_on) == (CaseStatus.SELESAI, on)
    assert "Lunas" in closed.close_reason


def test_contact_validation_at_the_field(
    services: Services, people: People, member: Member
) -> None:
    make_loan(services, people, member)
    [case] = services.cases.open_due_cases(D)
    contacts = services.contacts
    cases = [
        (draft(case.id, met_role=MetRole.PENJAMIN), "met_name"),
        (draft(case.id, channel=Channel.SURAT), "letter_kind"),
        (draft(case.id, letter_kind=LetterKind.SP1), "letter_kind"),
        (draft(case.id, next_step_date=date(2026, 6, 20)), "next_step"),
        (draft(case.id, next_step="Telepon lagi"), "next_step_date"),
        (draft(case.id, causes=("malas",)), "causes"),
        (draft(case.id, contact_at=datetime(2026, 6, 11, 8, 0)), "contact_at"),
    ]
    for bad, field in cases:
        with pytest.raises(ValidationError) as err:
            contacts.record(people.staf, bad, today=D)
        assert err.value.field == field
    with pytest.raises(PermissionDenied):
        contacts.record(people.pengawas, draft(case.id), today=D)
    with pytest.raises(ValidationError) as err:
        contacts.record(
            people.staf, draft(case.id), today=D, promise=PromiseDraft(500_000, date(2026, 6, 1))
        )
    assert err.value.field == "due_date"
    assert contacts.contacts(case.id) == []  # nothing half-saved


def test_correction_is_a_new_contact_and_attachments_are_copied(
    services: Services, people: People, member: Member, tmp_path: Path
) -> None:
    make_loan(services, people, member)
    [case] = services.cases.open_due_cases(D)
    contacts = services.contacts
    photo = tmp_path / "foto rumah.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    first = contacts.record(
        people.staf,
        draft(
            case.id,
            channel=Channel.KUNJUNGAN_RUMAH,
            met_role=MetRole.SUAMI_ISTRI,
            met_name="Slamet",
            causes=("sakit",),
            attachments=(str(photo),),
        ),
        today=D,
    )
    [attachment] = first.attachments
    assert attachment.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    stored = contacts.attachment_path(attachment.rel_path)
    assert stored.read_bytes() == photo.read_bytes() and attachment.original_name == photo.name
    with pytest.raises(ValidationError) as err:
        contacts.record(people.staf, draft(case.id, corrects_id=first.id), today=D)
    assert err.value.field == "correction_reason"
    fixed = contacts.record(
        people.staf,
        draft(
            case.id,
            channel=Channel.KUNJUNGAN_RUMAH,
            met_role=MetRole.SUAMI_ISTRI,
            met_name="Slamet Riyadi",
            corrects_id=first.id,
            correction_reason="Nama suami salah tulis",
        ),
        today=D,
    )
    assert fixed.corrects_id == first.id
    assert contacts.get(first.id).is_superseded and contacts.get(first.id).met_name == "Slamet"
    with pytest.raises(ValidationError):
        contacts.record(
            people.staf,
            draft(case.id, corrects_id=first.id, correction_reason="Lagi-lagi"),
            today=D,
        )
    assert services.cases.get(case.id).causes == ("sakit",)


def test_timeline_merges_everything_in_time_order(
    services: Services, people: People, member: Member
) -> None:
    loan = make_loan(services, people, member)
    [case] = services.cases.open_due_cases(date(2026, 4, 1))
    services.contacts.record(
        people.staf,
        draft(
            case.id,
            contact_at=datetime(2026, 4, 2, 9, 30),
            agreed="Bayar",
            next_step="Cek",
            next_step_date=date(2026, 4, 9),
        ),
        today=date(2026, 4, 2),
        promise=PromiseDraft(590_000, date(2026, 4, 9)),
    )
    pay(services, people, loan, 590_000, date(2026, 4, 8))
    timeline = services.timelines.for_case(case.id, date(2026, 4, 10))
    sources = [e.source for e in timeline]
    assert sources[:2] == ["pembayaran", "kasus"]  # disbursed, then the case opened
    assert sources.index("kontak") < sources.index("janji") < len(sources) - 1
    assert timeline[-1].source == "pembayaran" and timeline[-1].amount == 590_000
    assert [e.at for e in timeline] == sorted(e.at for e in timeline)
    promise = next(e for e in timeline if e.source == "janji")
    assert promise.title.endswith("Ditepati")


def test_cases_list_filters_and_reports(services: Services, people: People, member: Member) -> None:
    make_loan(services, people, member)
    coll = services
    [case] = coll.cases.open_due_cases(date(2026, 4, 1))
    coll.cases.set_causes(people.manajer, case.id, ("usaha_gagal", "utang_lain"), today=D)
    coll.contacts.record(
        people.staf,
        draft(
            case.id,
            contact_at=datetime(2026, 6, 1, 8, 0),
            channel=Channel.KUNJUNGAN_USAHA,
            next_step="Datang lagi",
            next_step_date=date(2026, 6, 5),
        ),
        today=date(2026, 6, 1),
        promise=PromiseDraft(300_000, date(2026, 6, 5)),
    )
    [row] = coll.case_list.rows(D)
    assert (row.quality, row.broken_promises, row.next_step_overdue) == ("KL", 1, True)
    assert coll.case_list.rows(D, CaseFilter(quality="M")) == []
    assert len(coll.case_list.rows(D, CaseFilter(broken_promises_only=True))) == 1
    assert coll.case_list.rows(D, CaseFilter(statuses=(CaseStatus.BARU,))) == []
    assert len(coll.case_list.rows(D, CaseFilter(text="Siti"))) == 1
    causes = coll.collection_reports.by_cause(D)
    assert [(c.code, c.group, c.cases, c.outstanding) for c in causes] == [
        ("usaha_gagal", "anggota", 1, 6_000_000),
        ("utang_lain", "anggota", 1, 6_000_000),
    ]
    perf = coll.collection_reports.performance(date(2026, 6, 1), date(2026, 6, 30), D)
    [line] = perf.rows
    assert (
        line.month,
        line.officer_name,
        line.contacts,
        line.visits,
        line.promises_made,
        line.promises_broken,
        line.kept_rate,
    ) == (date(2026, 6, 1), "Agus Prasetyo", 1, 1, 1, 1, 0.0)
