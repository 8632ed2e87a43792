"""What every source adapter needs from the services: the member and loan as printed, a
loan's arrears at a date (written-off loans included), the cooperative's people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.documents.kesepakatan import CoopRep
from app.documents.parties import (
    ArrearsFigures,
    CollateralItem,
    LoanRef,
    MemberParty,
    arrears_figures,
    collateral_item,
    loan_ref,
    member_party,
)
from app.documents.register import DocumentService
from app.identity import format_phone
from app.loans.models import Loan, LoanStatus
from app.loans.quality import class_label
from app.services import Services


def documents(services: Services) -> DocumentService:
    """The register of `services`' database."""
    return DocumentService(services.db, services.audit, services.settings)


@dataclass(frozen=True)
class LoanParties:
    """A loan with its member, both as documents print them."""

    loan: Loan
    ref: LoanRef
    member: MemberParty


def loan_parties(services: Services, loan_id: int) -> LoanParties:
    loan = services.loans.get(loan_id)
    return LoanParties(loan, loan_ref(loan), member_party(services.members.get(loan.member_id)))


def collateral_held(services: Services, loan_id: int, on: date) -> tuple[CollateralItem, ...]:
    """The loan's collateral still held by the cooperative at `on`."""
    return tuple(
        collateral_item(c)
        for c in services.loans.collateral(loan_id)
        if c.released_on is None or c.released_on > on
    )


def arrears_at(services: Services, loan: Loan, on: date) -> ArrearsFigures:
    """The loan's arrears at `on`. A written-off loan owes what its off-books record still
    claims (pokok, jasa and denda at write-off, less what was recovered since: recoveries
    are counted against denda first, then jasa, then pokok, as a payment would be)."""
    figures = arrears_figures(services.loans.quality.arrears(loan.id, on))
    if loan.status not in (LoanStatus.HAPUS_BUKU, LoanStatus.HAPUS_TAGIH):
        return figures
    entry = services.offbook.of_loan(loan.id, on)
    if entry is None or entry.written_off_on > on:
        return figures
    left = entry.recovered
    parts = {}
    for name, amount in (("denda", entry.denda), ("jasa", entry.jasa), ("pokok", entry.pokok)):
        used = min(left, amount)
        parts[name] = amount - used
        left -= used
    if entry.closed_on is not None and entry.closed_on <= on:  # forgiven (hapus tagih)
        parts = {"denda": 0, "jasa": 0, "pokok": 0}
    return ArrearsFigures(
        as_of=on,
        installments_missed=figures.installments_missed,
        pokok=parts["pokok"],
        jasa=parts["jasa"],
        denda=parts["denda"],
        outstanding=parts["pokok"],
        days_past_due=figures.days_past_due,
        quality=class_label("HB"),
    )


def coop_rep(services: Services) -> CoopRep:
    """Who speaks for the cooperative in an agreement: the Ketua (the Manajer if no Ketua)."""
    profile = services.settings.profile()
    if profile.ketua.strip():
        return CoopRep(profile.ketua.strip(), "Ketua")
    return CoopRep(profile.manajer.strip(), "Manajer")


def office_contact(services: Services, officer_name: str = "") -> tuple[str, str]:
    """The contact person a letter names (the case officer, else the Manajer) and the
    cooperative's telephone."""
    profile = services.settings.profile()
    name = officer_name.strip() or profile.manajer.strip()
    phone = format_phone(profile.phone.strip()) if profile.phone.strip() else ""
    return name, phone


def office_place(services: Services) -> str:
    """'Kantor KSP Guyub Rukun, Jl. Empunala No. 118 …' for meetings at the office."""
    profile = services.settings.profile()
    name = profile.name.strip() or "koperasi"
    address = profile.address.strip()
    return f"Kantor {name}, {address}" if address else f"Kantor {name}"
