"""Loans as the rest of the program sees them: products, loans, schedules, payments, arrears."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from app.loans.allocation import DEFAULT_ORDER
from app.loans.denda import DEFAULT_DENDA_RULE, DendaRule
from app.loans.payment_models import (
    EventKind,
    InstallmentState,
    Payment,
    PaymentLine,
    PaymentPreview,
    PayoffQuote,
    ScheduleLine,
    Waiver,
)
from app.loans.quality import class_label, months_overdue
from app.loans.schedule import method_label
from app.money import round_rupiah

# The money-event types live in payment_models; they are re-exported here for existing callers.
__all__ = [
    "EventKind",
    "InstallmentState",
    "Payment",
    "PaymentLine",
    "PaymentPreview",
    "PayoffQuote",
    "ScheduleLine",
    "Waiver",
]

# ------------------------------------------------------------------------------- enumerations


class LoanStatus(StrEnum):
    """Where a loan is in its life. Only aktif loans have arrears and a quality class."""

    DIAJUKAN = "diajukan"
    DISETUJUI = "disetujui"
    DITOLAK = "ditolak"
    AKTIF = "aktif"
    LUNAS = "lunas"
    LUNAS_KERINGANAN = "lunas_keringanan"
    DIRESTRUKTURISASI = "direstrukturisasi"
    HAPUS_BUKU = "hapus_buku"
    HAPUS_TAGIH = "hapus_tagih"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self.value]

    @property
    def is_open(self) -> bool:
        """Still owed to the cooperative on the balance sheet (disbursed, not closed)."""
        return self == LoanStatus.AKTIF


_STATUS_LABELS = {
    "diajukan": "Diajukan",
    "disetujui": "Disetujui",
    "ditolak": "Ditolak",
    "aktif": "Aktif",
    "lunas": "Lunas",
    "lunas_keringanan": "Lunas dengan Keringanan",
    "direstrukturisasi": "Direstrukturisasi",
    "hapus_buku": "Hapus Buku",
    "hapus_tagih": "Hapus Tagih",
}


class PaymentMethod(StrEnum):
    TUNAI = "tunai"
    TRANSFER = "transfer"
    POTONG_GAJI = "potong_gaji"
    KOMPENSASI_SIMPANAN = "kompensasi_simpanan"
    PINJAMAN_BARU = "pinjaman_baru"  # paid off from a replacement loan's pay-out (1114)

    @property
    def label(self) -> str:
        return {
            "tunai": "Tunai",
            "transfer": "Transfer",
            "potong_gaji": "Potong Gaji",
            "kompensasi_simpanan": "Kompensasi Simpanan",
            "pinjaman_baru": "Dari Pencairan Pinjaman Baru",
        }[self.value]

    @property
    def offered(self) -> bool:
        """Whether a payment form offers it. The program's own transfer methods (through 1114)
        are not: each needs its partner record in the same transaction (the savings withdrawal
        of a set-off, the pay-out of the replacement loan)."""
        return self not in (PaymentMethod.KOMPENSASI_SIMPANAN, PaymentMethod.PINJAMAN_BARU)


PAYOFF_RULES = {
    "current": "Sisa pokok + jasa sampai angsuran berjalan + denda",
    "due": "Sisa pokok + jasa yang sudah jatuh tempo + denda",
    "all": "Sisa pokok + seluruh sisa jasa + denda",
}
"""Early payoff: which jasa is still charged (see LoanPaymentService.payoff_quote)."""

COLLATERAL_KINDS = {
    "cash": "Tunai / deposito yang diblokir",
    "land_mortgage": "SHM/SHGB dengan Hak Tanggungan",
    "land": "Tanah bersertifikat tanpa Hak Tanggungan",
    "informal_title": "Girik / Letter C / Petok D",
    "vehicle_fiducia": "BPKB kendaraan dengan fidusia",
    "vehicle": "BPKB kendaraan tanpa fidusia",
    "other": "Lainnya",
}
"""Collateral kinds a loan can have; 'vehicle' counts as 'other' for the allowance."""

GUARANTOR_RELATIONS = ("suami", "istri", "orang tua", "anak", "saudara", "rekan kerja", "lainnya")


# ------------------------------------------------------------------------------- products


@dataclass(frozen=True)
class LoanProductDraft:
    """What a loan product form submits. monthly_rate is percent per month (Decimal('1.5'))."""

    name: str
    method: str  # 'flat', 'declining' or 'annuity' (app.loans.schedule.METHODS)
    monthly_rate: Decimal
    min_months: int = 1
    max_months: int = 36
    min_amount: int = 500_000
    max_amount: int = 50_000_000
    round_to: int = 100
    round_up: bool = True
    denda_rule: DendaRule = DEFAULT_DENDA_RULE
    admin_fee_rate: Decimal = Decimal(0)  # percent of the principal
    admin_fee_fixed: int = 0
    alloc_order: tuple[str, ...] = DEFAULT_ORDER
    alloc_mode: str = "per_installment"
    payoff_rule: str = "current"


@dataclass(frozen=True)
class LoanProduct(LoanProductDraft):
    id: int = 0
    active: bool = True

    @property
    def annual_rate(self) -> Decimal:
        """Percent per year, as ScheduleTerms wants it (1,5 %/bulan -> 18)."""
        return self.monthly_rate * 12

    @property
    def method_label(self) -> str:
        return method_label(self.method)

    def admin_fee(self, principal: int) -> int:
        """Administration fee deducted at disbursement: percent of principal + fixed part."""
        return round_rupiah(principal * self.admin_fee_rate / 100) + self.admin_fee_fixed


# ------------------------------------------------------------------------------- loans


@dataclass(frozen=True)
class LoanApplication:
    """What the new-loan wizard submits."""

    member_id: int
    product_id: int
    amount: int
    months: int
    first_due: date
    application_date: date
    purpose: str = ""
    principal_grace: int = 0
    replaces_loan_id: int | None = None  # a new loan that pays off this old one
    note: str = ""


@dataclass(frozen=True)
class Loan:
    """One loan with the terms agreed (copied from its product when applied for)."""

    id: int
    application_no: str
    number: str | None  # agreement number, given at disbursement
    member_id: int
    member_number: str
    member_name: str
    product_id: int
    product_name: str
    status: LoanStatus
    application_date: date
    amount: int  # plafon
    months: int
    monthly_rate: Decimal
    method: str
    round_to: int
    round_up: bool
    principal_grace: int
    first_due: date
    purpose: str
    denda_rule: DendaRule
    alloc_order: tuple[str, ...]
    alloc_mode: str
    payoff_rule: str
    admin_fee: int
    decided_by: int | None = None
    decided_by_name: str = ""
    decided_on: date | None = None
    decision_note: str = ""
    disbursed_on: date | None = None
    net_disbursed: int | None = None
    schedule_version: int = 0
    closed_on: date | None = None
    replaces_loan_id: int | None = None
    rescuable: bool = True
    in_court: bool = False
    note: str = ""

    @property
    def display_number(self) -> str:
        """The agreement number once disbursed, the application number before."""
        return self.number or self.application_no

    @property
    def annual_rate(self) -> Decimal:
        return self.monthly_rate * 12

    @property
    def method_label(self) -> str:
        return method_label(self.method)


@dataclass(frozen=True)
class LoanRow:
    """One line of the loans list (figures as of the list's date)."""

    loan_id: int
    number: str  # agreement number (application number before disbursement)
    member_id: int
    member_number: str
    member_name: str
    product_name: str
    status: LoanStatus
    plafon: int
    outstanding: int  # sisa pokok
    arrears_total: int  # tunggakan pokok + jasa + denda
    days_past_due: int
    quality: str | None  # class code; None when the loan is not aktif

    @property
    def quality_label(self) -> str:
        return class_label(self.quality) if self.quality else ""


@dataclass(frozen=True)
class LoanFilter:
    """Filters of the loans list; all optional."""

    text: str = ""  # member name/number or loan number
    product_id: int | None = None
    statuses: tuple[LoanStatus, ...] = (LoanStatus.AKTIF,)
    quality: str | None = None
    overdue_only: bool = False
    member_id: int | None = None


@dataclass(frozen=True)
class CollateralDraft:
    kind: str  # key of COLLATERAL_KINDS
    description: str
    document_no: str = ""
    owner: str = ""
    estimated_value: int = 0
    tax_value: int = 0  # NJOP, used for land without Hak Tanggungan
    note: str = ""


@dataclass(frozen=True)
class Collateral(CollateralDraft):
    id: int = 0
    loan_id: int = 0
    released_on: date | None = None

    @property
    def kind_label(self) -> str:
        return COLLATERAL_KINDS.get(self.kind, self.kind)

    @property
    def allowance_kind(self) -> str:
        """The kind under app.loans.allowance (vehicles without fiducia count as 'other')."""
        return "other" if self.kind == "vehicle" else self.kind

    @property
    def allowance_value(self) -> int:
        """The value the allowance deduction uses: NJOP for land without Hak Tanggungan (never
        its market value: no NJOP recorded, nothing deducted), the assessed value otherwise."""
        if self.kind == "land":
            return self.tax_value
        return self.estimated_value

    @property
    def deductible_value(self) -> int:
        """Deductible value under the BPR-style preset (DOMAIN §6), before the outstanding cap."""
        from app.loans.allowance import BPR_STYLE

        rate = BPR_STYLE.deduction_rate(self.allowance_kind)
        return round_rupiah(self.allowance_value * rate / 100)


@dataclass(frozen=True)
class GuarantorDraft:
    name: str
    nik: str = ""
    relation: str = ""
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Guarantor(GuarantorDraft):
    id: int = 0
    loan_id: int = 0


# ------------------------------------------------------------------------------- arrears


@dataclass(frozen=True)
class LoanArrears:
    """A loan's arrears position and quality class as of a date (DOMAIN §5).

    Days past due count from the oldest instalment with anything unpaid; amounts settled
    fill each component's instalments oldest first. `quality` is under `policy_name`.
    """

    loan_id: int
    as_of: date
    days_past_due: int
    oldest_due: date | None
    oldest_pokok_due: date | None
    oldest_jasa_due: date | None
    installments_missed: int
    arrears_pokok: int
    arrears_jasa: int
    arrears_denda: int
    outstanding: int  # principal still owed (sisa pokok)
    titipan: int = 0
    collateral_value: int = 0
    quality: str = "L"
    policy_name: str = ""

    @property
    def months_principal_arrears(self) -> Decimal:
        return months_overdue(self.oldest_pokok_due, self.as_of)

    @property
    def months_interest_arrears(self) -> Decimal:
        return months_overdue(self.oldest_jasa_due, self.as_of)

    @property
    def arrears_total(self) -> int:
        return self.arrears_pokok + self.arrears_jasa + self.arrears_denda

    @property
    def quality_label(self) -> str:
        return class_label(self.quality)


@dataclass(frozen=True)
class ClassHistoryEntry:
    as_of: date
    quality: str
    days_past_due: int
    arrears_total: int
    policy_name: str


@dataclass(frozen=True)
class LoanDetail:
    """Everything the loan detail screen shows, read in one go."""

    loan: Loan
    as_of: date
    schedule: tuple[ScheduleLine, ...]
    events: tuple[Payment, ...]
    collateral: tuple[Collateral, ...]
    guarantors: tuple[Guarantor, ...]
    arrears: LoanArrears | None  # None unless the loan is aktif
    class_history: tuple[ClassHistoryEntry, ...]
    titipan: int


@dataclass(frozen=True)
class ApplicationCheck:
    """Warnings (never blocking) and the figures shown while an application is made."""

    warnings: tuple[str, ...]
    admin_fee: int
    net_amount: int
    first_installment: int
    open_loans: int
