"""The office server's own tools (issue 15): connecting as the database's owner, making and
dropping databases, and running PostgreSQL's `pg_dump`/`pg_restore`.

The password of an address never goes on a command line or into a message: the tools get it
through the PGPASSWORD environment variable, and an address is shown with `ServerUrl.shown()`.
A wrong password is told apart from a server that cannot be reached."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from app.errors import StorageError, ValidationError
from app.server_url import ServerUrl, parse_server_url
from app.storage.pg_engine import ServerUnreachable, connect

MAINTENANCE_DB = "postgres"
"""The database connected to while creating, renaming or dropping another one."""

_LINUX_BIN = Path("/usr/lib/postgresql")
_WINDOWS_BIN = Path(os.environ.get("PROGRAMFILES", "C:\\Program Files")) / "PostgreSQL"
_BAD_LOGIN = ("28P01", "28000")


class ServerLoginRefused(ValidationError):
    """The server refused the user name or password of the address."""


class ToolMissing(StorageError):
    """pg_dump or pg_restore is not on this PC."""


def msg_login_refused(url: ServerUrl) -> str:
    return (
        f"Server kantor menolak masuk sebagai '{url.user}' ({url.shown()}): nama pengguna atau "
        "kata sandi database salah. Periksa kata sandi di alamat server (atau di file pgpass), "
        "lalu coba lagi. Tidak ada yang diubah."
    )


def conninfo(url: ServerUrl, dbname: str | None = None) -> str:
    """A libpq connection string for `url` (on `dbname` instead when given)."""
    return psycopg.conninfo.make_conninfo(
        host=url.host,
        port=url.port,
        user=url.user,
        dbname=dbname or url.dbname,
        **({"password": url.password} if url.password is not None else {}),
    )


def open_connection(url: ServerUrl, dbname: str | None = None) -> psycopg.Connection[Any]:
    """A connection (autocommit, dict rows, whole numbers) as the address's user; a refused
    log-in becomes ServerLoginRefused, an unreachable server ServerUnreachable."""
    try:
        return connect(conninfo(url, dbname))
    except ServerUnreachable as exc:
        cause = exc.__cause__
        text = str(cause or "")
        if getattr(cause, "sqlstate", None) in _BAD_LOGIN or re.search(
            r"password authentication failed|no password supplied", text
        ):
            raise ServerLoginRefused(msg_login_refused(url), field="db") from None
        if re.search(r'database "[^"]*" does not exist', text):
            raise ValidationError(
                f"Database '{dbname or url.dbname}' tidak ada di server kantor "
                f"({url.host}:{url.port}). Periksa nama database di alamat server.",
                field="db",
            ) from None
        raise


def server_url(text: str) -> ServerUrl:
    return parse_server_url(text)


def database_exists(conn: psycopg.Connection[Any], name: str) -> bool:
    row = conn.execute("SELECT 1 AS x FROM pg_database WHERE datname = %s", (name,)).fetchone()
    return row is not None


def create_database(url: ServerUrl, name: str) -> None:
    """An empty database `name` (from template0, as pg_restore wants) owned by the user."""
    with open_connection(url, MAINTENANCE_DB) as conn:
        try:
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name))
            )
        except psycopg.errors.InsufficientPrivilege:
            raise StorageError(
                f"Pengguna server '{url.user}' tidak boleh membuat database. Jalankan perintah "
                "ini dengan pengguna pemilik database koperasi (yang boleh CREATEDB)."
            ) from None


def drop_database(url: ServerUrl, name: str) -> None:
    with open_connection(url, MAINTENANCE_DB) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def public_tables(conn: psycopg.Connection[Any]) -> list[str]:
    rows = conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    ).fetchall()
    return [r["tablename"] for r in rows]


def row_counts(conn: psycopg.Connection[Any], tables: Sequence[str]) -> dict[str, int]:
    return {
        t: int(
            conn.execute(
                sql.SQL("SELECT count(*) AS n FROM {}").format(sql.Identifier(t))
            ).fetchone()["n"]  # type: ignore[index]
        )
        for t in tables
    }


def migration_names(conn: psycopg.Connection[Any]) -> list[str]:
    """The schema steps recorded in the database, in the order they ran."""
    if "_migrations" not in public_tables(conn):
        return []
    rows = conn.execute("SELECT name FROM _migrations ORDER BY name").fetchall()
    return [r["name"] for r in rows]


def cooperative_identity(conn: psycopg.Connection[Any]) -> str | None:
    """The identity the cooperative's file was given when it was made (kept in every backup and
    carried over by `server move`), or None."""
    if "file_identity" not in public_tables(conn):
        return None
    row = conn.execute("SELECT identity FROM file_identity WHERE id = 1").fetchone()
    return None if row is None else str(row["identity"])


def cooperative_name(conn: psycopg.Connection[Any]) -> str:
    if "settings" not in public_tables(conn):
        return ""
    row = conn.execute("SELECT value FROM settings WHERE key = 'coop.name'").fetchone()
    return "" if row is None else str(row["value"]).strip('"')


# --- pg_dump / pg_restore --------------------------------------------------------------------


def _candidates() -> list[Path]:
    from app.resources import program_dir

    folders: list[Path] = []
    env = os.environ.get("MUFAKAT_PG_BIN")
    if env:
        folders.append(Path(env))
    # the server PC: the installer's option "PC ini menjadi server kantor" puts pgsql\bin
    # next to Mufakat.exe (scripts/windows/pgsql_addon.py)
    folders.append(program_dir() / "pgsql" / "bin")
    for root in (_LINUX_BIN, _WINDOWS_BIN):
        # Debian's packages and the Windows installer keep each major version apart: newest first
        if root.is_dir():
            versions = [p for p in root.iterdir() if p.name.isdigit()]
            folders += [p / "bin" for p in sorted(versions, key=lambda p: -int(p.name))]
    return folders


def find_tool(name: str) -> Path:
    """`name` (pg_dump, pg_restore) from $MUFAKAT_PG_BIN, `pgsql/bin` next to the program, the
    installed PostgreSQL versions (newest first), or PATH."""
    exe = name + (".exe" if os.name == "nt" else "")
    for folder in _candidates():
        if (folder / exe).is_file():
            return folder / exe
    found = shutil.which(name)
    if found:
        return Path(found)
    raise ToolMissing(
        f"Program {name} (bagian dari PostgreSQL) tidak ditemukan di komputer ini. Jalankan "
        "perintah ini di PC server kantor, atau atur variabel lingkungan MUFAKAT_PG_BIN ke folder "
        "'bin' PostgreSQL. Tidak ada yang diubah."
    )


def _connection_args(url: ServerUrl, dbname: str) -> list[str]:
    return ["--host", url.host, "--port", str(url.port), "--username", url.user,
            "--no-password", "--dbname", dbname]  # fmt: skip


def run_tool(
    name: str, url: ServerUrl, dbname: str, args: Sequence[str], timeout: float = 3600
) -> subprocess.CompletedProcess[str]:
    """Run pg_dump/pg_restore against `dbname` on `url`'s server; the password only in the
    environment (PGPASSWORD). Returns the finished process (the caller reads returncode)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PGPASSWORD", "PGDATABASE")}
    if url.password is not None:
        env["PGPASSWORD"] = url.password
    command = [str(find_tool(name)), *_connection_args(url, dbname), *args]
    try:
        return subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StorageError(f"Program {name} tidak bisa dijalankan: {exc}.") from exc


def tool_reason(process: subprocess.CompletedProcess[str], url: ServerUrl) -> str:
    """The last lines of a tool's complaint, without the password (for a message)."""
    text = (process.stderr or process.stdout or "").strip()
    if url.password:
        text = text.replace(url.password, "***")
    lines = [line for line in text.splitlines() if line.strip()]
    return " / ".join(lines[-3:])[:500]
