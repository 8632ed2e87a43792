"""A new loan in one go: application, collateral, guarantors, approval and disbursement are
all checked first, then written in one transaction — the whole loan is stored, or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from app.errors import PermissionDenied, ValidationError
from app.formats import format_date_long
from app.loans.collateral import check_collateral, clean_guarantor
from app.loans.models import (
    ApplicationCheck,
    Collateral,
    CollateralDraft,
    Guarantor,
    GuarantorDraft,
    Loan,
    LoanApplication,
)
from app.storage.engine import Engine
from app.storage.units import write_unit
from app.text import check_date, clean_strings
from app.users.models import User
from app.users.permissions import Action, can, require


class LoanSteps(Protocol):
    """The steps of a loan's life that a new loan goes through (LoanService has them)."""

    def check_application(self, draft: LoanApplication, today: date) -> ApplicationCheck: ...
    def apply(self, actor: User, draft: LoanApplication, today: date) -> Loan: ...
    def add_collateral(self, actor: User, loan_id: int, draft: CollateralDraft) -> Collateral: ...
    def add_guarantor(self, actor: User, loan_id: int, draft: GuarantorDraft) -> Guarantor: ...
    def approve(self, actor: User, loan_id: int, note: str, today: date) -> Loan: ...
    def disburse(self, actor: User, loan_id: int, on: date, today: date) -> Loan: ...
    def replacement_payoff(self, old_loan_id: int, net: int, on: date) -> int: ...
    def get(self, loan_id: int) -> Loan: ...


@dataclass(frozen=True)
class ApprovalDraft:
    """Approve the new loan at once, decided `today` by `approver`: a Ketua/Pengurus (APPROVE)
    other than the one who records the application (nobody approves their own application;
    the window checks the approver's password with UserService.verify_authoriser)."""

    note: str = ""
    approver: User | None = None


@dataclass(frozen=True)
class DisbursementDraft:
    """Pay the new loan out at once, on `on` (RECORD_PAYMENT); needs the approval too."""

    on: date


def check_disbursement_date(
    on: date, today: date, decided_on: date | None, first_due: date
) -> None:
    """A pay-out date may not be after today, before the approval, or on/after the first
    instalment's due date (ValidationError at field 'on')."""
    check_date(on, "on", "Tanggal pencairan")
    if on > today:
        raise ValidationError("Tanggal pencairan tidak boleh setelah hari ini.", field="on")
    if decided_on and on < decided_on:
        raise ValidationError(
            f"Tanggal pencairan sebelum tanggal persetujuan ({format_date_long(decided_on)}).",
            field="on",
        )
    if on >= first_due:
        raise ValidationError(
            f"Tanggal pencairan harus sebelum angsuran pertama ({format_date_long(first_due)}).",
            field="on",
        )


def may_apply(actor: User) -> bool:
    """Applications are taken by whoever may propose or edit member data (the counter)."""
    return can(actor, Action.PROPOSE) or can(actor, Action.EDIT_MEMBERS)


class LoanCreation:
    """`LoanService.create_loan`: the steps of LoanService run inside one transaction."""

    def __init__(self, db: Engine, loans: LoanSteps) -> None:
        self.db = db
        self.loans = loans

    @write_unit
    def create(
        self,
        actor: User,
        application: LoanApplication,
        collateral: Sequence[CollateralDraft],
        guarantors: Sequence[GuarantorDraft],
        approve: ApprovalDraft | None,
        disburse: DisbursementDraft | None,
        today: date,
    ) -> Loan:
        """Validate every part, then apply, add collateral and guarantors, approve and pay
        out as asked, all in one transaction. Any error leaves nothing behind: no loan, no
        collateral, guarantor, event or audit row, and no number used up."""
        application = clean_strings(application)  # what was typed, without hostile characters
        self.validate(actor, application, collateral, guarantors, approve, disburse, today)
        loans = self.loans
        # Each step opens its own atomic block; inside this one they become savepoints, so a
        # failure anywhere (a check, the disk, a bug) rolls all of them back together.
        with self.db.atomic():
            loan = loans.apply(actor, application, today)
            for item in collateral:
                loans.add_collateral(actor, loan.id, item)
            for person in guarantors:
                loans.add_guarantor(actor, loan.id, person)
            if approve is not None:
                assert approve.approver is not None  # validate() refused it otherwise
                loan = loans.approve(approve.approver, loan.id, approve.note, today)
            if disburse is not None:
                loan = loans.disburse(actor, loan.id, disburse.on, today)
        return loans.get(loan.id)

    def validate(
        self,
        actor: User,
        application: LoanApplication,
        collateral: Sequence[CollateralDraft],
        guarantors: Sequence[GuarantorDraft],
        approve: ApprovalDraft | None,
        disburse: DisbursementDraft | None,
        today: date,
    ) -> None:
        """Raise the first problem (PermissionDenied, or ValidationError naming the field:
        the application's own fields, 'collateral', 'guarantor' or 'on') without writing."""
        if not may_apply(actor):
            raise PermissionDenied("Peran Anda tidak boleh mencatat pengajuan pinjaman.")
        if approve is not None:
            approver = approve.approver
            if approver is None or approver.id == actor.id:
                raise PermissionDenied(
                    "Pengajuan yang Anda catat harus disetujui Ketua/Pengurus lain: tidak ada "
                    "yang boleh menyetujui pengajuannya sendiri."
                )
            require(approver, Action.APPROVE)
        if disburse is not None:
            require(actor, Action.RECORD_PAYMENT)
            if approve is None:
                raise ValidationError(
                    "Pinjaman hanya bisa dicairkan setelah disetujui Ketua/Pengurus.", field="on"
                )
        if len(" ".join(application.purpose.split())) < 3:
            raise ValidationError("Tulis keperluan pinjaman.", field="purpose")
        check_date(application.application_date, "application_date", "Tanggal pengajuan")
        check_date(application.first_due, "first_due", "Tanggal angsuran pertama")
        check = self.loans.check_application(application, today)
        for number, item in enumerate(collateral, start=1):
            try:
                check_collateral(item)
            except ValidationError as exc:
                name = item.description.strip() or f"ke-{number}"
                raise ValidationError(f"Agunan {name}: {exc.message}", field="collateral") from exc
        for person in guarantors:
            try:
                clean_guarantor(person)
            except ValidationError as exc:
                name = " ".join(person.name.split())
                raise ValidationError(
                    f"Penjamin {name}: {exc.message}" if name else exc.message, field="guarantor"
                ) from exc
        if disburse is not None:
            # Approved in the same save, so the decision date is today.
            check_disbursement_date(disburse.on, today, today, application.first_due)
            if application.replaces_loan_id is not None:
                self.loans.replacement_payoff(
                    application.replaces_loan_id,
                    application.amount - check.admin_fee,
                    disburse.on,
                )
