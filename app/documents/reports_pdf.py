"""Reports on the letterhead: the Laporan tables (Portofolio Pinjaman, Kinerja Penagihan,
Pinjaman Direstrukturisasi, Daftar Ekstrakomptabel, Kasus per Penyebab) and the member and
savings lists, each with the parameters it was made with (dates, the collectibility policy,
the filters) and the tables exactly as the screen shows them (`TableExport`, typed cells:
rupiah, counts, dates, text). Header rows repeat on every page; the footer says page x of y.
Charts come as ReportLab drawings (app/documents/report_charts.py), so app/ stays free of Qt."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.documents.context import DocContext
from app.documents.fonts import FONT_BOLD, FONT_REGULAR
from app.documents.letter import CONTENT_WIDTH
from app.documents.letter_parts import title_block
from app.documents.render import render_story
from app.documents.report_doc import ReportDoc
from app.documents.tables import data_table, p
from app.exports.xlsx_table import Cell, Rupiah, TableExport
from app.formats import format_date_long, format_date_short
from app.money import format_number


def cell_text(value: Cell) -> str:
    """A typed cell as printed: 1.250.000 for rupiah (the header says the unit), 12 for a
    count, 07-08-2021 for a date, the text itself otherwise."""
    if value is None:
        return ""
    if isinstance(value, Rupiah):
        return (
            format_number(value.amount)
            if value.amount >= 0
            else f"({format_number(-value.amount)})"
        )
    if isinstance(value, datetime):
        return format_date_short(value.date())
    if isinstance(value, date):
        return format_date_short(value)
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int):
        return format_number(value)
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    return str(value)


def _is_number(column: int, rows: Sequence[Sequence[Cell]]) -> bool:
    seen = [r[column] for r in rows if column < len(r) and r[column] is not None]
    return bool(seen) and all(
        isinstance(v, Rupiah | int | Decimal) and not isinstance(v, bool) for v in seen
    )


def _widths(
    table: TableExport, texts: Sequence[Sequence[str]], numbers: Sequence[int], size: float
) -> list[float]:
    """Widths by content. A figure never wraps: a number column is at least its widest figure
    (its header words too while the page has room); text columns share the rest by their
    longest value, each at least its longest word."""

    def width(text: str, font: str = FONT_REGULAR) -> float:
        return float(stringWidth(text, font, size)) + 8

    natural, least, head = [], [], []
    for c, caption in enumerate(table.headers):
        cells = [r[c] for r in texts if c < len(r)]
        head.append(max((width(w, FONT_BOLD) for w in caption.split()), default=8.0))
        longest = max((width(t) for t in cells), default=8.0)
        natural.append(min(7 * cm, max(longest, head[c])))
        words = max((width(w) for t in cells for w in t.split()), default=8.0)
        if c in numbers:
            least.append(max(longest, min(head[c], 1.3 * cm)))
        else:  # a long reference may wrap at its slashes
            least.append(min(natural[c], max(min(head[c], 2.2 * cm), min(words, 2.2 * cm))))
    if sum(natural) <= CONTENT_WIDTH:
        return natural
    out = list(least)
    text_columns = [c for c in range(len(natural)) if c not in numbers]
    over = sum(out) - CONTENT_WIDTH
    if over > 0:  # the text columns wrap more: the figures keep their width
        text_width = sum(out[c] for c in text_columns)
        factor = max(0.3, (text_width - over) / text_width) if text_width else 1.0
        for c in text_columns:
            out[c] *= factor
    for c in numbers:  # a number column's header whole, while the page has room
        out[c] = max(least[c], min(head[c], least[c] + CONTENT_WIDTH - sum(out)))
    room = CONTENT_WIDTH - sum(out)
    wanted = sum(natural[c] - least[c] for c in text_columns)
    if room > 0 and wanted > 0:
        for c in text_columns:
            out[c] += room * (natural[c] - least[c]) / wanted
    return out


def report_table(table: TableExport, heading: bool = False) -> list[Flowable]:
    texts = [[cell_text(v) for v in row] for row in table.rows]
    small = len(table.headers) > 6
    right = [c for c in range(len(table.headers)) if _is_number(c, table.rows)]
    story: list[Flowable] = []
    if heading:
        story += [p(table.title, "lbold"), Spacer(1, 0.1 * cm)]
    story.append(  # a short table keeps its heading on its page
        data_table(
            table.headers,
            texts,
            _widths(table, texts, right, 7.5 if small else 8.5),
            right=right,
            small=small,
            empty_text="Tidak ada data.",
        )
    )
    return [KeepTogether(story)] if heading and len(table.rows) < 30 else story


def story(doc: ReportDoc) -> list[Flowable]:
    lines = list(doc.parameters)
    if doc.printed_on is not None:
        lines.append(f"Dicetak {format_date_long(doc.printed_on)}")
    out: list[Flowable] = [*title_block(doc.title.upper(), subtitle=" · ".join(lines))]
    for chart in doc.charts:
        out += [chart, Spacer(1, 0.3 * cm)]
    many = len(doc.tables) > 1
    for table in doc.tables:
        out += [*report_table(table, heading=many), Spacer(1, 0.3 * cm)]
    for note in doc.notes:
        out.append(p(note, "tiny"))
    if any(_is_money(t) for t in doc.tables):
        out.append(p("Jumlah uang dalam rupiah.", "tiny"))
    return out


def _is_money(table: TableExport) -> bool:
    return any(isinstance(v, Rupiah) for row in table.rows for v in row)


def report_pdf(doc: ReportDoc, ctx: DocContext) -> tuple[bytes, int]:
    """The PDF bytes of `doc` on the cooperative's letterhead, and its page count."""
    return render_story(story(doc), ctx.profile, is_demo=ctx.is_demo, title=doc.title)
