"""The loan panel's Cetak menu: Jadwal Angsuran, Kartu Pinjaman, Kuitansi of the selected
payment, Tanda Terima Agunan (received or returned) and Surat Keterangan Lunas (only for a
loan closed by payment, never for one written off). Each opens the issued document."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from app.documents import (
    jadwal_angsuran,
    kartu_pinjaman,
    keterangan_lunas,
    kuitansi,
    tanda_terima_agunan,
)
from app.documents.kinds import DocKind
from app.documents.register import Issued
from app.documents.sources import loans
from app.loans.models import EventKind, Loan, LoanStatus, Payment
from app.services import Services
from app.users.models import User
from ui.views.document_issuer import DocumentIssuer

_NOT_LENT = (LoanStatus.DIAJUKAN, LoanStatus.DISETUJUI, LoanStatus.DITOLAK)
_PAID_OFF = (LoanStatus.LUNAS, LoanStatus.LUNAS_KERINGANAN)
_WRITTEN_OFF = (LoanStatus.HAPUS_BUKU, LoanStatus.HAPUS_TAGIH)


def is_receipt(event: Payment | None) -> bool:
    return (
        event is not None
        and event.kind == EventKind.PEMBAYARAN
        and bool(event.receipt_no)
        and not event.is_reversed
    )


class LoanDocuments(DocumentIssuer):
    """Builds the menu for a loan panel's Cetak button; `update(loan, event)` enables what
    applies to the loan shown and the payment selected, giving the reason otherwise."""

    def __init__(
        self, parent: QWidget, services: Services, user: User, today: Callable[[], date]
    ) -> None:
        super().__init__(parent, services, user, today)
        self.loan: Loan | None = None
        self.payment: Payment | None = None  # never `self.event`: that is QObject.event
        self.menu = QMenu(parent)
        self.menu.setToolTipsVisible(True)
        self.jadwal_action = self._add(self.tr("Jadwal Angsuran"), self.print_jadwal)
        self.kartu_action = self._add(self.tr("Kartu Pinjaman"), self.print_kartu)
        self.kuitansi_action = self._add(
            self.tr("Kuitansi Pembayaran yang Dipilih"), self.print_kuitansi
        )
        self.menu.addSeparator()
        self.agunan_action = self._add(self.tr("Tanda Terima Agunan"), self.print_agunan)
        self.kembali_action = self._add(
            self.tr("Tanda Terima Pengembalian Agunan"), lambda: self.print_agunan(True)
        )
        self.lunas_action = self._add(self.tr("Surat Keterangan Lunas"), self.print_lunas)

    def _add(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    def attach(self, button: QPushButton) -> None:
        button.setToolTip(
            self.tr("Kartu pinjaman, kuitansi, tanda terima agunan, keterangan lunas")
        )
        button.setMenu(self.menu)

    # -- what applies ---------------------------------------------------------------------------
    def update(self, loan: Loan | None, event: Payment | None) -> None:
        self.loan, self.payment = loan, event
        rules = self._rules(loan, event)
        for action, why in rules.items():
            action.setEnabled(not why)
            action.setToolTip(why)

    def _rules(self, loan: Loan | None, event: Payment | None) -> dict[QAction, str]:
        if loan is None or not self.allowed:
            why = self.tr("Peran Anda tidak boleh membuat dokumen.") if loan else ""
            return {
                a: why or self.tr("Pilih pinjaman dulu.")
                for a in self.menu.actions()
                if not a.isSeparator()
            }
        items = self.services.loans.collateral(loan.id)
        not_lent = self.tr("Pinjaman belum dicairkan.")
        return {
            self.jadwal_action: (
                self.tr("Pengajuan ini ditolak.") if loan.status == LoanStatus.DITOLAK else ""
            ),
            self.kartu_action: not_lent if loan.status in _NOT_LENT else "",
            self.kuitansi_action: (
                "" if is_receipt(event) else self.tr("Pilih dulu pembayaran di tab Pembayaran.")
            ),
            self.agunan_action: "" if items else self.tr("Pinjaman ini tidak punya agunan."),
            self.kembali_action: (
                ""
                if any(c.released_on is not None for c in items)
                else self.tr("Belum ada agunan yang dikembalikan.")
            ),
            self.lunas_action: self._lunas_reason(loan),
        }

    def _lunas_reason(self, loan: Loan) -> str:
        if loan.status in _PAID_OFF:
            return ""
        if loan.status in _WRITTEN_OFF:
            return self.tr(
                "Pinjaman ini dihapusbukukan, bukan lunas: Surat Keterangan Lunas tidak dibuat."
            )
        return self.tr("Pinjaman ini belum lunas.")

    # -- issuing ----------------------------------------------------------------------------------
    def print_jadwal(self) -> Issued | None:
        loan = self.loan
        if loan is None:
            return None
        return self.issue(
            DocKind.JADWAL_ANGSURAN,
            lambda: loans.jadwal(self.services, loan.id, self.today()),
            jadwal_angsuran.render,
        )

    def print_kartu(self) -> Issued | None:
        loan = self.loan
        if loan is None:
            return None
        return self.issue(
            DocKind.KARTU_PINJAMAN,
            lambda: loans.kartu(self.services, loan.id, self.today()),
            kartu_pinjaman.render,
        )

    def print_kuitansi(self) -> Issued | None:
        loan, event = self.loan, self.payment
        if loan is None or event is None:
            return None
        return self.issue(
            DocKind.KUITANSI_PINJAMAN,
            lambda: loans.kuitansi_pembayaran(self.services, loan.id, event.id),
            kuitansi.render,
        )

    def print_agunan(self, returning: bool = False) -> Issued | None:
        loan = self.loan
        if loan is None:
            return None
        return self.issue(
            DocKind.TANDA_TERIMA_AGUNAN,
            lambda: loans.tanda_terima_agunan(
                self.services, loan.id, self.today(), returning=returning
            ),
            tanda_terima_agunan.render,
        )

    def print_lunas(self) -> Issued | None:
        loan = self.loan
        if loan is None:
            return None
        return self.issue(
            DocKind.KETERANGAN_LUNAS,
            lambda: loans.keterangan(self.services, loan.id, self.today()),
            keterangan_lunas.render,
        )
