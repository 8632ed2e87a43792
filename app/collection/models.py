"""Problem-loan cases as the rest of the program sees them (DOMAIN §7): the case file, the
negotiation log, promises to pay, letters, the timeline and the day's work queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from app.collection.worklist import QueueItem, QueueKind, TimelineEntry, WorkQueue

__all__ = ["QueueItem", "QueueKind", "TimelineEntry", "WorkQueue"]  # re-exported

# ------------------------------------------------------------------------------- enumerations


class CaseStatus(StrEnum):
    """baru → dalam negosiasi → janji bayar → restrukturisasi / penyelesaian → selesai /
    hapus buku. Only 'selesai' closes a case: a written-off loan is still collected."""

    BARU = "baru"
    NEGOSIASI = "dalam_negosiasi"
    JANJI_BAYAR = "janji_bayar"
    RESTRUKTURISASI = "restrukturisasi"
    PENYELESAIAN = "penyelesaian"
    SELESAI = "selesai"
    HAPUS_BUKU = "hapus_buku"

    @property
    def label(self) -> str:
        return {
            "baru": "Baru",
            "dalam_negosiasi": "Dalam Negosiasi",
            "janji_bayar": "Janji Bayar",
            "restrukturisasi": "Restrukturisasi",
            "penyelesaian": "Penyelesaian",
            "selesai": "Selesai",
            "hapus_buku": "Hapus Buku",
        }[self.value]

    @property
    def is_open(self) -> bool:
        return self != CaseStatus.SELESAI


class Channel(StrEnum):
    TELEPON = "telepon"
    WHATSAPP = "whatsapp"
    KUNJUNGAN_RUMAH = "kunjungan_rumah"
    KUNJUNGAN_USAHA = "kunjungan_usaha"
    DI_KANTOR = "di_kantor"
    SURAT = "surat"

    @property
    def label(self) -> str:
        return {
            "telepon": "Telepon",
            "whatsapp": "WhatsApp",
            "kunjungan_rumah": "Kunjungan Rumah",
            "kunjungan_usaha": "Kunjungan Usaha",
            "di_kantor": "Di Kantor",
            "surat": "Surat",
        }[self.value]

    @property
    def is_visit(self) -> bool:
        return self in (Channel.KUNJUNGAN_RUMAH, Channel.KUNJUNGAN_USAHA)


class MetRole(StrEnum):
    """Who was met (or spoken to) at a contact."""

    ANGGOTA = "anggota"
    SUAMI_ISTRI = "suami_istri"
    PENJAMIN = "penjamin"
    KELUARGA = "keluarga"
    LAINNYA = "lainnya"
    TIDAK_BERTEMU = "tidak_bertemu"

    @property
    def label(self) -> str:
        return {
            "anggota": "Anggota",
            "suami_istri": "Suami/Istri",
            "penjamin": "Penjamin",
            "keluarga": "Keluarga",
            "lainnya": "Orang lain",
            "tidak_bertemu": "Tidak bertemu siapa pun",
        }[self.value]


CAUSE_GROUPS = {
    "anggota": "Dari sisi anggota",
    "koperasi": "Dari sisi koperasi",
    "kondisi": "Keadaan di luar",
}

CAUSES: dict[str, tuple[str, str]] = {
    "usaha_gagal": ("anggota", "Usaha gagal / omzet turun"),
    "phk": ("anggota", "PHK / kehilangan penghasilan"),
    "sakit": ("anggota", "Sakit / meninggal"),
    "bencana": ("anggota", "Bencana"),
    "utang_lain": ("anggota", "Beban utang lain (termasuk pinjol)"),
    "itikad": ("anggota", "Itikad tidak baik"),
    "salah_guna": ("anggota", "Pinjaman dipakai tidak sesuai tujuan"),
    "analisa_lemah": ("koperasi", "Analisa 5C lemah"),
    "plafon_besar": ("koperasi", "Plafon terlalu besar"),
    "pengawasan_lemah": ("koperasi", "Pengawasan lemah"),
    "kolusi": ("koperasi", "Kolusi / fraud petugas"),
    "agunan_lemah": ("koperasi", "Agunan lemah / tidak diikat"),
    "ekonomi": ("kondisi", "Ekonomi / harga komoditas"),
}
"""Cause codes of DOMAIN §7: code -> (group, label). Several may apply to one case."""


def cause_label(code: str) -> str:
    return CAUSES[code][1] if code in CAUSES else code


class CollateralStatus(StrEnum):
    BELUM_DINILAI = "belum_dinilai"
    TIDAK_ADA = "tidak_ada"
    DIPEGANG = "dipegang"
    PROSES_JUAL = "proses_jual"
    TERJUAL = "terjual"
    TIDAK_BISA = "tidak_bisa"
    DIKEMBALIKAN = "dikembalikan"

    @property
    def label(self) -> str:
        return {
            "belum_dinilai": "Belum dinilai",
            "tidak_ada": "Tidak ada agunan",
            "dipegang": "Agunan dipegang koperasi",
            "proses_jual": "Sedang dijual / dilelang",
            "terjual": "Sudah dijual / dilelang",
            "tidak_bisa": "Tidak bisa dieksekusi (hilang/sengketa)",
            "dikembalikan": "Dikembalikan ke pemilik",
        }[self.value]

    @property
    def dealt_with(self) -> bool:
        """Settled for the hapus buku checklist: nothing more can come from the collateral."""
        return self in (
            CollateralStatus.TIDAK_ADA,
            CollateralStatus.TERJUAL,
            CollateralStatus.TIDAK_BISA,
            CollateralStatus.DIKEMBALIKAN,
        )


class PromiseStatus(StrEnum):
    MENUNGGU = "menunggu"
    DITEPATI = "ditepati"
    SEBAGIAN = "sebagian"
    INGKAR = "ingkar"
    DIBATALKAN = "dibatalkan"

    @property
    def label(self) -> str:
        return {
            "menunggu": "Menunggu",
            "ditepati": "Ditepati",
            "sebagian": "Sebagian",
            "ingkar": "Ingkar",
            "dibatalkan": "Dibatalkan",
        }[self.value]

    @property
    def is_final(self) -> bool:
        """Counted in the promise-kept rate (Dibatalkan is not counted at all)."""
        return self in (PromiseStatus.DITEPATI, PromiseStatus.SEBAGIAN, PromiseStatus.INGKAR)


class LetterKind(StrEnum):
    SP1 = "SP1"
    SP2 = "SP2"
    SP3 = "SP3"
    PANGGILAN = "panggilan"
    SOMASI = "somasi"
    BERITA_ACARA = "berita_acara"
    LAINNYA = "lainnya"

    @property
    def label(self) -> str:
        return {
            "SP1": "Surat Peringatan 1",
            "SP2": "Surat Peringatan 2",
            "SP3": "Surat Peringatan 3 (terakhir)",
            "panggilan": "Surat Panggilan",
            "somasi": "Somasi",
            "berita_acara": "Berita Acara",
            "lainnya": "Surat lain",
        }[self.value]


DELIVERY_METHODS = {
    "diantar": "Diantar petugas",
    "pos": "Pos tercatat",
    "whatsapp": "WhatsApp",
    "diambil": "Diambil di kantor",
    "lainnya": "Lainnya",
}


# ------------------------------------------------------------------------------- the case file


@dataclass(frozen=True)
class Case:
    id: int
    number: str
    loan_id: int
    loan_number: str
    member_id: int
    member_number: str
    member_name: str
    status: CaseStatus
    opened_on: date
    opened_how: str  # 'otomatis' or 'manual'
    open_reason: str
    officer_id: int | None
    officer_name: str
    collateral_status: CollateralStatus
    collateral_note: str
    causes: tuple[str, ...] = ()
    closed_on: date | None = None
    close_reason: str = ""

    @property
    def cause_labels(self) -> tuple[str, ...]:
        return tuple(cause_label(c) for c in self.causes)


@dataclass(frozen=True)
class CaseRow:
    """One line of the cases list, with the loan's figures as of the list's date."""

    case: Case
    as_of: date
    quality: str | None  # None when the loan is no longer aktif
    days_past_due: int
    arrears_total: int
    outstanding: int
    last_contact: date | None
    next_step: str
    next_step_date: date | None
    broken_promises: int
    latest_promise: PromiseView | None = None  # the newest promise not cancelled, at as_of
    exact: bool = False  # the search text is exactly its member/NIK/phone/case/loan number

    @property
    def next_step_overdue(self) -> bool:
        return self.next_step_date is not None and self.next_step_date < self.as_of


@dataclass(frozen=True)
class CaseFilter:
    statuses: tuple[CaseStatus, ...] = ()  # empty: every open case
    quality: str | None = None
    officer_id: int | None = None
    broken_promises_only: bool = False
    next_step_overdue_only: bool = False
    text: str = ""  # member name/number, loan or case number


# ------------------------------------------------------------------------------- contacts


@dataclass(frozen=True)
class ContactDraft:
    """What the contact form submits. `corrects_id` makes this a correction of that contact."""

    case_id: int
    contact_at: datetime
    channel: Channel
    met_role: MetRole
    met_name: str = ""
    officer_id: int | None = None  # who from the cooperative; the actor when None
    member_said: str = ""
    causes: tuple[str, ...] = ()
    offer: str = ""
    member_answer: str = ""
    agreed: str = ""
    next_step: str = ""
    next_step_date: date | None = None
    letter_kind: LetterKind | None = None  # for channel 'surat'
    attachments: tuple[str, ...] = ()  # paths of files to copy into the data folder
    corrects_id: int | None = None
    correction_reason: str = ""


@dataclass(frozen=True)
class Attachment:
    id: int
    contact_id: int
    rel_path: str  # relative to app.paths.attachments_dir()
    sha256: str
    original_name: str
    size: int


@dataclass(frozen=True)
class Contact:
    id: int
    case_id: int
    contact_at: datetime
    channel: Channel
    met_role: MetRole
    met_name: str
    officer_id: int
    officer_name: str
    member_said: str
    causes: tuple[str, ...]
    offer: str
    member_answer: str
    agreed: str
    next_step: str
    next_step_date: date | None
    letter_kind: LetterKind | None
    corrects_id: int | None
    correction_reason: str
    corrected_by_id: int | None
    attachments: tuple[Attachment, ...] = ()
    created_by: int | None = None
    created_at: str = ""

    @property
    def is_superseded(self) -> bool:
        return self.corrected_by_id is not None


# ------------------------------------------------------------------------------- promises


@dataclass(frozen=True)
class PromiseDraft:
    amount: int
    due_date: date


@dataclass(frozen=True)
class Promise:
    id: int
    case_id: int
    loan_id: int
    contact_id: int
    member_id: int
    amount: int
    made_on: date
    due_date: date
    officer_id: int  # who obtained it (the contact's officer)
    officer_name: str
    cancelled_on: date | None = None
    cancel_reason: str = ""
    cancel_decision_id: int | None = None


@dataclass(frozen=True)
class CountedPayment:
    event_id: int
    on: date
    amount: int  # the part of that receipt counted for this promise


@dataclass(frozen=True)
class PromiseView:
    """A promise with its status at `as_of`, decided from the loan's real payments."""

    promise: Promise
    as_of: date
    status: PromiseStatus
    paid: int  # counted toward this promise up to min(as_of, deadline)
    deadline: date  # due date + grace days: payments up to this day count
    payments: tuple[CountedPayment, ...] = ()

    @property
    def shortfall(self) -> int:
        return max(0, self.promise.amount - self.paid)


@dataclass(frozen=True)
class KeptRate:
    """Promise-kept rate of one member or officer: kept / (kept + partly + broken)."""

    key_id: int
    name: str
    made: int
    kept: int
    partly: int
    broken: int
    waiting: int
    cancelled: int

    @property
    def decided(self) -> int:
        return self.kept + self.partly + self.broken

    @property
    def rate(self) -> Decimal | None:
        """Percent kept, one decimal; None before any promise is decided."""
        if not self.decided:
            return None
        return (Decimal(self.kept * 100) / self.decided).quantize(Decimal("0.1"))


# ------------------------------------------------------------------------------- letters


@dataclass(frozen=True)
class LetterDraft:
    kind: LetterKind
    letter_date: date
    number: str = ""
    sent_on: date | None = None
    delivery_method: str = ""  # key of DELIVERY_METHODS
    received_by: str = ""
    pay_by: date | None = None  # the date the letter asks payment by (default +7 days)
    document_ref: str = ""  # the documents register's id/number when printed there
    note: str = ""


@dataclass(frozen=True)
class Letter(LetterDraft):
    id: int = 0
    case_id: int = 0
    loan_id: int = 0
    created_by: int | None = None
