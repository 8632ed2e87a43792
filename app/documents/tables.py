"""Building blocks shared by the documents: extra paragraph styles, data tables whose header
repeats on every page, label/value blocks, amounts in figures and words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import LongTable, Paragraph, Table, TableStyle

from app.documents.letter import CONTENT_WIDTH
from app.documents.styles import esc, styles
from app.money import format_rupiah, terbilang_rupiah

GRID = "#9a9a9a"
HEAD_BG = "#e4efe8"
TOTAL_BG = "#f3f3f3"
EMPTY = "–"


@cache
def xstyles() -> dict[str, ParagraphStyle]:
    """Styles the letter frame does not have (derived from its body style)."""
    st = styles()
    body = st["body"]
    return {
        "meterai": ParagraphStyle(
            "meterai",
            parent=body,
            fontSize=7.5,
            leading=9.5,
            alignment=TA_CENTER,
            textColor="#666666",
        ),
        "tiny": ParagraphStyle("tiny", parent=body, fontSize=7.5, leading=9.5),
        "tcell": ParagraphStyle("tcell", parent=body, fontSize=8.5, leading=10.5),
        "tcell_right": ParagraphStyle(
            "tcell_right", parent=body, fontSize=8.5, leading=10.5, alignment=TA_RIGHT
        ),
        "tcell_center": ParagraphStyle(
            "tcell_center", parent=body, fontSize=8.5, leading=10.5, alignment=TA_CENTER
        ),
        "thead": ParagraphStyle("thead", parent=st["cell_head"], fontSize=8.5, leading=10.5),
        "heading": ParagraphStyle(
            "heading", parent=st["bold"], spaceBefore=6, spaceAfter=3, keepWithNext=1
        ),
        "pasal": ParagraphStyle(
            "pasal", parent=st["bold"], alignment=TA_CENTER, spaceBefore=8, spaceAfter=2
        ),
        "compact": ParagraphStyle("compact", parent=body, fontSize=9.5, leading=12.5),
        "scell": ParagraphStyle("scell", parent=body, fontSize=7.5, leading=9.2),
        "scell_right": ParagraphStyle(
            "scell_right", parent=body, fontSize=7.5, leading=9.2, alignment=TA_RIGHT
        ),
        "scell_center": ParagraphStyle(
            "scell_center", parent=body, fontSize=7.5, leading=9.2, alignment=TA_CENTER
        ),
        "shead": ParagraphStyle("shead", parent=st["cell_head"], fontSize=7.5, leading=9.2),
        # Letters: a little tighter than the statement's body so one page holds an SP letter.
        "lbody": ParagraphStyle(
            "lbody", parent=body, fontSize=10, leading=13.8, alignment=TA_JUSTIFY
        ),
        "lplain": ParagraphStyle("lplain", parent=body, fontSize=10, leading=13.8),
        "lbold": ParagraphStyle(
            "lbold", parent=body, fontSize=10, leading=13.8, fontName=st["bold"].fontName
        ),
        "lright": ParagraphStyle(
            "lright", parent=body, fontSize=10, leading=13.8, alignment=TA_RIGHT
        ),
        "lcenter": ParagraphStyle(
            "lcenter", parent=body, fontSize=10, leading=13.8, alignment=TA_CENTER
        ),
    }


def style(name: str) -> ParagraphStyle:
    """A style by name, from these or from the letter frame's."""
    return xstyles()[name] if name in xstyles() else styles()[name]


# A document number or reference: parts joined by '/' ("003/RAT/KSP-GR/XII/2026").
_NUMBER = re.compile(r"[^\s/<>]+(?:/[^\s/<>]+)+")


class NumberCell(Paragraph):  # type: ignore[misc]
    """A cell that never breaks inside a number: a reference wider than the column is broken
    after one of its '/' (ReportLab would otherwise split "2026" into "202" and "6")."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        self._source = text
        self._fitted_to: float | None = None
        super().__init__(text, style)

    def _fit(self, width: float) -> str:
        st = self.style

        def lines(match: re.Match[str]) -> str:
            token = match.group(0)
            if stringWidth(token, st.fontName, st.fontSize) <= width:
                return token
            parts = [part + "/" for part in token.split("/")]
            parts[-1] = parts[-1][:-1]
            out, line = [], ""
            for part in parts:
                if line and stringWidth(line + part, st.fontName, st.fontSize) > width:
                    out.append(line)
                    line = ""
                line += part
            out.append(line)
            return "<br/>".join(out)

        return _NUMBER.sub(lines, self._source)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width = availWidth - self.style.leftIndent - self.style.rightIndent
        if self._fitted_to != width:
            self._fitted_to = width
            text = self._fit(width)
            if text != self.text:
                Paragraph.__init__(self, text, self.style)
        result: tuple[float, float] = super().wrap(availWidth, availHeight)
        return result


def cell(text: object, style_name: str = "tcell") -> Paragraph:
    """A table cell of plain text (escaped); "" prints as an empty cell. Numbers such as
    letter references never break inside a part."""
    return NumberCell(esc(text), style(style_name))


def p(text: object, style_name: str = "lbody") -> Paragraph:
    """A paragraph of plain text (escaped) in a letter style."""
    return Paragraph(esc(text), style(style_name))


def bold(text: object, style_name: str = "lbody") -> Paragraph:
    """A paragraph of plain text (escaped) in bold."""
    return Paragraph(f"<b>{esc(text)}</b>", style(style_name))


def rp(amount: int, style: str = "puebi") -> str:
    return format_rupiah(amount, style)


def rp_words(amount: int, style: str = "puebi") -> str:
    """'Rp2.950.000 (dua juta sembilan ratus lima puluh ribu rupiah)' in the chosen style."""
    return f"{format_rupiah(amount, style)} ({terbilang_rupiah(amount)})"


def or_dash(text: str | None) -> str:
    """An empty optional value prints as a dash, never as nothing or 'None'."""
    return text.strip() if text and text.strip() else EMPTY


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    center: Sequence[int] = (),
    total: Sequence[object] | None = None,
    empty_text: str = "Tidak ada data.",
    small: bool = False,
) -> LongTable:
    """A gridded table; the header row repeats on every page it runs over. `right`/`center`
    are column indexes; `total` is a bold last row."""
    scale = CONTENT_WIDTH / sum(widths) if sum(widths) > CONTENT_WIDTH else 1.0
    widths = [w * scale for w in widths]

    prefix = "s" if small else "t"

    def style_of(column: int) -> str:
        if column in right:
            return f"{prefix}cell_right"
        if column in center:
            return f"{prefix}cell_center"
        return f"{prefix}cell"

    data: list[list[object]] = [[cell(h, f"{prefix}head") for h in header]]
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for row in rows:
        data.append(
            [v if isinstance(v, Paragraph) else cell(v, style_of(i)) for i, v in enumerate(row)]
        )
    if not rows:
        data.append([cell(empty_text)] + [""] * (len(header) - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))
    if total is not None:
        data.append(
            [
                v
                if isinstance(v, Paragraph)
                else Paragraph(f"<b>{esc(v)}</b>", xstyles()[style_of(i)])
                for i, v in enumerate(total)
            ]
        )
        commands += [
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
            ("LINEABOVE", (0, -1), (-1, -1), 0.9, "#000000"),
        ]
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    table.hAlign = "LEFT"
    return table


def pairs_table(
    rows: Sequence[tuple[str, str]],
    label_width: float = 4.0 * cm,
    width: float = CONTENT_WIDTH,
    style: str = "body",
) -> Table:
    """'Label : value' lines (values wrap under themselves); empty values print as a dash."""
    st = styles()
    base = xstyles()[style] if style in xstyles() else st[style]
    data = [
        [Paragraph(esc(label), base), Paragraph(":", base), Paragraph(esc(or_dash(value)), base)]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_width, 0.4 * cm, width - label_width - 0.4 * cm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    table.hAlign = "LEFT"
    return table


def numbered(items: Sequence[str], style: str = "justify", start: int = 1) -> Table:
    """A numbered list (1., 2., …) with the text hanging under itself."""
    st = styles()
    base = xstyles()[style] if style in xstyles() else st[style]
    data = [
        [Paragraph(f"{n}.", base), Paragraph(esc(text), base)]
        for n, text in enumerate(items, start=start)
    ]
    table = Table(data or [["", ""]], colWidths=[0.8 * cm, CONTENT_WIDTH - 0.8 * cm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    table.hAlign = "LEFT"
    return table
