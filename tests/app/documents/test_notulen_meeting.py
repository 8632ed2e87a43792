# ruff: noqa: F811 - pytest fixtures are imported by name and used as arguments
"""Issue 10 #10: the Notulen prints the loan as the meeting saw it (stored with the proposal)
and the attendance actually entered, with the quorum computed from it."""

from __future__ import annotations

from datetime import date, time
from io import BytesIO

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from app.collection.meeting_models import MeetingAttendee, MeetingDraft
from app.documents import notulen as nt
from app.documents.kinds import DocKind
from app.documents.sources import decisions
from app.documents.sources.basics import documents
from app.errors import ValidationError
from app.loans.models import LoanStatus
from app.services import Services
from tests.app.collection.conftest import People, member, people  # noqa: F401
from tests.app.collection.test_writeoff import W, _written_off, case_id  # noqa: F401


def _draft(present: dict[str, bool], chair: str, on: date = W) -> MeetingDraft:
    return MeetingDraft(
        meeting_date=on,
        starts=time(13, 0),
        ends=time(15, 0),
        place="Ruang rapat",
        chair=chair,
        secretary="Sri Wahyuningsih",
        decisions_from=date(2027, 3, 1),
        decisions_to=date(2027, 3, 31),
        attendees=tuple(MeetingAttendee(n, "Pengurus", p) for n, p in present.items()),
    )


def test_minutes_print_the_position_when_proposed(
    services: Services, people: People, case_id: int
) -> None:
    loan_id = services.cases.get(case_id).loan_id
    before = services.loans.quality.arrears(loan_id, W)
    assert before.quality == "M" and before.outstanding > 0
    _written_off(services, people, case_id)
    assert services.loans.get(loan_id).status == LoanStatus.HAPUS_BUKU
    doc = decisions.notulen(services, date(2027, 3, 1), date(2027, 3, 31))
    [case] = doc.cases
    pokok = f"{before.outstanding:,}".replace(",", ".")
    assert f"sisa pokok Rp{pokok}" in case.position, case.position
    assert "Macet" in case.position and "Rp0" not in case.position.split(",")[0]
    assert "posisi saat diusulkan" in case.position


def test_attendance_as_entered_and_quorum(services: Services, people: People, case_id: int) -> None:
    _written_off(services, people, case_id)
    meetings = services.meetings
    board = [a.name for a in meetings.board()]
    assert board == ["Budi Santoso", "Hj. Siti Maimunah"]
    three = {"Budi Santoso": True, "Hj. Siti Maimunah": False, "Ir. Joko": True}
    held = meetings.record(people.manajer, _draft(three, "Ir. Joko"), W)
    doc = decisions.notulen_of_meeting(services, held.id)
    assert (doc.present, doc.board_size, doc.chair) == (2, 3, "Ir. Joko")
    assert doc.quorate
    pdf, _pages = nt.render(doc, documents(services).context(DocKind.NOTULEN))
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert "2 dari 3 pengurus hadir" in text and "Tidak hadir" in text
    lone = {"Budi Santoso": True, "Hj. Siti Maimunah": False, "Ir. Joko": False}
    held = meetings.record(people.manajer, _draft(lone, "Budi Santoso"), W)
    assert not decisions.notulen_of_meeting(services, held.id).quorate
    with pytest.raises(ValidationError) as err:
        meetings.record(people.manajer, _draft(lone, "Ir. Joko"), W)
    assert err.value.field == "chair"


@given(size=st.integers(1, 9), data=st.data())
def test_quorum_is_more_than_half_of_the_board(size: int, data: st.DataObject) -> None:
    present = data.draw(st.integers(0, size))
    people = {f"P{i}": i < present for i in range(size)}
    draft = _draft(people, "P0")
    assert draft.board_size == size and draft.present == present
    assert draft.quorate == (present * 2 > size)
