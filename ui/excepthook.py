"""The last line of defence for errors nobody caught (sys.excepthook, which is also where
PySide6 sends an exception raised in a slot or a virtual method).

An `AppError` (StorageError included) is a message for the user: ui/errors.py shows it. Anything
else is a bug: it is written with its traceback to the log file in the data folder (kept under
MAX_LOG_BYTES, the previous one as `<name>.1`) and the user sees one plain Indonesian dialog with
the log's path — never the exception's own (English) text."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.clock import now_text
from app.errors import AppError

log = logging.getLogger("mufakat")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
MAX_LOG_BYTES = 1_000_000


def bug_text(log_file: Path) -> str:
    """What the user reads after a bug."""
    return QCoreApplication.translate(
        "ExceptHook",
        "Terjadi kesalahan program. Pekerjaan yang sudah disimpan aman. Catatan kesalahan ada "
        "di: {path}",
    ).format(path=log_file)


def _show_dialog(log_file: Path) -> None:
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ExceptHook", "Terjadi kesalahan"))
    box.setText(bug_text(log_file))
    box.setInformativeText(
        QCoreApplication.translate(
            "ExceptHook",
            "Kirim file itu kepada pendamping TI koperasi. Sebaiknya tutup lalu buka lagi "
            "program ini.",
        )
    )
    box.exec()


def _show_app_error(error: AppError) -> None:
    from ui.errors import show_error  # local: ui.errors pulls in the widgets

    show_error(QApplication.activeWindow(), error)


class ExceptHook:
    """Writes each uncaught exception to the log file and shows one dialog at a time.

    `show` is replaceable so tests can record what the user would see."""

    def __init__(
        self,
        log_file: Path,
        show: Callable[[Path], None] = _show_dialog,
        show_app_error: Callable[[AppError], None] = _show_app_error,
    ) -> None:
        self.log_file = log_file
        self.show = show
        self.show_app_error = show_app_error
        self._showing = False

    def __call__(
        self, exc_type: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if isinstance(value, AppError):  # a message for the user that nobody caught: no bug
            if QApplication.instance() is None:
                sys.stderr.write(value.message + "\n")
            elif not self._showing:
                self._showing = True
                try:
                    self.show_app_error(value)
                finally:
                    self._showing = False
            return
        self.log((exc_type, value, tb))
        if issubclass(exc_type, KeyboardInterrupt):
            return
        # An error raised while the dialog is open (or by the dialog) is logged only: one dialog.
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            self.show(self.log_file)
        finally:
            self._showing = False

    def log(self, info: ExcInfo) -> None:
        text = "".join(traceback.format_exception(*info))
        try:
            self.log_file.parent.mkdir(parents=True, exist_ok=True)
            self._rotate()
            with self.log_file.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {now_text()} ---\n{text}\n")
        except OSError:
            # Nowhere to write: stderr is the only place left (never the user's screen).
            sys.stderr.write(text)
        log.debug("uncaught exception logged to %s", self.log_file)

    def _rotate(self) -> None:
        """Keep the log under MAX_LOG_BYTES: the full one becomes `<name>.1` (replacing the
        older one), so at most two files of that size stay in the data folder."""
        try:
            size = self.log_file.stat().st_size
        except FileNotFoundError:
            return
        if size >= MAX_LOG_BYTES:
            self.log_file.replace(self.log_file.with_name(self.log_file.name + ".1"))

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        """Errors in plain Python threads are logged (the worker's owner shows them)."""
        if args.exc_value is not None:
            self.log((args.exc_type, args.exc_value, args.exc_traceback))


def install(log_file: Path) -> ExceptHook:
    """Make `ExceptHook(log_file)` the global hook for the GUI thread and worker threads."""
    hook = ExceptHook(log_file)
    sys.excepthook = hook
    threading.excepthook = hook.thread_hook
    return hook
