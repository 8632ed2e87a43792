"""The financial statements on the letterhead (LEDGER.md §3.4): Laporan Posisi Keuangan, PHU,
Arus Kas, Neraca Saldo (one layout: Uraian · Catatan · this year · last year) and Perubahan
Ekuitas (a table of equity columns). Negative amounts in brackets, whole rupiah."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.documents.context import DocContext
from app.documents.letter import CONTENT_WIDTH, place_and_date
from app.documents.letter_parts import title_block
from app.documents.render import render_story
from app.documents.statement_titles import TITLES as TITLES  # re-exported
from app.documents.styles import esc
from app.documents.tables import GRID, HEAD_BG, TOTAL_BG, p, xstyles
from app.ledger.statements import (
    DETAIL,
    GRAND,
    HEAD,
    TOTAL,
    Period,
    Statement,
    Statements,
    period_of,
)
from app.ledger.statements_flow import EquityTable, arus_kas, perubahan_ekuitas
from app.money import format_number


def amount(value: int | None) -> str:
    """1.250.000, (130.000) for a negative, "–" for nothing."""
    if value is None:
        return ""
    if value < 0:
        return f"({format_number(-value)})"
    return format_number(value) if value else "–"


def _cell(text: str, style: str, bold: bool = False, indent: int = 0) -> Paragraph:
    markup = esc(text)
    if bold:
        markup = f"<b>{markup}</b>"
    if indent:
        markup = "&nbsp;" * (3 * indent) + markup
    return Paragraph(markup, xstyles()[style])


def _statement_table(st: Statement) -> LongTable:
    header = ["Uraian", st.note_label, st.now_label, st.before_label]
    data: list[list[object]] = [[_cell(h, "thead") for h in header]]
    commands: list[tuple[object, ...]] = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("BOX", (0, 0), (-1, -1), 0.4, GRID),
    ]
    for n, line in enumerate(st.lines, start=1):
        bold = line.kind in (HEAD, TOTAL, GRAND)
        indent = 2 if line.kind == DETAIL else (0 if bold else 1)
        data.append(
            [
                _cell(line.label, "tcell", bold, indent),
                _cell(line.note, "scell_center"),
                _cell(amount(line.now), "tcell_right", bold),
                _cell(amount(line.before), "tcell_right", bold),
            ]
        )
        if line.kind == TOTAL:
            commands.append(("LINEABOVE", (2, n), (-1, n), 0.5, "#000000"))
        if line.kind == GRAND:
            commands += [
                ("BACKGROUND", (0, n), (-1, n), TOTAL_BG),
                ("LINEABOVE", (0, n), (-1, n), 0.9, "#000000"),
            ]
    widths = [8.0 * cm, 2.4 * cm, 3.6 * cm, 3.6 * cm]  # 3.6 cm: (9.999.999.999.999)
    scale = CONTENT_WIDTH / sum(widths)
    table = LongTable(data, colWidths=[w * scale for w in widths], repeatRows=1)
    table.setStyle(TableStyle(commands))
    table.hAlign = "LEFT"
    return table


def _equity_table(eq: EquityTable) -> LongTable:
    data: list[list[object]] = [
        [_cell("Uraian", "shead")] + [_cell(c, "shead") for c in eq.columns]
    ]
    for label, values in eq.rows:
        bold = label.startswith("Saldo")
        data.append(
            [_cell(label, "scell", bold)] + [_cell(amount(v), "scell_right", bold) for v in values]
        )
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    first = 2.6 * cm  # the amounts (up to 13 characters, bold) must not wrap
    rest = (CONTENT_WIDTH - first) / len(eq.columns)
    table = LongTable(data, colWidths=[first] + [rest] * len(eq.columns), repeatRows=1)
    table.setStyle(TableStyle(commands))
    table.hAlign = "LEFT"
    return table


def _closing(ctx: DocContext, on: date, remarks: tuple[str, ...]) -> list[Flowable]:
    story: list[Flowable] = [Spacer(1, 0.2 * cm)]
    story += [p(text, "tiny") for text in (*remarks, "Jumlah dalam rupiah.")]
    sign: list[Flowable] = [
        Spacer(1, 0.5 * cm),
        p(place_and_date(ctx.profile, on), "lbody"),
        p(f"Pengurus {ctx.coop}", "lbody"),
    ]
    signs = Table(
        [["Ketua", "Bendahara"], ["", ""], ["(.............................)"] * 2],
        colWidths=[CONTENT_WIDTH / 2] * 2,
        rowHeights=[None, 1.4 * cm, None],
    )
    signs.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    story.append(KeepTogether([*sign, signs]))  # the signatures never part from their heading
    return story


def render_statement(st: Statement, ctx: DocContext, on: date) -> tuple[bytes, int]:
    story: list[Flowable] = [
        *title_block(st.title, subtitle=f"{ctx.coop} · {st.period}"),
        _statement_table(st),
        *_closing(ctx, on, st.remarks),
    ]
    return render_story(story, ctx.profile, is_demo=ctx.is_demo, title=st.title.title())


def render_equity(eq: EquityTable, ctx: DocContext, on: date) -> tuple[bytes, int]:
    story: list[Flowable] = [
        *title_block(eq.title, subtitle=f"{ctx.coop} · {eq.period}"),
        _equity_table(eq),
        *_closing(ctx, on, eq.remarks),
    ]
    return render_story(story, ctx.profile, is_demo=ctx.is_demo, title=eq.title.title())


def statement_pdf(statements: Statements, ctx: DocContext, name: str, period: Period) -> bytes:
    """One statement (by its file name, see TITLES) of `period` as PDF bytes."""
    end = period.end
    if name == "neraca.pdf":
        return render_statement(statements.neraca(period), ctx, end)[0]
    if name == "phu.pdf":
        return render_statement(statements.phu(period), ctx, end)[0]
    if name == "arus_kas.pdf":
        return render_statement(arus_kas(statements, period), ctx, end)[0]
    if name == "perubahan_ekuitas.pdf":
        return render_equity(perubahan_ekuitas(statements, period), ctx, end)[0]
    if name == "neraca_saldo.pdf":
        return render_statement(statements.neraca_saldo(end), ctx, end)[0]
    raise KeyError(name)


def statement_pdfs(
    statements: Statements, ctx: DocContext, year: int, today: date
) -> dict[str, bytes]:
    """The five PDFs of book year `year` (as of its last day, or `today` while it runs), by
    file name."""
    period = period_of(year, today)
    return {name: statement_pdf(statements, ctx, name, period) for name in TITLES}
