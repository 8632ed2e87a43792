"""Surat Keterangan Lunas: the cooperative certifies that a loan is settled — when and how —
and which collateral was returned. A written-off loan is never called "lunas"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.kinds import DocKind
from app.documents.meterai import MeteraiDecision, meterai_for
from app.documents.parties import CollateralItem, LoanRef, MemberParty
from app.errors import ValidationError
from app.formats import format_date_long
from app.loans.models import LoanStatus

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


_METERAI = meterai_for(DocKind.KETERANGAN_LUNAS)


class PaidOffHow(StrEnum):
    PENUH = "penuh"
    KERINGANAN = "keringanan"
    RESTRUKTURISASI = "restrukturisasi"

    @property
    def text(self) -> str:
        return {
            "penuh": "dengan membayar lunas seluruh pokok dan jasa",
            "keringanan": "berdasarkan kesepakatan penyelesaian dengan keringanan",
            "restrukturisasi": "setelah restrukturisasi, dengan membayar lunas jadwal yang baru",
        }[self.value]


@dataclass(frozen=True)
class KeteranganLunas:
    nomor: str
    doc_date: date
    member: MemberParty
    loan: LoanRef
    paid_off_on: date
    how: PaidOffHow
    agreement_ref: str = ""  # the BA/agreement number for a settlement with waiver
    returned: tuple[CollateralItem, ...] = ()
    meterai: MeteraiDecision = _METERAI

    def title(self) -> str:
        return f"Surat Keterangan Lunas {self.loan.number} – {self.member.name}"

    def link(self) -> RegisterLink:
        m = self.member
        return RegisterLink(m.id, m.number, m.name, self.loan.id, self.loan.number)

    @property
    def how_text(self) -> str:
        text = self.how.text
        if self.how == PaidOffHow.KERINGANAN and self.agreement_ref.strip():
            text += f" Nomor {self.agreement_ref.strip()}"
        return text


_HOW_BY_STATUS = {
    LoanStatus.LUNAS: PaidOffHow.PENUH,
    LoanStatus.LUNAS_KERINGANAN: PaidOffHow.KERINGANAN,
}


def keterangan_lunas(
    member: MemberParty,
    loan: LoanRef,
    status: LoanStatus,
    *,
    on: date,
    paid_off_on: date | None,
    restructured: bool = False,
    agreement_ref: str = "",
    returned: tuple[CollateralItem, ...] = (),
) -> KeteranganLunas:
    """Refuses anything but a loan closed by payment (lunas or lunas with waiver)."""
    if status in (LoanStatus.HAPUS_BUKU, LoanStatus.HAPUS_TAGIH):
        raise ValidationError(
            f"Pinjaman {loan.number} dihapusbukukan/dihapustagih, bukan lunas. Surat Keterangan "
            "Lunas tidak boleh dibuat untuk pinjaman ini.",
            field="status",
        )
    if status not in _HOW_BY_STATUS or paid_off_on is None:
        raise ValidationError(
            f"Pinjaman {loan.number} belum lunas (status {status.label}).", field="status"
        )
    how = _HOW_BY_STATUS[status]
    if restructured and how == PaidOffHow.PENUH:
        how = PaidOffHow.RESTRUKTURISASI
    return KeteranganLunas("", on, member, loan, paid_off_on, how, agreement_ref, returned)


def story(letter: KeteranganLunas, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer

    from app.documents.letter_parts import body, officers_sign, title_block
    from app.documents.tables import data_table, pairs_table, rp

    m, loan = letter.member, letter.loan
    values = {
        "sapaan": m.salutation,
        "nama_anggota": m.name,
        "no_anggota": m.number,
        "nama_koperasi": ctx.coop,
        "kota": ctx.profile.city,
        "nomor_pinjaman": loan.number,
        "tanggal_perjanjian": loan.agreement_date_text,
        "plafon": rp(loan.amount, ctx.rupiah_style),
        "tanggal_lunas": format_date_long(letter.paid_off_on),
        "cara_lunas": letter.how_text,
    }
    config = ctx.signers_for(DocKind.KETERANGAN_LUNAS)
    position = config.signers[0].title() if config.signers else "Pengurus"
    result: list[Flowable] = [
        *title_block("SURAT KETERANGAN LUNAS", letter.nomor),
        body(f"Yang bertanda tangan di bawah ini, {position} {ctx.coop}, menerangkan bahwa:"),
        Spacer(1, 0.15 * cm),
        pairs_table(
            [
                ("Nama", m.name),
                ("No. Anggota", m.number),
                ("NIK", m.nik),
                ("Alamat", m.address),
            ],
            label_width=3.4 * cm,
            style="lplain",
        ),
        Spacer(1, 0.15 * cm),
        body(ctx.text("keterangan_lunas.isi", values)),
        Spacer(1, 0.2 * cm),
    ]
    if letter.returned:
        result += [
            body("Agunan berikut telah dikembalikan kepada pemiliknya:"),
            Spacer(1, 0.1 * cm),
            data_table(
                ["Jenis", "Uraian", "No. Dokumen", "Atas Nama"],
                [[c.kind, c.description, c.document_no, c.owner] for c in letter.returned],
                [3.8 * cm, 5.2 * cm, 3.7 * cm, 3.8 * cm],
            ),
            Spacer(1, 0.2 * cm),
        ]
    result += [
        body(ctx.text("keterangan_lunas.penutup", values)),
        Spacer(1, 0.4 * cm),
        *officers_sign(
            ctx,
            DocKind.KETERANGAN_LUNAS,
            letter.doc_date,
            closing="",
            meterai_first=letter.meterai.required,
        ),
    ]
    return result


def render(letter: KeteranganLunas, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(letter, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title="Surat Keterangan Lunas",
        number=letter.nomor,
    )
