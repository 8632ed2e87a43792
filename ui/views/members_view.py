"""Anggota: the member list with search and status filter, and the selected member's panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Kind
from app.errors import AppError
from app.members.models import Member, MemberStatus
from app.money import format_number
from app.savings.models import SavingsTransaction
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.changes import watch
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.dialogs.savings_dialog import ReverseDialog, SavingsDialog, StatementDialog, can_reverse
from ui.dialogs.status_dialog import StatusDialog
from ui.errors import show_error
from ui.export import export_button, install_export
from ui.models.members_model import MembersModel
from ui.report_print import preview_report, print_button, report_of
from ui.views.member_berjangka import MemberBerjangkaWidget
from ui.views.member_loans import MemberLoansWidget, member_loans_widget
from ui.widgets import messages
from ui.widgets.member_detail import MemberDetail
from ui.widgets.member_table import MemberTable

SEARCH_DELAY_MS = 200


class MembersView(QWidget):
    """Embedded by the main window, which calls `focus_search()` (Ctrl+F), `new_item()` (Ctrl+N)."""

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today: Callable[[], date] = date.today
        self.dialog: QDialog | None = None  # the dialog open now (for tests and focus)
        self.loans_widget: MemberLoansWidget | None = None  # the panel's Pinjaman section
        self.berjangka_widget: MemberBerjangkaWidget | None = None  # Simpanan Berjangka
        self.model = MembersModel(services.members, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self._search_pending = False
        self._build()
        self._apply_permissions()
        self.run_search()
        watch(self, services, (Kind.MEMBERS, Kind.SAVINGS, Kind.LOANS), self._reload)

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Anggota"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(title)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("member_search")
        self.search_edit.setPlaceholderText(
            self.tr("Cari nama, no. anggota, NIK atau telepon… (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(320)
        self.search_edit.textChanged.connect(lambda _: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._search_now_and_go_to_list)
        top.addWidget(self.search_edit, 1)
        top.addWidget(QLabel(self.tr("Status:")))
        self.status_combo = QComboBox()
        # "" rather than None as item data: an empty QVariant coming back from Qt costs a
        # reference to None under PySide6 6.12 on Python 3.11 (a wider bug of that release).
        self.status_combo.addItem(self.tr("Semua"), "")
        for status in MemberStatus:
            self.status_combo.addItem(status.label, status)
        self.status_combo.currentIndexChanged.connect(lambda _: self.run_search())
        top.addWidget(self.status_combo)
        self.count_label = QLabel()
        self.count_label.setObjectName("member_count")
        self.count_label.setMinimumWidth(110)
        top.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("+ Anggota Baru"))
        self.new_button.setToolTip(self.tr("Catat anggota baru (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list_stack = QStackedWidget()
        self.table = install_export(MemberTable(self.model), self.tr("Daftar Anggota"))
        top.insertWidget(top.count() - 1, export_button(self.table, self))
        top.insertWidget(top.count() - 1, print_button(self, self.print_list))
        self.model.modelReset.connect(self._keep_selection)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _: self.edit_member())
        self.empty_label = QLabel()
        self.empty_label.setObjectName("member_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color:#444; font-size: 11pt; padding: 30px;")
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)
        splitter.addWidget(self.list_stack)

        self.detail = MemberDetail()
        self.detail.setMinimumWidth(420)
        self.detail.edit_button.clicked.connect(self.edit_member)
        self.detail.status_button.clicked.connect(self.change_status)
        self.detail.deposit_button.clicked.connect(lambda: self.post_savings(withdrawal=False))
        self.detail.withdraw_button.clicked.connect(lambda: self.post_savings(withdrawal=True))
        self.detail.reverse_button.clicked.connect(self.reverse_transaction)
        self.detail.statement_button.clicked.connect(self.print_statement)
        self.detail.passbook_button.clicked.connect(self.print_passbook)
        self.detail.transaction_selected.connect(self._transaction_selected)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        self.search_edit.installEventFilter(self)

    def _apply_permissions(self) -> None:
        """Buttons the role may not use are disabled and say why (the services refuse anyway)."""
        rules = [
            (self.new_button, Action.EDIT_MEMBERS, self.tr("mengubah data anggota")),
            (self.detail.edit_button, Action.EDIT_MEMBERS, self.tr("mengubah data anggota")),
            (self.detail.status_button, Action.EDIT_MEMBERS, self.tr("mengubah status anggota")),
            (self.detail.deposit_button, Action.SAVINGS_TRANSACTION, self.tr("mencatat setoran")),
            (self.detail.withdraw_button, Action.SAVINGS_TRANSACTION,
             self.tr("mencatat penarikan")),
            (self.detail.passbook_button, Action.SAVINGS_TRANSACTION, self.tr("mencetak buku")),
            (self.detail.reverse_button, Action.REVERSE_TRANSACTION,
             self.tr("membatalkan transaksi (hanya Manajer atau Pengurus)")),
        ]  # fmt: skip
        self._allowed: dict[QPushButton, bool] = {}
        for button, action, what in rules:
            allowed = can(self.user, action)
            self._allowed[button] = allowed
            button.setEnabled(allowed)
            if not allowed:
                button.setToolTip(
                    self.tr("Peran Anda ({role}) tidak boleh {what}.").format(
                        role=self.user.role.label, what=what
                    )
                )
        self.detail.statement_button.setToolTip(
            self.tr("Buat rekening simpanan (PDF) untuk dicetak atau dikirim")
        )

    def hideEvent(self, event: QHideEvent) -> None:
        # A search still waiting for its timer runs when the view is shown again, never while
        # hidden (the window may be closing its database).
        self._search_pending = self._search_pending or self._search_timer.isActive()
        self._search_timer.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._search_pending:
            self._search_pending = False
            self._search_timer.start()

    # -- what the main window calls ---------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def new_item(self) -> None:
        if not can(self.user, Action.EDIT_MEMBERS):
            messages.warn(self, self.tr("Tidak diizinkan"), self.new_button.toolTip())
            return
        self._open(MemberDialog(self.services, self.user, None, self.today(), self),
                   self._member_added)  # fmt: skip

    def print_list(self) -> PdfPreviewDialog | None:
        """The list as shown (search, status, order) on the letterhead."""
        parameters = [self.tr("Status: {status}").format(status=self.status_combo.currentText())]
        if self.search_edit.text().strip():
            parameters.append(self.tr("Pencarian: {text}").format(text=self.search_edit.text()))
        doc = report_of(self.tr("Daftar Anggota"), parameters, [self.table])
        self.preview = preview_report(self, self.services, doc)
        return self.preview

    # -- searching --------------------------------------------------------------------------------
    def status_filter(self) -> MemberStatus | None:
        data = self.status_combo.currentData()
        return MemberStatus(data) if data else None

    def run_search(self) -> None:
        self._search_timer.stop()
        selected = self.current_member_id()
        try:
            self.model.search(self.search_edit.text(), self.status_filter())
        except AppError as exc:
            show_error(self, exc, self.tr("Pencarian gagal"))
            return
        self._show_count()
        if not self._select_member(selected) and self.model.rowCount() > 0:
            self.table.selectRow(0)
        elif self.model.rowCount() == 0:
            self.detail.clear()

    def _show_count(self) -> None:
        total = self.model.total
        text, status = self.model.search_text, self.status_filter()
        if text or status is not None:
            self.count_label.setText(self.tr("{n} anggota cocok").format(n=format_number(total)))
        else:
            self.count_label.setText(self.tr("{n} anggota").format(n=format_number(total)))
        if total:
            self.list_stack.setCurrentWidget(self.table)
            return
        if not text and status is None:
            message = self.tr(
                "Belum ada anggota.\n\nKlik “+ Anggota Baru” (Ctrl+N) untuk mencatat anggota "
                "yang pertama."
            )
        else:
            where = f" “{text}”" if text else ""
            among = self.tr(" di antara anggota berstatus {status}").format(
                status=status.label) if status is not None else ""  # fmt: skip
            message = self.tr(
                "Tidak ada anggota yang cocok dengan pencarian{where}{among}.\n\n"
                "Periksa ejaannya, cari dengan sebagian nama, No. Anggota, NIK atau nomor "
                "telepon, atau pilih status Semua. Bila orangnya memang belum terdaftar, "
                "klik “+ Anggota Baru”."
            ).format(where=where, among=among)
        self.empty_label.setText(message)
        self.list_stack.setCurrentWidget(self.empty_label)

    def _search_now_and_go_to_list(self) -> None:
        self.run_search()
        if self.model.rowCount():
            self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down arrow in the search box moves to the list, so the keyboard is enough.
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.table.setFocus()
            if self.current_member_id() is None:
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    # -- the selected member ----------------------------------------------------------------------
    def current_member_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def _select_member(self, member_id: int | None) -> bool:
        if member_id is None:
            return False
        row = self.model.row_of(member_id)
        if row is None:
            return False
        if self.current_member_id() == member_id:
            self.show_member(member_id)  # same row after a reload: refresh the panel
        else:
            self.table.selectRow(row)  # the selection signal shows the member
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _keep_selection(self) -> None:
        """After the list reloads (a new sort order), the member on show stays selected."""
        member = self.detail.member
        row = self.model.row_of(member.id) if member is not None else None
        if row is not None:
            self.table.selectRow(row)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        member_id = self.current_member_id()
        if member_id is None:
            self.detail.clear()
        else:
            self.show_member(member_id)

    def show_member(self, member_id: int) -> None:
        try:
            member = self.services.members.get(member_id)
            savings = self.services.savings
            self.detail.show_member(
                member,
                savings.balances(member.id),
                savings.wajib_status(member, self.today()),
                savings.history(member.id),
            )
            self._show_loans(member.id)
            self._show_berjangka(member.id)
        except AppError as exc:
            self.detail.clear()
            show_error(self, exc, self.tr("Data anggota tidak bisa dibuka"))
            return
        self._update_member_buttons(member)

    def _show_loans(self, member_id: int) -> None:
        if self.loans_widget is None:
            self.loans_widget = member_loans_widget(self.services, self.user, member_id)
            self.loans_widget.today = self.today
            self.detail.loans_placeholder.hide()
            self.detail.loans_layout.addWidget(self.loans_widget)
        self.loans_widget.set_member(member_id)

    def _show_berjangka(self, member_id: int) -> None:
        if self.berjangka_widget is None:
            self.berjangka_widget = MemberBerjangkaWidget(self.services, self.user, member_id)
            self.berjangka_widget.today = self.today
            self.berjangka_widget.changed.connect(self._berjangka_changed)
            self.detail.berjangka_layout.addWidget(self.berjangka_widget)
        self.berjangka_widget.set_member(member_id)

    def _berjangka_changed(self) -> None:
        """Sukarela may have moved (opened from it, jasa or payout to it): show it again."""
        member_id = self.current_member_id()
        if member_id is not None:
            self.show_member(member_id)

    def _update_member_buttons(self, member: Member) -> None:
        active = member.status == MemberStatus.AKTIF
        deposit = self.detail.deposit_button
        if self._allowed[deposit]:
            deposit.setEnabled(active)
            deposit.setToolTip("" if active else self.tr(
                "Anggota berstatus {status} tidak bisa menerima setoran."
            ).format(status=member.status.label))  # fmt: skip
        self._transaction_selected(self.detail.selected_transaction())

    def _transaction_selected(self, tx: SavingsTransaction | None) -> None:
        button = self.detail.reverse_button
        if self._allowed[button]:
            button.setEnabled(can_reverse(tx))

    def _member(self) -> Member | None:
        return self.detail.member

    # -- actions ----------------------------------------------------------------------------------
    def _open(self, dialog: QDialog, on_accept: Callable[[QDialog], None]) -> None:
        """Open a dialog without blocking; `on_accept(dialog)` runs after a successful save."""
        self.dialog = dialog
        dialog.accepted.connect(lambda: on_accept(dialog))
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _member_added(self, dialog: QDialog) -> None:
        assert isinstance(dialog, MemberDialog) and dialog.saved is not None
        # Show the new member in the list whatever was searched before.
        self.status_combo.setCurrentIndex(0)
        self.search_edit.setText(dialog.saved.number)
        self.run_search()
        self._select_member(dialog.saved.id)

    def _reload(self, _dialog: QDialog | None = None) -> None:
        member_id = self.current_member_id()
        self.model.refresh()
        self._show_count()
        if not self._select_member(member_id):
            self.detail.clear()

    def edit_member(self) -> None:
        member = self._member()
        if member is None or not self._allowed[self.detail.edit_button]:
            return
        self._open(MemberDialog(self.services, self.user, member, self.today(), self),
                   self._reload)  # fmt: skip

    def change_status(self) -> None:
        member = self._member()
        if member is not None:
            self._open(StatusDialog(self.services, self.user, member, self.today(), self),
                       self._reload)  # fmt: skip

    def post_savings(self, withdrawal: bool) -> None:
        member = self._member()
        if member is not None:
            dialog = SavingsDialog(self.services, self.user, member, withdrawal, self.today(), self)
            self._open(dialog, self._reload)

    def reverse_transaction(self) -> None:
        member, tx = self._member(), self.detail.selected_transaction()
        if member is not None and can_reverse(tx):
            assert tx is not None
            dialog = ReverseDialog(self.services, self.user, member, tx, self.today(), self)
            self._open(dialog, self._reload)

    def print_statement(self) -> None:
        member = self._member()
        if member is not None:
            self._open(StatementDialog(self.services, member, self.today(), self),
                       lambda _: None)  # fmt: skip

    def print_passbook(self) -> None:
        member = self._member()
        if member is not None and self._allowed[self.detail.passbook_button]:
            from ui.dialogs.passbook_dialog import PassbookDialog

            self._open(PassbookDialog(self.services, self.user, member, parent=self), self._reload)
