"""Surat Panggilan: the member is invited to the office (day, date, time, place) to talk about
settling the arrears."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.kinds import DocKind
from app.documents.parties import ArrearsFigures, LoanRef, MemberParty
from app.errors import ValidationError
from app.formats import format_date_long, format_date_with_day, format_time
from app.money import terbilang_rupiah

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


PERIHAL = "Undangan Penyelesaian Tunggakan Pinjaman"


@dataclass(frozen=True)
class SuratPanggilan:
    nomor: str
    doc_date: date
    member: MemberParty
    loan: LoanRef
    arrears: ArrearsFigures
    meeting_date: date
    meeting_time: time
    place: str
    contact_name: str
    contact_phone: str
    with_guarantor: bool = False
    case_id: int | None = None

    def title(self) -> str:
        return f"Surat Panggilan – {self.member.name}"

    def link(self) -> RegisterLink:
        m = self.member
        return RegisterLink(m.id, m.number, m.name, self.loan.id, self.loan.number, self.case_id)

    def placeholders(self, style: str = "puebi") -> dict[str, str]:
        from app.documents.tables import rp

        return {
            "sapaan": self.member.salutation,
            "nama_anggota": self.member.name,
            "no_anggota": self.member.number,
            "nomor_pinjaman": self.loan.number,
            "tanggal_perjanjian": self.loan.agreement_date_text,
            "plafon": rp(self.loan.amount, style),
            "tanggal_posisi": format_date_long(self.arrears.as_of),
            "jumlah_angsuran_tertunggak": str(self.arrears.installments_missed),
            "jumlah_tunggakan": rp(self.arrears.total, style),
            "terbilang_tunggakan": terbilang_rupiah(self.arrears.total),
            "batas_waktu": format_date_long(self.meeting_date),
            "petugas": self.contact_name.strip() or "petugas koperasi",
            "telepon_petugas": self.contact_phone.strip() or "kantor koperasi",
            "tempat": self.place,
        }


def surat_panggilan(
    member: MemberParty,
    loan: LoanRef,
    arrears: ArrearsFigures,
    *,
    on: date,
    meeting_date: date,
    meeting_time: time,
    place: str,
    contact_name: str,
    contact_phone: str,
    with_guarantor: bool = False,
    case_id: int | None = None,
) -> SuratPanggilan:
    if meeting_date < on:
        raise ValidationError(
            "Tanggal pertemuan tidak boleh sebelum tanggal surat.", field="meeting_date"
        )
    if not place.strip():
        raise ValidationError("Isi tempat pertemuan.", field="place")
    return SuratPanggilan(
        "",
        on,
        member,
        loan,
        arrears,
        meeting_date,
        meeting_time,
        place.strip(),
        contact_name,
        contact_phone,
        with_guarantor,
        case_id,
    )


def story(letter: SuratPanggilan, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer

    from app.documents.letter_parts import body, letter_opening, officers_sign, tembusan
    from app.documents.tables import pairs_table

    values = {
        **letter.placeholders(ctx.rupiah_style),
        "nama_koperasi": ctx.coop,
        "kota": ctx.profile.city,
    }
    meeting = [
        ("Hari, tanggal", format_date_with_day(letter.meeting_date)),
        ("Pukul", format_time(letter.meeting_time, ctx.timezone)),
        ("Tempat", letter.place),
        ("Bertemu dengan", letter.contact_name),
    ]
    return [
        *letter_opening(
            ctx, on=letter.doc_date, nomor=letter.nomor, perihal=PERIHAL, recipient=letter.member
        ),
        body(ctx.text("panggilan.isi", values)),
        Spacer(1, 0.15 * cm),
        pairs_table(meeting, label_width=3.4 * cm, style="lplain"),
        Spacer(1, 0.15 * cm),
        body(ctx.text("panggilan.keperluan", values)),
        Spacer(1, 0.15 * cm),
        body(ctx.text("panggilan.penutup", values)),
        Spacer(1, 0.4 * cm),
        *officers_sign(ctx, DocKind.PANGGILAN, None),
        *tembusan(("Penjamin", "Arsip") if letter.with_guarantor else ("Arsip",)),
    ]


def render(letter: SuratPanggilan, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(letter, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title="Surat Panggilan",
        number=letter.nomor,
    )
