"""Shared fixtures: a fresh migrated database per test, small factories, offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.identity import nik_from_parts
from app.members.models import Member, MemberDraft
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import Role, User
from app.users.passwords import ScryptParams, use_scrypt

# On CI (`CI=true`, as .ci/run is run) the property tests draw the same examples every run, so
# a submission's result does not depend on the luck of the draw; locally they explore afresh
# (and keep what they find in .hypothesis/).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

PASSWORD = "rahasia123"

# The suite makes thousands of hashes: a cheap scrypt cost here, the production one (OWASP) is
# checked by tests/app/test_passwords.py.
use_scrypt(ScryptParams(n=2**4, r=8, p=1))


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real per-user data folder."""
    monkeypatch.setenv("MUFAKAT_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "koperasi.db"


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    svc = Services.open(db_path, create=True)
    svc.settings.save_profile(
        None,
        CoopProfile(
            name="KSP Uji Coba", code="KSP-UJ", city="Kota Mojokerto", address="Jl. Majapahit 1"
        ),
    )
    yield svc
    svc.close()


def admin_user(services: Services) -> User:
    """The cooperative's admin, created as the first user when there is none yet."""
    for user in services.users.all():
        if user.role == Role.ADMIN:
            return user
    return services.users.create_first_user("admin", "Uji Admin", Role.ADMIN, PASSWORD, PASSWORD)


def make_user(
    services: Services,
    role: Role = Role.PENGURUS,
    username: str | None = None,
    full_name: str | None = None,
) -> User:
    """A ready user of `role`: created by the admin, with the role already approved and the
    temporary password already changed (tests of those steps call the services directly)."""
    admin = admin_user(services)
    if role == Role.ADMIN and username is None:
        return admin
    user = services.users.create_user(
        admin, username or role.value, full_name or f"Uji {role.label}", role, PASSWORD, PASSWORD
    )
    with services.db.atomic():
        services.users.roles.cancel(user.id)
        services.users.repo.update_fields(user.id, role_active=1, must_change_password=0)
    return services.users.get(user.id)


def other_pengurus(services: Services, actor: User) -> User:
    """A Pengurus other than `actor` (nobody approves their own request): an existing one, or
    a new 'penyetuju'."""
    for user in services.users.all():
        if user.id != actor.id and user.role.is_pengurus and user.active and user.role_active:
            return user
    return make_user(services, Role.PENGURUS, "penyetuju", "Uji Penyetuju")


@pytest.fixture
def ketua(services: Services) -> User:
    return make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")


def make_draft(**overrides: object) -> MemberDraft:
    birth = overrides.pop("birth_date", date(1985, 3, 14))
    sex = overrides.pop("sex", "P")
    serial = overrides.pop("serial", 1)
    assert isinstance(birth, date) and isinstance(sex, str) and isinstance(serial, int)
    values: dict[str, object] = {
        "name": "Siti Aminah",
        "nik": nik_from_parts("357601", birth, sex, serial),
        "sex": sex,
        "birth_place": "Mojokerto",
        "birth_date": birth,
        "address": "Jl. Mawar 12",
        "rt": "3",
        "rw": "4",
        "kelurahan": "Gedongan",
        "kecamatan": "Magersari",
        "city": "Kota Mojokerto",
        "phone": "0812-3456-7890",
        "occupation": "Pedagang",
        "join_date": date(2020, 1, 6),
    }
    values.update(overrides)
    return MemberDraft(**values)  # type: ignore[arg-type]


def make_member(services: Services, actor: User, **overrides: object) -> Member:
    return services.members.create(actor, make_draft(**overrides), today=date(2026, 11, 26))


# The throw-away PostgreSQL server and its per-test databases (issue 15).
from tests.pg import pg_empty_url, pg_server, pg_url  # noqa: E402, F401
from tests.pg_demo import pg_demo_file, pg_demo_template, pg_demo_url  # noqa: E402, F401
