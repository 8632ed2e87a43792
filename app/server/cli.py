"""The office-server commands (issue 15): `mufakat backup --db postgresql://…`,
`mufakat restore --db URL --from FILE --user NAME`, `mufakat server move …`,
`mufakat server nightly-backup …` and `mufakat server upgrade …`. Messages in Indonesian; the
password is never printed."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import AppError, PermissionDenied
from app.server.commands import APP_ROLE
from app.server_url import ServerUrl, is_server_url, parse_server_url

COMMANDS = ("backup", "restore", "server")
"""The commands that take a server address in --db (the others refuse one for now)."""


def add_parser(sub: Any) -> None:
    restore = sub.add_parser("restore", help="pulihkan cadangan database di server kantor")
    restore.add_argument("--db", required=True, dest="db_path", help="postgresql://…")
    restore.add_argument("--from", type=Path, required=True, dest="backup_file")
    restore.add_argument(
        "--user",
        required=True,
        dest="username",
        help="nama pengguna Mufakat (kata sandi diminta, atau dari MUFAKAT_PASSWORD)",
    )

    server = sub.add_parser("server", help="server kantor: pindahkan koperasi, cadangan malam")
    what = server.add_subparsers(dest="server_command", required=True)
    move = what.add_parser("move", help="pindahkan koperasi dari file ke database server kosong")
    move.add_argument("--db", type=Path, required=True, dest="db_path", help="file koperasi")
    move.add_argument("--to", required=True, dest="url", help="postgresql://…")
    move.add_argument("--user", required=True, dest="username", help="nama pengguna Mufakat")
    move.add_argument(
        "--app-role", default=APP_ROLE, help=f"peran database program (baku {APP_ROLE})"
    )
    from app.cli_server import RESULT_HELP, add_setup_parser

    add_setup_parser(what)
    upgrade = what.add_parser(
        "upgrade", help="perbarui skema database server ke versi program ini (cadangan dulu)"
    )
    upgrade.add_argument("--db", required=True, dest="url", help="postgresql://… (pemilik)")
    upgrade.add_argument("--to", type=Path, required=True, dest="folder", help="folder cadangan")
    upgrade.add_argument(
        "--app-role", default=APP_ROLE, help=f"peran database program (baku {APP_ROLE})"
    )
    upgrade.add_argument("--result-file", type=Path, dest="result_file", help=RESULT_HELP)
    nightly = what.add_parser("nightly-backup", help="daftarkan cadangan otomatis tiap malam")
    nightly.add_argument("--db", required=True, dest="url", help="postgresql://…")
    nightly.add_argument("--to", type=Path, required=True, dest="folder")
    nightly.add_argument("--at", default="02:00", help="jam, baku 02:00")
    nightly.add_argument("--keep", type=int, help="simpan sekian cadangan terbaru")
    nightly.add_argument("--platform", choices=("windows", "linux"), help="baku: PC ini")
    nightly.add_argument("--xml", type=Path, help="tulis tugas Task Scheduler ke file ini")


def backup(args: argparse.Namespace) -> int:
    from app.storage.pg_backup import backup_server

    url = parse_server_url(args.db_path)
    made = backup_server(
        url, args.folder, kind="otomatis" if args.automatic else "perintah",
        keep=args.keep, keep_setting=args.automatic,
    )  # fmt: skip
    size = f"{made.size:,}".replace(",", ".")
    print(f"Cadangan server tersimpan dan terverifikasi: {made.path} ({size} byte)")
    print(
        f"  diperiksa dengan memulihkannya ke database sementara: {made.tables} tabel, "
        f"{made.rows} baris, sama dengan database {url.dbname}"
    )
    for old in made.removed:
        print(f"  cadangan lama dihapus: {old.name}")
    return 0


def restore(args: argparse.Namespace) -> int:
    from app.storage.pg_restore import restore_server

    if not is_server_url(args.db_path):
        print(
            "GAGAL: untuk file database, pulihkan cadangan lewat jendela Mufakat (menu Berkas). "
            "Perintah ini untuk database di server kantor (--db postgresql://…).",
            file=sys.stderr,
        )
        return 2
    url = parse_server_url(args.db_path)
    actor = server_login(url, args.username)
    done = restore_server(url, args.backup_file, actor=actor)
    print(f"Database {url.dbname} dipulihkan dari {args.backup_file} ({done.tables} tabel).")
    print(f"  Data sebelum pemulihan tetap disimpan sebagai database {done.aside}.")
    print("  PC lain yang tersambung diputus; pekerjaan berikutnya memakai data yang dipulihkan.")
    return 0


def server_login(url: ServerUrl, username: str, ask: Callable[[str], str] | None = None) -> str:
    """Log `username` in on the running server database (the same lock-out and audit as the
    window; password from MUFAKAT_PASSWORD or asked) and require the right to restore; the
    name the restore is recorded under."""
    from app.cli_auth import PASSWORD_ENV
    from app.storage.audit_repo import AuditRepository
    from app.storage.pg_engine import PgEngine
    from app.storage.pg_tools import conninfo, open_connection
    from app.users.permissions import Action, require
    from app.users.service import UserService

    open_connection(url).close()  # no server or a wrong database password: said first
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        try:
            password = (ask or getpass.getpass)(f"Kata sandi {username.strip()}: ")
        except (EOFError, KeyboardInterrupt, OSError):
            raise PermissionDenied("Kata sandi tidak diisi; tidak ada yang diubah.") from None
    engine = PgEngine(conninfo(url))
    try:
        user = UserService(engine, AuditRepository(engine)).login(username.strip(), password)
        require(user, Action.RESTORE)
    finally:
        engine.close()
    return user.full_name or user.username


def server(args: argparse.Namespace) -> int:
    if args.server_command in ("setup", "suggest-subnet", "remove"):
        from app import cli_server

        if args.server_command == "suggest-subnet":
            return cli_server.suggest_subnet(args)
        return cli_server.run(args) if args.server_command == "setup" else cli_server.remove(args)
    if args.server_command == "move":
        from app.server.move import move, summary

        result = move(args.db_path, args.url, args.username, app_role=args.app_role)
        print("\n".join(summary(result, args.db_path)))
        return 0
    if args.server_command == "upgrade":
        return upgrade(args)
    return nightly(args)


def upgrade(args: argparse.Namespace) -> int:
    """`server upgrade`: the steps the server's database lacks, after a verified dump. With
    `--result-file` (the installer's upgrade on the server PC) a refusal is written there too."""
    from app.server.installer import write_result

    try:
        lines = upgrade_lines(parse_server_url(args.url), args.folder.resolve(), args.app_role)
    except AppError as exc:
        write_result(args.result_file, False, 0, [exc.message])
        raise
    print("\n".join(lines))
    write_result(args.result_file, True, 0, lines)
    return 0


def upgrade_lines(url: ServerUrl, folder: Path, app_role: str) -> list[str]:
    from app.storage.pg_upgrade import upgrade_server

    done = upgrade_server(url, folder, app_role)
    if done.backup is None:
        return [f"Database {url.dbname} di server kantor sudah terbaru; tidak ada yang diubah."]
    size = f"{done.backup.size:,}".replace(",", ".")
    return [
        f"Cadangan sebelum pembaruan tersimpan dan terverifikasi: {done.backup.path} ({size} byte)",
        f"Database {url.dbname} diperbarui, {len(done.steps)} langkah skema dijalankan:",
        *(f"  {name}" for name in done.steps),
        "PC lain bisa terhubung lagi dengan versi Mufakat ini.",
    ]


def nightly(args: argparse.Namespace) -> int:
    from app.server import nightly as task

    url = parse_server_url(args.url)
    at = task.parse_time(args.at)
    if args.keep is not None and not 1 <= args.keep <= 365:
        print("GAGAL: --keep harus 1 sampai 365 cadangan.", file=sys.stderr)
        return 2
    folder = args.folder.resolve()
    windows = (args.platform or ("windows" if sys.platform == "win32" else "linux")) == "windows"
    if windows:
        xml_path = (args.xml or folder / "mufakat-cadangan-malam.xml").resolve()
        task.write_task(xml_path, task.task_xml(url, folder, at, args.keep))
        print(f"Tugas Task Scheduler ditulis ke {xml_path}.")
        print("Daftarkan sekali, di Command Prompt sebagai Administrator pada PC server:")
        print(f"  {task.schtasks_command(url, xml_path)}")
    else:
        print("Tambahkan baris ini dengan 'crontab -e' pada PC server:")
        print(f"  {task.crontab_line(url, folder, at, args.keep)}")
    print(
        f"Cadangan dibuat tiap hari pukul {at.hour:02d}:{at.minute:02d} ke {folder}; "
        + (
            f"{args.keep} cadangan terbaru disimpan."
            if args.keep
            else "jumlah yang disimpan mengikuti pengaturan 'Simpan cadangan' koperasi."
        )
    )
    print(
        "Kata sandi database tidak ditulis di tugas: simpan di file pgpass PC server "
        "(Windows: %APPDATA%\\postgresql\\pgpass.conf, Linux: ~/.pgpass)."
    )
    return 0
