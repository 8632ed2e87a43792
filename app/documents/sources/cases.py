"""Ringkasan Kasus from a real case: the member, the loan and its position, the contacts and
promises (statuses decided from the payments), causes, savings that could be set off,
collateral, and the options already computed — the new instalment for a few terms by the
restructuring planner, and the settlement within the cooperative's waiver limits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.collection.decision_models import RestructuringKind, RestructuringTerms, Treatment
from app.collection.models import Contact, MetRole, PromiseStatus, PromiseView
from app.documents import ringkasan_kasus as rk
from app.documents.sources.basics import arrears_at, collateral_held, loan_parties
from app.errors import ValidationError
from app.formats import add_months
from app.loans.models import Loan, LoanStatus
from app.money import format_rupiah
from app.services import Services

OPTION_NOTE = "tunggakan jasa dijadikan pokok, denda dihapus"
MAX_TERM = 60


def contact_note(contact: Contact) -> rk.ContactNote:
    """One line of the contacts history: what was said, offered and agreed."""
    parts = []
    if contact.member_said:
        parts.append(contact.member_said.rstrip("."))
    if contact.offer:
        answer = f" – {contact.member_answer.rstrip('.')}" if contact.member_answer else ""
        parts.append(f"Ditawarkan: {contact.offer.rstrip('.')}{answer}")
    if contact.agreed:
        parts.append(f"Disepakati: {contact.agreed.rstrip('.')}")
    if not parts and contact.next_step:
        parts.append(f"Tindak lanjut: {contact.next_step.rstrip('.')}")
    if contact.met_role == MetRole.TIDAK_BERTEMU:
        met = MetRole.TIDAK_BERTEMU.label
    else:
        met = contact.met_name or contact.met_role.label
    summary = ". ".join(parts) + "." if parts else "–"
    return rk.ContactNote(contact.contact_at.date(), contact.channel.label, met, summary)


def promise_note(view: PromiseView) -> rk.PromiseNote:
    status = view.status.label
    if view.status in (PromiseStatus.SEBAGIAN, PromiseStatus.MENUNGGU) and view.paid:
        status += f" (terbayar {format_rupiah(view.paid)})"
    return rk.PromiseNote(view.promise.made_on, view.promise.due_date, view.promise.amount, status)


def term_choices(remaining: int) -> tuple[int, ...]:
    """Three terms to compare: 12/24/36 months, or longer ones for a long loan."""
    if remaining <= 12:
        return (12, 24, 36)
    return tuple(sorted({min(MAX_TERM, remaining + extra) for extra in (0, 12, 24)}))


def planned_options(
    services: Services, loan: Loan, on: date, terms: tuple[int, ...]
) -> tuple[int, tuple[rk.TermOption, ...]]:
    """(new principal, options): each term through the restructuring planner (persyaratan
    kembali: tunggakan pokok and jasa into the new principal, denda waived, rate and method
    of the loan). Nothing is written."""
    planner = services.restructuring
    options = []
    principal = 0
    for months in terms:
        plan = planner.plan(
            loan.id,
            RestructuringTerms(
                kind=RestructuringKind.PERSYARATAN,
                pokok=Treatment.KAPITALISASI,
                jasa=Treatment.KAPITALISASI,
                denda=Treatment.HAPUS,
                monthly_rate=loan.monthly_rate,
                months=months,
                method=loan.method,
                first_due=add_months(on, 1),
                effective_date=on,
                round_to=loan.round_to,
                round_up=loan.round_up,
                reason="Pilihan untuk ringkasan kasus",
            ),
        )
        principal = plan.new_principal
        interest = sum(line.jasa for line in plan.new_lines)
        last = plan.new_lines[-1].due_date
        options.append(rk.TermOption(months, plan.new_monthly, interest, last))
    return principal, tuple(options)


def settlement_option(services: Services, loan_id: int, on: date) -> rk.SettlementOption:
    """Paying off at `on` with the largest waivers the cooperative's limits allow."""
    quote = services.settlement.max_within_limits(loan_id, on)
    line = quote.line
    return rk.SettlementOption(
        pokok=line("pokok").owed,
        jasa=line("jasa").owed,
        denda=line("denda").owed,
        waive_pokok=line("pokok").waived,
        waive_jasa=line("jasa").waived,
        waive_denda=line("denda").waived,
        titipan=quote.titipan,
        expires_on=quote.expires_on,
    )


def ringkasan(services: Services, case_id: int, on: date) -> rk.RingkasanKasus:
    """The negotiation brief of case `case_id` as of `on`."""
    coll = services
    case = coll.cases.get(case_id)
    parts = loan_parties(services, case.loan_id)
    loan = parts.loan
    if loan.status not in (LoanStatus.AKTIF, LoanStatus.HAPUS_BUKU):
        raise ValidationError(
            f"Pinjaman {loan.display_number} berstatus {loan.status.label}; ringkasan kasus "
            "hanya untuk pinjaman yang masih ditagih.",
            field="case",
        )
    arrears = arrears_at(services, loan, on)
    contacts = [contact_note(c) for c in coll.contacts.contacts(case_id) if not c.is_superseded]
    promises = [promise_note(v) for v in coll.promise_views.views_for_case(case_id, on)]
    balances = services.savings.balances(loan.member_id, on)
    limits = coll.settlement.limits()
    waiver_limits = rk.WaiverLimits(
        Decimal(limits["denda"]), Decimal(limits["jasa"]), Decimal(limits["pokok"])
    )
    terms: tuple[int, ...] = (12, 24, 36)
    principal = 0
    options: tuple[rk.TermOption, ...] = ()
    settlement: rk.SettlementOption | None = None
    if loan.status == LoanStatus.AKTIF:
        remaining = sum(1 for line in services.loans.schedule(loan.id, on) if line.due_date > on)
        terms = term_choices(remaining)
        principal, options = planned_options(services, loan, on, terms)
        settlement = settlement_option(services, loan.id, on)
    # A written-off loan gets no new schedule; its settlement is worked out from what is
    # still claimed off the books, within the same limits.
    return rk.ringkasan_kasus(
        parts.member,
        parts.ref,
        arrears,
        on=on,
        case_number=case.number,
        officer=case.officer_name,
        contacts=contacts,
        promises=promises,
        causes=case.cause_labels,
        savings=rk.SavingsOffset(balances.pokok, balances.wajib, balances.sukarela),
        collateral=collateral_held(services, loan.id, on),
        method=loan.method,
        terms=terms,
        limits=waiver_limits,
        case_id=case.id,
        options=options,
        new_principal=principal,
        settlement=settlement,
        option_note=OPTION_NOTE,
    )
