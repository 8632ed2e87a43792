"""Issue 9 §6: Admin manages accounts but cannot alone give Pengurus, Ketua, Pengawas or Manajer
rights; a Pengurus other than the requester (and not the account's owner) approves; every
Pengurus sees privileged account changes; nobody approves their own request."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied, ValidationError
from app.services import Services
from app.users.models import PRIVILEGED_ROLES, Role
from app.users.permissions import PERMISSIONS, Action, can
from tests.conftest import PASSWORD, admin_user, make_user


def _create(services: Services, username: str, role: Role):  # type: ignore[no-untyped-def]
    admin = admin_user(services)
    return services.users.create_user(admin, username, f"Uji {username}", role, PASSWORD, PASSWORD)


@pytest.mark.parametrize("role", sorted(PRIVILEGED_ROLES))
def test_admin_alone_cannot_grant_a_privileged_role(services: Services, role: Role) -> None:
    ketua = make_user(services, Role.KETUA, "ketua")
    user = _create(services, "baru", role)
    assert user.role == role and not user.role_active  # the account exists, the role waits
    ready = services.users.repo.update_fields  # (skip the forced password change)
    ready(user.id, must_change_password=0)
    user = services.users.get(user.id)
    for action in PERMISSIONS[role]:
        assert not can(user, action)
    with pytest.raises(PermissionDenied, match="belum disetujui"):
        from app.users.permissions import require

        require(user, next(iter(PERMISSIONS[role])))
    [request] = services.users.roles.pending()
    assert (request.user_id, request.role, request.kind) == (user.id, role, "baru")
    with pytest.raises(PermissionDenied):  # the Admin (the requester) cannot approve
        services.users.roles.approve(admin_user(services), request.id)
    approved = services.users.roles.approve(ketua, request.id, "SK pengurus no. 3")
    assert approved.role_active and approved.role == role
    assert not services.users.roles.pending()


@pytest.mark.parametrize("role", [Role.STAF, Role.ADMIN])
def test_other_roles_are_active_at_once(services: Services, role: Role) -> None:
    make_user(services, Role.KETUA, "ketua")
    assert _create(services, "baru", role).role_active
    assert not services.users.roles.pending()


def test_raising_a_kasir_keeps_kasir_rights_until_approved(services: Services) -> None:
    admin = admin_user(services)
    ketua = make_user(services, Role.KETUA, "ketua")
    kasir = make_user(services, Role.STAF, "kasir")
    raised = services.users.update_user(admin, kasir.id, kasir.full_name, Role.PENGURUS, "", True)
    assert raised.role == Role.STAF and raised.role_active
    assert can(raised, Action.RECORD_PAYMENT) and not can(raised, Action.APPROVE)
    [request] = services.users.roles.pending()
    assert (request.kind, request.previous_role, request.role) == ("ubah", Role.STAF, Role.PENGURUS)
    with pytest.raises(PermissionDenied):
        services.users.roles.approve(raised, request.id)
    assert services.users.roles.approve(ketua, request.id).role == Role.PENGURUS


def test_nobody_approves_their_own_role(services: Services) -> None:
    admin = admin_user(services)
    make_user(services, Role.KETUA, "ketua")
    bendahara = make_user(services, Role.PENGURUS, "bendahara")
    services.users.update_user(admin, bendahara.id, bendahara.full_name, Role.KETUA, "", True)
    bendahara = services.users.get(bendahara.id)
    assert bendahara.role == Role.PENGURUS and can(bendahara, Action.APPROVE)  # still Pengurus
    [request] = services.users.roles.pending()
    with pytest.raises(PermissionDenied, match="perannya sendiri"):
        services.users.roles.approve(bendahara, request.id)


def test_reactivating_a_privileged_account_needs_approval(services: Services) -> None:
    admin = admin_user(services)
    make_user(services, Role.KETUA, "ketua")
    pengawas = make_user(services, Role.PENGAWAS, "pengawas")
    services.users.update_user(admin, pengawas.id, pengawas.full_name, Role.PENGAWAS, "", False)
    back = services.users.update_user(
        admin, pengawas.id, pengawas.full_name, Role.PENGAWAS, "", True
    )
    assert not back.role_active and not can(back, Action.WRITE_NOTES)
    assert services.users.roles.pending()[0].kind == "aktifkan"


def test_a_pending_account_lowered_to_staf_works_as_staf(services: Services) -> None:
    admin = admin_user(services)
    make_user(services, Role.KETUA, "ketua")
    user = _create(services, "baru", Role.MANAJER)
    lowered = services.users.update_user(admin, user.id, user.full_name, Role.STAF, "", True)
    assert lowered.role == Role.STAF and lowered.role_active
    assert not services.users.roles.pending()


def test_only_the_first_pengurus_of_an_admin_started_cooperative_is_granted_at_once(
    services: Services,
) -> None:
    admin = admin_user(services)
    first = _create(services, "ketua", Role.KETUA)
    assert first.role_active  # nobody else could approve it
    second = _create(services, "bendahara", Role.PENGURUS)
    assert not second.role_active
    # Lowering every Pengurus does not bring the exception back.
    services.users.update_user(admin, first.id, first.full_name, Role.STAF, "", True)
    third = _create(services, "sekretaris", Role.PENGURUS)
    assert not third.role_active


def test_reject_needs_a_reason_and_leaves_the_role_inactive(services: Services) -> None:
    ketua = make_user(services, Role.KETUA, "ketua")
    user = _create(services, "baru", Role.PENGURUS)
    [request] = services.users.roles.pending()
    with pytest.raises(ValidationError):
        services.users.roles.reject(ketua, request.id, "")
    services.users.roles.reject(ketua, request.id, "Bukan pengurus hasil RAT")
    assert not services.users.get(user.id).role_active
    with pytest.raises(ValidationError, match="sudah diputuskan"):
        services.users.roles.approve(ketua, request.id)


def test_only_pengurus_approve_roles(services: Services) -> None:
    make_user(services, Role.KETUA, "ketua")
    manajer = make_user(services, Role.MANAJER, "manajer")
    pengawas = make_user(services, Role.PENGAWAS, "pengawas")
    _create(services, "baru", Role.PENGURUS)
    [request] = services.users.roles.pending()
    for who in (manajer, pengawas, admin_user(services)):
        with pytest.raises(PermissionDenied):
            services.users.roles.approve(who, request.id)


def test_every_pengurus_sees_privileged_account_changes(services: Services) -> None:
    admin = admin_user(services)
    make_user(services, Role.KETUA, "ketua")
    kasir = make_user(services, Role.STAF, "kasir")
    pengawas = make_user(services, Role.PENGAWAS, "pengawas", "Drs. Bambang")
    services.users.reset_password(admin, pengawas.id, "sementara9", "sementara9")
    services.users.reset_password(admin, kasir.id, "sementara9", "sementara9")
    services.users.update_user(admin, kasir.id, kasir.full_name, Role.MANAJER, "", True)
    texts = [n.text for n in services.users.roles.notices()]
    assert any("'pengawas'" in t and "diatur ulang" in t and "Uji Admin" in t for t in texts)
    assert any("'pengawas'" in t and "dibuat" in t for t in texts)
    assert any("'kasir'" in t and "diubah" in t for t in texts)  # raised toward Manajer
    assert not any("'kasir'" in t and "diatur ulang" in t for t in texts)  # a Staf's reset
    assert any("'ketua'" in t for t in texts)


def test_migration_makes_the_pengurus_named_ketua_the_ketua(services: Services) -> None:
    from app.storage.migrations import MIGRATIONS

    assert "0011_auth_roles" in {m.name for m in MIGRATIONS.applied(services.db.sql)}
    services.db.execute(
        "INSERT INTO users (username, full_name, role, password_hash, created_at)"
        " VALUES ('k2', 'K', 'ketua', 'x', 't')"
    )
    with pytest.raises(Exception, match="CHECK"):
        services.db.execute(
            "INSERT INTO users (username, full_name, role, password_hash, created_at)"
            " VALUES ('k3', 'K', 'raja', 'x', 't')"
        )
