"""SP1, SP2 and SP3 (Surat Peringatan): the loan agreement, the arrears table with the total in
words, pay or come to the office by a date, escalating consequences, a contact person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.kinds import SP_KINDS, DocKind
from app.documents.parties import ArrearsFigures, LoanRef, MemberParty
from app.errors import ValidationError
from app.formats import format_date_long
from app.money import terbilang_rupiah

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Table


LEVEL_TITLES = {
    1: "Surat Peringatan Pertama (SP1)",
    2: "Surat Peringatan Kedua (SP2)",
    3: "Surat Peringatan Ketiga (SP3) – Peringatan Terakhir",
}
DEFAULT_COPIES = {1: ("Arsip",), 2: ("Penjamin", "Arsip"), 3: ("Pengawas", "Penjamin", "Arsip")}


@dataclass(frozen=True)
class PreviousLetter:
    number: str
    letter_date: date


@dataclass(frozen=True)
class SpLetter:
    level: int
    nomor: str
    doc_date: date
    member: MemberParty
    loan: LoanRef
    arrears: ArrearsFigures
    deadline: date
    contact_name: str
    contact_phone: str
    previous: tuple[PreviousLetter, ...] = ()
    copies: tuple[str, ...] = ()
    case_id: int | None = None

    @property
    def kind(self) -> DocKind:
        return SP_KINDS[self.level]

    @property
    def total_words(self) -> str:
        return terbilang_rupiah(self.arrears.total)

    def title(self) -> str:
        return f"{LEVEL_TITLES[self.level]} – {self.member.name}"

    def link(self) -> RegisterLink:
        return RegisterLink(
            self.member.id,
            self.member.number,
            self.member.name,
            self.loan.id,
            self.loan.number,
            self.case_id,
        )

    def placeholders(self, style: str = "puebi") -> dict[str, str]:
        from app.documents.tables import rp

        prev = {p_index: p for p_index, p in enumerate(self.previous, start=1)}
        values = {
            "sapaan": self.member.salutation,
            "nama_anggota": self.member.name,
            "no_anggota": self.member.number,
            "nomor_pinjaman": self.loan.number,
            "tanggal_perjanjian": self.loan.agreement_date_text,
            "plafon": rp(self.loan.amount, style),
            "tanggal_posisi": format_date_long(self.arrears.as_of),
            "jumlah_angsuran_tertunggak": str(self.arrears.installments_missed),
            "jumlah_tunggakan": rp(self.arrears.total, style),
            "terbilang_tunggakan": self.total_words,
            "batas_waktu": format_date_long(self.deadline),
            "petugas": self.contact_name.strip() or "petugas koperasi",
            "telepon_petugas": self.contact_phone.strip() or "kantor koperasi",
        }
        for n in (1, 2):
            letter = prev.get(n)
            values[f"nomor_sp{n}"] = letter.number if letter else "–"
            values[f"tanggal_sp{n}"] = format_date_long(letter.letter_date) if letter else "–"
        return values


def sp_letter(
    level: int,
    member: MemberParty,
    loan: LoanRef,
    arrears: ArrearsFigures,
    *,
    on: date,
    contact_name: str,
    contact_phone: str,
    days_to_pay: int = 7,
    previous: tuple[PreviousLetter, ...] = (),
    has_guarantor: bool = True,
    case_id: int | None = None,
) -> SpLetter:
    """The content of warning letter `level` (1–3) about `loan`'s `arrears`."""
    if level not in SP_KINDS:
        raise ValidationError("Surat peringatan hanya SP1, SP2 atau SP3.", field="level")
    if arrears.total <= 0:
        raise ValidationError(
            f"Pinjaman {loan.number} tidak menunggak per {format_date_long(arrears.as_of)}, "
            "jadi tidak perlu surat peringatan.",
            field="arrears",
        )
    if days_to_pay < 1:
        raise ValidationError("Batas waktu membayar paling sedikit 1 hari.", "days_to_pay")
    copies = tuple(c for c in DEFAULT_COPIES[level] if has_guarantor or c != "Penjamin")
    return SpLetter(
        level=level,
        nomor="",
        doc_date=on,
        member=member,
        loan=loan,
        arrears=arrears,
        deadline=on + timedelta(days=days_to_pay),
        contact_name=contact_name,
        contact_phone=contact_phone,
        previous=previous[: level - 1],
        copies=copies,
        case_id=case_id,
    )


def arrears_table(arrears: ArrearsFigures, style: str, words: str) -> Table:
    """The arrears: instalments missed, pokok, jasa, denda, total, total in words."""
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, Table, TableStyle

    from app.documents.styles import esc
    from app.documents.tables import rp, xstyles

    x = xstyles()
    rows = [
        ("Angsuran yang tertunggak", f"{arrears.installments_missed} kali"),
        ("Tunggakan pokok", rp(arrears.pokok, style)),
        ("Tunggakan jasa", rp(arrears.jasa, style)),
        ("Denda keterlambatan", rp(arrears.denda, style)),
    ]
    data: list[list[object]] = [
        [Paragraph(esc(label), x["lplain"]), Paragraph(esc(value), x["lright"])]
        for label, value in rows
    ]
    data.append(
        [
            Paragraph("<b>Jumlah tunggakan</b>", x["lplain"]),
            Paragraph(f"<b>{esc(rp(arrears.total, style))}</b>", x["lright"]),
        ]
    )
    data.append([Paragraph(f"<i>Terbilang: {esc(words)}</i>", x["compact"]), ""])
    table = Table(data, colWidths=[7.5 * cm, 4.5 * cm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -2), 0.4, "#9a9a9a"),
                ("LINEABOVE", (0, -2), (-1, -2), 1.0, "#000000"),
                ("SPAN", (0, -1), (-1, -1)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    table.hAlign = "CENTER"
    return table


def story(letter: SpLetter, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, Spacer

    from app.documents.letter_parts import body, letter_opening, officers_sign, tembusan
    from app.documents.styles import esc
    from app.documents.tables import xstyles

    values = letter.placeholders(ctx.rupiah_style)
    values.update({"nama_koperasi": ctx.coop, "kota": ctx.profile.city})
    level = letter.level
    result: list[Flowable] = letter_opening(
        ctx,
        on=letter.doc_date,
        nomor=letter.nomor,
        perihal=LEVEL_TITLES[level],
        recipient=letter.member,
    )
    result += [
        body(ctx.text(f"sp{level}.pembuka", values)),
        Spacer(1, 0.2 * cm),
        arrears_table(letter.arrears, ctx.rupiah_style, letter.total_words),
        Spacer(1, 0.2 * cm),
        body(ctx.text("sp.permintaan", values)),
        Spacer(1, 0.15 * cm),
    ]
    consequence = ctx.text(f"sp{level}.akibat", values)
    if level == 3:
        marked = esc(consequence).replace("PERINGATAN TERAKHIR", "<b>PERINGATAN TERAKHIR</b>")
        result.append(Paragraph(marked, xstyles()["lbody"]))
    else:
        result.append(body(consequence))
    result += [
        Spacer(1, 0.15 * cm),
        body(ctx.text("sp.kontak", values)),
        Spacer(1, 0.15 * cm),
        body(ctx.text("sp.penutup", values)),
        Spacer(1, 0.3 * cm),
        *officers_sign(ctx, letter.kind, None),
        *tembusan(letter.copies),
    ]
    return result


def render(letter: SpLetter, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(letter, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title=LEVEL_TITLES[letter.level],
        number=letter.nomor,
    )
