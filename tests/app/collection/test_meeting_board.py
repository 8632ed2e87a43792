"""The board for a meeting's attendance: the profile's officers, then every active user of a
board role (the Ketua is a role of its own since issue 9) and nobody else."""

from __future__ import annotations

import pytest

from app.services import Services
from app.users.models import Role
from tests.conftest import make_user


@pytest.mark.parametrize("role", list(Role))
def test_every_active_board_user_and_nobody_else(services: Services, role: Role) -> None:
    user = make_user(services, role, f"u_{role.value}", f"Orang {role.value}")
    board = {a.name: a.position for a in services.meetings.board()}
    if role.is_pengurus:
        assert board.get(user.full_name) == "Pengurus"
    else:
        assert user.full_name not in board
