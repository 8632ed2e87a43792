"""`mufakat server setup`: make this PC the office server (issue 15 §3).

In order: find the PostgreSQL binaries, check the data folder is new and the port free, `initdb`
with SCRAM passwords, our settings in postgresql.conf, a pg_hba.conf for the office network only,
then start the server — as a Windows service with a firewall rule on Windows, with `pg_ctl` on
Linux (and in the tests) — and create the program's role and the cooperative's database with
its schema. Every refusal happens before anything is written, in plain Indonesian.

`initdb` refuses to run as root: on Linux as root the binaries run as the `postgres` user
(`runuser`), who then owns the data folder, as tests/pg.py does."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

from app.errors import AppError, ValidationError
from app.server import commands as cmd

RUN_AS_WHEN_ROOT = "postgres"
LAST_PORT = 5499
"""The search for a free port stops here: ports above it are left to other programs."""


class SetupFailed(AppError):
    """A step of the set-up failed after the checks passed (its output is in the message)."""


@dataclass
class SetupRequest:
    data: Path
    subnet: str
    password: str
    app_password: str
    port: int | None = None
    dbname: str = cmd.DBNAME
    app_role: str = cmd.APP_ROLE


@dataclass
class SetupResult:
    port: int
    data: Path
    bin_dir: Path
    subnet: str
    dbname: str
    app_role: str
    service: str | None
    steps: list[str] = field(default_factory=list)


def program_dir() -> Path:
    """The folder of the program: the bundle's .exe folder, or the source tree."""
    from app.resources import program_dir as folder

    return folder()


def find_pg_bin(windows: bool | None = None, env: str | None = None) -> Path:
    windows = sys.platform == "win32" if windows is None else windows
    env = os.environ.get("MUFAKAT_PG_BIN") if env is None else env
    needed = [f"{name}.exe" if windows else name for name in ("initdb", "pg_ctl", "postgres")]
    candidates = cmd.pg_bin_candidates(program_dir(), env or None, windows)
    for folder in candidates:
        if all((folder / name).is_file() for name in needed):
            return folder
    raise ValidationError(
        "Program server PostgreSQL tidak ditemukan (initdb, pg_ctl, postgres). Pasang ulang "
        'Mufakat dengan pilihan "PC ini menjadi server kantor", atau tunjukkan foldernya '
        "lewat MUFAKAT_PG_BIN. Dicari di: " + "; ".join(str(c) for c in candidates) + ".",
        "bin",
    )


def port_is_free(port: int) -> bool:
    """Nothing listens on the port, on any address (another PostgreSQL included)."""
    for family, address in ((socket.AF_INET, "0.0.0.0"), (socket.AF_INET6, "::")):
        try:
            sock = socket.socket(family, socket.SOCK_STREAM)
        except OSError:
            continue  # no IPv6 on this PC
        with sock:
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                sock.bind((address, port))
            except OSError:
                return False
    return True


def wait_for_port(port: int, seconds: float = 60.0) -> None:
    """Until the server accepts connections on this PC (a Windows service may report itself
    started a moment before it listens)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise SetupFailed(
                    f"Server sudah dinyalakan tetapi tidak menjawab di port {port} setelah "
                    f"{seconds:.0f} detik."
                ) from None
            time.sleep(0.5)


def choose_port(asked: int | None, is_free: Callable[[int], bool] = port_is_free) -> int:
    """The port asked for when it is free (refused when taken), else the first free one from
    5439: never one another program, another PostgreSQL included, already holds."""
    if asked is not None:
        cmd.check_port(asked)
        if not is_free(asked):
            raise ValidationError(
                f"Port {asked} sudah dipakai program lain di PC ini (mungkin PostgreSQL lain). "
                "Pilih port lain, atau jangan isi --port agar Mufakat memilih sendiri.",
                "port",
            )
        return asked
    for port in range(cmd.DEFAULT_PORT, LAST_PORT + 1):
        if is_free(port):
            return port
    raise ValidationError(
        f"Tidak ada port kosong antara {cmd.DEFAULT_PORT} dan {LAST_PORT} di PC ini.", "port"
    )


def check_data_folder(data: Path) -> None:
    if data.exists() and not data.is_dir():
        raise ValidationError(f"{data} adalah file, bukan folder. Pilih folder baru.", "data")
    if data.is_dir() and any(data.iterdir()):
        raise ValidationError(
            f"Folder {data} tidak kosong. Server kantor dibuat di folder baru atau kosong, agar "
            "tidak ada data lain yang tertimpa.",
            "data",
        )


def read_password_file(path: Path) -> str:
    """The first line of the file (a trailing newline is not part of the password)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise ValidationError(f"File kata sandi {path} tidak bisa dibaca.", "password") from None
    lines = text.splitlines()
    password = lines[0] if lines else ""
    if len(password) < 8:
        raise ValidationError(
            f"Kata sandi di {path} terlalu pendek: paling sedikit 8 karakter.", "password"
        )
    return password


class Runner:
    """Runs one argument list; as another user (`runuser -u`) when set."""

    def __init__(self, as_user: str | None = None) -> None:
        self.as_user = as_user

    def __call__(self, args: Sequence[str], what: str) -> str:
        command = list(args)
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SetupFailed(f"{what} gagal dijalankan: {exc}") from None
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip()[-800:]
            raise SetupFailed(f"{what} gagal (kode {done.returncode}): {detail}")
        return done.stdout

    def own(self, path: Path) -> None:
        """Hand a file or folder to the user the binaries run as."""
        if self.as_user:
            shutil.chown(path, self.as_user, self.as_user)


def default_runner() -> Runner:
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return Runner(RUN_AS_WHEN_ROOT if is_root else None)


def setup_server(
    request: SetupRequest,
    *,
    bin_dir: Path | None = None,
    runner: Runner | None = None,
    windows: bool | None = None,
    report: Callable[[str], None] = lambda _line: None,
) -> SetupResult:
    """Set up the office server as described in the module's docstring."""
    windows = sys.platform == "win32" if windows is None else windows
    runner = runner or default_runner()
    bin_dir = bin_dir or find_pg_bin(windows)
    subnet = str(cmd.parse_subnet(request.subnet))
    check_data_folder(request.data)
    port = choose_port(request.port)
    result = SetupResult(
        port, request.data, bin_dir, subnet, request.dbname, request.app_role,
        cmd.service_name(port) if windows else None,
    )  # fmt: skip

    def step(line: str) -> None:
        result.steps.append(line)
        report(line)

    created = not request.data.exists()
    _init_cluster(request, bin_dir, runner, windows)
    step(f"Folder data server dibuat: {request.data}")
    try:
        _configure_and_start(request, result, runner, windows, step)
    except BaseException:
        _undo(request.data, bin_dir, runner, windows, created)
        raise
    return result


def _configure_and_start(
    request: SetupRequest,
    result: SetupResult,
    runner: Runner,
    windows: bool,
    step: Callable[[str], None],
) -> None:
    port, subnet, bin_dir = result.port, result.subnet, result.bin_dir
    with open(request.data / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write(cmd.conf_settings(port))
    (request.data / "pg_hba.conf").write_text(cmd.hba_text(subnet), encoding="utf-8")
    step(f"Pengaturan: port {port}, hanya jaringan {subnet} dan PC ini, kata sandi wajib")
    if windows:
        plan = cmd.windows_plan(
            PureWindowsPath(bin_dir), PureWindowsPath(request.data), port, subnet
        )
        for what, args in plan:
            runner(args, what)
        wait_for_port(port)
        step(
            f"Layanan Windows {result.service} terpasang dan berjalan; "
            f"firewall dibuka untuk {subnet}"
        )
    else:
        runner(cmd.pg_ctl_start_args(bin_dir, request.data, windows=False), "pg_ctl start")
        step(f"Server berjalan di port {port}")
    from app.storage.pg_setup import create_cooperative_database

    create_cooperative_database(
        port=port,
        superuser=cmd.SUPERUSER,
        superuser_password=request.password,
        app_role=request.app_role,
        app_password=request.app_password,
        dbname=request.dbname,
    )
    step(f"Database koperasi '{request.dbname}' dan pengguna '{request.app_role}' dibuat")


def _undo(data: Path, bin_dir: Path, runner: Runner, windows: bool, created: bool) -> None:
    """After a failed step: stop the server if it runs and take the half-made cluster away, so
    the set-up can simply be run again. (A Windows service or firewall rule already made stays:
    the message names the step that failed.)"""
    if not windows:
        with contextlib.suppress(SetupFailed):  # it was not running
            runner(cmd.pg_ctl_stop_args(bin_dir, data, windows=False), "pg_ctl stop")
    if created:
        shutil.rmtree(data, ignore_errors=True)
    else:
        for child in data.iterdir():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)


def _init_cluster(request: SetupRequest, bin_dir: Path, runner: Runner, windows: bool) -> None:
    """initdb into the (new or empty) folder, the superuser's password passed in a temporary
    file only the server's user can read, removed at once."""
    created = not request.data.exists()
    request.data.mkdir(parents=True, exist_ok=True)
    runner.own(request.data)
    handle, name = tempfile.mkstemp(prefix="mufakat-pw-")
    pwfile = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(request.password + "\n")
        runner.own(pwfile)
        runner(cmd.initdb_args(bin_dir, request.data, pwfile, windows=windows), "initdb")
    except BaseException:
        if created:
            shutil.rmtree(request.data, ignore_errors=True)
        raise
    finally:
        pwfile.unlink(missing_ok=True)
