"""The collection schema keeps its promises: append-only records, one open case per loan,
proposals that can never be edited — on SQLite and PostgreSQL, with the same message."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.collection.models import Channel, ContactDraft, MetRole, PromiseDraft
from app.services import Services
from app.storage.constraints import MSG_APPEND_ONLY, MSG_CONSTRAINT
from app.users.models import Role
from tests.app.collection.conftest import People, make_loan
from tests.conftest import make_member, make_user
from tests.engines import refusal

pytestmark = pytest.mark.both_engines


@pytest.fixture
def setup(services: Services) -> tuple[Services, int, int]:
    people = People(
        ketua=make_user(services, Role.PENGURUS, "ketua", "Budi"),
        bendahara=make_user(services, Role.PENGURUS, "bendahara", "Siti"),
        manajer=make_user(services, Role.MANAJER, "manajer", "Sri"),
        staf=make_user(services, Role.STAF, "staf", "Agus"),
        pengawas=make_user(services, Role.PENGAWAS, "pengawas", "Bambang"),
    )
    member = make_member(services, people.manajer)
    loan = make_loan(services, people, member)
    [case] = services.cases.open_due_cases(date(2026, 6, 10))
    services.contacts.record(
        people.staf,
        ContactDraft(
            case_id=case.id,
            contact_at=datetime(2026, 6, 10, 9, 0),
            channel=Channel.TELEPON,
            met_role=MetRole.ANGGOTA,
        ),
        today=date(2026, 6, 10),
        promise=PromiseDraft(100_000, date(2026, 6, 12)),
    )
    return services, case.id, loan.id


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ("UPDATE case_contacts SET member_said = 'diubah'", MSG_APPEND_ONLY),
        ("DELETE FROM case_contacts", MSG_APPEND_ONLY),
        ("UPDATE case_promises SET amount = 1", MSG_APPEND_ONLY),
        ("DELETE FROM case_promises", MSG_APPEND_ONLY),
        ("UPDATE case_events SET text = 'x'", MSG_APPEND_ONLY),
        ("DELETE FROM collection_cases", MSG_CONSTRAINT),  # its records' foreign keys keep it
    ],
)
def test_records_are_append_only(
    setup: tuple[Services, int, int], statement: str, message: str
) -> None:
    services, _, _ = setup
    assert refusal(services.db, statement) == message


def test_one_open_case_per_loan(setup: tuple[Services, int, int]) -> None:
    services, case_id, loan_id = setup
    row = services.db.one("SELECT * FROM collection_cases WHERE id = ?", (case_id,))
    assert row is not None
    insert = (
        "INSERT INTO collection_cases (number, loan_id, member_id, opened_on, opened_how,"
        " created_at, updated_at) VALUES ('X', ?, ?, '2026-06-10', 'manual', '', '')"
    )
    assert refusal(services.db, insert, (loan_id, row["member_id"])) == MSG_CONSTRAINT


def test_a_proposal_is_never_edited(setup: tuple[Services, int, int]) -> None:
    services, case_id, _ = setup
    people_manajer = services.users.repo.by_username("manajer")
    assert people_manajer is not None
    decision = services.settlement.propose(
        people_manajer,
        case_id,
        date(2026, 6, 10),
        {"jasa": 50_000},
        date(2026, 7, 1),
        "Tawaran",
        date(2026, 6, 10),
    )
    edit = "UPDATE collection_decisions SET payload = '{}' WHERE id = ?"
    assert refusal(services.db, edit, (decision.id,)) == MSG_APPEND_ONLY
    assert refusal(services.db, "DELETE FROM collection_decisions") == MSG_APPEND_ONLY
