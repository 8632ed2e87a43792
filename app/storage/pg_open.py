"""Opening a cooperative on the office server from a PC (issue 15).

`open_server(url)` connects (ServerUnreachable, or a plain refusal of the log-in), then checks
that the database holds a Mufakat cooperative whose schema steps this program knows all of and
lacks none of. Nothing is written: migrating the server's schema is done on the server PC (a
`pg_dump` first), never by a PC that happens to connect with a newer program. The refusal says
which PC to update, with the command to run on the server PC (pg_upgrade.command_hint)."""

from __future__ import annotations

import psycopg

from app.errors import StorageError
from app.server_url import parse_server_url
from app.storage.pg_engine import MSG_UNREACHABLE, PgEngine, ServerUnreachable
from app.storage.pg_tools import msg_login_refused
from app.storage.pg_upgrade import command_hint
from app.storage.schema import SEQUENCE


class NotACooperative(StorageError):
    """The server database holds no Mufakat cooperative."""


class SchemaMismatch(StorageError):
    """The server's schema steps and this program's differ."""


def _connect(url_text: str) -> PgEngine:
    url = parse_server_url(url_text)
    try:
        return PgEngine(url_text)
    except ServerUnreachable as exc:
        cause = exc.__cause__
        sqlstate = getattr(cause, "sqlstate", None)
        text = str(cause or "")
        if sqlstate == "28P01" or "password authentication failed" in text:
            raise StorageError(msg_login_refused(url)) from None
        if sqlstate == "3D000" or ("database" in text and "does not exist" in text):
            raise NotACooperative(
                f"Database '{url.dbname}' tidak ada di server kantor {url.host}. Periksa nama "
                "database di Hubungkan ke Server…"
            ) from None
        raise ServerUnreachable(MSG_UNREACHABLE) from cause


def open_server(url_text: str) -> PgEngine:
    """A `PgEngine` on the cooperative at `url_text`, checked (see the module docstring)."""
    engine = _connect(url_text)
    try:
        check_schema(engine)
    except BaseException:
        engine.close()
        raise
    return engine


def check_schema(engine: PgEngine) -> None:
    url = parse_server_url(engine.url)
    try:
        present = engine.scalar("SELECT to_regclass('public._migrations') IS NOT NULL")
        applied = (
            [r["name"] for r in engine.rows("SELECT name FROM _migrations")] if present else []
        )
    except psycopg.Error as exc:  # pragma: no cover - a server that answers but refuses a read
        raise StorageError(f"Database di server kantor tidak bisa dibaca: {exc}") from exc
    if not applied or not engine.scalar("SELECT to_regclass('public.members') IS NOT NULL"):
        raise NotACooperative(
            f"Database '{url.dbname}' di server kantor belum berisi koperasi Mufakat. Pindahkan "
            "koperasi ke server dulu di PC server (mufakat server move)."
        )
    known = {step.NAME for step in SEQUENCE}
    if set(applied) - known:
        raise SchemaMismatch(
            f"Program di PC ini lebih lama dari database server ({url.shown()}); perbarui "
            "Mufakat di PC ini, lalu hubungkan lagi."
        )
    if known - set(applied):
        raise SchemaMismatch(
            f"Database di server kantor ({url.shown()}) perlu diperbarui ke versi program ini. "
            f"Di PC server jalankan: {command_hint(url)} (atau pasang versi Mufakat ini di PC "
            "server), lalu hubungkan lagi."
        )
