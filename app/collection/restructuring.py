"""Restructuring (penjadwalan / persyaratan / penataan kembali): the position per component,
the board's choice for each (waive, capitalise, add to the first instalment, keep), the new
schedule beside the old, and — only after approval — a new schedule version of the same loan.

The original loan's rows are never edited: waived amounts become keringanan events on the old
schedule version, the new version is stored beside the old one (linked by the decision id),
the loan's current version moves on, and capitalised jasa/denda get their own financial event.
Denda or jasa carried into an instalment ('angsuran pertama' / 'tetap') is collected in that
instalment's jasa column (a schedule has pokok and jasa only); the decision keeps the split.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from app.collection.case_rules import require_handler, stamp
from app.collection.decision_models import (
    ArrearsPosition,
    Decision,
    DecisionKind,
    DecisionStatus,
    RestructuringKind,
    RestructuringPlan,
    RestructuringTerms,
    Treatment,
)
from app.collection.drafts import NewFinEvent
from app.collection.models import CaseStatus
from app.collection.restructuring_terms import (
    EVERGREEN_DAYS,
    restructured_schedule,
    terms_from_payload,
    terms_payload,
)
from app.errors import ValidationError
from app.formats import format_date_long, format_date_short
from app.ledger.posting import ProblemLoanBooks
from app.loans.models import LoanStatus
from app.loans.schedule import (
    METHODS,
    Installment,
    VersionTerms,
)
from app.money import format_rate, format_rupiah
from app.storage.loans_repo import LoansRepository
from app.users.models import User

if TYPE_CHECKING:
    from app.collection.cases import CaseService
    from app.collection.decisions import DecisionService
    from app.collection.promises import PromiseService
    from app.loans.service import LoanService
    from app.storage.audit_repo import AuditRepository
    from app.storage.collection_decisions_repo import DecisionsRepository
    from app.storage.collection_repo import CollectionRepository
    from app.storage.engine import Engine
    from app.storage.loans_events_repo import LoanEventsRepository
    from app.storage.loans_repo import LoansRepository


class RestructuringService:
    def __init__(
        self,
        db: Engine,
        repo: CollectionRepository,
        decisions_repo: DecisionsRepository,
        loans_repo: LoansRepository,
        loans_events: LoanEventsRepository,
        audit: AuditRepository,
        loans: LoanService,
        cases: CaseService,
        promises: PromiseService,
        decisions: DecisionService,
        books: ProblemLoanBooks,
    ) -> None:
        self.db = db
        self.books = books  # stores a financial event and posts its journal
        self.repo = repo
        self.decisions_repo = decisions_repo
        self.loans_repo = loans_repo
        self.loans_events = loans_events
        self.audit = audit
        self.loans = loans
        self.cases = cases
        self.promises = promises
        self.decisions = decisions

    # -- figures ------------------------------------------------------------------------------
    def position(self, loan_id: int, on: date) -> ArrearsPosition:
        """Pokok, jasa and denda due by `on` (the instalment due that day included) and the
        principal still owed."""
        loan = self.loans.get(loan_id)
        if loan.status != LoanStatus.AKTIF:
            raise ValidationError(
                f"Pinjaman {loan.display_number} berstatus {loan.status.label}.", field="loan"
            )
        pos = self.loans.quality.position(loan, on)
        due = pos.open_due()
        arrears = self.loans.quality.arrears_of(loan, pos)
        return ArrearsPosition(
            loan_id=loan_id,
            as_of=on,
            outstanding=pos.outstanding,
            arrears_pokok=sum(i.pokok for i in due),
            arrears_jasa=sum(i.jasa for i in due),
            arrears_denda=pos.denda_owed,
            quality=arrears.quality,
            days_past_due=pos.days_past_due,
            titipan=self.loans.payments.titipan(loan_id, on),
        )

    def counter(self, loan_id: int) -> int:
        """How many restructurings this loan has had (approved)."""
        return sum(
            1
            for d in self.decisions.for_loan(loan_id, DecisionKind.RESTRUKTURISASI)
            if d.status in (DecisionStatus.DISETUJUI, DecisionStatus.DILAKSANAKAN)
        )

    def current_terms(self, loan_id: int) -> VersionTerms:
        """The terms in force: those of the loan's latest schedule version (after an earlier
        restructuring, not the original agreement's)."""
        loan = self.loans.get(loan_id)
        terms = self.loans_repo.schedule_terms(loan.id, loan.schedule_version)
        assert terms is not None, "a disbursed loan has a schedule"
        return terms

    def plan(self, loan_id: int, terms: RestructuringTerms) -> RestructuringPlan:
        """The proposal's figures and warnings (nothing is written). A Penjadwalan Kembali
        keeps the jasa in force (the current terms, see current_terms)."""
        self._check_terms(terms, self.current_terms(loan_id).monthly_rate)
        position = self.position(loan_id, terms.effective_date)
        new = restructured_schedule(position, terms)
        buckets, principal = new.buckets, new.new_principal
        old = [
            line
            for line in self.loans.schedule(loan_id, terms.effective_date)
            if line.remaining > 0
        ]
        old_lines = tuple(
            Installment(
                line.number,
                line.due_date,
                line.pokok - line.paid_pokok,
                line.jasa - line.paid_jasa,
                line.pokok - line.paid_pokok + line.jasa - line.paid_jasa,
                line.balance,
            )
            for line in old
        )
        future_old = [line for line in old if line.due_date > terms.effective_date]
        old_monthly = (future_old[0].total if future_old else old[-1].total) if old else 0
        new_monthly = new.regular
        counter = self.counter(loan_id) + 1
        return RestructuringPlan(
            loan_id=loan_id,
            terms=terms,
            position=position,
            counter=counter,
            waived=buckets[Treatment.HAPUS.value],
            capitalised=buckets[Treatment.KAPITALISASI.value],
            first_extra=buckets[Treatment.ANGSURAN_PERTAMA.value],
            kept=buckets[Treatment.TETAP.value],
            new_principal=principal,
            schedule_principal=new.schedule_principal,
            new_lines=tuple(new.lines),
            old_lines=old_lines,
            old_monthly=old_monthly,
            new_monthly=new_monthly,
            warnings=tuple(
                self._warnings(
                    loan_id, counter, position, principal, old_monthly, new_monthly, terms
                )
            ),
        )

    def _check_terms(self, terms: RestructuringTerms, current_rate: Decimal) -> None:
        if terms.method not in METHODS:
            raise ValidationError("Pilih metode Flat, Menurun atau Anuitas.", field="method")
        if not 1 <= terms.months <= 360:
            raise ValidationError("Jangka waktu 1 sampai 360 bulan.", field="months")
        if terms.monthly_rate < 0 or terms.monthly_rate > 10:
            raise ValidationError("Jasa per bulan antara 0 dan 10 %.", field="monthly_rate")
        if terms.first_due <= terms.effective_date:
            raise ValidationError(
                "Angsuran pertama jadwal baru harus sesudah tanggal berlaku.", field="first_due"
            )
        if terms.first_due > terms.effective_date + timedelta(days=366):
            raise ValidationError(
                "Angsuran pertama paling lambat satu tahun sesudah tanggal berlaku.",
                field="first_due",
            )
        if len(terms.reason.strip()) < 5:
            raise ValidationError("Tulis alasan restrukturisasi.", field="reason")
        if terms.kind == RestructuringKind.PENJADWALAN:
            if terms.monthly_rate != current_rate:
                raise ValidationError(
                    "Penjadwalan kembali tidak mengubah jasa; untuk jasa baru pilih Persyaratan "
                    "Kembali.",
                    field="monthly_rate",
                )
            for component in ("jasa", "denda"):
                if terms.treatment(component) in (Treatment.HAPUS, Treatment.KAPITALISASI):
                    raise ValidationError(
                        f"Penjadwalan kembali hanya mengubah jadwal; penghapusan atau "
                        f"kapitalisasi {component} termasuk Persyaratan/Penataan Kembali.",
                        field=component,
                    )
        if terms.pokok == Treatment.HAPUS and terms.kind != RestructuringKind.PENATAAN:
            raise ValidationError(
                "Penghapusan tunggakan pokok hanya lewat Penataan Kembali.", field="pokok"
            )

    def _warnings(
        self,
        loan_id: int,
        counter: int,
        position: ArrearsPosition,
        principal: int,
        old_monthly: int,
        new_monthly: int,
        terms: RestructuringTerms,
    ) -> list[str]:
        loan = self.loans.get(loan_id)
        found = []
        if counter > 1:
            found.append(
                f"Restrukturisasi ke-{counter}: pinjaman ini sudah {counter - 1} kali "
                "direstrukturisasi. Restrukturisasi berulang menandakan masalah yang belum "
                "teratasi; periksa kemampuan bayar anggota."
            )
        if loan.replaces_loan_id is not None:
            found.append(
                "Pinjaman ini adalah pinjaman baru untuk melunasi pinjaman lama "
                "(evergreening); pertimbangkan dengan hati-hati."
            )
        for other_id, number, disbursed_on, replaces in self.repo.member_loans(loan.member_id):
            if other_id == loan_id or disbursed_on is None:
                continue
            if replaces == loan_id:
                found.append(
                    f"Pinjaman {number} dipakai untuk melunasi pinjaman ini (evergreening)."
                )
            elif (
                loan.disbursed_on is not None
                and disbursed_on > loan.disbursed_on
                and terms.effective_date - disbursed_on <= timedelta(days=EVERGREEN_DAYS)
            ):
                found.append(
                    f"Anggota menerima pinjaman baru {number} pada "
                    f"{format_date_short(disbursed_on)}: pastikan pinjaman baru tidak "
                    "dipakai untuk membayar pinjaman ini (evergreening)."
                )
        if principal > position.outstanding:
            found.append(
                f"Tunggakan dijadikan pokok: sisa pokok naik dari "
                f"{format_rupiah(position.outstanding)} menjadi "
                f"{format_rupiah(principal)}."
            )
        if old_monthly and new_monthly > old_monthly:
            found.append(
                f"Angsuran baru ({format_rupiah(new_monthly)}) lebih besar dari "
                f"angsuran lama ({format_rupiah(old_monthly)})."
            )
        return found

    # -- proposing and carrying out ---------------------------------------------------------
    def propose(
        self,
        actor: User,
        case_id: int,
        terms: RestructuringTerms,
        today: date,
        supersedes_id: int | None = None,
    ) -> Decision:
        """Propose (Manajer or Pengurus); a Pengurus other than the proposer approves."""
        require_handler(actor)
        case = self.cases.get(case_id)
        if terms.effective_date > today:
            raise ValidationError(
                "Tanggal berlaku tidak boleh setelah hari ini; posisi "
                "tunggakan dihitung per tanggal itu.",
                field="effective_date",
            )
        plan = self.plan(case.loan_id, terms)
        pos = plan.position
        payload = {
            "terms": terms_payload(terms),
            "position": {
                "outstanding": pos.outstanding,
                "pokok": pos.arrears_pokok,
                "jasa": pos.arrears_jasa,
                "denda": pos.arrears_denda,
                "titipan": pos.titipan,
                "quality": pos.quality,
            },
            "counter": plan.counter,
            "waived": plan.waived,
            "capitalised": plan.capitalised,
            "first_extra": plan.first_extra,
            "kept": plan.kept,
            "new_principal": plan.new_principal,
            "schedule_principal": plan.schedule_principal,
            "new_monthly": plan.new_monthly,
            "old_monthly": plan.old_monthly,
            "warnings": list(plan.warnings),
            "amount": pos.outstanding + pos.arrears_jasa,
        }
        summary = (
            f"{terms.kind.label} ke-{plan.counter}: pokok baru "
            f"{format_rupiah(plan.new_principal)}, {terms.months} bulan, jasa "
            f"{format_rate(terms.monthly_rate)}/bulan, angsuran {format_rupiah(plan.new_monthly)}"
        )
        return self.decisions.propose(
            actor,
            case,
            DecisionKind.RESTRUKTURISASI,
            summary,
            payload,
            today,
            today,
            supersedes_id=supersedes_id,
        )

    def check_approval(self, decision: Decision, approver: User, on: date) -> None:
        terms = terms_from_payload(decision.payload["terms"])
        if on < terms.effective_date:
            raise ValidationError("Belum bisa disetujui sebelum tanggal berlakunya.", field="on")

    def execute(self, decision: Decision, approver: User, on: date, today: date) -> None:
        terms = terms_from_payload(decision.payload["terms"])
        loan = self.loans.get(decision.loan_id)
        eff = terms.effective_date
        latest = self.loans_events.latest_event_date(loan.id)
        pos = self.position(loan.id, eff)
        stored = decision.payload["position"]
        now = {
            "outstanding": pos.outstanding,
            "pokok": pos.arrears_pokok,
            "jasa": pos.arrears_jasa,
            "denda": pos.arrears_denda,
            "titipan": pos.titipan,
        }
        if (latest is not None and latest > eff) or any(stored[k] != v for k, v in now.items()):
            raise ValidationError(
                f"Posisi pinjaman berubah sejak usulan dibuat (ada transaksi sesudah "
                f"{format_date_long(eff)}). Tolak usulan ini dan buat usulan baru.",
                field="decision",
            )
        new = restructured_schedule(pos, terms)
        lines, buckets, schedule_principal = new.lines, new.buckets, new.schedule_principal
        reason = f"{terms.kind.label} {decision.number}"
        for component, amount in buckets[Treatment.HAPUS.value].items():
            self.loans.payments.waive(
                approver,
                loan.id,
                component,
                amount,
                f"Keringanan {reason}",
                approver,
                eff,
                today,
                by_decision=True,
            )
        version = loan.schedule_version + 1
        self.loans_repo.insert_schedule(
            loan.id,
            version,
            {
                "effective_date": eff.isoformat(),
                "reason": reason,
                "decision_id": decision.id,
                "principal": schedule_principal,
                "monthly_rate": str(terms.monthly_rate),
                "months": len(lines),
                "method": terms.method,
                "round_to": terms.round_to,
                "round_up": int(terms.round_up),
                "principal_grace": terms.principal_grace,
                "first_due": lines[0].due_date.isoformat(),
            },
            lines,
            approver.id,
        )
        self.loans_repo.update_loan(loan.id, {"schedule_version": version})
        self.audit.record(
            approver.id,
            "restrukturisasi",
            "pinjaman",
            loan.id,
            {"schedule_version": loan.schedule_version},
            {"schedule_version": version, "decision": decision.number},
        )
        capitalised = buckets[Treatment.KAPITALISASI.value]
        if capitalised.get("jasa") or capitalised.get("denda"):
            self.books.record(
                NewFinEvent(
                    loan_id=loan.id,
                    decision_id=decision.id,
                    kind="kapitalisasi",
                    event_date=eff,
                    pokok=capitalised.get("pokok", 0),
                    jasa=capitalised.get("jasa", 0),
                    denda=capitalised.get("denda", 0),
                    debit="Piutang Pinjaman Anggota",
                    credit="Pendapatan jasa/denda ditangguhkan (kapitalisasi)",
                    note=f"Tunggakan jasa/denda dijadikan pokok baru ({reason})",
                ),
                approver,
            )
        self.promises.cancel_waiting(
            approver.id, loan.id, eff, f"Digantikan restrukturisasi {decision.number}", decision.id
        )
        self.decisions.mark_executed(decision, on, approver.id)
        if decision.case_id is not None:
            self.cases.advance(
                decision.case_id,
                CaseStatus.RESTRUKTURISASI,
                approver.id,
                f"restrukturisasi {decision.number} berlaku",
                at=stamp(on, today),
            )
