"""Titipan leaving the loan: paid back to the member, or (app/loans/titipan.py) moved to the
member's simpanan sukarela."""

from __future__ import annotations

from datetime import date

from app.errors import ValidationError
from app.loans.ledger import LoanLedger, check_amount, check_method
from app.loans.models import EventKind, Payment, PaymentMethod
from app.money import format_rupiah
from app.storage.loans_events_repo import NewEvent
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

TO_SUKARELA = "simpanan_sukarela"
"""The method of a titipan_dikembalikan event whose money went to the member's simpanan
sukarela (app.loans.titipan) instead of being paid out."""


class TitipanOutService:
    def __init__(self, ledger: LoanLedger) -> None:
        self.ledger = ledger

    def held(self, loan_id: int, as_of: date | None = None) -> int:
        """Advance held for the loan."""
        return self.ledger.events.titipan(loan_id, as_of)

    @write_unit
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
        """Pay held titipan back to the member (RECORD_PAYMENT)."""
        require(actor, Action.RECORD_PAYMENT)
        paid_by = check_method(method)
        with self.ledger.db.atomic():
            event_id = self.titipan_out(
                actor,
                loan_id,
                amount,
                on,
                paid_by.value,
                note.strip() or "Titipan dikembalikan kepada anggota",
                "kembalikan titipan",
                today,
            )
        return self.ledger.get(event_id)

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
        """Take `amount` of the held titipan out of the loan (a titipan_dikembalikan event,
        audited as `action`); the caller holds the transaction and says where it went
        (a PaymentMethod value for a refund, or TO_SUKARELA)."""
        require(actor, Action.RECORD_PAYMENT)
        check_amount(amount, allow_zero=False)
        loan = self.ledger.loan(loan_id)
        self.ledger.check_date(loan, on, today)
        held = self.held(loan_id, on)
        if amount > held:
            raise ValidationError(f"Titipan yang ada hanya {format_rupiah(held)}.", field="amount")
        event_id = self.ledger.record(
            loan,
            NewEvent(
                loan_id=loan.id,
                version=loan.schedule_version,
                kind=EventKind.TITIPAN_DIKEMBALIKAN,
                event_date=on,
                amount=amount,
                method=method,
                titipan=-amount,
                lines=((None, "titipan", -amount),),
                note=note,
            ),
            actor,
        )
        self.ledger.audit.record(
            actor.id,
            action,
            "pinjaman",
            loan.id,
            None,
            {"event": event_id, "amount": amount, "date": on.isoformat(), "method": method},
        )
        return event_id
