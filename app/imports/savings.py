"""Kind `savings`: each member's balances per kind as of the cut-over date, written as one
deposit per kind dated the cut-over ("saldo awal pindahan")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.errors import ValidationError
from app.imports import cells
from app.imports.columns import Column, Table, label
from app.imports.members import NUMBER
from app.imports.numbers import member_number, zero_message
from app.imports.report import DryRun, Problem
from app.money import format_rupiah
from app.savings.models import SavingsKind
from app.storage.imports_repo import KnownMember

AS_OF = Column(
    "as_of", "Per Tanggal", "Tanggal saldo (tanggal peralihan); boleh kosong bila tanggal "
    "dipilih saat impor.", "31/12/2025", False, ("tanggal", "tanggal saldo", "per tgl"),
)  # fmt: skip
KIND_COLUMNS = {
    SavingsKind.POKOK: Column("pokok", "Simpanan Pokok", "Saldo rupiah bulat.", "100000",
                              False, ("pokok", "saldo pokok", "sp"), amount=True),
    SavingsKind.WAJIB: Column("wajib", "Simpanan Wajib", "Saldo rupiah bulat.", "1200000",
                              False, ("wajib", "saldo wajib", "sw"), amount=True),
    SavingsKind.SUKARELA: Column("sukarela", "Simpanan Sukarela", "Saldo rupiah bulat.",
                                 "2500000", False, ("sukarela", "saldo sukarela", "ss"),
                                 amount=True),
}  # fmt: skip
COLUMNS: tuple[Column, ...] = (
    NUMBER,
    Column("name", "Nama", "Untuk pemeriksaan saja (tidak diubah).", "Siti Aminah", False,
           ("nama lengkap", "nama anggota")),
    *KIND_COLUMNS.values(),
    AS_OF,
)  # fmt: skip
_BY_KEY = {c.key: c for c in COLUMNS}


@dataclass(frozen=True)
class Balance:
    row: int
    member_id: int
    kind: SavingsKind
    amount: int
    as_of: date


def check(
    table: Table,
    report: DryRun,
    known: list[KnownMember],
    present: set[tuple[int, str]],
    as_of: date | None,
    today: date,
    pad: int | None,
) -> list[Balance]:
    def problem(row: int, key: str, message: str) -> None:
        report.problems.append(Problem(table.sheet, row, label(table, _BY_KEY[key]), message))

    by_number = {m.number: m for m in known}
    result: list[Balance] = []
    seen: dict[int, int] = {}
    for row, raw in table.rows:
        member = _member(row, raw, by_number, pad, problem)
        day = _day(row, raw, as_of, today, problem)
        if member is not None and member.id in seen:
            problem(row, "number", f"anggota ini sudah ada di baris {seen[member.id]}.")
            continue
        if member is not None:
            seen[member.id] = row
        for kind, column in KIND_COLUMNS.items():
            value = raw.get(column.key)
            if cells.is_blank(value):
                continue
            try:
                amount = cells.amount(value)
            except ValidationError as exc:
                problem(row, column.key, exc.message)
                continue
            if amount < 0:
                problem(row, column.key, f"saldo {format_rupiah(amount)} kurang dari nol.")
            elif amount and member is not None and day is not None:
                if (member.id, kind.value) in present:
                    problem(
                        row,
                        column.key,
                        f"anggota {member.number} sudah punya {kind.label} di Mufakat; "
                        "saldo awal tidak ditambahkan dua kali.",
                    )
                elif day < date.fromisoformat(member.join_date):
                    problem(row, AS_OF.key, f"tanggal saldo sebelum tanggal masuk anggota "
                            f"({member.join_date}).")  # fmt: skip
                else:
                    result.append(Balance(row, member.id, kind, amount, day))
    for kind in SavingsKind:
        total = sum(b.amount for b in result if b.kind == kind)
        report.totals.append((kind.label, format_rupiah(total)))
    return result


def _member(
    row: int,
    raw: dict[str, Any],
    by_number: dict[str, KnownMember],
    pad: int | None,
    problem: Callable[[int, str, str], None],
) -> KnownMember | None:
    number = member_number(raw.get("number"), pad)
    if not number:
        problem(row, "number", "nomor anggota kosong.")
        return None
    member = by_number.get(number)
    if member is not None:
        return member
    longer = [n for n in by_number if n.isdigit() and len(n) > len(number) and n.endswith(number)]
    padded = number.zfill(len(longer[0])) if number.isdigit() and longer else ""
    if padded in by_number:
        problem(row, "number", zero_message(number, len(padded), padded))
    else:
        problem(row, "number", f"tidak ada anggota bernomor {number}; impor anggotanya dulu.")
    return None


def _day(
    row: int,
    raw: dict[str, Any],
    as_of: date | None,
    today: date,
    problem: Callable[[int, str, str], None],
) -> date | None:
    value = raw.get(AS_OF.key)
    if cells.is_blank(value):
        if as_of is None:
            problem(row, AS_OF.key, "tanggal saldo kosong; isi kolom ini atau pilih tanggal "
                    "peralihan saat impor (--per 2025-12-31).")  # fmt: skip
        return as_of
    try:
        day = cells.day(value)
    except ValidationError as exc:
        problem(row, AS_OF.key, exc.message)
        return None
    if day > today:
        problem(row, AS_OF.key, "tanggal saldo belum lewat.")
        return None
    return day
