"""The case's Cetak menu: warning letters SP1–SP3 in the order and spacing of Kebijakan (the
next due letter offered, the others disabled with the reason, out of order only with a
Pengurus' reason), the Surat Panggilan, the Ringkasan Kasus and the agreements: all through
the documents register (numbered, kept for exact reprints, noted in the case's letters), for
aktif and written-off loans alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QPushButton, QWidget

from app.collection.models import LetterKind
from app.documents.register import Issued
from app.loans.models import LoanStatus
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.views.case_detail import CaseFile
from ui.views.case_documents import CaseDocuments

_SP = {1: LetterKind.SP1, 2: LetterKind.SP2, 3: LetterKind.SP3}


class CasePrinter(QObject):
    """Builds the Cetak button's menu and issues the documents."""

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        user: User,
        today: Callable[[], date],
        changed: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.widget = parent
        self.services = services
        self.user = user
        self.today = today
        self.changed = changed
        self.file: CaseFile | None = None
        self.dialog: QDialog | None = None  # the out-of-order authorisation form open now
        self.menu = QMenu(parent)
        # Ringkasan Kasus, Berita Acara and Surat Perjanjian come from app.documents.sources
        # through the documents engineer's CaseDocuments (ui/views/case_documents.py).
        self.documents = CaseDocuments(parent, services, user, today)
        self.documents.issued.connect(lambda _id: self.changed())
        self.summary_action = self._action(self.tr("Ringkasan Kasus"), self.print_summary)
        self.menu.addSeparator()
        self.sp_actions = {
            level: self._action(
                self.tr("Surat Peringatan {n} (SP{n})").format(n=level),
                lambda _=False, n=level: self.print_sp(n),
            )
            for level in (1, 2, 3)
        }
        self.panggilan_action = self._action(self.tr("Surat Panggilan…"), self.print_panggilan)
        self.menu.addSeparator()
        self.ba_action = self._action(self.tr("Berita Acara Kesepakatan…"), self.print_ba)
        self.perjanjian_action = self._action(
            self.tr("Surat Perjanjian / Addendum"), self.print_perjanjian
        )

    def _action(self, text: str, slot: Callable[..., object]) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def attach(self, button: QPushButton) -> None:
        button.setMenu(self.menu)
        self.menu.setToolTipsVisible(True)

    def update(self, file: CaseFile | None) -> None:
        self.file = file
        case_id = file.case.id if file is not None else None
        for action, what in (
            (self.summary_action, "ringkasan"),
            (self.ba_action, "berita_acara"),
            (self.perjanjian_action, "perjanjian"),
        ):
            reason = self.documents.why_not(case_id, what)
            action.setEnabled(not reason)
            action.setToolTip(reason)
        may = can(self.user, Action.RECORD_CONTACT) or can(self.user, Action.PROPOSE)
        why = self._why_no_letter(file, may)
        self.panggilan_action.setEnabled(not why)
        self.panggilan_action.setToolTip(why)
        options = (
            {o.kind: o for o in self.services.letter_order.options(file.case.id, self.today())}
            if file is not None and not why
            else {}
        )
        may_authorise = can(self.user, Action.APPROVE)
        for level, action in self.sp_actions.items():
            label = self.tr("Surat Peringatan {n} (SP{n})").format(n=level)
            option = options.get(_SP[level].value)
            if option is None:
                action.setEnabled(False)
                action.setText(label)
                action.setToolTip(why)
            elif option.allowed:
                action.setEnabled(True)
                action.setText(label + self.tr(" — jatuh tempo sekarang"))
                action.setToolTip(self.tr("Surat berikutnya menurut urutan Kebijakan."))
            elif option.out_of_order and may_authorise:
                action.setEnabled(True)
                action.setText(label + self.tr(" — di luar urutan (izin Pengurus)…"))
                action.setToolTip(
                    option.reason
                    + " "
                    + self.tr("Sebagai Pengurus Anda dapat mengizinkannya dengan alasan.")
                )
            else:
                action.setEnabled(False)
                action.setText(label)
                action.setToolTip(
                    option.reason
                    + (
                        " " + self.tr("Di luar urutan hanya dengan izin Pengurus.")
                        if option.out_of_order
                        else ""
                    )
                )

    def _why_no_letter(self, file: CaseFile | None, may: bool) -> str:
        """'' when the case can get letters now, else the reason (written-off loans still get
        them: collection goes on off the books)."""
        if file is None:
            return self.tr("Pilih kasus dulu.")
        if not may:
            return self.tr("Peran Anda tidak boleh membuat surat.")
        if not file.case.status.is_open:
            return self.tr("Kasus ini sudah selesai.")
        if file.loan.status == LoanStatus.HAPUS_BUKU:
            entry = self.services.offbook.of_loan(file.loan.id)
            if entry is None or entry.remaining <= 0:
                return self.tr("Tagihan ekstrakomptabel pinjaman ini sudah tidak ada.")
            return ""
        if file.loan.status != LoanStatus.AKTIF:
            return self.tr("Pinjaman ini berstatus {status}.").format(status=file.loan.status.label)
        if file.arrears is None or file.arrears.arrears_total <= 0:
            return self.tr("Pinjaman ini tidak menunggak.")
        return ""

    def print_summary(self) -> Issued | None:
        return self.documents.ringkasan(self.file.case.id) if self.file else None

    def print_ba(self) -> None:
        if self.file is not None:
            self.documents.ask_berita_acara(self.file.case.id)

    def print_perjanjian(self) -> Issued | None:
        return self.documents.perjanjian(self.file.case.id) if self.file else None

    # -- issuing --------------------------------------------------------------------------------
    def print_sp(self, level: int, authorisation: str | None = None) -> Issued | None:
        """Issue SP`level` through the register; out of order a Pengurus first gives the
        reason (the form opens without blocking, as `self.dialog`)."""
        file = self.file
        if file is None:
            return None
        option = next(
            o
            for o in self.services.letter_order.options(file.case.id, self.today())
            if o.kind == _SP[level].value
        )
        if not option.allowed and option.out_of_order and authorisation is None:
            self.ask_authorisation(level, option.reason)
            return None
        issued = self.documents.sp(file.case.id, level, authorisation or "")
        if issued is not None:
            self.changed()
        return issued

    def ask_authorisation(self, level: int, reason: str) -> QInputDialog:
        dialog = QInputDialog(self.widget)
        dialog.setWindowTitle(self.tr("Cetak SP{n} di luar urutan").format(n=level))
        dialog.setLabelText(
            reason + "\n\n" + self.tr("Alasan Pengurus mengizinkan surat ini (dicatat):")
        )
        dialog.setOkButtonText(self.tr("Izinkan dan Cetak"))
        dialog.setCancelButtonText(self.tr("Batal"))
        dialog.textValueSelected.connect(lambda text: self.print_sp(level, text))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def print_panggilan(self) -> None:
        if self.file is not None:
            self.documents.ask_panggilan(self.file.case.id)
