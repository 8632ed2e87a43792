"""Members of the cooperative."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class MemberStatus(StrEnum):
    AKTIF = "aktif"
    KELUAR = "keluar"
    MENINGGAL = "meninggal"

    @property
    def label(self) -> str:
        return {"aktif": "Aktif", "keluar": "Keluar", "meninggal": "Meninggal"}[self.value]


SEX_LABELS = {"L": "Laki-laki", "P": "Perempuan"}


@dataclass(frozen=True)
class MemberDraft:
    """What the member form submits (already parsed to types; validated by the service)."""

    name: str
    nik: str
    sex: str
    birth_place: str = ""
    birth_date: date | None = None
    address: str = ""
    rt: str = ""
    rw: str = ""
    kelurahan: str = ""
    kecamatan: str = ""
    city: str = ""
    phone: str = ""
    occupation: str = ""
    spouse_name: str = ""
    npwp: str = ""
    join_date: date = field(default_factory=date.today)
    employer: str = ""  # instansi, for payroll deduction (potong gaji)
    employee_no: str = ""  # NIP / employee number at that employer
    payroll_sukarela: int = 0  # simpanan sukarela agreed to be deducted from pay monthly


@dataclass(frozen=True)
class Member:
    id: int
    number: str
    name: str
    nik: str | None
    sex: str
    birth_place: str
    birth_date: date | None
    address: str
    rt: str
    rw: str
    kelurahan: str
    kecamatan: str
    city: str
    phone: str
    occupation: str
    spouse_name: str
    npwp: str
    join_date: date
    status: MemberStatus
    status_date: date | None
    status_note: str
    employer: str = ""
    employee_no: str = ""
    payroll_sukarela: int = 0

    @property
    def full_address(self) -> str:
        """'Jl. Mawar 12 RT 003/RW 004, Kel. Gedongan, Kec. Magersari, Kota Mojokerto'."""
        parts = [self.address.strip()]
        if self.rt or self.rw:
            parts[0] = f"{parts[0]} RT {self.rt or '-'}/RW {self.rw or '-'}".strip()
        if self.kelurahan:
            parts.append(f"Kel. {self.kelurahan}")
        if self.kecamatan:
            parts.append(f"Kec. {self.kecamatan}")
        if self.city:
            parts.append(self.city)
        return ", ".join(p for p in parts if p)

    def as_draft(self) -> MemberDraft:
        return MemberDraft(
            name=self.name,
            nik=self.nik or "",
            sex=self.sex,
            birth_place=self.birth_place,
            birth_date=self.birth_date,
            address=self.address,
            rt=self.rt,
            rw=self.rw,
            kelurahan=self.kelurahan,
            kecamatan=self.kecamatan,
            city=self.city,
            phone=self.phone,
            occupation=self.occupation,
            spouse_name=self.spouse_name,
            npwp=self.npwp,
            join_date=self.join_date,
        )


@dataclass(frozen=True)
class MemberRow:
    """One line of the member list (with savings total)."""

    id: int
    number: str
    name: str
    nik: str | None
    phone: str
    kelurahan: str
    status: MemberStatus
    join_date: date
    savings_total: int
