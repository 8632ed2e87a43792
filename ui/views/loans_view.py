"""Pinjaman: the loans list with filters, the class legend, and the selected loan's panel."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
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
from app.errors import AppError
from app.loans.models import LoanFilter, LoanStatus
from app.loans.quality import class_label
from app.money import format_number, format_rupiah
from app.services import Services
from app.users.models import User
from ui.changes import watch
from ui.dialogs.simulation_dialog import SimulationDialog
from ui.errors import show_error
from ui.export import export_button, install_export
from ui.models.loans_model import SQL_ORDER, LoanColumn, LoansModel
from ui.views.loan_actions import LoanActions
from ui.views.loan_detail import LoanDetailPanel
from ui.widgets import messages
from ui.widgets.column_width import AMOUNT, fit_width
from ui.widgets.quality_badge import QualityDelegate, QualityLegend
from ui.widgets.remembered_splitter import RememberedSplitter

SEARCH_DELAY_MS = 250


@contextmanager
def wait_cursor() -> Iterator[None]:
    """An hourglass while a filter that reads every loan's arrears runs (about a second)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


_DESCENDING_ORDERS = ("outstanding", "days", "arrears")


_S = LoanStatus
STATUS_CHOICES: list[tuple[str, tuple[LoanStatus, ...]]] = [
    (QT_TRANSLATE_NOOP("LoansView", "Aktif"), (_S.AKTIF,)),
    (QT_TRANSLATE_NOOP("LoansView", "Menunggu keputusan"), (_S.DIAJUKAN,)),
    (QT_TRANSLATE_NOOP("LoansView", "Disetujui, belum cair"), (_S.DISETUJUI,)),
    (QT_TRANSLATE_NOOP("LoansView", "Lunas"), (_S.LUNAS, _S.LUNAS_KERINGANAN)),
    (QT_TRANSLATE_NOOP("LoansView", "Ditolak"), (_S.DITOLAK,)),
    (
        QT_TRANSLATE_NOOP("LoansView", "Direstrukturisasi / hapus buku"),
        (_S.DIRESTRUKTURISASI, _S.HAPUS_BUKU, _S.HAPUS_TAGIH),
    ),
    (QT_TRANSLATE_NOOP("LoansView", "Semua"), tuple(_S)),
]
"""The status filter's choices (label, statuses); the combo keeps the index as its data."""


class LoansView(QWidget):
    """Embedded by the main window, which calls `focus_search()` (Ctrl+F), `new_item()` (Ctrl+N)."""

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today: Callable[[], date] = date.today
        self.dialog: QDialog | None = None  # the dialog open now (for tests and focus)
        self.policy = services.loans.quality.policy()
        self.model = LoansModel(services.loans, self.today(), self)
        self.model.set_policy_name(self.policy.name)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self._build()
        self.loan_actions = LoanActions(self)
        self._loaded = False  # the list is read when first shown, then refreshed on each return
        kinds = (Kind.LOANS, Kind.MEMBERS, Kind.CASES, Kind.SETTINGS)
        watch(self, services, kinds, self._changed, on_show=False)

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Pinjaman"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(title)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("loan_search")
        self.search_edit.setPlaceholderText(self.tr("Cari no. pinjaman, nama atau no. anggota… "
                                                    "(Ctrl+F)"))  # fmt: skip
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(300)
        self.search_edit.textChanged.connect(lambda _: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.run_search)
        top.addWidget(self.search_edit, 1)
        self.simulate_button = QPushButton(self.tr("Simulasi Pinjaman"))
        self.simulate_button.clicked.connect(self.simulate)
        top.addWidget(self.simulate_button)
        self.new_button = QPushButton(self.tr("+ Pinjaman Baru"))
        self.new_button.setObjectName("new_loan_button")
        self.new_button.setToolTip(self.tr("Catat pengajuan pinjaman baru (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        layout.addLayout(self._build_filters())

        legend_row = QHBoxLayout()
        self.legend = QualityLegend()
        self.legend.set_policy(self.policy.name, self.policy.classes)
        legend_row.addWidget(self.legend, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("loan_count")
        legend_row.addWidget(self.count_label)
        layout.addLayout(legend_row)

        splitter = RememberedSplitter("loans/list_detail", Qt.Orientation.Vertical)
        self.splitter = splitter
        self.list_stack = QStackedWidget()
        self.table = self._build_table()
        top.addWidget(export_button(self.table, self))  # the legend row is full at 1366 px
        self.empty_label = QLabel()
        self.empty_label.setObjectName("loan_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color:#444; font-size: 11pt; padding: 20px;")
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)
        splitter.addWidget(self.list_stack)
        self.detail = LoanDetailPanel()
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.restore([230, 420])
        layout.addWidget(splitter, 1)

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Status:")))
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("loan_status_filter")
        for index, (label, _statuses) in enumerate(STATUS_CHOICES):
            self.status_combo.addItem(self.tr(label), index)
        row.addWidget(self.status_combo)
        row.addWidget(QLabel(self.tr("Produk:")))
        self.product_combo = QComboBox()
        self.product_combo.addItem(self.tr("Semua produk"), None)
        try:
            for product in self.services.loans.products.all(include_inactive=True):
                self.product_combo.addItem(product.name, product.id)
        except AppError:
            pass
        row.addWidget(self.product_combo)
        row.addWidget(QLabel(self.tr("Kolektibilitas:")))
        self.quality_combo = QComboBox()
        self.quality_combo.setObjectName("loan_quality_filter")
        self.quality_combo.addItem(self.tr("Semua"), None)
        for code in self.policy.classes:
            self.quality_combo.addItem(class_label(code), code)
        row.addWidget(self.quality_combo)
        self.overdue_check = QCheckBox(self.tr("Hanya yang terlambat"))
        self.overdue_check.setObjectName("loan_overdue_filter")
        row.addWidget(self.overdue_check)
        row.addStretch(1)
        for combo in (self.status_combo, self.product_combo, self.quality_combo):
            combo.currentIndexChanged.connect(lambda _: self.run_search())
        self.overdue_check.toggled.connect(lambda _: self.run_search())
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("loan_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (LoanColumn.NUMBER, fit_width(table, "1178/KSP-GR/PK/VIII/2026", bold=False)),
            (LoanColumn.MEMBER, 170),
            (LoanColumn.PLAFON, fit_width(table, AMOUNT, LoanColumn.PLAFON, bold=False)),
            (LoanColumn.OUTSTANDING, fit_width(table, AMOUNT, LoanColumn.OUTSTANDING)),
            (LoanColumn.ARREARS, fit_width(table, AMOUNT, LoanColumn.ARREARS)),
            (LoanColumn.DAYS, fit_width(table, "9.999", LoanColumn.DAYS)),
            (LoanColumn.QUALITY, 150),
        ):  # fmt: skip
            table.setColumnWidth(column, width)
        table.setItemDelegateForColumn(LoanColumn.QUALITY, QualityDelegate(table))
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(LoanColumn.NUMBER, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self.sort_by)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return install_export(table, self.tr("Daftar Pinjaman"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.run_search()
        else:
            self.reload()  # payments or loans made elsewhere (e.g. the member's panel)

    # -- what the main window calls ---------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def new_item(self, member_id: int | None = None) -> None:
        self.loan_actions.new_loan(member_id)

    # -- searching --------------------------------------------------------------------------------
    def filters(self) -> LoanFilter:
        return LoanFilter(
            text=self.search_edit.text().strip(),
            product_id=self.product_combo.currentData(),
            statuses=STATUS_CHOICES[int(self.status_combo.currentData())][1],
            quality=self.quality_combo.currentData(),
            overdue_only=self.overdue_check.isChecked(),
        )

    def set_status_filter(self, statuses: tuple[LoanStatus, ...]) -> None:
        for index, (_label, choice) in enumerate(STATUS_CHOICES):
            if set(choice) == set(statuses):
                self.status_combo.setCurrentIndex(index)
                return

    def run_search(self) -> None:
        self._search_timer.stop()
        self._loaded = True
        selected = self.current_loan_id()
        try:
            with wait_cursor():
                self.model.load(self.filters(), as_of=self.today())
        except AppError as exc:
            show_error(self, exc, self.tr("Daftar pinjaman tidak bisa dibuka"))
            return
        self._show_count()
        if not self.select_loan(selected) and self.model.rowCount() > 0:
            self.table.selectRow(0)
        elif self.model.rowCount() == 0:
            self.detail.clear()

    def sort_by(self, column: int) -> None:
        key = SQL_ORDER.get(LoanColumn(column))
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        if key is None:
            messages.inform(self, self.tr("Urutan"), self.tr(
                "Daftar bisa diurutkan menurut No. Pinjaman, Anggota, Sisa Pokok, Tunggakan, "
                "Hari Terlambat atau Kolektibilitas."))  # fmt: skip
        else:
            with wait_cursor():
                self.model.sort(column)
        current = next((c for c, k in SQL_ORDER.items() if k == self.model.order), None)
        descending = self.model.order in _DESCENDING_ORDERS
        header.setSortIndicator(
            current if current is not None else LoanColumn.NUMBER,
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)
        self._show_count()

    def _show_count(self) -> None:
        total = self.model.total
        f = self.model.filters
        text = self.tr("{n} pinjaman").format(n=format_number(total))
        outstanding = self._total_outstanding()
        if outstanding is not None and total:
            text += self.tr(" · sisa pokok {amount}").format(amount=format_rupiah(outstanding))
            self.count_label.setToolTip("")
        else:
            self.count_label.setToolTip(
                self.tr("Jumlah sisa pokok semua pinjaman ada di Laporan › Portofolio Pinjaman.")
            )
        self.count_label.setText(text)
        if total:
            self.list_stack.setCurrentWidget(self.table)
            return
        filtered = f.text or f.product_id or f.quality or f.overdue_only
        if not filtered and LoanStatus.AKTIF in f.statuses and self._no_loans_at_all():
            message = self.tr("Belum ada pinjaman. Klik Pinjaman Baru untuk mencatat yang "
                              "pertama.")  # fmt: skip
        else:
            message = self.tr(
                "Tidak ada pinjaman yang cocok dengan pencarian dan saringan ini.\n\nPeriksa "
                "ejaan nama atau nomornya, atau pilih Status Semua dan Kolektibilitas Semua."
            )
        self.empty_label.setText(message)
        self.list_stack.setCurrentWidget(self.empty_label)

    def _no_loans_at_all(self) -> bool:
        everything = LoanFilter(statuses=tuple(LoanStatus))
        return self.services.loans.count_rows(self.today(), everything) == 0

    def _total_outstanding(self) -> int | None:
        """The sisa pokok of the whole list when every matching row is loaded (summing a
        page is free; summing 20,000 loans' arrears is a report, see Laporan › Portofolio)."""
        if self.model.rowCount() < self.model.total:
            return None
        return sum(self.model.row_at(r).outstanding for r in range(self.model.rowCount()))

    # -- the selected loan ------------------------------------------------------------------------
    def current_loan_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).loan_id if rows else None

    def select_loan(self, loan_id: int | None) -> bool:
        if loan_id is None:
            return False
        row = self.model.row_of(loan_id)
        if row is None:
            return False
        if self.current_loan_id() == loan_id:
            self.show_loan(loan_id)
        else:
            self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        loan_id = self.current_loan_id()
        if loan_id is None:
            self.detail.clear()
            self.loan_actions.update_buttons()
        else:
            self.show_loan(loan_id)

    def show_loan(self, loan_id: int) -> None:
        try:
            detail = self.services.loans.detail(loan_id, self.today())
        except AppError as exc:
            self.detail.clear()
            show_error(self, exc, self.tr("Pinjaman tidak bisa dibuka"))
            return
        self.detail.show_loan(detail, self.policy.name)
        self.loan_actions.update_buttons()

    def reload(self, loan_id: int | None = None) -> None:
        """After a change: reload the list and show `loan_id` (or the selected loan) again."""
        loan_id = loan_id if loan_id is not None else self.current_loan_id()
        self.model.refresh()
        self._show_count()
        if not self.select_loan(loan_id):
            if loan_id is not None:
                self.show_loan(loan_id)  # no longer in this filter: keep showing it
            else:
                self.detail.clear()

    def _changed(self) -> None:
        if self._loaded:
            self.reload()

    def simulate(self) -> None:
        dialog = SimulationDialog(self.services, self.today(), self, user=self.user)
        self.loan_actions.open(dialog, lambda _: None)
