"""Hapus buku (write-off) and hapus tagih (forgiveness), the off-books register (Daftar
Ekstrakomptabel) and recoveries after write-off (DOMAIN §7).

Hapus buku: the preconditions are checked from the data and shown as a checklist; a Manajer
(or Pengurus) proposes; the Pengawas writes a note; the Ketua and one other Pengurus, neither
the proposer, approve (DOMAIN §4a); each approval is refused while a precondition fails,
naming it. On
approval the loan becomes hapus_buku and enters the off-books register: the principal is
written off (Dr Penyisihan Penghapusan Pinjaman / Cr Piutang Pinjaman Anggota) and unpaid jasa
and denda are reversed, not income — each its own financial event. Collection and letters go
on; a recovery is its own event (Dr Kas / Cr Pendapatan lain-lain). Hapus tagih needs the
members' meeting (RA/RAT) decision number and date and closes the off-books record.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.collection.case_rules import require_handler, stamp
from app.collection.decision_models import (
    Decision,
    DecisionKind,
    FinancialEvent,
    WriteoffChecklist,
)
from app.collection.drafts import NewFinEvent
from app.collection.models import CaseStatus
from app.collection.writeoff_approval import refuse_without_ketua
from app.errors import PermissionDenied, ValidationError
from app.formats import format_date_long
from app.ledger.posting import ProblemLoanBooks
from app.loans.models import LoanStatus, PaymentMethod
from app.money import format_rupiah
from app.storage import sequences
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require, role_may

if TYPE_CHECKING:
    from app.collection.cases import CaseService
    from app.collection.decisions import DecisionService
    from app.collection.writeoff_checklist import WriteoffPreconditions
    from app.loans.service import LoanService
    from app.settings.service import SettingsService
    from app.storage.audit_repo import AuditRepository
    from app.storage.collection_decisions_repo import DecisionsRepository
    from app.storage.collection_repo import CollectionRepository
    from app.storage.engine import Engine
    from app.storage.loans_repo import LoansRepository
    from app.storage.users_repo import UsersRepository

RECOVERY_SEQUENCE = "collection_recovery"


class WriteoffService:
    def __init__(
        self,
        db: Engine,
        repo: DecisionsRepository,
        cases_repo: CollectionRepository,
        loans_repo: LoansRepository,
        users_repo: UsersRepository,
        audit: AuditRepository,
        settings: SettingsService,
        loans: LoanService,
        cases: CaseService,
        decisions: DecisionService,
        preconditions: WriteoffPreconditions,
        books: ProblemLoanBooks,
    ) -> None:
        self.db = db
        self.books = books  # stores a financial event and posts its journal
        self.repo = repo
        self.cases_repo = cases_repo
        self.loans_repo = loans_repo
        self.users_repo = users_repo
        self.audit = audit
        self.settings = settings
        self.loans = loans
        self.cases = cases
        self.decisions = decisions
        self.preconditions = preconditions

    def checklist(self, loan_id: int, as_of: date) -> WriteoffChecklist:
        """Each precondition of the settings (label, ok, detail); disabled ones are shown as
        not required."""
        return self.preconditions.checklist(loan_id, as_of)

    # -- hapus buku ---------------------------------------------------------------------------
    def propose(self, actor: User, case_id: int, reason: str, on: date, today: date) -> Decision:
        """A Manajer (or Pengurus) proposes; refused while a precondition fails."""
        if not role_may(actor.role, Action.PROPOSE_SOLUTION):
            raise PermissionDenied("Hapus buku diusulkan oleh Manajer (atau Pengurus).")
        require(actor, Action.PROPOSE)
        case = self.cases.get(case_id)
        if len(reason.strip()) < 10:
            raise ValidationError("Tulis alasan hapus buku dengan jelas.", field="reason")
        check = self.checklist(case.loan_id, on)
        self._refuse_failing(check)
        pos = self.loans.quality.position(self.loans.get(case.loan_id), on)
        jasa = sum(i.jasa for i in pos.open_due())
        payload = {
            "on": on.isoformat(),
            "reason": reason.strip(),
            "pokok": pos.outstanding,
            "jasa": jasa,
            "denda": pos.denda_owed,
            "checklist": [
                {
                    "key": i.key,
                    "label": i.label,
                    "ok": i.ok,
                    "detail": i.detail,
                    "required": i.required,
                }
                for i in check.items
            ],
            "amount": pos.outstanding,
        }
        summary = (
            f"Hapus buku pokok {format_rupiah(pos.outstanding)}; jasa "
            f"{format_rupiah(jasa)} dan denda {format_rupiah(pos.denda_owed)} tidak "
            f"diakui sebagai pendapatan. {reason.strip()}"
        )
        return self.decisions.propose(
            actor,
            case,
            DecisionKind.HAPUS_BUKU,
            summary,
            payload,
            on,
            today,
            required_approvals=2,
            needs_pengawas=True,
        )

    @staticmethod
    def _refuse_failing(check: WriteoffChecklist) -> None:
        if not check.ok:
            first = check.failing[0]
            others = len(check.failing) - 1
            raise ValidationError(
                f"Hapus buku belum bisa: {first.label} — {first.detail}"
                + (f" (dan {others} syarat lain belum terpenuhi)" if others else ""),
                field=first.key,
            )

    def check_approval(self, decision: Decision, approver: User, on: date) -> None:
        if decision.kind == DecisionKind.HAPUS_BUKU:
            refuse_without_ketua(decision, approver, self.users_repo)
            self._refuse_failing(self.checklist(decision.loan_id, on))

    def execute(self, decision: Decision, approver: User, on: date, today: date) -> None:
        if decision.kind == DecisionKind.HAPUS_TAGIH:
            self._execute_hapus_tagih(decision, approver, on)
            return
        loan = self.loans.get(decision.loan_id)
        pos = self.loans.quality.position(loan, on)
        pokok, denda = pos.outstanding, pos.denda_owed
        jasa = sum(i.jasa for i in pos.open_due())
        changes = {"status": LoanStatus.HAPUS_BUKU.value, "closed_on": on.isoformat()}
        self.loans_repo.update_loan(loan.id, changes)
        self.audit.record(
            approver.id,
            "hapus buku",
            "pinjaman",
            loan.id,
            {"status": loan.status.value},
            changes,
            note=decision.number,
        )
        self.repo.insert_offbook(loan.id, loan.member_id, decision.id, on, pokok, jasa, denda)
        note = f"Hapus buku {decision.number}"
        self.books.record(
            NewFinEvent(
                loan_id=loan.id,
                decision_id=decision.id,
                kind="hapus_buku",
                event_date=on,
                pokok=pokok,
                debit="Penyisihan Penghapusan Pinjaman",
                credit="Piutang Pinjaman Anggota",
                note=note,
            ),
            approver,
        )
        if jasa or denda:
            self.books.record(
                NewFinEvent(
                    loan_id=loan.id,
                    decision_id=decision.id,
                    kind="pembalikan_pendapatan",
                    event_date=on,
                    jasa=jasa,
                    denda=denda,
                    debit="Pendapatan jasa/denda yang belum diterima",
                    credit="Piutang jasa/denda",
                    note=f"{note}: tidak diakui sebagai pendapatan",
                ),
                approver,
            )
        self.decisions.mark_executed(decision, on, approver.id)
        if decision.case_id is not None:
            self.cases.advance(
                decision.case_id,
                CaseStatus.HAPUS_BUKU,
                approver.id,
                f"hapus buku {decision.number}",
                at=stamp(on, today),
            )

    # -- hapus tagih --------------------------------------------------------------------------
    def propose_hapus_tagih(
        self,
        actor: User,
        case_id: int,
        rat_number: str,
        rat_date: date,
        reason: str,
        on: date,
        today: date,
    ) -> Decision:
        """Record the members' meeting decision to forgive a written-off loan (a Pengurus
        other than the proposer approves the entry)."""
        require_handler(actor)
        case = self.cases.get(case_id)
        entry = self.repo.offbook(case.loan_id, on)
        if entry is None or entry.status != "aktif":
            raise ValidationError(
                "Hapus tagih hanya untuk pinjaman di Daftar Ekstrakomptabel.", field="loan"
            )
        if not rat_number.strip():
            raise ValidationError(
                "Tulis nomor keputusan Rapat Anggota (RA/RAT).", field="rat_number"
            )
        if rat_date > on or rat_date < entry.written_off_on:
            raise ValidationError(
                "Tanggal keputusan RA/RAT antara tanggal hapus buku dan tanggal usulan.",
                field="rat_date",
            )
        if len(reason.strip()) < 5:
            raise ValidationError("Tulis alasan hapus tagih.", field="reason")
        payload = {
            "on": on.isoformat(),
            "rat_number": rat_number.strip(),
            "rat_date": rat_date.isoformat(),
            "reason": reason.strip(),
            "remaining": entry.remaining,
            "amount": entry.remaining,
        }
        summary = (
            f"Hapus tagih sisa tagihan {format_rupiah(entry.remaining)} berdasarkan "
            f"keputusan RAT no. {rat_number.strip()} tgl {format_date_long(rat_date)}"
        )
        return self.decisions.propose(
            actor,
            case,
            DecisionKind.HAPUS_TAGIH,
            summary,
            payload,
            on,
            today,
            meeting_ref=rat_number.strip(),
            meeting_date=rat_date,
        )

    def _execute_hapus_tagih(self, decision: Decision, approver: User, on: date) -> None:
        loan = self.loans.get(decision.loan_id)
        entry = self.repo.offbook(loan.id, on)
        assert entry is not None
        rat_date = date.fromisoformat(decision.payload["rat_date"])
        self.repo.close_offbook(loan.id, on, decision.id, decision.payload["rat_number"], rat_date)
        self.books.record(
            NewFinEvent(
                loan_id=loan.id,
                decision_id=decision.id,
                kind="hapus_tagih",
                event_date=on,
                amount=0,
                pokok=entry.remaining,
                note=f"Hapus tagih {decision.number}, RAT no. {decision.payload['rat_number']}"
                f" ({format_rupiah(entry.remaining)} tidak ditagih lagi)",
            ),
            approver,
        )
        changes = {"status": LoanStatus.HAPUS_TAGIH.value}
        self.loans_repo.update_loan(loan.id, changes)
        self.audit.record(
            approver.id,
            "hapus tagih",
            "pinjaman",
            loan.id,
            {"status": loan.status.value},
            changes,
            note=decision.number,
        )
        self.decisions.mark_executed(decision, on, approver.id)
        if decision.case_id is not None:
            case = self.cases.get(decision.case_id)
            if case.status.is_open:
                self.cases.close_automatically(
                    case, on, f"Hapus tagih {decision.number}", approver.id
                )

    # -- recoveries and the register ----------------------------------------------------------
    @write_unit
    def record_recovery(
        self,
        actor: User,
        loan_id: int,
        amount: int,
        on: date,
        method: str,
        note: str,
        today: date,
    ) -> FinancialEvent:
        """Money received on a written-off loan (RECORD_PAYMENT): its own event, a receipt
        number, income of the period (not a loan payment)."""
        require(actor, Action.RECORD_PAYMENT)
        entry = self.repo.offbook(loan_id, on)
        if entry is None or entry.status != "aktif":
            raise ValidationError("Pinjaman ini tidak ada di Daftar Ekstrakomptabel.", field="loan")
        if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
            raise ValidationError("Jumlah harus lebih dari Rp0.", field="amount")
        if amount > entry.remaining:
            raise ValidationError(
                f"Sisa tagihan hanya {format_rupiah(entry.remaining)}.", field="amount"
            )
        if on > today or on < entry.written_off_on:
            raise ValidationError("Tanggal antara tanggal hapus buku dan hari ini.", field="on")
        if method not in {m.value for m in PaymentMethod if m.offered}:
            raise ValidationError("Pilih cara bayar.", field="method")
        with self.db.atomic():
            receipt = self._next_receipt(on)
            event_id = self.books.record(
                NewFinEvent(
                    loan_id=loan_id,
                    kind="pemulihan",
                    event_date=on,
                    amount=amount,
                    receipt_no=receipt,
                    method=method,
                    debit="Kas",
                    credit="Pendapatan lain-lain (pemulihan pinjaman dihapus buku)",
                    note=note.strip(),
                ),
                actor,
            )
            self.audit.record(
                actor.id,
                "pemulihan",
                "pinjaman",
                loan_id,
                None,
                {"event": event_id, "receipt": receipt, "amount": amount, "date": on.isoformat()},
            )
            case = self.cases_repo.open_case_of_loan(loan_id)
            if case is not None:
                self.cases_repo.add_event(
                    case.id,
                    "pemulihan",
                    f"Pemulihan {format_rupiah(amount)} ({receipt})",
                    actor.id,
                    at=stamp(on, today),
                )
                if amount == entry.remaining:
                    self.cases.close_automatically(
                        case, on, "Tagihan ekstrakomptabel lunas", actor.id
                    )
        return next(e for e in self.repo.fin_events(loan_id) if e.id == event_id)

    def _next_receipt(self, on: date) -> str:
        pattern = str(self.settings.get("collection.recovery_pattern"))
        codes = (self.settings.profile().code, "PH")
        taken = self.repo.receipt_exists
        return sequences.next_number(self.db, RECOVERY_SEQUENCE, pattern, on, codes, taken)
