"""Kind `members`: the register as it stands at the cut-over, one row per member, numbers
kept as the cooperative wrote them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.errors import ValidationError
from app.imports import cells
from app.imports.columns import Column, Table, label
from app.imports.numbers import lost_zeros, member_number, zero_message
from app.imports.report import DryRun, Problem
from app.members.models import MemberDraft, MemberStatus
from app.storage.imports_repo import KnownMember

NUMBER = Column(
    "number", "Nomor Anggota", "Nomor anggota di buku lama; ditulis sebagai teks agar nol di "
    "depan tidak hilang.", "00123", True, ("no anggota", "nomor", "no", "no induk"), True,
)  # fmt: skip
COLUMNS: tuple[Column, ...] = (
    NUMBER,
    Column("name", "Nama Lengkap", "Nama sesuai KTP.", "Siti Aminah", True, ("nama",)),
    Column("nik", "NIK", "16 angka dari KTP, kolom berformat Teks.", "3576014107850002", True,
           ("no ktp", "nomor ktp", "ktp", "nik ktp"), True),
    Column("sex", "Jenis Kelamin", "L atau P.", "P", True, ("jk", "kelamin", "l p", "gender")),
    Column("birth_place", "Tempat Lahir", "Kota tempat lahir.", "Mojokerto", False,
           ("tempat",)),
    Column("birth_date", "Tanggal Lahir", "Tanggal, misalnya 01/07/1985.", "01/07/1985",
           False, ("tgl lahir",)),
    Column("address", "Alamat", "Jalan dan nomor rumah.", "Jl. Mawar 12", False),
    Column("rt", "RT", "Angka, paling banyak 3.", "003", False, (), True),
    Column("rw", "RW", "Angka, paling banyak 3.", "004", False, (), True),
    Column("kelurahan", "Kelurahan", "Kelurahan atau desa.", "Gedongan", False,
           ("desa", "kelurahan desa")),
    Column("kecamatan", "Kecamatan", "Kecamatan.", "Magersari", False),
    Column("city", "Kota", "Kota atau kabupaten.", "Kota Mojokerto", False,
           ("kabupaten", "kota kabupaten", "kab kota")),
    Column("phone", "No. Telepon", "Nomor HP, berformat Teks.", "081234567890", False,
           ("hp", "no hp", "telepon", "no telp", "nomor hp", "nomor telepon", "telp"), True),
    Column("occupation", "Pekerjaan", "Pekerjaan.", "Pedagang", False),
    Column("spouse_name", "Nama Pasangan", "Nama suami atau istri.", "Ahmad", False,
           ("suami istri",)),
    Column("npwp", "NPWP", "Bila ada, berformat Teks.", "", False, (), True),
    Column("join_date", "Tanggal Masuk", "Tanggal menjadi anggota.", "15/03/2010", True,
           ("tgl masuk", "tanggal daftar", "tanggal bergabung")),
    Column("status", "Status", "Aktif, Keluar atau Meninggal (kosong = Aktif).", "Aktif"),
    Column("status_date", "Tanggal Status", "Tanggal keluar atau meninggal.", ""),
    Column("status_note", "Keterangan Status", "Alasan keluar.", ""),
)  # fmt: skip
_BY_KEY = {c.key: c for c in COLUMNS}
_OPTIONAL_DATES = ("birth_date", "status_date")
_TEXTS = ("birth_place", "address", "rt", "rw", "kelurahan", "kecamatan", "city", "phone",
          "occupation", "spouse_name", "npwp")  # fmt: skip


@dataclass(frozen=True)
class MemberRow:
    row: int
    number: str
    draft: MemberDraft
    status: MemberStatus
    status_date: date | None
    status_note: str


def check(
    table: Table,
    report: DryRun,
    known: list[KnownMember],
    validate: Callable[[MemberDraft], MemberDraft],
    pad: int | None,
) -> list[MemberRow]:
    """The rows as checked members; every problem added to `report`."""

    def problem(row: int, key: str, message: str) -> None:
        report.problems.append(Problem(table.sheet, row, label(table, _BY_KEY[key]), message))

    by_number = {m.number: m for m in known}
    by_nik = {m.nik: m for m in known if m.nik}
    numbers = [member_number(raw.get("number"), pad) for _, raw in table.rows]
    zeros = None if pad else lost_zeros(numbers, [m.number for m in known])
    result: list[MemberRow] = []
    seen_numbers: dict[str, int] = {}
    seen_niks: dict[str, int] = {}
    for (row, raw), number in zip(table.rows, numbers, strict=True):
        before = len(report.problems)
        values = _values(row, raw, problem)
        if not number:
            problem(row, "number", "nomor anggota kosong.")
        elif zeros and number.isdigit() and len(number) < zeros[0]:
            problem(row, "number", zero_message(number, *zeros))
        elif number in by_number:
            other = by_number[number]
            problem(row, "number", f"nomor {number} sudah dipakai anggota {other.name}; "
                    "tidak digabung.")  # fmt: skip
        elif number in seen_numbers:
            problem(row, "number", f"nomor {number} sudah ada di baris {seen_numbers[number]}.")
        seen_numbers.setdefault(number, row)
        if len(report.problems) > before or values is None:
            continue
        draft, status, status_date, note = values
        try:
            clean = validate(draft)
        except ValidationError as exc:
            problem(row, exc.field if exc.field in _BY_KEY else "name", exc.message)
            continue
        if clean.nik in by_nik:
            other_member = by_nik[clean.nik]
            problem(row, "nik", f"NIK ini sudah dipakai anggota {other_member.number} – "
                    f"{other_member.name}; tidak digabung.")  # fmt: skip
            continue
        if clean.nik in seen_niks:
            problem(row, "nik", f"NIK ini sudah ada di baris {seen_niks[clean.nik]}.")
            continue
        seen_niks[clean.nik] = row
        result.append(MemberRow(row, number, clean, status, status_date, note))
    report.totals.append(("Anggota baru", str(len(result))))
    return result


def _values(
    row: int, raw: dict[str, Any], problem: Callable[[int, str, str], None]
) -> tuple[MemberDraft, MemberStatus, date | None, str] | None:
    ok = True
    found: dict[str, Any] = {}
    try:
        found["nik"] = cells.nik(raw.get("nik"))
    except ValidationError as exc:
        problem(row, "nik", exc.message)
        ok = False
    try:
        found["sex"] = cells.sex(raw.get("sex"))
    except ValidationError as exc:
        problem(row, "sex", exc.message)
        ok = False
    try:
        found["join_date"] = cells.day(raw.get("join_date"))
    except ValidationError as exc:
        problem(row, "join_date", exc.message)
        ok = False
    for key in _OPTIONAL_DATES:
        try:
            found[key] = None if cells.is_blank(raw.get(key)) else cells.day(raw.get(key))
        except ValidationError as exc:
            problem(row, key, exc.message)
            ok = False
    status_text = cells.text(raw.get("status")).lower() or "aktif"
    status = {s.value: s for s in MemberStatus}.get(status_text)
    if status is None:
        problem(row, "status", f"'{cells.text(raw.get('status'))}' bukan status; tulis Aktif, "
                "Keluar atau Meninggal.")  # fmt: skip
        ok = False
    elif status != MemberStatus.AKTIF and found.get("status_date") is None and ok:
        problem(row, "status_date", "anggota yang keluar atau meninggal perlu tanggalnya.")
        ok = False
    if not ok or status is None:
        return None
    draft = MemberDraft(
        name=cells.text(raw.get("name")),
        nik=found["nik"],
        sex=found["sex"],
        birth_date=found["birth_date"],
        join_date=found["join_date"],
        **{key: cells.text(raw.get(key)) for key in _TEXTS},
    )
    draft = replace(draft, phone=draft.phone if draft.phone != "0" else "")
    return draft, status, found["status_date"], cells.text(raw.get("status_note"))
