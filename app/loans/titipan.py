"""Titipan (what is left after the whole loan is paid) leaves the loan at the member's choice:
paid back in cash, or moved to the member's simpanan sukarela with a savings receipt (§4a)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.loans.models import Payment, PaymentMethod
from app.loans.payments import LoanPaymentService
from app.loans.titipan_out import TO_SUKARELA
from app.savings.models import SavingsKind, SavingsTransaction
from app.savings.service import SavingsService
from app.storage.engine import Engine
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

SAVINGS_METHOD = "titipan_pinjaman"
"""The savings method of the deposit (app.savings.models.SYSTEM_METHODS)."""

METHOD_LABELS = {TO_SUKARELA: "Dipindahkan ke Simpanan Sukarela"}
"""Labels of the loan-event methods that are not payment methods."""


@dataclass(frozen=True)
class TitipanTransfer:
    """The two records of one move: the loan event and the savings deposit (its receipt)."""

    event: Payment
    deposit: SavingsTransaction


class TitipanService:
    def __init__(self, db: Engine, payments: LoanPaymentService, savings: SavingsService):
        self.db = db
        self.payments = payments
        self.savings = savings

    def held(self, loan_id: int, as_of: date | None = None) -> int:
        """The titipan held for the loan."""
        return self.payments.titipan(loan_id, as_of)

    def refund(
        self,
        actor: User,
        loan_id: int,
        amount: int,
        on: date,
        method: PaymentMethod | str,
        note: str = "",
        today: date | None = None,
    ) -> Payment:
        """Pay titipan back to the member (RECORD_PAYMENT)."""
        return self.payments.refund_titipan(actor, loan_id, amount, on, method, note, today)

    @write_unit
    def to_sukarela(
        self,
        actor: User,
        loan_id: int,
        amount: int,
        on: date,
        note: str = "",
        today: date | None = None,
    ) -> TitipanTransfer:
        """Move `amount` of the titipan to the member's simpanan sukarela in ONE transaction:
        the titipan leaves the loan and a sukarela deposit (with its receipt number) comes in,
        both audited. Needs RECORD_PAYMENT and SAVINGS_TRANSACTION; nothing is written when
        either part is refused (an amount above the titipan, a member no longer aktif …)."""
        require(actor, Action.RECORD_PAYMENT)
        require(actor, Action.SAVINGS_TRANSACTION)
        loan = self.payments.ledger.loans.loan(loan_id)
        number = loan.display_number if loan is not None else str(loan_id)
        text = note.strip() or f"Titipan pinjaman {number} dipindahkan ke simpanan sukarela"
        with self.db.atomic():
            event_id = self.payments.titipan_out(
                actor, loan_id, amount, on, TO_SUKARELA, text, "titipan ke sukarela", today
            )
            assert loan is not None  # titipan_out raised NotFound otherwise
            deposit = self.savings.deposit(
                actor,
                loan.member_id,
                SavingsKind.SUKARELA,
                amount,
                on,
                method=SAVINGS_METHOD,
                note=text,
                today=today,
            )
        return TitipanTransfer(self.payments.get(event_id), deposit)
