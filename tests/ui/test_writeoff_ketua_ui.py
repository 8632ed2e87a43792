# ruff: noqa: F811 - pytest fixtures are imported by name and used as arguments
"""The case screen says what a hapus buku waits for: the Ketua plus one other Pengurus."""

from __future__ import annotations

from app.services import Services
from app.users.models import Role
from tests.app.collection.conftest import People, member, people  # noqa: F401
from tests.app.collection.test_writeoff import W, case_id  # noqa: F401
from tests.app.collection.test_writeoff_ketua import _proposed
from tests.conftest import make_user
from ui.views.case_decisions import approve_block, describe


def test_case_screen_says_the_ketua_is_awaited(
    services: Services, people: People, case_id: int
) -> None:
    sekretaris = make_user(services, Role.PENGURUS, "sekretaris", "Drs. Hartono")
    decision = _proposed(services, people, case_id)
    assert "persetujuan Ketua dan satu Pengurus lain" in describe(decision, W)
    assert approve_block(people.bendahara, decision) is None  # the first of the two
    decision = services.decisions.approve(people.bendahara, decision.id, "ok", W, W)
    assert "Masih menunggu: persetujuan Ketua." in describe(decision, W)
    assert "harus dari Ketua" in (approve_block(sekretaris, decision) or "")
    assert approve_block(people.ketua, decision) is None
