"""Portfolio figures: outstanding by class, NPL ratio and health band, ageing, allowance."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.loans.allowance import AllowancePolicy
from app.loans.models import AllowanceBooking, PortfolioSummary
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.db import Database
from app.users.models import User

if TYPE_CHECKING:
    from app.loans.arrears import LoanQualityService


class PortfolioService:
    def __init__(
        self, db: Database, audit: AuditRepository, settings: SettingsService,
        quality: LoanQualityService,
    ) -> None:
        self.db = db
        self.audit = audit
        self.settings = settings
        self.quality = quality

    def allowance_policy(self) -> AllowancePolicy:
        """The PPAP preset chosen in Settings (loans.allowance_policy)."""
        raise NotImplementedError

    def summary(self, as_of: date) -> PortfolioSummary:
        """Outstanding by class, NPL + health band, ageing buckets, allowance required (per
        loan, after deductible collateral) versus the latest booked figure on or before as_of."""
        raise NotImplementedError

    def book_allowance(
        self, actor: User, as_of: date, amount: int, note: str = ""
    ) -> AllowanceBooking:
        """Record the PPAP balance as booked at `as_of` (EDIT_SETTINGS, audited)."""
        raise NotImplementedError

    def bookings(self) -> list[AllowanceBooking]:
        raise NotImplementedError
