"""Errors in the UI: an AppError is shown by the one helper (ui.errors.show_error); anything
else is a bug — logged with its traceback in the data folder, the user told where."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.errors import AppError, NotFound, PermissionDenied, StorageError, ValidationError
from app.paths import log_path
from ui.errors import show_error
from ui.excepthook import MAX_LOG_BYTES, ExceptHook, bug_text
from ui.widgets import messages
from ui.widgets.form import FieldErrors

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def warned(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "warn", lambda _p, title, text: seen.append((title, text)))
    return seen


def _form(qtbot: QtBot, *, general: bool) -> tuple[QWidget, FieldErrors]:
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QFormLayout(widget)
    errors = FieldErrors()
    for name in ("amount", "on"):
        errors.add_row(layout, name, name, QLineEdit())
    if general:
        label = QLabel()
        layout.addRow(label)
        errors.set_general(label)
    return widget, errors


# -- the one helper -----------------------------------------------------------------------------


@given(
    kind=st.sampled_from([AppError, NotFound, PermissionDenied, StorageError]),
    text=st.text(min_size=1, max_size=40),
)
def test_without_a_form_every_app_error_goes_to_one_warning_box(
    kind: type[AppError], text: str
) -> None:
    seen: list[tuple[str, str]] = []
    original = messages.warn
    messages.warn = lambda _p, title, body: seen.append((title, body))  # type: ignore[assignment]
    try:
        show_error(None, kind(text), "Judul")
        show_error(None, kind(text))
    finally:
        messages.warn = original
    assert seen == [("Judul", text), ("Tidak bisa dilanjutkan", text)]


def test_the_template_wraps_the_reason(warned: list[tuple[str, str]]) -> None:
    show_error(None, StorageError("Disk penuh."), "Cadangan", template="Gagal: {reason} Coba lagi.")
    assert warned == [("Cadangan", "Gagal: Disk penuh. Coba lagi.")]


def test_a_validation_error_lands_at_its_field(qtbot: QtBot, warned: list[tuple[str, str]]) -> None:
    _widget, errors = _form(qtbot, general=True)
    show_error(None, ValidationError("Jumlah harus lebih dari nol.", "amount"), errors=errors)
    assert errors.message("amount") == "Jumlah harus lebih dari nol."
    assert not errors.general or not errors.general.text()
    assert warned == []


@pytest.mark.parametrize(
    ("error", "fields"),
    [
        (ValidationError("Tidak dikenal.", "lain"), None),  # the form has no such field
        (ValidationError("Di luar pilihan.", "on"), ("amount",)),  # not among `fields`
        (ValidationError("Umum.", None), None),
        (StorageError("Database sedang dipakai."), None),
        (PermissionDenied("Tidak diizinkan."), ("amount", "on")),
    ],
)
def test_anything_else_goes_to_the_general_label(
    qtbot: QtBot,
    warned: list[tuple[str, str]],
    error: AppError,
    fields: tuple[str, ...] | None,
) -> None:
    _widget, errors = _form(qtbot, general=True)
    show_error(None, error, errors=errors, fields=fields)
    assert errors.general is not None and errors.general.text() == error.message
    assert errors.message("amount") == "" and errors.message("on") == ""
    assert warned == []


def test_a_form_without_a_general_label_never_swallows_the_message(
    qtbot: QtBot, warned: list[tuple[str, str]]
) -> None:
    widget, errors = _form(qtbot, general=False)
    show_error(widget, StorageError("Disk penuh."), "Simpan", errors=errors)
    assert warned == [("Simpan", "Disk penuh.")]


def _shows_app_error_another_way(tree: ast.Module) -> list[int]:
    """Lines that put `<something>.message` of an exception into a message box or a form's
    field errors directly, not through ui.errors.show_error."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr not in {"warn", "warning", "critical", "information", "show"}:
            continue
        for arg in node.args:
            for inner in ast.walk(arg):
                if isinstance(inner, ast.Attribute) and inner.attr == "message":
                    found.append(node.lineno)
    return found


def test_ui_shows_an_app_error_only_through_the_helper() -> None:
    offenders = {}
    for path in sorted((ROOT / "ui").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "ui/errors.py":  # the helper itself
            continue
        if rel == "ui/dialogs/payment_dialog.py":  # being rewritten in parallel (issue 11)
            continue
        lines = _shows_app_error_another_way(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            offenders[rel] = lines
    assert not offenders


def test_the_scan_sees_a_message_box_with_the_error_text() -> None:
    code = (
        "QMessageBox.warning(self, 't', exc.message)\n"
        "messages.warn(self, 't', 'x: {m}'.format(m=exc.message))\n"
        "messages.warn(self, 't', 'no error here')\n"
        "self.errors.show('amount', exc.message)\n"
        "self.errors.show('amount', self.tr('Isi jumlah.'))\n"
    )
    assert _shows_app_error_another_way(ast.parse(code)) == [1, 2, 4]


# -- bugs -------------------------------------------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_a_slot_raising_a_bug_is_logged_and_the_user_told_where(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.text()) or 0)
    log_file = tmp_path / "mufakat.log"
    monkeypatch.setattr(sys, "excepthook", ExceptHook(log_file))
    button = QPushButton()
    qtbot.addWidget(button)

    def slot() -> None:
        raise RuntimeError("internal state went wrong")

    button.clicked.connect(slot)
    button.click()  # Qt calls the slot; PySide6 hands the exception to sys.excepthook
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: internal state went wrong" in logged
    assert "in slot" in logged  # the traceback names where it happened
    assert texts == [
        "Terjadi kesalahan program. Pekerjaan yang sudah disimpan aman. Catatan kesalahan ada "
        f"di: {log_file}"
    ]
    assert "RuntimeError" not in texts[0] and "internal" not in texts[0]


@pytest.mark.qt_no_exception_capture
def test_an_app_error_nobody_caught_is_shown_by_the_helper_not_logged(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file = tmp_path / "mufakat.log"
    shown: list[AppError] = []
    bugs: list[Path] = []
    monkeypatch.setattr(sys, "excepthook", ExceptHook(log_file, bugs.append, shown.append))
    button = QPushButton()
    qtbot.addWidget(button)
    error = StorageError("Database sedang dipakai oleh program lain.")

    def slot() -> None:
        raise error

    button.clicked.connect(slot)
    button.click()
    assert shown == [error] and bugs == []
    assert not log_file.exists()


def test_the_default_app_error_path_is_the_helper(
    qtbot: QtBot, tmp_path: Path, warned: list[tuple[str, str]]
) -> None:
    hook = ExceptHook(tmp_path / "mufakat.log")
    error = NotFound("Anggota tidak ditemukan.")
    hook(NotFound, error, None)
    assert warned == [("Tidak bisa dilanjutkan", "Anggota tidak ditemukan.")]


def test_the_log_is_kept_small(tmp_path: Path) -> None:
    log_file = tmp_path / "mufakat.log"
    log_file.write_text("x" * (MAX_LOG_BYTES - 1), encoding="utf-8")
    hook = ExceptHook(log_file, show=lambda _path: None)
    hook(RuntimeError, RuntimeError("first"), None)  # pushes it over the cap
    assert not log_file.with_name("mufakat.log.1").exists()
    hook(RuntimeError, RuntimeError("second"), None)
    older = log_file.with_name("mufakat.log.1")
    assert older.exists() and "first" in older.read_text(encoding="utf-8")
    assert "second" in log_file.read_text(encoding="utf-8")
    assert "first" not in log_file.read_text(encoding="utf-8")
    for n in range(3):  # never more than the log and one older file
        log_file.write_text("x" * MAX_LOG_BYTES, encoding="utf-8")
        hook(RuntimeError, RuntimeError(f"again {n}"), None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mufakat.log", "mufakat.log.1"]


def test_the_log_lies_in_the_data_folder_and_is_what_run_installs() -> None:
    from app.paths import data_dir

    assert log_path().parent == data_dir()
    assert str(log_path()) in bug_text(log_path())


def test_at_puts_any_error_at_the_field_it_belongs_to(
    qtbot: QtBot, warned: list[tuple[str, str]]
) -> None:
    _widget, errors = _form(qtbot, general=True)
    show_error(None, PermissionDenied("Penyetuju tidak berwenang."), errors=errors, at="on")
    assert errors.message("on") == "Penyetuju tidak berwenang."
    errors.clear()
    show_error(None, PermissionDenied("Tidak diizinkan."), errors=errors, at=None)
    assert errors.general is not None and errors.general.text() == "Tidak diizinkan."
    errors.clear()
    show_error(None, StorageError("Disk penuh."), errors=errors, at="unknown")  # not on the form
    assert errors.general.text() == "Disk penuh." and warned == []
