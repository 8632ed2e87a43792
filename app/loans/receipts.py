"""Taking money for a loan: how an amount would be allocated (nothing written), the receipt
itself, and the held titipan used for what has come due.

A payment pays what is due by its date in the product's order and mode, then whole or part of
the next instalments (paid in advance, oldest first); only what is left after the whole loan
is kept as titipan, to be paid back or moved to savings (app/loans/titipan_out.py)."""

from __future__ import annotations

from datetime import date

from app.loans.allocation import Allocation, allocate_payment, remaining_after
from app.loans.ledger import LoanLedger, check_amount, check_method, event_lines
from app.loans.models import EventKind, Loan, Payment, PaymentMethod, PaymentPreview
from app.loans.position import Position
from app.money import format_rupiah
from app.numbering import format_pattern, resets_yearly
from app.settings.service import SettingsService
from app.storage.loans_events_repo import NewEvent
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require


def allocation_preview(loan: Loan, pos: Position, amount: int, held: int) -> PaymentPreview:
    """How `amount` paid on `pos.as_of`, with the titipan `held`, is allocated: the product's
    order and mode over what is due, then the next instalments oldest first; what is left
    after the whole loan becomes titipan."""
    due = pos.open_due()
    first = allocate_payment(due, amount + held, loan.alloc_order, mode=loan.alloc_mode)
    due_numbers = {item.number for item in due}
    future = [item for item in pos.open_all() if item.number not in due_numbers]
    ahead = allocate_payment(future, first.advance, loan.alloc_order)
    allocation = Allocation(lines=first.lines + ahead.lines, advance=ahead.advance)
    closes = not remaining_after(pos.open_all(), allocation)
    warnings = []
    if ahead.lines:
        numbers = sorted({ln.number for ln in ahead.lines})
        warnings.append(
            f"{format_rupiah(ahead.total())} dibayar di muka untuk angsuran ke-"
            + ", ".join(str(n) for n in numbers)
            + "."
        )
    if allocation.advance:
        warnings.append(
            f"Kelebihan {format_rupiah(allocation.advance)} disimpan sebagai titipan "
            "(bisa dikembalikan kepada anggota)."
        )
    return PaymentPreview(
        loan_id=loan.id,
        on=pos.as_of,
        amount=amount,
        titipan_used=held,
        allocation=allocation,
        open_before=tuple(due),
        advance=allocation.advance,
        closes_loan=closes,
        warnings=tuple(warnings),
    )


def nothing_typed_preview(loan: Loan, pos: Position, held: int) -> PaymentPreview:
    """Before an amount is typed: what is due by `pos.as_of` and the titipan held, nothing
    allocated yet."""
    return PaymentPreview(
        loan_id=loan.id,
        on=pos.as_of,
        amount=0,
        titipan_used=held,
        allocation=Allocation((), 0),
        open_before=tuple(pos.open_due()),
        advance=0,
        closes_loan=False,
    )


class ReceiptService:
    """Receipts (pembayaran) and the held titipan applied to what is open."""

    RECEIPT_PREFIX = "KA"

    def __init__(self, ledger: LoanLedger, settings: SettingsService) -> None:
        self.ledger = ledger
        self.settings = settings

    def preview_allocation(self, loan_id: int, amount: int, on: date) -> PaymentPreview:
        """How `amount` paid on `on` would be allocated (denda as of `on`), together with any
        titipan already held. Nothing is written."""
        loan = self.ledger.open_loan(loan_id, on)
        check_amount(amount, allow_zero=False)
        return self._preview(loan, self.ledger.quality.position(loan, on), amount)

    def preview_nothing_typed(self, loan_id: int, on: date) -> PaymentPreview:
        """The preview before any amount is typed: what is due by `on`, the titipan held."""
        loan = self.ledger.loan(loan_id)
        pos = self.ledger.quality.position(loan, on)
        return nothing_typed_preview(loan, pos, self.ledger.events.titipan(loan.id, on))

    def _preview(self, loan: Loan, pos: Position, amount: int) -> PaymentPreview:
        held = self.ledger.events.titipan(loan.id, pos.as_of)
        return allocation_preview(loan, pos, amount, held)

    @write_unit
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
        """Save a receipt (RECORD_PAYMENT) exactly as preview_allocation shows it; the loan
        becomes lunas when nothing is left. Returns the stored payment with its lines.
        `by_setoff`: the loan half of a set-off (method kompensasi_simpanan)."""
        require(actor, Action.RECORD_PAYMENT)
        check_amount(amount, allow_zero=False)
        paid_by = check_method(method, PaymentMethod.KOMPENSASI_SIMPANAN if by_setoff else None)
        loan = self.ledger.open_loan(loan_id, on)
        self.ledger.check_date(loan, on, today)
        with self.ledger.db.atomic():
            pos = self.ledger.quality.position(loan, on)
            event_id = self.store_payment(actor, loan, pos, amount, paid_by, note)
        return self.ledger.get(event_id)

    def store_payment(
        self,
        actor: User | None,
        loan: Loan,
        pos: Position,
        amount: int,
        method: PaymentMethod | None,
        note: str,
        kind: EventKind = EventKind.PEMBAYARAN,
    ) -> int:
        """Write the payment as previewed (the caller holds the transaction); closes the loan
        when it settles it."""
        preview = self._preview(loan, pos, amount)
        a = preview.allocation
        titipan_change = preview.advance - preview.titipan_used
        lines = event_lines(a)
        if titipan_change:
            lines += ((None, "titipan", titipan_change),)
        receipt = self._next_receipt(pos.as_of) if kind == EventKind.PEMBAYARAN else None
        method_text = method.value if method is not None else ""
        event_id = self.ledger.record(
            loan,
            NewEvent(
                loan_id=loan.id,
                version=loan.schedule_version,
                kind=kind,
                event_date=pos.as_of,
                receipt_no=receipt,
                amount=amount,
                method=method_text,
                pokok=a.total("pokok"),
                jasa=a.total("jasa"),
                denda=a.total("denda"),
                titipan=titipan_change,
                note=note.strip(),
                lines=lines,
                charges=pos.charges_due,
            ),
            actor,
        )
        self.ledger.audit.record(
            actor.id if actor else None,
            kind.value,
            "pinjaman",
            loan.id,
            None,
            {
                "event": event_id,
                "receipt": receipt,
                "date": pos.as_of.isoformat(),
                "amount": amount,
                "method": method_text,
                "pokok": a.total("pokok"),
                "jasa": a.total("jasa"),
                "denda": a.total("denda"),
                "titipan": titipan_change,
            },
        )
        if preview.closes_loan:
            self.ledger.close(actor, loan, pos.as_of)
        return event_id

    @write_unit
    def apply_titipan(self, actor: User | None, loan_id: int, on: date) -> Payment | None:
        """Use the held titipan for what is open on `on` (None when nothing to do)."""
        loan = self.ledger.open_loan(loan_id, on)
        with self.ledger.db.atomic():
            pos = self.ledger.quality.position(loan, on)
            if self.ledger.events.titipan(loan.id, on) <= 0 or not pos.open_all():
                return None
            event_id = self.store_payment(
                actor,
                loan,
                pos,
                0,
                None,
                "Titipan dipakai untuk angsuran",
                kind=EventKind.TITIPAN_DITERAPKAN,
            )
        return self.ledger.get(event_id)

    def _next_receipt(self, on: date) -> str:
        pattern = str(self.settings.get("loans.receipt_pattern"))
        code = self.settings.profile().code
        year = on.year if resets_yearly(pattern) else 0
        while True:
            seq = self.ledger.events.next_receipt_seq(year)
            receipt = format_pattern(pattern, seq, on, code, self.RECEIPT_PREFIX)
            if not self.ledger.events.receipt_exists(receipt):
                return receipt
