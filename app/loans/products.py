"""Loan products (presets shipped, editable) and the schedule simulation."""

from __future__ import annotations

from datetime import date

from app.loans.models import LoanProduct, LoanProductDraft
from app.loans.schedule import Installment, ScheduleTerms
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.db import Database
from app.users.models import User


class LoanProductService:
    """Products: 'Pinjaman Umum' (flat 1,5 %), 'Pinjaman Usaha' (menurun 1,25 %) and
    'Pinjaman Anuitas' (anuitas 1,25 %) are created by the loans migration."""

    def __init__(self, db: Database, audit: AuditRepository, settings: SettingsService) -> None:
        self.db = db
        self.audit = audit
        self.settings = settings

    def all(self, *, include_inactive: bool = False) -> list[LoanProduct]:
        raise NotImplementedError

    def get(self, product_id: int) -> LoanProduct:
        raise NotImplementedError

    def validate(self, draft: LoanProductDraft) -> LoanProductDraft:
        """Trimmed draft or ValidationError naming the field."""
        raise NotImplementedError

    def create(self, actor: User, draft: LoanProductDraft) -> LoanProduct:
        """New product (EDIT_SETTINGS, audited)."""
        raise NotImplementedError

    def update(self, actor: User, product_id: int, draft: LoanProductDraft) -> LoanProduct:
        """Change a product (EDIT_SETTINGS, audited before/after). Loans already applied for
        keep the terms copied onto them."""
        raise NotImplementedError

    def set_active(self, actor: User, product_id: int, active: bool) -> LoanProduct:
        raise NotImplementedError

    def terms(
        self, product: LoanProduct, amount: int, months: int, first_due: date,
        principal_grace: int = 0,
    ) -> ScheduleTerms:
        """ScheduleTerms for an amount/term under `product` (limits checked)."""
        raise NotImplementedError

    def simulate(
        self, product_id: int, amount: int, months: int, first_due: date,
        principal_grace: int = 0,
    ) -> list[Installment]:
        """The schedule a loan would get (Simulasi Pinjaman)."""
        raise NotImplementedError
