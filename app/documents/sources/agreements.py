"""Berita Acara Kesepakatan and Surat Perjanjian / Addendum from what was really agreed: an
approved restructuring (its exact new schedule annexed) or settlement at a discount, and/or
the agreement noted at a contact (a promise to pay)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.collection.decision_models import (
    ArrearsPosition,
    Decision,
    DecisionKind,
    DecisionStatus,
    RestructuringKind,
)
from app.collection.models import Case, Channel, Contact
from app.collection.restructuring_terms import restructured_schedule, terms_from_payload
from app.documents import berita_acara as ba
from app.documents import perjanjian as pj
from app.documents.kesepakatan import Agreement, NewTerms, WaiverItem, agreement
from app.documents.parties import ArrearsFigures
from app.documents.sources.basics import (
    arrears_at,
    collateral_held,
    coop_rep,
    loan_parties,
    office_place,
)
from app.errors import ValidationError
from app.formats import format_date_long, in_sentence
from app.loans.models import LoanArrears
from app.loans.quality import CLASS_LABELS, class_label
from app.money import format_rupiah
from app.services import Services

DEFAULT_AFTER = 2  # instalments missed again that revive the waived amounts
_SOLUTION = {
    RestructuringKind.PENJADWALAN: "penjadwalan",
    RestructuringKind.PERSYARATAN: "persyaratan",
    RestructuringKind.PENATAAN: "penataan",
}
_USABLE = {
    (DecisionKind.RESTRUKTURISASI, DecisionStatus.DILAKSANAKAN),
    (DecisionKind.PELUNASAN_KERINGANAN, DecisionStatus.DISETUJUI),
    (DecisionKind.PELUNASAN_KERINGANAN, DecisionStatus.DILAKSANAKAN),
}
_PARTS = {"pokok": "tunggakan pokok", "jasa": "tunggakan jasa", "denda": "denda"}


def agreement_decisions(services: Services, case_id: int) -> list[Decision]:
    """Decisions of the case a Berita Acara or agreement can be made from, newest first: an
    executed restructuring, an approved (or paid) settlement."""
    found = [d for d in services.decisions.for_case(case_id) if (d.kind, d.status) in _USABLE]
    return sorted(found, key=lambda d: (d.decided_on or d.proposed_on, d.id), reverse=True)


def agreed_contacts(services: Services, case_id: int) -> list[Contact]:
    """Contacts of the case that carry a promise to pay, newest first."""
    promised = {p.contact_id for p in services.promise_views.of_case(case_id)}
    contacts = services.contacts.contacts(case_id)
    chosen = [c for c in contacts if c.id in promised and not c.is_superseded]
    return sorted(chosen, key=lambda c: (c.contact_at, c.id), reverse=True)


def _listed(amounts: dict[str, int]) -> str:
    return ", ".join(f"{_PARTS[k]} {format_rupiah(v)}" for k, v in amounts.items() if v)


def _cause(case: Case, fallback: str = "") -> str:
    return ", ".join(in_sentence(label) for label in case.cause_labels) or fallback


def _position(services: Services, case: Case, on: date, **amounts: int) -> ArrearsFigures:
    base = arrears_at(services, services.loans.get(case.loan_id), on)
    return ArrearsFigures(
        as_of=on,
        installments_missed=base.installments_missed,
        pokok=amounts.get("pokok", base.pokok),
        jasa=amounts.get("jasa", base.jasa),
        denda=amounts.get("denda", base.denda),
        outstanding=amounts.get("outstanding", base.outstanding),
        days_past_due=base.days_past_due,
        quality=base.quality,
    )


def _arrears_before(services: Services, decision: Decision, on: date) -> LoanArrears:
    """The loan's arrears at `on` under the schedule the restructuring replaced (the loan's
    schedule versions count up by one per executed restructuring, from 0)."""
    executed = sorted(
        (
            d
            for d in services.decisions.for_loan(decision.loan_id)
            if d.kind == DecisionKind.RESTRUKTURISASI and d.status == DecisionStatus.DILAKSANAKAN
        ),
        key=lambda d: (d.executed_on or d.decided_on or d.proposed_on, d.id),
    )
    version = [d.id for d in executed].index(decision.id)
    loan = replace(services.loans.get(decision.loan_id), schedule_version=version)
    quality = services.loans.quality
    return quality.arrears_of(loan, quality.position(loan, on))


def restructuring_agreement(services: Services, case: Case, decision: Decision) -> Agreement:
    """The agreement of an executed restructuring, its schedule rebuilt exactly as decided."""
    terms = terms_from_payload(decision.payload["terms"])
    stored = decision.payload["position"]
    eff = terms.effective_date
    position = ArrearsPosition(
        loan_id=decision.loan_id,
        as_of=eff,
        outstanding=stored["outstanding"],
        arrears_pokok=stored["pokok"],
        arrears_jasa=stored["jasa"],
        arrears_denda=stored["denda"],
        quality=stored.get("quality", ""),
        days_past_due=0,
        titipan=stored.get("titipan", 0),
    )
    lines = restructured_schedule(position, terms).lines
    before = _arrears_before(services, decision, eff)
    quality = stored.get("quality", "")
    figures = ArrearsFigures(
        as_of=eff,
        installments_missed=before.installments_missed,
        pokok=stored["pokok"],
        jasa=stored["jasa"],
        denda=stored["denda"],
        outstanding=stored["outstanding"],
        days_past_due=before.days_past_due,
        quality=class_label(quality) if quality in CLASS_LABELS else before.quality_label,
    )
    points = [
        f"Keputusan Pengurus Nomor {decision.number}: {terms.kind.label} ke-"
        f"{decision.payload.get('counter', 1)}."
    ]
    capitalised = {k: v for k, v in decision.payload["capitalised"].items() if k != "pokok"}
    if capitalised:
        points.append(f"Tunggakan yang dijadikan pokok baru: {_listed(capitalised)}.")
    if decision.payload["first_extra"]:
        extra = _listed(decision.payload["first_extra"])
        points.append(f"Dibayar bersama angsuran pertama: {extra}.")
    if decision.payload["kept"]:
        points.append(
            f"Tetap dibayar pada tanggal berlakunya kesepakatan: "
            f"{_listed(decision.payload['kept'])}."
        )
    return agreement(
        _SOLUTION[terms.kind],
        figures,
        cause=_cause(case, terms.reason),
        waivers=[WaiverItem(k, v) for k, v in decision.payload["waived"].items() if v],
        new_terms=NewTerms(
            decision.payload["new_principal"],
            terms.months,
            terms.monthly_rate,
            terms.method,
            terms.first_due,
            terms.round_to,
        ),
        default_after=DEFAULT_AFTER,
        collateral=collateral_held(services, case.loan_id, eff),
        extra_points=points,
        schedule=lines,
    )


def settlement_agreement(services: Services, case: Case, decision: Decision) -> Agreement:
    """The agreement of an approved settlement at a discount."""
    p = decision.payload
    on = date.fromisoformat(p["on"])
    lines = {line["component"]: line for line in p["lines"]}
    figures = _position(
        services,
        case,
        on,
        jasa=lines["jasa"]["owed"],
        denda=lines["denda"]["owed"],
        outstanding=lines["pokok"]["owed"],
    )
    points = [f"Keputusan Pengurus Nomor {decision.number}."]
    if p.get("titipan"):
        points.append(
            f"Titipan PIHAK KEDUA sebesar {format_rupiah(p['titipan'])} "
            "diperhitungkan sebagai bagian dari pembayaran."
        )
    return agreement(
        "keringanan",
        figures,
        cause=_cause(case),
        waivers=[WaiverItem(c, line["waived"]) for c, line in lines.items() if line["waived"]],
        lump_sum=p["agreed_sum"],
        lump_sum_due=decision.expires_on,
        default_after=DEFAULT_AFTER,
        collateral=collateral_held(services, case.loan_id, on),
        extra_points=points,
    )


def contact_agreement(services: Services, case: Case, contact: Contact) -> Agreement:
    """The promise to pay agreed at a contact, with what was written as agreed."""
    made = [p for p in services.promise_views.of_case(case.id) if p.contact_id == contact.id]
    if not made:
        raise ValidationError(
            "Catatan kontak ini tidak memuat janji bayar, jadi belum ada "
            "kesepakatan untuk Berita Acara.",
            field="contact",
        )
    promise = made[0]
    on = contact.contact_at.date()
    agreed = (
        [f"Kesepakatan saat {in_sentence(contact.channel.label)}: {contact.agreed.rstrip('.')}."]
        if contact.agreed
        else []
    )
    causes = ", ".join(in_sentence(label) for label in case.cause_labels)
    return agreement(
        "janji_bayar",
        _position(services, case, on),
        cause=causes or contact.member_said.rstrip("."),
        lump_sum=promise.amount,
        lump_sum_due=promise.due_date,
        default_after=DEFAULT_AFTER,
        extra_points=agreed,
    )


def _deal(
    services: Services, case: Case, decision_id: int | None, contact_id: int | None
) -> tuple[Agreement, Contact | None]:
    contact = services.contacts.get(contact_id) if contact_id is not None else None
    if contact is not None and contact.case_id != case.id:
        raise ValidationError("Catatan kontak itu bukan dari kasus ini.", field="contact")
    if decision_id is None:
        if contact is None:
            raise ValidationError("Pilih keputusan atau catatan kontak yang disepakati.", "case")
        return contact_agreement(services, case, contact), contact
    decision = services.decisions.get(decision_id)
    if decision.case_id != case.id or decision not in agreement_decisions(services, case.id):
        raise ValidationError(
            f"Keputusan {decision.number} bukan restrukturisasi yang berlaku atau pelunasan "
            "dengan keringanan yang disetujui untuk kasus ini.",
            field="decision",
        )
    if decision.kind == DecisionKind.RESTRUKTURISASI:
        deal = restructuring_agreement(services, case, decision)
    else:
        deal = settlement_agreement(services, case, decision)
    if contact is not None and contact.agreed:
        note = (
            f"Kesepakatan saat {in_sentence(contact.channel.label)}: {contact.agreed.rstrip('.')}."
        )
        deal = Agreement(**{**deal.__dict__, "points": (*deal.points, note)})
    return deal, contact


def _witnesses(services: Services, case: Case) -> tuple[str, str]:
    manajer = services.settings.profile().manajer.strip()
    officer = case.officer_name.strip()
    return manajer, officer if officer and officer != manajer else ""


def agreement_contact(
    services: Services, case: Case, decision_id: int | None, contact: Contact | None
) -> Contact | None:
    """The contact where the agreement was reached: the one chosen, or for a decision the
    newest contact of the case with something agreed, on or before the decision's day."""
    if contact is not None or decision_id is None:
        return contact
    decision = services.decisions.get(decision_id)
    day = decision.decided_on or decision.proposed_on
    agreed = [
        c
        for c in services.contacts.contacts(case.id)
        if c.agreed.strip() and not c.is_superseded and c.contact_at.date() <= day
    ]
    return max(agreed, key=lambda c: (c.contact_at, c.id), default=None)


def meeting_place(services: Services, contact: Contact | None, address: str) -> str:
    """Where the agreement was reached: the member's home or business after a visit,
    otherwise the office."""
    if contact is not None and contact.channel == Channel.KUNJUNGAN_RUMAH:
        return f"rumah PIHAK KEDUA, {address}"
    if contact is not None and contact.channel == Channel.KUNJUNGAN_USAHA:
        return f"tempat usaha PIHAK KEDUA, {address}"
    return office_place(services)


def first_deadline(deal: Agreement) -> date | None:
    """The earliest date the agreement asks the member to pay by."""
    days = [d for d in (deal.lump_sum_due,) if d is not None]
    days += [row.due_date for row in deal.schedule]
    return min(days, default=None)


def berita_acara(
    services: Services,
    case_id: int,
    on: date,
    *,
    decision_id: int | None = None,
    contact_id: int | None = None,
    place: str = "",
) -> ba.BeritaAcara:
    """The Berita Acara of the case's agreement (a decision and/or a contact), dated and
    placed as the agreement it records: the day and place of the contact where it was
    agreed (a home or business visit, else the office), or the decision's day. Printed on
    `on`; refused once the agreement's first payment deadline has passed."""
    case = services.cases.get(case_id)
    deal, contact = _deal(services, case, decision_id, contact_id)
    parts = loan_parties(services, case.loan_id)
    met = agreement_contact(services, case, decision_id, contact)
    if met is not None:
        agreed_on = met.contact_at.date()
    else:
        decision = services.decisions.get(decision_id) if decision_id else None
        agreed_on = (decision.decided_on or decision.proposed_on) if decision else on
    deadline = first_deadline(deal)
    if deadline is not None and deadline < on:
        raise ValidationError(
            f"Batas pembayaran pertama dalam kesepakatan ini ({format_date_long(deadline)}) "
            "sudah lewat, jadi Berita Acara-nya tidak dibuat lagi. Catat kesepakatan baru "
            "dengan anggota bila ada.",
            field="case",
        )
    return ba.berita_acara(
        parts.member,
        parts.ref,
        deal,
        on=min(agreed_on, on),
        place=place.strip() or meeting_place(services, met, parts.member.address),
        coop_rep=coop_rep(services),
        witnesses=_witnesses(services, case),
        case_id=case.id,
    )


def perjanjian(services: Services, decision_id: int, on: date) -> pj.Perjanjian:
    """The Addendum (restructuring) or Surat Perjanjian (settlement) of a decision."""
    decision = services.decisions.get(decision_id)
    if decision.case_id is None:
        raise ValidationError("Keputusan ini tidak terkait kasus.", field="decision")
    case = services.cases.get(decision.case_id)
    deal, _contact = _deal(services, case, decision_id, None)
    parts = loan_parties(services, case.loan_id)
    return pj.perjanjian(
        parts.member,
        parts.ref,
        deal,
        on=on,
        coop_rep=coop_rep(services),
        witnesses=_witnesses(services, case),
        case_id=case.id,
        decision_ref=decision.number,
    )
