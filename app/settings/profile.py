"""The cooperative's profile and the settings that have a default preset."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

# Every setting with its shipped default. Keys are stable: they are stored in the database.
DEFAULTS: dict[str, Any] = {
    "format.rupiah_style": "puebi",
    "format.timezone": "WIB",
    "members.number_pattern": "{seq:05}",
    "savings.pokok_amount": 100_000,
    "savings.wajib_monthly": 25_000,
    "savings.receipt_pattern": "KW-{year}-{seq:06}",
    "backup.keep": 10,
    "backup.auto_on_close": True,
    "security.max_failed_logins": 5,
    "security.lockout_minutes": 15,
    "demo": False,
}

RUPIAH_STYLES = {
    "puebi": "Rp1.500.000 (PUEBI)",
    "spasi": "Rp 1.500.000",
    "sen": "Rp1.500.000,00",
}


@dataclass(frozen=True)
class CoopProfile:
    name: str = ""
    code: str = ""
    badan_hukum_no: str = ""
    badan_hukum_date: date | None = None
    address: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    logo_png: bytes = b""
    ketua: str = ""
    sekretaris: str = ""
    bendahara: str = ""
    manajer: str = ""
    ketua_pengawas: str = ""

    @property
    def is_complete(self) -> bool:
        return bool(self.name.strip() and self.code.strip())


PROFILE_FIELDS = [f.name for f in fields(CoopProfile)]
