"""Entry script of the frozen program (PyInstaller): does what `python -m app` does.

A script at the repository root, so that PyInstaller puts the root (not app/) on the analysis
path and `app.money` can never be shadowed by a top-level `money`.

For the build script's start-up measurement, MUFAKAT_EXIT_AFTER_SHOWN=<file> makes the program
write which window it showed first into <file> and exit as soon as that window is on screen.
"""

from __future__ import annotations

import os

from app.cli import main

PROBE_ENV = "MUFAKAT_EXIT_AFTER_SHOWN"


def _install_start_probe(report: str) -> None:
    """Create the QApplication early (ui.main reuses it) and watch for the first shown window."""
    import sys

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class FirstWindow(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Show
                and isinstance(watched, QWidget)
                and watched.isWindow()
            ):
                name = f"{type(watched).__name__} {watched.windowTitle()!r}"
                QTimer.singleShot(0, lambda: _shown(name))
                app.removeEventFilter(self)
            return False

    def _shown(name: str) -> None:
        with open(report, "w", encoding="utf-8") as handle:
            handle.write(f"shown {name}\n")
        os._exit(0)  # a probe: leave at once, nothing to save in its throwaway data folder

    probe = FirstWindow(app)
    app.installEventFilter(probe)


if os.environ.get(PROBE_ENV):
    _install_start_probe(os.environ[PROBE_ENV])

raise SystemExit(main())
