"""`mufakat books …`: the books for scripts and the Task Scheduler (issue 12 §6). Exact CSV
formats: whole rupiah as plain integers, UTF-8, comma-separated, one header line."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from app.server_url import db_argument

TRIAL_HEADER = ["kode", "nama", "debet", "kredit"]
JOURNAL_HEADER = ["tanggal", "nomor", "kode", "nama", "debet", "kredit", "sumber", "keterangan"]


def add_parser(sub: Any) -> None:
    books = sub.add_parser("books", help="pembukuan: neraca saldo dan jurnal ke CSV")
    what = books.add_subparsers(dest="books_command", required=True)
    trial = what.add_parser("trial-balance", help="neraca saldo per tanggal ke CSV")
    trial.add_argument("--db", type=db_argument, required=True, dest="db_path")
    trial.add_argument("--as-of", required=True, dest="as_of", help="tanggal, 2025-12-31")
    trial.add_argument("--csv", type=Path, required=True, dest="csv_path")
    journal = what.add_parser("journal", help="baris jurnal dalam rentang tanggal ke CSV")
    journal.add_argument("--db", type=db_argument, required=True, dest="db_path")
    journal.add_argument("--from", required=True, dest="start", help="tanggal awal, 2025-01-01")
    journal.add_argument("--to", required=True, dest="end", help="tanggal akhir, 2025-12-31")
    journal.add_argument("--csv", type=Path, required=True, dest="csv_path")
    statements = what.add_parser("statements", help="laporan keuangan tahun buku ke PDF")
    statements.add_argument("--db", type=db_argument, required=True, dest="db_path")
    statements.add_argument("--year", required=True, help="tahun buku, 2025")
    statements.add_argument("--out", type=Path, required=True, dest="out_dir")
    close = what.add_parser("close-month", help="tutup bulan: daftar periksa lalu kunci")
    close.add_argument("--db", type=db_argument, required=True, dest="db_path")
    close.add_argument("--month", required=True, help="bulan, 2026-01")
    close.add_argument("--user", required=True, dest="username", help="nama pengguna")
    year_end = what.add_parser("close-year", help="tutup buku: jurnal penutup 31 Desember")
    year_end.add_argument("--db", type=db_argument, required=True, dest="db_path")
    year_end.add_argument("--year", required=True, help="tahun buku, 2025")
    year_end.add_argument("--user", required=True, dest="username", help="nama pengguna")
    from app.cli_pph import add_parser as add_pph_parser

    add_pph_parser(what)
    pack = what.add_parser("rat-pack", help="laporan RAT tahun buku: rat_pack.pdf dan bagiannya")
    pack.add_argument("--db", type=db_argument, required=True, dest="db_path")
    pack.add_argument("--year", required=True, help="tahun buku, 2025")
    pack.add_argument("--out", type=Path, required=True, dest="out_dir")
    shu = sub.add_parser("shu", help="SHU per anggota tahun buku ke CSV")
    shu.add_argument("--db", type=db_argument, required=True, dest="db_path")
    shu.add_argument("--year", required=True, help="tahun buku, 2025")
    shu.add_argument("--csv", type=Path, required=True, dest="csv_path")


def _date(text: str, label: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            f"Tanggal {label} '{text}' tidak dikenal; tulis seperti 2025-12-31."
        ) from None


def run(args: argparse.Namespace) -> int:
    from app.services import Services

    if args.books_command == "statements":
        return _statements(args)
    if args.books_command == "pph":
        from app.cli_pph import run as run_pph

        return run_pph(args)
    if args.books_command == "rat-pack":
        from app.cli_closing import rat_pack

        return rat_pack(args)
    if args.books_command in ("close-month", "close-year"):
        from app.cli_closing import close_month, close_year

        return (close_month if args.books_command == "close-month" else close_year)(args)
    try:
        if args.books_command == "trial-balance":
            as_of = _date(args.as_of, "--as-of")
            dates = (as_of, as_of)
        else:
            dates = (_date(args.start, "--from"), _date(args.end, "--to"))
            if dates[0] > dates[1]:
                raise ValidationError("Tanggal --from harus sebelum atau sama dengan --to.")
    except ValidationError as exc:  # a usage error: nothing opened
        print(f"GAGAL: {exc.message}", file=sys.stderr)
        return 2
    services = Services.open(args.db_path)
    try:
        ledger = services.ledger  # built with the book settings
        if args.books_command == "trial-balance":
            rows: list[list[object]] = [
                [r.code, r.name, r.debit, r.credit] for r in ledger.trial_balance(dates[0])
            ]
            header = TRIAL_HEADER
        else:
            rows = [
                [
                    r.date.isoformat(),
                    r.number,
                    r.account,
                    r.account_name,
                    r.debit,
                    r.credit,
                    f"{r.source}:{r.source_id}",
                    r.description,
                ]
                for r in ledger.search(dates[0], dates[1])
            ]
            header = JOURNAL_HEADER
    finally:
        services.close()
    with open(args.csv_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{len(rows)} baris ditulis ke {args.csv_path}")
    return 0


def _statements(args: argparse.Namespace) -> int:
    """`books statements`: the five PDFs of a book year into --out (created if missing)."""
    from app.documents.context import DocContext
    from app.documents.financial_statements import statement_pdfs
    from app.services import Services

    text = str(args.year).strip()
    if not (text.isdigit() and len(text) == 4):
        print(f"GAGAL: Tahun buku '{text}' tidak dikenal; tulis seperti 2025.", file=sys.stderr)
        return 2
    year = int(text)
    services = Services.open(args.db_path)
    try:
        statements = services.statements()
        ctx = DocContext(profile=services.settings.profile(), is_demo=services.is_demo)
        pdfs = statement_pdfs(statements, ctx, year, date.today())
    finally:
        services.close()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in pdfs.items():
        (args.out_dir / name).write_bytes(data)
    print(f"{len(pdfs)} laporan tahun buku {year} ditulis ke {args.out_dir}")
    return 0
