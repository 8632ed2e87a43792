"""The day's work queue and a case's timeline as data (re-exported by app.collection.models)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class QueueKind(StrEnum):
    """Kinds of lines in the day's work queue, in the order the Beranda shows them."""

    JANJI_INGKAR = "janji_ingkar"
    JANJI_HARI_INI = "janji_hari_ini"
    TINDAK_LANJUT = "tindak_lanjut"
    SURAT = "surat"
    KOLEKTIBILITAS = "kolektibilitas"
    KEPUTUSAN = "keputusan"

    @property
    def label(self) -> str:
        return {
            "janji_ingkar": "Janji bayar diingkari",
            "janji_hari_ini": "Janji bayar jatuh tempo hari ini",
            "tindak_lanjut": "Tindak lanjut jatuh tempo",
            "surat": "Surat peringatan perlu dikirim",
            "kolektibilitas": "Kolektibilitas memburuk",
            "keputusan": "Keputusan menunggu persetujuan",
        }[self.value]


@dataclass(frozen=True)
class TimelineEntry:
    """One item of a case's history; `source` and `ref_id` say where it came from."""

    at: datetime
    source: str  # 'kasus', 'kontak', 'surat', 'pembayaran', 'janji', 'keputusan', 'keuangan'
    title: str
    detail: str = ""
    amount: int | None = None
    user_name: str = ""
    ref_id: int | None = None


@dataclass(frozen=True)
class QueueItem:
    kind: QueueKind
    case_id: int | None  # None for a loan that has no case yet (worse class)
    loan_id: int
    member_name: str
    loan_number: str
    text: str
    amount: int
    due_date: date
    ref_id: int | None = None  # promise, contact, decision … the line is about
    letter: str = ""  # the letter a SURAT line asks for: 'SP1', 'SP2', 'SP3' or 'panggilan'
    priority: int = 0  # within its kind, higher first (letters: see queue.letter_priority)

    @property
    def kind_label(self) -> str:
        return self.kind.label


@dataclass(frozen=True)
class WorkQueue:
    as_of: date
    items: tuple[QueueItem, ...]
    counts: dict[QueueKind, int] = field(default_factory=dict)
    amounts: dict[QueueKind, int] = field(default_factory=dict)

    @property
    def total_count(self) -> int:
        return len(self.items)

    @property
    def total_amount(self) -> int:
        return sum(self.amounts.values())

    def of_kind(self, kind: QueueKind) -> list[QueueItem]:
        return [item for item in self.items if item.kind == kind]
