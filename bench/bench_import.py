"""Time the cut-over import of N members and their savings balances (issue 14 §1: 20,000
members with balances in at most 30 s). Usage: python bench/bench_import.py [N]"""

from __future__ import annotations

import sys
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


def _write(path: Path, headers: list[str], rows: list[list[object]]) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)


def main(count: int) -> None:
    use_scrypt(ScryptParams(n=2**4, r=8, p=1))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        members = [
            [f"{n:06d}", f"Anggota {n}", f"3576{n % 100:02d}12018{n:05d}"[:16], "L",
             "15/03/2010"]
            for n in range(1, count + 1)
        ]  # fmt: skip
        _write(root / "m.xlsx", ["Nomor Anggota", "Nama", "NIK", "JK", "Tanggal Masuk"], members)
        _write(
            root / "s.xlsx",
            ["Nomor Anggota", "Simpanan Pokok", "Simpanan Wajib", "Simpanan Sukarela"],
            [
                [f"{n:06d}", 100000, 25000 * (n % 40 + 1), "Rp1.500.000"]
                for n in range(1, count + 1)
            ],
        )
        services = Services.open(root / "k.db", create=True)
        services.settings.save_profile(None, CoopProfile(name="KSP", code="KSP", city="X"))
        user = services.users.create_first_user("admin", "Admin", Role.ADMIN, "rahasia123",
                                                "rahasia123")  # fmt: skip
        options = ImportOptions(as_of=date(2025, 12, 31))
        for kind, name in (("members", "m.xlsx"), ("savings", "s.xlsx")):
            start = time.perf_counter()
            report = services.imports.check(kind, root / name, options)
            checked = time.perf_counter()
            assert report.ok, report.lines()[:10]
            services.imports.run(user, kind, root / name, options, backup_folder=root / "b")
            end = time.perf_counter()
            print(f"{kind:8} {count} baris: periksa {checked - start:.1f} s, "
                  f"periksa+impor {end - checked:.1f} s")  # fmt: skip
        services.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
