"""Kompensasi simpanan: set-off of the member's savings against the loan, with the member's
consent recorded (who, when, the signed statement's number).

Carried out when a Pengurus (not the proposer) approves, in ONE transaction: a savings
withdrawal per kind (method 'kompensasi'; simpanan pokok/wajib of an active member are
authorised by that approver) and one loan payment with method kompensasi_simpanan. If any
step fails, nothing of it remains.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.collection.case_rules import require_handler, stamp
from app.collection.decision_models import Consent, Decision, DecisionKind, SetoffPlan
from app.collection.models import CaseStatus
from app.errors import ValidationError
from app.formats import format_date_long
from app.loans.models import EventKind, PaymentMethod
from app.loans.payment_models import Payment
from app.money import format_rupiah
from app.savings.models import SETOFF_METHOD, SavingsKind, SavingsTransaction, TxType
from app.storage.units import write_unit
from app.users.models import User

if TYPE_CHECKING:
    from app.collection.cases import CaseService
    from app.collection.decisions import DecisionService
    from app.loans.service import LoanService
    from app.savings.service import SavingsService
    from app.storage.engine import Engine

SAVINGS_METHOD = SETOFF_METHOD
_ORDER = (SavingsKind.SUKARELA, SavingsKind.WAJIB, SavingsKind.POKOK)


class SetoffService:
    def __init__(
        self,
        db: Engine,
        loans: LoanService,
        savings: SavingsService,
        cases: CaseService,
        decisions: DecisionService,
    ) -> None:
        self.db = db
        self.loans = loans
        self.savings = savings
        self.cases = cases
        self.decisions = decisions

    def plan(self, loan_id: int, on: date, amounts: dict[str, int], consent: Consent) -> SetoffPlan:
        """Check a set-off: each amount within its balance, the total not above what closes
        the loan, the consent complete. Nothing is written."""
        loan = self.loans.get(loan_id)
        balances = self.savings.balances(loan.member_id, on)
        have = {k.value: balances.of(k) for k in _ORDER}
        clean: dict[str, int] = {}
        for kind, amount in amounts.items():
            if kind not in have:
                raise ValidationError(f"Jenis simpanan '{kind}' tidak dikenal.", field=kind)
            if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
                raise ValidationError("Jumlah harus angka rupiah 0 atau lebih.", field=kind)
            if amount > have[kind]:
                raise ValidationError(
                    f"Saldo {SavingsKind(kind).label} hanya {format_rupiah(have[kind])}.",
                    field=kind,
                )
            if amount:
                clean[kind] = amount
        total = sum(clean.values())
        if total <= 0:
            raise ValidationError("Isi jumlah simpanan yang dikompensasikan.", field="amounts")
        payoff = self.loans.payments.payoff_quote(loan_id, on)
        if total > payoff.total:
            raise ValidationError(
                f"Kompensasi paling banyak sebesar pelunasan ({format_rupiah(payoff.total)}).",
                field="amounts",
            )
        if len(consent.given_by.strip()) < 3:
            raise ValidationError("Tulis siapa yang memberi persetujuan.", field="given_by")
        if not consent.statement_no.strip():
            raise ValidationError(
                "Tulis nomor surat pernyataan persetujuan anggota.", field="statement_no"
            )
        if consent.given_on > on:
            raise ValidationError(
                "Persetujuan anggota harus ada sebelum kompensasi.", field="given_on"
            )
        arrears = self.loans.quality.arrears(loan_id, on)
        return SetoffPlan(
            loan_id=loan_id,
            member_id=loan.member_id,
            on=on,
            amounts=clean,
            balances=have,
            due_total=arrears.arrears_total,
            consent=consent,
        )

    def propose(
        self,
        actor: User,
        case_id: int,
        on: date,
        amounts: dict[str, int],
        consent: Consent,
        today: date,
    ) -> Decision:
        require_handler(actor)
        case = self.cases.get(case_id)
        if on > today:
            raise ValidationError("Tanggal tidak boleh setelah hari ini.", field="on")
        plan = self.plan(case.loan_id, on, amounts, consent)
        payload = {
            "on": on.isoformat(),
            "amounts": plan.amounts,
            "total": plan.total,
            "consent": {
                "given_by": consent.given_by.strip(),
                "given_on": consent.given_on.isoformat(),
                "statement_no": consent.statement_no.strip(),
                "how": consent.how,
            },
            "amount": plan.total,
        }
        kinds = ", ".join(
            f"{SavingsKind(k).label} {format_rupiah(v)}" for k, v in plan.amounts.items()
        )
        summary = (
            f"Kompensasi {format_rupiah(plan.total)} ({kinds}); persetujuan "
            f"{consent.given_by.strip()} tgl {format_date_long(consent.given_on)}, "
            f"surat pernyataan {consent.statement_no.strip()}"
        )
        return self.decisions.propose(
            actor, case, DecisionKind.KOMPENSASI_SIMPANAN, summary, payload, on, today
        )

    def check_approval(self, decision: Decision, approver: User, on: date) -> None:
        loan = self.loans.get(decision.loan_id)
        balances = self.savings.balances(loan.member_id, on)
        for kind, amount in decision.payload["amounts"].items():
            if balances.of(SavingsKind(kind)) < amount:
                raise ValidationError(
                    f"Saldo {SavingsKind(kind).label} sekarang kurang dari "
                    f"{format_rupiah(amount)}. Tolak usulan ini dan buat usulan baru.",
                    field="decision",
                )

    @write_unit
    def execute(self, decision: Decision, approver: User, on: date, today: date) -> None:
        """The withdrawals and the loan payment, inside the approval's transaction."""
        loan = self.loans.get(decision.loan_id)
        consent = decision.payload["consent"]
        reason = (
            f"Kompensasi simpanan untuk pinjaman {loan.display_number}, keputusan "
            f"{decision.number}, surat pernyataan {consent['statement_no']}"
        )
        with self.db.atomic():
            for kind in _ORDER:
                amount = decision.payload["amounts"].get(kind.value, 0)
                if amount:
                    self.savings.withdraw(
                        approver,
                        loan.member_id,
                        kind,
                        amount,
                        on,
                        method=SAVINGS_METHOD,
                        note=reason,
                        authoriser=approver,
                        reason=reason,
                        today=today,
                        by_decision=True,
                    )
            self.loans.payments.record_payment(
                approver,
                loan.id,
                decision.payload["total"],
                on,
                PaymentMethod.KOMPENSASI_SIMPANAN.value,
                reason,
                today,
                by_setoff=True,
            )
            self.decisions.mark_executed(decision, on, approver.id)
            if decision.case_id is not None:
                self.cases.advance(
                    decision.case_id,
                    CaseStatus.PENYELESAIAN,
                    approver.id,
                    f"kompensasi simpanan {decision.number}",
                    at=stamp(on, today),
                )

    def executed_for(self, loan_id: int) -> list[Decision]:
        """The set-offs carried out on the loan and not cancelled since."""
        from app.collection.decision_models import DecisionStatus

        return [
            d
            for d in self.decisions.for_loan(loan_id, DecisionKind.KOMPENSASI_SIMPANAN)
            if d.status == DecisionStatus.DILAKSANAKAN and any(self.halves(d))
        ]

    def halves(self, decision: Decision) -> tuple[list[SavingsTransaction], list[Payment]]:
        """The savings withdrawals and the loan payment a set-off made, not yet cancelled
        (their note names the decision: see `execute`)."""
        loan = self.loans.get(decision.loan_id)
        mark = f"keputusan {decision.number},"
        withdrawals = [
            t
            for t in self.savings.history(loan.member_id)
            if t.tx_type == TxType.PENARIKAN
            and t.method == SAVINGS_METHOD
            and mark in t.note
            and not t.is_reversed
        ]
        payments = [
            p
            for p in self.loans.payments.events(loan.id)
            if p.kind == EventKind.PEMBAYARAN
            and p.method == PaymentMethod.KOMPENSASI_SIMPANAN.value
            and mark in p.note
            and not p.is_reversed
        ]
        return withdrawals, payments

    @write_unit
    def reverse(
        self, actor: User, decision_id: int, reason: str, on: date, today: date
    ) -> list[int]:
        """Cancel a set-off as a whole, in ONE transaction: its loan payment and each of its
        savings withdrawals get their reversing entry and journal (the transfer account 1114
        nets to zero again). Cancelling one half alone is refused by the savings and loan
        services. Returns the ids of the loan reversal and the savings reversals."""
        decision = self.decisions.get(decision_id)
        if decision.kind != DecisionKind.KOMPENSASI_SIMPANAN:
            raise ValidationError("Keputusan ini bukan kompensasi simpanan.", field="decision")
        withdrawals, payments = self.halves(decision)
        if not withdrawals and not payments:
            raise ValidationError(
                f"Kompensasi {decision.number} belum dilaksanakan atau sudah dibatalkan.",
                field="decision",
            )
        if len(payments) != 1 or not withdrawals:  # a half cancelled alone before this rule
            raise ValidationError(
                f"Kompensasi {decision.number} tidak lengkap lagi (sebagian sudah dibatalkan); "
                "betulkan lewat jurnal umum dengan catatan.",
                field="decision",
            )
        with self.db.atomic():
            done = [
                self.loans.payments.reverse(
                    actor, payments[0].id, reason, on, today, by_setoff=True
                ).id
            ]
            for tx in withdrawals:
                done.append(self.savings.reverse(actor, tx.id, reason, on, by_setoff=True).id)
        return done
