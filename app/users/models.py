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
    KETUA = "ketua"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @property
    def is_pengurus(self) -> bool:
        """The board: the Ketua and the other Pengurus (Sekretaris, Bendahara)."""
        return self in (Role.KETUA, Role.PENGURUS)

    @property
    def is_privileged(self) -> bool:
        """Roles whose grant needs a Pengurus' approval (separation of duties)."""
        return self in PRIVILEGED_ROLES


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "Admin",
    Role.KETUA: "Ketua",
    Role.PENGURUS: "Pengurus",
    Role.MANAJER: "Manajer",
    Role.STAF: "Staf/Kasir",
    Role.PENGAWAS: "Pengawas",
}

PRIVILEGED_ROLES = frozenset({Role.KETUA, Role.PENGURUS, Role.PENGAWAS, Role.MANAJER})


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
    role_active: bool = True

    @property
    def display(self) -> str:
        """'Siti Aminah (Manajer)' for the status bar."""
        if not self.role_active:
            return f"{self.full_name} ({self.role.label}, menunggu persetujuan)"
        return f"{self.full_name} ({self.role.label})"
