"""Cancelling a loan event: a reversing event with a reason, never an edit or a delete."""

from __future__ import annotations

from datetime import date

from app.errors import ValidationError
from app.loans.ledger import LoanLedger
from app.loans.models import EventKind, Loan, LoanStatus, Payment, PaymentMethod
from app.loans.titipan_out import TO_SUKARELA
from app.storage.loans_events_repo import NewEvent
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

REVERSIBLE = (
    EventKind.PEMBAYARAN,
    EventKind.KERINGANAN,
    EventKind.POTONGAN_PELUNASAN,
    EventKind.TITIPAN_DITERAPKAN,
    EventKind.TITIPAN_DIKEMBALIKAN,
)


class ReversalService:
    def __init__(self, ledger: LoanLedger) -> None:
        self.ledger = ledger

    @write_unit
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
        """Cancel a payment (or a waiver, …) by a reversing event with a reason
        (REVERSE_TRANSACTION). Reversing a payoff also reverses its jasa discount. A closed
        loan that owes again becomes aktif (audited). A payment by set-off against savings is
        one half of it: only cancelled with its savings withdrawals (SetoffService.reverse,
        `by_setoff`)."""
        require(actor, Action.REVERSE_TRANSACTION)
        original = self.ledger.get(event_id)
        if original.kind not in REVERSIBLE:
            raise ValidationError(
                f"{original.kind.label} tidak bisa dibatalkan.", field="transaction"
            )
        if original.method == PaymentMethod.KOMPENSASI_SIMPANAN.value and not by_setoff:
            raise ValidationError(
                "Pembayaran ini kompensasi dari simpanan anggota dan tidak bisa dibatalkan "
                "sendiri. Batalkan kompensasinya di Penagihan (keputusan kompensasi simpanan → "
                "Batalkan kompensasi): pembayaran dan penarikan simpanannya dibatalkan bersama.",
                field="transaction",
            )
        if original.method == PaymentMethod.PINJAMAN_BARU.value:
            raise ValidationError(
                "Pelunasan ini dibayar dari pencairan pinjaman baru dan tidak bisa dibatalkan "
                "sendiri: uangnya sudah menjadi bagian pinjaman baru. Bila pelunasan ini salah, "
                "catat koreksinya lewat Jurnal Umum dengan keterangan.",
                field="transaction",
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
        loan = self.ledger.loan(original.loan_id)
        self.ledger.check_date(loan, on, today)
        events = self.ledger.events
        with self.ledger.db.atomic():
            if events.titipan(loan.id) - original.titipan < 0:
                raise ValidationError(
                    "Titipan dari transaksi ini sudah dipakai atau dikembalikan. Batalkan "
                    "transaksi itu dulu.",
                    field="transaction",
                )
            reversal_id = self._reverse_one(actor, loan, original, reason.strip(), on)
            if original.kind == EventKind.PEMBAYARAN:
                for other in events.for_loan(loan.id):
                    if (
                        other.kind == EventKind.POTONGAN_PELUNASAN
                        and not other.is_reversed
                        and other.event_date == original.event_date
                    ):
                        self._reverse_one(actor, loan, other, reason.strip(), on)
            if loan.status in (LoanStatus.LUNAS, LoanStatus.LUNAS_KERINGANAN):
                self.ledger.reopen(actor, loan)
        return self.ledger.get(reversal_id)

    def _reverse_one(
        self, actor: User, loan: Loan, original: Payment, reason: str, on: date
    ) -> int:
        event_id = self.ledger.record(
            loan,
            NewEvent(
                loan_id=original.loan_id,
                version=self.ledger.events.version_of(original.id),
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
            actor,
        )
        self.ledger.audit.record(
            actor.id,
            "batalkan",
            "pinjaman",
            original.loan_id,
            {"event": original.id, "receipt": original.receipt_no},
            {"reversal": event_id, "date": on.isoformat()},
            note=reason,
        )
        return event_id
