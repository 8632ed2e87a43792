"""The cover and contents of the RAT pack (issue 13 §5): the cooperative, the book year, the
RAT, then each part with the page it starts on in the joined PDF."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, Spacer

from app.documents.context import DocContext
from app.documents.render import render_story
from app.documents.tables import bold, data_table, p
from app.formats import format_date_long


def story(
    year: int,
    parts: Sequence[tuple[str, int]],  # (title, first page in the pack)
    rat: str,
    on: date,
    ctx: DocContext,
) -> list[Flowable]:
    rows = [[str(n), title, str(page)] for n, (title, page) in enumerate(parts, start=1)]
    return [
        Spacer(1, 3 * cm),
        bold("LAPORAN PERTANGGUNGJAWABAN PENGURUS", "title"),
        p("kepada Rapat Anggota Tahunan", "subtitle"),
        Spacer(1, 1.2 * cm),
        bold(f"{ctx.coop.upper()}", "title"),
        p(f"Tahun Buku {year}", "subtitle"),
        Spacer(1, 1.2 * cm),
        p(rat, "center"),
        Spacer(1, 0.6 * cm),
        p(f"Disusun {format_date_long(on)}", "center"),
        PageBreak(),
        bold("DAFTAR ISI", "title"),
        Spacer(1, 0.4 * cm),
        data_table(
            ["No.", "Bagian", "Halaman"],
            rows,
            [1.2 * cm, 12.8 * cm, 2.5 * cm],
            right=(2,),
            center=(0,),
        ),
    ]


def render(
    year: int, parts: Sequence[tuple[str, int]], rat: str, on: date, ctx: DocContext
) -> tuple[bytes, int]:
    return render_story(
        story(year, parts, rat, on, ctx),
        ctx.profile,
        is_demo=ctx.is_demo,
        title=f"Laporan RAT {year}",
    )
