"""Laporan Rekening Simpanan: a member's savings statement for a period, as an A4 PDF."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.documents.letter import (
    CONTENT_WIDTH,
    Signer,
    build_pdf,
    field_table,
    place_and_date,
    signature_blocks,
)
from app.documents.member_letter import member_address
from app.documents.styles import bold, esc, para, styles
from app.formats import format_date_long, format_date_short
from app.money import format_number, format_rupiah, terbilang_rupiah
from app.savings.models import SavingsKind, TxType
from app.savings.statement import KINDS, SavingsStatement, StatementLine
from app.settings.profile import CoopProfile

GRID = "#9a9a9a"
HEAD_BG = "#e4efe8"
# Tanggal, No. Kuitansi, Keterangan, Setoran, Penarikan, Saldo: wide enough at 8,5 pt for
# "01-03-2026", "KW-2026-000004" and a bold "100.000.000" without wrapping.
LINE_WIDTHS = [2.1 * cm, 3.0 * cm, 0.0, 2.4 * cm, 2.4 * cm, 2.4 * cm]
LINE_WIDTHS[2] = CONTENT_WIDTH - sum(LINE_WIDTHS)
NO_LINES = "tidak ada transaksi pada periode ini"


def _cell(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(esc(text), styles()[style])


def _grid(header_rows: int = 1, total_row: bool = False) -> list[tuple[object, ...]]:
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_row:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 1.0, "#000000"))
    return commands


def _summary_table(statement: SavingsStatement, style: str) -> Table:
    head = ["Jenis Simpanan", "Saldo Awal", "Setoran", "Penarikan", "Saldo Akhir"]
    rows: list[list[Paragraph]] = [[_cell(h, "cell_head") for h in head]]
    for summary in statement.summaries:
        rows.append(
            [_cell(summary.kind.label)]
            + [
                _cell(format_rupiah(value, style), "cell_right")
                for value in (summary.opening, summary.deposits, summary.withdrawals)
            ]
            + [_cell(format_rupiah(summary.closing, style), "cell_right")]
        )
    totals = [
        sum(s.opening for s in statement.summaries),
        sum(s.deposits for s in statement.summaries),
        sum(s.withdrawals for s in statement.summaries),
        statement.closing.total,
    ]
    st = styles()
    rows.append(
        [Paragraph(bold("Jumlah"), st["cell"])]
        + [Paragraph(bold(format_rupiah(v, style)), st["cell_right"]) for v in totals]
    )
    first = 4.1 * cm
    rest = (CONTENT_WIDTH - first) / 4
    table = Table(rows, colWidths=[first, rest, rest, rest, rest], repeatRows=1)
    table.setStyle(TableStyle(_grid(total_row=True)))
    return table


def _line_row(line: StatementLine) -> list[Paragraph]:
    description = line.description + (" (dibatalkan)" if line.cancelled else "")
    muted = line.cancelled or line.tx_type == TxType.PEMBALIKAN
    left, right = ("cell_muted", "cell_right_muted") if muted else ("cell", "cell_right")
    amounts = [
        format_number(line.deposit) if line.deposit else "",
        format_number(line.withdrawal) if line.withdrawal else "",
        format_number(line.balance),
    ]
    return [
        _cell(format_date_short(line.tx_date), left),
        _cell(line.receipt_no, left),
        _cell(description, left),
        *[_cell(a, right) for a in amounts],
    ]


def _kind_table(statement: SavingsStatement, kind: SavingsKind) -> Table:
    """One kind's lines between its opening and closing balance (each kind is its own account)."""
    summary = statement.summary_of(kind)
    head = ["Tanggal", "No. Kuitansi", "Keterangan", "Setoran", "Penarikan", "Saldo"]
    rows: list[list[Paragraph]] = [[_cell(h, "cell_head") for h in head]]
    rows.append(
        [_cell(format_date_short(statement.start)), _cell(""), _cell("Saldo awal"), _cell(""),
         _cell(""), _cell(format_number(summary.opening), "cell_right")]
    )  # fmt: skip
    rows += [_line_row(line) for line in statement.lines_of(kind)]
    st = styles()
    rows.append(
        [_cell(format_date_short(statement.end)), _cell(""),
         Paragraph(bold("Saldo akhir"), st["cell"]),
         Paragraph(bold(format_number(summary.deposits)), st["cell_right"]),
         Paragraph(bold(format_number(summary.withdrawals)), st["cell_right"]),
         Paragraph(bold(format_number(summary.closing)), st["cell_right"])]
    )  # fmt: skip
    table = Table(rows, colWidths=LINE_WIDTHS, repeatRows=1)
    table.setStyle(TableStyle(_grid(total_row=True)))
    return table


def _details(statement: SavingsStatement, style: str) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(
            f"{bold('Rincian Transaksi')} (dalam rupiah; abu-abu: dibatalkan)",
            styles()["body"],
        )
    ]
    for kind in KINDS:
        story.append(Spacer(1, 0.15 * cm))
        if statement.lines_of(kind):
            story += [para(kind.label), Spacer(1, 0.05 * cm), _kind_table(statement, kind)]
        else:
            closing = format_rupiah(statement.summary_of(kind).closing, style)
            story.append(
                para(f"{kind.label}: tidak ada transaksi pada periode ini; saldo {closing}.")
            )
    return story


def _berjangka(statement: SavingsStatement, style: str) -> list[Flowable]:
    """The member's simpanan berjangka of the period (jasa paid to sukarela shows above too)."""
    if not statement.berjangka:
        return []
    head = ["No. Rekening", "Mulai", "Jatuh Tempo", "Pokok", "Jasa/th", "Jasa", "PPh", "Status"]
    rows: list[list[Paragraph]] = [[_cell(h, "cell_head") for h in head]]
    for b in statement.berjangka:
        rows.append(
            [_cell(b.number), _cell(format_date_short(b.start_on)),
             _cell(format_date_short(b.maturity_on)),
             _cell(format_number(b.principal), "cell_right"), _cell(b.rate_text, "cell_right"),
             _cell(format_number(b.jasa), "cell_right"), _cell(format_number(b.tax), "cell_right"),
             _cell(b.status)]
        )  # fmt: skip
    widths = [2.8 * cm, 1.8 * cm, 1.8 * cm, 2.3 * cm, 1.4 * cm, 1.8 * cm, 1.5 * cm, 3.1 * cm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(_grid()))
    running = format_rupiah(statement.berjangka_running, style)
    return [
        Spacer(1, 0.3 * cm),
        para(f"Simpanan Berjangka (pokok berjalan {running}; jasa dan PPh 4(2) pada periode ini)"),
        Spacer(1, 0.05 * cm),
        table,
    ]


def _notes(statement: SavingsStatement, style: str) -> list[Flowable]:
    jasa: list[Flowable] = []
    if statement.jasa_gross:
        gross, tax = statement.jasa_gross, statement.jasa_tax
        jasa = [
            Spacer(1, 0.1 * cm),
            para(
                f"Jasa simpanan sukarela pada periode ini: bruto {format_rupiah(gross, style)}, "
                f"PPh Pasal 4 ayat (2) dipotong {format_rupiah(tax, style)}, dikreditkan "
                f"{format_rupiah(gross - tax, style)}."
            ),
        ]
    if statement.wajib_months_unpaid <= 0:
        return jasa
    owed = statement.wajib_months_unpaid * statement.wajib_monthly
    return [
        *jasa,
        Spacer(1, 0.1 * cm),
        para(
            f"Simpanan wajib belum dibayar per {format_date_short(statement.end)}: "
            f"{statement.wajib_months_unpaid} bulan × "
            f"{format_rupiah(statement.wajib_monthly, style)} = {format_rupiah(owed, style)}."
        ),
    ]


def _story(statement: SavingsStatement, profile: CoopProfile, style: str) -> list[Flowable]:
    member = statement.member
    coop = profile.name.strip() or "koperasi"
    total = statement.closing.total
    st = styles()
    return [
        Paragraph("<u>LAPORAN REKENING SIMPANAN ANGGOTA</u>", st["title"]),
        para(
            f"Periode {format_date_long(statement.start)} s.d. {format_date_long(statement.end)}",
            "subtitle",
        ),
        field_table(
            [
                ("Nama", member.name),
                ("No. Anggota", member.number),
                ("Alamat", member_address(member) or "–"),
                ("Tanggal Masuk", format_date_long(member.join_date)),
            ]
        ),
        Spacer(1, 0.3 * cm),
        _summary_table(statement, style),
        Spacer(1, 0.15 * cm),
        Paragraph(
            f"Saldo seluruh simpanan per {esc(format_date_long(statement.end))}: "
            f"{bold(format_rupiah(total, style))} ({esc(terbilang_rupiah(total))}).",
            st["body"],
        ),
        *_notes(statement, style),
        Spacer(1, 0.35 * cm),
        *_details(statement, style),
        *_berjangka(statement, style),
        Spacer(1, 0.3 * cm),
        signature_blocks(
            [
                Signer(
                    position="Bendahara",
                    name=profile.bendahara,
                    heading=f"{place_and_date(profile, statement.printed_on)}\n{coop}",
                )
            ]
        ),
    ]


def render_savings_statement(
    data: SavingsStatement,
    profile: CoopProfile,
    path: Path,
    is_demo: bool,
    *,
    rupiah_style: str = "puebi",
) -> Path:
    """Write the member's savings statement for `data`'s period to `path` (A4 PDF)."""
    return build_pdf(
        path,
        _story(data, profile, rupiah_style),
        profile,
        is_demo=is_demo,
        title=f"Rekening Simpanan {data.member.number} {data.period_text}",
    )
