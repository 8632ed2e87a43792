"""Bilyet simpanan berjangka: the certificate of one placement, with its number, the amount in
figures and words (terbilang), the term, the rate, the dates, how the jasa is paid, whether it
rolls over, and the early-withdrawal rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.kinds import DocKind
from app.documents.parties import MemberParty
from app.formats import format_date_long
from app.money import format_rate, terbilang_rupiah

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


TITLE = "BILYET SIMPANAN BERJANGKA"


@dataclass(frozen=True)
class Bilyet:
    nomor: str  # the register's number, filled in when issued
    doc_date: date
    member: MemberParty
    account_number: str  # the placement's number (with its period after a roll-over)
    principal: int
    term_months: int
    rate: Decimal  # % per year
    start_on: date
    maturity_on: date
    jasa_text: str
    aro: bool
    penalty_percent: Decimal

    @property
    def words(self) -> str:
        return terbilang_rupiah(self.principal)

    def title(self) -> str:
        return f"Bilyet Simpanan Berjangka {self.account_number} – {self.member.name}"

    def link(self) -> RegisterLink:
        m = self.member
        return RegisterLink(m.id, m.number, m.name)


def story(doc: Bilyet, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer

    from app.documents.letter_parts import body, officers_sign, title_block
    from app.documents.tables import pairs_table, rp

    m = doc.member
    monthly = doc.rate / 12
    rows = [
        ("No. Rekening", doc.account_number),
        ("Nama", m.name),
        ("No. Anggota", m.number),
        ("NIK", m.nik or "–"),
        ("Alamat", m.address or "–"),
        ("Nominal", rp(doc.principal, ctx.rupiah_style)),
        ("Terbilang", doc.words.capitalize()),
        ("Jangka Waktu", f"{doc.term_months} bulan"),
        (
            "Jasa",
            f"{format_rate(doc.rate)} per tahun ({format_rate(monthly.quantize(Decimal('0.0001')))}"
            " per bulan)",
        ),
        ("Tanggal Penempatan", format_date_long(doc.start_on)),
        ("Jatuh Tempo", format_date_long(doc.maturity_on)),
        ("Pembayaran Jasa", doc.jasa_text),
        ("Perpanjangan Otomatis", "Ya (ARO)" if doc.aro else "Tidak"),
    ]
    return [
        *title_block(TITLE, doc.nomor),
        body(f"{ctx.coop} menerangkan telah menerima simpanan berjangka dari:"),
        Spacer(1, 0.15 * cm),
        pairs_table(rows, label_width=4.2 * cm, style="lplain"),
        Spacer(1, 0.25 * cm),
        body(
            "Jasa dipotong PPh Pasal 4 ayat (2) sesuai ketentuan yang berlaku. Pencairan sebelum "
            "jatuh tempo memerlukan izin Pengurus; jasa yang belum dibayarkan tidak diberikan dan "
            f"dikenakan penalti {format_rate(doc.penalty_percent)} dari nominal. Bilyet ini "
            "bukan alat pembayaran dan tidak dapat dipindahtangankan."
        ),
        Spacer(1, 0.4 * cm),
        *officers_sign(ctx, DocKind.BILYET_BERJANGKA, doc.doc_date, closing=""),
    ]


def render(doc: Bilyet, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(doc, ctx), ctx.profile, is_demo=ctx.is_demo, title=TITLE.title(), number=doc.nomor
    )
