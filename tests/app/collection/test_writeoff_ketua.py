# ruff: noqa: F811 - pytest fixtures are imported by name and used as arguments
"""Hapus buku approvals (DOMAIN §4a): the Ketua plus one other Pengurus, both different from the
proposer, after the Pengawas' note. Nobody approves a decision they proposed."""

from __future__ import annotations

import pytest

from app.collection.decision_models import Decision, DecisionStatus
from app.errors import PermissionDenied
from app.loans.models import LoanStatus
from app.services import Services
from app.users.models import Role, User
from tests.app.collection.conftest import People
from tests.app.collection.test_writeoff import W, case_id, ready  # noqa: F401
from tests.conftest import make_user

pytestmark = pytest.mark.both_engines

REASON = "Anggota pindah, tidak mampu bayar"


def _proposed(
    services: Services, people: People, case_id: int, proposer: User | None = None
) -> Decision:
    ready(services, people, case_id)
    coll = services
    decision = coll.writeoff.propose(proposer or people.manajer, case_id, REASON, W, W)
    note = "Sudah diperiksa, syarat lengkap."
    return coll.decisions.add_note(people.pengawas, decision.id, note, W, W)


def test_two_pengurus_without_the_ketua_cannot_write_off(
    services: Services, people: People, case_id: int
) -> None:
    sekretaris = make_user(services, Role.PENGURUS, "sekretaris", "Drs. Hartono")
    decision = _proposed(services, people, case_id)
    coll = services
    coll.decisions.approve(people.bendahara, decision.id, "Setuju", W, W)
    with pytest.raises(PermissionDenied, match="perlu persetujuan Ketua"):
        coll.decisions.approve(sekretaris, decision.id, "Setuju", W, W)
    assert services.loans.get(decision.loan_id).status == LoanStatus.AKTIF
    done = coll.decisions.approve(people.ketua, decision.id, "Setuju", W, W)
    assert done.status == DecisionStatus.DILAKSANAKAN


@pytest.mark.parametrize("order", ["ketua_first", "ketua_last"])
def test_ketua_and_one_pengurus_in_either_order(
    services: Services, people: People, case_id: int, order: str
) -> None:
    decision = _proposed(services, people, case_id)
    first, second = (people.ketua, people.bendahara)
    if order == "ketua_last":
        first, second = second, first
    services.decisions.approve(first, decision.id, "Setuju", W, W)
    done = services.decisions.approve(second, decision.id, "Setuju", W, W)
    assert done.status == DecisionStatus.DILAKSANAKAN


def test_ketua_who_proposed_cannot_approve(
    services: Services, people: People, case_id: int
) -> None:
    decision = _proposed(services, people, case_id, proposer=people.ketua)
    with pytest.raises(PermissionDenied, match="usulannya sendiri"):
        services.decisions.approve(people.ketua, decision.id, "Setuju", W, W)
    # Without another Ketua, the bendahara alone cannot complete it either.
    with pytest.raises(PermissionDenied, match="perlu persetujuan Ketua"):
        sekretaris = make_user(services, Role.PENGURUS, "sekretaris", "Drs. Hartono")
        services.decisions.approve(people.bendahara, decision.id, "Setuju", W, W)
        services.decisions.approve(sekretaris, decision.id, "Setuju", W, W)
