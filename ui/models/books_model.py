"""The tables of Pembukuan: journal lines, the Buku Besar of one account (running balance),
the Neraca Saldo, a member's sub-ledger and the Jurnal Umum waiting for approval."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex

from app.formats import format_date_short
from app.ledger.bankrec import BankItem
from app.ledger.manual import PendingJournal
from app.ledger.service import JournalLineRow, LedgerRow, TrialRow
from app.money import format_number
from ui.models.base import Index, RowsModel


def _money(value: int) -> str:
    return format_number(value) if value else ""


class JournalColumn(IntEnum):
    DATE = 0
    NUMBER = 1
    ACCOUNT = 2
    NAME = 3
    DEBIT = 4
    CREDIT = 5
    SOURCE = 6
    DESCRIPTION = 7


SOURCE_NAMES = {
    "simpanan": "Simpanan",
    "pinjaman": "Pencairan pinjaman",
    "angsuran": "Angsuran",
    "titipan": "Titipan",
    "keringanan": "Keringanan",
    "penjadwalan": "Penjadwalan kembali",
    "restrukturisasi": "Restrukturisasi",
    "rilis_jasa": "Jasa ditangguhkan",
    "akrual": "Akrual jasa",
    "akrual_turun": "Pembatalan akrual",
    "pelunasan": "Pelunasan dengan keringanan",
    "kompensasi": "Kompensasi simpanan",
    "ppap": "PPAP",
    "hapus_buku": "Hapus buku",
    "pemulihan": "Pemulihan hapus buku",
    "hapus_tagih": "Hapus tagih",
    "jurnal_umum": "Jurnal Umum",
    "kas_opname": "Kas opname",
    "pembalikan": "Pembalikan",
    "aset_tetap": "Pembelian aset tetap",
    "penyusutan": "Penyusutan aset tetap",
}
# Sources decided in Penanganan Pinjaman Bermasalah: their loan's case can be opened.
CASE_SOURCES = frozenset(
    {
        "keringanan",
        "penjadwalan",
        "restrukturisasi",
        "pelunasan",
        "kompensasi",
        "hapus_buku",
        "pemulihan",
        "hapus_tagih",
    }
)


def source_label(source: str, source_id: int) -> str:
    name = SOURCE_NAMES.get(source, source.replace("_", " ").capitalize())
    return f"{name} #{source_id}"


class JournalLinesModel(RowsModel[JournalLineRow]):
    columns = JournalColumn
    date_columns = (JournalColumn.DATE,)
    money_columns = (JournalColumn.DEBIT, JournalColumn.CREDIT)

    def __init__(self) -> None:
        super().__init__()
        self._headers = {
            JournalColumn.DATE: self.tr("Tanggal"),
            JournalColumn.NUMBER: self.tr("No. Jurnal"),
            JournalColumn.ACCOUNT: self.tr("Kode"),
            JournalColumn.NAME: self.tr("Akun"),
            JournalColumn.DEBIT: self.tr("Debet"),
            JournalColumn.CREDIT: self.tr("Kredit"),
            JournalColumn.SOURCE: self.tr("Sumber"),
            JournalColumn.DESCRIPTION: self.tr("Keterangan"),
        }

    def display(self, row: JournalLineRow, column: int) -> str:
        values = {
            JournalColumn.DATE: format_date_short(row.date),
            JournalColumn.NUMBER: row.number,
            JournalColumn.ACCOUNT: row.account,
            JournalColumn.NAME: row.account_name,
            JournalColumn.DEBIT: _money(row.debit),
            JournalColumn.CREDIT: _money(row.credit),
            JournalColumn.SOURCE: source_label(row.source, row.source_id),
            JournalColumn.DESCRIPTION: row.description,
        }
        return values[JournalColumn(column)]

    def sort_value(self, row: JournalLineRow, column: int) -> Any:
        if column == JournalColumn.DATE:
            return row.date.toordinal()
        if column == JournalColumn.DEBIT:
            return row.debit
        if column == JournalColumn.CREDIT:
            return row.credit
        return self.display(row, column)

    def row_id(self, row: JournalLineRow) -> Any:
        return row.journal_id


class LedgerColumn(IntEnum):
    DATE = 0
    NUMBER = 1
    DESCRIPTION = 2
    DEBIT = 3
    CREDIT = 4
    BALANCE = 5


class LedgerPageModel(RowsModel[LedgerRow]):
    """The Buku Besar of one account; the balance on the account's normal side. A long
    period is read a page at a time (`set_page`): the rest as the table scrolls to it."""

    PAGE = 500

    columns = LedgerColumn
    date_columns = (LedgerColumn.DATE,)
    money_columns = (LedgerColumn.DEBIT, LedgerColumn.CREDIT, LedgerColumn.BALANCE)

    def __init__(self) -> None:
        super().__init__()
        self._more: Callable[[LedgerRow], list[LedgerRow]] | None = None
        self._total = 0
        self._headers = {
            LedgerColumn.DATE: self.tr("Tanggal"),
            LedgerColumn.NUMBER: self.tr("No. Jurnal"),
            LedgerColumn.DESCRIPTION: self.tr("Keterangan"),
            LedgerColumn.DEBIT: self.tr("Debet"),
            LedgerColumn.CREDIT: self.tr("Kredit"),
            LedgerColumn.BALANCE: self.tr("Saldo"),
        }

    def set_page(
        self, rows: list[LedgerRow], total: int, more: Callable[[LedgerRow], list[LedgerRow]]
    ) -> None:
        """The first rows of `total`; `more(last row)` gives the next page."""
        self._more = more if len(rows) < total else None
        self._total = total
        super().set_rows(rows)

    def set_rows(self, rows: Sequence[LedgerRow]) -> None:
        """All the rows at once (nothing to fetch)."""
        self._more = None
        self._total = len(rows)
        super().set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt signature
        return not parent.isValid() and self._more is not None and 0 < len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt signature
        if not self.canFetchMore(parent):
            return
        assert self._more is not None
        rows = self._more(self._rows[-1])
        if not rows:
            self._total = len(self._rows)  # nothing more after all
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def display(self, row: LedgerRow, column: int) -> str:
        if column == LedgerColumn.DATE:
            return format_date_short(row.date)
        if column == LedgerColumn.NUMBER:
            return row.number
        if column == LedgerColumn.DESCRIPTION:
            return row.description
        if column == LedgerColumn.DEBIT:
            return _money(row.debit)
        if column == LedgerColumn.CREDIT:
            return _money(row.credit)
        return format_number(row.balance)

    def sort_value(self, row: LedgerRow, column: int) -> Any:
        numbers = {
            LedgerColumn.DATE: row.date.toordinal(),
            LedgerColumn.DEBIT: row.debit,
            LedgerColumn.CREDIT: row.credit,
            LedgerColumn.BALANCE: row.balance,
        }
        return numbers.get(LedgerColumn(column), self.display(row, column))

    def row_id(self, row: LedgerRow) -> Any:
        return row.journal_id


class TrialColumn(IntEnum):
    CODE = 0
    NAME = 1
    DEBIT = 2
    CREDIT = 3


class TrialBalanceModel(RowsModel[TrialRow]):
    columns = TrialColumn
    money_columns = (TrialColumn.DEBIT, TrialColumn.CREDIT)

    def __init__(self) -> None:
        super().__init__()
        self._headers = {
            TrialColumn.CODE: self.tr("Kode"),
            TrialColumn.NAME: self.tr("Nama Akun"),
            TrialColumn.DEBIT: self.tr("Debet"),
            TrialColumn.CREDIT: self.tr("Kredit"),
        }

    def display(self, row: TrialRow, column: int) -> str:
        if column == TrialColumn.CODE:
            return row.code
        if column == TrialColumn.NAME:
            return row.name
        return _money(row.debit if column == TrialColumn.DEBIT else row.credit)

    def sort_value(self, row: TrialRow, column: int) -> Any:
        if column == TrialColumn.DEBIT:
            return row.debit
        if column == TrialColumn.CREDIT:
            return row.credit
        return self.display(row, column)


@dataclass(frozen=True)
class SubLedgerRow:
    code: str
    name: str
    balance: int  # on the account's normal side


class SubLedgerColumn(IntEnum):
    CODE = 0
    NAME = 1
    BALANCE = 2


class SubLedgerModel(RowsModel[SubLedgerRow]):
    """One member's balances in the books, per savings kind (and loans)."""

    columns = SubLedgerColumn
    money_columns = (SubLedgerColumn.BALANCE,)

    def __init__(self) -> None:
        super().__init__()
        self._headers = {
            SubLedgerColumn.CODE: self.tr("Kode"),
            SubLedgerColumn.NAME: self.tr("Akun"),
            SubLedgerColumn.BALANCE: self.tr("Saldo"),
        }

    def display(self, row: SubLedgerRow, column: int) -> str:
        if column == SubLedgerColumn.CODE:
            return row.code
        if column == SubLedgerColumn.NAME:
            return row.name
        return format_number(row.balance)

    def sort_value(self, row: SubLedgerRow, column: int) -> Any:
        return row.balance if column == SubLedgerColumn.BALANCE else self.display(row, column)


class PendingColumn(IntEnum):
    NUMBER = 0
    DATE = 1
    DESCRIPTION = 2
    TOTAL = 3
    BY = 4


class PendingJournalsModel(RowsModel[PendingJournal]):
    columns = PendingColumn
    date_columns = (PendingColumn.DATE,)
    money_columns = (PendingColumn.TOTAL,)

    def __init__(self) -> None:
        super().__init__()
        self.user_names: dict[int, str] = {}
        self._headers = {
            PendingColumn.NUMBER: self.tr("No. Pengajuan"),
            PendingColumn.DATE: self.tr("Tanggal"),
            PendingColumn.DESCRIPTION: self.tr("Keterangan"),
            PendingColumn.TOTAL: self.tr("Jumlah"),
            PendingColumn.BY: self.tr("Diajukan oleh"),
        }

    def display(self, row: PendingJournal, column: int) -> str:
        if column == PendingColumn.NUMBER:
            return str(row.id)
        if column == PendingColumn.DATE:
            return format_date_short(row.date)
        if column == PendingColumn.DESCRIPTION:
            return row.description
        if column == PendingColumn.TOTAL:
            return format_number(row.total)
        by = row.requested_by
        return "" if by is None else self.user_names.get(by, f"#{by}")

    def sort_value(self, row: PendingJournal, column: int) -> Any:
        if column == PendingColumn.TOTAL:
            return row.total
        if column in (PendingColumn.NUMBER, PendingColumn.DATE):
            return row.id if column == PendingColumn.NUMBER else row.date.toordinal()
        return self.display(row, column)

    def row_id(self, row: PendingJournal) -> Any:
        return row.id


class BankColumn(IntEnum):
    DATE = 0
    NUMBER = 1
    DESCRIPTION = 2
    IN = 3
    OUT = 4


class BankItemsModel(RowsModel[BankItem]):
    """The bank account's lines the bank has not cleared yet (bank reconciliation)."""

    columns = BankColumn
    date_columns = (BankColumn.DATE,)
    money_columns = (BankColumn.IN, BankColumn.OUT)

    def __init__(self) -> None:
        super().__init__()
        self._headers = {
            BankColumn.DATE: self.tr("Tanggal"),
            BankColumn.NUMBER: self.tr("No. Jurnal"),
            BankColumn.DESCRIPTION: self.tr("Keterangan"),
            BankColumn.IN: self.tr("Masuk"),
            BankColumn.OUT: self.tr("Keluar"),
        }

    def display(self, row: BankItem, column: int) -> str:
        if column == BankColumn.DATE:
            return format_date_short(row.date)
        if column == BankColumn.NUMBER:
            return row.number
        if column == BankColumn.DESCRIPTION:
            return row.description
        return _money(row.debit if column == BankColumn.IN else row.credit)

    def sort_value(self, row: BankItem, column: int) -> Any:
        numbers = {
            BankColumn.DATE: row.date.toordinal(),
            BankColumn.IN: row.debit,
            BankColumn.OUT: row.credit,
        }
        return numbers.get(BankColumn(column), self.display(row, column))

    def row_id(self, row: BankItem) -> Any:
        return row.line_id
