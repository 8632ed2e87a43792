"""Receipts and the other money events of a loan: preview, payment, payoff, reversal, waiver.

Every event is an immutable record with its date, its amounts per component and its lines per
instalment. State is never edited: it is derived from the schedule and the events (see
app/loans/position.py). A payment pays what is due by its date in the product's order and
mode, then whole or part of the next instalments (paid in advance, oldest first); only what
is left after the whole loan is kept as titipan, to be paid back or moved to savings.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from app.errors import NotFound, PermissionDenied, ValidationError
from app.formats import format_date_long
from app.loans.allocation import Allocation, OpenInstallment, allocate_payment, remaining_after
from app.loans.models import (
    EventKind,
    Loan,
    LoanStatus,
    Payment,
    PaymentMethod,
    PaymentPreview,
    PayoffQuote,
    Waiver,
)
from app.loans.payoff import given_up_lines, quote_payoff
from app.loans.position import Position
from app.money import format_rupiah
from app.numbering import format_pattern, resets_yearly
from app.settings.service import SettingsService
from app.storage import sequences
from app.storage.audit_repo import AuditRepository
from app.storage.db import Database
from app.storage.loans_events_repo import LoanEventsRepository, NewEvent
from app.storage.loans_repo import LoansRepository
from app.users.models import User
from app.users.permissions import Action, can, require

if TYPE_CHECKING:
    from app.loans.arrears import LoanQualityService

RECEIPT_SEQUENCE = "loan_receipt"
TO_SUKARELA = "simpanan_sukarela"
"""The method of a titipan_dikembalikan event whose money went to the member's simpanan
sukarela (app.loans.titipan) instead of being paid out."""
MAX_AMOUNT = 10_000_000_000
_REVERSIBLE = (
    EventKind.PEMBAYARAN,
    EventKind.KERINGANAN,
    EventKind.POTONGAN_PELUNASAN,
    EventKind.TITIPAN_DITERAPKAN,
    EventKind.TITIPAN_DIKEMBALIKAN,
)


def _lines(allocation: Allocation) -> tuple[tuple[int | None, str, int], ...]:
    return tuple((ln.number, ln.component, ln.amount) for ln in allocation.lines)


class LoanPaymentService:
    def __init__(
        self,
        db: Database,
        audit: AuditRepository,
        settings: SettingsService,
        quality: LoanQualityService,
    ) -> None:
        self.db = db
        self.audit = audit
        self.settings = settings
        self.quality = quality
        self.loans = LoansRepository(db)
        self.repo = LoanEventsRepository(db)

    # -- reading ------------------------------------------------------------------------------
    def events(self, loan_id: int) -> list[Payment]:
        """All events of a loan, oldest first, with lines."""
        return self.repo.for_loan(loan_id)

    def get(self, event_id: int) -> Payment:
        event = self.repo.get(event_id)
        if event is None:
            raise NotFound("Transaksi pinjaman tidak ditemukan.")
        return event

    def titipan(self, loan_id: int, as_of: date | None = None) -> int:
        """Advance held for the loan."""
        return self.repo.titipan(loan_id, as_of)

    # -- payments -----------------------------------------------------------------------------
    def preview_allocation(self, loan_id: int, amount: int, on: date) -> PaymentPreview:
        """How `amount` paid on `on` would be allocated: the product's order and mode over the
        instalments due by `on` (denda as of `on`), together with any titipan already held,
        then the next instalments oldest first; what is left after the whole loan becomes
        titipan. Nothing is written."""
        loan = self._open_loan(loan_id, on)
        _check_amount(amount, allow_zero=False)
        return self._preview(loan, self.quality.position(loan, on), amount)

    def _preview(self, loan: Loan, pos: Position, amount: int) -> PaymentPreview:
        held = self.repo.titipan(loan.id, pos.as_of)
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

    def record_payment(
        self,
        actor: User,
        loan_id: int,
        amount: int,
        on: date,
        method: str,
        note: str = "",
        today: date | None = None,
    ) -> Payment:
        """Save a receipt (RECORD_PAYMENT) exactly as preview_allocation shows it; the loan
        becomes lunas when nothing is left. Returns the stored payment with its lines."""
        require(actor, Action.RECORD_PAYMENT)
        _check_amount(amount, allow_zero=False)
        _check_method(method)
        loan = self._open_loan(loan_id, on)
        self._check_date(loan, on, today)
        with self.db.atomic():
            pos = self.quality.position(loan, on)
            event_id = self._store_payment(actor, loan, pos, amount, method, note)
        return self.get(event_id)

    def _store_payment(
        self,
        actor: User | None,
        loan: Loan,
        pos: Position,
        amount: int,
        method: str,
        note: str,
        kind: EventKind = EventKind.PEMBAYARAN,
    ) -> int:
        preview = self._preview(loan, pos, amount)
        a = preview.allocation
        titipan_change = preview.advance - preview.titipan_used
        lines = _lines(a)
        if titipan_change:
            lines += ((None, "titipan", titipan_change),)
        receipt = self._next_receipt(pos.as_of) if kind == EventKind.PEMBAYARAN else None
        event_id = self.repo.insert(
            NewEvent(
                loan_id=loan.id,
                version=loan.schedule_version,
                kind=kind,
                event_date=pos.as_of,
                receipt_no=receipt,
                amount=amount,
                method=method,
                pokok=a.total("pokok"),
                jasa=a.total("jasa"),
                denda=a.total("denda"),
                titipan=titipan_change,
                note=note.strip(),
                lines=lines,
                charges=pos.charges_due,
            ),
            actor.id if actor else None,
        )
        self.audit.record(
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
                "method": method,
                "pokok": a.total("pokok"),
                "jasa": a.total("jasa"),
                "denda": a.total("denda"),
                "titipan": titipan_change,
            },
        )
        if preview.closes_loan:
            self._close(actor, loan, pos.as_of)
        return event_id

    def apply_titipan(self, actor: User | None, loan_id: int, on: date) -> Payment | None:
        """Use the held titipan for what is open on `on` (None when nothing to do)."""
        loan = self._open_loan(loan_id, on)
        with self.db.atomic():
            pos = self.quality.position(loan, on)
            if self.repo.titipan(loan.id, on) <= 0 or not pos.open_all():
                return None
            event_id = self._store_payment(
                actor,
                loan,
                pos,
                0,
                "",
                "Titipan dipakai untuk angsuran",
                kind=EventKind.TITIPAN_DITERAPKAN,
            )
        return self.get(event_id)

    # -- early payoff -------------------------------------------------------------------------
    def payoff_quote(self, loan_id: int, on: date) -> PayoffQuote:
        """What closes the loan on `on`: all remaining pokok + jasa per the product's payoff
        rule ('current': jasa of instalments due and of the running period, i.e. the period
        containing `on`, unless that instalment is already paid; 'due': only jasa already due;
        'all': every remaining jasa) + denda as of `on` − titipan held."""
        loan = self._open_loan(loan_id, on)
        pos = self.quality.position(loan, on)
        return self._quote(loan, pos)

    def _quote(self, loan: Loan, pos: Position) -> PayoffQuote:
        return quote_payoff(loan, pos, self.repo.titipan(loan.id, pos.as_of))

    def pay_off(
        self,
        actor: User,
        loan_id: int,
        on: date,
        method: str,
        note: str = "",
        today: date | None = None,
    ) -> Payment:
        """Receive exactly the payoff quote: a potongan_pelunasan event for the jasa the rule
        does not charge, then the payment; the loan becomes lunas."""
        require(actor, Action.RECORD_PAYMENT)
        _check_method(method)
        loan = self._open_loan(loan_id, on)
        self._check_date(loan, on, today)
        with self.db.atomic():
            pos = self.quality.position(loan, on)
            quote = self._quote(loan, pos)
            if quote.jasa_not_charged:
                self._give_up_future_jasa(actor, loan, pos)
                pos = self.quality.position(loan, on)
            if quote.total == 0:
                event = self.apply_titipan(actor, loan.id, on)
                assert event is not None
                return event
            event_id = self._store_payment(
                actor,
                loan,
                pos,
                quote.total,
                method,
                note or f"Pelunasan dipercepat ({quote.rule_text})",
            )
        return self.get(event_id)

    def _give_up_future_jasa(self, actor: User, loan: Loan, pos: Position) -> None:
        quote = self._quote(loan, pos)
        self.repo.insert(
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
            actor.id,
        )

    # -- reversal and waivers -----------------------------------------------------------------
    def reverse(
        self, actor: User, event_id: int, reason: str, on: date, today: date | None = None
    ) -> Payment:
        """Cancel a payment (or a waiver, …) by a reversing event with a reason
        (REVERSE_TRANSACTION). Reversing a payoff also reverses its jasa discount. A closed
        loan that owes again becomes aktif (audited)."""
        require(actor, Action.REVERSE_TRANSACTION)
        original = self.get(event_id)
        if original.kind not in _REVERSIBLE:
            raise ValidationError(
                f"{original.kind.label} tidak bisa dibatalkan.", field="transaction"
            )
        if original.is_reversed:
            raise ValidationError("Transaksi ini sudah dibatalkan.", field="transaction")
        if original.kind == EventKind.TITIPAN_DIKEMBALIKAN and original.method == TO_SUKARELA:
            raise ValidationError(
                "Titipan ini sudah menjadi simpanan sukarela anggota. Untuk membetulkannya, "
                "catat penarikan sukarela lalu terima sebagai pembayaran pinjaman.",
                field="transaction",
            )
        if len(reason.strip()) < 5:
            raise ValidationError("Tulis alasan pembatalan dengan jelas.", field="reason")
        if on < original.event_date or on > (today or date.today()):
            raise ValidationError(
                "Tanggal pembatalan antara tanggal transaksi dan hari ini.", field="on"
            )
        loan = self.loans.loan(original.loan_id)
        assert loan is not None
        self._check_date(loan, on, today)
        with self.db.atomic():
            if self.repo.titipan(loan.id) - original.titipan < 0:
                raise ValidationError(
                    "Titipan dari transaksi ini sudah dipakai atau dikembalikan. Batalkan "
                    "transaksi itu dulu.",
                    field="transaction",
                )
            reversal_id = self._reverse_one(actor, original, reason.strip(), on)
            if original.kind == EventKind.PEMBAYARAN:
                for other in self.repo.for_loan(loan.id):
                    if (
                        other.kind == EventKind.POTONGAN_PELUNASAN
                        and not other.is_reversed
                        and other.event_date == original.event_date
                    ):
                        self._reverse_one(actor, other, reason.strip(), on)
            if loan.status in (LoanStatus.LUNAS, LoanStatus.LUNAS_KERINGANAN):
                self._reopen(actor, loan)
        return self.get(reversal_id)

    def _reverse_one(self, actor: User, original: Payment, reason: str, on: date) -> int:
        event_id = self.repo.insert(
            NewEvent(
                loan_id=original.loan_id,
                version=self._version_of(original),
                kind=EventKind.PEMBALIKAN,
                event_date=on,
                amount=-original.amount,
                method=original.method,
                pokok=-original.pokok,
                jasa=-original.jasa,
                denda=-original.denda,
                titipan=-original.titipan,
                reverses_id=original.id,
                reason=reason,
                note=f"Pembatalan {original.receipt_no or original.kind.label}",
                lines=tuple((ln.number, ln.component, -ln.amount) for ln in original.lines),
            ),
            actor.id,
        )
        self.audit.record(
            actor.id,
            "batalkan",
            "pinjaman",
            original.loan_id,
            {"event": original.id, "receipt": original.receipt_no},
            {"reversal": event_id, "date": on.isoformat()},
            note=reason,
        )
        return event_id

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
        """Waive part of the denda or jasa due by `on`, or of the pokok still owed: needs a
        reason and a Pengurus (APPROVE) as approver other than the one recording it (unless
        `by_decision`: carrying out a decision whose proposer and approver already
        differ); audited. Amounts fill the oldest
        instalments first. A waiver of pokok or jasa that settles the loan closes it as
        lunas_keringanan."""
        if not (can(actor, Action.RECORD_PAYMENT) or can(actor, Action.APPROVE)):
            raise PermissionDenied("Peran Anda tidak boleh mencatat keringanan.")
        if not can(approver, Action.APPROVE):
            raise PermissionDenied(
                f"{approver.full_name} tidak berwenang menyetujui keringanan; perlu Ketua/Pengurus."
            )
        if approver.id == actor.id and not by_decision:
            raise PermissionDenied(
                "Keringanan harus disetujui Ketua/Pengurus lain, bukan oleh yang mencatatnya."
            )
        if component not in ("denda", "jasa", "pokok"):
            raise ValidationError("Pilih denda, jasa atau pokok.", field="component")
        _check_amount(amount, allow_zero=False)
        if len(reason.strip()) < 5:
            raise ValidationError("Tulis alasan keringanan dengan jelas.", field="reason")
        loan = self._open_loan(loan_id, on)
        self._check_date(loan, on, today)
        with self.db.atomic():
            pos = self.quality.position(loan, on)
            items = pos.open_due() if component != "pokok" else pos.open_all()
            owed = sum(item.due(component) for item in items)
            if amount > owed:
                raise ValidationError(
                    f"Keringanan {component} paling banyak {format_rupiah(owed)} "
                    f"per {format_date_long(on)}.",
                    field="amount",
                )
            only = allocate_payment([_only(item, component) for item in items], amount)
            event_id = self.repo.insert(
                NewEvent(
                    loan_id=loan.id,
                    version=loan.schedule_version,
                    kind=EventKind.KERINGANAN,
                    event_date=on,
                    pokok=only.total("pokok"),
                    jasa=only.total("jasa"),
                    denda=only.total("denda"),
                    reason=reason.strip(),
                    approved_by=approver.id,
                    lines=_lines(only),
                    charges=pos.charges_due,
                ),
                actor.id,
            )
            self.audit.record(
                actor.id,
                "keringanan",
                "pinjaman",
                loan.id,
                None,
                {
                    "event": event_id,
                    "component": component,
                    "amount": amount,
                    "approved_by": approver.id,
                },
                note=reason.strip(),
            )
            after = self.quality.position(loan, on)
            if after.is_settled:
                self._close(actor, loan, on)
        return Waiver(
            id=event_id,
            loan_id=loan.id,
            event_date=on,
            component=component,
            amount=amount,
            reason=reason.strip(),
            approved_by=approver.id,
            approved_by_name=approver.full_name,
            created_by=actor.id,
        )

    def refund_titipan(
        self,
        actor: User,
        loan_id: int,
        amount: int,
        on: date,
        method: str,
        note: str = "",
        today: date | None = None,
    ) -> Payment:
        """Pay held titipan back to the member (RECORD_PAYMENT)."""
        require(actor, Action.RECORD_PAYMENT)
        _check_method(method)
        with self.db.atomic():
            event_id = self.titipan_out(
                actor,
                loan_id,
                amount,
                on,
                method,
                note.strip() or "Titipan dikembalikan kepada anggota",
                "kembalikan titipan",
                today,
            )
        return self.get(event_id)

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
        (a refund, or the member's simpanan sukarela: app.loans.titipan)."""
        require(actor, Action.RECORD_PAYMENT)
        _check_amount(amount, allow_zero=False)
        loan = self.loans.loan(loan_id)
        if loan is None:
            raise NotFound("Pinjaman tidak ditemukan.")
        self._check_date(loan, on, today)
        held = self.repo.titipan(loan_id, on)
        if amount > held:
            raise ValidationError(f"Titipan yang ada hanya {format_rupiah(held)}.", field="amount")
        event_id = self.repo.insert(
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
            actor.id,
        )
        self.audit.record(
            actor.id,
            action,
            "pinjaman",
            loan.id,
            None,
            {"event": event_id, "amount": amount, "date": on.isoformat(), "method": method},
        )
        return event_id

    # -- helpers ------------------------------------------------------------------------------
    def _open_loan(self, loan_id: int, on: date) -> Loan:
        loan = self.loans.loan(loan_id)
        if loan is None:
            raise NotFound("Pinjaman tidak ditemukan.")
        if loan.status != LoanStatus.AKTIF or loan.disbursed_on is None:
            raise ValidationError(
                f"Pinjaman {loan.display_number} berstatus {loan.status.label}: tidak bisa "
                "menerima pembayaran.",
                field="loan",
            )
        if on < loan.disbursed_on:
            raise ValidationError("Tanggal sebelum pencairan pinjaman.", field="on")
        return loan

    def _check_date(self, loan: Loan, on: date, today: date | None) -> None:
        if on > (today or date.today()):
            raise ValidationError("Tanggal tidak boleh setelah hari ini.", field="on")
        latest = self.repo.latest_event_date(loan.id)
        if latest is not None and on < latest:
            raise ValidationError(
                f"Sudah ada transaksi pinjaman ini pada {format_date_long(latest)}; transaksi "
                "baru tidak boleh bertanggal lebih awal.",
                field="on",
            )

    def _close(self, actor: User | None, loan: Loan, on: date) -> None:
        waived = self.db.scalar(
            "SELECT 1 FROM loan_events e WHERE e.loan_id = ? AND e.kind = 'keringanan'"
            " AND (e.pokok > 0 OR e.jasa > 0)"
            " AND NOT EXISTS (SELECT 1 FROM loan_events r WHERE r.reverses_id = e.id)",
            (loan.id,),
        )
        status = LoanStatus.LUNAS_KERINGANAN if waived else LoanStatus.LUNAS
        changes = {"status": status.value, "closed_on": on.isoformat()}
        self.loans.update_loan(loan.id, changes)
        self.audit.record(
            actor.id if actor else None,
            "lunas",
            "pinjaman",
            loan.id,
            {"status": loan.status.value, "closed_on": None},
            changes,
        )

    def _reopen(self, actor: User, loan: Loan) -> None:
        changes = {"status": LoanStatus.AKTIF.value, "closed_on": None}
        self.loans.update_loan(loan.id, changes)
        self.audit.record(
            actor.id,
            "buka kembali",
            "pinjaman",
            loan.id,
            {
                "status": loan.status.value,
                "closed_on": loan.closed_on.isoformat() if loan.closed_on else None,
            },
            changes,
        )

    def _version_of(self, event: Payment) -> int:
        return int(self.db.scalar("SELECT version FROM loan_events WHERE id = ?", (event.id,)))

    def _next_receipt(self, on: date) -> str:
        pattern = str(self.settings.get("loans.receipt_pattern"))
        code = self.settings.profile().code
        year = on.year if resets_yearly(pattern) else 0
        while True:
            seq = sequences.next_value(self.db, RECEIPT_SEQUENCE, year)
            receipt = format_pattern(pattern, seq, on, code, "KA")
            if not self.repo.receipt_exists(receipt):
                return receipt


def _only(item: OpenInstallment, component: str) -> OpenInstallment:
    """The instalment with every component but `component` left out."""
    return replace(
        item,
        pokok=item.pokok if component == "pokok" else 0,
        jasa=item.jasa if component == "jasa" else 0,
        denda=item.denda if component == "denda" else 0,
    )


def _check_amount(amount: int, *, allow_zero: bool) -> None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"rupiah amounts are int, got {type(amount).__name__}")
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ValidationError("Jumlah harus lebih dari Rp0.", field="amount")
    if amount > MAX_AMOUNT:
        raise ValidationError("Jumlah terlalu besar, periksa lagi.", field="amount")


def _check_method(method: str) -> None:
    if method not in {m.value for m in PaymentMethod}:
        raise ValidationError("Pilih cara bayar.", field="method")
