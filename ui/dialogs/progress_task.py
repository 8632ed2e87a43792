"""Run slow work (backup, restore, demo generation) off the GUI thread behind a progress dialog."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


class TaskCancelled(Exception):
    """The user pressed Batal; raised inside the work at its next progress report."""


class Progress:
    """Handed to the work: `report(text)` updates the dialog (thread-safe) and stops the work
    with TaskCancelled once the user has pressed Batal."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._text: str | None = None
        self.cancelled = False

    def report(self, text: object) -> None:
        if self.cancelled:
            raise TaskCancelled
        with self._lock:
            self._text = str(text)

    def take_text(self) -> str | None:
        with self._lock:
            text, self._text = self._text, None
        return text


def run_with_progress(
    parent: QWidget | None,
    title: str,
    label: str,
    work: Callable[[Progress], T],
    *,
    cancellable: bool = False,
) -> T:
    """Run `work(progress)` in a worker thread while a modal progress dialog is shown.

    Returns its result; an exception raised by the work (AppError, TaskCancelled, or a bug) is
    raised again here, in the GUI thread, where the caller or the global hook deals with it.
    The window stays painted meanwhile (a local event loop waits for the worker)."""
    progress = Progress()
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setRange(0, 0)  # busy indicator: the work reports words, not percentages
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if cancellable:
        dialog.setCancelButtonText(QCoreApplication.translate("ProgressTask", "Batal"))
        dialog.canceled.connect(lambda: setattr(progress, "cancelled", True))
    else:
        dialog.setCancelButton(None)

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(30)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mufakat-tugas") as pool:
        future = pool.submit(work, progress)

        def poll() -> None:
            text = progress.take_text()
            if text:
                dialog.setLabelText(text)
            if future.done():
                loop.quit()

        timer.timeout.connect(poll)
        timer.start()
        dialog.show()
        if not future.done():
            loop.exec()
        timer.stop()
    dialog.hide()
    dialog.deleteLater()
    return future.result()
