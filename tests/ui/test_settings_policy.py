"""Pengaturan → Kebijakan: every configurable rule saved through SettingsService, audited."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from app.services import Services
from app.settings.profile import DEFAULTS
from app.users.models import Role, User
from tests.conftest import make_user
from ui.views.settings.policy_tab import PolicyTab
from ui.widgets import messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform
YEAR = date.today().year  # the examples under the patterns are numbered for today


def _tab(qtbot: QtBot, services: Services, user: User) -> PolicyTab:
    tab = PolicyTab(services, user)
    qtbot.addWidget(tab)
    return tab


def _choose(tab: PolicyTab, data: str) -> None:
    combo = tab.quality.policy.widget
    combo.setCurrentIndex(combo.findData(data))


def _save(qtbot: QtBot, tab: PolicyTab) -> None:
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)


def test_quality_policy_changes_to_ojk_with_an_audit_entry(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    tab = _tab(qtbot, services, ketua)
    assert services.loans.quality.policy().key == "koperasi"
    assert "Permen KUKM 20/2008" in tab.quality.report_name.text()
    assert tab.quality.months.widget.isVisibleTo(tab)

    _choose(tab, "ojk")
    assert "Kebijakan OJK" in tab.quality.report_name.text(), "the printed name follows"
    assert "Dalam Perhatian Khusus 1–90 hari" in tab.quality.description.text()
    assert not tab.quality.months.widget.isVisibleTo(tab)
    assert not tab.quality.editor.isVisibleTo(tab)
    _save(qtbot, tab)

    policy = services.loans.quality.policy()
    assert policy.key == "ojk"
    assert policy.name == "Kebijakan OJK (5 golongan menurut hari tunggakan)"
    entry = services.audit.entries("setting", "loans.quality_policy")[0]
    assert (entry.before, entry.after) == ({"value": "koperasi"}, {"value": "ojk"})
    assert entry.user_id == ketua.id
    assert tab.done_label.text() == "Kebijakan tersimpan (1 perubahan)."
    _save(qtbot, tab)
    assert tab.done_label.text() == "Tidak ada yang berubah."
    assert len(services.audit.entries("setting", "loans.quality_policy")) == 1


def test_koperasi_months_and_collection_rules_are_saved_together(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    tab = _tab(qtbot, services, ketua)
    tab.quality.months.widget.setValue(21)
    tab.letters.sp1.widget.setValue(45)
    assert "hari ke-45" in tab.letters.example.text()
    tab.findChild(QSpinBox, "collection.waiver_max_jasa").setValue(75)
    tab.findChild(QCheckBox, "collection.writeoff_need_visit").click()
    _save(qtbot, tab)
    get = services.settings.get
    assert services.loans.quality.policy().macet_after_months == 21
    assert get("collection.sp1_days") == 45
    assert services.settlement.limits()["jasa"] == 75
    assert get("collection.writeoff_need_visit") is False
    assert tab.done_label.text() == "Kebijakan tersimpan (4 perubahan)."


def test_a_bad_custom_table_is_refused_at_the_field_and_nothing_is_saved(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    tab = _tab(qtbot, services, ketua)
    _choose(tab, "custom")
    editor = tab.quality.editor
    assert editor.isVisibleTo(tab)
    assert editor.limits() == [(0, "L"), (90, "DPK"), (120, "KL"), (180, "D")]
    tab.letters.sp1.widget.setValue(40)  # a good change elsewhere must not be saved either
    editor.rows[2][1].setValue(60)  # 0 L, 90 DPK, 60 KL: not rising
    assert "belum benar" in tab.quality.report_name.text()
    _save(qtbot, tab)
    message = tab.errors.message("loans.custom_quality_limits")
    assert message == "Baris 3: batas 60 hari harus lebih besar dari baris di atasnya (90 hari)."
    assert "#b00020" in editor.rows[2][1].styleSheet(), "the limit at fault is framed"
    assert services.settings.get("loans.quality_policy") == "koperasi"
    assert services.settings.get("collection.sp1_days") == 30
    assert services.audit.entries("setting") == []
    assert editor.limits()[2] == (60, "KL"), "what was typed is kept"
    editor.rows[2][1].setValue(100)
    assert editor.rows[2][1].styleSheet() == "", "the frame goes once the row changes"

    # Remove the DPK row, make it 100 KL / 150 D, measure in missed instalments.
    remove = editor.rows[1][3]
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    editor.rows[2][1].setValue(150)
    measure = tab.quality.measure.widget
    measure.setCurrentIndex(measure.findData("missed"))
    assert editor.rows[0][1].suffix() == " angsuran"
    _save(qtbot, tab)
    assert tab.errors.message("loans.custom_quality_limits") == ""
    policy = services.loans.quality.policy()
    assert (policy.key, policy.measure) == ("custom", "missed")
    assert policy.name == "Kebijakan Khusus Koperasi (tabel angsuran tertunggak)"
    assert policy.limits == ((0, "L"), (100, "KL"), (150, "D"))
    assert services.settings.get("collection.sp1_days") == 40


def test_class_order_must_worsen(qtbot: QtBot, services: Services, ketua: User) -> None:
    tab = _tab(qtbot, services, ketua)
    _choose(tab, "custom")
    combo = tab.quality.editor.rows[3][2]
    combo.setCurrentIndex(combo.findData("L"))
    _save(qtbot, tab)
    assert tab.errors.message("loans.custom_quality_limits") == (
        "Baris 4: golongan Lancar harus lebih buruk dari baris di atasnya (Kurang Lancar)."
    )
    assert services.settings.get("loans.quality_policy") == "koperasi"


def test_a_pattern_with_an_unknown_placeholder_is_refused_naming_it(
    qtbot: QtBot, services: Services, ketua: User
) -> None:
    tab = _tab(qtbot, services, ketua)
    case = tab.numbering.patterns["collection.case_pattern"]
    assert case.preview.text() == f"Contoh: KS-{YEAR}-0001"
    case.edit.setText("KS/{nomor}")
    assert "belum benar" in case.preview.text()
    tab.promises.fields[0].widget.setValue(3)
    _save(qtbot, tab)
    assert "{nomor}" in tab.errors.message("collection.case_pattern")
    assert services.settings.get("collection.promise_grace_days") == 0, "nothing saved"
    case.edit.setText("{seq:03}/{coop_code}/KS/{year}")
    assert case.preview.text() == f"Contoh: 001/KSP-UJ/KS/{YEAR}"
    _save(qtbot, tab)
    assert services.settings.get("collection.case_pattern") == "{seq:03}/{coop_code}/KS/{year}"
    assert services.settings.get("collection.promise_grace_days") == 3


def test_a_group_goes_back_to_its_defaults_after_confirmation(
    qtbot: QtBot, services: Services, ketua: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in (
        ("collection.sp1_days", 60),
        ("collection.sp2_after_days", 7),
        ("collection.offer_days", 10),
    ):
        services.settings.set(ketua, key, value)
    tab = _tab(qtbot, services, ketua)
    asked: list[str] = []

    def answer(yes: bool):
        def confirm(_parent: object, _title: str, text: str, **_kw: str) -> bool:
            asked.append(text)
            return yes

        return confirm

    monkeypatch.setattr(messages, "confirm", answer(False))
    qtbot.mouseClick(tab.letters.reset_button, Qt.MouseButton.LeftButton)
    assert "SP1 setelah terlambat: 30 hari" in asked[-1]
    assert services.settings.get("collection.sp1_days") == 60, "refused: nothing changes"

    monkeypatch.setattr(messages, "confirm", answer(True))
    qtbot.mouseClick(tab.letters.reset_button, Qt.MouseButton.LeftButton)
    assert services.settings.get("collection.sp1_days") == DEFAULTS["collection.sp1_days"]
    assert services.settings.get("collection.sp2_after_days") == 14
    assert tab.letters.sp1.widget.value() == 30
    assert services.settings.get("collection.offer_days") == 10, "other groups are kept"
    entry = services.audit.entries("setting", "collection.sp1_days")[0]
    assert (entry.before, entry.after) == ({"value": 60}, {"value": 30})


def test_staff_see_the_policies_read_only(qtbot: QtBot, services: Services) -> None:
    kasir = make_user(services, Role.STAF, "kasir")
    tab = _tab(qtbot, services, kasir)
    assert not tab.save_button.isEnabled()
    assert "Admin atau Pengurus" in tab.save_button.toolTip()
    assert not tab.quality.policy.widget.isEnabled()
    assert not tab.letters.reset_button.isEnabled()
    assert tab.findChild(QLabel, "policy_read_only") is not None
    assert "Permen KUKM" in tab.quality.report_name.text(), "the policy in use is shown"
