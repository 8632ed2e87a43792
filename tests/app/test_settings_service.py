"""Settings and the cooperative profile: validation, defaults, audit."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import PermissionDenied, ValidationError
from app.numbering import format_pattern, resets_yearly, validate_pattern
from app.services import Services
from app.settings.profile import DEFAULTS, CoopProfile
from app.users.models import Role
from tests.conftest import admin_user, make_user

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def test_defaults_are_returned_until_set(services: Services) -> None:
    assert services.settings.get("members.number_pattern") == DEFAULTS["members.number_pattern"]
    admin = admin_user(services)
    services.settings.set(admin, "backup.keep", 20)
    assert services.settings.get("backup.keep") == 20
    entry = services.audit.entries("setting", "backup.keep")[0]
    assert entry.before == {"value": 10} and entry.after == {"value": 20}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("backup.keep", 0),
        ("backup.keep", "lima"),
        ("members.number_pattern", "A-{nomor}"),
        ("members.number_pattern", "A-{year}"),
        ("format.rupiah_style", "dollar"),
        ("backup.auto_on_close", "ya"),
    ],
)
def test_bad_setting_refused_at_its_field(services: Services, key: str, value: object) -> None:
    admin = admin_user(services)
    with pytest.raises(ValidationError) as err:
        services.settings.set(admin, key, value)
    assert err.value.field == key


def test_unknown_placeholder_is_named() -> None:
    with pytest.raises(ValidationError, match=r"\{nomor\}"):
        validate_pattern("{nomor}/{year}")


def test_pattern_formatting() -> None:
    on = date(2021, 8, 24)
    assert (
        format_pattern(
            "{seq:03}/{coop_code}/{doc_code}/{roman_month}/{year}", 12, on, "KSP-GR", "SP-1"
        )
        == "012/KSP-GR/SP-1/VIII/2021"
    )
    assert format_pattern("{seq:05}", 7, on) == "00007"
    assert resets_yearly("{seq}/{year}") and not resets_yearly("{seq:05}")


def test_staff_cannot_change_settings(services: Services) -> None:
    kasir = make_user(services, Role.STAF, "kasir")
    with pytest.raises(PermissionDenied):
        services.settings.set(kasir, "backup.keep", 3)


def test_profile_round_trip_and_audit(services: Services) -> None:
    admin = admin_user(services)
    profile = CoopProfile(
        name="KSP Guyub Rukun",
        code="ksp-gr",
        badan_hukum_no="188/BH/XVI.20/2009",
        badan_hukum_date=date(2009, 3, 2),
        city="Kota Mojokerto",
        email="ksp@contoh.id",
        logo_png=PNG,
        ketua="H. Suparman",
    )
    saved = services.settings.save_profile(admin, profile)
    assert saved.code == "KSP-GR"
    loaded = services.settings.profile()
    assert loaded == saved
    changed = {e.entity_id for e in services.audit.entries("profil")}
    assert {"name", "code", "logo_png", "ketua", "badan_hukum_date"} <= changed


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": "  "}, "name"),
        ({"code": "ksp gr"}, "code"),
        ({"email": "bukan-email"}, "email"),
        ({"logo_png": b"GIF89a"}, "logo_png"),
    ],
)
def test_profile_validation(services: Services, overrides: dict[str, object], field: str) -> None:
    base = {"name": "KSP A", "code": "KSP-A"}
    base.update(overrides)
    with pytest.raises(ValidationError) as err:
        services.settings.save_profile(None, CoopProfile(**base))  # type: ignore[arg-type]
    assert err.value.field == field


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("loans.quality_policy", "bank"),
        ("loans.allowance_policy", "lain"),
        ("collection.open_min_class", "X"),
        ("collection.waiver_max_jasa", 150),
        ("loans.custom_quality_limits", "0:L,90:KL,60:D"),
        ("loans.custom_quality_limits", "0:L,90:Z"),
        ("loans.custom_quality_limits", "nol:L"),
    ],
)
def test_policy_settings_refused_at_their_field(
    services: Services, key: str, value: object
) -> None:
    admin = admin_user(services)
    with pytest.raises(ValidationError) as err:
        services.settings.set(admin, key, value)
    assert err.value.field == key
    assert services.settings.get(key) == DEFAULTS[key]


def test_policy_settings_accepted(services: Services) -> None:
    admin = admin_user(services)
    services.settings.set(admin, "loans.custom_quality_limits", "0:L,60:KL,150:D")
    services.settings.set(admin, "loans.quality_policy", "custom")
    assert services.loans.quality.policy().limits == ((0, "L"), (60, "KL"), (150, "D"))


def test_set_many_is_all_or_nothing(services: Services) -> None:
    admin = admin_user(services)
    with pytest.raises(ValidationError) as err:
        services.settings.set_many(admin, {"backup.keep": 30, "collection.waiver_max_jasa": 150})
    assert err.value.field == "collection.waiver_max_jasa"
    assert services.settings.get("backup.keep") == DEFAULTS["backup.keep"]
    changed = services.settings.set_many(
        admin,
        {"loans.custom_quality_measure": "missed", "loans.custom_quality_limits": "0:L,3:KL,6:D"},
    )
    assert changed == ["loans.custom_quality_measure", "loans.custom_quality_limits"]
