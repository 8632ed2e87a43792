"""Daftar bukti potong PPh Pasal 4(2) atas jasa simpanan of one month, on the letterhead: per
member the gross jasa, the PPh terutang, the PPh dipotong, the kurang potong and the NPWP (or the
NIK where there is none), the totals, the amount to deposit (the whole PPh terutang) and its
deadline (the 15th of the next month), and whether and when it was deposited.

Kurang potong: the PPh withheld from a piece of jasa is capped at the piece plus the member's
sukarela balance (app/savings/pph_withholding.py); what is still short at the month's end is
owed by the member (a receivable, Dr 1111, booked with the deposit) while the cooperative, the
withholder, deposits the whole PPh terutang."""

from __future__ import annotations

from datetime import date

from app.documents.context import DocContext
from app.documents.report_doc import ReportDoc
from app.exports.xlsx_table import Cell, Rupiah, TableExport
from app.formats import MONTHS_ID, format_date_long
from app.ledger.closing import parse_month
from app.money import format_rupiah
from app.savings.pph_models import BuktiPotongRow, PphDepositRow
from app.savings.pph_report import deadline

HEADERS = (
    "No.",
    "No. Anggota",
    "Nama",
    "NPWP / NIK",
    "Jasa Bruto (Rp)",
    "PPh Terutang (Rp)",
    "PPh Dipotong (Rp)",
    "Kurang Potong (Rp)",
)


def month_label(month: str) -> str:
    year, number = parse_month(month)
    return f"{MONTHS_ID[number - 1]} {year}"


def bukti_potong_table(month: str, rows: list[BuktiPotongRow]) -> TableExport:
    body: list[list[Cell]] = [
        [i, r.number, r.name, r.npwp or (f"NIK {r.nik}" if r.nik else ""), Rupiah(r.gross),
         Rupiah(r.due), Rupiah(r.tax), Rupiah(r.shortfall)]
        for i, r in enumerate(rows, 1)
    ]  # fmt: skip
    body.append(
        ["", "", "Jumlah", "", Rupiah(sum(r.gross for r in rows)), Rupiah(sum(r.due for r in rows)),
         Rupiah(sum(r.tax for r in rows)), Rupiah(sum(r.shortfall for r in rows))]
    )  # fmt: skip
    return TableExport(f"Bukti potong PPh 4(2) {month_label(month)}", HEADERS, body)


def bukti_potong_pdf(
    month: str,
    rows: list[BuktiPotongRow],
    deposit: PphDepositRow | None,
    ctx: DocContext,
    printed_on: date,
) -> bytes:
    tax = sum(r.due for r in rows)
    short = sum(r.shortfall for r in rows)
    due = deadline(month)
    notes = [
        f"PPh yang harus disetor: {format_rupiah(tax)}, paling lambat {format_date_long(due)}.",
        "Tidak dipotong bila jasa bruto sebulan paling banyak Rp240.000; di atasnya 10 % dari "
        "seluruh jasa bruto (PP 15/2009).",
        "PPh yang dipotong dari satu pembayaran jasa paling banyak sebesar jasa itu ditambah "
        "saldo simpanan sukarela anggota; kekurangannya dipotong dari jasa berikutnya bulan itu.",
    ]
    if short:
        notes.append(
            f"Kurang potong {format_rupiah(short)}: tetap disetor penuh oleh koperasi sebagai "
            "pemotong dan dicatat sebagai piutang kepada anggota (Piutang lain-lain)."
        )
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
    from app.documents.reports_pdf import report_pdf  # ReportLab: when printed

    return report_pdf(doc, ctx)[0]
