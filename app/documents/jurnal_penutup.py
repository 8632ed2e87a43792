"""The printed jurnal penutup (issue 13 §3, LEDGER.md §3.2) on the letterhead: the year-end tax
journal (when one was posted) and the closing journal dated 31 December, each with its number,
its lines (Kode · Akun · Debet · Kredit) and totals, signed by the Ketua and the Bendahara."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.documents.context import DocContext
from app.documents.letter import CONTENT_WIDTH, place_and_date
from app.documents.letter_parts import title_block
from app.documents.render import render_story
from app.documents.tables import bold, data_table, p
from app.formats import format_date_long
from app.ledger.models import Journal
from app.money import format_number


@dataclass(frozen=True)
class PrintedJournal:
    heading: str
    journal: Journal


def signatures(ctx: DocContext, on: date) -> Flowable:
    """Place and date, then the Ketua and the Bendahara side by side with their names."""
    names = [ctx.profile.ketua.strip(), ctx.profile.bendahara.strip()]
    under = [f"( {n} )" if n else "(.............................)" for n in names]
    signs = Table(
        [["Ketua", "Bendahara"], ["", ""], under],
        colWidths=[CONTENT_WIDTH / 2] * 2,
        rowHeights=[None, 1.4 * cm, None],
    )
    signs.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return KeepTogether(
        [
            Spacer(1, 0.4 * cm),
            p(place_and_date(ctx.profile, on), "lbody"),
            p(f"Pengurus {ctx.coop}", "lbody"),
            signs,
        ]
    )


def _journal(item: PrintedJournal, name_of: Callable[[str], str]) -> list[Flowable]:
    j = item.journal
    rows = [
        [
            x.account,
            name_of(x.account),
            format_number(x.debit) if x.debit else "",
            format_number(x.credit) if x.credit else "",
        ]
        for x in sorted(j.lines, key=lambda x: (x.debit == 0, x.account))
    ]
    debit = sum(x.debit for x in j.lines)
    credit = sum(x.credit for x in j.lines)
    return [
        bold(f"{item.heading}", "lbody"),
        p(f"Nomor jurnal {j.number} · tanggal {format_date_long(j.date)}", "tiny"),
        p(j.description, "tiny"),
        Spacer(1, 0.1 * cm),
        data_table(
            ["Kode", "Akun", "Debet", "Kredit"],
            rows,
            [1.6 * cm, 8.4 * cm, 3.5 * cm, 3.5 * cm],
            right=(2, 3),
            center=(0,),
            total=["", "Jumlah", format_number(debit), format_number(credit)],
            small=True,
        ),
        Spacer(1, 0.4 * cm),
    ]


def story(
    year: int, journals: Sequence[PrintedJournal], name_of: Callable[[str], str], ctx: DocContext
) -> list[Flowable]:
    out: list[Flowable] = [
        *title_block("JURNAL PENUTUP", subtitle=f"{ctx.coop} · Tahun Buku {year}"),
    ]
    if not journals:
        out.append(p(f"Tahun buku {year} belum ditutup: belum ada jurnal penutup.", "lbody"))
    for item in journals:
        out += _journal(item, name_of)
    out.append(
        p(
            "Jurnal penutup memindahkan saldo setiap akun pendapatan (4) dan beban (5) tahun "
            "buku ini ke akun 3107 SHU belum dibagi, sehingga akun hasil usaha mulai dari nol "
            "pada tahun buku berikutnya. Jumlah dalam rupiah.",
            "tiny",
        )
    )
    out.append(signatures(ctx, date(year, 12, 31)))
    return out


def render(
    year: int, journals: Sequence[PrintedJournal], name_of: Callable[[str], str], ctx: DocContext
) -> tuple[bytes, int]:
    return render_story(
        story(year, journals, name_of, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title=f"Jurnal Penutup {year}",
    )
