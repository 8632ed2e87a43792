"""Payroll deduction: the month's list per employer, the returned file posted as one batch
(a short deduction posted as deducted and listed; unknown and departed members listed, not
posted), the same file refused twice, and a whole batch reversed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.errors import ValidationError
from app.members.models import MemberStatus
from app.payroll.deductions import ANGSURAN, SUKARELA, WAJIB, write_due_list
from app.services import Services
from app.users.models import User
from tests.conftest import make_member, make_user
from tests.ui.loans_fixtures import disbursed_loan

EMPLOYER = "RSUD Dr. Wahidin"
MONTH = "2026-03"
PAY_DAY = date(2026, 3, 25)


def _setup(services: Services) -> tuple[User, list[int]]:
    user = make_user(services)
    ids = []
    for n in range(3):
        member = make_member(services, user, serial=n + 1, name=f"Pegawai {n}",
                             employer=EMPLOYER, employee_no=f"19850101{n:04d}",
                             payroll_sukarela=50_000 if n == 1 else 0)  # fmt: skip
        ids.append(member.id)
    disbursed_loan(services, user, ids[0], date(2026, 1, 10), amount=6_000_000)
    services.members.change_status(user, ids[2], MemberStatus.KELUAR, date(2026, 3, 1), "pindah")
    return user, ids


def _return(path: Path, out: Path, deducted: dict[tuple[str, str], int], left: str) -> Path:
    book = load_workbook(path)
    sheet = book["Data"]
    for row in range(2, sheet.max_row + 1):
        key = (str(sheet.cell(row, 1).value), str(sheet.cell(row, 4).value))
        billed = sheet.cell(row, 6).value
        sheet.cell(row, 7).value = deducted.get(key, billed)
    sheet.append(["99999", "", "Orang Lain", WAJIB, "", 25_000, 25_000])
    sheet.append([left, "", "Sudah Keluar", WAJIB, "", 25_000, 25_000])
    book.save(out)
    return out


def test_batch_with_a_short_deduction_then_reversed(services: Services, tmp_path: Path) -> None:
    user, ids = _setup(services)
    numbers = [services.members.get(i).number for i in ids]
    dues = write_due_list(services, EMPLOYER, MONTH, tmp_path / "tagihan.xlsx")
    kinds = sorted((d.member_number, d.item) for d in dues)
    assert kinds == sorted([(numbers[0], ANGSURAN), (numbers[0], WAJIB), (numbers[1], WAJIB),
                            (numbers[1], SUKARELA)])  # fmt: skip
    instalment = next(d.amount for d in dues if d.item == ANGSURAN)
    assert instalment > 0
    short = instalment - 100_000
    returned = _return(tmp_path / "tagihan.xlsx", tmp_path / "kembali.xlsx",
                       {(numbers[0], ANGSURAN): short}, numbers[2])  # fmt: skip
    payroll = services.payroll
    checked = payroll.check(EMPLOYER, MONTH, returned)
    assert checked.report.ok, checked.report.lines()
    differences = {(d.member_number, d.difference) for d in checked.differences}
    assert (numbers[0], "dipotong kurang Rp100.000") in differences
    assert ("99999", "anggota tidak dikenal (nomor anggota/NIP tidak ada)") in differences
    assert (numbers[2], "anggota sudah berstatus Keluar") in differences
    loan_id = services.loans.member_loans(ids[0], PAY_DAY)[0].loan_id
    before = services.loans.quality.position(services.loans.get(loan_id), PAY_DAY)
    posted = payroll.post(user, EMPLOYER, MONTH, returned, PAY_DAY, today=PAY_DAY)
    assert len(posted.receipts) == 4  # instalment (short), two wajib, one sukarela
    assert services.savings.balances(ids[1], PAY_DAY).sukarela == 50_000
    after = services.loans.quality.position(services.loans.get(loan_id), PAY_DAY)
    assert after.outstanding < before.outstanding
    assert services.savings.balances(ids[1], PAY_DAY).wajib >= 25_000
    events = [e for e in services.loans.events.for_loan(loan_id) if e.method == "potong_gaji"]
    assert len(events) == 1 and events[0].amount == short
    with pytest.raises(ValidationError):  # the same file again
        payroll.post(user, EMPLOYER, MONTH, returned, PAY_DAY, today=PAY_DAY)
    wajib_before = services.savings.balances(ids[1], PAY_DAY).wajib
    payroll.reverse(user, posted.batch_id, "salah bulan potongan", PAY_DAY, today=PAY_DAY)
    again = services.loans.quality.position(services.loans.get(loan_id), PAY_DAY)
    assert again.outstanding == before.outstanding
    assert services.savings.balances(ids[1], PAY_DAY).wajib == wajib_before - 25_000
    assert services.savings.balances(ids[1], PAY_DAY).sukarela == 0
    with pytest.raises(ValidationError):
        payroll.reverse(user, posted.batch_id, "dua kali dibatalkan", PAY_DAY, today=PAY_DAY)


def test_members_import_reads_employer_and_nip(services: Services, tmp_path: Path) -> None:
    from app.imports.service import ImportOptions
    from tests.app.imports.helpers import MEMBER_HEADERS, member_rows, xlsx

    user = make_user(services)
    rows = [[*r, EMPLOYER, "198501012010011001", "Rp50.000"] for r in member_rows(2)]
    headers = [*MEMBER_HEADERS, "Instansi", "NIP", "Potongan Sukarela"]
    path = xlsx(tmp_path / "m.xlsx", headers, rows)
    services.imports.run(user, "members", path, ImportOptions(), backup_folder=tmp_path / "b")
    member = services.members.get(services.members.search(limit=5)[0].id)
    assert (member.employer, member.employee_no, member.payroll_sukarela) == (
        EMPLOYER, "198501012010011001", 50_000)  # fmt: skip


def test_cover_letter_numbered_with_the_month_total(services: Services, tmp_path: Path) -> None:
    from tests.app.documents.scenario import pdf_text

    user, _ids = _setup(services)
    dues = write_due_list(services, EMPLOYER, MONTH, tmp_path / "tagihan.xlsx")
    issued = services.payroll.cover_letter(user, EMPLOYER, MONTH, date(2026, 3, 5))
    text = pdf_text(issued.pdf)
    assert issued.row.number and issued.row.number in text
    assert "Permohonan Potong Gaji Anggota Bulan Maret 2026" in text
    total = sum(d.amount for d in dues)
    assert f"{total:,}".replace(",", ".") in text
    assert EMPLOYER in text


def test_post_is_all_or_nothing_and_reversal_is_audited(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user, ids = _setup(services)
    numbers = [services.members.get(i).number for i in ids]
    write_due_list(services, EMPLOYER, MONTH, tmp_path / "tagihan.xlsx")
    returned = _return(tmp_path / "tagihan.xlsx", tmp_path / "kembali.xlsx", {}, numbers[2])
    payroll = services.payroll
    original = services.savings.deposit
    calls = []

    def failing(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise ValidationError("gagal di tengah jalan")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(services.savings, "deposit", failing)
    with pytest.raises(ValidationError):
        payroll.post(user, EMPLOYER, MONTH, returned, PAY_DAY, today=PAY_DAY)
    assert services.db.scalar("SELECT count(*) FROM payroll_batches") == 0
    assert services.db.scalar("SELECT count(*) FROM payroll_items") == 0
    assert services.db.scalar("SELECT count(*) FROM loan_events WHERE method = 'potong_gaji'") == 0
    assert services.db.scalar("SELECT count(*) FROM savings_transactions"
                              " WHERE method = 'potong_gaji'") == 0  # fmt: skip
    monkeypatch.setattr(services.savings, "deposit", original)
    posted = payroll.post(user, EMPLOYER, MONTH, returned, PAY_DAY, today=PAY_DAY)
    payroll.reverse(user, posted.batch_id, "berkas instansi salah", PAY_DAY, today=PAY_DAY)
    entries = services.audit.entries("payroll_batch", posted.batch_id)
    assert {e.action for e in entries} == {"potong gaji", "batal potong gaji"}
    assert services.db.scalar(
        "SELECT count(*) FROM payroll_items i WHERE i.batch_id = ? AND i.receipt_no <> ''",
        (posted.batch_id,),
    ) == len(posted.receipts)
