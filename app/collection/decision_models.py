"""Decisions on problem loans and the solutions they carry: restructuring, settlement at a
discount, set-off against savings, hapus buku and hapus tagih (DOMAIN §7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from app.loans.schedule import Installment


class DecisionKind(StrEnum):
    RESTRUKTURISASI = "restrukturisasi"
    PELUNASAN_KERINGANAN = "pelunasan_keringanan"
    KOMPENSASI_SIMPANAN = "kompensasi_simpanan"
    HAPUS_BUKU = "hapus_buku"
    HAPUS_TAGIH = "hapus_tagih"

    @property
    def label(self) -> str:
        return {
            "restrukturisasi": "Restrukturisasi",
            "pelunasan_keringanan": "Pelunasan dengan Keringanan",
            "kompensasi_simpanan": "Kompensasi Simpanan",
            "hapus_buku": "Hapus Buku",
            "hapus_tagih": "Hapus Tagih",
        }[self.value]


class DecisionStatus(StrEnum):
    DIUSULKAN = "diusulkan"  # waiting for approval
    DISETUJUI = "disetujui"  # approved (and in force)
    DITOLAK = "ditolak"
    DITARIK = "ditarik"  # withdrawn by its proposer before anyone decided
    DILAKSANAKAN = "dilaksanakan"  # carried out (a settlement paid, for instance)

    @property
    def label(self) -> str:
        return {
            "diusulkan": "Menunggu Persetujuan",
            "disetujui": "Disetujui",
            "ditolak": "Ditolak",
            "ditarik": "Ditarik",
            "dilaksanakan": "Dilaksanakan",
        }[self.value]


@dataclass(frozen=True)
class Vote:
    user_id: int
    user_name: str
    role: str
    verdict: str  # 'setuju' or 'tolak'
    note: str
    on: date
    at: str


@dataclass(frozen=True)
class DecisionNote:
    user_id: int
    user_name: str
    role: str
    note: str
    on: date
    at: str


@dataclass(frozen=True)
class Decision:
    """A proposal and what became of it. `payload` is exactly what was proposed (JSON)."""

    id: int
    number: str
    kind: DecisionKind
    case_id: int | None
    loan_id: int
    loan_number: str
    member_name: str
    status: DecisionStatus
    summary: str
    payload: dict[str, Any]
    required_approvals: int
    needs_pengawas: bool
    proposed_by: int
    proposed_by_name: str
    proposed_on: date
    meeting_ref: str = ""
    meeting_date: date | None = None
    expires_on: date | None = None
    supersedes_id: int | None = None
    decided_on: date | None = None
    executed_on: date | None = None
    votes: tuple[Vote, ...] = ()
    notes: tuple[DecisionNote, ...] = ()

    @property
    def approvals(self) -> tuple[Vote, ...]:
        return tuple(v for v in self.votes if v.verdict == "setuju")

    @property
    def rejections(self) -> tuple[Vote, ...]:
        return tuple(v for v in self.votes if v.verdict == "tolak")

    @property
    def pengawas_notes(self) -> tuple[DecisionNote, ...]:
        return tuple(n for n in self.notes if n.role == "pengawas")

    @property
    def approvals_missing(self) -> int:
        return max(0, self.required_approvals - len(self.approvals))

    def is_expired(self, as_of: date) -> bool:
        """An approved offer (settlement) not carried out by its expiry date."""
        return (
            self.status == DecisionStatus.DISETUJUI
            and self.expires_on is not None
            and as_of > self.expires_on
        )

    def status_label(self, as_of: date) -> str:
        return "Kedaluwarsa" if self.is_expired(as_of) else self.status.label


# ------------------------------------------------------------------------------- restructuring


class RestructuringKind(StrEnum):
    PENJADWALAN = "penjadwalan_kembali"
    PERSYARATAN = "persyaratan_kembali"
    PENATAAN = "penataan_kembali"

    @property
    def label(self) -> str:
        return {
            "penjadwalan_kembali": "Penjadwalan Kembali",
            "persyaratan_kembali": "Persyaratan Kembali",
            "penataan_kembali": "Penataan Kembali",
        }[self.value]


class Treatment(StrEnum):
    """What the board decides for one component of the arrears."""

    HAPUS = "hapus"  # waived (a keringanan event on the old schedule)
    KAPITALISASI = "kapitalisasi"  # added to the new principal
    ANGSURAN_PERTAMA = "angsuran_pertama"  # added to the first new instalment
    TETAP = "tetap"  # stays owed, due at once (an instalment on the effective date)

    @property
    def label(self) -> str:
        return {
            "hapus": "Dihapus (keringanan)",
            "kapitalisasi": "Dijadikan pokok baru",
            "angsuran_pertama": "Ditambahkan ke angsuran pertama",
            "tetap": "Tetap ditagih segera",
        }[self.value]


@dataclass(frozen=True)
class ArrearsPosition:
    """The loan's position at a date, split per component."""

    loan_id: int
    as_of: date
    outstanding: int  # sisa pokok (due and not yet due)
    arrears_pokok: int
    arrears_jasa: int
    arrears_denda: int
    quality: str
    days_past_due: int
    titipan: int = 0

    @property
    def future_pokok(self) -> int:
        return self.outstanding - self.arrears_pokok

    @property
    def arrears_total(self) -> int:
        return self.arrears_pokok + self.arrears_jasa + self.arrears_denda

    def amount(self, component: str) -> int:
        return {
            "pokok": self.arrears_pokok,
            "jasa": self.arrears_jasa,
            "denda": self.arrears_denda,
        }[component]


@dataclass(frozen=True)
class RestructuringTerms:
    """What the restructuring wizard submits. monthly_rate: percent per month."""

    kind: RestructuringKind
    pokok: Treatment
    jasa: Treatment
    denda: Treatment
    monthly_rate: Decimal
    months: int
    method: str
    first_due: date
    effective_date: date
    round_to: int = 100
    round_up: bool = True
    principal_grace: int = 0
    reason: str = ""

    def treatment(self, component: str) -> Treatment:
        return {"pokok": self.pokok, "jasa": self.jasa, "denda": self.denda}[component]


@dataclass(frozen=True)
class RestructuringPlan:
    """The proposal's figures: the new schedule beside what is left of the old one."""

    loan_id: int
    terms: RestructuringTerms
    position: ArrearsPosition
    counter: int  # restrukturisasi ke-n
    waived: dict[str, int]
    capitalised: dict[str, int]
    first_extra: dict[str, int]
    kept: dict[str, int]
    new_principal: int  # the principal the new schedule is built on
    schedule_principal: int  # all pokok of the new version (incl. arrears carried as pokok)
    new_lines: tuple[Installment, ...]
    old_lines: tuple[Installment, ...]  # what the old schedule still asks, from the date on
    old_monthly: int
    new_monthly: int  # the regular instalment of the new schedule
    warnings: tuple[str, ...] = ()

    @property
    def new_total(self) -> int:
        return sum(line.total for line in self.new_lines)

    @property
    def old_total(self) -> int:
        return sum(line.total for line in self.old_lines) + self.position.arrears_denda

    @property
    def waived_total(self) -> int:
        return sum(self.waived.values())


# ------------------------------------------------------------------------------- settlement


@dataclass(frozen=True)
class SettlementLine:
    component: str  # 'pokok', 'jasa', 'denda'
    owed: int
    waived: int
    limit_percent: int  # the cooperative's maximum waiver without the board
    limit_amount: int

    @property
    def to_pay(self) -> int:
        return self.owed - self.waived

    @property
    def beyond_limit(self) -> bool:
        return self.waived > self.limit_amount


@dataclass(frozen=True)
class SettlementQuote:
    """Settlement at a discount: per component what is owed, waived and paid."""

    loan_id: int
    on: date
    lines: tuple[SettlementLine, ...]
    titipan: int  # advance held, deducted from what is paid
    expires_on: date
    rule_text: str = ""

    @property
    def owed(self) -> int:
        return sum(line.owed for line in self.lines)

    @property
    def waived(self) -> int:
        return sum(line.waived for line in self.lines)

    @property
    def agreed_sum(self) -> int:
        """What the member pays in cash to close the loan."""
        return max(0, self.owed - self.waived - self.titipan)

    @property
    def needs_board(self) -> bool:
        return any(line.beyond_limit for line in self.lines)

    def line(self, component: str) -> SettlementLine:
        return next(item for item in self.lines if item.component == component)


# ------------------------------------------------------------------------------- set-off


@dataclass(frozen=True)
class Consent:
    """The member's consent to a set-off: who gave it, when, and the signed statement."""

    given_by: str
    given_on: date
    statement_no: str
    how: str = "surat pernyataan bertanda tangan"


@dataclass(frozen=True)
class SetoffPlan:
    loan_id: int
    member_id: int
    on: date
    amounts: dict[str, int]  # savings kind -> amount taken
    balances: dict[str, int]  # savings kind -> balance before
    due_total: int  # what the loan asks at `on` (arrears + denda), for comparison
    consent: Consent

    @property
    def total(self) -> int:
        return sum(self.amounts.values())


# ------------------------------------------------------------------------------- hapus buku


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    ok: bool
    detail: str
    required: bool = True


@dataclass(frozen=True)
class WriteoffChecklist:
    loan_id: int
    as_of: date
    items: tuple[ChecklistItem, ...]

    @property
    def ok(self) -> bool:
        return all(item.ok for item in self.items if item.required)

    @property
    def failing(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for item in self.items if item.required and not item.ok)


@dataclass(frozen=True)
class OffbookEntry:
    """A line of the Daftar Ekstrakomptabel (off-books register)."""

    loan_id: int
    loan_number: str
    member_id: int
    member_number: str
    member_name: str
    written_off_on: date
    decision_number: str
    pokok: int
    jasa: int
    denda: int
    recovered: int
    status: str  # 'aktif' or 'hapus_tagih'
    closed_on: date | None = None
    rat_number: str = ""
    rat_date: date | None = None

    @property
    def claim(self) -> int:
        return self.pokok + self.jasa + self.denda

    @property
    def remaining(self) -> int:
        return max(0, self.claim - self.recovered)


@dataclass(frozen=True)
class FinancialEvent:
    id: int
    loan_id: int
    decision_id: int | None
    kind: str
    event_date: date
    amount: int
    pokok: int
    jasa: int
    denda: int
    receipt_no: str | None
    method: str
    debit: str
    credit: str
    note: str
    created_by: int | None

    @property
    def kind_label(self) -> str:
        return FIN_EVENT_LABELS.get(self.kind, self.kind)


FIN_EVENT_LABELS = {
    "kapitalisasi": "Kapitalisasi tunggakan",
    "hapus_buku": "Hapus buku pokok",
    "pembalikan_pendapatan": "Jasa dan denda dibalik (bukan pendapatan)",
    "pemulihan": "Pemulihan (penerimaan setelah hapus buku)",
    "hapus_tagih": "Hapus tagih",
}
