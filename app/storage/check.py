"""`mufakat check`: integrity and consistency report of a database file (read-only)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import AppError
from app.storage import (
    chain,
    chain_verify,
    check_ledger,
    check_types,
    loans_positions,
    migrations,
)
from app.storage.db import DamagedFile, msg_damaged, msg_not_mufakat
from app.storage.dialect import SQLITE
from app.storage.inspection import inspect_file, readonly_view
from app.storage.lock import FileLock, LockHeld


@dataclass
class CheckReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# Each consistency rule: (description of a violation, SQL returning one row per violation).
CONSISTENCY_RULES: list[tuple[str, str]] = [
    (
        "pembatalan simpanan tidak sama dengan transaksi yang dibatalkan",
        """SELECT r.receipt_no FROM savings_transactions r
           JOIN savings_transactions o ON o.id = r.reverses_id
           WHERE r.amount <> -o.amount OR r.member_id <> o.member_id OR r.kind <> o.kind
              OR o.tx_type = 'pembalikan'""",
    ),
    (
        "saldo simpanan minus",
        """SELECT m.number || ' ' || s.kind FROM savings_transactions s
           JOIN members m ON m.id = s.member_id
           GROUP BY s.member_id, s.kind, m.number HAVING sum(s.amount) < 0""",
    ),
    (
        "transaksi simpanan sebelum tanggal masuk anggota",
        """SELECT s.receipt_no FROM savings_transactions s JOIN members m ON m.id = s.member_id
           WHERE s.tx_date < m.join_date""",
    ),
    (
        "jumlah simpanan per jenis tidak sama dengan jumlah transaksinya",
        """SELECT kind FROM (SELECT kind, amount FROM savings_totals UNION ALL
                            SELECT kind, -sum(amount) FROM savings_transactions GROUP BY kind) t
           GROUP BY kind HAVING sum(amount) <> 0""",
    ),
    (
        "posisi tunggakan tersimpan tidak sama dengan hitungan ulang dari transaksinya",
        loans_positions.stale_sql(SQLITE),
    ),
    (
        "saldo berjalan pinjaman tidak sama dengan jumlah transaksinya",
        """SELECT b.loan_id FROM loan_balances b
           LEFT JOIN (SELECT loan_id, version, sum(pokok) AS p, sum(jasa) AS j,
                             sum(denda) AS d, sum(titipan) AS t
                      FROM loan_events GROUP BY loan_id, version) e
             ON e.loan_id = b.loan_id AND e.version = b.version
           WHERE b.pokok <> coalesce(e.p, 0) OR b.jasa <> coalesce(e.j, 0)
              OR b.denda <> coalesce(e.d, 0) OR b.titipan <> coalesce(e.t, 0)""",
    ),
    (
        "saldo denda pinjaman tidak sama dengan jumlah tagihan dendanya",
        """SELECT b.loan_id FROM loan_balances b
           LEFT JOIN (SELECT loan_id, version, sum(amount) AS c FROM loan_denda_charges
                      GROUP BY loan_id, version) d
             ON d.loan_id = b.loan_id AND d.version = b.version
           WHERE b.charged <> coalesce(d.c, 0)""",
    ),
    (
        "transaksi pinjaman tanpa saldo berjalan",
        """SELECT DISTINCT e.loan_id FROM loan_events e
           LEFT JOIN loan_balances b ON b.loan_id = e.loan_id AND b.version = e.version
           WHERE b.loan_id IS NULL""",
    ),
    (
        "rincian transaksi pinjaman tidak sama dengan jumlahnya",
        """SELECT e.id FROM loan_events e
           JOIN (SELECT event_id,
                        sum(CASE WHEN component = 'pokok' THEN amount ELSE 0 END) AS p,
                        sum(CASE WHEN component = 'jasa' THEN amount ELSE 0 END) AS j,
                        sum(CASE WHEN component = 'denda' THEN amount ELSE 0 END) AS d
                 FROM loan_event_lines GROUP BY event_id) l ON l.event_id = e.id
           WHERE e.kind <> 'pencairan' AND (l.p <> e.pokok OR l.j <> e.jasa OR l.d <> e.denda)""",
    ),
    (
        "pembatalan pembayaran pinjaman tidak sama dengan yang dibatalkan",
        """SELECT r.id FROM loan_events r JOIN loan_events o ON o.id = r.reverses_id
           WHERE r.kind = 'pembalikan' AND (r.loan_id <> o.loan_id OR r.pokok <> -o.pokok
              OR r.jasa <> -o.jasa OR r.denda <> -o.denda)""",
    ),
    (
        "anggota keluar/meninggal tanpa tanggal",
        "SELECT number FROM members WHERE status <> 'aktif' AND status_date IS NULL",
    ),
]


def check_database(path: Path) -> CheckReport:
    """Check a file without changing it (no byte of the file, its `-wal` or `-shm` is written,
    no side file is left): the same refusals as opening it, then SQLite's integrity check,
    foreign keys, schema and consistency rules. Messages are Indonesian only."""
    path = Path(path)
    report = CheckReport(path=path)
    if not path.exists():
        report.problems.append(f"File '{path}' tidak ditemukan.")
        return report
    lock = FileLock(path)
    busy = False
    try:
        lock.acquire()
    except LockHeld:
        busy = True
        report.facts.append(
            "File sedang dibuka oleh program Mufakat lain: yang diperiksa adalah data yang sudah "
            "tersimpan saat ini."
        )
    except OSError as exc:
        report.problems.append(f"File tidak bisa dibaca: {exc.strerror}.")
        return report
    try:
        _check_unlocked(path, report)
    finally:
        lock.release()
    if busy and report.problems:
        report.problems.append(
            "File sedang ditulis program lain selama pemeriksaan, jadi hasil di atas bisa keliru. "
            "Tutup program Mufakat itu, lalu periksa lagi."
        )
    return report


def _check_unlocked(path: Path, report: CheckReport) -> None:
    try:
        facts = inspect_file(path, migrations.schema_version(), migrations.known_names())
    except DamagedFile as exc:
        report.problems.append(exc.message)
        report.problems.extend(_wrong_values_of_damaged(path))
        return
    except AppError as exc:
        report.problems.append(exc.message)
        return
    except OSError as exc:
        report.problems.append(f"File tidak bisa dibaca: {exc.strerror}.")
        return
    except sqlite3.Error:
        report.problems.append(msg_damaged(path))
        return
    if facts.empty:
        report.problems.append(msg_not_mufakat(path))
        return
    if facts.identity:
        report.facts.append(f"Identitas file koperasi: {facts.identity}")
    try:
        with readonly_view(path) as conn:
            _run_checks(conn, report)
    except sqlite3.DatabaseError:
        report.problems.append(
            "Database rusak: sebagian isinya tidak bisa dibaca. " + msg_damaged(path)
        )


def _wrong_values_of_damaged(path: Path) -> list[str]:
    """A file SQLite finds damaged may be one whose values were written around its STRICT
    types or NOT NULL (the schema put back afterwards): name them if the file can be read."""
    try:
        with readonly_view(path) as conn:
            return check_types.wrong_values(conn)
    except (sqlite3.Error, OSError):
        return []


def _run_checks(conn: sqlite3.Connection, report: CheckReport) -> None:
    integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        report.problems.append(
            f"Integritas SQLite: {len(integrity)} kerusakan ditemukan pada susunan file. "
            + msg_damaged(report.path)
        )
        report.problems.extend(check_types.wrong_values(conn))
        return
    report.facts.append("Integritas SQLite: baik")
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        report.problems.extend(
            f"Rujukan rusak: tabel {row[0]} baris {row[1]} → {row[2]}" for row in fk[:20]
        )
    applied = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
    missing = migrations.known_names() - applied
    if missing:
        report.facts.append(f"Perlu pembaruan skema saat dibuka: {', '.join(sorted(missing))}")
    report.problems.extend(check_types.wrong_values(conn))
    tampered = chain_verify.verify(conn)
    intact = chain.has_chains(conn) and not tampered
    run_rules(conn, report, tampered, intact)


def run_rules(conn: Any, report: CheckReport, tampered: list[str], intact: bool) -> None:
    """The checks both engines share (a server database's connection: pg_check_conn.py): the
    consistency rules, the books, the tamper chain's findings, the counts."""
    for description, sql in CONSISTENCY_RULES:
        try:
            rows = conn.execute(sql).fetchall()
        except sqlite3.OperationalError:
            continue  # the table belongs to a newer schema step not applied yet
        if rows:
            sample = ", ".join(str(r[0]) for r in rows[:5])
            report.problems.append(f"{description}: {len(rows)} ({sample})")
    ledger_problems, ledger_facts = check_ledger.ledger_problems(conn)
    report.problems.extend(ledger_problems)
    report.facts.extend(ledger_facts)
    report.problems.extend(tampered)
    if intact:
        report.facts.append("Rantai pengaman catatan: utuh")
    for label, sql in COUNTS:
        report.facts.append(f"{label}: {conn.execute(sql).fetchone()[0]}")


COUNTS = (
    ("Anggota", "SELECT count(*) FROM members"),
    ("Transaksi simpanan", "SELECT count(*) FROM savings_transactions"),
    ("Pengguna", "SELECT count(*) FROM users"),
    ("Catatan audit", "SELECT count(*) FROM audit_log"),
)
