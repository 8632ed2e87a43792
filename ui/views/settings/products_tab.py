"""Pengaturan → Produk Pinjaman: the products with their terms; add, change, (de)activate."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.loans.denda import denda_rule_text
from app.loans.models import PAYOFF_RULES, LoanProduct
from app.money import format_rate, format_rupiah
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.product_dialog import ProductDialog, order_text
from ui.export import install_export
from ui.models.base import SORT_ROLE
from ui.models.products_model import ProductColumn, ProductsModel
from ui.widgets import messages


class ProductsTab(QWidget):
    changed = Signal()

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.dialog: ProductDialog | None = None
        self.may_edit = can(user, Action.EDIT_SETTINGS)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Produk menentukan jasa, metode, denda dan urutan pembayaran pinjaman baru. "
                "Pinjaman yang sudah ada tetap memakai ketentuan saat diajukan. Produk tidak "
                "dihapus, hanya dinonaktifkan."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if not self.may_edit:
            note = QLabel(
                self.tr(
                    "Anda dapat melihat produk. Hanya Admin atau Pengurus yang boleh mengubahnya."
                )
            )
            note.setObjectName("products_read_only")
            note.setStyleSheet("color: #8a4b00;")
            layout.addWidget(note)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        top = QHBoxLayout()
        self.add_button = QPushButton(self.tr("+ Tambah Produk…"))
        self.add_button.clicked.connect(self.add_product)
        top.addWidget(self.add_button)
        top.addStretch()
        left.addLayout(top)
        self.model = ProductsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = install_export(QTableView(objectName="products_table"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ProductColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ProductColumn.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_product())
        left.addWidget(self.table, 1)
        columns.addLayout(left, 1)

        panel = QGroupBox(self.tr("Ketentuan produk"))
        panel.setFixedWidth(370)  # the list keeps the rest, so long names are not cut
        panel_layout = QVBoxLayout(panel)
        self.detail = QLabel(objectName="product_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        panel_layout.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Ubah…"))
        self.edit_button.clicked.connect(self.edit_product)
        self.active_button = QPushButton(self.tr("Nonaktifkan"))
        self.active_button.setObjectName("product_active")
        self.active_button.clicked.connect(self.toggle_active)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.active_button)
        buttons.addStretch()
        panel_layout.addLayout(buttons)
        columns.addWidget(panel)
        layout.addLayout(columns, 1)
        self.message = QLabel(objectName="products_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        if not self.may_edit:
            tip = self.tr("Hanya Admin atau Pengurus yang boleh mengubah produk pinjaman.")
            self.add_button.setEnabled(False)
            for button in (self.add_button, self.edit_button, self.active_button):
                button.setToolTip(tip)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self.reload()

    # -- the list ---------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        chosen = select_id if select_id is not None else self._selected_id()
        try:
            self.model.set_rows(self.services.loans.products.all(include_inactive=True))
        except AppError as exc:
            self.message.setText(exc.message)
        if chosen is not None:
            self.select_product(chosen)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_selected()

    def select_product(self, product_id: int) -> bool:
        row = self.model.row_of(product_id)
        if row < 0:
            return False
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True

    def selected_product(self) -> LoanProduct | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source: QModelIndex = self.proxy.mapToSource(rows[0])
        return self.model.product_at(source.row())

    def _selected_id(self) -> int | None:
        product = self.selected_product()
        return product.id if product else None

    def _show_selected(self) -> None:
        product = self.selected_product()
        self.edit_button.setEnabled(self.may_edit and product is not None)
        self.active_button.setEnabled(self.may_edit and product is not None)
        if product is None:
            self.detail.setText(
                self.tr("Pilih produk di daftar untuk melihat ketentuannya.")
                if self.model.rowCount()
                else self.tr(
                    "Belum ada produk pinjaman. Klik Tambah Produk untuk membuat yang pertama."
                )
            )
            return
        self.active_button.setText(
            self.tr("Nonaktifkan") if product.active else self.tr("Aktifkan Lagi")
        )
        self.detail.setText(self.describe(product))

    def describe(self, product: LoanProduct) -> str:
        """The product's terms in plain words (the detail panel)."""
        fee = self.tr("{rate} dari plafon").format(rate=format_rate(product.admin_fee_rate))
        if product.admin_fee_fixed:
            fee += self.tr(" + {amount}").format(amount=format_rupiah(product.admin_fee_fixed))
        mode = (
            self.tr("angsuran terlama dilunasi dulu")
            if product.alloc_mode == "per_installment"
            else self.tr("satu komponen untuk semua angsuran, baru berikutnya")
        )
        rows = [
            (self.tr("Metode"), product.method_label),
            (
                self.tr("Jasa"),
                self.tr("{month} per bulan = {year} per tahun").format(
                    month=format_rate(product.monthly_rate), year=format_rate(product.annual_rate)
                ),
            ),
            (
                self.tr("Jangka waktu"),
                self.tr("{low} sampai {high} bulan").format(
                    low=product.min_months, high=product.max_months
                ),
            ),
            (
                self.tr("Plafon"),
                self.tr("{low} sampai {high}").format(
                    low=format_rupiah(product.min_amount), high=format_rupiah(product.max_amount)
                ),
            ),
            (
                self.tr("Pembulatan"),
                self.tr("kelipatan {amount}, {direction}").format(
                    amount=format_rupiah(product.round_to),
                    direction=self.tr("ke atas") if product.round_up else self.tr("ke terdekat"),
                ),
            ),
            (self.tr("Biaya administrasi"), fee),
            (self.tr("Denda"), denda_rule_text(product.denda_rule)),
            (self.tr("Urutan pembayaran"), f"{order_text(product.alloc_order)}; {mode}"),
            (self.tr("Pelunasan dipercepat"), PAYOFF_RULES[product.payoff_rule]),
            (
                self.tr("Status"),
                self.tr("Aktif, bisa dipilih untuk pinjaman baru")
                if product.active
                else self.tr("Nonaktif, tidak ditawarkan lagi"),
            ),
        ]
        body = "".join(
            f"<tr><td style='padding:2px 8px 2px 0; color:#555;'>{escape(label)}</td>"
            f"<td style='padding:2px 0;'>{escape(value)}</td></tr>"
            for label, value in rows
        )
        return f"<b style='font-size:12pt;'>{escape(product.name)}</b><table>{body}</table>"

    # -- actions ----------------------------------------------------------------------------
    def add_product(self) -> None:
        if self.may_edit:
            self._open(ProductDialog(self.services, self.user, None, self))

    def edit_product(self) -> None:
        product = self.selected_product()
        if product is not None and self.may_edit:
            self._open(ProductDialog(self.services, self.user, product, self))

    def _open(self, dialog: ProductDialog) -> None:
        """Open without blocking; the list follows when the dialog saved."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

    def _saved(self, product: LoanProduct | None) -> None:
        if product is None:
            return
        self.reload(select_id=product.id)
        self.message.setText(
            self.tr("Produk \u201c{name}\u201d tersimpan.").format(name=product.name)
        )
        self.changed.emit()

    def toggle_active(self) -> None:
        product = self.selected_product()
        if product is None or not self.may_edit:
            return
        if product.active and not messages.confirm(
            self,
            self.tr("Nonaktifkan Produk"),
            self.tr(
                "Produk \u201c{name}\u201d tidak bisa dipilih lagi untuk pinjaman baru. "
                "Pinjaman yang sudah berjalan dengan produk ini tidak berubah. Produk bisa "
                "diaktifkan lagi kapan saja."
            ).format(name=product.name),
            yes=self.tr("Nonaktifkan"),
            no=self.tr("Batal"),
        ):
            return
        try:
            changed = self.services.loans.products.set_active(
                self.user, product.id, not product.active
            )
        except AppError as exc:
            self.message.setText(exc.message)
            return
        self.reload(select_id=changed.id)
        self.message.setText(
            self.tr("Produk \u201c{name}\u201d diaktifkan lagi.").format(name=changed.name)
            if changed.active
            else self.tr("Produk \u201c{name}\u201d dinonaktifkan.").format(name=changed.name)
        )
        self.changed.emit()
