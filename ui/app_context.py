"""The way through the program: start screen → open a file → log in → main window.

One AppController per running program, created by ui.main.run(); it owns the open Services
and hands them to the windows it creates (no globals)."""

from __future__ import annotations

import contextlib
import getpass
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.backups import RestorePlan
from app.config import last_database, remember_database
from app.errors import AppError, StorageError
from app.files import (
    LONG_CHECK_BYTES,
    DamagedFile,
    OlderThanLastSeen,
    database_files,
    long_check_ahead,
    plan_restore,
    restore_file,
)
from app.money import format_number
from app.paths import backup_dir_for, demo_db_path
from app.server_url import is_server_url
from app.users.models import User
from ui.dialogs.progress_task import Progress, TaskCancelled, run_with_progress
from ui.errors import show_error
from ui.login_dialog import DemoUser, LoginDialog
from ui.start.start_screen import StartScreen

if TYPE_CHECKING:  # each imported where it is first needed: the first window comes sooner
    from app.services import Services
    from ui.dialogs.change_password_dialog import ChangePasswordDialog
    from ui.dialogs.restore_dialog import RestoreDialog
    from ui.main_window import MainWindow
    from ui.start.new_coop_wizard import NewCoopWizard

DemoGenerator = Callable[..., object]
DEMO_MEMBERS = 2000
DEMO_SEED = 1


def _default_demo_generator() -> DemoGenerator:
    from app.demo.generate import generate_demo  # loaded only when the demo is made

    return generate_demo


def _default_demo_users() -> Sequence[DemoUser]:
    from app.demo.users import DEMO_USERS

    return DEMO_USERS


class AppController(QObject):
    """Holds whichever screen is showing; tests drive it through these attributes."""

    def __init__(
        self,
        demo_generator: Callable[[], DemoGenerator] = _default_demo_generator,
        demo_users: Callable[[], Sequence[DemoUser]] = _default_demo_users,
    ) -> None:
        super().__init__()
        self._demo_generator = demo_generator
        self._demo_users = demo_users
        self.services: Services | None = None
        self.start_screen: StartScreen | None = None
        self.wizard: NewCoopWizard | None = None
        self.login_dialog: LoginDialog | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.window: MainWindow | None = None
        self.restore_dialog: RestoreDialog | None = None
        # From this size a file left open by a power cut is checked behind a progress window.
        self.long_check_bytes = LONG_CHECK_BYTES

    # -- entry --------------------------------------------------------------------------------
    def start(self, db: Path | str | None = None, demo: bool = False) -> None:
        if demo:
            self.open_demo()
        elif isinstance(db, str) and is_server_url(db):
            self.open_server(db)
        elif db is not None:
            self.open_path(Path(db))
        else:
            last = last_database()
            if last is not None:
                self.open_path(last)
            else:
                self.show_start()

    def show_start(self, message: str = "", restorable: Path | None = None) -> StartScreen:
        if self.start_screen is None:
            screen = StartScreen()
            screen.new_requested.connect(self.new_cooperative)
            screen.demo_requested.connect(self.open_demo)
            screen.file_chosen.connect(self.open_path)
            screen.server_chosen.connect(self.open_server)
            screen.restore_requested.connect(self.restore_into)
            self.start_screen = screen
        self.start_screen.show_message(message, restorable)
        self.start_screen.show()
        return self.start_screen

    def _parent(self) -> QWidget | None:
        if self.start_screen is not None and self.start_screen.isVisible():
            return self.start_screen
        return None

    # -- opening ------------------------------------------------------------------------------
    def open_server(self, url: str) -> bool:
        """Open the cooperative on the office server at `url` and ask for a log-in against its
        users (issue 15); a server that does not answer, or a database that is no cooperative
        of this version, is said plainly on the start screen (nothing was written)."""
        from app.services import Services

        if self.start_screen is not None:
            self.start_screen.clear_message()
        try:
            services = run_with_progress(
                self._parent(),
                self.tr("Menghubungkan ke server kantor"),
                self.tr("Membuka koperasi di server kantor…"),
                lambda _progress: Services.open_server(url),
            )
        except AppError as exc:
            self.show_start(exc.message)
            return False
        self._opened(services)
        return True

    def open_path(self, path: Path, accept_older: bool = False) -> bool:
        """Open `path` and ask for a log-in; on a StorageError say why on the start screen
        (offering a restore for a damaged file); an older copy is named and the user decides."""
        if self.start_screen is not None:
            self.start_screen.clear_message()
        try:
            services = self._open_services(Path(path), accept_older)
        except OlderThanLastSeen as exc:
            answer = QMessageBox.question(
                self._parent(),
                self.tr("File lebih lama"),
                exc.message + "\n\n" + self.tr("Tetap buka file ini?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                return self.open_path(path, accept_older=True)
            self.show_start(exc.message)
            return False
        except DamagedFile as exc:
            self.show_start(exc.message, restorable=Path(path))
            return False
        except StorageError as exc:
            self.show_start(exc.message)
            return False
        if services.history_pending() and not self._post_history(services):
            return False
        self._opened(services)
        return True

    def _open_services(self, path: Path, accept_older: bool) -> Services:
        """Services.open; after a power cut (the whole of a large file is checked first) in a
        worker thread behind a progress window saying so, so the screen never looks hung."""
        from app.services import Services

        if not long_check_ahead(path, self.long_check_bytes):
            return Services.open(path, accept_older=accept_older, history=False)
        return run_with_progress(
            self._parent(),
            self.tr("Membuka {name}").format(name=path.name),
            self.tr("Memeriksa keutuhan data setelah komputer mati mendadak…"),
            lambda _progress: Services.open(path, accept_older=accept_older, history=False),
        )

    def _post_history(self, services: Services) -> bool:
        """The first open of a file from before the books: its stored history is posted once,
        behind a progress dialog that can be cancelled (then nothing of it stays and the file
        is closed; it is posted on the next open)."""
        done_text = self.tr("Membukukan riwayat transaksi: {done} dari {total} catatan…")

        def work(progress: Progress) -> int:
            def tick(done: int, total: int) -> None:
                progress.report(
                    done_text.format(done=format_number(done), total=format_number(total))
                )

            return services.post_history(tick)

        try:
            run_with_progress(
                self._parent(),
                self.tr("Membuka file"),
                self.tr("Membukukan riwayat transaksi file ini (sekali saja)…"),
                work,
                cancellable=True,
            )
        except TaskCancelled:
            services.close()
            self.show_start(
                self.tr(
                    "Pembukuan riwayat dibatalkan: tidak ada yang dibukukan. Riwayat dibukukan "
                    "saat file dibuka lagi."
                )
            )
            return False
        except AppError as exc:
            services.close()
            self.show_start(exc.message)
            return False
        return True

    def restore_into(self, path: Path) -> None:
        """ "Pulihkan dari cadangan…" for a file that will not open: pick a backup, see what it
        is, type the word, then the damaged file is kept aside and the backup takes its place."""
        chosen, _ = QFileDialog.getOpenFileName(
            self._parent(),
            self.tr("Pilih file cadangan"),
            str(backup_dir_for(path)),
            self.tr("Cadangan Mufakat (*.db);;Semua file (*)"),
        )
        if not chosen:
            return
        now = datetime.now()
        try:
            plan = plan_restore(path, Path(chosen), now)
        except AppError as exc:
            show_error(self._parent(), exc, self.tr("Cadangan tidak bisa dipakai"))
            return
        from ui.dialogs.restore_dialog import RestoreDialog

        dialog = RestoreDialog(path, plan, self._parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._restore_accepted(path, plan, now))
        dialog.finished.connect(lambda _result: setattr(self, "restore_dialog", None))
        self.restore_dialog = dialog
        dialog.open()

    def _restore_accepted(self, path: Path, plan: RestorePlan, now: datetime) -> None:
        actor = self.tr("dari layar awal, sebelum masuk (pengguna komputer: {user})").format(
            user=getpass.getuser()
        )
        try:
            aside = run_with_progress(
                self._parent(),
                self.tr("Pulihkan"),
                self.tr("Memeriksa cadangan dan memulihkan data…"),
                lambda _progress: restore_file(path, plan, actor, now),
            )
        except AppError as exc:
            self.show_start(exc.message, restorable=path)
            return
        QMessageBox.information(
            self._parent(),
            self.tr("Data dipulihkan"),
            self.tr(
                "Data sudah dipulihkan dari {backup}.\n\nFile yang rusak disimpan apa adanya di:"
                "\n{aside}"
            ).format(backup=plan.backup_file, aside=aside),
        )
        self.open_path(path, accept_older=True)

    def _opened(self, services: Services) -> None:
        self.services = services
        with contextlib.suppress(OSError):  # preferences that cannot be written are not fatal
            if not services.on_server:  # the server's address is kept by its own dialog
                remember_database(services.path)
        for warning in services.warnings:
            QMessageBox.warning(self._parent(), self.tr("Perhatian: lokasi file"), warning)
        self.ask_login()

    def new_cooperative(self) -> None:
        from ui.start.new_coop_wizard import NewCoopWizard

        wizard = NewCoopWizard(self._parent())
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.accepted.connect(lambda: self._created(wizard))
        wizard.finished.connect(lambda _result: setattr(self, "wizard", None))
        self.wizard = wizard
        wizard.open()

    def _created(self, wizard: NewCoopWizard) -> None:
        if wizard.services is not None:
            self._opened(wizard.services)

    def open_demo(self) -> bool:
        path = demo_db_path()
        if not path.exists() and not self._generate_demo(path):
            return False
        return self.open_path(path)

    def _generate_demo(self, path: Path) -> bool:
        generate = self._demo_generator()

        def work(progress: Progress) -> object:
            return generate(path, members=DEMO_MEMBERS, seed=DEMO_SEED, progress=progress.report)

        try:
            run_with_progress(
                self._parent(),
                self.tr("Membuat koperasi contoh"),
                self.tr("Menyiapkan data contoh KSP Guyub Rukun (sekali saja)…"),
                work,
                cancellable=True,
            )
        except TaskCancelled:
            _remove_partial(path)
            self.show_start()
            return False
        except AppError as exc:
            _remove_partial(path)
            self.show_start(exc.message)
            return False
        return True

    # -- logging in ---------------------------------------------------------------------------
    def ask_login(self) -> None:
        assert self.services is not None
        demo_users = self._demo_users() if self.services.is_demo else ()
        dialog = LoginDialog(self.services, demo_users, self._parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._logged_in(dialog.user))
        dialog.rejected.connect(self._login_cancelled)
        self.login_dialog = dialog
        dialog.show()

    def _login_cancelled(self) -> None:
        self.login_dialog = None
        self.close_file()
        self.show_start()

    def _logged_in(self, user: User | None) -> None:
        self.login_dialog = None
        assert user is not None and self.services is not None
        if user.must_change_password:
            from ui.dialogs.change_password_dialog import ChangePasswordDialog

            dialog = ChangePasswordDialog(self.services, user, forced=True, parent=self._parent())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._enter(user))
            dialog.rejected.connect(self.ask_login)
            dialog.finished.connect(lambda _result: setattr(self, "password_dialog", None))
            self.password_dialog = dialog
            dialog.show()
            return
        self._enter(user)

    def _enter(self, user: User) -> None:
        assert self.services is not None
        from ui.main_window import MainWindow

        window = MainWindow(self.services, self.services.users.get(user.id))
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.closed.connect(lambda: self._window_closed(window))
        window.file_closed.connect(self.show_start)
        window.logout_requested.connect(self.logout)
        self.window = window
        window.show()
        window.activateWindow()
        if self.start_screen is not None:
            self.start_screen.hide()

    # -- leaving ------------------------------------------------------------------------------
    def logout(self) -> None:
        window, self.window = self.window, None
        self.ask_login()  # shown first, so the program never has no window open
        if window is not None:
            window.close_for_logout()

    def _window_closed(self, window: MainWindow) -> None:
        if self.window is window:  # not a log-out: the window has closed the file
            self.window = None
            self.services = None

    def close_file(self) -> None:
        if self.services is not None:
            self.services.close()
            self.services = None


def _remove_partial(path: Path) -> None:
    """Remove a demo file whose generation did not finish."""
    for leftover in database_files(path):
        with contextlib.suppress(OSError):
            leftover.unlink()
