"""One place for permissions (issue 11): the rules the UI and the services share."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import PermissionDenied, ValidationError
from app.services import Services
from app.users.models import Role, User
from app.users.permissions import (
    FIRST_USER_ROLES,
    PERMISSIONS,
    Action,
    can,
    gives_ketua_approval,
    require,
    role_may,
    writes_supervisory_notes,
)
from tests.conftest import PASSWORD


def _user(role: Role, **state: bool) -> User:
    return User(id=1, username="u", full_name="U", role=role, **state)


def test_proposing_a_solution_is_propose_without_the_admin() -> None:
    for role in Role:
        expected = role_may(role, Action.PROPOSE) and role != Role.ADMIN
        assert role_may(role, Action.PROPOSE_SOLUTION) == expected, role
    assert {r for r in Role if role_may(r, Action.PROPOSE_SOLUTION)} == {
        Role.MANAJER,
        Role.PENGURUS,
        Role.KETUA,
    }


@given(
    role=st.sampled_from(list(Role)),
    active=st.booleans(),
    role_active=st.booleans(),
    must_change=st.booleans(),
    action=st.sampled_from(list(Action)),
)
def test_can_is_the_role_table_on_a_usable_account(
    role: Role, active: bool, role_active: bool, must_change: bool, action: Action
) -> None:
    user = _user(role, active=active, role_active=role_active, must_change_password=must_change)
    usable = active and role_active and not must_change
    assert can(user, action) == (usable and action in PERMISSIONS[role])
    if not can(user, action):
        with pytest.raises(PermissionDenied):
            require(user, action)


def test_ketua_approval_from_a_user_or_a_stored_vote() -> None:
    for role in Role:
        assert gives_ketua_approval(role) == (role == Role.KETUA)
        assert gives_ketua_approval(role.value) == (role == Role.KETUA)


def test_only_the_pengawas_writes_supervisory_notes() -> None:
    assert [r for r in Role if writes_supervisory_notes(_user(r))] == [Role.PENGAWAS]


@pytest.mark.parametrize("role", list(Role))
def test_the_first_user_roles_are_what_the_service_accepts(role: Role, services: Services) -> None:
    if role in FIRST_USER_ROLES:
        user = services.users.create_first_user("awal", "Pengguna Awal", role, PASSWORD, PASSWORD)
        assert user.role == role
    else:
        with pytest.raises(ValidationError, match="Pengguna pertama"):
            services.users.create_first_user("awal", "Pengguna Awal", role, PASSWORD, PASSWORD)
