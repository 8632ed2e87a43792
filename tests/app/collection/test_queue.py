"""The day's work queue for a given date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.collection.models import (
    Channel,
    ContactDraft,
    LetterDraft,
    LetterKind,
    MetRole,
    PromiseDraft,
    PromiseView,
    QueueKind,
)
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan
from tests.conftest import make_member

pytestmark = pytest.mark.both_engines

Q = date(2026, 6, 22)


def test_queue_for_a_date(services: Services, people: People, member: Member) -> None:
    coll = services
    loan_a = make_loan(services, people, member)
    joko = make_member(services, people.manajer, name="Joko Susilo", sex="L", serial=2)
    loan_b = make_loan(
        services, people, joko, disbursed=date(2026, 3, 5), first_due=date(2026, 4, 5)
    )
    rini = make_member(services, people.manajer, name="Rini Astuti", serial=3)
    loan_c = make_loan(
        services, people, rini, disbursed=date(2026, 2, 10), first_due=date(2026, 3, 10)
    )
    [case_a] = coll.cases.open_due_cases(date(2026, 4, 1))
    assert case_a.loan_id == loan_a.id
    coll.cases.assign(people.manajer, case_a.id, people.staf.id, today=date(2026, 4, 1))
    case_b = coll.cases.open_case(
        people.manajer, loan_b.id, "Anggota minta keringanan", today=date(2026, 5, 20)
    )
    services.loans.quality.month_end(people.manajer, date(2026, 5, 31))
    coll.contacts.record_letter(
        people.staf,
        case_a.id,
        LetterDraft(
            kind=LetterKind.SP1,
            letter_date=date(2026, 4, 6),
            number="001/SP-1",
            sent_on=date(2026, 4, 6),
            delivery_method="diantar",
            received_by="Anggota",
        ),
        today=date(2026, 4, 6),
    )
    coll.contacts.record(
        people.staf,
        ContactDraft(
            case_id=case_a.id,
            contact_at=datetime(2026, 6, 10, 9, 0),
            channel=Channel.KUNJUNGAN_USAHA,
            met_role=MetRole.ANGGOTA,
            next_step="Ambil janji bayar ke warung",
            next_step_date=date(2026, 6, 20),
        ),
        today=date(2026, 6, 10),
        promise=PromiseDraft(750_000, Q),
    )
    coll.contacts.record(
        people.manajer,
        ContactDraft(
            case_id=case_b.id,
            contact_at=datetime(2026, 6, 1, 11, 0),
            channel=Channel.TELEPON,
            met_role=MetRole.ANGGOTA,
        ),
        today=date(2026, 6, 1),
        promise=PromiseDraft(400_000, date(2026, 6, 15)),
    )
    offer = coll.settlement.propose(
        people.manajer,
        case_a.id,
        date(2026, 6, 20),
        {"jasa": 90_000},
        date(2026, 7, 20),
        "Tawaran",
        Q,
    )

    queue = coll.work_queue.build(Q)

    kinds = [(i.kind, i.loan_id) for i in queue.items]
    assert kinds == [
        (QueueKind.JANJI_INGKAR, loan_b.id),
        (QueueKind.JANJI_HARI_INI, loan_a.id),
        (QueueKind.TINDAK_LANJUT, loan_a.id),
        (QueueKind.SURAT, loan_a.id),  # SP2 due 14 days after SP1 (20 April)
        (QueueKind.SURAT, loan_b.id),  # SP1 due at 30 days overdue (5 May)
        (QueueKind.KOLEKTIBILITAS, loan_c.id),  # Lancar at 31 May, Kurang Lancar now
        (QueueKind.KEPUTUSAN, loan_a.id),
    ]
    by_kind = {i.kind: i for i in queue.items}
    assert by_kind[QueueKind.JANJI_HARI_INI].amount == 750_000
    assert by_kind[QueueKind.JANJI_INGKAR].amount == 400_000
    assert by_kind[QueueKind.JANJI_INGKAR].case_id == case_b.id
    assert "terlambat 2 hari" in by_kind[QueueKind.TINDAK_LANJUT].text
    letters = queue.of_kind(QueueKind.SURAT)
    assert [(i.text[:8], i.due_date) for i in letters] == [
        ("Kirim SP", date(2026, 4, 20)),
        ("Kirim SP", date(2026, 5, 5)),
    ]
    assert "SP2" in letters[0].text and "SP1" in letters[1].text
    worse = by_kind[QueueKind.KOLEKTIBILITAS]
    assert worse.case_id is None and "Lancar → Kurang Lancar" in worse.text
    assert by_kind[QueueKind.KEPUTUSAN].ref_id == offer.id
    assert queue.counts[QueueKind.SURAT] == 2 and queue.total_count == 7
    assert queue.amounts[QueueKind.KEPUTUSAN] == offer.payload["agreed_sum"]

    mine = coll.work_queue.build(Q, officer_id=people.staf.id)
    assert {i.loan_id for i in mine.items} == {loan_a.id}

    # Paying the promise today takes it off the list; a new contact settles the follow-up.
    services.loans.payments.record_payment(people.staf, loan_a.id, 750_000, Q, "tunai", today=Q)
    coll.contacts.record(
        people.staf,
        ContactDraft(
            case_id=case_a.id,
            contact_at=datetime(2026, 6, 22, 14, 0),
            channel=Channel.DI_KANTOR,
            met_role=MetRole.ANGGOTA,
            next_step="Telepon awal bulan",
            next_step_date=date(2026, 7, 1),
        ),
        today=Q,
    )
    later = {i.kind for i in coll.work_queue.build(Q).items if i.loan_id == loan_a.id}
    assert QueueKind.JANJI_HARI_INI not in later and QueueKind.TINDAK_LANJUT not in later


@pytest.mark.parametrize("promised", [None, 0, 1, 2])
def test_queue_reads_promises_only_of_loans_that_have_one(
    services: Services,
    people: People,
    member: Member,
    monkeypatch: pytest.MonkeyPatch,
    promised: int | None,
) -> None:
    """Issue 16: the queue asked for the promises of every open case (thousands on a large
    file); it now reads only the cases of loans with a promise, and shows the same lines."""
    others = [
        make_member(services, people.manajer, name=name, sex="L", serial=serial)
        for name, serial in (("Joko Susilo", 2), ("Rini Astuti", 3))
    ]
    for m in [member, *others]:
        make_loan(services, people, m)
    cases = services.cases.open_due_cases(date(2026, 4, 1))
    assert len(cases) == 3
    if promised is not None:
        services.contacts.record(
            people.manajer,
            ContactDraft(
                case_id=cases[promised].id,
                contact_at=datetime(2026, 6, 10, 9, 0),
                channel=Channel.TELEPON,
                met_role=MetRole.ANGGOTA,
            ),
            today=date(2026, 6, 10),
            promise=PromiseDraft(500_000, Q),
        )
    views = services.work_queue.promises
    every_case = [v for c in cases for v in views.views_for_case(c.id, Q)]
    asked: list[int] = []
    original = views.views_for_case

    def spy(case_id: int, as_of: date) -> list[PromiseView]:
        asked.append(case_id)
        return original(case_id, as_of)

    monkeypatch.setattr(views, "views_for_case", spy)
    queue = services.work_queue.build(Q)

    assert asked == ([] if promised is None else [cases[promised].id])
    lines = queue.of_kind(QueueKind.JANJI_HARI_INI)
    assert [i.ref_id for i in lines] == [v.promise.id for v in every_case]
    assert [i.case_id for i in lines] == ([] if promised is None else [cases[promised].id])


def test_snapshot_classes_are_the_classes_of_the_snapshot(
    services: Services, people: People, member: Member
) -> None:
    """The work queue compares with the last month-end through the classes alone."""
    joko = make_member(services, people.manajer, name="Joko Susilo", sex="L", serial=2)
    make_loan(services, people, member)
    make_loan(services, people, joko, disbursed=date(2026, 3, 5), first_due=date(2026, 4, 5))
    quality = services.loans.quality
    for month_end in (date(2026, 2, 28), date(2026, 4, 30), date(2026, 5, 31)):
        quality.month_end(people.manajer, month_end)
    for run in quality.runs():
        full = {s.loan_id: s.quality for s in quality.snapshot(run.id)}
        assert quality.snapshot_classes(run.id) == full
    assert {len(quality.snapshot_classes(r.id)) for r in quality.runs()} == {1, 2}
