"""The import, template and export commands (`mufakat import|template|export`)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app.errors import ValidationError
from app.server_url import db_argument

KIND_CHOICES = ("members", "savings", "loans", "opening")
EXPORT_CHOICES = ("members", "savings", "loans", "cases")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser("import", help="impor data dari Excel/CSV (selalu diperiksa dulu)")
    imp.add_argument("kind", choices=KIND_CHOICES)
    imp.add_argument("file", type=Path)
    imp.add_argument("--db", type=db_argument, required=True, dest="db_path")
    imp.add_argument("--dry-run", action="store_true", help="periksa saja, tidak menyimpan")
    imp.add_argument("--user", dest="user", help="nama pengguna (kata sandi diminta)")
    imp.add_argument("--per", dest="as_of", help="tanggal peralihan saldo, 2025-12-31")
    imp.add_argument("--pad-nomor", type=int, dest="pad", help="tambah nol di depan nomor anggota")
    tpl = sub.add_parser("template", help="tulis contoh berkas impor (Excel)")
    tpl.add_argument("kind", choices=KIND_CHOICES)
    tpl.add_argument("out", type=Path)
    tpl.add_argument(
        "--db", type=db_argument, dest="db_path", help="bagan akun dari file ini (opening)"
    )
    exp = sub.add_parser("export", help="ekspor data ke Excel")
    exp.add_argument("kind", choices=EXPORT_CHOICES)
    exp.add_argument("out", type=Path)
    exp.add_argument("--db", type=db_argument, required=True, dest="db_path")
    exp.add_argument("--per", dest="as_of", help="posisi per tanggal, 2025-12-31")


def _date_option(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"Tanggal '{text}' tidak sah; tulis seperti 2025-12-31.") from None


def cmd_import(args: argparse.Namespace) -> int:
    from app.cli_auth import cli_user
    from app.imports.service import ImportOptions
    from app.services import Services
    from app.users.permissions import Action

    options = ImportOptions(as_of=_date_option(args.as_of), pad=args.pad)
    services = Services.open(args.db_path)
    try:
        if args.dry_run:
            report = services.imports.check(args.kind, args.file, options)
            print("\n".join(["PEMERIKSAAN (tidak ada yang disimpan)", *report.lines()]))
            return 0 if report.ok else 1
        action = Action.EDIT_SETTINGS if args.kind == "opening" else Action.EDIT_MEMBERS
        user = cli_user(services, args.user, action)
        report = services.imports.check(args.kind, args.file, options)
        if not report.ok:
            print("\n".join(report.lines()))
            return 1
        result = services.imports.run(user, args.kind, args.file, options, checked=report)
    finally:
        services.close()
    print("\n".join(result.report.lines()))
    print(f"Cadangan sebelum impor: {result.backup_path}")
    print(f"SELESAI: impor #{result.batch_id} tersimpan.")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from app.imports.template import write_template

    if args.kind == "opening" and args.db_path is not None:
        from app.services import Services

        services = Services.open(args.db_path)
        try:
            accounts = services.ledger.accounts.chart()
        finally:
            services.close()
        write_template(args.kind, args.out, accounts)
    else:
        write_template(args.kind, args.out)
    print(f"Contoh berkas tersimpan: {args.out}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.imports.export import export_kind
    from app.services import Services

    as_of = _date_option(args.as_of)
    services = Services.open(args.db_path)
    try:
        count = export_kind(services, args.kind, args.out, as_of)
    finally:
        services.close()
    print(f"{count} baris tersimpan di {args.out}")
    return 0


def dispatch(args: argparse.Namespace) -> int | None:
    commands = {"import": cmd_import, "template": cmd_template, "export": cmd_export}
    command = commands.get(args.command)
    if command is None:
        return None
    try:
        return command(args)
    except ValidationError as exc:
        print(f"GAGAL: {exc.message}", file=sys.stderr)
        return 1
