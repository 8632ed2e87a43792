"""Jadwal Angsuran: the instalment schedule of a loan or of a simulation, with the method
printed (DOMAIN §4: every schedule says how it was computed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from app.documents.context import DocContext, RegisterLink
from app.documents.kinds import DocKind
from app.documents.parties import LoanRef, MemberParty
from app.formats import format_date_long, format_date_short
from app.loans.schedule import Installment, ScheduleTerms, build_schedule, method_label
from app.money import format_number, format_rate

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


METHOD_NOTES = {
    "Flat": "jasa setiap bulan dihitung dari plafon awal",
    "Menurun": "jasa dihitung dari sisa pokok; angsuran pokok tetap",
    "Anuitas": "angsuran tetap setiap bulan; jasa dihitung dari sisa pokok",
}


@dataclass(frozen=True)
class ScheduleRow:
    number: int
    due_date: date
    pokok: int
    jasa: int
    balance: int

    @property
    def total(self) -> int:
        return self.pokok + self.jasa


@dataclass(frozen=True)
class JadwalAngsuran:
    nomor: str
    doc_date: date
    principal: int
    months: int
    monthly_rate: Decimal
    method: str  # 'Flat', 'Menurun', 'Anuitas'
    first_due: date
    rows: tuple[ScheduleRow, ...]
    rounding: str = ""
    grace: int = 0
    member: MemberParty | None = None
    loan: LoanRef | None = None
    simulation: bool = True
    case_id: int | None = None

    @property
    def total_pokok(self) -> int:
        return sum(r.pokok for r in self.rows)

    @property
    def total_jasa(self) -> int:
        return sum(r.jasa for r in self.rows)

    @property
    def heading(self) -> str:
        return "SIMULASI JADWAL ANGSURAN" if self.simulation else "JADWAL ANGSURAN PINJAMAN"

    def title(self) -> str:
        who = f" – {self.member.name}" if self.member else ""
        return f"{self.heading.title()}{who}"

    def link(self) -> RegisterLink:
        m, loan = self.member, self.loan
        return RegisterLink(
            m.id if m else None,
            m.number if m else "",
            m.name if m else "",
            loan.id if loan else None,
            loan.number if loan else "",
            self.case_id,
        )


def rounding_text(round_to: int, up: bool) -> str:
    if round_to <= 1:
        return "angsuran dihitung sampai rupiah penuh"
    way = "ke atas" if up else "ke terdekat"
    return f"angsuran dibulatkan {way} ke kelipatan Rp{format_number(round_to)}"


def rows_from(installments: Sequence[Installment]) -> tuple[ScheduleRow, ...]:
    return tuple(
        ScheduleRow(i.number, i.due_date, i.pokok, i.jasa, i.balance) for i in installments
    )


def jadwal_from_terms(
    terms: ScheduleTerms,
    *,
    on: date,
    member: MemberParty | None = None,
    loan: LoanRef | None = None,
    simulation: bool = True,
    case_id: int | None = None,
) -> JadwalAngsuran:
    """The schedule of `terms` (app.loans.schedule), ready to print."""
    return JadwalAngsuran(
        nomor="",
        doc_date=on,
        principal=terms.principal,
        months=terms.months,
        monthly_rate=terms.annual_rate / 12,
        method=method_label(terms.method),
        first_due=terms.first_due,
        rows=rows_from(build_schedule(terms)),
        rounding=rounding_text(terms.round_to, terms.round_up),
        grace=terms.principal_grace,
        member=member,
        loan=loan,
        simulation=simulation,
        case_id=case_id,
    )


def schedule_table(rows: Sequence[ScheduleRow], style: str = "puebi") -> Flowable:
    """No, due date, pokok, jasa, total, balance; header repeated on every page."""
    from reportlab.lib.units import cm

    from app.documents.tables import data_table

    widths = [1.0 * cm, 2.3 * cm, 3.2 * cm, 3.0 * cm, 3.3 * cm, 3.7 * cm]
    body = [
        [
            str(r.number),
            format_date_short(r.due_date),
            format_number(r.pokok),
            format_number(r.jasa),
            format_number(r.total),
            format_number(r.balance),
        ]
        for r in rows
    ]
    pokok, jasa = sum(r.pokok for r in rows), sum(r.jasa for r in rows)
    total = [
        "",
        "Jumlah",
        format_number(pokok),
        format_number(jasa),
        format_number(pokok + jasa),
        "",
    ]
    return data_table(
        ["No.", "Jatuh Tempo", "Pokok", "Jasa", "Angsuran", "Sisa Pokok"],
        body,
        widths,
        right=(2, 3, 4, 5),
        center=(0, 1),
        total=total,
    )


def terms_rows(data: JadwalAngsuran, style: str) -> list[tuple[str, str]]:
    from app.documents.tables import rp_words

    rows: list[tuple[str, str]] = []
    if data.member:
        rows.append(("Nama / No. Anggota", f"{data.member.name} / {data.member.number}"))
    if data.loan:
        rows.append(("No. Pinjaman", data.loan.number))
    rate = data.monthly_rate
    rows += [
        ("Plafon", rp_words(data.principal, style)),
        ("Jasa", f"{format_rate(rate)} per bulan ({format_rate(rate * 12)} per tahun)"),
        ("Metode", f"{data.method} – {METHOD_NOTES.get(data.method, '')}"),
        ("Jangka waktu", f"{data.months} bulan"),
        ("Angsuran pertama", format_date_long(data.first_due)),
    ]
    if data.grace:
        rows.append(("Masa tenggang pokok", f"{data.grace} bulan pertama hanya membayar jasa"))
    return rows


def story(data: JadwalAngsuran, ctx: DocContext) -> list[Flowable]:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer

    from app.documents.letter_parts import officers_sign, title_block
    from app.documents.tables import p, pairs_table, rp

    style = ctx.rupiah_style
    result: list[Flowable] = [
        *title_block(data.heading, data.nomor),
        pairs_table(terms_rows(data, style), label_width=4.0 * cm, style="lplain"),
        Spacer(1, 0.3 * cm),
        schedule_table(data.rows, style),
        Spacer(1, 0.2 * cm),
        p(
            f"Jumlah yang dibayar selama {data.months} bulan: "
            f"{rp(data.total_pokok + data.total_jasa, style)} (pokok "
            f"{rp(data.total_pokok, style)} dan jasa {rp(data.total_jasa, style)}). Metode "
            f"{data.method}; {data.rounding}; angsuran terakhir menampung sisa pembulatan. "
            "Jumlah dalam rupiah.",
            "tiny",
        ),
    ]
    if data.simulation:
        result.append(
            p(
                "Ini simulasi, bukan perjanjian. Jumlah dapat berubah bila plafon, jangka waktu "
                "atau tanggal pencairan berubah.",
                "tiny",
            )
        )
    result += [Spacer(1, 0.4 * cm), *officers_sign(ctx, DocKind.JADWAL_ANGSURAN, data.doc_date)]
    return result


def render(data: JadwalAngsuran, ctx: DocContext) -> tuple[bytes, int]:
    from app.documents.render import render_story

    return render_story(
        story(data, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title=data.heading.title(),
        number=data.nomor,
    )
