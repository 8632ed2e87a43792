"""The member dialog: checks where a field is typed, errors at the field, warnings confirmed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.members.models import MemberStatus
from app.services import Services
from app.users.models import Role, User
from tests.conftest import make_member, make_user
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.status_dialog import StatusDialog
from ui.widgets import messages

# The offscreen platform cannot resize native windows to their size hints; harmless here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

TODAY = date(2026, 11, 26)
NIK = "3576025407900003"  # a woman born 14-07-1990, registered in Magersari


class Answers:
    """Records every question asked and answers them from a queue (default: yes)."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.queue: list[bool] = []

    def confirm(self, _parent: QWidget | None, title: str, text: str, *_: str, **__: str) -> bool:
        self.asked.append(f"{title}: {text}")
        return self.queue.pop(0) if self.queue else True


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    recorder = Answers()
    monkeypatch.setattr(messages, "confirm", recorder.confirm)
    return recorder


@pytest.fixture
def open_dialog(qtbot: QtBot, services: Services, ketua: User) -> Callable[..., MemberDialog]:
    def opener(member: object = None, user: User | None = None) -> MemberDialog:
        dialog = MemberDialog(services, user or ketua, member, TODAY)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)  # focus (and leaving a field) needs it
        return dialog

    return opener


def error(dialog: QWidget, field: str) -> str:
    label = dialog.findChild(QLabel, f"error_{field}")
    assert label is not None, field
    return label.text() if label.isVisible() else ""


def type_into(qtbot: QtBot, widget: QWidget, text: str, then: QWidget) -> None:
    """Click into a field, type, and move on to the next one (as Tab would)."""
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    then.setFocus()


def test_wrong_nik_is_explained_at_the_field_and_nothing_typed_is_lost(
    qtbot: QtBot, services: Services, open_dialog: Callable[..., MemberDialog], answers: Answers
) -> None:
    dialog = open_dialog()
    type_into(qtbot, dialog.name_edit, "Sri Rahayu", dialog.nik_edit)
    type_into(qtbot, dialog.nik_edit, "357602540790003", dialog.phone_edit)  # 15 digits
    assert "NIK harus 16 angka, yang ditulis 15 angka" in error(dialog, "nik")
    type_into(qtbot, dialog.phone_edit, "+62 813 3000 1234", dialog.address_edit)
    assert dialog.phone_edit.text() == "0813-3000-1234"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and dialog.saved is None
    assert "NIK harus 16 angka" in error(dialog, "nik")
    assert dialog.nik_edit.hasFocus()
    assert dialog.nik_edit.text() == "357602540790003"
    assert dialog.name_edit.text() == "Sri Rahayu"
    assert services.members.count() == 0

    dialog.nik_edit.clear()
    type_into(qtbot, dialog.nik_edit, NIK, dialog.address_edit)
    assert error(dialog, "nik") == ""
    # A valid NIK fills the birth date and sex when they are still empty.
    assert dialog.birth_date_edit.text() == "14-07-1990"
    assert dialog.sex_combo.currentData() == "P"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.result() == 1
    saved = services.members.get(dialog.saved.id)
    assert (saved.name, saved.nik, saved.phone, saved.sex) == (
        "Sri Rahayu", NIK, "+6281330001234", "P"
    )  # fmt: skip
    assert saved.birth_date == date(1990, 7, 14) and saved.join_date == TODAY
    assert saved.city == "Kota Mojokerto"  # from the cooperative's profile
    assert answers.asked == []


def test_each_service_error_lands_at_its_field(
    qtbot: QtBot, open_dialog: Callable[..., MemberDialog], answers: Answers
) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error(dialog, "name") == "Nama lengkap wajib diisi."
    assert dialog.name_edit.hasFocus()
    dialog.name_edit.setText("Sri Rahayu")
    dialog.nik_edit.setText(NIK)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error(dialog, "sex") == "Pilih jenis kelamin."
    assert error(dialog, "name") == ""
    dialog.sex_combo.setCurrentIndex(2)
    dialog.birth_date_edit.setText("31-02-1990")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "tidak ada" in error(dialog, "birth_date")
    dialog.birth_date_edit.setText("14 Juli 1990")
    dialog.rt_edit.setText("1a")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "RT diisi angka" in error(dialog, "rt")
    assert dialog.rt_edit.hasFocus()
    dialog.rt_edit.setText("2")
    dialog.join_date_edit.setText("01-12-2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "setelah hari ini" in error(dialog, "join_date")
    dialog.join_date_edit.setText("01112026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None
    assert dialog.saved.rt == "002" and dialog.saved.join_date == date(2026, 11, 1)


def test_warnings_ask_and_never_block(
    qtbot: QtBot,
    services: Services,
    ketua: User,
    open_dialog: Callable[..., MemberDialog],
    answers: Answers,
) -> None:
    first = make_member(services, ketua, nik=NIK, birth_date=date(1990, 7, 14))
    dialog = open_dialog()
    dialog.name_edit.setText("Sri Rahayu")
    dialog.nik_edit.setText(NIK)
    dialog.sex_combo.setCurrentIndex(1)  # Laki-laki, though the NIK says a woman
    dialog.birth_date_edit.setText("14-07-1990")
    answers.queue = [False]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is None and services.members.count() == 1
    assert len(answers.asked) == 1
    question = answers.asked[0]
    assert f"sudah dipakai anggota {first.number}" in question
    assert "menandakan perempuan" in question and question.endswith("Simpan tetap?")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the queue is empty: yes
    assert dialog.saved is not None and services.members.count() == 2


def test_kelurahan_suggestions_fill_the_kecamatan_but_free_text_is_allowed(
    open_dialog: Callable[..., MemberDialog], answers: Answers
) -> None:
    dialog = open_dialog()
    dialog.region.kelurahan.setEditText("Surodinawan")
    assert dialog.region.kecamatan.text() == "Prajurit Kulon"
    items = [dialog.region.kelurahan.itemText(i) for i in range(dialog.region.kelurahan.count())]
    assert "Blooto" in items and "Wates" not in items
    dialog.region.kecamatan.set_text("Sooko")
    dialog.region.kelurahan.set_text("Japan")
    dialog.name_edit.setText("Sri Rahayu")
    dialog.nik_edit.setText(NIK)
    dialog.sex_combo.setCurrentIndex(2)
    dialog.accept()
    assert dialog.saved is not None
    assert (dialog.saved.kecamatan, dialog.saved.kelurahan) == ("Sooko", "Japan")


def test_edit_keeps_the_number_and_is_audited(
    qtbot: QtBot,
    services: Services,
    ketua: User,
    open_dialog: Callable[..., MemberDialog],
    answers: Answers,
) -> None:
    member = make_member(services, ketua)
    dialog = open_dialog(member)
    assert member.number in dialog.windowTitle()
    assert dialog.phone_edit.text() == "0812-3456-7890"
    assert dialog.rt_edit.text() == "003" and dialog.region.kelurahan.text() == "Gedongan"
    dialog.occupation_combo.set_text("Guru SD")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.saved.number == member.number
    entry = services.audit.entries("member", member.id)[0]
    assert entry.action == "ubah" and entry.after == {"occupation": "Guru SD"}


def test_escape_asks_before_throwing_away_typed_work(
    qtbot: QtBot, open_dialog: Callable[..., MemberDialog], answers: Answers
) -> None:
    untouched = open_dialog()
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and answers.asked == []

    dialog = open_dialog()
    dialog.name_edit.setText("Sri")
    answers.queue = [False]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "Tutup tanpa menyimpan?" in answers.asked[0]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # now answered yes
    assert not dialog.isVisible() and dialog.saved is None


def test_a_pengawas_is_refused_by_the_service(
    services: Services, open_dialog: Callable[..., MemberDialog], answers: Answers
) -> None:
    pengawas = make_user(services, Role.PENGAWAS)
    dialog = open_dialog(user=pengawas)
    dialog.name_edit.setText("Sri Rahayu")
    dialog.nik_edit.setText(NIK)
    dialog.sex_combo.setCurrentIndex(2)
    dialog.accept()
    assert dialog.saved is None
    assert "tidak boleh mengubah data anggota" in error(dialog, "general")
    assert services.members.count() == 0


def test_status_dialog_records_leaving_with_date_and_note(
    qtbot: QtBot, services: Services, ketua: User, answers: Answers
) -> None:
    member = make_member(services, ketua)
    dialog = StatusDialog(services, ketua, member, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_status(MemberStatus.KELUAR)
    dialog.date_edit.setText("30-06-2026")
    dialog.accept()
    assert "Tulis keterangan" in error(dialog, "status_note")
    dialog.note_edit.setText("Pindah ke Surabaya")
    dialog.accept()
    assert dialog.saved is not None
    stored = services.members.get(member.id)
    assert (stored.status, stored.status_date, stored.status_note) == (
        MemberStatus.KELUAR, date(2026, 6, 30), "Pindah ke Surabaya"
    )  # fmt: skip
    assert services.members.count() == 1
