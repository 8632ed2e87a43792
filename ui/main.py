"""Starting the window program: the Qt application, the error hook, the translation, then
the AppController decides what to show first."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from app import __version__
from app.paths import log_path
from app.resources import bundle_root
from ui import excepthook
from ui.app_context import AppController

MIN_POINT_SIZE = 10


def resources_dir() -> Path:
    """resources/ of the source tree, or of the PyInstaller bundle."""
    return bundle_root() / "resources"


def load_translations(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install mufakat_<lang>.qm (and Qt's own, for standard buttons) for `locale` if shipped.

    Indonesian is the source language, so for an Indonesian system nothing is loaded."""
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    if locale.language() == QLocale.Language.Indonesian:
        return installed
    ours = QTranslator(app)
    if ours.load(locale, "mufakat", "_", str(resources_dir() / "i18n")):
        app.installTranslator(ours)
        installed.append(ours)
        qt = QTranslator(app)
        if qt.load(
            locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt)
            installed.append(qt)
    return installed


def configure_application(app: QApplication) -> None:
    app.setApplicationName("Mufakat")
    app.setOrganizationName("Mufakat")
    app.setApplicationVersion(__version__)
    icon = resources_dir() / "icons" / "mufakat.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    if font.pointSize() < MIN_POINT_SIZE:
        font.setPointSize(MIN_POINT_SIZE)
        app.setFont(font)


def run(db: Path | str | None, demo: bool) -> int:
    """Open the program (called by `mufakat`); returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    excepthook.install(log_path())
    configure_application(app)
    load_translations(app)
    controller = AppController()
    controller.start(db=db, demo=demo)
    return app.exec()
