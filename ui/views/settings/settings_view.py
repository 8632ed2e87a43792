"""Pengaturan: one tab per subject; each tab is its own widget."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from app.backups import BackupInfo
from app.services import Services
from app.users.models import User
from ui.views.settings.accounts_tab import AccountsTab
from ui.views.settings.backup_tab import BackupTab
from ui.views.settings.general_tab import GeneralTab
from ui.views.settings.passbook_tab import PassbookTab
from ui.views.settings.password_tab import PasswordTab
from ui.views.settings.policy_tab import PolicyTab
from ui.views.settings.products_tab import ProductsTab
from ui.views.settings.profile_tab import ProfileTab
from ui.views.settings.shu_tab import ShuTab
from ui.views.settings.templates_tab import TemplatesTab
from ui.views.settings.users_tab import UsersTab


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: a tab taller than a 1366×768 screen scrolls
    down instead of making the main window taller than the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class SettingsView(QWidget):
    profile_saved = Signal()
    backup_made = Signal(BackupInfo)
    data_replaced = Signal()

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Pengaturan"), objectName="view_title")
        font = title.font()
        font.setPointSize(16)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.profile_tab = ProfileTab(services, user)
        self.users_tab = UsersTab(services, user)
        self.password_tab = PasswordTab(services, user)
        self.backup_tab = BackupTab(services, user)
        self.general_tab = GeneralTab(services, user)
        self.tabs.addTab(self.profile_tab, self.tr("Profil Koperasi"))
        self.tabs.addTab(self.users_tab, self.tr("Pengguna"))
        self.tabs.addTab(self.password_tab, self.tr("Kata Sandi Saya"))
        self.tabs.addTab(self.backup_tab, self.tr("Cadangan"))
        self.tabs.addTab(self.general_tab, self.tr("Umum"))
        self.templates_tab = TemplatesTab(services, user)
        self.tabs.addTab(self.templates_tab, self.tr("Kalimat Surat"))
        self.policy_tab = PolicyTab(services, user)
        self.tabs.addTab(self.policy_tab, self.tr("Kebijakan"))
        self.products_tab = ProductsTab(services, user)
        self.tabs.addTab(self.products_tab, self.tr("Produk Pinjaman"))
        self.passbook_tab = PassbookTab(services, user)
        self.tabs.addTab(scrolling(self.passbook_tab), self.tr("Buku Simpanan"))
        self.accounts_tab = AccountsTab(services, user)
        self.tabs.addTab(self.accounts_tab, self.tr("Akun"))
        self.shu_tab = ShuTab(services, user)
        self.tabs.addTab(self.shu_tab, self.tr("SHU"))
        layout.addWidget(self.tabs)
        self.profile_tab.saved.connect(lambda _profile: self.profile_saved.emit())
        self.backup_tab.backup_made.connect(self.backup_made)
        self.backup_tab.data_replaced.connect(self.data_replaced)
        self.general_tab.saved.connect(self.backup_tab.reload)

    def show_tab(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is widget or (isinstance(page, QScrollArea) and page.widget() is widget):
                self.tabs.setCurrentIndex(index)
