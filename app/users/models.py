"""Users and their roles."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    PENGURUS = "pengurus"
    MANAJER = "manajer"
    STAF = "staf"
    PENGAWAS = "pengawas"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "Admin",
    Role.PENGURUS: "Ketua/Pengurus",
    Role.MANAJER: "Manajer",
    Role.STAF: "Staf/Kasir",
    Role.PENGAWAS: "Pengawas",
}


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    role: Role
    position: str = ""
    active: bool = True
    must_change_password: bool = False
    failed_attempts: int = 0
    locked_until: str | None = None

    @property
    def display(self) -> str:
        """'Siti Aminah (Manajer)' for the status bar."""
        return f"{self.full_name} ({self.role.label})"
