"""Pengaturan → Akun: the chart of accounts as a tree; add a sub-account, rename, deactivate
(an account is never deleted; group headers are never posted to), and how simpanan pokok and
wajib are presented in the statements (books.simpanan_as)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.ledger.models import Account
from app.services import Services
from app.settings.profile import CHOICES
from app.users.models import User
from app.users.permissions import Action, can

TYPES = {
    "aset": "Aset",
    "kewajiban": "Kewajiban",
    "ekuitas": "Ekuitas",
    "pendapatan": "Pendapatan",
    "beban": "Beban",
}


class AccountsTab(QWidget):
    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.accounts = services.ledger.accounts
        editable = can(user, Action.EDIT_SETTINGS)
        self.tree = QTreeWidget(objectName="accounts_tree")
        self.tree.setHeaderLabels([self.tr("Kode"), self.tr("Nama Akun"), self.tr("Keterangan")])
        self.tree.setColumnWidth(0, 170)
        self.tree.setColumnWidth(1, 330)
        self.tree.currentItemChanged.connect(lambda *_: self._selected())

        side = QWidget()
        form_box = QGroupBox(self.tr("Akun terpilih"))
        form = QFormLayout(form_box)
        self.info = QLabel(objectName="account_info")
        self.info.setWordWrap(True)
        self.name = QLineEdit(objectName="account_name")
        self.rename_button = QPushButton(self.tr("Ganti Nama"), objectName="rename")
        self.active_button = QPushButton(self.tr("Nonaktifkan"), objectName="toggle_active")
        form.addRow(self.info)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.rename_button)
        form.addRow(self.tr("Nama"), row)
        form.addRow(self.active_button)
        sub_box = QGroupBox(self.tr("Sub-akun baru di bawah akun ini"))
        sub = QFormLayout(sub_box)
        self.suffix = QLineEdit(objectName="sub_suffix")
        self.suffix.setPlaceholderText(self.tr("01"))
        self.suffix.setMaxLength(3)
        self.sub_name = QLineEdit(objectName="sub_name")
        self.sub_name.setPlaceholderText(self.tr("mis. Bank BRI Cabang Mojokerto"))
        self.add_button = QPushButton(self.tr("Tambah Sub-akun"), objectName="add_sub")
        sub.addRow(self.tr("Nomor"), self.suffix)
        sub.addRow(self.tr("Nama"), self.sub_name)
        sub.addRow(self.add_button)
        shares_box = QGroupBox(self.tr("Penyajian simpanan pokok dan wajib"))
        shares = QVBoxLayout(shares_box)
        self.shares = QComboBox(objectName="simpanan_as")
        for value, label in CHOICES["books.simpanan_as"].items():
            self.shares.addItem(label, value)
        self.shares_button = QPushButton(self.tr("Simpan Pilihan"), objectName="save_shares")
        shares.addWidget(
            QLabel(
                self.tr(
                    "Di laporan posisi keuangan, simpanan pokok dan wajib disajikan sebagai "
                    "ekuitas atau liabilitas. Pilihan ini dicetak pada laporan."
                ),
                wordWrap=True,
            )
        )
        shares.addWidget(self.shares)
        shares.addWidget(self.shares_button)
        self.message = QLabel(objectName="accounts_message")
        self.message.setWordWrap(True)
        side_layout = QVBoxLayout(side)
        for widget in (form_box, sub_box, shares_box, self.message):
            side_layout.addWidget(widget)
        side_layout.addStretch(1)

        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.rename_button.clicked.connect(self.rename)
        self.active_button.clicked.connect(self.toggle_active)
        self.add_button.clicked.connect(self.add_sub)
        self.shares_button.clicked.connect(self.save_shares)
        for widget in (self.rename_button, self.active_button, self.add_button, self.shares_button):
            widget.setEnabled(editable)
        self.editable = editable
        self.reload()

    # -- reading -------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        select = select or self.current_code()
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for account in self.accounts.chart():
            parent = items.get(account.parent or "") if account.parent else None
            item = QTreeWidgetItem([account.code, account.name, self._note(account)])
            item.setData(0, Qt.ItemDataRole.UserRole, account.code)
            if account.is_group:
                font = item.font(0)
                font.setBold(True)
                for column in range(3):
                    item.setFont(column, font)
            if not account.active:
                for column in range(3):
                    item.setForeground(column, Qt.GlobalColor.gray)
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[account.code] = item
        self.tree.expandAll()
        if select and select in items:
            self.tree.setCurrentItem(items[select])
        index = self.shares.findData(self.services.settings.get("books.simpanan_as"))
        self.shares.setCurrentIndex(max(index, 0))
        self._selected()

    def _note(self, account: Account) -> str:
        side = self.tr("debet") if account.normal == "D" else self.tr("kredit")
        parts = [TYPES.get(account.type, account.type), side]
        if account.is_group:
            parts.append(self.tr("induk, tidak bisa dijurnal"))
        if not account.active:
            parts.append(self.tr("tidak aktif"))
        return " · ".join(parts)

    def current_code(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else str(item.data(0, Qt.ItemDataRole.UserRole))

    def select(self, code: str) -> None:
        found = self.tree.findItems(code, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if found:
            self.tree.setCurrentItem(found[0])

    def _selected(self) -> None:
        code = self.current_code()
        account = None if code is None else self.accounts.get(code)
        for widget in (self.rename_button, self.active_button, self.add_button):
            widget.setEnabled(self.editable and account is not None)
        if account is None:
            self.info.setText(self.tr("Pilih akun di daftar."))
            self.name.clear()
            return
        self.info.setText(f"{account.code} · {self._note(account)}")
        self.name.setText(account.name)
        self.active_button.setText(
            self.tr("Nonaktifkan") if account.active else self.tr("Aktifkan lagi")
        )

    # -- changing ------------------------------------------------------------------------------
    def _do(self, work: object, done: str, select: str | None = None) -> None:
        try:
            assert callable(work)
            work()
        except AppError as exc:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(exc.message)
            return
        self.message.setStyleSheet("")
        self.message.setText(done)
        self.reload(select)

    def rename(self) -> None:
        code = self.current_code()
        if code is None:
            return
        self._do(
            lambda: self.accounts.rename(self.user, code, self.name.text()),
            self.tr("Nama akun {code} disimpan.").format(code=code),
        )

    def toggle_active(self) -> None:
        code = self.current_code()
        if code is None:
            return
        active = self.accounts.get(code).active
        self._do(
            lambda: self.accounts.set_active(self.user, code, not active),
            (
                self.tr("Akun {code} dinonaktifkan: tidak bisa dipakai untuk jurnal baru; "
                        "riwayatnya tetap ada.")
                if active
                else self.tr("Akun {code} aktif lagi.")
            ).format(code=code),
        )  # fmt: skip

    def add_sub(self) -> None:
        code = self.current_code()
        if code is None:
            return
        suffix = self.suffix.text().strip()

        def work() -> None:
            self.accounts.add_sub_account(self.user, code, suffix, self.sub_name.text())
            self.suffix.clear()
            self.sub_name.clear()

        self._do(work, self.tr("Sub-akun {code}.{s} ditambahkan.").format(code=code, s=suffix),
                 f"{code}.{suffix}")  # fmt: skip

    def save_shares(self) -> None:
        value = self.shares.currentData()
        self._do(
            lambda: self.services.settings.set(self.user, "books.simpanan_as", value),
            self.tr("Pilihan penyajian simpanan disimpan."),
        )
