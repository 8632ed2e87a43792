"""Keringanan: part of the denda or jasa due, or of the pokok still owed, waived with a reason
and a Pengurus as approver."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.errors import PermissionDenied, ValidationError
from app.formats import format_date_long
from app.loans.allocation import OpenInstallment, allocate_payment
from app.loans.ledger import LoanLedger, check_amount, event_lines
from app.loans.models import EventKind, Waiver
from app.money import format_rupiah
from app.storage.loans_events_repo import NewEvent
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, can

WAIVABLE = ("denda", "jasa", "pokok")


def only_component(item: OpenInstallment, component: str) -> OpenInstallment:
    """The instalment with every component but `component` left out."""
    return replace(
        item,
        pokok=item.pokok if component == "pokok" else 0,
        jasa=item.jasa if component == "jasa" else 0,
        denda=item.denda if component == "denda" else 0,
    )


class WaiverService:
    def __init__(self, ledger: LoanLedger) -> None:
        self.ledger = ledger

    @write_unit
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
        `by_decision`: carrying out a decision whose proposer and approver already differ);
        audited. Amounts fill the oldest instalments first. A waiver of pokok or jasa that
        settles the loan closes it as lunas_keringanan."""
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
        if component not in WAIVABLE:
            raise ValidationError("Pilih denda, jasa atau pokok.", field="component")
        check_amount(amount, allow_zero=False)
        if len(reason.strip()) < 5:
            raise ValidationError("Tulis alasan keringanan dengan jelas.", field="reason")
        loan = self.ledger.open_loan(loan_id, on)
        self.ledger.check_date(loan, on, today)
        with self.ledger.db.atomic():
            pos = self.ledger.quality.position(loan, on)
            items = pos.open_due() if component != "pokok" else pos.open_all()
            owed = sum(item.due(component) for item in items)
            if amount > owed:
                raise ValidationError(
                    f"Keringanan {component} paling banyak {format_rupiah(owed)} "
                    f"per {format_date_long(on)}.",
                    field="amount",
                )
            only = allocate_payment([only_component(item, component) for item in items], amount)
            event_id = self.ledger.record(
                loan,
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
                    lines=event_lines(only),
                    charges=pos.charges_due,
                ),
                actor,
            )
            self.ledger.audit.record(
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
            if self.ledger.quality.position(loan, on).is_settled:
                self.ledger.close(actor, loan, on)
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
