"""Berita Acara Kesepakatan Penyelesaian Pinjaman: the negotiation minutes (DOMAIN §8) — the
date in words and figures, the two parties, the recitals, the numbered points agreed with the
default clause, signatures (the member over meterai), witnesses, "Mengetahui", and the new
schedule annexed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.kesepakatan import (
    Agreement,
    CoopRep,
    parties_block,
    party_signatures,
    schedule_annex,
)
from app.documents.kinds import DocKind
from app.documents.meterai import MeteraiDecision, meterai_for
from app.documents.parties import LoanRef, MemberParty
from app.errors import ValidationError
from app.formats import date_in_words, format_date_long, format_date_short

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


TITLE = "BERITA ACARA KESEPAKATAN PENYELESAIAN PINJAMAN"


@dataclass(frozen=True)
class BeritaAcara:
    nomor: str
    doc_date: date
    place: str
    coop_rep: CoopRep
    member: MemberParty
    loan: LoanRef
    agreement: Agreement
    witnesses: tuple[str, ...]
    spouse_consent: bool
    meterai: MeteraiDecision
    case_id: int | None = None

    @property
    def date_words(self) -> str:
        """'Senin, tanggal tujuh bulan September tahun dua ribu dua puluh lima'."""
        return date_in_words(self.doc_date)

    def title(self) -> str:
        return f"Berita Acara Kesepakatan – {self.member.name}"

    def link(self) -> RegisterLink:
        m = self.member
        return RegisterLink(m.id, m.number, m.name, self.loan.id, self.loan.number, self.case_id)

    def placeholders(self, style: str) -> dict[str, str]:
        from app.documents.tables import rp

        return {
            "sapaan": self.member.salutation,
            "nama_anggota": self.member.name,
            "no_anggota": self.member.number,
            "nomor_pinjaman": self.loan.number,
            "tanggal_perjanjian": self.loan.agreement_date_text,
            "plafon": rp(self.loan.amount, style),
            "tanggal_terbilang": self.date_words,
            "tanggal_angka": format_date_short(self.doc_date),
            "tempat": self.place,
            "batas_ingkar": str(self.agreement.default_after),
            "jumlah_keringanan": rp(self.agreement.waived_total, style),
        }


def berita_acara(
    member: MemberParty,
    loan: LoanRef,
    deal: Agreement,
    *,
    on: date,
    place: str,
    coop_rep: CoopRep,
    witnesses: tuple[str, ...] = ("", ""),
    case_id: int | None = None,
) -> BeritaAcara:
    """The spouse signs their consent when collateral is involved and the member has one."""
    if not place.strip():
        raise ValidationError("Isi tempat pertemuan.", field="place")
    spouse = bool(deal.collateral) and bool(member.spouse_name.strip())
    decision = meterai_for(DocKind.BERITA_ACARA, agreed_terms=bool(deal.points))
    return BeritaAcara(
        "", on, place.strip(), coop_rep, member, loan, deal, witnesses, spouse, decision, case_id
    )


def recitals(ba: BeritaAcara, style: str) -> list[str]:
    from app.documents.tables import rp

    a, loan = ba.agreement.position, ba.loan
    items = [
        f"PIHAK KEDUA menerima pinjaman dari PIHAK PERTAMA berdasarkan Perjanjian Pinjaman Nomor "
        f"{loan.number} tanggal {loan.agreement_date_text} sebesar {rp(loan.amount, style)} "
        f"untuk {loan.months} bulan.",
        f"Per tanggal {format_date_long(a.as_of)} pinjaman tersebut menunggak "
        f"{a.installments_missed} angsuran dengan sisa pokok {rp(a.outstanding, style)}, "
        f"tunggakan pokok {rp(a.pokok, style)}, tunggakan jasa {rp(a.jasa, style)} dan denda "
        f"{rp(a.denda, style)}, kolektibilitas {a.quality or '–'}.",
    ]
    if ba.agreement.cause:
        items.append(f"Menurut PIHAK KEDUA, tunggakan terjadi karena {ba.agreement.cause}.")
    return items


def story(ba: BeritaAcara, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer

    from app.documents.letter import place_and_date
    from app.documents.letter_parts import body, title_block
    from app.documents.signatures import mengetahui
    from app.documents.tables import numbered

    style = ctx.rupiah_style
    values = {**ba.placeholders(style), "nama_koperasi": ctx.coop, "kota": ctx.profile.city}
    points = list(ba.agreement.points)
    if ba.agreement.waivers:
        points.append(ctx.text("berita_acara.wanprestasi", values))
    config = ctx.signers_for(DocKind.BERITA_ACARA)
    return [
        *title_block(TITLE, ba.nomor),
        body(ctx.text("berita_acara.pembuka", values)),
        Spacer(1, 0.15 * cm),
        *parties_block(ba.coop_rep, ctx.coop, ctx.profile.city, ba.member),
        body("Kedua belah pihak terlebih dahulu menerangkan hal-hal sebagai berikut:"),
        numbered(recitals(ba, style), "lbody"),
        Spacer(1, 0.15 * cm),
        body("Setelah bermusyawarah secara kekeluargaan, kedua belah pihak sepakat:"),
        numbered(points, "lbody"),
        Spacer(1, 0.15 * cm),
        body(ctx.text("berita_acara.penutup", values)),
        Spacer(1, 0.35 * cm),
        *party_signatures(
            ba.coop_rep,
            ba.member,
            meterai=ba.meterai.required,
            spouse=ba.member.spouse_name if ba.spouse_consent else "",
            witnesses=ba.witnesses,
            known_by=mengetahui(ctx.profile, config),
            heading=place_and_date(ctx.profile, ba.doc_date),
        ),
        *schedule_annex(TITLE, ba.nomor, ba.agreement.schedule),
    ]


def render(ba: BeritaAcara, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(ba, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title="Berita Acara Kesepakatan",
        number=ba.nomor,
    )
