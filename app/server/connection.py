"""What a client PC types to reach the office server ("Hubungkan ke Server…"), checked and turned
into the `postgresql://` address the rest of the program takes (app/server_url.py reads it back).

The password travels inside the address only; `ServerUrl.shown()` and every message here leave
it out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from app.errors import ValidationError
from app.server.commands import APP_ROLE, DBNAME, DEFAULT_PORT
from app.server_url import ServerUrl, parse_server_url

_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.\-]{0,251}[A-Za-z0-9])?$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]{0,62}$")

DEFAULTS = {"port": str(DEFAULT_PORT), "dbname": DBNAME, "user": APP_ROLE}


@dataclass(frozen=True)
class ConnectionForm:
    host: str
    port: str
    dbname: str
    user: str
    password: str

    def checked(self) -> ConnectionForm:
        """The form with surrounding spaces trimmed (the password as typed), or a
        ValidationError at the first field that cannot be right."""
        host, port = self.host.strip(), self.port.strip()
        dbname, user = self.dbname.strip(), self.user.strip()
        if not host:
            raise ValidationError("Isi alamat server: nama PC server atau IP-nya.", "host")
        if host.startswith("[") and host.endswith("]"):
            host = host[1:-1]
        if not (_HOST.match(host) or _is_ipv6(host)):
            raise ValidationError(
                f"Alamat server '{host}' tidak bisa dipakai. Tulis nama PC server (misalnya "
                "SERVER-KANTOR) atau IP-nya (misalnya 192.168.1.10).",
                "host",
            )
        if not port.isdigit() or not 1 <= int(port) <= 65535:
            raise ValidationError("Port harus angka 1 sampai 65535 (biasanya 5439).", "port")
        if not _NAME.match(dbname):
            raise ValidationError(
                "Nama database hanya huruf, angka, _ atau -, diawali huruf (biasanya mufakat).",
                "dbname",
            )
        if not _NAME.match(user):
            raise ValidationError(
                "Nama pengguna database hanya huruf, angka, _ atau -, diawali huruf "
                "(biasanya mufakat).",
                "user",
            )
        if not self.password:
            raise ValidationError("Isi kata sandi server kantor.", "password")
        return ConnectionForm(host, str(int(port)), dbname, user, self.password)

    def url(self) -> str:
        """`postgresql://USER:PASSWORD@HOST:PORT/DBNAME`, each part quoted so any password
        survives the trip; checked first."""
        form = self.checked()
        host = f"[{form.host}]" if ":" in form.host else form.host
        return (
            f"postgresql://{quote(form.user, safe='')}:{quote(form.password, safe='')}"
            f"@{host}:{form.port}/{quote(form.dbname, safe='')}"
        )

    def server_url(self) -> ServerUrl:
        return parse_server_url(self.url())


def _is_ipv6(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host).version == 6
    except ValueError:
        return False


def try_connection(form: ConnectionForm) -> str:
    """Really connect with the program's engine; the server's version when it works, else a
    ValidationError at the field to fix (the server unreachable: at the address)."""
    from app.storage.pg_probe import probe

    checked = form.checked()
    return probe(checked.url(), checked.dbname)


def connected_message(version: str) -> str:
    return (
        f"Koneksi berhasil: server kantor menjawab (PostgreSQL {version}). Klik Hubungkan untuk "
        "membuka koperasi di server kantor."
    )


_REMEMBERED = "office_server"


def remembered() -> tuple[ConnectionForm, bool]:
    """What this PC remembers of the office server (address, port, database, user; the password
    only when the user ticked "Ingat di PC ini"), with the defaults where nothing is kept, and
    whether a password was kept."""
    from app.config import load_config

    kept = load_config().get(_REMEMBERED)
    kept = kept if isinstance(kept, dict) else {}

    def value(key: str) -> str:
        found = kept.get(key)
        return found if isinstance(found, str) else DEFAULTS.get(key, "")

    password = kept.get("password")
    has_password = isinstance(password, str) and bool(password)
    form = ConnectionForm(
        value("host"), value("port"), value("dbname"), value("user"),
        password if isinstance(password, str) else "",
    )  # fmt: skip
    return form, has_password


def remember(form: ConnectionForm, keep_password: bool) -> None:
    """Keep the address for next time on this PC; the password only when asked (unticking the
    box forgets a kept one). A config file that cannot be written loses only this."""
    import contextlib

    from app.config import load_config, save_config

    values = load_config()
    kept = {"host": form.host, "port": form.port, "dbname": form.dbname, "user": form.user}
    if keep_password:
        kept["password"] = form.password
    values[_REMEMBERED] = kept
    with contextlib.suppress(OSError):
        save_config(values)
