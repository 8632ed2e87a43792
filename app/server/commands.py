"""The commands and configuration text of an office server set-up, built by pure functions so
each one is tested as text on any machine (the Windows ones only ever run on Windows).

Everything is an argument list, never a shell line: a folder with spaces (`C:\\Program Files`)
or an odd subnet cannot change what runs."""

from __future__ import annotations

import ipaddress
from pathlib import Path, PurePath, PureWindowsPath

from app.errors import ValidationError

DEFAULT_PORT = 5439
"""Not 5432, so an office that already runs a PostgreSQL of its own keeps it untouched."""
SUPERUSER = "mufakat_admin"
APP_ROLE = "mufakat"
DBNAME = "mufakat"
SERVICE_PREFIX = "MufakatPG-"
WINDOWS_SERVICE_ACCOUNT = r"NT AUTHORITY\NetworkService"
LOG_NAME = "server.log"


def service_name(port: int) -> str:
    """One Windows service per port: a second set-up on another port never takes its name."""
    return f"{SERVICE_PREFIX}{port}"


def firewall_rule_name(port: int) -> str:
    return f"Mufakat PostgreSQL {port}"


def parse_subnet(text: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    """The office network as written (`192.168.1.0/24`). Host bits are cleared
    (`192.168.1.7/24` is the same office); the whole internet and public networks are refused:
    the server is for the office LAN."""
    raw = text.strip()
    if "/" not in raw:
        raise ValidationError(
            f"Jaringan kantor '{raw}' harus ditulis dengan panjang awalan, misalnya "
            "192.168.1.0/24.",
            "subnet",
        )
    try:
        network = ipaddress.ip_network(raw, strict=False)
    except ValueError:
        raise ValidationError(
            f"Jaringan kantor '{raw}' tidak bisa dibaca. Tulis seperti 192.168.1.0/24.", "subnet"
        ) from None
    if not network.is_private or network.prefixlen < 8:
        raise ValidationError(
            f"Jaringan {network} bukan jaringan lokal kantor. Server hanya boleh dibuka untuk "
            "jaringan kantor, misalnya 192.168.1.0/24.",
            "subnet",
        )
    return network


def check_port(port: int) -> int:
    if not 1024 <= port <= 65535:
        raise ValidationError(
            f"Port {port} tidak bisa dipakai: pilih angka 1024 sampai 65535.", "port"
        )
    return port


def exe(bin_dir: PurePath, name: str, windows: bool) -> str:
    return str(bin_dir / (f"{name}.exe" if windows else name))


def initdb_args(bin_dir: PurePath, data: PurePath, pwfile: PurePath, *, windows: bool) -> list[str]:
    """A new cluster whose every login needs a SCRAM password; the superuser's from a file. Its
    pages carry checksums: a damaged page is noticed when read, and `mufakat check` reports the
    count (app/storage/pg_check.py, the server's counterpart of SQLite's integrity check)."""
    return [
        exe(bin_dir, "initdb", windows),
        "-D", str(data),
        "-U", SUPERUSER,
        f"--pwfile={pwfile}",
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
        "--data-checksums",
    ]  # fmt: skip


def conf_settings(port: int) -> str:
    """Appended to the cluster's postgresql.conf (the last setting of a name wins)."""
    return (
        "\n# --- Mufakat office server ---\n"
        f"port = {port}\n"
        "listen_addresses = '*'\n"
        "unix_socket_directories = ''\n"
        "password_encryption = 'scram-sha-256'\n"
        "max_connections = 60\n"
    )


def hba_text(subnet: str) -> str:
    """The whole pg_hba.conf: the server PC itself, and the program's role on its database from
    the office network; nobody else, and never without a password. The superuser logs in from
    the server PC only."""
    network = parse_subnet(subnet)
    return (
        "# Mufakat office server: who may connect (first matching line wins)\n"
        "# TYPE  DATABASE  USER  ADDRESS  METHOD\n"
        "host    all       all   127.0.0.1/32  scram-sha-256\n"
        "host    all       all   ::1/128       scram-sha-256\n"
        f"host    {DBNAME}   {APP_ROLE}   {network}  scram-sha-256\n"
    )


def pg_ctl_start_args(bin_dir: PurePath, data: PurePath, *, windows: bool) -> list[str]:
    return [
        exe(bin_dir, "pg_ctl", windows),
        "-D", str(data), "-l", str(data / LOG_NAME), "-w", "-t", "60", "start",
    ]  # fmt: skip


def pg_ctl_stop_args(bin_dir: PurePath, data: PurePath, *, windows: bool) -> list[str]:
    return [exe(bin_dir, "pg_ctl", windows), "-D", str(data), "-m", "fast", "-w", "stop"]


def register_service_args(bin_dir: PureWindowsPath, data: PureWindowsPath, port: int) -> list[str]:
    """A Windows service that starts with the PC (`-S auto`), under the low-privilege
    NetworkService account, named after its port."""
    return [
        exe(bin_dir, "pg_ctl", True),
        "register",
        "-N", service_name(port),
        "-D", str(data),
        "-U", WINDOWS_SERVICE_ACCOUNT,
        "-S", "auto",
        "-w",
    ]  # fmt: skip


def grant_data_folder_args(data: PureWindowsPath) -> list[str]:
    """The service account must write its data folder (and nobody else needs to)."""
    return ["icacls", str(data), "/grant", f"{WINDOWS_SERVICE_ACCOUNT}:(OI)(CI)F", "/T", "/Q"]


def start_service_args(port: int) -> list[str]:
    return ["net", "start", service_name(port)]


def firewall_args(port: int, subnet: str) -> list[str]:
    """Let the office network (only it) reach the port, on any network profile: Windows often
    files an office LAN as 'Public'."""
    network = parse_subnet(subnet)
    return [
        "netsh", "advfirewall", "firewall", "add", "rule",
        f"name={firewall_rule_name(port)}",
        "dir=in", "action=allow", "protocol=TCP",
        f"localport={port}",
        f"remoteip={network}",
        "profile=any",
    ]  # fmt: skip


def windows_plan(
    bin_dir: PureWindowsPath, data: PureWindowsPath, port: int, subnet: str
) -> list[tuple[str, list[str]]]:
    """What runs after initdb and the configuration on a Windows server PC, in order, each with
    the words a failure message names it by."""
    return [
        ("Memberi izin folder data", grant_data_folder_args(data)),
        ("Mendaftarkan layanan Windows", register_service_args(bin_dir, data, port)),
        ("Menyalakan layanan Windows", start_service_args(port)),
        ("Membuat aturan firewall", firewall_args(port, subnet)),
    ]


def pg_bin_candidates(program_dir: Path, env: str | None, windows: bool) -> list[Path]:
    """Where the PostgreSQL binaries are looked for, in order: $MUFAKAT_PG_BIN, `pgsql/bin`
    next to the program, and on Linux Debian's PostgreSQL 15."""
    found = [Path(env)] if env else []
    found.append(program_dir / "pgsql" / "bin")
    if not windows:
        found.append(Path("/usr/lib/postgresql/15/bin"))
    return found


def remove_plan(port: int) -> list[tuple[str, list[str], str]]:
    """What the uninstaller runs when the user asks for the server to go (never the data
    folder): stop the service, delete it, delete its firewall rule; each with the words a
    failure is named by and the line said when it worked."""
    service = service_name(port)
    return [
        ("Menghentikan layanan", ["net", "stop", service], f"Layanan {service} dihentikan."),
        ("Menghapus layanan", ["sc", "delete", service], f"Layanan {service} dihapus."),
        (
            "Menghapus aturan firewall",
            ["netsh", "advfirewall", "firewall", "delete", "rule",
             f"name={firewall_rule_name(port)}"],
            f"Aturan firewall '{firewall_rule_name(port)}' dihapus.",
        ),
    ]  # fmt: skip
