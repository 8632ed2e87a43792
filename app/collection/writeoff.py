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

from app.collection.cases import require_handler, stamp
from app.collection.decision_models import (
    ChecklistItem,
    Decision,
    DecisionKind,
    FinancialEvent,
    OffbookEntry,
    WriteoffChecklist,
)
from app.collection.letter_order import SP_KINDS, chain_note, kept_chain
from app.collection.models import CaseStatus, Channel, CollateralStatus, LetterKind
from app.collection.writeoff_approval import refuse_without_ketua
from app.errors import NotFound, PermissionDenied, ValidationError
from app.formats import add_months, format_date_long, format_date_short, in_sentence
from app.loans.allowance import Collateral as AllowanceCollateral
from app.loans.allowance import required_allowance
from app.loans.models import LoanStatus, PaymentMethod
from app.loans.quality import class_label
from app.money import format_rupiah
from app.numbering import format_pattern, resets_yearly
from app.storage import sequences
from app.users.models import User
from app.users.permissions import Action, require, role_may

if TYPE_CHECKING:
    from app.collection.service import CollectionService

RECOVERY_SEQUENCE = "collection_recovery"


class WriteoffService:
    def __init__(self, parent: CollectionService) -> None:
        self.p = parent
        self.db = parent.db
        self.repo = parent.decisions_repo

    # -- the checklist ------------------------------------------------------------------------
    def checklist(self, loan_id: int, as_of: date) -> WriteoffChecklist:
        """Each precondition of the settings (label, ok, detail); disabled ones are shown as
        not required."""
        s = self.p.settings
        loan = self.p.loans.get(loan_id)
        items = []
        if loan.status != LoanStatus.AKTIF:
            items.append(
                ChecklistItem(
                    "status",
                    "Pinjaman masih aktif di neraca",
                    False,
                    f"Status pinjaman {loan.status.label}.",
                )
            )
            return WriteoffChecklist(loan_id, as_of, tuple(items))
        arrears = self.p.loans.quality.arrears(loan_id, as_of)
        months = int(s.get("collection.writeoff_macet_months"))
        items.append(self._macet(loan_id, as_of, arrears.quality, months))
        items.append(
            self._allowance(
                loan_id,
                arrears.quality,
                arrears.outstanding,
                bool(s.get("collection.writeoff_need_allowance")),
            )
        )
        # Only letters that kept the order and spacing count (DOMAIN §4a).
        dates = self.p.repo.sp_dates(loan_id=loan_id, sent_only=True)
        rules = self.p.letter_order.rules()
        sent = kept_chain(dates, rules)
        missing = [k for k in SP_KINDS if k not in sent]
        done = ", ".join(f"{k} {format_date_short(sent[k])}" for k in SP_KINDS if k in sent)
        skipped = chain_note(dates, rules)
        items.append(
            ChecklistItem(
                "letters",
                "SP1, SP2 dan SP3 sudah dikirim menurut urutan dan jaraknya",
                not missing,
                (f"Terkirim: {done}. " if done else "")
                + (f"Belum dikirim: {', '.join(missing)}." if missing else "")
                + (f" {skipped}." if skipped else ""),
                bool(s.get("collection.writeoff_need_letters")),
            )
        )
        items.append(self._visit(loan_id, bool(s.get("collection.writeoff_need_visit"))))
        items.append(self._collateral(loan_id, bool(s.get("collection.writeoff_need_collateral"))))
        items.append(
            self._savings(
                loan_id, loan.member_id, as_of, bool(s.get("collection.writeoff_need_setoff"))
            )
        )
        return WriteoffChecklist(loan_id, as_of, tuple(items))

    def _macet(self, loan_id: int, as_of: date, quality: str, months: int) -> ChecklistItem:
        label = f"Macet sekurang-kurangnya {months} bulan"
        if quality != "M":
            return ChecklistItem(
                "macet",
                label,
                False,
                f"Kolektibilitas sekarang {class_label(quality)}.",
                months > 0,
            )
        if months <= 0:
            return ChecklistItem("macet", "Kolektibilitas Macet", True, "Macet.", False)
        start = add_months(as_of, -months)
        then = self.p.loans.quality.arrears(loan_id, start)
        history = [
            h
            for h in self.p.loans.quality.class_history(loan_id)
            if start <= h.as_of <= as_of and h.quality != "M"
        ]
        ok = then.quality == "M" and not history
        if ok:
            detail = f"Macet sejak sebelum {format_date_long(start)}."
        elif history:
            detail = (
                f"Akhir bulan {format_date_short(history[-1].as_of)} masih "
                f"{class_label(history[-1].quality)}."
            )
        else:
            detail = f"Per {format_date_long(start)} masih {class_label(then.quality)}."
        return ChecklistItem("macet", label, ok, detail)

    def _allowance(
        self, loan_id: int, quality: str, outstanding: int, required: bool
    ) -> ChecklistItem:
        policy = self.p.loans.portfolio.allowance_policy()
        # Collateral that cannot be realised any more (not executable, sold, returned) is
        # never deducted (§4a): the required allowance of a Macet loan is then 100 %.
        case = self.p.repo.open_case_of_loan(loan_id)
        realisable = case is None or not case.collateral_status.dealt_with
        items = [
            AllowanceCollateral(c.allowance_kind, c.allowance_value)
            for c in self.p.loans.collateral(loan_id)
            if c.released_on is None and realisable
        ]
        need = required_allowance(policy, quality, outstanding, items)
        ok = need >= outstanding
        percent = need * 100 // outstanding if outstanding else 100
        return ChecklistItem(
            "allowance",
            "PPAP sudah 100 %",
            ok,
            # The policy's name has its own parentheses: never nest them.
            f"PPAP wajib {format_rupiah(need)} dari sisa pokok {format_rupiah(outstanding)}, "
            f"{percent} % menurut {policy.name}.",
            required,
        )

    def _visit(self, loan_id: int, required: bool) -> ChecklistItem:
        visits = [
            c
            for case in self.p.repo.cases_of_loan(loan_id)
            for c in self.p.repo.contacts(case.id)
            if c.channel.is_visit and not c.is_superseded
        ]
        minutes = [
            letter
            for letter in self.p.repo.letters_of_loan(loan_id)
            if letter.kind == LetterKind.BERITA_ACARA
        ]
        parts = []
        if visits:
            parts.append(f"Kunjungan terakhir {format_date_short(visits[-1].contact_at.date())}")
        if minutes:
            parts.append(
                f"Berita Acara {minutes[-1].number or ''} "
                f"{format_date_short(minutes[-1].letter_date)}".strip()
            )
        return ChecklistItem(
            "visit",
            "Ada laporan kunjungan atau Berita Acara",
            bool(visits or minutes),
            ("; ".join(parts) + ".")
            if parts
            else f"Belum ada {in_sentence(Channel.KUNJUNGAN_RUMAH.label)}/usaha atau Berita Acara.",
            required,
        )

    def _collateral(self, loan_id: int, required: bool) -> ChecklistItem:
        held = [c for c in self.p.loans.collateral(loan_id) if c.released_on is None]
        case = self.p.repo.open_case_of_loan(loan_id)
        status = case.collateral_status if case else CollateralStatus.BELUM_DINILAI
        ok = not held or status.dealt_with
        detail = (
            "Tidak ada agunan yang masih dipegang."
            if not held
            else f"Status agunan: {status.label}."
        )
        return ChecklistItem("collateral", "Agunan sudah diselesaikan", ok, detail, required)

    def _savings(self, loan_id: int, member_id: int, as_of: date, required: bool) -> ChecklistItem:
        balances = self.p.savings.balances(member_id, as_of)
        done = self.p.setoff.executed_for(loan_id)
        ok = balances.total == 0 or bool(done)
        if done:
            detail = f"Kompensasi simpanan {done[-1].number} sudah dilaksanakan."
        else:
            detail = f"Saldo simpanan anggota {format_rupiah(balances.total)}."
        return ChecklistItem("savings", "Simpanan sudah dikompensasikan", ok, detail, required)

    # -- hapus buku ---------------------------------------------------------------------------
    def propose(self, actor: User, case_id: int, reason: str, on: date, today: date) -> Decision:
        """A Manajer (or Pengurus) proposes; refused while a precondition fails."""
        if not role_may(actor.role, Action.PROPOSE_SOLUTION):
            raise PermissionDenied("Hapus buku diusulkan oleh Manajer (atau Pengurus).")
        require(actor, Action.PROPOSE)
        case = self.p.cases.get(case_id)
        if len(reason.strip()) < 10:
            raise ValidationError("Tulis alasan hapus buku dengan jelas.", field="reason")
        check = self.checklist(case.loan_id, on)
        self._refuse_failing(check)
        pos = self.p.loans.quality.position(self.p.loans.get(case.loan_id), on)
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
        return self.p.decisions.propose(
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
            refuse_without_ketua(decision, approver, self.p.users_repo)
            self._refuse_failing(self.checklist(decision.loan_id, on))

    def execute(self, decision: Decision, approver: User, on: date, today: date) -> None:
        if decision.kind == DecisionKind.HAPUS_TAGIH:
            self._execute_hapus_tagih(decision, approver, on)
            return
        loan = self.p.loans.get(decision.loan_id)
        pos = self.p.loans.quality.position(loan, on)
        pokok, denda = pos.outstanding, pos.denda_owed
        jasa = sum(i.jasa for i in pos.open_due())
        changes = {"status": LoanStatus.HAPUS_BUKU.value, "closed_on": on.isoformat()}
        self.p.loans_repo.update_loan(loan.id, changes)
        self.p.audit.record(
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
        self.repo.insert_fin_event(
            {
                "loan_id": loan.id,
                "decision_id": decision.id,
                "kind": "hapus_buku",
                "event_date": on,
                "pokok": pokok,
                "debit": "Penyisihan Penghapusan Pinjaman",
                "credit": "Piutang Pinjaman Anggota",
                "note": note,
            },
            approver.id,
        )
        if jasa or denda:
            self.repo.insert_fin_event(
                {
                    "loan_id": loan.id,
                    "decision_id": decision.id,
                    "kind": "pembalikan_pendapatan",
                    "event_date": on,
                    "jasa": jasa,
                    "denda": denda,
                    "debit": "Pendapatan jasa/denda yang belum diterima",
                    "credit": "Piutang jasa/denda",
                    "note": f"{note}: tidak diakui sebagai pendapatan",
                },
                approver.id,
            )
        self.p.decisions.mark_executed(decision, on, approver.id)
        if decision.case_id is not None:
            self.p.cases.advance(
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
        case = self.p.cases.get(case_id)
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
        return self.p.decisions.propose(
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
        loan = self.p.loans.get(decision.loan_id)
        entry = self.repo.offbook(loan.id, on)
        assert entry is not None
        rat_date = date.fromisoformat(decision.payload["rat_date"])
        self.repo.close_offbook(loan.id, on, decision.id, decision.payload["rat_number"], rat_date)
        self.repo.insert_fin_event(
            {
                "loan_id": loan.id,
                "decision_id": decision.id,
                "kind": "hapus_tagih",
                "event_date": on,
                "amount": 0,
                "pokok": entry.remaining,
                "note": f"Hapus tagih {decision.number}, RAT no. {decision.payload['rat_number']}"
                f" ({format_rupiah(entry.remaining)} tidak ditagih lagi)",
            },
            approver.id,
        )
        changes = {"status": LoanStatus.HAPUS_TAGIH.value}
        self.p.loans_repo.update_loan(loan.id, changes)
        self.p.audit.record(
            approver.id,
            "hapus tagih",
            "pinjaman",
            loan.id,
            {"status": loan.status.value},
            changes,
            note=decision.number,
        )
        self.p.decisions.mark_executed(decision, on, approver.id)
        if decision.case_id is not None:
            case = self.p.cases.get(decision.case_id)
            if case.status.is_open:
                self.p.cases._close(case, on, f"Hapus tagih {decision.number}", approver.id)

    # -- recoveries and the register ----------------------------------------------------------
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
        if method not in {m.value for m in PaymentMethod}:
            raise ValidationError("Pilih cara bayar.", field="method")
        with self.db.atomic():
            receipt = self._next_receipt(on)
            event_id = self.repo.insert_fin_event(
                {
                    "loan_id": loan_id,
                    "kind": "pemulihan",
                    "event_date": on,
                    "amount": amount,
                    "receipt_no": receipt,
                    "method": method,
                    "debit": "Kas",
                    "credit": "Pendapatan lain-lain (pemulihan pinjaman dihapus buku)",
                    "note": note.strip(),
                },
                actor.id,
            )
            self.p.audit.record(
                actor.id,
                "pemulihan",
                "pinjaman",
                loan_id,
                None,
                {"event": event_id, "receipt": receipt, "amount": amount, "date": on.isoformat()},
            )
            case = self.p.repo.open_case_of_loan(loan_id)
            if case is not None:
                self.p.repo.add_event(
                    case.id,
                    "pemulihan",
                    f"Pemulihan {format_rupiah(amount)} ({receipt})",
                    actor.id,
                    at=stamp(on, today),
                )
                if amount == entry.remaining:
                    self.p.cases._close(case, on, "Tagihan ekstrakomptabel lunas", actor.id)
        return next(e for e in self.repo.fin_events(loan_id) if e.id == event_id)

    def _next_receipt(self, on: date) -> str:
        pattern = str(self.p.settings.get("collection.recovery_pattern"))
        code = self.p.settings.profile().code
        year = on.year if resets_yearly(pattern) else 0
        while True:
            seq = sequences.next_value(self.db, RECOVERY_SEQUENCE, year)
            receipt = format_pattern(pattern, seq, on, code, "PH")
            if not self.repo.receipt_exists(receipt):
                return receipt

    def register(self, as_of: date, include_closed: bool = True) -> list[OffbookEntry]:
        """The Daftar Ekstrakomptabel at `as_of`."""
        return self.repo.offbook_entries(as_of, include_closed)

    def entry(self, loan_id: int, as_of: date | None = None) -> OffbookEntry:
        entry = self.repo.offbook(loan_id, as_of)
        if entry is None:
            raise NotFound("Pinjaman ini tidak ada di Daftar Ekstrakomptabel.")
        return entry

    def recoveries(self, loan_id: int) -> list[FinancialEvent]:
        return [e for e in self.repo.fin_events(loan_id) if e.kind == "pemulihan"]
