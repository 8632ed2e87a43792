"""Surat Perjanjian / Addendum Penyelesaian Pinjaman: the parties, then numbered Pasal — dasar,
jumlah kewajiban, cara dan jadwal pembayaran, jasa, keringanan, agunan, wanprestasi,
penyelesaian perselisihan (musyawarah first), penutup — signed over meterai, schedule annexed."""

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
from app.formats import date_in_words, format_date_long, format_date_short
from app.loans.schedule import method_label
from app.money import format_rate

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


TITLES = {False: "SURAT PERJANJIAN PENYELESAIAN PINJAMAN", True: "ADDENDUM PERJANJIAN PINJAMAN"}
PASAL_TITLES = (
    "Dasar",
    "Jumlah Kewajiban",
    "Cara dan Jadwal Pembayaran",
    "Jasa",
    "Keringanan",
    "Agunan",
    "Wanprestasi",
    "Penyelesaian Perselisihan",
    "Penutup",
)


@dataclass(frozen=True)
class Perjanjian:
    nomor: str
    doc_date: date
    coop_rep: CoopRep
    member: MemberParty
    loan: LoanRef
    agreement: Agreement
    addendum: bool  # True for a restructuring of the loan; False for a settlement
    witnesses: tuple[str, ...]
    meterai: MeteraiDecision
    case_id: int | None = None
    decision_ref: str = ""  # the board decision the agreement carries out

    @property
    def heading(self) -> str:
        return TITLES[self.addendum]

    def title(self) -> str:
        return f"{self.heading.title()} – {self.member.name}"

    def link(self) -> RegisterLink:
        m = self.member
        return RegisterLink(m.id, m.number, m.name, self.loan.id, self.loan.number, self.case_id)


def perjanjian(
    member: MemberParty,
    loan: LoanRef,
    deal: Agreement,
    *,
    on: date,
    coop_rep: CoopRep,
    witnesses: tuple[str, ...] = ("", ""),
    case_id: int | None = None,
    decision_ref: str = "",
) -> Perjanjian:
    addendum = deal.new_terms is not None
    return Perjanjian(
        "",
        on,
        coop_rep,
        member,
        loan,
        deal,
        addendum,
        witnesses,
        meterai_for(DocKind.PERJANJIAN),
        case_id,
        decision_ref.strip(),
    )


def pasal_texts(doc: Perjanjian, ctx: DocContext) -> list[str]:
    """The body of each Pasal, in PASAL_TITLES order."""
    from app.documents.tables import rp, rp_words

    style = ctx.rupiah_style
    deal, pos = doc.agreement, doc.agreement.position
    values = {
        "sapaan": doc.member.salutation,
        "nama_anggota": doc.member.name,
        "no_anggota": doc.member.number,
        "nama_koperasi": ctx.coop,
        "kota": ctx.profile.city,
        "nomor_pinjaman": doc.loan.number,
        "tanggal_perjanjian": doc.loan.agreement_date_text,
        "plafon": rp(doc.loan.amount, style),
        "tanggal_terbilang": date_in_words(doc.doc_date),
        "tanggal_angka": format_date_short(doc.doc_date),
        "tempat": ctx.profile.city,
        "batas_ingkar": str(deal.default_after),
        "jumlah_keringanan": rp(deal.waived_total, style),
    }
    owed = (
        f"Per tanggal {format_date_long(pos.as_of)} kewajiban PIHAK KEDUA kepada PIHAK PERTAMA "
        f"adalah {rp_words(deal.owed, style)}, terdiri atas sisa pokok "
        f"{rp(pos.outstanding, style)}, tunggakan jasa {rp(pos.jasa, style)} dan denda "
        f"{rp(pos.denda, style)}. Setelah keringanan dalam Pasal 5, kewajiban yang harus "
        f"dibayar adalah {rp_words(deal.owed - deal.waived_total, style)}."
    )
    first = deal.first_installment
    if deal.new_terms is not None and first is not None:
        t = deal.new_terms
        pay = (
            f"Pokok baru {rp_words(t.principal, style)} dibayar dalam {t.months} kali angsuran "
            f"bulanan mulai tanggal {format_date_long(first.due_date)}, angsuran pertama "
            f"{rp(first.total, style)}, sesuai Jadwal Angsuran Baru yang terlampir "
            "dan menjadi bagian tak terpisahkan dari perjanjian ini."
        )
        rate = (
            f"Atas pokok baru dikenakan jasa {format_rate(t.monthly_rate)} per bulan "
            f"({format_rate(t.monthly_rate * 12)} per tahun) dengan metode "
            f"{method_label(t.method)}."
        )
    else:
        pay, rate = "", "Tidak ada jasa tambahan selama pembayaran dilakukan sesuai Pasal 3."
    if deal.lump_sum > 0:
        due = format_date_long(deal.lump_sum_due) if deal.lump_sum_due else "saat penandatanganan"
        pay = (pay + " " if pay else "") + (
            f"PIHAK KEDUA membayar {rp_words(deal.lump_sum, style)} paling lambat tanggal {due}."
        )
    waivers = (
        "PIHAK PERTAMA membebaskan "
        + ", ".join(f"{w.component} sebesar {rp(w.amount, style)}" for w in deal.waivers)
        + f", seluruhnya {rp_words(deal.waived_total, style)}."
        if deal.waivers
        else "Tidak ada keringanan dalam perjanjian ini."
    )
    collateral = (
        "Agunan berupa "
        + "; ".join(f"{c.kind} {c.description}" for c in deal.collateral)
        + " tetap dikuasai PIHAK PERTAMA dan dikembalikan setelah seluruh kewajiban lunas."
        if deal.collateral
        else "Pinjaman ini tidak disertai agunan."
    )
    suffix = "" if doc.addendum else "_pelunasan"
    basis = ctx.text(f"perjanjian.dasar{suffix}", values)
    if doc.decision_ref:
        basis += f" Perjanjian ini melaksanakan Keputusan Pengurus Nomor {doc.decision_ref}."
    return [
        basis,
        owed,
        pay,
        rate,
        waivers,
        collateral,
        ctx.text(f"perjanjian.wanprestasi{suffix}", values),
        ctx.text("perjanjian.perselisihan", values),
        ctx.text("perjanjian.penutup", values),
    ]


def story(doc: Perjanjian, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, Spacer

    from app.documents.letter import place_and_date
    from app.documents.letter_parts import body, title_block
    from app.documents.signatures import mengetahui
    from app.documents.tables import p

    values = {
        "tanggal_terbilang": date_in_words(doc.doc_date),
        "tanggal_angka": format_date_short(doc.doc_date),
    }
    opening = ctx.text("perjanjian.pembuka", values)
    result: list[Flowable] = [
        *title_block(doc.heading, doc.nomor),
        body(opening),
        Spacer(1, 0.15 * cm),
        *parties_block(doc.coop_rep, ctx.coop, ctx.profile.city, doc.member),
        body("Kedua belah pihak sepakat mengadakan perjanjian dengan ketentuan sebagai berikut:"),
    ]
    for number, (name, text) in enumerate(
        zip(PASAL_TITLES, pasal_texts(doc, ctx), strict=True), start=1
    ):
        result.append(KeepTogether([p(f"Pasal {number}", "pasal"), p(name, "lcenter"), body(text)]))
    config = ctx.signers_for(DocKind.PERJANJIAN)
    result += [
        Spacer(1, 0.35 * cm),
        *party_signatures(
            doc.coop_rep,
            doc.member,
            meterai=doc.meterai.required,
            spouse=doc.member.spouse_name if doc.agreement.collateral else "",
            witnesses=doc.witnesses,
            known_by=mengetahui(ctx.profile, config),
            heading=place_and_date(ctx.profile, doc.doc_date),
        ),
        *schedule_annex(doc.heading, doc.nomor, doc.agreement.schedule),
    ]
    return result


def render(doc: Perjanjian, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(doc, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title=doc.heading.title(),
        number=doc.nomor,
    )
