"""Time the cut-over import (issue 14 §1): 20,000 members with their savings balances in at
most 30 s, 60,000 running loans in at most 2 minutes. The spreadsheets are generated in a
temporary folder (members, savings balances of three kinds, loans: three per member, one in
four of them in arrears), then each is checked (the dry run) and imported as `Berkas → Impor
Data…` does (the import reuses the dry run when nothing changed since). Prints wall and CPU
time of each step and each figure against its target.

Usage: python bench/bench_import.py [--members 20000] [--loans 60000]"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

import _shared  # noqa: F401  (the repository on sys.path)
from openpyxl import Workbook

from app.imports.service import ImportOptions
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import Role
from app.users.passwords import ScryptParams, use_scrypt

CUT = date(2025, 12, 31)
TARGETS = {"members+savings": 30.0, "loans": 120.0}


def _write(path: Path, headers: list[str], rows: list[list[object]]) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)


LOAN_HEADERS = ["No. Pinjaman", "Nomor Anggota", "Produk", "Plafon", "Tanggal Pencairan",
                "Jasa per Bulan (%)", "Metode", "Jangka Waktu (bulan)", "Angsuran Pertama",
                "Sisa Pokok", "Tunggakan Pokok", "Tunggakan Jasa", "Tunggakan Denda",
                "Jaminan", "Penjamin", "Tanggal Bayar Terakhir"]  # fmt: skip


def _loan(n: int, members: int) -> list[object]:
    """1.2 million flat 1 %/month over 24 months from 10/01/2025: 12 instalments due by the
    cut-over, the last n % 4 of them unpaid."""
    late = n % 4
    member = (n - 1) % members + 1
    return [f"PK-{n:06d}", f"{member:06d}", "Pinjaman Umum", 1_200_000, "10/12/2024", "1",
            "Flat", 24, "10/01/2025", 600_000 + 50_000 * late, 50_000 * late, 12_000 * late,
            2_500 * late, f"BPKB {n}", f"Penjamin {n}", f"10/{12 - late:02d}/2025"]  # fmt: skip


def _files(root: Path, members: int, loans: int) -> dict[str, Path]:
    rows = [
        [f"{n:06d}", f"Anggota {n}", f"3576{n % 100:02d}1201{80 + n // 9999:02d}"
         f"{n % 9999 + 1:04d}", "L", "15/03/2010"]
        for n in range(1, members + 1)
    ]  # fmt: skip
    _write(root / "m.xlsx", ["Nomor Anggota", "Nama", "NIK", "JK", "Tanggal Masuk"], rows)
    _write(
        root / "s.xlsx",
        ["Nomor Anggota", "Simpanan Pokok", "Simpanan Wajib", "Simpanan Sukarela"],
        [[f"{n:06d}", 100000, 25000 * (n % 40 + 1), "Rp1.500.000"] for n in range(1, members + 1)],
    )
    _write(root / "l.xlsx", LOAN_HEADERS, [_loan(n, members) for n in range(1, loans + 1)])
    return {"members": root / "m.xlsx", "savings": root / "s.xlsx", "loans": root / "l.xlsx"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=20_000)
    parser.add_argument("--loans", type=int, default=60_000)
    args = parser.parse_args()
    use_scrypt(ScryptParams(n=2**4, r=8, p=1))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        start = time.perf_counter()
        files = _files(root, args.members, args.loans)
        print(f"spreadsheets written in {time.perf_counter() - start:.1f} s")
        services = Services.open(root / "k.db", create=True)
        services.settings.save_profile(None, CoopProfile(name="KSP", code="KSP", city="X"))
        user = services.users.create_first_user("admin", "Admin", Role.ADMIN, "rahasia123",
                                                "rahasia123")  # fmt: skip
        options = ImportOptions(as_of=CUT)
        spent: dict[str, tuple[float, float]] = {}
        for kind, path in files.items():
            wall, cpu = time.perf_counter(), time.process_time()
            report = services.imports.check(kind, path, options)
            checked = time.perf_counter(), time.process_time()
            assert report.ok, report.lines()[:10]
            services.imports.run(
                user, kind, path, options, backup_folder=root / "b", checked=report
            )
            end = time.perf_counter(), time.process_time()
            rows = report.row_count
            print(f"{kind:8} {rows:6} rows: check {checked[0] - wall:5.1f} s "
                  f"(CPU {checked[1] - cpu:5.1f}), import {end[0] - checked[0]:5.1f} s "
                  f"(CPU {end[1] - checked[1]:5.1f})")  # fmt: skip
            spent[kind] = (end[0] - wall, end[1] - cpu)
        services.close()
    figures = {
        "members+savings": tuple(
            a + b for a, b in zip(spent["members"], spent["savings"], strict=True)
        ),
        "loans": spent["loans"],
    }
    for name, (wall, cpu) in figures.items():
        target = TARGETS[name]
        verdict = "ok" if wall <= target else "OVER"
        print(f"{name:16} {wall:6.1f} s wall (CPU {cpu:6.1f} s), target <= {target:.0f} s: "
              f"{verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
