"""What the Windows installer's option "PC ini menjadi server kantor" asks Mufakat.exe
(installer/mufakat.iss): the wizard's checks, its proposed office network, its result file, and
taking the service away again at uninstall. Kept here, in Python, so every rule is unit-tested;
the installer's Pascal script only passes what was typed and shows what comes back.

The installer reads a result file, not the program's output (Mufakat.exe is a windowed program
without a console). Its first line is for the installer, `MUFAKAT-HASIL ok <port>` or
`MUFAKAT-HASIL gagal 0`; every further line is Indonesian text shown to the user as it is.
Written as UTF-8 with a BOM, which Inno Setup's LoadStringsFromFile reads as UTF-8. Never a
password in it."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import AppError, ValidationError
from app.server import commands as cmd

RESULT_TAG = "MUFAKAT-HASIL"
MIN_PASSWORD = 8
FALLBACK_SUBNET = "192.168.1.0/24"
"""Proposed when this PC shows no address of a private network (the most common office LAN)."""
OFFICE_RANGES = tuple(
    ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
)
"""The networks a LAN's addresses come from (RFC 1918); not loopback, link-local (169.254.x.x:
no DHCP answer) or the documentation ranges Python also calls private."""


@dataclass
class Check:
    """The wizard's answer: the port a set-up would take (0 when refused) and the problems,
    each as (field, Indonesian message), in the order of the wizard's fields."""

    port: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def read_repeated_password(path: Path, what: str, name: str = "password") -> str:
    """A password typed twice in the installer: the file's first two lines, equal. `what` names
    it in messages ("Kata sandi pengelola server"), `name` is the field."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        raise ValidationError(f"File kata sandi {path} tidak bisa dibaca.", name) from None
    lines = text.split("\n")
    first = lines[0].removesuffix("\r")
    again = lines[1].removesuffix("\r") if len(lines) > 1 else ""
    return check_password(first, again, what, name)


def check_password(password: str, again: str, what: str, name: str = "password") -> str:
    """The password when it is usable: at least 8 characters, typed the same twice, no control
    characters, not only spaces. Never part of a message."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            f"{what} terlalu pendek: paling sedikit {MIN_PASSWORD} karakter.", name
        )
    if not password.strip():
        raise ValidationError(f"{what} tidak boleh hanya berisi spasi.", name)
    if any(ord(c) < 32 or ord(c) == 127 for c in password):
        raise ValidationError(f"{what} berisi karakter yang tidak bisa diketik ulang.", name)
    if password != again:
        raise ValidationError(
            f"{what} dan ulangannya tidak sama. Ketik keduanya lagi dengan teliti (huruf besar "
            "dan kecil dibedakan).",
            name,
        )
    return password


def check_setup(
    *,
    data: Path,
    subnet: str,
    password_file: Path | None,
    app_password_file: Path | None,
    port: int | None,
    find_bin: Callable[[], Path],
    choose_port: Callable[[int | None], int],
    check_data_folder: Callable[[Path], None],
) -> Check:
    """Everything `server setup` would refuse, found without writing anything: the
    binaries, the office network, both passwords (when given), the data folder, the port."""
    result = Check()

    def attempt(name: str, action: Callable[[], object]) -> object:
        try:
            return action()
        except ValidationError as exc:
            result.problems.append((exc.field or name, exc.message))
        except AppError as exc:
            result.problems.append((name, exc.message))
        return None

    attempt("bin", find_bin)
    attempt("subnet", lambda: cmd.parse_subnet(subnet))
    admin = (
        None
        if password_file is None  # the wizard's first page: the passwords come on the next
        else attempt(
            "password",
            lambda: read_repeated_password(password_file, "Kata sandi pengelola server"),
        )
    )
    if app_password_file is not None:
        app = attempt(
            "app_password",
            lambda: read_repeated_password(
                app_password_file, "Kata sandi untuk PC lain", "app_password"
            ),
        )
        if admin is not None and app is not None and admin == app:
            result.problems.append(
                (
                    "app_password",
                    "Kata sandi untuk PC lain harus berbeda dari kata sandi pengelola server: "
                    "yang pertama diketik di setiap PC, yang kedua hanya disimpan Ketua.",
                )
            )
    attempt("data", lambda: check_data_folder(data))
    chosen = attempt("port", lambda: choose_port(port))
    if isinstance(chosen, int) and not result.problems:
        result.port = chosen
    return result


def _private_ipv4(addresses: Iterable[str]) -> list[ipaddress.IPv4Address]:
    found: list[ipaddress.IPv4Address] = []
    for text in addresses:
        try:
            address = ipaddress.IPv4Address(text)
        except ValueError:
            continue
        if any(address in network for network in OFFICE_RANGES):
            found.append(address)
    return found


def suggest_subnet(addresses: Iterable[str]) -> str:
    """The office network to propose: the /24 around this PC's first private IPv4 address
    (what nearly every office router hands out); 192.168.1.0/24 when it has none. The user
    checks it against `ipconfig` (docs/install.md §10.2) and may change it."""
    found = _private_ipv4(addresses)
    if not found:
        return FALLBACK_SUBNET
    return str(ipaddress.IPv4Network(f"{found[0]}/24", strict=False))


def local_addresses() -> list[str]:
    """This PC's IPv4 addresses: the one its default route leaves from (a UDP 'connect' sends
    nothing), then those its name resolves to."""
    found: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))
        found.append(probe.getsockname()[0])
    with contextlib.suppress(OSError):
        found += socket.gethostbyname_ex(socket.gethostname())[2]
    return found


def result_lines(ok: bool, port: int, lines: Sequence[str]) -> list[str]:
    return [f"{RESULT_TAG} {'ok' if ok else 'gagal'} {port if ok else 0}", *lines]


def write_result(path: Path | None, ok: bool, port: int, lines: Sequence[str]) -> None:
    """The installer's result file (module docstring); nothing when no file was asked for."""
    if path is None:
        return
    path.write_text("\n".join(result_lines(ok, port, lines)) + "\n", encoding="utf-8-sig")


def check_text(check: Check) -> list[str]:
    if check.ok:
        return [f"Semua isian benar. Server akan memakai port {check.port}."]
    return [message for _field, message in check.problems]


def remove_service(
    port: int, run: Callable[[Sequence[str]], int] | None = None
) -> tuple[bool, list[str]]:
    """Stop and remove the Windows service of `port` and its firewall rule (the uninstaller,
    when the user says so). The data folder is never touched. Each step is tried even when one
    before it failed (a service already stopped, a rule deleted by hand)."""
    run = run or _run_quiet
    lines: list[str] = []
    ok = True
    for what, args, done in cmd.remove_plan(port):
        if run(args) == 0:
            lines.append(done)
        else:
            ok = ok and what == "Menghentikan layanan"  # a stopped service is no failure
            lines.append(f"{what}: tidak berhasil (mungkin sudah tidak ada).")
    return ok, lines


def _run_quiet(args: Sequence[str]) -> int:
    try:
        return subprocess.run(list(args), capture_output=True, timeout=120, check=False).returncode
    except (OSError, subprocess.TimeoutExpired):
        return -1


def server_address(subnet: str, addresses: Iterable[str], host_name: str) -> str:
    """What the other PCs type as "Alamat server": this PC's address inside the office network
    (the first one), with the PC's name as the alternative; only the name when no address of
    this PC lies in that network."""
    network = cmd.parse_subnet(subnet)
    inside = [a for a in _private_ipv4(addresses) if a in network]
    if inside and host_name:
        return f"{inside[0]} (atau nama PC ini: {host_name})"
    if inside:
        return str(inside[0])
    return f"nama PC ini: {host_name}" if host_name else "nama atau IP PC ini"
