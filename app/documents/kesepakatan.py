"""What a settlement agreement says, shared by the Berita Acara Kesepakatan and the Surat
Perjanjian/Addendum: the parties, the position at the cut-off date, the solution with its new
schedule, the waivers, the default clause — and the numbered points built from them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from app.documents.jadwal_angsuran import ScheduleRow, rows_from, schedule_table
from app.documents.parties import ArrearsFigures, CollateralItem, MemberParty
from app.errors import ValidationError
from app.formats import format_date_long
from app.loans.schedule import Installment, ScheduleTerms, build_schedule, method_label
from app.money import format_rate

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from app.documents.letter import Signer


SOLUTIONS = {
    "penjadwalan": "Penjadwalan Kembali",
    "persyaratan": "Persyaratan Kembali",
    "penataan": "Penataan Kembali",
    "keringanan": "Pelunasan dengan Keringanan",
    "kompensasi": "Kompensasi Simpanan",
    "janji_bayar": "Pembayaran Tunggakan",
}
_COMPONENT_LABELS = {"denda": "denda", "jasa": "tunggakan jasa", "pokok": "pokok"}


@dataclass(frozen=True)
class CoopRep:
    name: str
    position: str


@dataclass(frozen=True)
class WaiverItem:
    component: str  # 'denda', 'jasa', 'pokok'
    amount: int


@dataclass(frozen=True)
class NewTerms:
    """A new schedule (rescheduling/restructuring)."""

    principal: int
    months: int
    monthly_rate: Decimal
    method: str  # key: 'flat', 'declining', 'annuity'
    first_due: date
    round_to: int = 100


@dataclass(frozen=True)
class Agreement:
    solution: str  # key of SOLUTIONS
    position: ArrearsFigures
    cause: str
    waivers: tuple[WaiverItem, ...]
    default_after: int  # instalments missed again that revive the waived amounts
    points: tuple[str, ...]  # the numbered points agreed, in words
    schedule: tuple[ScheduleRow, ...] = ()
    new_terms: NewTerms | None = None
    lump_sum: int = 0
    lump_sum_due: date | None = None
    collateral: tuple[CollateralItem, ...] = ()

    @property
    def solution_label(self) -> str:
        return SOLUTIONS[self.solution]

    @property
    def waived_total(self) -> int:
        return sum(w.amount for w in self.waivers)

    @property
    def owed(self) -> int:
        """Everything owed at the cut-off: sisa pokok + tunggakan jasa + denda."""
        return self.position.outstanding + self.position.jasa + self.position.denda

    @property
    def first_installment(self) -> ScheduleRow | None:
        """The first instalment of the new terms (on their first due date; an instalment
        of arrears due earlier, on the agreement's effective date, comes before it)."""
        if not self.schedule:
            return None
        if self.new_terms is None:
            return self.schedule[0]
        due = self.new_terms.first_due
        return next((r for r in self.schedule if r.due_date >= due), self.schedule[0])


def _waiver_text(waivers: Sequence[WaiverItem], style: str) -> str:
    from app.documents.tables import rp, rp_words

    parts = [f"{_COMPONENT_LABELS[w.component]} {rp(w.amount, style)}" for w in waivers]
    total = sum(w.amount for w in waivers)
    return f"{', '.join(parts)}, seluruhnya {rp_words(total, style)}"


def agreement(
    solution: str,
    position: ArrearsFigures,
    *,
    cause: str = "",
    waivers: Sequence[WaiverItem] = (),
    new_terms: NewTerms | None = None,
    lump_sum: int = 0,
    lump_sum_due: date | None = None,
    default_after: int = 2,
    collateral: Sequence[CollateralItem] = (),
    extra_points: Sequence[str] = (),
    style: str = "puebi",
    schedule: Sequence[Installment] | None = None,
) -> Agreement:
    """The agreement with its numbered points (the default clause is added by the document
    from the cooperative's wording). `schedule`: the new schedule exactly as decided (e.g. a
    restructuring's, with arrears carried into its first instalments); without it the
    schedule is built from `new_terms` with the loan calculator."""
    from app.documents.tables import rp, rp_words

    if solution not in SOLUTIONS:
        raise ValidationError("Pilih bentuk penyelesaian dari daftar.", field="solution")
    if new_terms is None and lump_sum <= 0:
        raise ValidationError(
            "Kesepakatan harus memuat jadwal baru atau jumlah pelunasan.", field="terms"
        )
    owed = position.outstanding + position.jasa + position.denda
    for w in waivers:
        limit = {"denda": position.denda, "jasa": position.jasa, "pokok": position.outstanding}
        if w.component not in limit or not 0 < w.amount <= limit[w.component]:
            raise ValidationError(
                f"Keringanan {w.component} harus lebih dari nol dan tidak melebihi jumlahnya.",
                field="waivers",
            )
    if default_after < 1:
        raise ValidationError("Batas angsuran terlewat paling sedikit 1.", "default_after")
    when = format_date_long(position.as_of)
    points = [
        f"PIHAK KEDUA mengakui kewajibannya kepada PIHAK PERTAMA per tanggal {when} sebesar "
        f"{rp_words(owed, style)}, terdiri atas sisa pokok {rp(position.outstanding, style)}, "
        f"tunggakan jasa {rp(position.jasa, style)} dan denda {rp(position.denda, style)}."
    ]
    if waivers:
        points.append(
            "PIHAK PERTAMA memberikan keringanan berupa penghapusan "
            f"{_waiver_text(waivers, style)}."
        )
    rows: tuple[ScheduleRow, ...] = ()
    if new_terms is not None:
        built = schedule or build_schedule(
            ScheduleTerms(
                new_terms.principal,
                new_terms.monthly_rate * 12,
                new_terms.months,
                new_terms.method,
                new_terms.first_due,
                new_terms.round_to,
                True,
            )
        )
        rows = rows_from(built)
        first = next((r for r in rows if r.due_date >= new_terms.first_due), rows[0])
        rate = new_terms.monthly_rate
        points.append(
            f"Kewajiban tersebut diselesaikan dengan {SOLUTIONS[solution]}: pokok baru "
            f"{rp_words(new_terms.principal, style)} diangsur selama {new_terms.months} bulan "
            f"dengan jasa {format_rate(rate)} per bulan ({format_rate(rate * 12)} per tahun, "
            f"metode {method_label(new_terms.method)}), angsuran pertama "
            f"{rp(first.total, style)} pada tanggal {format_date_long(first.due_date)}, "
            "sesuai jadwal angsuran terlampir."
        )
    if lump_sum > 0:
        due = format_date_long(lump_sum_due) if lump_sum_due else "saat penandatanganan"
        points.append(
            f"PIHAK KEDUA membayar {rp_words(lump_sum, style)} paling lambat tanggal {due}"
            + {
                "keringanan": " sebagai pelunasan seluruh kewajiban.",
                "janji_bayar": " untuk mengurangi tunggakan.",
            }.get(solution, ".")
        )
    if collateral:
        items = "; ".join(f"{c.kind} {c.description}".strip() for c in collateral)
        points.append(
            f"Agunan berupa {items} tetap disimpan oleh PIHAK PERTAMA sampai seluruh kewajiban "
            "dalam kesepakatan ini selesai."
        )
    points += [x.strip() for x in extra_points if x.strip()]
    return Agreement(
        solution=solution,
        position=position,
        cause=cause.strip(),
        waivers=tuple(waivers),
        default_after=default_after,
        points=tuple(points),
        schedule=rows,
        new_terms=new_terms,
        lump_sum=lump_sum,
        lump_sum_due=lump_sum_due,
        collateral=tuple(collateral),
    )


def parties_block(coop_rep: CoopRep, coop: str, city: str, member: MemberParty) -> list[Flowable]:
    """'1. Nama … selanjutnya disebut PIHAK PERTAMA' and the member as PIHAK KEDUA."""
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer

    from app.documents.tables import p, pairs_table

    first = pairs_table(
        [("Nama", coop_rep.name), ("Jabatan", coop_rep.position), ("Alamat", city)],
        label_width=3.2 * cm,
        style="lplain",
    )
    second = pairs_table(
        [
            ("Nama", member.name),
            ("NIK", member.nik),
            ("No. Anggota", member.number),
            ("Pekerjaan", member.occupation),
            ("Alamat", member.address),
        ],
        label_width=3.2 * cm,
        style="lplain",
    )
    return [
        p("1.", "lbold"),
        first,
        p(f"bertindak untuk dan atas nama {coop}, selanjutnya disebut PIHAK PERTAMA.", "lbody"),
        Spacer(1, 0.15 * cm),
        p("2.", "lbold"),
        second,
        p("bertindak untuk dan atas nama diri sendiri, selanjutnya disebut PIHAK KEDUA.", "lbody"),
        Spacer(1, 0.15 * cm),
    ]


def party_signatures(
    coop_rep: CoopRep,
    member: MemberParty,
    *,
    meterai: bool,
    spouse: str = "",
    witnesses: Sequence[str] = (),
    known_by: Signer | None = None,
    heading: str = "",
) -> list[Flowable]:
    """PIHAK KEDUA (over meterai) and PIHAK PERTAMA; under them the spouse's consent (below
    PIHAK KEDUA) and two witnesses in one row; "Mengetahui" last. Kept on one page."""
    from app.documents.letter import Signer
    from app.documents.signatures import signature_rows

    rows: list[list[Signer | None]] = [
        [
            Signer("Anggota", member.name, "PIHAK KEDUA,", meterai),
            Signer(coop_rep.position, coop_rep.name, "PIHAK PERTAMA,"),
        ]
    ]
    second: list[Signer | None] = [
        Signer("", name, f"Saksi {'I' * n},") for n, name in enumerate(witnesses, start=1)
    ]
    if spouse.strip():
        consent = Signer("Suami/Istri PIHAK KEDUA", spouse, "Menyetujui,")
        second = [consent, *second] if second else [consent, None]
    if second:
        rows.append(second)
    return signature_rows(rows, known_by, heading=heading, together=True)


def schedule_annex(title: str, nomor: str, rows: Sequence[ScheduleRow]) -> list[Flowable]:
    from reportlab.platypus import PageBreak

    from app.documents.tables import p

    if not rows:
        return []
    return [
        PageBreak(),
        p(f"LAMPIRAN {title}", "lbold"),
        p(f"Nomor: {nomor or '–'}", "lplain"),
        p("JADWAL ANGSURAN BARU", "title"),
        schedule_table(rows),
        p("Jumlah dalam rupiah; angsuran terakhir menampung sisa pembulatan.", "tiny"),
    ]
