"""The hapus buku checklist (DOMAIN §7): each precondition of the settings checked from the
data (macet long enough, PPAP, the SP chain, a visit or Berita Acara, collateral, savings
set off). A read: nothing is written."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.collection.decision_models import ChecklistItem, WriteoffChecklist
from app.collection.letter_order import SP_KINDS, chain_note, kept_chain
from app.collection.models import Channel, CollateralStatus, LetterKind
from app.formats import add_months, format_date_long, format_date_short, in_sentence
from app.loans.allowance import Collateral as AllowanceCollateral
from app.loans.allowance import required_allowance
from app.loans.models import LoanStatus
from app.loans.quality import class_label
from app.money import format_rupiah

if TYPE_CHECKING:
    from app.collection.letter_order import LetterOrderService
    from app.collection.setoff import SetoffService
    from app.loans.service import LoanService
    from app.savings.service import SavingsService
    from app.settings.service import SettingsService
    from app.storage.collection_repo import CollectionRepository


class WriteoffPreconditions:
    def __init__(
        self,
        repo: CollectionRepository,
        settings: SettingsService,
        loans: LoanService,
        savings: SavingsService,
        letter_order: LetterOrderService,
        setoff: SetoffService,
    ) -> None:
        self.repo = repo
        self.settings = settings
        self.loans = loans
        self.savings = savings
        self.letter_order = letter_order
        self.setoff = setoff

    def checklist(self, loan_id: int, as_of: date) -> WriteoffChecklist:
        """Each precondition of the settings (label, ok, detail); disabled ones are shown as
        not required."""
        s = self.settings
        loan = self.loans.get(loan_id)
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
        arrears = self.loans.quality.arrears(loan_id, as_of)
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
        dates = self.repo.sp_dates(loan_id=loan_id, sent_only=True)
        rules = self.letter_order.rules()
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
        then = self.loans.quality.arrears(loan_id, start)
        history = [
            h
            for h in self.loans.quality.class_history(loan_id)
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
        policy = self.loans.portfolio.allowance_policy()
        # Collateral that cannot be realised any more (not executable, sold, returned) is
        # never deducted (§4a): the required allowance of a Macet loan is then 100 %.
        case = self.repo.open_case_of_loan(loan_id)
        realisable = case is None or not case.collateral_status.dealt_with
        items = [
            AllowanceCollateral(c.allowance_kind, c.allowance_value)
            for c in self.loans.collateral(loan_id)
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
            for case in self.repo.cases_of_loan(loan_id)
            for c in self.repo.contacts(case.id)
            if c.channel.is_visit and not c.is_superseded
        ]
        minutes = [
            letter
            for letter in self.repo.letters_of_loan(loan_id)
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
        held = [c for c in self.loans.collateral(loan_id) if c.released_on is None]
        case = self.repo.open_case_of_loan(loan_id)
        status = case.collateral_status if case else CollateralStatus.BELUM_DINILAI
        ok = not held or status.dealt_with
        detail = (
            "Tidak ada agunan yang masih dipegang."
            if not held
            else f"Status agunan: {status.label}."
        )
        return ChecklistItem("collateral", "Agunan sudah diselesaikan", ok, detail, required)

    def _savings(self, loan_id: int, member_id: int, as_of: date, required: bool) -> ChecklistItem:
        balances = self.savings.balances(member_id, as_of)
        done = self.setoff.executed_for(loan_id)
        ok = balances.total == 0 or bool(done)
        if done:
            detail = f"Kompensasi simpanan {done[-1].number} sudah dilaksanakan."
        else:
            detail = f"Saldo simpanan anggota {format_rupiah(balances.total)}."
        return ChecklistItem("savings", "Simpanan sudah dikompensasikan", ok, detail, required)
