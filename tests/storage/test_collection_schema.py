"""The collection schema keeps its promises: append-only records, one open case per loan,
proposals that can never be edited."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from app.collection.models import Channel, ContactDraft, MetRole, PromiseDraft
from app.errors import StorageError
from app.services import Services
from app.users.models import Role
from tests.app.collection.conftest import People, make_loan
from tests.conftest import make_member, make_user

pytestmark = pytest.mark.sqlite_only(
    "waits for the services on PostgreSQL (Services.open(url), h-pgservices)"
)


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
    "statement",
    [
        "UPDATE case_contacts SET member_said = 'diubah'",
        "DELETE FROM case_contacts",
        "UPDATE case_promises SET amount = 1",
        "DELETE FROM case_promises",
        "UPDATE case_events SET text = 'x'",
        "DELETE FROM collection_cases",
    ],
)
def test_records_are_append_only(setup: tuple[Services, int, int], statement: str) -> None:
    services, _, _ = setup
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        services.db.execute(statement)


def test_one_open_case_per_loan(setup: tuple[Services, int, int]) -> None:
    services, case_id, loan_id = setup
    row = services.db.one("SELECT * FROM collection_cases WHERE id = ?", (case_id,))
    assert row is not None
    with pytest.raises((sqlite3.IntegrityError, StorageError)):
        services.db.execute(
            "INSERT INTO collection_cases (number, loan_id, member_id, opened_on, opened_how,"
            " created_at, updated_at) VALUES ('X', ?, ?, '2026-06-10', 'manual', '', '')",
            (loan_id, row["member_id"]),
        )


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
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        services.db.execute(
            "UPDATE collection_decisions SET payload = '{}' WHERE id = ?", (decision.id,)
        )
    with pytest.raises((sqlite3.DatabaseError, StorageError)):
        services.db.execute("DELETE FROM collection_decisions")
