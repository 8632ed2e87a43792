"""Reading and changing settings and the cooperative profile (validated, audited)."""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import Any

from app.errors import ValidationError
from app.loans.quality import custom_policy, parse_custom_limits
from app.money import parse_rate
from app.numbering import validate_pattern
from app.savings.jasa import parse_rate as parse_jasa_rate
from app.settings.profile import (
    CHOICES,
    DEFAULTS,
    PERCENT_SETTINGS,
    PROFILE_FIELDS,
    RATE_SETTINGS,
    RUPIAH_STYLES,
    CoopProfile,
)
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.settings_repo import SettingsRepository
from app.storage.units import write_unit
from app.text import clean_text
from app.users.models import User
from app.users.permissions import Action, require

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,19}$")


def _profile_key(name: str) -> str:
    return f"coop.{name}"


class SettingsService:
    def __init__(self, db: Engine, audit: AuditRepository) -> None:
        self.db = db
        self.repo = SettingsRepository(db)
        self.audit = audit

    # -- plain settings ---------------------------------------------------------------------
    def get(self, key: str) -> Any:
        if key not in DEFAULTS:
            raise KeyError(key)
        return self.repo.get(key, DEFAULTS[key])

    def set(self, actor: User | None, key: str, value: Any) -> None:
        """Change one setting (audited). `actor` None only while creating a new cooperative."""
        self.set_many(actor, {key: value})

    @write_unit
    def set_many(self, actor: User | None, values: Mapping[str, Any]) -> list[str]:
        """Change several settings in one transaction, in the given order: all are stored or
        none (a refused value raises ValidationError at its key). Returns the changed keys."""
        if actor is not None:
            require(actor, Action.EDIT_SETTINGS)
        changed: list[str] = []
        with self.db.atomic():
            for key, value in values.items():
                # Validated inside the transaction: a value may depend on one saved just before
                # (the custom quality table on its measure).
                self._validate(key, value)
                before = self.get(key)
                if before == value:
                    continue
                self.repo.put(key, value)
                self.audit.record(
                    actor.id if actor else None,
                    "ubah",
                    "setting",
                    key,
                    {"value": before},
                    {"value": value},
                )
                changed.append(key)
        return changed

    def _validate(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        default = DEFAULTS[key]
        if isinstance(default, bool) and not isinstance(value, bool):
            raise ValidationError("Pilih ya atau tidak.", field=key)
        whole_number = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        if isinstance(default, int) and not isinstance(default, bool) and not whole_number:
            raise ValidationError("Isi dengan angka bulat 0 atau lebih.", field=key)
        if key.endswith("_pattern"):
            validate_pattern(str(value), field=key)
        if key in CHOICES and value not in CHOICES[key]:
            raise ValidationError("Pilih salah satu pilihan yang ada.", field=key)
        if key in PERCENT_SETTINGS and not 0 <= value <= 100:
            raise ValidationError("Isi persen antara 0 dan 100.", field=key)
        if key == "loans.custom_quality_limits":
            measure = str(self.get("loans.custom_quality_measure"))
            try:
                custom_policy(parse_custom_limits(str(value)), measure=measure)
            except ValidationError as exc:
                raise ValidationError(exc.message, field=key) from exc
        if key == "savings.jasa_sukarela_rate":
            parse_jasa_rate(value, key)
        if key == "format.rupiah_style" and value not in RUPIAH_STYLES:
            raise ValidationError("Pilih salah satu gaya penulisan rupiah.", field=key)
        if key == "backup.keep" and not 1 <= value <= 365:
            raise ValidationError("Simpan antara 1 dan 365 cadangan otomatis.", field=key)
        if key in RATE_SETTINGS:
            try:
                parse_rate(str(value))
            except ValidationError as exc:
                raise ValidationError(exc.message, field=key) from exc
        if key == "format.timezone" and value not in ("WIB", "WITA", "WIT"):
            raise ValidationError("Pilih WIB, WITA atau WIT.", field=key)

    # -- the cooperative profile --------------------------------------------------------------
    def profile(self) -> CoopProfile:
        stored = {r: self.repo.get(_profile_key(r)) for r in PROFILE_FIELDS}
        values: dict[str, Any] = {k: v for k, v in stored.items() if v is not None}
        if "badan_hukum_date" in values:
            values["badan_hukum_date"] = (
                date.fromisoformat(values["badan_hukum_date"])
                if values["badan_hukum_date"]
                else None
            )
        if "logo_png" in values:
            values["logo_png"] = base64.b64decode(values["logo_png"])
        return CoopProfile(**values)

    @staticmethod
    def validate_profile(profile: CoopProfile) -> CoopProfile:
        """Trimmed copy of `profile`, or ValidationError naming the field at fault."""
        trimmed: dict[str, Any] = {
            k: (clean_text(v).strip() if isinstance(v, str) else v)
            for k, v in asdict(profile).items()
        }
        cleaned = CoopProfile(**trimmed)
        if not cleaned.name:
            raise ValidationError("Nama koperasi wajib diisi.", field="name")
        code = cleaned.code.upper()
        if not _CODE.match(code):
            raise ValidationError(
                "Kode koperasi untuk nomor surat: huruf besar, angka atau tanda minus, "
                "paling banyak 20 karakter, misalnya KSP-GR.",
                field="code",
            )
        if cleaned.email and not _EMAIL.match(cleaned.email):
            raise ValidationError(
                "Alamat e-mail tidak sah, contoh: kspguyubrukun@gmail.com.", field="email"
            )
        if cleaned.logo_png and not cleaned.logo_png.startswith(b"\x89PNG"):
            raise ValidationError("Logo harus berupa gambar PNG.", field="logo_png")
        return CoopProfile(**{**asdict(cleaned), "code": code})

    @write_unit
    def save_profile(self, actor: User | None, profile: CoopProfile) -> CoopProfile:
        """Validate and store the profile; each changed field gets an audit entry."""
        if actor is not None:
            require(actor, Action.EDIT_SETTINGS)
        cleaned = self.validate_profile(profile)
        before = self.profile()
        with self.db.atomic():
            for name in PROFILE_FIELDS:
                old, new = getattr(before, name), getattr(cleaned, name)
                if old == new:
                    continue
                stored: Any = new
                if isinstance(new, date):
                    stored = new.isoformat()
                elif new is None:
                    stored = ""
                elif isinstance(new, bytes):
                    stored = base64.b64encode(new).decode("ascii")
                self.repo.put(_profile_key(name), stored)
                shown_old = f"{len(old)} byte" if isinstance(old, bytes) else old
                shown_new = f"{len(new)} byte" if isinstance(new, bytes) else new
                self.audit.record(
                    actor.id if actor else None,
                    "ubah",
                    "profil",
                    name,
                    {"value": shown_old},
                    {"value": shown_new},
                )
        return cleaned
