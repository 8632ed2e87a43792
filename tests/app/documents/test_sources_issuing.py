"""Case letters issued through the register land in the case's timeline in the same step, the
day's batch follows the work queue, and a failure never leaves the two out of step."""

from __future__ import annotations

from datetime import date

import pytest

from app.collection.models import LetterKind
from app.documents import sp_letters
from app.documents.kinds import DocKind
from app.documents.register import BatchItem
from app.documents.safe_render import DocumentNotMade
from app.documents.sources import issuing, letters
from app.documents.sources.basics import documents
from app.errors import PermissionDenied, ValidationError
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People
from tests.app.documents import scenario
from tests.app.documents.scenario import D, pdf_text
from tests.conftest import make_member

pytestmark = pytest.mark.both_engines

SP1_DUE = date(2026, 3, 9)  # the first instalment (5 Feb) is 32 days late


def test_an_sp_letter_is_in_the_register_and_in_the_case(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    letter = letters.sp_letter(services, case_id, 1, D)
    issued = issuing.issue(services, people.staf, DocKind.SP1, letter, sp_letters.render, D)
    assert issued.row.status == "selesai" and issued.row.case_id == case_id
    [logged] = services.contacts.letters(case_id)
    assert (logged.kind, logged.number, logged.document_ref) == (
        LetterKind.SP1,
        issued.row.number,
        issued.row.number,
    )
    assert (logged.letter_date, logged.sent_on, logged.pay_by) == (D, None, letter.deadline)
    timeline = services.timelines.for_case(case_id, D)
    assert any(issued.row.number in f"{e.title} {e.detail}" for e in timeline)
    assert issued.row.number in pdf_text(issued.pdf)


def test_refused_before_a_number_is_taken(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    letter = letters.sp_letter(services, case_id, 1, D)
    with pytest.raises(PermissionDenied):  # the Pengawas may not work on cases
        issuing.issue(services, people.pengawas, DocKind.SP1, letter, sp_letters.render, D)
    with pytest.raises(ValidationError):  # a letter dated after today
        issuing.issue(
            services, people.staf, DocKind.SP1, letter, sp_letters.render, date(2026, 6, 9)
        )
    assert documents(services).count() == 0


def test_recording_refused_takes_no_number_and_stores_nothing(
    services: Services, people: People, member: Member, monkeypatch: pytest.MonkeyPatch
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    letter = letters.sp_letter(services, case_id, 1, D)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ValidationError("Kasus sudah selesai.", field="case")

    monkeypatch.setattr(services.contacts, "record_letter", refuse)
    with pytest.raises(ValidationError):
        issuing.issue(services, people.staf, DocKind.SP1, letter, sp_letters.render, D)
    assert documents(services).search() == []
    assert services.db.scalar("SELECT count(*) FROM document_files") == 0
    monkeypatch.undo()
    assert services.contacts.letters(case_id) == []


def test_a_crash_while_rendering_takes_no_number_and_leaves_no_letter(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    letter = letters.sp_letter(services, case_id, 1, D)

    def dies(_data: object, _ctx: object) -> tuple[bytes, int]:
        raise KeyboardInterrupt  # stands in for the process being killed mid-way

    with pytest.raises(KeyboardInterrupt):
        issuing.issue(services, people.staf, DocKind.SP1, letter, dies, D)
    assert documents(services).search() == []
    assert services.contacts.letters(case_id) == []
    again = issuing.issue(services, people.staf, DocKind.SP1, letter, sp_letters.render, D)
    assert again.row.number.startswith("001/")
    assert [x.number for x in services.contacts.letters(case_id)] == [again.row.number]


def test_the_days_batch_follows_the_work_queue(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    other = make_member(services, people.manajer, name="Ni'mah & <Putra>", serial=2)
    scenario.make_loan(services, people, other, amount=3_000_000)
    services.cases.open_due_cases(D)
    due = letters.due_letters(services, D)
    assert [i.kind for i in due.items] == [DocKind.SP1, DocKind.SP1]
    assert {i.data.case_id for i in due.items} >= {case_id}
    seen: list[tuple[int, int]] = []
    issued = issuing.issue_due_letters(
        services, people.staf, due, D, progress=lambda n, total: seen.append((n, total))
    )
    assert len(issued) == 2 and seen[-1] == (2, 2)
    assert {x.row.batch_id for x in issued} != {None}
    for done in issued:
        [logged] = services.contacts.letters(done.row.case_id or 0)
        assert logged.document_ref == done.row.number and logged.kind == LetterKind.SP1
    # Printed but not yet delivered: not printed again the next day.
    tomorrow = letters.due_letters(services, date(2026, 6, 11))
    assert tomorrow.items == () and len(tomorrow.waiting) == 2
    assert "belum dicatat pengirimannya" in tomorrow.waiting[0]


def test_the_batch_stops_when_cancelled(services: Services, people: People, member: Member) -> None:
    for serial in range(2, 5):
        borrower = make_member(services, people.manajer, name=f"Anggota {serial}", serial=serial)
        scenario.make_loan(services, people, borrower, amount=2_000_000)
    services.cases.open_due_cases(D)
    due = letters.due_letters(services, D)
    assert len(due.items) == 3
    calls = {"n": 0}

    def stop() -> bool:
        calls["n"] += 1
        return calls["n"] > 2  # after the first letter

    issued = issuing.issue_due_letters(services, people.staf, due, D, should_stop=stop)
    assert len(issued) == 1
    rows = documents(services).search()
    assert [r.status for r in rows] == ["selesai"]  # the cancelled ones took no number
    logged = [x for c in services.case_list.open_cases() for x in services.contacts.letters(c.id)]
    assert [x.document_ref for x in logged] == [issued[0].row.number]
    # The cancelled ones are still due.
    assert len(letters.due_letters(services, D).items) == 2


def test_sp2_due_after_the_sp1_was_delivered(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    due = letters.due_letters(services, SP1_DUE)
    [done] = issuing.issue_due_letters(services, people.staf, due, SP1_DUE)
    [logged] = services.contacts.letters(case_id)
    services.contacts.record_delivery(people.staf, logged.id, SP1_DUE, "diantar", "Suami", SP1_DUE)
    later = date(2026, 3, 24)  # SP2: 14 days after the SP1 was sent
    [item] = letters.due_letters(services, later).items
    assert item.kind == DocKind.SP2
    assert [p.number for p in item.data.previous] == [done.row.number]


def test_a_letter_failing_in_a_batch_leaves_no_row_and_nothing_half_recorded(
    services: Services, people: People, member: Member
) -> None:
    for serial in range(2, 5):
        borrower = make_member(services, people.manajer, name=f"Anggota {serial}", serial=serial)
        scenario.make_loan(services, people, borrower, amount=2_000_000)
    services.cases.open_due_cases(D)
    due = letters.due_letters(services, D)
    calls = {"n": 0}

    def second_fails(data: object, ctx: object) -> tuple[bytes, int]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("printer font missing")
        return sp_letters.render(data, ctx)  # type: ignore[arg-type]

    broken = letters.DueLetters(
        D, tuple(BatchItem(i.kind, i.data, second_fails) for i in due.items)
    )
    with pytest.raises(DocumentNotMade):
        issuing.issue_due_letters(services, people.staf, broken, D)
    assert documents(services).search() == []
    assert services.db.scalar("SELECT count(*) FROM document_files") == 0
    coll = services
    assert [x for c in coll.case_list.open_cases() for x in coll.contacts.letters(c.id)] == []
