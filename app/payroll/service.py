"""Posting an employer's returned payroll file as ONE batch — every matched row a loan
payment or a simpanan wajib/sukarela deposit with method `potong_gaji`, through the ordinary
services (receipt numbers, allocation, ledger, audit), all or nothing — and reversing a
whole batch through the ordinary reversals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import ValidationError
from app.payroll.deductions import SUKARELA, due_list
from app.payroll.returned import Line, PayrollCheck, check_returned
from app.savings.models import SavingsKind
from app.storage.payroll_repo import ItemRow, PayrollRepository
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

if TYPE_CHECKING:
    from app.documents.register import Issued
    from app.services import Services

METHOD = "potong_gaji"


@dataclass(frozen=True)
class Receipt:
    member_number: str
    name: str
    item: str
    amount: int
    receipt_no: str


@dataclass(frozen=True)
class PostedBatch:
    batch_id: int
    receipts: tuple[Receipt, ...]
    differences: tuple[Line, ...]


class PayrollService:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.repo = PayrollRepository(services.db)

    def check(self, employer: str, month: str, path: Path) -> PayrollCheck:
        return check_returned(self.services, employer, month, path)

    @write_unit
    def post(
        self,
        actor: User,
        employer: str,
        month: str,
        path: Path,
        pay_date: date,
        today: date | None = None,
    ) -> PostedBatch:
        require(actor, Action.RECORD_PAYMENT)
        require(actor, Action.SAVINGS_TRANSACTION)
        checked = self.check(employer, month, path)
        report = checked.report
        if not report.ok:
            raise ValidationError(
                f"Berkas {report.file_name} masih bermasalah ({len(report.problems)} masalah); "
                "tidak ada yang dibukukan."
            )
        if not checked.posted:
            raise ValidationError("Tidak ada potongan yang cocok untuk dibukukan.")
        s = self.services
        note = f"Potong gaji {employer} {month}"
        items: list[ItemRow] = []
        receipts: list[Receipt] = []
        with s.db.atomic():
            total = sum(line.deducted for line in checked.posted)
            batch_id = self.repo.add_batch(employer, month, pay_date.isoformat(),
                                           report.file_name, report.file_hash, total,
                                           actor.id)  # fmt: skip
            for line in checked.lines:
                event_id = tx_id = None
                receipt = ""
                if line.post and line.loan_id is not None:
                    paid = s.loans.payments.record_payment(
                        actor, line.loan_id, line.deducted, pay_date, METHOD, note, today
                    )
                    event_id, receipt = paid.id, paid.receipt_no or ""
                elif line.post and line.member is not None:
                    kind = SavingsKind.SUKARELA if line.item == SUKARELA else SavingsKind.WAJIB
                    tx = s.savings.deposit(
                        actor, line.member.id, kind, line.deducted, pay_date, METHOD, note, today
                    )
                    tx_id, receipt = tx.id, tx.receipt_no
                if receipt:
                    receipts.append(Receipt(line.member_number, line.name, line.item,
                                            line.deducted, receipt))  # fmt: skip
                items.append(ItemRow(
                    line.row, line.member.id if line.member else None, line.member_number,
                    line.employee_no, line.name,
                    f"{line.item} {line.loan_no}".strip(), line.billed, line.deducted,
                    event_id, tx_id, receipt, line.difference,
                ))  # fmt: skip
            self.repo.add_items(batch_id, items)
            s.audit.record(actor.id, "potong gaji", "payroll_batch", batch_id, None, {
                "employer": employer, "month": month, "file": report.file_name,
                "sha256": report.file_hash, "total": total, "receipts": len(receipts),
                "differences": len(checked.differences),
            })  # fmt: skip
        return PostedBatch(batch_id, tuple(receipts), tuple(checked.differences))

    @write_unit
    def reverse(
        self, actor: User, batch_id: int, reason: str, on: date, today: date | None = None
    ) -> None:
        """Cancel every payment and deposit of the batch (newest first), all or nothing."""
        require(actor, Action.REVERSE_TRANSACTION)
        batch = self.repo.batch(batch_id)
        if batch is None:
            raise ValidationError("Batch potong gaji tidak ditemukan.")
        if batch["reversed_at"]:
            raise ValidationError(f"Batch potong gaji #{batch_id} sudah dibatalkan.")
        if len(reason.strip()) < 5:
            raise ValidationError("Tulis alasan pembatalan dengan jelas.", field="reason")
        s = self.services
        with s.db.atomic():
            for item in reversed(self.repo.items(batch_id)):
                if item.loan_event_id is not None:
                    s.loans.payments.reverse(actor, item.loan_event_id, reason, on, today)
                if item.savings_tx_id is not None:
                    s.savings.reverse(actor, item.savings_tx_id, reason, today)
            self.repo.add_reversal(batch_id, reason.strip(), actor.id)
            s.audit.record(actor.id, "batal potong gaji", "payroll_batch", batch_id, None,
                           {"reason": reason.strip(), "on": on.isoformat()})  # fmt: skip

    def cover_letter(self, actor: User, employer: str, month: str, on: date) -> Issued:
        """The Surat Permohonan Potong Gaji for the month's list, numbered and registered."""
        from app.documents import surat_potong_gaji as letter
        from app.documents.kinds import DocKind
        from app.documents.register import DocumentService

        dues = due_list(self.services, employer, month)
        rows = [(d.member_number, d.employee_no, d.name, d.item, d.amount) for d in dues]
        data = letter.surat_potong_gaji(employer, month, rows, on)
        s = self.services
        docs = DocumentService(s.db, s.audit, s.settings)
        return docs.issue(actor, DocKind.SURAT_POTONG_GAJI, data, letter.render)

    def employers(self) -> list[str]:
        return self.repo.employers()

    def batches(self, employer: str | None = None) -> list[dict[str, object]]:
        return list(self.repo.batches(employer))
