"""`mufakat server setup --data DIR --subnet 192.168.1.0/24 --password-file F [--port P]`: make
this PC the office server (issue 15 §3; app/server/setup.py does the work)."""

from __future__ import annotations

import argparse
import contextlib
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
        required=True,
        dest="password_file",
        help="file berisi kata sandi (baris pertama) untuk server dan pengguna program",
    )
    setup.add_argument(
        "--app-password-file",
        type=Path,
        dest="app_password_file",
        help="kata sandi lain untuk pengguna program di PC lain (baku: sama dengan di atas)",
    )


def run(args: argparse.Namespace) -> int:
    from app.server.setup import SetupRequest, read_password_file, setup_server

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
        return 1
    say(
        'Server kantor siap. Di PC lain pilih "Hubungkan ke Server…" dan isi: alamat server = '
        f"nama atau IP PC ini, port = {result.port}, database = {result.dbname}, "
        f"pengguna = {result.app_role}, kata sandi = yang ada di file kata sandi."
    )
    _keep_report(request.data, lines)
    return 0


def _keep_report(data: Path, lines: list[str]) -> None:
    """The same lines in `mufakat-server.txt` beside the data folder: the Windows program has no
    console to print to, and the port is needed again when the other PCs are connected. Never
    the password."""
    report = data.parent / REPORT_NAME
    with contextlib.suppress(OSError):
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
