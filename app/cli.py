"""The `mufakat` command: opens the program, or runs an admin task for scripts and the
Windows Task Scheduler. This module is the composition root: it loads the Qt interface by
name only when a window is wanted, so `app/` never imports `ui/`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.errors import AppError
from app.formats import month_of
from app.server_url import db_argument


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mufakat",
        description="Mufakat – simpan pinjam dan penanganan pinjaman bermasalah koperasi.",
    )
    parser.add_argument("--version", action="version", version=f"Mufakat {__version__}")
    parser.add_argument("--db", type=db_argument, help="buka file database ini")
    parser.add_argument(
        "--demo", action="store_true", help="buka koperasi contoh (dibuat bila belum ada)"
    )
    parser.add_argument("--smoke-test", action="store_true", help="uji cepat tanpa jendela")
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="buat database koperasi contoh")
    demo.add_argument("path", help="file baru, atau postgresql://… (database kosong)")
    demo.add_argument("--members", type=int, default=2000, help="jumlah anggota (baku 2000)")
    demo.add_argument(
        "--seed", type=int, default=1, help="benih acak (hasil sama untuk benih sama)"
    )
    from app.server.commands import APP_ROLE

    demo.add_argument(
        "--app-role", default=APP_ROLE, help=f"server: peran database program (baku {APP_ROLE})"
    )

    backup = sub.add_parser("backup", help="buat cadangan terverifikasi")
    backup.add_argument("--db", required=True, dest="db_path", help="file, atau postgresql://…")
    backup.add_argument("--to", type=Path, required=True, dest="folder")
    backup.add_argument("--keep", type=int, help="simpan sekian cadangan terbaru di folder itu")
    backup.add_argument("--automatic", action="store_true", help="cadangan otomatis (tugas malam)")

    samples = sub.add_parser("samples", help="tulis contoh PDF setiap jenis surat")
    samples.add_argument("outdir", type=Path)

    month_end = sub.add_parser(
        "month-end", help="tutup bulan: simpan kolektibilitas semua pinjaman per tanggal"
    )
    month_end.add_argument("--db", type=db_argument, required=True, dest="db_path")
    month_end.add_argument("--as-of", required=True, dest="as_of", help="tanggal, 2025-08-31")
    month_end.add_argument(
        "--user",
        dest="user",
        help="nama pengguna yang menjalankan (kata sandi diminta, atau dari MUFAKAT_PASSWORD)",
    )
    month_end.add_argument(
        "--rerun", action="store_true", help="catat proses baru bila tanggal ini sudah pernah"
    )

    check = sub.add_parser("check", help="periksa keutuhan dan konsistensi database")
    check.add_argument("--db", type=db_argument, required=True, dest="db_path")

    from app.server.cli import add_parser as add_server_parser

    add_server_parser(sub)
    from app.cli_books import add_parser as add_books_parser

    add_books_parser(sub)
    from app.imports.cli import add_commands

    add_commands(sub)
    return parser


def _cmd_demo(args: argparse.Namespace) -> int:
    from app.demo.generate import generate_demo
    from app.server_url import is_server_url

    if is_server_url(args.path):
        from app.server.demo import build_on_server, report

        done = build_on_server(
            args.path, args.members, args.seed, app_role=args.app_role, progress=print
        )
        print("\n".join(report(done)))
        return 0
    path = Path(args.path)
    if path.exists():
        print(f"File {path} sudah ada; pilih nama lain.", file=sys.stderr)
        return 2
    summary = generate_demo(path, members=args.members, seed=args.seed, progress=print)
    print(summary)
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from app.server.cli import backup as server_backup
    from app.server_url import is_server_url
    from app.services import Services
    from app.storage.backup import backup_to, prune_backups
    from app.storage.db import OlderThanLastSeen

    if is_server_url(args.db_path):
        return server_backup(args)
    path = Path(args.db_path)
    try:
        services = Services.open(path)
    except OlderThanLastSeen as exc:  # a backup of what is there harms nothing: say so, go on
        print(f"PERINGATAN: {exc.message}", file=sys.stderr)
        services = Services.open(path, accept_older=True)
    try:
        kind = "otomatis" if args.automatic else "perintah"
        info = backup_to(services.file, args.folder, kind=kind)
        if args.keep is not None:
            prune_backups(args.folder, path.stem, max(1, args.keep))
    finally:
        services.close()
    print(
        f"Cadangan tersimpan dan terverifikasi: {info.path} ({info.size:,} byte)".replace(",", ".")
    )
    return 0


def _cmd_month_end(args: argparse.Namespace) -> int:
    from datetime import date

    from app.cli_auth import cli_user, month_end_date
    from app.loans.quality import CLASS_ORDER, class_label, npl_text
    from app.money import format_rupiah
    from app.services import Services
    from app.users.permissions import Action

    try:
        as_of = month_end_date(args.as_of, date.today())
    except AppError as exc:  # a date the command refuses: a usage error, nothing opened
        print(f"GAGAL: {exc.message}", file=sys.stderr)
        return 2
    services = Services.open(args.db_path)
    try:
        user = cli_user(services, args.user, Action.MONTH_END)
        run = services.loans.quality.month_end(user, as_of, rerun=args.rerun)
        counts = services.loans.quality.class_counts(as_of)
        berjangka = services.berjangka_month_end.run(user, as_of.year, as_of.month)
        month = month_of(as_of)
        jasa = services.jasa.result(month) or services.jasa.credit_month(user, as_of)
        assets = services.assets.run(user, as_of.year, as_of.month)
        depreciation = services.assets.summary(assets)
        accrual = services.loans.quality.accruals
        accrued = accrual.summary(as_of) if accrual.active else None
    finally:
        services.close()
    print(
        f"Jasa simpanan sukarela {month}: {len(jasa.lines)} anggota, bruto "
        f"{format_rupiah(jasa.gross)}, PPh 4(2) {format_rupiah(jasa.tax)}"
    )
    print(depreciation)
    print(f"Tutup bulan per {as_of.isoformat()} (proses ke-{run.run_no}), {run.policy_name}:")
    ratio = npl_text(run.npl_ratio)
    print(
        f"  {run.loan_count} pinjaman, sisa pokok {format_rupiah(run.total_outstanding)}, "
        f"rasio pinjaman bermasalah {ratio}"
    )
    for code in CLASS_ORDER:
        if code in counts:
            number, total = counts[code]
            print(f"  {class_label(code):<24} {number:>7} pinjaman  {format_rupiah(total)}")
    if accrued is not None:
        print(
            f"  Akrual jasa (Lancar): {accrued.accrued_loans} pinjaman "
            f"{format_rupiah(accrued.accrued)}; dibatalkan {accrued.taken_back_loans} pinjaman "
            f"{format_rupiah(accrued.taken_back)}"
        )
    print(
        f"  Simpanan berjangka: jasa {berjangka.paid} rekening {format_rupiah(berjangka.gross)}"
        f" (PPh 4(2) {format_rupiah(berjangka.tax)}), diperpanjang {berjangka.rolled_over}"
    )
    for skipped in berjangka.skipped:
        print(f"  dilewati: {skipped}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from app.storage.check import check_database

    report = check_database(args.db_path)
    for fact in report.facts:
        print(f"  {fact}")
    if report.ok:
        print(f"BAIK: tidak ada masalah pada {args.db_path}")
        return 0
    for problem in report.problems:
        print(f"MASALAH: {problem}")
    return 1


NOT_ON_THE_SERVER = {"check": "Pemeriksaan database (mufakat check)"}
"""Commands that take a database file but do not run on the office server yet (issue 15)."""


def _refuse_server_urls(argv: Sequence[str]) -> int | None:
    """A `postgresql://…` address given to a command that does not run on the office server
    yet: understood, checked, and refused with a plain message (issue 15) instead of being
    opened as a file name. Every other command opens the cooperative on the server."""
    from app.server_url import is_server_url, not_yet_message, parse_server_url

    what = NOT_ON_THE_SERVER.get(argv[0]) if argv else None
    if what is None:
        return None
    for token in argv:
        value = token.split("=", 1)[1] if token.startswith("--db=") else token
        if is_server_url(value):
            try:
                message = not_yet_message(parse_server_url(value), what)
            except AppError as exc:
                message = exc.message
            print(f"GAGAL: {message}", file=sys.stderr)
            return 2
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    refused = _refuse_server_urls(argv)
    if refused is not None:
        return refused
    args = _parser().parse_args(argv)
    try:
        if args.smoke_test:
            from app.smoke import run_smoke_test

            return run_smoke_test()
        if args.command == "demo":
            return _cmd_demo(args)
        if args.command == "backup":
            return _cmd_backup(args)
        if args.command in ("restore", "server"):
            from app.server import cli as server_cli

            return (
                server_cli.restore(args) if args.command == "restore" else server_cli.server(args)
            )
        if args.command == "check":
            return _cmd_check(args)
        if args.command == "month-end":
            return _cmd_month_end(args)
        if args.command == "shu":
            from app.cli_closing import shu_csv

            return shu_csv(args)
        if args.command == "books":
            from app.cli_books import run as run_books

            return run_books(args)
        if args.command in ("import", "template", "export"):
            from app.imports.cli import dispatch

            return dispatch(args) or 0
        if args.command == "samples":
            from app.documents.samples import write_samples

            for path in write_samples(args.outdir):
                print(path)
            return 0
    except AppError as exc:
        print(f"GAGAL: {exc.message}", file=sys.stderr)
        return 1
    gui = importlib.import_module("ui.main")
    result: int = gui.run(db=args.db, demo=args.demo)
    return result
