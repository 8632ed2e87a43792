"""Penanganan Pinjaman Bermasalah: the cases list with filters and search, and the selected
case's panel (header, actions, history, decisions)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Kind
from app.collection.models import CaseFilter, CaseRow, CaseStatus, QueueItem, QueueKind
from app.errors import AppError
from app.loans.quality import class_label
from app.money import format_number, format_rupiah
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.changes import watch
from ui.dialogs.case_open_dialog import OpenCaseDialog
from ui.errors import show_error
from ui.export import export_button, install_export
from ui.models.base import SORT_ROLE
from ui.models.cases_model import CaseColumn, CasesModel
from ui.views.case_actions import CaseActions
from ui.views.case_detail import CaseDetailPanel, read_case
from ui.widgets import messages
from ui.widgets.column_width import AMOUNT, DATE, DAYS, fit_width
from ui.widgets.exact_first_proxy import ExactFirstProxy
from ui.widgets.remembered_splitter import RememberedSplitter

SEARCH_DELAY_MS = 250
_S = CaseStatus
STATUS_CHOICES: list[tuple[str, tuple[CaseStatus, ...]]] = [
    ("Semua yang masih ditangani", ()),
    ("Baru", (_S.BARU,)),
    ("Dalam Negosiasi", (_S.NEGOSIASI,)),
    ("Janji Bayar", (_S.JANJI_BAYAR,)),
    ("Restrukturisasi", (_S.RESTRUKTURISASI,)),
    ("Penyelesaian", (_S.PENYELESAIAN,)),
    ("Hapus Buku (ditagih di luar neraca)", (_S.HAPUS_BUKU,)),
    ("Selesai", (_S.SELESAI,)),
    ("Semua", tuple(_S)),
]
MINE = -1  # the officer filter's "Kasus saya"


class CasesView(QWidget):
    """Embedded by the main window, which calls `focus_search()` (Ctrl+F), `new_item()` (Ctrl+N),
    `show_case()`, `show_decision()` and `open_case_for_loan()` (from the Beranda)."""

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today: Callable[[], date] = date.today
        self.dialog: QDialog | None = None  # the dialog open now (for tests and focus)
        self.policy = services.loans.quality.policy()
        self.model = CasesModel(self)
        self.model.policy_name = self.policy.name
        self.proxy = ExactFirstProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self._loaded = False
        self._build()
        self.actions_ = CaseActions(self)
        kinds = (Kind.CASES, Kind.LOANS, Kind.DECISIONS, Kind.DOCUMENTS, Kind.MEMBERS)
        watch(self, services, kinds, self._changed, on_show=False)

    def _changed(self) -> None:
        if self._loaded:
            self.reload()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Penanganan Pinjaman Bermasalah"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(title)
        self.search_edit = QLineEdit(objectName="case_search")
        self.search_edit.setPlaceholderText(
            self.tr("Cari nama, no. anggota, no. pinjaman atau no. kasus… (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _: self._timer.start())
        self.search_edit.returnPressed.connect(self.run_search)
        top.addWidget(self.search_edit, 1)
        self.count_label = QLabel(objectName="case_count")
        top.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("+ Buka Kasus…"), objectName="open_case_button")
        self.new_button.setToolTip(
            self.tr("Buka kasus untuk sebuah pinjaman dengan tangan (Ctrl+N)")
        )
        self.new_button.clicked.connect(self.new_item)
        if not (can(self.user, Action.RECORD_CONTACT) or can(self.user, Action.PROPOSE)):
            self.new_button.setEnabled(False)
            self.new_button.setToolTip(self.tr("Peran Anda tidak boleh membuka kasus."))
        top.addWidget(self.new_button)
        layout.addLayout(top)
        layout.addLayout(self._build_filters())
        # The list shows ten cases and more; the user moves the divider, and it stays there.
        splitter = RememberedSplitter("cases/list_detail", Qt.Orientation.Vertical)
        self.splitter = splitter
        self.list_stack = QStackedWidget()
        self.table = self._build_table()
        top.insertWidget(top.count() - 1, export_button(self.table, self))
        self.empty_label = QLabel(objectName="case_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color:#444; font-size: 11pt; padding: 20px;")
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)
        splitter.addWidget(self.list_stack)
        self.detail = CaseDetailPanel()
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        header_height = self.table.horizontalHeader().sizeHint().height()
        row_height = self.table.verticalHeader().defaultSectionSize()
        splitter.restore([header_height + 10 * row_height + 20, 340])
        layout.addWidget(splitter, 1)

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Status:")))
        self.status_combo = QComboBox(objectName="case_status_filter")
        for index, (label, _statuses) in enumerate(STATUS_CHOICES):
            self.status_combo.addItem(self.tr(label), index)
        row.addWidget(self.status_combo)
        row.addWidget(QLabel(self.tr("Kolektibilitas:")))
        self.quality_combo = QComboBox(objectName="case_quality_filter")
        self.quality_combo.addItem(self.tr("Semua"), None)
        for code in self.policy.classes:
            self.quality_combo.addItem(class_label(code), code)
        row.addWidget(self.quality_combo)
        row.addWidget(QLabel(self.tr("Petugas:")))
        self.officer_combo = QComboBox(objectName="case_officer_filter")
        self.officer_combo.addItem(self.tr("Semua petugas"), None)
        self.officer_combo.addItem(self.tr("Kasus saya"), MINE)
        for u in self.services.users.all():
            if u.active and (can(u, Action.RECORD_CONTACT) or can(u, Action.PROPOSE)):
                self.officer_combo.addItem(u.full_name, u.id)
        row.addWidget(self.officer_combo)
        self.broken_check = QCheckBox(self.tr("Janji diingkari"), objectName="broken_filter")
        self.broken_check.setToolTip(
            self.tr("Hanya kasus dengan janji bayar yang diingkari atau hanya dibayar sebagian")
        )
        self.overdue_check = QCheckBox(
            self.tr("Tindak lanjut terlambat"), objectName="overdue_filter"
        )
        row.addWidget(self.broken_check)
        row.addWidget(self.overdue_check)
        row.addStretch(1)
        for combo in (self.status_combo, self.quality_combo, self.officer_combo):
            combo.currentIndexChanged.connect(lambda _: self.run_search())
        for check in (self.broken_check, self.overdue_check):
            check.toggled.connect(lambda _: self.run_search())
        return row

    def _build_table(self) -> QTableView:
        table = QTableView(objectName="case_table")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.sortByColumn(CaseColumn.DAYS, Qt.SortOrder.DescendingOrder)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.setWordWrap(False)
        widths = {
            CaseColumn.MEMBER: 135,
            CaseColumn.LOAN: 130,
            CaseColumn.QUALITY: 95,
            CaseColumn.ARREARS: fit_width(table, AMOUNT, CaseColumn.ARREARS),
            CaseColumn.DAYS: fit_width(table, DAYS, CaseColumn.DAYS),
            CaseColumn.STATUS: 90,
            CaseColumn.OFFICER: 85,
            CaseColumn.NEXT_STEP: 140,
            CaseColumn.LAST_CONTACT: fit_width(table, DATE, CaseColumn.LAST_CONTACT),
        }
        for column, width in widths.items():
            table.setColumnWidth(column, width)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return install_export(table, self.tr("Daftar Kasus Penanganan"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.run_search()
        else:
            self.reload()  # contacts, payments or decisions made elsewhere

    # -- what the main window calls -------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def new_item(self, loan_id: int | None = None) -> None:
        if not self.new_button.isEnabled():
            messages.warn(self, self.tr("Tidak diizinkan"), self.new_button.toolTip())
            return
        dialog = OpenCaseDialog(self.services, self.user, self.today(), self, loan_id)
        self.actions_.open(dialog, self._case_opened)

    def _case_opened(self, dialog: QDialog) -> None:
        assert isinstance(dialog, OpenCaseDialog) and dialog.saved is not None
        self.show_case(dialog.saved.id)

    def open_task(self, item: QueueItem) -> None:
        """A line of the Beranda's work queue: its case (and decision), or a new case for a
        loan that went to a worse class without one."""
        if item.case_id is None:
            self.open_case_for_loan(item.loan_id)
            return
        decision = item.ref_id if item.kind == QueueKind.KEPUTUSAN else None
        self.show_case(item.case_id, decision)

    def open_case_for_loan(self, loan_id: int) -> None:
        """From the Beranda: the loan's open case, or a new one for it."""
        case = self.services.case_list.open_case_of_loan(loan_id)
        if case is not None:
            self.show_case(case.id)
        else:
            self.new_item(loan_id)

    def show_case(self, case_id: int, decision_id: int | None = None) -> bool:
        """Select the case in the list (widening the filters when it is hidden)."""
        self._loaded = True
        if self.model.row_of(case_id) is None:
            self.run_search()
        if self.model.row_of(case_id) is None:
            case = self.services.cases.get(case_id)
            for w in (
                self.status_combo,
                self.quality_combo,
                self.officer_combo,
                self.broken_check,
                self.overdue_check,
                self.search_edit,
            ):
                w.blockSignals(True)
            self.status_combo.setCurrentIndex(len(STATUS_CHOICES) - 1)
            self.quality_combo.setCurrentIndex(0)
            self.officer_combo.setCurrentIndex(0)
            self.broken_check.setChecked(False)
            self.overdue_check.setChecked(False)
            self.search_edit.setText(case.number)
            for w in (
                self.status_combo,
                self.quality_combo,
                self.officer_combo,
                self.broken_check,
                self.overdue_check,
                self.search_edit,
            ):
                w.blockSignals(False)
            self.run_search()
        found = self.select_case(case_id)
        if decision_id is not None:
            self.show_decision(decision_id)
        return found

    def show_decision(self, decision_id: int) -> None:
        self.detail.tabs.setCurrentWidget(self.detail.decisions)
        self.detail.decisions.select(decision_id)

    # -- searching ------------------------------------------------------------------------------
    def filters(self) -> CaseFilter:
        officer = self.officer_combo.currentData()
        return CaseFilter(
            statuses=STATUS_CHOICES[int(self.status_combo.currentData())][1],
            quality=self.quality_combo.currentData(),
            officer_id=self.user.id if officer == MINE else officer,
            broken_promises_only=self.broken_check.isChecked(),
            next_step_overdue_only=self.overdue_check.isChecked(),
            text=self.search_edit.text().strip(),
        )

    def run_search(self) -> None:
        self._timer.stop()
        self._loaded = True
        selected = self.current_case_id()
        try:
            rows = self.services.case_list.rows(self.today(), self.filters())
        except AppError as exc:
            show_error(self, exc, self.tr("Daftar kasus tidak bisa dibuka"))
            return
        self.model.set_rows(rows)
        self.proxy.set_pinned({i for i, row in enumerate(rows) if row.exact})
        self._show_count(rows)
        if not self.select_case(selected) and rows:
            self.table.selectRow(0)
        elif not rows:
            self.detail.clear()
            self.actions_.update_buttons()

    def _show_count(self, rows: list[CaseRow]) -> None:
        owed = sum(r.arrears_total for r in rows)
        self.count_label.setText(
            self.tr("{n} kasus · tunggakan {amount}").format(
                n=format_number(len(rows)), amount=format_rupiah(owed)
            )
        )
        if rows:
            self.list_stack.setCurrentWidget(self.table)
            return
        f = self.filters()
        if not (
            f.text
            or f.quality
            or f.officer_id
            or f.broken_promises_only
            or f.next_step_overdue_only
            or f.statuses
        ):
            text = self.tr(
                "Tidak ada pinjaman bermasalah yang sedang ditangani. Kasus terbuka "
                "sendiri saat pinjaman menunggak melewati batas; klik Buka Kasus untuk "
                "membuka kasus dengan tangan."
            )
        else:
            text = self.tr(
                "Tidak ada kasus yang cocok dengan pencarian dan saringan ini.\n\n"
                "Periksa ejaan nama atau nomornya, atau pilih Status Semua."
            )
        self.empty_label.setText(text)
        self.list_stack.setCurrentWidget(self.empty_label)

    # -- the selected case ----------------------------------------------------------------------
    def current_case_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()).case.id

    def select_case(self, case_id: int | None) -> bool:
        if case_id is None:
            return False
        row = self.model.row_of(case_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if self.current_case_id() == case_id:
            self.show_selected(case_id)
        else:
            self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        case_id = self.current_case_id()
        if case_id is None:
            self.detail.clear()
        else:
            self.show_selected(case_id)

    def show_selected(self, case_id: int) -> None:
        try:
            file = read_case(self.services, case_id, self.today())
        except AppError as exc:
            self.detail.clear()
            show_error(self, exc, self.tr("Kasus tidak bisa dibuka"))
            return
        self.detail.show_file(file)
        self.actions_.update_buttons()

    def reload(self) -> None:
        """After a change: read the list again and show the same case."""
        case_id = self.current_case_id()
        self.run_search()
        if case_id is not None and not self.select_case(case_id):
            self.show_selected(case_id)  # no longer in this filter: keep showing it
