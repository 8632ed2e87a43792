"""The main window: a sidebar of sections, the section's view, and a status bar.

It only composes views and routes between them; each view does its own work."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.backups import BackupInfo
from app.errors import AppError
from app.services import Services
from app.users.models import User
from ui.errors import show_error
from ui.models.backups_model import format_timestamp
from ui.views.home_view import HomeView

if TYPE_CHECKING:  # every section but Beranda is imported and built when first opened
    from ui.views.books_view import BooksView
    from ui.views.cases_view import CasesView
    from ui.views.loans_view import LoansView
    from ui.views.members_view import MembersView
    from ui.views.settings.settings_view import SettingsView

HOME, MEMBERS, LOANS, CASES, DOCUMENTS, REPORTS, BOOKS, SETTINGS = range(8)


class MainWindow(QMainWindow):
    closed = Signal()  # the window is gone (and, unless logging out, the file is closed)
    file_closed = Signal()  # the file was closed on request; show the start screen
    logout_requested = Signal()  # log out: the file stays open for the next user

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self._to_start = False
        self._logging_out = False
        self._shut_down = False
        self._views: list[QWidget | None] = []

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._build_sidebar())
        self.stack = QStackedWidget()
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._build_views()
        self._build_menus()
        self.sidebar.currentRowChanged.connect(self._select)
        self.sidebar.setCurrentRow(HOME)
        self.resize(1366, 768)
        self.refresh_title()

    # -- building -----------------------------------------------------------------------------
    def section_names(self) -> list[str]:
        return [
            self.tr("Beranda"),
            self.tr("Anggota"),
            self.tr("Pinjaman"),
            self.tr("Penanganan Pinjaman Bermasalah"),
            self.tr("Surat & Dokumen"),
            self.tr("Laporan"),
            self.tr("Pembukuan"),
            self.tr("Pengaturan"),
        ]

    def _build_sidebar(self) -> QWidget:
        panel = QWidget(objectName="sidebar_panel")
        panel.setFixedWidth(230)
        panel.setStyleSheet("#sidebar_panel { background: #eef2f6; }")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 12, 8, 8)
        self.coop_label = QLabel(objectName="sidebar_coop")
        self.coop_label.setWordWrap(True)
        font = self.coop_label.font()
        font.setPointSize(13)
        font.setBold(True)
        self.coop_label.setFont(font)
        layout.addWidget(self.coop_label)
        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.setStyleSheet(
            "QListWidget { border: none; background: transparent; }"
            "QListWidget::item { padding: 8px 6px; }"
            "QListWidget::item:selected { background: #2f6690; color: white; border-radius: 4px; }"
        )
        self.sidebar.setWordWrap(True)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = self.sidebar.font()
        font.setPointSize(max(font.pointSize(), 11))
        self.sidebar.setFont(font)
        for number, name in enumerate(self.section_names(), start=1):
            item = QListWidgetItem(name)
            item.setToolTip(self.tr("{name} (Ctrl+{n})").format(name=name, n=number))
            item.setSizeHint(QSize(200, 44 if len(name) < 20 else 64))
            self.sidebar.addItem(item)
        layout.addWidget(self.sidebar, 1)
        return panel

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.file_status = QLabel(objectName="status_file")
        self.user_status = QLabel(objectName="status_user")
        self.backup_status = QLabel(objectName="status_backup")
        for label in (self.file_status, self.user_status, self.backup_status):
            bar.addPermanentWidget(label)
        bar.setStyleSheet("QStatusBar::item { border: none; } QLabel { padding: 0 12px; }")
        self.refresh_status()

    def _build_views(self) -> None:
        """Only Beranda now, filling its numbers after the window is on screen; every other
        section is built the first time it is opened (see view())."""
        names = self.section_names()
        home = HomeView(self.services, self.user, staged=True)
        self._views = [home] + [None] * (len(names) - 1)
        self.stack.addWidget(home)
        for _ in names[1:]:
            self.stack.addWidget(QWidget())  # stands in for the section until it is opened
        home.new_member_requested.connect(self.new_member)
        home.task_opened.connect(self.open_task)
        home.backup_requested.connect(lambda: self.settings_view.backup_tab.backup_now())

    def view(self, index: int) -> QWidget:
        """The section's view, built (and put in the stack) the first time it is asked for."""
        built = self._views[index]
        if built is None:
            built = self._make_view(index)
            self._views[index] = built
            stand_in = self.stack.widget(index)
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, built)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            if current >= 0:
                self.stack.setCurrentIndex(current)
        return built

    def _make_view(self, index: int) -> QWidget:
        services, user = self.services, self.user
        if index == MEMBERS:
            from ui.views.members_view import MembersView

            return MembersView(services, user)
        if index == LOANS:
            from ui.views.loans_view import LoansView

            return LoansView(services, user)
        if index == CASES:
            from ui.views.cases_view import CasesView

            return CasesView(services, user)
        if index == DOCUMENTS:
            from ui.views.documents_view import DocumentsView

            return DocumentsView(services, user)
        if index == REPORTS:
            from ui.views.collection_reports_view import CollectionReportsView
            from ui.views.portfolio_view import PortfolioView

            return CollectionReportsView(services, user, portfolio=PortfolioView(services, user))
        if index == BOOKS:
            from ui.views.books_view import BooksView

            books = BooksView(services, user)
            books.member_requested.connect(self.open_member)
            books.loan_requested.connect(self.open_loan)
            books.case_requested.connect(self.open_case_of_loan)
            return books
        assert index == SETTINGS, index
        from ui.views.settings.settings_view import SettingsView

        settings = SettingsView(services, user)
        settings.backup_made.connect(self._backup_made)
        settings.profile_saved.connect(self.refresh_title)
        settings.profile_saved.connect(lambda: self._home().refresh())
        settings.data_replaced.connect(self.reload, Qt.ConnectionType.QueuedConnection)
        return settings

    def _home(self) -> HomeView:
        home = self._views[HOME]
        assert isinstance(home, HomeView)
        return home

    def built_sections(self) -> list[int]:
        """The sections built so far (Beranda from the start, the others once opened)."""
        return [i for i, view in enumerate(self._views) if view is not None]

    @property
    def views(self) -> list[QWidget]:
        """Every section's view, in sidebar order (building those not built yet)."""
        return [self.view(i) for i in range(len(self._views))]

    @property
    def home_view(self) -> HomeView:
        """Beranda with all its numbers (what is still to be read is read now)."""
        home = self._home()
        home.finish_loading()
        return home

    @property
    def members_view(self) -> MembersView:
        return self.view(MEMBERS)  # type: ignore[return-value]

    @property
    def loans_view(self) -> LoansView:
        return self.view(LOANS)  # type: ignore[return-value]

    @property
    def cases_view(self) -> CasesView:
        return self.view(CASES)  # type: ignore[return-value]

    @property
    def books_view(self) -> BooksView:
        return self.view(BOOKS)  # type: ignore[return-value]

    @property
    def settings_view(self) -> SettingsView:
        return self.view(SETTINGS)  # type: ignore[return-value]

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Berkas"))
        self._action(
            file_menu,
            self.tr("Simpan Cadangan…"),
            None,
            lambda: self.settings_view.backup_tab.backup_now(),
        )
        self._action(file_menu, self.tr("Impor Data…"), None, self.open_import)
        self._action(file_menu, self.tr("Potong Gaji…"), None, self.open_payroll)
        file_menu.addSeparator()
        self._action(
            file_menu, self.tr("Keluar Pengguna (ganti pengguna)"), None, self.logout_requested.emit
        )
        self._action(file_menu, self.tr("Tutup File Ini"), None, self.close_to_start)
        self._action(file_menu, self.tr("Keluar dari Mufakat"), QKeySequence("Ctrl+Q"), self.close)
        go_menu = self.menuBar().addMenu(self.tr("B&agian"))
        for number, name in enumerate(self.section_names(), start=1):
            self._action(
                go_menu,
                name,
                QKeySequence(f"Ctrl+{number}"),
                lambda _=False, i=number - 1: self.show_section(i),
            )
        go_menu.addSeparator()
        self._action(
            go_menu, self.tr("Cari di bagian ini"), QKeySequence("Ctrl+F"), self.focus_search
        )
        self._action(
            go_menu, self.tr("Tambah baru di bagian ini"), QKeySequence("Ctrl+N"), self.new_item
        )

    def _action(
        self, menu: object, text: str, shortcut: QKeySequence | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)  # type: ignore[attr-defined]
        self.addAction(action)  # the shortcut works whichever widget has the focus
        return action

    def open_import(self) -> None:
        from ui.dialogs.import_dialog import ImportDialog

        ImportDialog(self.services, self.user, self).exec()

    def open_payroll(self) -> None:
        from ui.dialogs.payroll_dialog import PayrollDialog

        PayrollDialog(self.services, self.user, self).exec()

    # -- navigation ---------------------------------------------------------------------------
    def _select(self, index: int) -> None:
        if index >= 0:
            self.view(index)
            self.stack.setCurrentIndex(index)

    def show_section(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    def current_view(self) -> QWidget:
        return self.stack.currentWidget()

    def focus_search(self) -> None:
        method = getattr(self.current_view(), "focus_search", None)
        if callable(method):
            method()

    def new_item(self) -> None:
        method = getattr(self.current_view(), "new_item", None)
        if callable(method):
            method()

    def open_task(self, item: object) -> None:
        """A line of the Beranda's work queue: its case in Penanganan Pinjaman Bermasalah."""
        self.show_section(CASES)
        self.cases_view.open_task(item)  # type: ignore[arg-type]

    def open_member(self, member_id: int) -> None:
        self.show_section(MEMBERS)
        self.members_view.show_member(member_id)

    def open_loan(self, loan_id: int) -> None:
        self.show_section(LOANS)
        self.loans_view.select_loan(loan_id)

    def open_case_of_loan(self, loan_id: int) -> None:
        """A journal line decided in a case: the loan's open case, if it has one."""
        self.show_section(CASES)
        case = self.services.collection.cases.open_case_of_loan(loan_id)
        if case is not None:
            self.cases_view.show_case(case.id)

    def new_member(self) -> None:
        self.show_section(MEMBERS)
        self.new_item()

    # -- what is shown ------------------------------------------------------------------------
    def refresh_title(self) -> None:
        name = self.services.settings.profile().name or self.services.short_name
        title = self.tr("Mufakat — {name}").format(name=name)
        if self.services.is_demo:
            title += " " + self.tr("(CONTOH)")
        self.setWindowTitle(title)
        self.coop_label.setText(name)

    def refresh_status(self) -> None:
        self.user_status.setText(self.tr("Pengguna: {user}").format(user=self.user.display))
        url = self.services.server_url
        if url is not None:  # the office server's backups are made on the server PC
            self.file_status.setText(self.tr("Server kantor: {db}").format(db=url.dbname))
            self.file_status.setToolTip(url.shown())
            self.backup_status.setText(self.tr("Cadangan: di PC server"))
            return
        path = self.services.path
        self.file_status.setText(path.name)
        self.file_status.setToolTip(str(path))
        info = self.services.backups.last()
        when = format_timestamp(info.at) if info else self.tr("belum pernah")
        self.backup_status.setText(self.tr("Cadangan terakhir: {when}").format(when=when))
        if info:
            self.backup_status.setToolTip(str(info.path))

    def _backup_made(self, _info: BackupInfo) -> None:
        self.refresh_status()

    def reload(self) -> None:
        """After a restore replaced the data: the session ends and everyone logs in again,
        against the users of the restored data."""
        QMessageBox.information(
            self,
            self.tr("Masuk lagi"),
            self.tr(
                "Data sudah dipulihkan dari cadangan. Sesi ini diakhiri: silakan masuk lagi "
                "dengan akun yang ada di data yang dipulihkan."
            ),
        )
        self.logout_requested.emit()

    # -- closing ------------------------------------------------------------------------------
    def close_to_start(self) -> None:
        self._to_start = True
        if not self.close():
            self._to_start = False

    def close_for_logout(self) -> None:
        """Close this window but keep the file open (someone else logs in next)."""
        self._logging_out = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            if not self._logging_out and not self._shut_down:
                self.shut_down()
        finally:  # even after a bug in between, the window goes and the file is closed
            event.accept()
            self.closed.emit()
            if self._to_start:
                self.file_closed.emit()

    def shut_down(self) -> None:
        """Automatic backup (if set), then close the database; a failed backup is reported
        but never keeps the program open, and the file is closed (lock released) whatever
        happens in between."""
        self._shut_down = True
        try:
            if self.services.settings.get("backup.auto_on_close") and not self.services.on_server:
                from ui.views.settings.backup_actions import auto_backup

                auto_backup(self, self.services, self.user)
        except AppError as exc:
            show_error(
                self,
                exc,
                self.tr("Cadangan otomatis gagal"),
                template=self.tr(
                    "Cadangan otomatis tidak bisa disimpan: {reason}\n\nData Anda tetap "
                    "tersimpan di file database. Buat cadangan manual saat program dibuka "
                    "lagi."
                ),
            )
        finally:
            self.services.close()
