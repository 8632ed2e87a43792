"""Settlement at a discount (pelunasan dengan keringanan): a calculator per component within
the cooperative's limits, an offer with an expiry date, and — when the agreed sum is paid by
then — the waivers and the payoff through the loans payment service, closing the loan as
'lunas dengan keringanan'.

What is owed follows the product's payoff rule (app.loans payoff_quote): all principal still
owed, jasa due (and the running period's under the 'current' rule), denda to date. The offer
fixes what is PAID per component; denda (and jasa falling due) that accrue between the offer
and the payment within its validity are waived as part of the agreement. Jasa can be waived
only as far as it has fallen due (the loans waiver rule).

Approval: within every limit one Pengurus approves; beyond a limit two Pengurus, with the
board meeting's minutes number.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.collection.case_rules import require_handler, stamp
from app.collection.decision_models import (
    Decision,
    DecisionKind,
    DecisionStatus,
    SettlementLine,
    SettlementQuote,
)
from app.errors import ValidationError
from app.formats import format_date_long, in_sentence
from app.loans.models import LoanStatus, Payment
from app.money import format_rupiah
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

if TYPE_CHECKING:
    from app.collection.cases import CaseService
    from app.collection.decisions import DecisionService
    from app.loans.service import LoanService
    from app.settings.service import SettingsService
    from app.storage.audit_repo import AuditRepository
    from app.storage.engine import Engine
    from app.storage.loans_repo import LoansRepository

COMPONENTS = ("denda", "jasa", "pokok")
_NAMES = {"denda": "denda", "jasa": "jasa", "pokok": "pokok"}


class SettlementService:
    def __init__(
        self,
        db: Engine,
        loans_repo: LoansRepository,
        audit: AuditRepository,
        settings: SettingsService,
        loans: LoanService,
        cases: CaseService,
        decisions: DecisionService,
    ) -> None:
        self.db = db
        self.loans_repo = loans_repo
        self.audit = audit
        self.settings = settings
        self.loans = loans
        self.cases = cases
        self.decisions = decisions

    def limits(self) -> dict[str, int]:
        """Maximum waiver per component in percent, without the board (settings)."""
        return {
            c: min(100, int(self.settings.get(f"collection.waiver_max_{c}"))) for c in COMPONENTS
        }

    def quote(
        self,
        loan_id: int,
        on: date,
        waivers: dict[str, int] | None = None,
        expires_on: date | None = None,
    ) -> SettlementQuote:
        """What settles the loan on `on` with the given waivers (rupiah per component);
        refuses a waiver above what is owed. Nothing is written."""
        payoff = self.loans.payments.payoff_quote(loan_id, on)
        loan = self.loans.get(loan_id)
        pos = self.loans.quality.position(loan, on)
        jasa_due = sum(item.jasa for item in pos.open_due())
        owed = {"pokok": payoff.pokok, "jasa": payoff.jasa, "denda": payoff.denda}
        limits = self.limits()
        waivers = waivers or {}
        lines = []
        for c in COMPONENTS:
            waived = int(waivers.get(c, 0))
            if waived < 0:
                raise ValidationError("Keringanan tidak boleh negatif.", field=c)
            if waived > owed[c]:
                raise ValidationError(
                    f"Keringanan {_NAMES[c]} paling banyak {format_rupiah(owed[c])}.", field=c
                )
            if c == "jasa" and waived > jasa_due:
                raise ValidationError(
                    f"Keringanan jasa paling banyak jasa yang sudah jatuh tempo "
                    f"({format_rupiah(jasa_due)}).",
                    field=c,
                )
            lines.append(SettlementLine(c, owed[c], waived, limits[c], owed[c] * limits[c] // 100))
        days = int(self.settings.get("collection.offer_days"))
        return SettlementQuote(
            loan_id=loan_id,
            on=on,
            lines=tuple(lines),
            titipan=payoff.titipan,
            expires_on=expires_on or on + timedelta(days=days),
            rule_text=payoff.rule_text,
        )

    def max_within_limits(self, loan_id: int, on: date) -> SettlementQuote:
        """The largest discount that needs no board approval (jasa only as far as due)."""
        base = self.quote(loan_id, on)
        loan = self.loans.get(loan_id)
        jasa_due = sum(i.jasa for i in self.loans.quality.position(loan, on).open_due())
        waivers = {line.component: line.limit_amount for line in base.lines}
        waivers["jasa"] = min(waivers["jasa"], jasa_due)
        return self.quote(loan_id, on, waivers)

    def propose(
        self,
        actor: User,
        case_id: int,
        on: date,
        waivers: dict[str, int],
        expires_on: date,
        note: str,
        today: date,
    ) -> Decision:
        """Propose an offer (Manajer or Pengurus)."""
        require_handler(actor)
        case = self.cases.get(case_id)
        if on > today:
            raise ValidationError("Tanggal hitung tidak boleh setelah hari ini.", field="on")
        if expires_on < on:
            raise ValidationError(
                "Batas berlaku penawaran tidak boleh sebelum tanggal hitung.", field="expires_on"
            )
        if expires_on > on + timedelta(days=180):
            raise ValidationError("Penawaran berlaku paling lama 180 hari.", field="expires_on")
        quote = self.quote(case.loan_id, on, waivers, expires_on)
        if quote.waived <= 0:
            raise ValidationError(
                "Tidak ada keringanan: catat sebagai pelunasan biasa.", field="waivers"
            )
        if quote.agreed_sum <= 0:
            raise ValidationError("Jumlah yang dibayar harus lebih dari Rp0.", field="waivers")
        beyond = [line.component for line in quote.lines if line.beyond_limit]
        payload = {
            "on": on.isoformat(),
            "expires_on": expires_on.isoformat(),
            "lines": [
                {
                    "component": line.component,
                    "owed": line.owed,
                    "waived": line.waived,
                    "to_pay": line.to_pay,
                    "limit_percent": line.limit_percent,
                }
                for line in quote.lines
            ],
            "titipan": quote.titipan,
            "agreed_sum": quote.agreed_sum,
            "beyond_limits": beyond,
            "needs_meeting": bool(beyond),
            "note": note.strip(),
            "amount": quote.agreed_sum,
        }
        summary = (
            f"Bayar {format_rupiah(quote.agreed_sum)} paling lambat "
            f"{format_date_long(expires_on)}, keringanan {format_rupiah(quote.waived)}"
            + (f" (melampaui batas: {', '.join(beyond)})" if beyond else "")
        )
        return self.decisions.propose(
            actor,
            case,
            DecisionKind.PELUNASAN_KERINGANAN,
            summary,
            payload,
            on,
            today,
            required_approvals=2 if beyond else 1,
            expires_on=expires_on,
        )

    # -- decision handler ---------------------------------------------------------------------
    def check_approval(self, decision: Decision, approver: User, on: date) -> None:
        if decision.expires_on is not None and on > decision.expires_on:
            raise ValidationError("Penawaran ini sudah lewat batas berlakunya.", field="on")

    def execute(self, decision: Decision, approver: User, on: date, today: date) -> None:
        """Approval makes the offer valid; the loan closes when it is paid (pay())."""
        if decision.case_id is not None:
            from app.collection.models import CaseStatus

            self.cases.advance(
                decision.case_id,
                CaseStatus.PENYELESAIAN,
                approver.id,
                f"penawaran {decision.number} disetujui",
                at=stamp(on, today),
            )

    # -- paying -------------------------------------------------------------------------------
    @write_unit
    def pay(self, actor: User, decision_id: int, on: date, method: str, today: date) -> Payment:
        """Receive the agreed sum: the waivers, then the payoff, in one transaction."""
        require(actor, Action.RECORD_PAYMENT)
        decision = self.decisions.get(decision_id)
        if decision.kind != DecisionKind.PELUNASAN_KERINGANAN:
            raise ValidationError(
                "Keputusan ini bukan pelunasan dengan keringanan.", field="decision"
            )
        if decision.status != DecisionStatus.DISETUJUI:
            raise ValidationError(
                f"Penawaran {decision.number} {in_sentence(decision.status.label)}.",
                field="decision",
            )
        if decision.is_expired(on):
            raise ValidationError(
                f"Penawaran {decision.number} berlaku sampai "
                f"{format_date_long(decision.expires_on or on)}; sudah lewat. Usulkan "
                "penawaran baru.",
                field="on",
            )
        offer_on = date.fromisoformat(decision.payload["on"])
        if on < offer_on:
            raise ValidationError("Tanggal bayar sebelum tanggal penawaran.", field="on")
        to_pay = {line["component"]: line["to_pay"] for line in decision.payload["lines"]}
        waived_then = {line["component"]: line["waived"] for line in decision.payload["lines"]}
        current = self.quote(decision.loan_id, on)
        waivers = {line.component: line.owed - to_pay[line.component] for line in current.lines}
        changed = (
            waivers["pokok"] != waived_then["pokok"]
            or any(w < waived_then[c] for c, w in waivers.items())
            or current.titipan != decision.payload["titipan"]
        )
        if changed:
            raise ValidationError(
                "Posisi pinjaman berubah sejak penawaran dibuat (ada pembayaran atau titipan "
                "baru). Usulkan penawaran baru.",
                field="decision",
            )
        self.quote(decision.loan_id, on, waivers)  # jasa only as far as due
        approver = self.decisions.approver_of(decision)
        reason = f"Pelunasan dengan keringanan {decision.number}"
        with self.db.atomic():
            for component in COMPONENTS:
                if waivers[component]:
                    self.loans.payments.waive(
                        actor,
                        decision.loan_id,
                        component,
                        waivers[component],
                        reason,
                        approver,
                        on,
                        today,
                        by_decision=True,
                    )
            payment = self.loans.payments.pay_off(
                actor, decision.loan_id, on, method, reason, today
            )
            if payment.amount != decision.payload["agreed_sum"]:
                raise ValidationError(
                    f"Jumlah pelunasan {format_rupiah(payment.amount)} tidak sama dengan yang "
                    f"disepakati {format_rupiah(decision.payload['agreed_sum'])}.",
                    field="decision",
                )
            loan = self.loans.get(decision.loan_id)
            if loan.status == LoanStatus.LUNAS:
                self.loans_repo.update_loan(loan.id, {"status": LoanStatus.LUNAS_KERINGANAN.value})
                self.audit.record(
                    actor.id,
                    "lunas keringanan",
                    "pinjaman",
                    loan.id,
                    {"status": loan.status.value},
                    {"status": LoanStatus.LUNAS_KERINGANAN.value},
                    note=reason,
                )
            self.decisions.mark_executed(decision, on, actor.id)
            if decision.case_id is not None:
                case = self.cases.get(decision.case_id)
                if case.status.is_open:
                    self.cases.close_automatically(case, on, "Lunas dengan keringanan", actor.id)
        return replace(payment)
