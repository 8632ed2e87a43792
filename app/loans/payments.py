"""Receipts and the other money events of a loan: preview, payment, payoff, reversal, waiver.

Every event is an immutable record with its date, its amounts per component and its lines per
instalment. State is never edited: it is derived from the schedule and the events.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.loans.models import Payment, PaymentPreview, PayoffQuote, Waiver
from app.settings.service import SettingsService
from app.storage.audit_repo import AuditRepository
from app.storage.db import Database
from app.users.models import User

if TYPE_CHECKING:
    from app.loans.arrears import LoanQualityService


class LoanPaymentService:
    def __init__(
        self, db: Database, audit: AuditRepository, settings: SettingsService,
        quality: LoanQualityService,
    ) -> None:
        self.db = db
        self.audit = audit
        self.settings = settings
        self.quality = quality

    def preview_allocation(self, loan_id: int, amount: int, on: date) -> PaymentPreview:
        """How `amount` paid on `on` would be allocated: the product's order and mode over the
        instalments due by `on` (denda as of `on`), together with any titipan already held;
        what is left becomes titipan. Nothing is written."""
        raise NotImplementedError

    def record_payment(
        self, actor: User, loan_id: int, amount: int, on: date, method: str,
        note: str = "", today: date | None = None,
    ) -> Payment:
        """Save a receipt (RECORD_PAYMENT) exactly as preview_allocation shows it; the loan
        becomes lunas when nothing is left. Returns the stored payment with its lines."""
        raise NotImplementedError

    def payoff_quote(self, loan_id: int, on: date) -> PayoffQuote:
        """What closes the loan on `on`: all remaining pokok + jasa per the product's payoff
        rule ('current': jasa of instalments due and of the running period; 'due': only jasa
        already due; 'all': every remaining jasa) + denda as of `on` − titipan held."""
        raise NotImplementedError

    def pay_off(
        self, actor: User, loan_id: int, on: date, method: str, note: str = "",
        today: date | None = None,
    ) -> Payment:
        """Receive exactly the payoff quote: the payment, plus a potongan_pelunasan event for
        the jasa the rule does not charge; the loan becomes lunas."""
        raise NotImplementedError

    def reverse(
        self, actor: User, event_id: int, reason: str, on: date, today: date | None = None
    ) -> Payment:
        """Cancel a payment (or a waiver) by a reversing event with a reason
        (REVERSE_TRANSACTION). A lunas loan that owes again becomes aktif (audited)."""
        raise NotImplementedError

    def waive(
        self, actor: User, loan_id: int, component: str, amount: int, reason: str,
        approver: User, on: date, today: date | None = None,
    ) -> Waiver:
        """Waive part of the denda (or jasa/pokok) due by `on`: needs a reason and a Pengurus
        (APPROVE) as approver; audited. Amounts fill the oldest instalments first."""
        raise NotImplementedError

    def apply_titipan(self, actor: User | None, loan_id: int, on: date) -> Payment | None:
        """Use the held titipan for what is due by `on` (None when nothing to do)."""
        raise NotImplementedError

    def refund_titipan(
        self, actor: User, loan_id: int, amount: int, on: date, method: str, note: str = "",
        today: date | None = None,
    ) -> Payment:
        """Pay held titipan back to the member (RECORD_PAYMENT)."""
        raise NotImplementedError

    def events(self, loan_id: int) -> list[Payment]:
        """All events of a loan, oldest first, with lines."""
        raise NotImplementedError

    def get(self, event_id: int) -> Payment:
        raise NotImplementedError

    def titipan(self, loan_id: int, as_of: date | None = None) -> int:
        """Advance held for the loan."""
        raise NotImplementedError
