"""The last line of defence: an unexpected error is logged and the user sees one plain dialog."""

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

log = logging.getLogger("mufakat")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _show_dialog(log_file: Path) -> None:
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ExceptHook", "Terjadi kesalahan"))
    box.setText(
        QCoreApplication.translate(
            "ExceptHook",
            "Maaf, terjadi kesalahan yang tidak terduga di program Mufakat. Data yang sudah "
            "disimpan tetap aman.\n\nCatatan kesalahan disimpan di:\n{path}\n\nKirim file itu "
            "kepada pendamping TI koperasi. Sebaiknya tutup lalu buka lagi program ini.",
        ).format(path=log_file)
    )
    box.exec()


class ExceptHook:
    """Writes each uncaught exception to the log file and shows one dialog at a time.

    `show` is replaceable so tests can record what the user would see."""

    def __init__(self, log_file: Path, show: Callable[[Path], None] = _show_dialog) -> None:
        self.log_file = log_file
        self.show = show
        self._showing = False

    def __call__(
        self, exc_type: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
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
            with self.log_file.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {now_text()} ---\n{text}\n")
        except OSError:
            # Nowhere to write: stderr is the only place left (never the user's screen).
            sys.stderr.write(text)
        log.debug("uncaught exception logged to %s", self.log_file)

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
