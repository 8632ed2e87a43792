"""Recording a contact reads its case once and passes it on (issue 11): the status moves it
causes still start each from where the previous one ended."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

from app.collection.models import Case, CaseStatus, Channel, ContactDraft, MetRole, PromiseDraft
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan

D = date(2026, 6, 11)


def _contact(case_id: int, hour: int) -> ContactDraft:
    return ContactDraft(
        case_id=case_id,
        contact_at=datetime(2026, 6, 11, hour, 0),
        channel=Channel.TELEPON,
        met_role=MetRole.ANGGOTA,
        member_said="Akan bayar",
    )


def _count_case_reads(services: Services, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    reads: list[int] = []
    original: Callable[[int], Case | None] = services.cases.repo.case

    def counting(case_id: int) -> Any:
        reads.append(case_id)
        return original(case_id)

    monkeypatch.setattr(services.cases.repo, "case", counting)
    return reads


def _status_moves(services: Services, case_id: int) -> list[str]:
    return [e["text"] for e in services.cases.repo.events(case_id) if e["kind"] == "status"]


@pytest.mark.parametrize("earlier_contacts", [0, 1, 2])
@pytest.mark.parametrize("with_promise", [False, True])
def test_a_contact_reads_its_case_once(
    services: Services,
    people: People,
    member: Member,
    monkeypatch: pytest.MonkeyPatch,
    earlier_contacts: int,
    with_promise: bool,
) -> None:
    make_loan(services, people, member)
    [case] = services.cases.open_due_cases(date(2026, 6, 10))
    for hour in range(earlier_contacts):
        services.contacts.record(people.staf, _contact(case.id, 8 + hour), today=D)
    before = services.cases.get(case.id).status
    reads = _count_case_reads(services, monkeypatch)
    promise = PromiseDraft(500_000, date(2026, 6, 20)) if with_promise else None
    services.contacts.record(people.staf, _contact(case.id, 14), today=D, promise=promise)
    assert reads == [case.id]
    monkeypatch.undo()

    # each automatic move starts where the one before ended, and only goes forward
    after = services.cases.get(case.id).status
    if with_promise:
        assert after == CaseStatus.JANJI_BAYAR
    else:
        assert after == (CaseStatus.NEGOSIASI if before == CaseStatus.BARU else before)
    moves = _status_moves(services, case.id)
    trail = [CaseStatus.BARU.label]
    for text in moves:
        old, new = text.removeprefix("Status: ").split(" (")[0].split(" → ")
        assert old == trail[-1], moves
        trail.append(new)
    assert trail[-1] == after.label
