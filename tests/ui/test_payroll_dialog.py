"""Berkas → Potong Gaji…: list and letter saved, returned file checked with its differences,
posted as one batch, then the batch reversed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from app.services import Services
from tests.app.payroll.test_payroll import EMPLOYER, PAY_DAY, _return, _setup
from ui.dialogs.payroll_dialog import PayrollDialog


def test_list_letter_check_post_reverse(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user, ids = _setup(services)
    numbers = [services.members.get(i).number for i in ids]
    dialog = PayrollDialog(services, user, today=PAY_DAY)
    qtbot.addWidget(dialog)
    assert dialog.employer.currentText() == EMPLOYER
    assert dialog.month_key() == "2026-03"
    answers = iter([str(tmp_path / "daftar.xlsx"), str(tmp_path / "surat.pdf")])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (next(answers), ""))
    )
    dialog.save_list()
    assert "4 baris" in dialog.text.toPlainText()
    dialog.save_letter()
    assert (tmp_path / "surat.pdf").read_bytes().startswith(b"%PDF")
    returned = _return(tmp_path / "daftar.xlsx", tmp_path / "kembali.xlsx", {}, numbers[2])
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(returned), ""))
    )
    dialog.ask_returned()
    text = dialog.text.toPlainText()
    assert "anggota tidak dikenal" in text and "sudah berstatus Keluar" in text
    assert dialog.post_button.isEnabled()
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    assert dialog.posted is not None and len(dialog.posted.receipts) == 4
    assert "SELESAI" in dialog.text.toPlainText()
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][0], True)))
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("salah bulan", True))
    )
    dialog.reverse()
    assert "dibatalkan seluruhnya" in dialog.text.toPlainText()


def test_member_dialog_edits_employer_and_nip(qtbot: QtBot, services: Services) -> None:
    from datetime import date

    from tests.conftest import make_member, make_user
    from ui.dialogs.member_dialog import MemberDialog

    user = make_user(services)
    member = make_member(services, user)
    dialog = MemberDialog(services, user, member, date(2026, 11, 26))
    qtbot.addWidget(dialog)
    dialog.employer_edit.setText("  Dinas Pendidikan ")
    dialog.employee_no_edit.setText("198501012010011001")
    dialog.sukarela_edit.setText("Rp50.000,-x")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is None  # the amount is refused at its field, nothing saved
    dialog.sukarela_edit.setText("Rp50.000")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = services.members.get(member.id)
    assert (saved.employer, saved.employee_no, saved.payroll_sukarela) == (
        "Dinas Pendidikan", "198501012010011001", 50_000)  # fmt: skip
    entry = services.audit.entries("member", member.id)[0]
    assert entry.after == {"employer": "Dinas Pendidikan", "employee_no": "198501012010011001",
                           "payroll_sukarela": 50_000}  # fmt: skip
