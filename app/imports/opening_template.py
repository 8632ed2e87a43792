"""The template of kind `opening`: the chart's postable, active accounts pre-listed (codes as
text) with empty debit and credit, so the old trial balance is copied line by line; and a
notes sheet. Without a file, the default chart of a new cooperative."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.worksheet import Worksheet

from app.imports.opening import BALANCING
from app.ledger.models import Account

TRANSIENT = ("1114",)  # the transfer clearing account nets to zero within each transaction
NOTES = (
    "Salin neraca saldo buku lama per tanggal peralihan: satu baris per akun, saldo di kolom "
    "Debet atau Kredit. Jumlah debet harus sama dengan jumlah kredit.",
    "Impor anggota, saldo simpanan dan pinjaman berjalan DULU. Saldo akun simpanan, piutang "
    "pinjaman dan titipan harus sama dengan yang sudah diimpor: akun 3999 Selisih saldo awal "
    "harus menjadi nol setelah saldo awal ini.",
    "Akun yang tidak dipakai boleh dibiarkan kosong atau dihapus barisnya. Sub-akun baru "
    "(misalnya rekening bank kedua) dibuat dulu di Pengaturan → Akun.",
    "Tanggal peralihan dipilih saat impor (di jendela Impor Data, atau --per 2025-12-31).",
)


def default_chart() -> list[Account]:
    """The chart a new file starts with (schema steps 0020 and 0021)."""
    from app.storage.schema.m0014_ledger import CHART
    from app.storage.schema.m0015_ledger_history import TRANSFER_ACCOUNT

    rows = [*CHART, (*TRANSFER_ACCOUNT, False)]
    return [Account(code, name, type_, normal, group, None, True)
            for code, name, type_, normal, group in rows]  # fmt: skip


def listed(accounts: Sequence[Account]) -> list[Account]:
    """The accounts an opening balance may go to, in code order."""
    return sorted(
        (
            a
            for a in accounts
            if not a.is_group and a.active and a.code != BALANCING and a.code not in TRANSIENT
        ),
        key=lambda a: a.code,
    )


def fill(sheet: Worksheet, accounts: Sequence[Account] | None) -> None:
    """Pre-list the accounts under the header row of the `Data` sheet."""
    for index, account in enumerate(listed(accounts or default_chart()), start=2):
        code = sheet.cell(row=index, column=1, value=account.code)
        code.number_format = "@"
        sheet.cell(row=index, column=2, value=account.name)
        for column in (3, 4):
            sheet.cell(row=index, column=column).number_format = '"Rp"#,##0'
    sheet.column_dimensions["B"].width = 48


def notes(sheet: Worksheet) -> None:
    sheet.append([])
    for line in NOTES:
        sheet.append(["Catatan", "", line])
