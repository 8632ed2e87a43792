"""Backups of a cooperative on the office server (issue 15): `pg_dump -Fc`, verified.

The dump is taken from a snapshot exported by a read-only transaction that also counts every
table's rows and reads the schema steps, so the figures describe exactly what was dumped while
other PCs keep writing. The dump is then restored into a scratch database (created, then
dropped) and its counts and steps compared. It is written under a temporary name and renamed
only once verified: a failed backup leaves no half file. The password reaches pg_dump and
pg_restore only through the environment (app/storage/pg_tools.py)."""

from __future__ import annotations

import contextlib
import errno
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import psycopg

from app.clock import now_text
from app.errors import StorageError
from app.server_url import ServerUrl
from app.storage.backup import BACKUP_MARK
from app.storage.pg_engine import PgEngine
from app.storage.pg_tools import (
    create_database,
    drop_database,
    migration_names,
    open_connection,
    public_tables,
    row_counts,
    run_tool,
    tool_reason,
)
from app.storage.settings_repo import SettingsRepository

SUFFIX = ".dump"
PARTIAL = ".sebagian"
NAME_LIMIT = 63  # PostgreSQL's longest database name (bytes)


class BackupUnverified(StorageError):
    """The dump did not restore, or restored to different figures."""


@dataclass(frozen=True)
class ServerBackup:
    path: Path
    size: int
    tables: int
    rows: int
    steps: int
    removed: tuple[Path, ...] = ()


def backup_name(dbname: str, when: datetime) -> str:
    """`<database>-cadangan-<YYYYmmdd-HHMMSS>.dump`, as the file backups are named."""
    return f"{dbname}{BACKUP_MARK}{when:%Y%m%d-%H%M%S}{SUFFIX}"


def side_name(dbname: str, label: str, when: datetime) -> str:
    """A database name beside `dbname` (`<name>_<label>_<timestamp>`) within the limit."""
    tail = f"_{label}_{when:%Y%m%d_%H%M%S}"
    return dbname.encode("utf-8")[: NAME_LIMIT - len(tail)].decode("utf-8", "ignore") + tail


def restore_into(url: ServerUrl, dbname: str, dump: Path, *, privileges: bool) -> None:
    """pg_restore `dump` into the empty database `dbname`, all of it or nothing."""
    args = ["--exit-on-error", "--single-transaction", "--no-owner"]
    if not privileges:
        args.append("--no-privileges")
    process = run_tool("pg_restore", url, dbname, [*args, str(dump)])
    if process.returncode != 0:
        raise BackupUnverified(
            f"Cadangan '{dump.name}' tidak bisa dipulihkan: file rusak atau bukan cadangan "
            f"database Mufakat ({tool_reason(process, url)})."
        )


def verify_dump(
    url: ServerUrl, dump: Path, counts: dict[str, int], steps: list[str], now: datetime
) -> None:
    """Restore `dump` into a scratch database and compare its row counts and schema steps with
    the ones read when it was taken; the scratch database is dropped in every case."""
    scratch = side_name(url.dbname, "periksa", now)
    create_database(url, scratch)
    try:
        restore_into(url, scratch, dump, privileges=False)
        with open_connection(url, scratch) as conn:
            got_counts = row_counts(conn, public_tables(conn))
            got_steps = migration_names(conn)
    finally:
        drop_database(url, scratch)
    differ = sorted(
        t for t in counts.keys() | got_counts.keys() if counts.get(t) != got_counts.get(t)
    )
    if differ:
        raise BackupUnverified(
            f"Cadangan '{dump.name}' tidak sama dengan database: jumlah baris berbeda pada "
            + ", ".join(f"{t} ({counts.get(t)} ≠ {got_counts.get(t)})" for t in differ[:5])
        )
    if got_steps != steps:
        raise BackupUnverified(
            f"Cadangan '{dump.name}' tidak sama dengan database: daftar pembaruan skema berbeda."
        )


def _snapshot_and_dump(url: ServerUrl, partial: Path) -> tuple[dict[str, int], list[str]]:
    conn = open_connection(url)
    try:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.transaction():
            snapshot = conn.execute("SELECT pg_export_snapshot() AS s").fetchone()
            assert snapshot is not None
            counts = row_counts(conn, public_tables(conn))
            steps = migration_names(conn)
            process = run_tool(
                "pg_dump", url, url.dbname,
                ["--format=custom", f"--snapshot={snapshot['s']}", "--file", str(partial)],
            )  # fmt: skip
    finally:
        conn.close()
    if process.returncode != 0:
        raise StorageError(
            f"pg_dump tidak bisa membuat cadangan database '{url.dbname}': "
            f"{tool_reason(process, url)}."
        )
    return counts, steps


def _record(url: ServerUrl, path: Path, kind: str, now: datetime) -> int | None:
    """Write the backup into the database's own list; the `backup.keep` setting."""
    conn = open_connection(url)
    try:
        engine = PgEngine.on(conn)
        with engine.atomic():
            engine.run(
                "INSERT INTO backups (at, path, size, kind, verified, user_id) "
                "VALUES (:at, :path, :size, :kind, 1, NULL)",
                {"at": now_text(now), "path": str(path), "size": path.stat().st_size, "kind": kind},
            )
        keep = SettingsRepository(engine).get("backup.keep")
        return int(keep) if isinstance(keep, int) else None
    finally:
        conn.close()


def prune(folder: Path, dbname: str, keep: int) -> list[Path]:
    """Delete the oldest server backups of `dbname` in `folder` beyond the newest `keep`."""
    found = sorted(folder.glob(f"{dbname}{BACKUP_MARK}*{SUFFIX}"))
    removed = found[: max(0, len(found) - max(1, keep))]
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


def backup_server(
    url: ServerUrl,
    folder: Path,
    *,
    kind: str = "perintah",
    keep: int | None = None,
    keep_setting: bool = False,
    now: datetime | None = None,
) -> ServerBackup:
    """A verified `pg_dump -Fc` of `url`'s database into `folder`; then, when `keep` is given
    (or `keep_setting`: the database's `backup.keep`), only the newest backups are kept."""
    now = now or datetime.now()
    folder = Path(folder)
    open_connection(url).close()  # a wrong password or no server: said before anything is made
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Folder cadangan '{folder}' tidak bisa dibuat: {exc.strerror}. Pilih folder lain."
        ) from exc
    target = folder / backup_name(url.dbname, now)
    partial = target.with_name(target.name + PARTIAL)
    try:
        counts, steps = _snapshot_and_dump(url, partial)
        verify_dump(url, partial, counts, steps, now)
        partial.replace(target)
    except psycopg.Error as exc:
        raise StorageError(
            f"Cadangan database {url.dbname} gagal; tidak ada file setengah jadi yang "
            f"tertinggal. Sebab: {str(exc).splitlines()[0][:300]}"
        ) from exc
    except OSError as exc:
        full = exc.errno in (errno.ENOSPC, errno.EFBIG)
        reason = "ruang kosong tidak cukup" if full else (exc.strerror or str(exc))
        raise StorageError(
            f"Cadangan tidak bisa disimpan ke '{folder}': {reason}. Tidak ada file setengah "
            "jadi yang tertinggal, dan data di server tidak berubah."
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    setting = _record(url, target, kind, now)
    limit = keep if keep is not None else (setting or 10) if keep_setting else None
    removed = prune(folder, url.dbname, limit) if limit is not None else []
    return ServerBackup(
        path=target, size=target.stat().st_size, tables=len(counts),
        rows=sum(counts.values()), steps=len(steps), removed=tuple(removed),
    )  # fmt: skip
