"""`mufakat books pph --db PATH --month YYYY-MM --csv OUT.csv [--pdf OUT.pdf]`: the month's
bukti potong list of PPh 4(2) on jasa simpanan. CSV header exactly `no_anggota,nama,npwp,bruto,
pph`, one row per member with jasa in the month, plain integers, UTF-8."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import AppError
from app.server_url import db_argument

HEADER = ["no_anggota", "nama", "npwp", "bruto", "pph", "pph_terutang", "kurang_potong"]


def add_parser(what: Any) -> None:
    pph = what.add_parser("pph", help="daftar bukti potong PPh 4(2) jasa simpanan sebulan")
    pph.add_argument("--db", type=db_argument, required=True, dest="db_path")
    pph.add_argument("--month", required=True, help="masa pajak, 2026-01")
    pph.add_argument("--csv", type=Path, required=True, dest="csv_path")
    pph.add_argument("--pdf", type=Path, dest="pdf_path", help="juga sebagai PDF")


def run(args: argparse.Namespace) -> int:
    from app.ledger.closing import parse_month
    from app.services import Services

    month = str(args.month).strip()
    try:
        parse_month(month)
    except AppError as exc:  # a usage error: nothing opened
        print(f"GAGAL: {exc.message}", file=sys.stderr)
        return 2
    services = Services.open(args.db_path)
    try:
        reports = services.pph_reports
        rows = reports.bukti_potong(month)
        pdf = None
        if args.pdf_path is not None:
            from app.documents.bukti_potong import bukti_potong_pdf
            from app.documents.context import DocContext

            ctx = DocContext(profile=services.settings.profile(), is_demo=services.is_demo)
            pdf = bukti_potong_pdf(month, rows, reports.deposited(month), ctx, date.today())
    finally:
        services.close()
    with open(args.csv_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(
            [r.number, r.name, r.npwp, r.gross, r.tax, r.due, r.shortfall] for r in rows
        )
    if pdf is not None:
        args.pdf_path.write_bytes(pdf)
    tax, due = sum(r.tax for r in rows), sum(r.due for r in rows)
    short = f" (terutang {due}, kurang potong {due - tax})" if due != tax else ""
    print(f"{len(rows)} anggota, PPh 4(2) {month}: {tax} rupiah{short}; ditulis ke {args.csv_path}")
    return 0
