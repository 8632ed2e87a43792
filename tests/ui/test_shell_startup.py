"""Starting the program: the application set-up and the global error hook."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.paths import log_path
from ui import excepthook
from ui import main as ui_main
from ui.excepthook import ExceptHook
from ui.start.start_screen import StartScreen

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def _raise_inside() -> tuple[type[BaseException], BaseException, object]:
    try:
        {}["anggota"]  # a real traceback to log
    except KeyError as exc:
        return type(exc), exc, exc.__traceback__
    raise AssertionError("unreachable")


def test_unexpected_error_is_logged_and_shown_once(qtbot: QtBot, tmp_path: Path) -> None:
    shown: list[Path] = []
    log_file = tmp_path / "mufakat.log"
    hook = ExceptHook(log_file, show=shown.append)
    hook(*_raise_inside())  # type: ignore[arg-type]
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "KeyError: 'anggota'" in text
    assert shown == [log_file]


def test_an_error_while_the_dialog_is_open_gives_no_second_dialog(
    qtbot: QtBot, tmp_path: Path
) -> None:
    shown: list[Path] = []
    log_file = tmp_path / "mufakat.log"

    def show(path: Path) -> None:
        shown.append(path)
        hook(*_raise_inside())  # type: ignore[arg-type]  # e.g. a timer firing meanwhile

    hook = ExceptHook(log_file, show=show)
    hook(*_raise_inside())  # type: ignore[arg-type]
    assert len(shown) == 1
    assert log_file.read_text(encoding="utf-8").count("Traceback") == 2


def test_the_dialog_names_the_log_file_and_shows_no_traceback(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.text()) or 0)
    log_file = tmp_path / "mufakat.log"
    ExceptHook(log_file)(*_raise_inside())  # type: ignore[arg-type]
    assert len(texts) == 1
    assert str(log_file) in texts[0]
    assert "Traceback" not in texts[0] and "KeyError" not in texts[0]
    assert texts[0] == (
        f"Terjadi kesalahan program. Pekerjaan yang sudah disimpan aman. Catatan kesalahan ada "
        f"di: {log_file}"
    )


def test_worker_thread_errors_are_logged(qtbot: QtBot, tmp_path: Path) -> None:
    log_file = tmp_path / "mufakat.log"
    hook = ExceptHook(log_file, show=lambda _path: None)
    args = threading.ExceptHookArgs([*_raise_inside(), None])  # type: ignore[call-arg]
    hook.thread_hook(args)
    assert "KeyError" in log_file.read_text(encoding="utf-8")


def test_application_font_is_at_least_ten_points(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    try:
        small = QFont(before)
        small.setPointSize(8)
        app.setFont(small)
        ui_main.configure_application(app)
        assert app.font().pointSize() >= 10
        assert app.applicationName() == "Mufakat"
    finally:
        app.setFont(before)


def test_run_installs_the_hook_and_opens_the_start_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    seen: list[str] = []

    def event_loop(_app: QApplication) -> int:
        """Stands in for app.exec(): look at what the program shows, then close it."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, StartScreen) and widget.isVisible():
                seen.append(widget.windowTitle())
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    # On an English system the real call would switch every later test to English.
    languages: list[object] = []
    monkeypatch.setattr(ui_main, "load_translations", lambda app: languages.append(app) or [])
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    try:
        assert ui_main.run(db=None, demo=False) == 0
    finally:
        app.setFont(before)
    assert seen == ["Mufakat"]
    assert languages == [app], "the translation for the system language is looked for"
    assert isinstance(sys.excepthook, excepthook.ExceptHook)
    assert sys.excepthook.log_file == log_path()
