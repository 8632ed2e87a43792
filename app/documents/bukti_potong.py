"""Daftar bukti potong PPh Pasal 4(2) atas jasa simpanan of one month, on the letterhead: per
member the gross jasa, the PPh withheld and the NPWP (or the NIK where there is none), the
totals, the amount to deposit and its deadline (the 15th of the next month), and whether and
when it was deposited."""

from __future__ import annotations

from datetime import date

from app.documents.context import DocContext
from app.documents.reports_pdf import ReportDoc, report_pdf
from app.exports.xlsx_table import Cell, Rupiah, TableExport
from app.formats import MONTHS_ID, format_date_long
from app.ledger.closing import parse_month
from app.money import format_rupiah
from app.savings.pph_models import BuktiPotongRow, PphDepositRow
from app.savings.pph_report import deadline

HEADERS = ("No.", "No. Anggota", "Nama", "NPWP / NIK", "Jasa Bruto (Rp)", "PPh 4(2) (Rp)")


def month_label(month: str) -> str:
    year, number = parse_month(month)
    return f"{MONTHS_ID[number - 1]} {year}"


def bukti_potong_table(month: str, rows: list[BuktiPotongRow]) -> TableExport:
    body: list[list[Cell]] = [
        [i, r.number, r.name, r.npwp or (f"NIK {r.nik}" if r.nik else ""), Rupiah(r.gross),
         Rupiah(r.tax)]
        for i, r in enumerate(rows, 1)
    ]  # fmt: skip
    body.append(
        ["", "", "Jumlah", "", Rupiah(sum(r.gross for r in rows)), Rupiah(sum(r.tax for r in rows))]
    )
    return TableExport(f"Bukti potong PPh 4(2) {month_label(month)}", HEADERS, body)


def bukti_potong_pdf(
    month: str,
    rows: list[BuktiPotongRow],
    deposit: PphDepositRow | None,
    ctx: DocContext,
    printed_on: date,
) -> bytes:
    tax = sum(r.tax for r in rows)
    due = deadline(month)
    notes = [
        f"PPh yang harus disetor: {format_rupiah(tax)}, paling lambat {format_date_long(due)}.",
        "Tidak dipotong bila jasa bruto sebulan paling banyak Rp240.000; di atasnya 10 % dari "
        "seluruh jasa bruto (PP 15/2009).",
    ]
    if deposit is not None:
        notes.append(
            f"Sudah disetor {format_rupiah(deposit.amount)} pada "
            f"{format_date_long(deposit.paid_on)}"
            + (f", bukti {deposit.reference}." if deposit.reference else ".")
        )
    doc = ReportDoc(
        title="Daftar Bukti Potong PPh Pasal 4 ayat (2) Jasa Simpanan",
        parameters=[f"Masa pajak {month_label(month)}"],
        tables=[bukti_potong_table(month, rows)],
        notes=notes,
        printed_on=printed_on,
    )
    return report_pdf(doc, ctx)[0]
