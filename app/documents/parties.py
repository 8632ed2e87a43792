"""The people, loans and figures that documents print, as plain snapshots taken from the
members, savings and loans services (so each document's data builder stays pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.documents.member_letter import member_address
from app.formats import format_date_long
from app.identity import format_phone
from app.loans.models import Collateral, Loan, LoanArrears
from app.members.models import Member
from app.money import format_rate


@dataclass(frozen=True)
class MemberParty:
    id: int | None
    number: str
    name: str
    nik: str = ""
    sex: str = "L"
    address: str = ""
    phone: str = ""
    occupation: str = ""
    spouse_name: str = ""

    @property
    def salutation(self) -> str:
        """'Bapak' or 'Ibu' (DOMAIN §8: "Kepada Yth. Bapak/Ibu …")."""
        return "Ibu" if self.sex == "P" else "Bapak"


def member_party(member: Member) -> MemberParty:
    return MemberParty(
        id=member.id,
        number=member.number,
        name=member.name,
        nik=member.nik or "",
        sex=member.sex,
        address=member_address(member),
        phone=format_phone(member.phone) if member.phone.strip() else "",
        occupation=member.occupation,
        spouse_name=member.spouse_name,
    )


@dataclass(frozen=True)
class LoanRef:
    """The loan agreement a document refers to."""

    id: int | None
    number: str
    agreement_date: date | None
    amount: int
    months: int
    monthly_rate: Decimal
    method: str  # 'Flat', 'Menurun', 'Anuitas'
    purpose: str = ""
    product: str = ""
    first_due: date | None = None

    @property
    def agreement_date_text(self) -> str:
        return format_date_long(self.agreement_date) if self.agreement_date else "–"

    @property
    def rate_text(self) -> str:
        """'1,5% per bulan (18% per tahun)'."""
        return (
            f"{format_rate(self.monthly_rate)} per bulan "
            f"({format_rate(self.monthly_rate * 12)} per tahun)"
        )


def loan_ref(loan: Loan) -> LoanRef:
    return LoanRef(
        id=loan.id,
        number=loan.display_number,
        agreement_date=loan.disbursed_on or loan.application_date,
        amount=loan.amount,
        months=loan.months,
        monthly_rate=loan.monthly_rate,
        method=loan.method_label,
        purpose=loan.purpose,
        product=loan.product_name,
        first_due=loan.first_due,
    )


@dataclass(frozen=True)
class ArrearsFigures:
    """A loan's arrears at a date: what the warning letters and briefs print."""

    as_of: date
    installments_missed: int
    pokok: int
    jasa: int
    denda: int
    outstanding: int = 0
    days_past_due: int = 0
    quality: str = ""

    @property
    def total(self) -> int:
        return self.pokok + self.jasa + self.denda


def arrears_figures(arrears: LoanArrears) -> ArrearsFigures:
    return ArrearsFigures(
        as_of=arrears.as_of,
        installments_missed=arrears.installments_missed,
        pokok=arrears.arrears_pokok,
        jasa=arrears.arrears_jasa,
        denda=arrears.arrears_denda,
        outstanding=arrears.outstanding,
        days_past_due=arrears.days_past_due,
        quality=arrears.quality_label,
    )


@dataclass(frozen=True)
class CollateralItem:
    kind: str
    description: str
    document_no: str = ""
    owner: str = ""
    value: int = 0


def collateral_item(item: Collateral) -> CollateralItem:
    return CollateralItem(
        kind=item.kind_label,
        description=item.description,
        document_no=item.document_no,
        owner=item.owner,
        value=item.estimated_value,
    )
