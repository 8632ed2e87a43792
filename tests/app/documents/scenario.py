"""A small real history for the source adapters' tests: a member with savings, a 6-juta loan
(12 × 590.000 from 5 Feb 2026) that fell behind, its case, contacts and promises, letters,
and solutions approved through the collection services."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pypdf import PdfReader

from app.collection.decision_models import (
    Decision,
    RestructuringKind,
    RestructuringTerms,
    Treatment,
)
from app.collection.models import Channel, ContactDraft, MetRole, PromiseDraft
from app.loans.models import CollateralDraft, Loan
from app.members.models import Member
from app.savings.models import SavingsKind
from app.services import Services
from tests.app.collection.conftest import People, make_loan, pay

D = date(2026, 6, 10)  # five instalments due and unpaid: pokok 2.500.000, jasa 450.000
NEXT = date(2026, 7, 10)


def pdf_text(pdf: bytes) -> str:
    from io import BytesIO

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages)


def savings(services: Services, people: People, member: Member) -> None:
    for kind, amount in (
        (SavingsKind.POKOK, 100_000),
        (SavingsKind.WAJIB, 400_000),
        (SavingsKind.SUKARELA, 650_000),
    ):
        services.savings.deposit(
            people.staf, member.id, kind, amount, date(2026, 1, 5), today=date(2026, 1, 5)
        )


def loan_with_case(services: Services, people: People, member: Member) -> tuple[Loan, int]:
    """The loan (with a motorbike as collateral) and the case opened for it at D."""
    loan = make_loan(services, people, member)
    services.loans.add_collateral(
        people.manajer,
        loan.id,
        CollateralDraft(
            "vehicle_fiducia",
            "Honda Beat 2019, S 4127 NK",
            "BPKB R-0412776",
            member.name,
            9_500_000,
        ),
    )
    [case] = services.cases.open_due_cases(D)
    return loan, case.id


def contact(
    services: Services,
    people: People,
    case_id: int,
    at: datetime,
    *,
    promise: tuple[int, date] | None = None,
    channel: Channel = Channel.KUNJUNGAN_RUMAH,
    said: str = "Dagangan sepi sejak pasar dipindah.",
    agreed: str = "",
) -> int:
    draft = ContactDraft(
        case_id=case_id,
        contact_at=at,
        channel=channel,
        met_role=MetRole.ANGGOTA,
        member_said=said,
        causes=("usaha_gagal",),
        offer="Bayar tunggakan bertahap" if promise else "",
        member_answer="Sanggup" if promise else "",
        agreed=agreed,
        next_step="Cek pembayaran",
        next_step_date=at.date(),
    )
    made = services.contacts.record(
        people.staf,
        draft,
        today=at.date(),
        promise=PromiseDraft(*promise) if promise else None,
    )
    return made.id


def history(services: Services, people: People, case_id: int, loan: Loan) -> None:
    """A promise kept (paid in full) and a promise broken (nothing paid)."""
    contact(
        services,
        people,
        case_id,
        datetime(2026, 5, 4, 10, 0),
        promise=(590_000, date(2026, 5, 11)),
        agreed="Bayar satu angsuran minggu depan",
    )
    pay(services, people, loan, 590_000, date(2026, 5, 11))
    contact(
        services,
        people,
        case_id,
        datetime(2026, 5, 20, 16, 0),
        promise=(1_180_000, date(2026, 5, 29)),
        channel=Channel.TELEPON,
        said="Menunggu hasil panen.",
    )


def restructuring_terms(effective: date = D) -> RestructuringTerms:
    """Penataan kembali: arrears into the new principal, denda waived, 18 months flat."""
    return RestructuringTerms(
        kind=RestructuringKind.PENATAAN,
        pokok=Treatment.KAPITALISASI,
        jasa=Treatment.KAPITALISASI,
        denda=Treatment.HAPUS,
        monthly_rate=Decimal("1.5"),
        months=18,
        method="flat",
        first_due=NEXT,
        effective_date=effective,
        round_to=100,
        round_up=True,
        reason="Omzet turun karena pasar sepi",
    )


def restructure(services: Services, people: People, case_id: int) -> Decision:
    coll = services
    proposed = coll.restructuring.propose(people.manajer, case_id, restructuring_terms(), today=D)
    return coll.decisions.approve(people.ketua, proposed.id, "Disetujui rapat", D, D)


def settle(services: Services, people: People, case_id: int, *, paid: bool = False) -> Decision:
    """A settlement within the limits: all denda and 200.000 of the jasa waived."""
    coll = services
    loan_id = coll.cases.get(case_id).loan_id
    denda = coll.settlement.quote(loan_id, D).line("denda").owed
    proposed = coll.settlement.propose(
        people.manajer,
        case_id,
        D,
        {"denda": denda, "jasa": 200_000},
        date(2026, 7, 10),
        "Anggota menjual motor",
        D,
    )
    decision = coll.decisions.approve(people.ketua, proposed.id, "Setuju", D, D)
    if paid:
        coll.settlement.pay(people.staf, decision.id, date(2026, 6, 25), "tunai", date(2026, 6, 25))
        decision = coll.decisions.get(decision.id)
    return decision
