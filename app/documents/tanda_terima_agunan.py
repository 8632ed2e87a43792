"""Tanda Terima Agunan: collateral handed to the cooperative (or returned to its owner), item by
item, signed by who hands it over and who receives it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.kinds import DocKind
from app.documents.parties import CollateralItem, LoanRef, MemberParty
from app.errors import ValidationError
from app.money import format_number

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


@dataclass(frozen=True)
class TandaTerimaAgunan:
    nomor: str
    doc_date: date
    member: MemberParty
    loan: LoanRef
    items: tuple[CollateralItem, ...]
    returning: bool = False  # False: received by the cooperative; True: returned to the owner

    @property
    def total_value(self) -> int:
        return sum(i.value for i in self.items)

    def title(self) -> str:
        what = "Pengembalian" if self.returning else "Penerimaan"
        return f"Tanda Terima {what} Agunan – {self.member.name}"

    def link(self) -> RegisterLink:
        m = self.member
        return RegisterLink(m.id, m.number, m.name, self.loan.id, self.loan.number)


def tanda_terima_agunan(
    member: MemberParty,
    loan: LoanRef,
    items: tuple[CollateralItem, ...],
    *,
    on: date,
    returning: bool = False,
) -> TandaTerimaAgunan:
    if not items:
        raise ValidationError("Pilih paling sedikit satu agunan.", field="items")
    return TandaTerimaAgunan("", on, member, loan, items, returning)


def story(receipt: TandaTerimaAgunan, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer

    from app.documents.letter import Signer, place_and_date
    from app.documents.letter_parts import body, title_block
    from app.documents.signatures import officer, signature_rows
    from app.documents.tables import data_table, rp

    m, loan = receipt.member, receipt.loan
    values = {
        "sapaan": m.salutation,
        "nama_anggota": m.name,
        "no_anggota": m.number,
        "nama_koperasi": ctx.coop,
        "kota": ctx.profile.city,
        "nomor_pinjaman": loan.number,
        "tanggal_perjanjian": loan.agreement_date_text,
        "plafon": rp(loan.amount, ctx.rupiah_style),
    }
    key = "tanda_terima_agunan.kembali" if receipt.returning else "tanda_terima_agunan.terima"
    rows = [
        [str(n), i.kind, i.description, i.document_no, i.owner, format_number(i.value)]
        for n, i in enumerate(receipt.items, start=1)
    ]
    config = ctx.signers_for(DocKind.TANDA_TERIMA_AGUNAN)
    coop_role = config.signers[0] if config.signers else "manajer"
    coop = officer(ctx.profile, coop_role)
    member = Signer("Pemilik / Anggota", m.name, "")
    if receipt.returning:
        row = [
            Signer(coop.position, coop.name, "Yang menyerahkan,"),
            Signer(member.position, member.name, "Yang menerima,"),
        ]
    else:
        row = [
            Signer(member.position, member.name, "Yang menyerahkan,"),
            Signer(coop.position, coop.name, "Yang menerima,"),
        ]
    heading = "TANDA TERIMA PENGEMBALIAN AGUNAN" if receipt.returning else "TANDA TERIMA AGUNAN"
    return [
        *title_block(heading, receipt.nomor),
        body(ctx.text(key, values)),
        Spacer(1, 0.2 * cm),
        data_table(
            ["No.", "Jenis", "Uraian", "No. Dokumen", "Atas Nama", "Taksiran (Rp)"],
            rows,
            [0.8 * cm, 3.0 * cm, 4.4 * cm, 2.8 * cm, 2.8 * cm, 2.7 * cm],
            right=(5,),
            center=(0,),
            total=["", "", "Jumlah taksiran", "", "", format_number(receipt.total_value)],
        ),
        Spacer(1, 0.25 * cm),
        body(ctx.text("tanda_terima_agunan.penutup", values)),
        Spacer(1, 0.4 * cm),
        *signature_rows([row], heading=place_and_date(ctx.profile, receipt.doc_date)),
    ]


def render(receipt: TandaTerimaAgunan, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(receipt, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title="Tanda Terima Agunan",
        number=receipt.nomor,
    )
