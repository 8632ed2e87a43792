"""Surat Permohonan Potong Gaji: the cover letter to an employer's payroll office with the
month's deductions per member (the Excel list goes with it), on the letterhead, numbered
in the document register."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from app.documents.context import DocContext, RegisterLink
from app.documents.kinds import DocKind
from app.documents.letter import reference_block
from app.documents.letter_parts import body, dated, officers_sign
from app.documents.render import render_story
from app.documents.tables import cell, data_table, or_dash, p, rp_words
from app.formats import MONTHS_ID
from app.money import format_number


@dataclass(frozen=True)
class DeductionRow:
    member_number: str
    employee_no: str
    name: str
    angsuran: int
    wajib: int  # simpanan wajib and the agreed simpanan sukarela

    @property
    def total(self) -> int:
        return self.angsuran + self.wajib


@dataclass(frozen=True)
class SuratPotongGaji:
    nomor: str
    doc_date: date
    employer: str
    month: str  # 'YYYY-MM'
    rows: tuple[DeductionRow, ...]

    @property
    def month_label(self) -> str:
        year, number = self.month.split("-")
        return f"{MONTHS_ID[int(number) - 1]} {year}"

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rows)

    def title(self) -> str:
        return f"Surat Permohonan Potong Gaji – {self.employer} {self.month_label}"

    def link(self) -> RegisterLink:
        return RegisterLink(member_name=self.employer)


def surat_potong_gaji(
    employer: str, month: str, dues: Sequence[tuple[str, str, str, str, int]], on: date
) -> SuratPotongGaji:
    """From the due list: (member number, employee no, name, item, amount) rows; one line
    per member with the instalments and the wajib summed."""
    names: dict[str, tuple[str, str]] = {}
    angsuran: dict[str, int] = {}
    wajib: dict[str, int] = {}
    for number, employee_no, name, item, amount in dues:
        names.setdefault(number, (employee_no, name))
        target = angsuran if item == "Angsuran Pinjaman" else wajib
        target[number] = target.get(number, 0) + amount
    rows = tuple(
        DeductionRow(number, employee_no, name, angsuran.get(number, 0), wajib.get(number, 0))
        for number, (employee_no, name) in names.items()
    )
    return SuratPotongGaji("", on, employer, month, rows)


def story(doc: SuratPotongGaji, ctx: DocContext) -> list[Flowable]:
    rows = [
        [str(i), cell(r.name), r.employee_no or "–", r.member_number,
         format_number(r.angsuran), format_number(r.wajib), format_number(r.total)]
        for i, r in enumerate(doc.rows, start=1)
    ]  # fmt: skip
    total = ["", "Jumlah", "", "", format_number(sum(r.angsuran for r in doc.rows)),
             format_number(sum(r.wajib for r in doc.rows)), format_number(doc.total)]  # fmt: skip
    return [
        dated(ctx, doc.doc_date),
        Spacer(1, 0.1 * cm),
        reference_block(
            or_dash(doc.nomor),
            f"Permohonan Potong Gaji Anggota Bulan {doc.month_label}",
            "1 (satu) berkas daftar potongan (Excel)",
        ),
        Spacer(1, 0.3 * cm),
        *[
            p(line, "lplain")
            for line in (
                "Kepada Yth.",
                "Pimpinan / Bagian Keuangan",
                doc.employer.strip() or "–",
                "di Tempat",
            )
        ],
        Spacer(1, 0.3 * cm),
        p("Dengan hormat,", "lplain"),
        Spacer(1, 0.1 * cm),
        body(
            f"Bersama ini kami mohon bantuan pemotongan gaji bulan {doc.month_label} bagi "
            f"{len(doc.rows)} pegawai {doc.employer.strip()} yang menjadi anggota {ctx.coop}, "
            f"untuk angsuran pinjaman dan simpanan wajib, sejumlah "
            f"{rp_words(doc.total, ctx.rupiah_style)}, dengan rincian sebagai berikut:"
        ),
        Spacer(1, 0.15 * cm),
        data_table(
            ["No.", "Nama", "NIP", "No. Anggota", "Angsuran", "Simpanan", "Jumlah"],
            rows,
            [0.8 * cm, 4.4 * cm, 3.2 * cm, 2.0 * cm, 2.2 * cm, 2.2 * cm, 2.2 * cm],
            right=(4, 5, 6),
            center=(0,),
            total=total,
            small=True,
            empty_text="Tidak ada potongan bulan ini.",
        ),
        Spacer(1, 0.15 * cm),
        body(
            "Mohon hasil pemotongan disetorkan ke rekening koperasi, dan berkas daftar "
            "potongan dikembalikan kepada kami dengan kolom \u201cDipotong\u201d diisi jumlah "
            "yang benar-benar dipotong, agar dapat kami bukukan. Atas bantuan dan kerja "
            "samanya kami ucapkan terima kasih."
        ),
        Spacer(1, 0.4 * cm),
        *officers_sign(ctx, DocKind.SURAT_POTONG_GAJI, None),
    ]


def render(doc: SuratPotongGaji, ctx: DocContext) -> tuple[bytes, int]:
    return render_story(
        story(doc, ctx), ctx.profile, is_demo=ctx.is_demo, title=doc.title(), number=doc.nomor
    )
