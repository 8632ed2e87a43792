"""The office server's address as the user writes it (issue 15):
`postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME`, accepted wherever a database file is.

`db_argument` keeps such an address as it is where a command line takes a file (a `Path` would
fold its `//`); a command that cannot run on the server says so plainly (`not_yet_message`)
instead of trying to open the address as a file. The password is never repeated in a
message."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from app.errors import ValidationError

SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerUrl:
    user: str
    password: str | None = field(repr=False)
    host: str
    port: int
    dbname: str

    def shown(self) -> str:
        """The address without its password, fit for a message or a window title."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}"


def is_server_url(text: object) -> bool:
    return isinstance(text, str) and text.strip().lower().startswith(
        tuple(f"{scheme}:" for scheme in SCHEMES)
    )


def db_argument(text: str) -> Path | str:
    """A command line's `--db`: a file's path, or an office server's address kept as text."""
    return text if is_server_url(text) else Path(text)


def _bad(detail: str) -> ValidationError:
    return ValidationError(
        f"Alamat server kantor tidak bisa dibaca: {detail}. Tulis seperti "
        "postgresql://NAMA@ALAMAT-SERVER:5432/NAMA-DATABASE.",
        "db",
    )


def parse_server_url(text: str) -> ServerUrl:
    parts = urlsplit(text.strip())
    if parts.scheme.lower() not in SCHEMES or not text.strip().lower().startswith(
        tuple(f"{scheme}://" for scheme in SCHEMES)
    ):
        raise _bad("harus diawali postgresql://")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise _bad("nomor port harus angka 1 sampai 65535") from None
    if not parts.hostname:
        raise _bad("alamat server (nama PC atau IP) belum ada")
    if not parts.username:
        raise _bad("nama pengguna database belum ada (NAMA@ sebelum alamat server)")
    dbname = unquote(parts.path.lstrip("/"))
    if not dbname or "/" in dbname:
        raise _bad("nama database belum ada (setelah garis miring terakhir)")
    if parts.query or parts.fragment:
        raise _bad("alamat tidak boleh memuat tanda ? atau #")
    password = unquote(parts.password) if parts.password is not None else None
    return ServerUrl(unquote(parts.username), password, parts.hostname, port, dbname)


def not_yet_message(url: ServerUrl, what: str = "Membuka koperasi") -> str:
    return (
        f"{what} di server kantor ({url.shown()}) belum didukung oleh versi Mufakat "
        "ini. Untuk sementara pakai file database koperasi (.db) di komputer ini."
    )
