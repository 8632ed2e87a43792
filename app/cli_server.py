"""`mufakat server setup --data DIR --subnet 192.168.1.0/24 --password-file F [--port P]`: make
this PC the office server (issue 15 §3; app/server/setup.py does the work). For the installer's
option "PC ini menjadi server kantor" (app/server/installer.py): `--repeated` (each password file
holds the password typed twice), `--check-only` (refuse or accept, write nothing but the result
file) and `--result-file F`; `server suggest-subnet` and `server remove --port P`."""

from __future__ import annotations

import argparse
import contextlib
import socket
import sys
from pathlib import Path
from typing import Any

from app.errors import AppError

REPORT_NAME = "mufakat-server.txt"


def add_setup_parser(what: Any) -> None:
    """`server setup`, beside `server move` and `server nightly-backup` (app/server/cli.py)."""
    setup = what.add_parser("setup", help="jadikan PC ini server kantor")
    setup.add_argument("--data", type=Path, required=True, help="folder data server (baru)")
    setup.add_argument(
        "--port", type=int, help="port server (baku: 5439 atau port kosong pertama sesudahnya)"
    )
    setup.add_argument(
        "--subnet", required=True, help="jaringan kantor yang boleh masuk, misalnya 192.168.1.0/24"
    )
    setup.add_argument(
        "--password-file",
        type=Path,
        dest="password_file",
        help="file berisi kata sandi (baris pertama) untuk server dan pengguna program",
    )
    setup.add_argument(
        "--app-password-file",
        type=Path,
        dest="app_password_file",
        help="kata sandi lain untuk pengguna program di PC lain (baku: sama dengan di atas)",
    )
    setup.add_argument(
        "--repeated",
        action="store_true",
        help="tiap file kata sandi berisi kata sandi dua kali (baris 1 dan 2), seperti diketik",
    )
    setup.add_argument(
        "--check-only",
        action="store_true",
        dest="check_only",
        help="hanya periksa isian (tidak ada yang dibuat)",
    )
    setup.add_argument("--result-file", type=Path, dest="result_file", help=RESULT_HELP)
    suggest = what.add_parser("suggest-subnet", help="usulan jaringan kantor dari alamat PC ini")
    suggest.add_argument("--result-file", type=Path, dest="result_file", help=RESULT_HELP)
    remove = what.add_parser("remove", help="hapus layanan Windows server kantor dan firewallnya")
    remove.add_argument("--port", type=int, required=True)
    remove.add_argument("--result-file", type=Path, dest="result_file", help=RESULT_HELP)


RESULT_HELP = "tulis hasil (bahasa Indonesia, tanpa kata sandi) ke file ini, untuk pemasang"


def suggest_subnet(args: argparse.Namespace) -> int:
    from app.server.installer import local_addresses, suggest_subnet, write_result

    subnet = suggest_subnet(local_addresses())
    print(subnet)
    write_result(args.result_file, True, 0, [subnet])
    return 0


def remove(args: argparse.Namespace) -> int:
    from app.server.installer import remove_service, write_result

    if sys.platform != "win32":
        lines = ["Perintah ini hanya untuk PC server Windows."]
        ok = False
    else:
        ok, lines = remove_service(args.port)
    lines.append("Folder data server tidak dihapus.")
    for line in lines:
        print(line)
    write_result(args.result_file, ok, args.port, lines)
    return 0 if ok else 1


def _check(args: argparse.Namespace) -> tuple[bool, int, list[str]]:
    from app.server import setup as server_setup
    from app.server.installer import check_setup, check_text

    check = check_setup(
        data=args.data.resolve(),
        subnet=args.subnet,
        password_file=args.password_file,
        app_password_file=args.app_password_file,
        port=args.port,
        find_bin=server_setup.find_pg_bin,
        choose_port=server_setup.choose_port,
        check_data_folder=server_setup.check_data_folder,
    )
    return check.ok, check.port, check_text(check)


def run(args: argparse.Namespace) -> int:
    from app.server.installer import read_repeated_password, write_result
    from app.server.setup import SetupRequest, read_password_file, setup_server

    if args.password_file is None and not args.check_only:
        missing = "GAGAL: --password-file wajib diisi (file berisi kata sandi server)."
        print(missing, file=sys.stderr)
        write_result(args.result_file, False, 0, [missing])
        return 2
    if args.check_only or args.repeated:
        ok, port, checked = _check(args)
        if args.check_only or not ok:
            for line in checked:
                print(line, file=sys.stdout if ok else sys.stderr)
            write_result(args.result_file, ok, port, checked)
            return 0 if ok else 1
    if args.repeated:
        password = read_repeated_password(args.password_file, "Kata sandi pengelola server")
        app_password = (
            read_repeated_password(args.app_password_file, "Kata sandi untuk PC lain")
            if args.app_password_file
            else password
        )
    else:
        password = read_password_file(args.password_file)
        app_password = (
            read_password_file(args.app_password_file) if args.app_password_file else password
        )
    request = SetupRequest(
        data=args.data.resolve(),
        subnet=args.subnet,
        password=password,
        app_password=app_password,
        port=args.port,
    )
    lines: list[str] = []

    def say(line: str, problem: bool = False) -> None:
        lines.append(line)
        print(line, file=sys.stderr if problem else sys.stdout)

    try:
        result = setup_server(request, report=lambda line: say(f"  {line}"))
    except AppError as exc:
        say(f"GAGAL: {exc.message}", problem=True)
        _keep_report(request.data, lines)
        write_result(args.result_file, False, 0, lines)
        return 1
    from app.server.installer import local_addresses, server_address

    address = server_address(result.subnet, local_addresses(), socket.gethostname())
    which = "untuk PC lain" if args.app_password_file else "yang ada di file kata sandi"
    say(
        'Server kantor siap. Di PC lain pilih "Hubungkan ke Server…" dan isi: alamat server = '
        f"{address}, port = {result.port}, database = {result.dbname}, "
        f"pengguna = {result.app_role}, kata sandi = kata sandi {which}."
    )
    _keep_report(request.data, lines)
    write_result(args.result_file, True, result.port, lines)
    return 0


def _keep_report(data: Path, lines: list[str]) -> None:
    """The same lines in `mufakat-server.txt` beside the data folder: the Windows program has no
    console to print to, and the port is needed again when the other PCs are connected. Never
    the password."""
    report = data.parent / REPORT_NAME
    with contextlib.suppress(OSError):
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
