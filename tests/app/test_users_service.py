"""Users: first user, log-in, lock-out, password changes, roles, audit."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.errors import PermissionDenied, ValidationError
from app.services import Services
from app.users.models import Role
from app.users.passwords import hash_password, verify_password
from app.users.permissions import Action, can
from tests.conftest import PASSWORD, admin_user, make_user

pytestmark = pytest.mark.both_engines


def test_password_hash_is_salted_scrypt() -> None:
    one, two = hash_password("rahasia1"), hash_password("rahasia1")
    assert one != two and one.startswith("scrypt$")
    assert verify_password("rahasia1", one)
    assert not verify_password("rahasia2", one)
    assert not verify_password("rahasia1", "bukan-hash")


def test_first_user_only_once_and_only_admin_or_pengurus(services: Services) -> None:
    with pytest.raises(ValidationError) as err:
        services.users.create_first_user("kasir", "Kasir", Role.STAF, PASSWORD, PASSWORD)
    assert err.value.field == "role"
    services.users.create_first_user("ketua", "Budi Santoso", Role.PENGURUS, PASSWORD, PASSWORD)
    with pytest.raises(PermissionDenied):
        services.users.create_first_user("lain", "Lain", Role.ADMIN, PASSWORD, PASSWORD)


@pytest.mark.sqlite_only("refused at the field before any write: the engine plays no part")
@pytest.mark.parametrize(
    ("username", "password", "confirm", "field"),
    [
        ("ab", PASSWORD, PASSWORD, "username"),
        ("budi santoso", PASSWORD, PASSWORD, "username"),
        ("budi", "12345", "12345", "password"),
        ("budi", PASSWORD, PASSWORD + "x", "confirm"),
    ],
)
def test_new_user_validation(
    services: Services, username: str, password: str, confirm: str, field: str
) -> None:
    admin = admin_user(services)
    with pytest.raises(ValidationError) as err:
        services.users.create_user(admin, username, "Budi", Role.STAF, password, confirm)
    assert err.value.field == field


def test_duplicate_username_refused(services: Services) -> None:
    admin = admin_user(services)
    services.users.create_user(admin, "siti", "Siti", Role.MANAJER, PASSWORD, PASSWORD)
    with pytest.raises(ValidationError, match="sudah dipakai"):
        services.users.create_user(admin, "SITI", "Siti Lain", Role.STAF, PASSWORD, PASSWORD)


def test_login_and_wrong_password_counts_down(services: Services) -> None:
    make_user(services, Role.MANAJER, "siti", "Siti Aminah")
    assert services.users.login("siti", PASSWORD).full_name == "Siti Aminah"
    with pytest.raises(ValidationError, match="Sisa percobaan: 4"):
        services.users.login("siti", "salah")
    with pytest.raises(ValidationError, match="Sisa percobaan: 3"):
        services.users.login("siti", "salah")
    services.users.login("siti", PASSWORD)  # success resets the counter
    with pytest.raises(ValidationError, match="Sisa percobaan: 4"):
        services.users.login("siti", "salah")


def test_lockout_after_repeated_failures(services: Services) -> None:
    make_user(services, Role.STAF, "kasir")
    now = datetime(2026, 11, 26, 9, 0)
    for _ in range(4):
        with pytest.raises(ValidationError):
            services.users.login("kasir", "salah", now=now)
    with pytest.raises(ValidationError, match="dikunci"):
        services.users.login("kasir", "salah", now=now)
    # Even the right password is refused while locked …
    with pytest.raises(ValidationError, match="dikunci sementara"):
        services.users.login("kasir", PASSWORD, now=now + timedelta(minutes=5))
    # … and accepted once the lock-out has passed.
    assert (
        services.users.login("kasir", PASSWORD, now=now + timedelta(minutes=16)).username == "kasir"
    )
    actions = [e.action for e in services.audit.entries("user")]
    assert "dikunci" in actions


def test_unknown_user_gets_same_message(services: Services) -> None:
    admin_user(services)
    with pytest.raises(ValidationError, match="Nama pengguna atau kata sandi salah"):
        services.users.login("tidakada", PASSWORD)


def test_change_and_reset_password(services: Services) -> None:
    admin = admin_user(services)
    user = services.users.create_user(admin, "kasir", "Kasir", Role.STAF, PASSWORD, PASSWORD)
    assert user.must_change_password  # created by an admin: must choose their own
    with pytest.raises(ValidationError) as err:
        services.users.change_password(user, "salah", "baru12345", "baru12345")
    assert err.value.field == "old_password"
    services.users.change_password(user, PASSWORD, "baru12345", "baru12345")
    assert not services.users.get(user.id).must_change_password
    assert services.users.login("kasir", "baru12345")
    services.users.reset_password(admin, user.id, "sementara1", "sementara1")
    assert services.users.login("kasir", "sementara1").must_change_password
    with pytest.raises(PermissionDenied):
        services.users.reset_password(user, admin.id, "x" * 8, "x" * 8)


def test_admin_cannot_demote_self(services: Services) -> None:
    admin = admin_user(services)
    with pytest.raises(ValidationError):
        services.users.update_user(admin, admin.id, "Admin", Role.STAF, "", True)


def test_role_table() -> None:
    from app.users.models import User

    def user(role: Role) -> User:
        return User(id=1, username="x", full_name="X", role=role)

    assert can(user(Role.PENGURUS), Action.APPROVE)
    assert not can(user(Role.MANAJER), Action.APPROVE)
    assert can(user(Role.MANAJER), Action.PROPOSE)
    assert not can(user(Role.PENGAWAS), Action.EDIT_MEMBERS)
    assert can(user(Role.PENGAWAS), Action.WRITE_NOTES)
    assert can(user(Role.STAF), Action.RECORD_PAYMENT)
    assert not can(user(Role.STAF), Action.AUTHORISE_WITHDRAWAL)
    assert can(user(Role.ADMIN), Action.MANAGE_USERS)
    assert not can(
        User(id=1, username="x", full_name="X", role=Role.ADMIN, active=False), Action.MANAGE_USERS
    )


def test_verify_authoriser(services: Services) -> None:
    make_user(services, Role.PENGURUS, "ketua")
    make_user(services, Role.STAF, "kasir")
    assert (
        services.users.verify_authoriser("ketua", PASSWORD, Action.AUTHORISE_WITHDRAWAL).role
        == Role.PENGURUS
    )
    with pytest.raises(PermissionDenied):
        services.users.verify_authoriser("kasir", PASSWORD, Action.AUTHORISE_WITHDRAWAL)
    with pytest.raises(ValidationError):
        services.users.verify_authoriser("ketua", "salah", Action.AUTHORISE_WITHDRAWAL)
