"""The money events of a loan, one door: preview, receipt, payoff, reversal, waiver, titipan.

Every event is an immutable record with its date, its amounts per component and its lines per
instalment. State is never edited: it is derived from the schedule and the events (see
app/loans/position.py). `LoanPaymentService` (``services.loans.payments``) holds the parts,
each with its own module, all on one LoanLedger (app/loans/ledger.py):

- ``receipts``  – ReceiptService (app/loans/receipts.py): preview, receipts, titipan applied
- ``payoff``    – PayoffService (app/loans/payoff_service.py): quote and early payoff
- ``reversals`` – ReversalService (app/loans/reversals.py)
- ``waivers``   – WaiverService (app/loans/waivers.py)
- ``titipan_out`` – TitipanOutService (app/loans/titipan_out.py): titipan paid back
"""

from __future__ import annotations

from datetime import date

from app.loans.ledger import LoanLedger
from app.loans.models import Payment, PaymentMethod, PaymentPreview, PayoffQuote, Waiver
from app.loans.payoff_service import PayoffService
from app.loans.receipts import ReceiptService
from app.loans.reversals import ReversalService
from app.loans.titipan_out import TitipanOutService
from app.loans.waivers import WaiverService
from app.settings.service import SettingsService
from app.users.models import User


class LoanPaymentService:
    def __init__(self, ledger: LoanLedger, settings: SettingsService) -> None:
        self.ledger = ledger
        self.receipts = ReceiptService(ledger, settings)
        self.payoff = PayoffService(ledger, self.receipts)
        self.reversals = ReversalService(ledger)
        self.waivers = WaiverService(ledger)
        self.titipan_out_service = TitipanOutService(ledger)

    # -- reading ------------------------------------------------------------------------------
    def events(self, loan_id: int) -> list[Payment]:
        """All events of a loan, oldest first, with lines."""
        return self.ledger.events.for_loan(loan_id)

    def get(self, event_id: int) -> Payment:
        return self.ledger.get(event_id)

    def titipan(self, loan_id: int, as_of: date | None = None) -> int:
        """Advance held for the loan."""
        return self.titipan_out_service.held(loan_id, as_of)

    # -- the parts' doors ---------------------------------------------------------------------
    def preview_allocation(self, loan_id: int, amount: int, on: date) -> PaymentPreview:
        return self.receipts.preview_allocation(loan_id, amount, on)

    def preview_nothing_typed(self, loan_id: int, on: date) -> PaymentPreview:
        return self.receipts.preview_nothing_typed(loan_id, on)

    def record_payment(
        self,
        actor: User,
        loan_id: int,
        amount: int,
        on: date,
        method: PaymentMethod | str,
        note: str = "",
        today: date | None = None,
        *,
        by_setoff: bool = False,
    ) -> Payment:
        return self.receipts.record_payment(
            actor, loan_id, amount, on, method, note, today, by_setoff=by_setoff
        )

    def apply_titipan(self, actor: User | None, loan_id: int, on: date) -> Payment | None:
        return self.receipts.apply_titipan(actor, loan_id, on)

    def payoff_quote(self, loan_id: int, on: date) -> PayoffQuote:
        return self.payoff.payoff_quote(loan_id, on)

    def pay_off(
        self,
        actor: User,
        loan_id: int,
        on: date,
        method: PaymentMethod | str,
        note: str = "",
        today: date | None = None,
        *,
        replacing: bool = False,
    ) -> Payment:
        return self.payoff.pay_off(actor, loan_id, on, method, note, today, replacing=replacing)

    def reverse(
        self,
        actor: User,
        event_id: int,
        reason: str,
        on: date,
        today: date | None = None,
        *,
        by_setoff: bool = False,
    ) -> Payment:
        return self.reversals.reverse(actor, event_id, reason, on, today, by_setoff=by_setoff)

    def waive(
        self,
        actor: User,
        loan_id: int,
        component: str,
        amount: int,
        reason: str,
        approver: User,
        on: date,
        today: date | None = None,
        *,
        by_decision: bool = False,
    ) -> Waiver:
        return self.waivers.waive(
            actor, loan_id, component, amount, reason, approver, on, today, by_decision=by_decision
        )

    def refund_titipan(
        self,
        actor: User,
        loan_id: int,
        amount: int,
        on: date,
        method: PaymentMethod | str,
        note: str = "",
        today: date | None = None,
    ) -> Payment:
        return self.titipan_out_service.refund_titipan(
            actor, loan_id, amount, on, method, note, today
        )

    def titipan_out(
        self,
        actor: User,
        loan_id: int,
        amount: int,
        on: date,
        method: str,
        note: str,
        action: str,
        today: date | None = None,
    ) -> int:
        return self.titipan_out_service.titipan_out(
            actor, loan_id, amount, on, method, note, action, today
        )
