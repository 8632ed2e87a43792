"""Early payoff (pelunasan dipercepat): the quote of what closes the loan on a date, and taking
exactly that; the jasa the product's rule does not charge is given up by its own event.
The rule itself is pure (app/loans/payoff.py)."""

from __future__ import annotations

from datetime import date

from app.errors import ValidationError
from app.loans.ledger import LoanLedger, check_method
from app.loans.models import EventKind, Loan, Payment, PaymentMethod, PayoffQuote
from app.loans.payoff import given_up_lines, quote_payoff
from app.loans.position import Position
from app.loans.receipts import ReceiptService
from app.storage.loans_events_repo import NewEvent
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require


class PayoffService:
    def __init__(self, ledger: LoanLedger, receipts: ReceiptService) -> None:
        self.ledger = ledger
        self.receipts = receipts

    def payoff_quote(self, loan_id: int, on: date) -> PayoffQuote:
        """What closes the loan on `on`: all remaining pokok + jasa per the product's payoff
        rule ('current': jasa of instalments due and of the running period, i.e. the period
        containing `on`, unless that instalment is already paid; 'due': only jasa already due;
        'all': every remaining jasa) + denda as of `on` − titipan held."""
        loan = self.ledger.open_loan(loan_id, on)
        return self._quote(loan, self.ledger.quality.position(loan, on))

    def _quote(self, loan: Loan, pos: Position) -> PayoffQuote:
        return quote_payoff(loan, pos, self.ledger.events.titipan(loan.id, pos.as_of))

    @write_unit
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
        """Receive exactly the payoff quote: a potongan_pelunasan event for the jasa the rule
        does not charge, then the payment; the loan becomes lunas. `replacing`: paid from the
        pay-out of the loan that replaces it (method pinjaman_baru, through 1114)."""
        require(actor, Action.RECORD_PAYMENT)
        paid_by = check_method(method, PaymentMethod.PINJAMAN_BARU if replacing else None)
        loan = self.ledger.open_loan(loan_id, on)
        self.ledger.check_date(loan, on, today)
        with self.ledger.db.atomic():
            pos = self.ledger.quality.position(loan, on)
            quote = self._quote(loan, pos)
            given_up: int | None = None
            if quote.jasa_not_charged:
                given_up = self._give_up_future_jasa(actor, loan, pos)
                pos = self.ledger.quality.position(loan, on)
            if quote.total == 0:
                event = self.receipts.apply_titipan(actor, loan.id, on)
                if event is not None:
                    return event
                if given_up is None:
                    raise ValidationError(
                        f"Pinjaman {loan.display_number} tidak punya sisa yang perlu dilunasi.",
                        field="amount",
                    )
                # Everything was paid already; only the jasa the rule does not charge was
                # left: giving it up settles the loan.
                self.ledger.close(actor, loan, on)
                return self.ledger.get(given_up)
            event_id = self.receipts.store_payment(
                actor,
                loan,
                pos,
                quote.total,
                paid_by,
                note or f"Pelunasan dipercepat ({quote.rule_text})",
            )
        return self.ledger.get(event_id)

    def _give_up_future_jasa(self, actor: User, loan: Loan, pos: Position) -> int:
        quote = self._quote(loan, pos)
        return self.ledger.record(
            loan,
            NewEvent(
                loan_id=loan.id,
                version=loan.schedule_version,
                kind=EventKind.POTONGAN_PELUNASAN,
                event_date=pos.as_of,
                jasa=quote.jasa_not_charged,
                lines=given_up_lines(loan, pos),
                reason=quote.rule_text,
                note="Jasa yang tidak ditagih karena pelunasan dipercepat",
                charges=pos.charges_due,
            ),
            actor,
        )
