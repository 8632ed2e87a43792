"""The financial statements' file names and titles, without ReportLab: the Buku section lists
them before any is printed (issue 16)."""

from __future__ import annotations

TITLES = {
    "neraca.pdf": "Laporan Posisi Keuangan (Neraca)",
    "phu.pdf": "Perhitungan Hasil Usaha",
    "arus_kas.pdf": "Laporan Arus Kas",
    "perubahan_ekuitas.pdf": "Laporan Perubahan Ekuitas",
    "neraca_saldo.pdf": "Neraca Saldo",
}
