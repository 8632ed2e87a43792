"""The employer's returned file (what was actually deducted), checked before anything is
posted: rows that cannot be read are problems (sheet, row, column; nothing is posted while
there are any); rows that can be read but differ from the list — deducted less or more,
member unknown, member left, loan not running — are differences listed for follow-up.
Matched rows become a loan payment or a wajib deposit."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import ValidationError
from app.imports import cells
from app.imports.columns import label, match
from app.imports.report import DryRun, Problem
from app.imports.sheet import file_hash, read_sheet
from app.loans.models import LoanStatus
from app.members.models import MemberStatus
from app.money import format_rupiah
from app.payroll.deductions import ANGSURAN, COLUMNS, SUKARELA, WAJIB, month_bounds
from app.storage.payroll_repo import EmployeeRow, PayrollRepository

if TYPE_CHECKING:
    from app.services import Services

_BY_KEY = {c.key: c for c in COLUMNS}


@dataclass(frozen=True)
class Line:
    """One row of the returned file as it will be stored; posted when `post` is set."""

    row: int
    member: EmployeeRow | None
    member_number: str
    employee_no: str
    name: str
    item: str
    loan_id: int | None
    loan_no: str
    billed: int
    deducted: int
    difference: str = ""

    @property
    def post(self) -> bool:
        return self.member is not None and self.deducted > 0 and not self.blocked

    @property
    def blocked(self) -> bool:
        """A difference that stops the row from being posted (not merely short or over)."""
        return bool(self.difference) and not self.difference.startswith("dipotong")


@dataclass
class PayrollCheck:
    employer: str
    month: str
    report: DryRun
    lines: list[Line] = field(default_factory=list)

    @property
    def posted(self) -> list[Line]:
        return [line for line in self.lines if line.post]

    @property
    def differences(self) -> list[Line]:
        return [line for line in self.lines if line.difference]


def check_returned(services: Services, employer: str, month: str, path: Path) -> PayrollCheck:
    month_bounds(month)
    path = Path(path)
    repo = PayrollRepository(services.db)
    report = DryRun("potong_gaji", path.name, file_hash(path))
    result = PayrollCheck(employer, month, report)
    earlier = repo.batch_with_hash(report.file_hash)
    if earlier is not None:
        report.problems.append(Problem(path.name, None, "", (
            f"berkas ini sudah dibukukan (potong gaji #{earlier['id']} {earlier['employer']} "
            f"{earlier['month']}); tidak dibukukan lagi.")))  # fmt: skip
    sheet = read_sheet(path)
    table, problems = match(sheet, COLUMNS)
    report.row_count = len(table.rows)
    report.problems.extend(problems)
    if problems:
        return result
    staff = repo.employees(employer)
    by_employee = {m.employee_no: m for m in staff if m.employee_no}
    for row, raw in table.rows:

        def problem(key: str, message: str, row: int = row) -> None:
            report.problems.append(Problem(table.sheet, row, label(table, _BY_KEY[key]), message))

        try:
            billed = cells.amount(raw.get("billed")) if not cells.is_blank(raw.get("billed")) else 0
            deducted = 0 if cells.is_blank(raw.get("deducted")) else cells.amount(raw["deducted"])
        except ValidationError as exc:
            problem("deducted", exc.message)
            continue
        if deducted < 0:
            problem("deducted", "potongan kurang dari nol.")
            continue
        items = {name.lower(): name for name in (ANGSURAN, WAJIB, SUKARELA)}
        item = items.get(cells.text(raw.get("item")).lower(), "")
        if not item:
            problem("item", f"jenis potongan '{cells.text(raw.get('item'))}' tidak dikenal; "
                    f"isi {ANGSURAN}, {WAJIB} atau {SUKARELA}.")  # fmt: skip
            continue
        number = cells.digits_text(raw.get("number")) if raw.get("number") is not None else ""
        employee_no = cells.digits_text(raw.get("employee_no")) if raw.get("employee_no") else ""
        member = repo.member_by_number(number) if number else None
        if member is None and employee_no:
            member = by_employee.get(employee_no)
        loan_no = cells.text(raw.get("loan_no")) if raw.get("loan_no") is not None else ""
        line = Line(row, member, number, employee_no, cells.text(raw.get("name") or ""),
                    item, None, loan_no, billed, deducted)  # fmt: skip
        result.lines.append(_matched(services, line, month))
    posted = result.posted
    report.totals += [
        ("Baris dibukukan", str(len(posted))),
        ("Angsuran pinjaman", format_rupiah(sum(p.deducted for p in posted if p.loan_id))),
        ("Simpanan wajib", format_rupiah(sum(p.deducted for p in posted if p.item == WAJIB))),
        ("Simpanan sukarela", format_rupiah(sum(p.deducted for p in posted if p.item == SUKARELA))),
        ("Selisih untuk ditindaklanjuti", str(len(result.differences))),
    ]
    return result


def _matched(services: Services, line: Line, month: str) -> Line:
    from dataclasses import replace

    m = line.member
    if m is None:
        return replace(line, difference="anggota tidak dikenal (nomor anggota/NIP tidak ada)")
    if m.status != MemberStatus.AKTIF.value:
        return replace(line, difference=f"anggota sudah berstatus {MemberStatus(m.status).label}")
    if line.item == ANGSURAN:
        loans = {r.number: r for r in services.loans.member_loans(m.id, month_bounds(month)[1])}
        loan = loans.get(line.loan_no)
        if loan is None or loan.status != LoanStatus.AKTIF:
            return replace(line, difference=f"pinjaman {line.loan_no or '(kosong)'} tidak "
                           "berjalan atas nama anggota ini")  # fmt: skip
        line = replace(line, loan_id=loan.loan_id)
    if line.deducted == 0:
        return replace(line, difference="tidak dipotong")
    if line.deducted < line.billed:
        return replace(
            line, difference=f"dipotong kurang {format_rupiah(line.billed - line.deducted)}"
        )
    if line.deducted > line.billed:
        return replace(
            line, difference=f"dipotong lebih {format_rupiah(line.deducted - line.billed)}"
        )
    return line
