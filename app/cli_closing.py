"""`mufakat books close-month`, `close-year`, `rat-pack` and `mufakat shu` (issue 13)."""

from __future__ import annotations

import argparse
import csv
import sys

from app.errors import AppError

SHU_HEADER = ["no_anggota", "nama", "jma", "jua", "jumlah"]


def close_month(args: argparse.Namespace) -> int:
    """Exit 0 when the month is closed; 1 with the failing checklist items; 2 on bad input."""
    from app.cli_auth import cli_user
    from app.ledger.closing import parse_month
    from app.services import Services
    from app.users.permissions import Action

    try:
        year, month = parse_month(args.month)
    except AppError as exc:
        print(f"GAGAL: {exc.message}", file=sys.stderr)
        return 2
    services = Services.open(args.db_path)
    try:
        user = cli_user(services, args.username, Action.MONTH_END)
        failing = services.closing.close_month(user, year, month)
    except AppError as exc:
        print(f"GAGAL: {exc.message}", file=sys.stderr)
        return 1
    finally:
        services.close()
    if failing:
        print(f"Bulan {args.month.strip()} belum bisa ditutup:", file=sys.stderr)
        for item in failing:
            print(f"- {item.label}: {item.detail}", file=sys.stderr)
        return 1
    print(f"Bulan {args.month.strip()} ditutup; tanggal kunci dipindah ke akhir bulan.")
    return 0


def close_year(args: argparse.Namespace) -> int:
    """`books close-year`: the jurnal penutup once December is closed; exit 1 when refused."""
    from app.cli_auth import cli_user
    from app.services import Services
    from app.users.permissions import Action

    text = str(args.year).strip()
    if not (text.isdigit() and len(text) == 4):
        print(f"GAGAL: Tahun buku '{text}' tidak dikenal; tulis seperti 2025.", file=sys.stderr)
        return 2
    services = Services.open(args.db_path)
    try:
        user = cli_user(services, args.username, Action.MONTH_END)
        journal = services.ledger.journal(services.closing.close_year(user, int(text)))
    except AppError as exc:
        print(f"GAGAL: {exc.message}", file=sys.stderr)
        return 1
    finally:
        services.close()
    print(f"Tahun buku {text} ditutup: jurnal penutup {journal.number}.")
    return 0


def shu_csv(args: argparse.Namespace) -> int:
    """`mufakat shu`: one row per member with a non-zero share of an ended book year."""
    from datetime import date

    from app.ledger.shu import ShuService
    from app.services import Services

    text = str(args.year).strip()
    if not (text.isdigit() and len(text) == 4):
        print(f"GAGAL: Tahun buku '{text}' tidak dikenal; tulis seperti 2025.", file=sys.stderr)
        return 2
    year = int(text)
    if date(year, 12, 31) >= date.today():
        print(f"GAGAL: Tahun buku {year} belum berakhir; SHU dihitung untuk tahun yang sudah "
              "ditutup.", file=sys.stderr)  # fmt: skip
        return 1
    services = Services.open(args.db_path)
    try:
        result = ShuService(services.db, services.audit).compute(year)
    except AppError as exc:
        print(f"GAGAL: {exc.message}", file=sys.stderr)
        return 1
    finally:
        services.close()
    with open(args.csv_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SHU_HEADER)
        writer.writerows([r.number, r.name, r.jma, r.jua, r.total] for r in result.rows)
    print(f"{len(result.rows)} anggota, SHU {year} ditulis ke {args.csv_path}")
    return 0


def rat_pack(args: argparse.Namespace) -> int:
    """`books rat-pack`: rat_pack.pdf and each part into --out (created if missing) for an
    ended book year; exit 2 on a bad year, 1 when refused."""
    from datetime import date

    from app.documents.sources.rat_pack import PACK, write_rat_pack
    from app.services import Services

    text = str(args.year).strip()
    if not (text.isdigit() and len(text) == 4):
        print(f"GAGAL: Tahun buku '{text}' tidak dikenal; tulis seperti 2025.", file=sys.stderr)
        return 2
    year = int(text)
    if date(year, 12, 31) >= date.today():
        print(f"GAGAL: Tahun buku {year} belum berakhir.", file=sys.stderr)
        return 1
    services = Services.open(args.db_path)
    try:
        written = write_rat_pack(services, year, args.out_dir, date.today())
    except AppError as exc:
        print(f"GAGAL: {exc.message}", file=sys.stderr)
        return 1
    finally:
        services.close()
    print(f"{PACK} dan {len(written) - 1} bagian tahun buku {year} ditulis ke {args.out_dir}")
    return 0
