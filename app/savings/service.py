"""Deposits, withdrawals and reversals of savings; balances; unpaid simpanan wajib."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from app.errors import NotFound, PermissionDenied, ValidationError
from app.formats import months_between
from app.ledger.derive import savings_event
from app.ledger.posting import post_derived
from app.ledger.service import LedgerService
from app.members.models import Member, MemberStatus
from app.money import format_rupiah
from app.numbering import NumberRule
from app.savings.models import (
    PAYMENT_METHODS,
    SETOFF_METHOD,
    SYSTEM_METHODS,
    Balances,
    SavingsKind,
    SavingsTransaction,
    TxType,
)
from app.settings.service import SettingsService
from app.storage import sequences
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.members_repo import MembersRepository
from app.storage.savings_repo import SavingsRepository
from app.storage.units import write_unit
from app.text import check_date, clean_text
from app.users.models import User
from app.users.permissions import Action, can, require

RECEIPT_SEQUENCE = "savings_receipt"


@dataclass(frozen=True)
class WajibStatus:
    months_due: int
    months_paid: int
    monthly_amount: int

    @property
    def months_unpaid(self) -> int:
        return max(0, self.months_due - self.months_paid)


class SavingsService:
    def __init__(
        self,
        db: Engine,
        audit: AuditRepository,
        settings: SettingsService,
        ledger: LedgerService | None = None,
    ) -> None:
        """`ledger`: the books every transaction posts to, in its own transaction (the
        composition root hands the one built with the book settings; default policy else)."""
        self.db = db
        self.repo = SavingsRepository(db)
        self.members = MembersRepository(db)
        self.audit = audit
        self.settings = settings
        self.ledger = ledger or LedgerService(db, audit)

    # -- reading ------------------------------------------------------------------------------
    def balances(self, member_id: int, as_of: date | None = None) -> Balances:
        return self.repo.balances(member_id, as_of)

    def totals(self) -> Balances:
        """The cooperative's total savings per kind."""
        return self.repo.totals()

    def history(self, member_id: int, kind: SavingsKind | None = None) -> list[SavingsTransaction]:
        return self.repo.history(member_id, kind)

    def get(self, tx_id: int) -> SavingsTransaction:
        tx = self.repo.by_id(tx_id)
        if tx is None:
            raise NotFound("Transaksi simpanan tidak ditemukan.")
        return tx

    def wajib_status(self, member: Member, as_of: date) -> WajibStatus:
        """Months of simpanan wajib due since joining (to leaving) versus months paid."""
        monthly = int(self.settings.get("savings.wajib_monthly"))
        end = as_of
        if member.status != MemberStatus.AKTIF and member.status_date is not None:
            end = min(as_of, member.status_date)
        due = months_between(member.join_date, end)
        paid_amount = self.repo.balances(member.id, as_of).wajib
        paid = paid_amount // monthly if monthly > 0 else due
        return WajibStatus(months_due=due, months_paid=paid, monthly_amount=monthly)

    # -- writing ------------------------------------------------------------------------------
    @write_unit
    def deposit(
        self,
        actor: User,
        member_id: int,
        kind: SavingsKind,
        amount: int,
        tx_date: date,
        method: str = "tunai",
        note: str = "",
        today: date | None = None,
    ) -> SavingsTransaction:
        require(actor, Action.SAVINGS_TRANSACTION)
        member = self._member(member_id)
        self._check_common(member, amount, tx_date, method, today)
        if member.status != MemberStatus.AKTIF:
            raise ValidationError(
                f"{member.name} berstatus {member.status.label}: tidak bisa menerima setoran.",
                field="member",
            )
        return self._post(actor, member, kind, TxType.SETORAN, amount, tx_date, method, note)

    @write_unit
    def withdraw(
        self,
        actor: User,
        member_id: int,
        kind: SavingsKind,
        amount: int,
        tx_date: date,
        method: str = "tunai",
        note: str = "",
        authoriser: User | None = None,
        reason: str = "",
        today: date | None = None,
        *,
        by_decision: bool = False,
    ) -> SavingsTransaction:
        """Sukarela freely; pokok and wajib of an active member only with the authorisation
        of a Pengurus other than the one recording it (unless `by_decision`: carrying out a
        decision whose proposer and approver already differ) and a written reason."""
        require(actor, Action.SAVINGS_TRANSACTION)
        member = self._member(member_id)
        self._check_common(member, amount, tx_date, method, today)
        balance = self.repo.balances(member_id).of(kind)
        if amount > balance:
            raise ValidationError(
                f"Saldo {kind.label} hanya {format_rupiah(balance)}; penarikan tidak boleh "
                "melebihi saldo.",
                field="amount",
            )
        authorised_by: int | None = None
        if kind in (SavingsKind.POKOK, SavingsKind.WAJIB) and member.status == MemberStatus.AKTIF:
            if authoriser is None:
                raise PermissionDenied(
                    f"{kind.label} tidak bisa ditarik selama masih menjadi anggota aktif. "
                    "Penarikan ini hanya bisa dengan izin Ketua/Pengurus dan alasan tertulis."
                )
            if not can(authoriser, Action.AUTHORISE_WITHDRAWAL):
                raise PermissionDenied(
                    f"{authoriser.full_name} ({authoriser.role.label}) tidak berwenang memberi "
                    "izin penarikan ini; perlu Ketua/Pengurus."
                )
            if authoriser.id == actor.id and not by_decision:
                raise PermissionDenied(
                    "Penarikan ini harus diizinkan Ketua/Pengurus lain: yang mencatat tidak "
                    "boleh mengizinkan penarikannya sendiri."
                )
            if len(reason.strip()) < 5:
                raise ValidationError("Tulis alasan penarikan dengan jelas.", field="reason")
            authorised_by = authoriser.id
        return self._post(
            actor,
            member,
            kind,
            TxType.PENARIKAN,
            -amount,
            tx_date,
            method,
            note,
            reason=reason.strip(),
            authorised_by=authorised_by,
        )

    @write_unit
    def reverse(
        self,
        actor: User,
        tx_id: int,
        reason: str,
        today: date | None = None,
        *,
        by_setoff: bool = False,
    ) -> SavingsTransaction:
        """Cancel a posted transaction with a reversing entry that points at it. A withdrawal
        of a set-off against a loan (method 'kompensasi') is one half of it: it is only
        cancelled with its loan payment, by SetoffService.reverse (`by_setoff`)."""
        require(actor, Action.REVERSE_TRANSACTION)
        original = self.get(tx_id)
        if original.tx_type == TxType.PEMBALIKAN:
            raise ValidationError("Pembatalan tidak bisa dibatalkan lagi.", field="transaction")
        if original.is_reversed:
            raise ValidationError("Transaksi ini sudah dibatalkan.", field="transaction")
        if original.method == "jasa_simpanan":
            raise ValidationError(
                "Jasa simpanan dan PPh-nya sudah dibukukan dan dilaporkan; koreksinya dicatat "
                "sebagai setoran atau penarikan biasa dengan keterangan.",
                field="transaction",
            )
        if original.method == SETOFF_METHOD and not by_setoff:
            raise ValidationError(
                "Penarikan ini bagian dari kompensasi simpanan untuk pinjaman dan tidak bisa "
                "dibatalkan sendiri. Batalkan kompensasinya di Penagihan (keputusan kompensasi "
                "simpanan → Batalkan kompensasi): simpanan dan pembayaran pinjamannya "
                "dibatalkan bersama.",
                field="transaction",
            )
        reason = clean_text(reason, multiline=True)
        if len(reason.strip()) < 5:
            raise ValidationError("Tulis alasan pembatalan dengan jelas.", field="reason")
        balance = self.repo.balances(original.member_id).of(original.kind)
        if balance - original.amount < 0:
            raise ValidationError(
                "Pembatalan setoran ini akan membuat saldo minus karena sudah ada penarikan "
                "sesudahnya. Batalkan penarikan itu dulu.",
                field="transaction",
            )
        member = self._member(original.member_id)
        return self._post(
            actor,
            member,
            original.kind,
            TxType.PEMBALIKAN,
            -original.amount,
            today or date.today(),
            original.method,
            f"Pembatalan {original.receipt_no}",
            reverses_id=original.id,
            reason=reason.strip(),
        )

    # -- helpers ------------------------------------------------------------------------------
    def _member(self, member_id: int) -> Member:
        member = self.members.by_id(member_id)
        if member is None:
            raise NotFound("Anggota tidak ditemukan.")
        return member

    @staticmethod
    def _check_common(
        member: Member, amount: int, tx_date: date, method: str, today: date | None
    ) -> None:
        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
            raise ValidationError("Jumlah harus lebih dari Rp0.", field="amount")
        if amount > 10_000_000_000:
            raise ValidationError("Jumlah terlalu besar, periksa lagi.", field="amount")
        check_date(tx_date, "tx_date", "Tanggal transaksi")
        if tx_date > (today or date.today()):
            raise ValidationError(
                "Tanggal transaksi tidak boleh setelah hari ini.", field="tx_date"
            )
        if tx_date < member.join_date:
            raise ValidationError(
                "Tanggal transaksi sebelum tanggal masuk anggota.", field="tx_date"
            )
        if method == "jasa_simpanan":
            raise ValidationError("Jasa simpanan dicatat oleh proses akhir bulan.", field="method")
        if method not in PAYMENT_METHODS and method not in SYSTEM_METHODS:
            raise ValidationError("Pilih cara bayar.", field="method")

    def _post(
        self,
        actor: User,
        member: Member,
        kind: SavingsKind,
        tx_type: TxType,
        amount: int,
        tx_date: date,
        method: str,
        note: str,
        reverses_id: int | None = None,
        reason: str = "",
        authorised_by: int | None = None,
    ) -> SavingsTransaction:
        with self.db.atomic():
            receipt = self._next_receipt(tx_date)
            tx_id = self.repo.insert(
                member.id,
                kind,
                tx_type,
                amount,
                tx_date,
                receipt,
                method,
                clean_text(note, multiline=True).strip(),
                actor.id,
                reverses_id=reverses_id,
                reason=clean_text(reason, multiline=True).strip(),
                authorised_by=authorised_by,
            )
            self.audit.record(
                actor.id,
                tx_type.value,
                "savings",
                tx_id,
                None,
                {
                    "member": member.number,
                    "kind": kind.value,
                    "amount": amount,
                    "date": tx_date.isoformat(),
                    "receipt": receipt,
                    "reverses": reverses_id,
                    "reason": reason,
                    "authorised_by": authorised_by,
                },
            )
            tx = self.get(tx_id)
            original = self.get(reverses_id) if reverses_id is not None else None
            post_derived(self.ledger, savings_event(tx, original), actor)
        return tx

    def next_receipt(self, on: date) -> str:
        """A new savings receipt number, for a system credit recorded inside the caller's
        transaction (jasa simpanan)."""
        return self._next_receipt(on)

    def _next_receipt(self, on: date) -> str:
        pattern = str(self.settings.get("savings.receipt_pattern"))
        rule = NumberRule(pattern, RECEIPT_SEQUENCE, self.settings.profile().code, "KW")
        return rule.next(on, partial(sequences.next_value, self.db), self.repo.receipt_exists)
