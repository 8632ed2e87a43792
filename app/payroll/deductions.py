"""The deductions due from one employer's payroll in one month: each member's instalments
falling due that month (what is still unpaid of them), the monthly simpanan wajib and the
simpanan sukarela the member agreed to have deducted (members.payroll_sukarela); the
Excel list for the employer (the same columns come back with "Dipotong" filled in)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import ValidationError
from app.imports.columns import Column
from app.imports.template import write_rows
from app.loans.models import LoanStatus
from app.storage.payroll_repo import PayrollRepository

if TYPE_CHECKING:
    from app.services import Services

WAJIB = "Simpanan Wajib"
SUKARELA = "Simpanan Sukarela"
ANGSURAN = "Angsuran Pinjaman"
COLUMNS: tuple[Column, ...] = (
    Column("number", "Nomor Anggota", "Nomor anggota koperasi.", "00123", True,
           ("no anggota", "nomor"), True),
    Column("employee_no", "NIP", "Nomor pegawai di instansi.", "198501012010011001", False,
           ("nip", "no karyawan", "nomor pegawai", "nik karyawan"), True),
    Column("name", "Nama", "Nama anggota.", "Siti Aminah", False, ("nama pegawai",)),
    Column("item", "Jenis Potongan", f"{ANGSURAN}, {WAJIB} atau {SUKARELA}.", ANGSURAN, True,
           ("jenis", "potongan")),
    Column("loan_no", "No. Pinjaman", "Untuk angsuran: nomor pinjaman.", "PK-2025-0012",
           False, ("nomor pinjaman",), True),
    Column("billed", "Ditagih", "Jumlah yang diminta koperasi.", "350000", True,
           ("tagihan", "jumlah tagihan"), amount=True),
    Column("deducted", "Dipotong", "Diisi instansi: jumlah yang benar-benar dipotong.",
           "350000", False, ("potongan gaji", "jumlah dipotong", "realisasi"), amount=True),
)  # fmt: skip


@dataclass(frozen=True)
class Due:
    member_id: int
    member_number: str
    employee_no: str
    name: str
    item: str
    loan_id: int | None
    loan_no: str
    amount: int


def month_bounds(month: str) -> tuple[date, date]:
    """'2026-03' → (1 March 2026, 31 March 2026)."""
    try:
        year, number = (int(part) for part in month.split("-"))
        first = date(year, number, 1)
    except ValueError:
        raise ValidationError(f"Bulan '{month}' tidak dikenal; tulis seperti 2026-03.") from None
    return first, first.replace(day=calendar.monthrange(year, number)[1])


def due_list(services: Services, employer: str, month: str) -> list[Due]:
    """What the employer is asked to deduct in `month` from each active member's pay."""
    first, last = month_bounds(month)
    wajib = int(services.settings.get("savings.wajib_monthly"))
    result: list[Due] = []
    for m in PayrollRepository(services.db).employees(employer):
        if m.status != "aktif":
            continue
        for loan in services.loans.member_loans(m.id, last):
            if loan.status != LoanStatus.AKTIF:
                continue
            amount = sum(
                line.pokok + line.jasa - line.paid_pokok - line.paid_jasa
                for line in services.loans.schedule(loan.loan_id, first)
                if first <= line.due_date <= last
            )
            if amount > 0:
                result.append(Due(m.id, m.number, m.employee_no, m.name, ANGSURAN,
                                  loan.loan_id, loan.number, amount))  # fmt: skip
        if wajib > 0:
            result.append(Due(m.id, m.number, m.employee_no, m.name, WAJIB, None, "", wajib))
        if m.payroll_sukarela > 0:
            result.append(Due(m.id, m.number, m.employee_no, m.name, SUKARELA, None, "",
                              m.payroll_sukarela))  # fmt: skip
    return result


def _rows(dues: list[Due]) -> Iterator[list[Any]]:
    for d in dues:
        yield [d.member_number, d.employee_no, d.name, d.item, d.loan_no, d.amount, None]


def write_due_list(services: Services, employer: str, month: str, path: Path) -> list[Due]:
    dues = due_list(services, employer, month)
    write_rows(path, COLUMNS, _rows(dues))
    return dues
