"""The life of a loan: application, approval, disbursement, collateral, guarantors, reading.

`LoanService` is what the UI holds (``services.loans``). Its parts are reached as attributes:

- ``services.loans.products``  – LoanProductService (products, schedule simulation)
- ``services.loans.payments``  – LoanPaymentService (preview, receipts, payoff, reversal, waivers)
- ``services.loans.quality``   – LoanQualityService (arrears as of any date, month-end run)
- ``services.loans.portfolio`` – PortfolioService (NPL, ageing, allowance required vs booked)

Roles (app.users.permissions): making an application needs PROPOSE or EDIT_MEMBERS (staff
take applications at the counter); approving, rejecting and waivers need APPROVE (Pengurus);
disbursement, collateral and guarantors need PROPOSE or EDIT_MEMBERS; payments need
RECORD_PAYMENT; reversing a receipt needs REVERSE_TRANSACTION; products and the booked
allowance need EDIT_SETTINGS.
"""

from __future__ import annotations

from datetime import date

from app.loans.arrears import LoanQualityService
from app.loans.models import (
    ApplicationCheck,
    Collateral,
    CollateralDraft,
    Guarantor,
    GuarantorDraft,
    Loan,
    LoanApplication,
    LoanDetail,
    LoanFilter,
    LoanRow,
    ScheduleLine,
)
from app.loans.payments import LoanPaymentService
from app.loans.portfolio import PortfolioService
from app.loans.products import LoanProductService
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.db import Database
from app.users.models import User


class LoanService:
    """Applications → approval → disbursement → (payments elsewhere) → closed."""

    def __init__(self, db: Database, audit: AuditRepository, settings: SettingsService) -> None:
        self.db = db
        self.audit = audit
        self.settings = settings
        self.products = LoanProductService(db, audit, settings)
        self.quality = LoanQualityService(db, audit, settings)
        self.payments = LoanPaymentService(db, audit, settings, self.quality)
        self.portfolio = PortfolioService(db, audit, settings, self.quality)

    # -- applications -------------------------------------------------------------------------
    def check_application(self, draft: LoanApplication, today: date) -> ApplicationCheck:
        """Warnings (member not aktif, several loans open, a loan this one would pay off,
        amount/term outside the product's limits) and the fee/net/first instalment figures.
        Raises ValidationError only for input that cannot be a loan at all."""
        raise NotImplementedError

    def apply(self, actor: User, draft: LoanApplication, today: date) -> Loan:
        """Record an application (status diajukan) with the product's terms copied onto it and
        schedule version 0 stored. Needs PROPOSE or EDIT_MEMBERS."""
        raise NotImplementedError

    def approve(self, actor: User, loan_id: int, note: str, today: date) -> Loan:
        """A Pengurus approves (APPROVE): who, when, note; diajukan → disetujui (audited)."""
        raise NotImplementedError

    def reject(self, actor: User, loan_id: int, note: str, today: date) -> Loan:
        """A Pengurus rejects (APPROVE) with a reason; diajukan → ditolak (audited)."""
        raise NotImplementedError

    def disburse(self, actor: User, loan_id: int, on: date, today: date) -> Loan:
        """Pay out an approved loan: agreement number from `loans.agreement_pattern`, admin fee
        deducted, a pencairan event stored; disetujui → aktif. `on` may not be after `today`
        nor after the first due date."""
        raise NotImplementedError

    # -- collateral and guarantors ------------------------------------------------------------
    def add_collateral(self, actor: User, loan_id: int, draft: CollateralDraft) -> Collateral:
        """Add one item of collateral (audited)."""
        raise NotImplementedError

    def release_collateral(
        self, actor: User, collateral_id: int, on: date, note: str
    ) -> Collateral:
        """Mark collateral as returned to its owner (audited); the record stays."""
        raise NotImplementedError

    def collateral(self, loan_id: int) -> list[Collateral]:
        raise NotImplementedError

    def add_guarantor(self, actor: User, loan_id: int, draft: GuarantorDraft) -> Guarantor:
        """Add a guarantor (penjamin); NIK validated when given (audited)."""
        raise NotImplementedError

    def guarantors(self, loan_id: int) -> list[Guarantor]:
        raise NotImplementedError

    # -- reading ------------------------------------------------------------------------------
    def get(self, loan_id: int) -> Loan:
        """The loan, or NotFound."""
        raise NotImplementedError

    def schedule(self, loan_id: int, as_of: date) -> list[ScheduleLine]:
        """The current schedule with each instalment's paid/partly paid/overdue state at as_of."""
        raise NotImplementedError

    def detail(self, loan_id: int, as_of: date) -> LoanDetail:
        """Terms, schedule with state, events, collateral, guarantors, arrears, class history."""
        raise NotImplementedError

    def list_rows(
        self, as_of: date, filters: LoanFilter | None = None, *, offset: int = 0,
        limit: int = 100, order: str = "number",
    ) -> list[LoanRow]:
        """One page of the loans list with figures as of `as_of` (order: 'number', 'member',
        'outstanding', 'days' (most overdue first) or 'arrears')."""
        raise NotImplementedError

    def count_rows(self, as_of: date, filters: LoanFilter | None = None) -> int:
        raise NotImplementedError

    def member_loans(self, member_id: int, as_of: date) -> list[LoanRow]:
        """All loans of one member (any status), newest first."""
        raise NotImplementedError
