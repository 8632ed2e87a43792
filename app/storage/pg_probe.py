"""Trying a connection to the office server, and saying plainly what is wrong (issue 15 §3):
the server unreachable, the password wrong, the database missing, this PC not allowed.

Each failure is a ValidationError naming the field the user should look at; no message repeats
the password."""

from __future__ import annotations

import psycopg

from app.errors import ValidationError
from app.storage.pg_engine import PgEngine, ServerUnreachable

MSG_UNREACHABLE = (
    "Server kantor tidak bisa dihubungi — pastikan PC server menyala dan tersambung, dan "
    "alamat serta port sudah benar."
)
MSG_PASSWORD = "Nama pengguna atau kata sandi salah."
MSG_NO_DATABASE = "Database '{dbname}' tidak ada di server ini. Periksa nama database."
MSG_NOT_ALLOWED = (
    "Server menolak komputer ini. PC ini harus berada di jaringan kantor yang diizinkan saat "
    "server disiapkan."
)
MSG_TOO_MANY = "Server kantor sedang penuh (terlalu banyak sambungan). Coba lagi sebentar."

_INVALID_PASSWORD = "28P01"
_INVALID_AUTHORIZATION = "28000"
_NO_DATABASE = "3D000"
_TOO_MANY = "53300"


def failure(exc: psycopg.Error, dbname: str) -> ValidationError:
    """The plain message and the field for a failed connection attempt."""
    state = getattr(exc, "sqlstate", None)
    text = str(exc).lower()
    if state == _INVALID_PASSWORD or "password authentication failed" in text:
        return ValidationError(MSG_PASSWORD, "password")
    if state == _NO_DATABASE or ("database" in text and "does not exist" in text):
        return ValidationError(MSG_NO_DATABASE.format(dbname=dbname), "dbname")
    if state == _INVALID_AUTHORIZATION or "pg_hba.conf" in text:
        return ValidationError(MSG_NOT_ALLOWED, "host")
    if state == _TOO_MANY or "too many clients" in text:
        return ValidationError(MSG_TOO_MANY, "host")
    if "no password supplied" in text:
        return ValidationError("Kata sandi belum diisi.", "password")
    return ValidationError(MSG_UNREACHABLE, "host")


def probe(url: str, dbname: str) -> str:
    """Open the program's own engine on `url` (as the window will), ask the server's version,
    close; the version (e.g. '15.18') when it works."""
    try:
        engine = PgEngine(url)
    except ServerUnreachable as exc:
        cause = exc.__cause__
        if isinstance(cause, psycopg.Error):
            raise failure(cause, dbname) from None
        raise ValidationError(MSG_UNREACHABLE, "host") from None
    try:
        version = engine.scalar("SHOW server_version")
    finally:
        engine.close()
    return str(version).split()[0] if version else ""
