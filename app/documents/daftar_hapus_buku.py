"""Daftar Pinjaman Dihapusbukukan: the list of loans written off in a book year, annexed to
the RAT report for ratification; the claim survives and collection goes on off the books."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.kinds import DocKind
from app.formats import format_date_short
from app.money import format_number

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


@dataclass(frozen=True)
class WrittenOffLoan:
    member_number: str
    member_name: str
    loan_number: str
    written_off_on: date
    pokok: int  # principal written off against the allowance
    jasa_denda: int  # unpaid jasa and denda reversed (never income)
    decision: str  # the board decision number
    recovered: int = 0  # collected since, off the books
    forgiven: int = 0  # no longer claimed after a hapus tagih
    forgiven_ref: str = ""  # the members' meeting (RAT) decision of the hapus tagih

    @property
    def remaining(self) -> int:
        return max(0, self.pokok + self.jasa_denda - self.recovered - self.forgiven)


@dataclass(frozen=True)
class DaftarHapusBuku:
    nomor: str
    doc_date: date
    year: int
    loans: tuple[WrittenOffLoan, ...]

    @property
    def total_pokok(self) -> int:
        return sum(x.pokok for x in self.loans)

    @property
    def total_jasa_denda(self) -> int:
        return sum(x.jasa_denda for x in self.loans)

    @property
    def total_recovered(self) -> int:
        return sum(x.recovered for x in self.loans)

    @property
    def total_remaining(self) -> int:
        return sum(x.remaining for x in self.loans)

    def title(self) -> str:
        return f"Daftar Pinjaman Dihapusbukukan Tahun Buku {self.year}"

    def link(self) -> RegisterLink:
        return RegisterLink()


def daftar_hapus_buku(loans: Sequence[WrittenOffLoan], *, year: int, on: date) -> DaftarHapusBuku:
    """The loans written off in `year`, in date order."""
    chosen = sorted(
        (x for x in loans if x.written_off_on.year == year),
        key=lambda x: (x.written_off_on, x.loan_number),
    )
    return DaftarHapusBuku("", on, year, tuple(chosen))


def story(doc: DaftarHapusBuku, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer

    from app.documents.letter_parts import body, officers_sign, title_block
    from app.documents.tables import cell, data_table, p, rp_words

    rows = [
        [
            str(n),
            cell(f"{x.member_name} ({x.member_number})", "scell"),
            cell(
                f"{x.loan_number}\n{x.decision}"
                + (f"\nHapus tagih, RAT\n{x.forgiven_ref}" if x.forgiven_ref else ""),
                "scell",
            ),
            format_date_short(x.written_off_on),
            format_number(x.pokok),
            format_number(x.jasa_denda),
            format_number(x.recovered),
            format_number(x.remaining),
        ]
        for n, x in enumerate(doc.loans, start=1)
    ]
    total = [
        "",
        "Jumlah",
        "",
        "",
        format_number(doc.total_pokok),
        format_number(doc.total_jasa_denda),
        format_number(doc.total_recovered),
        format_number(doc.total_remaining),
    ]
    return [
        *title_block(
            "DAFTAR PINJAMAN DIHAPUSBUKUKAN",
            doc.nomor,
            f"Lampiran Laporan Pertanggungjawaban Pengurus pada Rapat Anggota Tahunan · "
            f"Tahun Buku {doc.year}",
        ),
        data_table(
            [
                "No.",
                "Anggota",
                "No. Pinjaman / Keputusan",
                "Tanggal Hapus Buku",
                "Pokok",
                "Jasa & Denda",
                "Tertagih Kembali",
                "Sisa Tagihan",
            ],
            rows,
            [
                0.8 * cm,
                2.9 * cm,
                3.7 * cm,
                1.8 * cm,
                1.9 * cm,
                1.8 * cm,
                1.7 * cm,
                1.9 * cm,
            ],
            right=(4, 5, 6, 7),
            center=(0, 3),
            total=total,
            small=True,
            empty_text=f"Tidak ada pinjaman yang dihapusbukukan pada tahun buku {doc.year}.",
        ),
        Spacer(1, 0.2 * cm),
        p(
            f"Pokok yang dihapusbukukan: {rp_words(doc.total_pokok, ctx.rupiah_style)}. Jasa "
            "dan denda yang belum dibayar dibatalkan, tidak dicatat sebagai pendapatan. Jumlah "
            "dalam rupiah.",
            "tiny",
        ),
        Spacer(1, 0.15 * cm),
        body(
            ctx.text(
                "daftar_hapus_buku.keterangan",
                {"nama_koperasi": ctx.coop, "kota": ctx.profile.city},
            )
        ),
        Spacer(1, 0.4 * cm),
        *officers_sign(ctx, DocKind.DAFTAR_HAPUS_BUKU, doc.doc_date, closing="Pengurus"),
    ]


def render(doc: DaftarHapusBuku, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(doc, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title=doc.title(),
        number=doc.nomor,
    )
