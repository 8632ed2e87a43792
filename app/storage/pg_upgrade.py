"""A server database brought up to this program's schema (issue 15): the server's form of
SQLite's "copy aside before migrating" (app/storage/db.py).

The later schema steps the database lacks (`pg/<NAME>.sql`, app/storage/pg_schema.py) run only
after a verified `pg_dump` of it (app/storage/pg_backup.py, recorded in `backups` as
`sebelum_pembaruan`): then all of them in one transaction, which holds `_migrations` locked so
that two PCs starting the new version at once do not both run them. A step that fails rolls all
of them back; the database stays as it was, and the dump is there besides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg

from app.errors import StorageError
from app.server_url import ServerUrl
from app.storage import pg_schema
from app.storage.pg_backup import ServerBackup, backup_server
from app.storage.pg_tools import migration_names, open_connection
from app.storage.schema import SEQUENCE

BACKUP_KIND = "sebelum_pembaruan"
BACKUP_FOLDER = r"C:\ProgramData\Mufakat Server\cadangan"
"""The folder the installer's upgrade dumps to on the server PC (`{commonappdata}` is
C:\\ProgramData), and the one the connecting PC's message proposes."""
SUPERUSER = "mufakat_admin"
"""The server's owner role (app/server/commands.py SUPERUSER): only it may change the schema."""


@dataclass(frozen=True)
class Upgrade:
    steps: list[str]  # the steps run (empty: the database was up to date)
    backup: ServerBackup | None  # the dump taken before them


def pending(conn: psycopg.Connection[Any]) -> list[str]:
    """The later steps the database has not run, in order."""
    done = set(migration_names(conn))
    return [name for name in pg_schema.later_steps() if name not in done]


def known_steps() -> list[str]:
    """Every step this program has on PostgreSQL: the baseline's, then the later ones."""
    names = [step.NAME for step in SEQUENCE]
    return names[: names.index(pg_schema.BASELINE_LAST) + 1] + pg_schema.later_steps()


def command_hint(url: ServerUrl) -> str:
    """The command to run on the server PC (its owner logs in from that PC only)."""
    owner = ServerUrl(SUPERUSER, None, "127.0.0.1", url.port, url.dbname)
    return f'Mufakat.exe server upgrade --db {owner.shown()} --to "{BACKUP_FOLDER}"'


def check_upgradable(conn: psycopg.Connection[Any], url: ServerUrl) -> None:
    """Refuse a database that holds no cooperative, or one a newer program has migrated."""
    done = migration_names(conn)
    if not done:
        raise StorageError(
            f"Database {url.dbname} di server kantor belum berisi koperasi Mufakat; tidak ada "
            "yang diperbarui."
        )
    unknown = sorted(set(done) - set(known_steps()))
    if unknown:
        raise StorageError(
            f"Database {url.dbname} sudah diperbarui oleh Mufakat versi lebih baru (langkah "
            f"{', '.join(unknown)}); perbarui Mufakat di PC server ini. Tidak ada yang diubah."
        )


def upgrade_server(
    url: ServerUrl, folder: Path, app_role: str, *, now: datetime | None = None
) -> Upgrade:
    """Dump, then run the steps the database lacks (nothing at all when it lacks none)."""
    with open_connection(url) as conn:
        check_upgradable(conn, url)
        if not pending(conn):
            return Upgrade([], None)
    made = backup_server(url, folder, kind=BACKUP_KIND, now=now)
    conn = open_connection(url)
    try:
        with conn.transaction():
            conn.execute("LOCK TABLE _migrations IN EXCLUSIVE MODE")
            steps = pending(conn)  # again, in turn: another PC may have run them meanwhile
            pg_schema.apply_steps(conn, steps, app_role)
    except psycopg.Error as exc:
        raise StorageError(
            f"Pembaruan skema database {url.dbname} gagal dan dibatalkan; database tidak "
            f"berubah, cadangan sebelum pembaruan ada di {made.path}. Sebab: "
            f"{str(exc).splitlines()[0][:300]}"
        ) from exc
    finally:
        conn.close()
    return Upgrade(steps, made)
