"""Restoring a server backup (issue 15), the server's form of app/storage/restore.py.

The backup is restored into a NEW database beside the running one, all of it or nothing, and
checked there: it must be a Mufakat database, of this cooperative (the identity its file was
given when it was made, carried by every backup and by `server move`), with no schema step this
program does not know, and clean by `mufakat check` (app/storage/pg_check.py: a backup holding
a tampered or inconsistent cooperative is refused). Only then the restore is written into the
restored data's audit trail and the two databases swap names in one transaction: the running
one becomes `<name>_sebelum_pulih_<timestamp>` (kept, never dropped), the restored one takes
its name. A restore that fails at any step drops the new database and leaves the running one
untouched. The other PCs are disconnected at the swap (their next action reconnects to the
restored data).
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from app.clock import now_text
from app.errors import StorageError, ValidationError
from app.server_url import ServerUrl
from app.storage.audit_repo import AuditRepository
from app.storage.check import CheckReport
from app.storage.pg_backup import restore_into, side_name
from app.storage.pg_check import check_connection
from app.storage.pg_engine import PgEngine
from app.storage.pg_tools import (
    MAINTENANCE_DB,
    cooperative_identity,
    cooperative_name,
    create_database,
    drop_database,
    migration_names,
    open_connection,
    public_tables,
)
from app.storage.schema import SEQUENCE

DUMP_MAGIC = b"PGDMP"
SWAP_ATTEMPTS = 5
REQUIRED_TABLES = ("members", "savings_transactions", "journal_lines", "audit_log", "settings")


class OtherCooperative(ValidationError):
    """The backup belongs to another cooperative."""


class BackupHasProblems(ValidationError):
    """`mufakat check` finds problems in the backup: it does not replace the running data."""


class NotAServerBackup(ValidationError):
    """The file is not a server backup of a Mufakat database."""


@dataclass(frozen=True)
class ServerRestore:
    backup_file: Path
    aside: str  # the name the data before the restore now has
    tables: int


def _read_current(url: ServerUrl) -> tuple[str | None, bool]:
    """The running database's cooperative identity, and whether it exists at all."""
    with open_connection(url, MAINTENANCE_DB) as conn:
        exists = conn.execute(
            "SELECT 1 AS x FROM pg_database WHERE datname = %s", (url.dbname,)
        ).fetchone()
    if exists is None:
        return None, False
    with open_connection(url) as conn:
        return cooperative_identity(conn), True


def _check_file(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(DUMP_MAGIC))
    except OSError as exc:
        raise NotAServerBackup(
            f"File cadangan '{path}' tidak bisa dibaca: {exc.strerror}.", field="file"
        ) from exc
    if head != DUMP_MAGIC:
        raise NotAServerBackup(
            f"File '{path.name}' bukan cadangan server Mufakat (file .dump dari 'mufakat backup "
            "--db postgresql://…'). Pemulihan dibatalkan; tidak ada yang diubah.",
            field="file",
        )


def _check_restored(conn: psycopg.Connection[Any], backup_file: Path, identity: str | None) -> None:
    """Refuse what must not replace the running data: not Mufakat's, another cooperative's, of
    a newer version, or anything `mufakat check` finds in it (app/storage/pg_check.py)."""
    tables = set(public_tables(conn))
    if not set(REQUIRED_TABLES) <= tables:
        raise NotAServerBackup(
            f"File '{backup_file.name}' bukan cadangan database Mufakat (tabel koperasi tidak "
            "ada). Pemulihan dibatalkan; tidak ada yang diubah.",
            field="file",
        )
    restored = cooperative_identity(conn)
    if identity and restored and restored != identity:
        name = cooperative_name(conn)
        whose = f" ({name})" if name else ""
        raise OtherCooperative(
            f"Cadangan '{backup_file.name}' milik koperasi lain{whose}, bukan cadangan database "
            "koperasi ini. Pemulihan dibatalkan; tidak ada yang diubah. Pilih cadangan database "
            "koperasi ini (biasanya di folder cadangan server).",
            field="file",
        )
    unknown = set(migration_names(conn)) - {step.NAME for step in SEQUENCE}
    if unknown:
        raise ValidationError(
            f"Cadangan '{backup_file.name}' dibuat dengan Mufakat versi lebih baru. Perbarui "
            "program dulu; tidak ada yang diubah.",
            field="file",
        )
    report = CheckReport(path=Path(backup_file.name))
    conn.execute("ANALYZE")  # pg_restore leaves the planner without figures
    with conn.transaction():
        check_connection(conn, report)
    if not report.ok:
        raise BackupHasProblems(
            f"Cadangan '{backup_file.name}' tidak dipulihkan karena pemeriksaan 'mufakat check' "
            "menemukan masalah di dalamnya: " + "; ".join(report.problems[:5]) + ". Pemulihan "
            "dibatalkan; tidak ada yang diubah. Pilih cadangan lain (yang lebih lama).",
            field="file",
        )


def _record(
    conn: psycopg.Connection[Any], backup_file: Path, aside: str, actor: str, now: datetime
) -> None:
    engine = PgEngine.on(conn)
    with engine.atomic():
        AuditRepository(engine).record(
            None,
            "pulihkan",
            "database",
            None,
            after={
                "oleh": actor,
                "cadangan": str(backup_file),
                "data_sebelumnya": aside,
                "waktu": now_text(now),
            },
            note=(
                f"Dipulihkan oleh {actor} dari {backup_file}; data sebelum pemulihan disimpan "
                f"di database {aside}"
            ),
        )


def _swap(url: ServerUrl, restored: str, aside: str) -> None:
    """The running database takes the name `aside`, the restored one its name: one
    transaction, after the other PCs' connections to it are closed."""
    with open_connection(url, MAINTENANCE_DB) as conn:
        for _attempt in range(SWAP_ATTEMPTS):  # a PC may reconnect between the two steps
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (url.dbname,),
            )
            try:
                _rename_both(conn, url, restored, aside)
                return
            except psycopg.errors.ObjectInUse:
                time.sleep(0.2)
        raise StorageError(
            f"Database {url.dbname} masih dipakai komputer lain dan sambungannya tidak bisa "
            f"diputus oleh pengguna '{url.user}'. Tutup Mufakat di PC lain, lalu ulangi "
            "pemulihan. Database koperasi tidak diubah."
        )


def _rename_both(conn: psycopg.Connection[Any], url: ServerUrl, restored: str, aside: str) -> None:
    with conn.transaction():
        conn.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(url.dbname), sql.Identifier(aside)
            )
        )
        conn.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(restored), sql.Identifier(url.dbname)
            )
        )


def restore_server(
    url: ServerUrl, backup_file: Path, *, actor: str, now: datetime | None = None
) -> ServerRestore:
    """Restore `backup_file` over `url`'s database (see the module's docstring)."""
    now = now or datetime.now()
    backup_file = Path(backup_file)
    _check_file(backup_file)
    identity, exists = _read_current(url)
    if not exists:
        raise ValidationError(
            f"Database '{url.dbname}' tidak ada di server kantor; periksa nama database di "
            "alamat server.",
            field="db",
        )
    restored = side_name(url.dbname, "pulih", now)
    aside = side_name(url.dbname, "sebelum_pulih", now)
    create_database(url, restored)
    try:
        try:
            restore_into(url, restored, backup_file, privileges=True)
        except StorageError as exc:
            raise NotAServerBackup(
                exc.message + " Database koperasi tidak diubah.", field="file"
            ) from exc
        with open_connection(url, restored) as conn:
            _check_restored(conn, backup_file, identity)
            tables = len(public_tables(conn))
            _record(conn, backup_file, aside, actor, now)
        _swap(url, restored, aside)
    except BaseException as exc:
        with contextlib.suppress(psycopg.Error, StorageError):
            drop_database(url, restored)
        if isinstance(exc, psycopg.Error):
            raise StorageError(
                f"Pemulihan database {url.dbname} gagal dan dibatalkan; database koperasi tidak "
                f"diubah. Sebab: {str(exc).splitlines()[0][:300]}"
            ) from exc
        raise
    return ServerRestore(backup_file, aside, tables)
