"""Pengaturan → Kebijakan: every configurable rule of loans and problem-loan handling."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.services import Services
from app.settings.profile import DEFAULTS
from app.users.models import User
from app.users.permissions import Action, can
from ui.errors import show_error
from ui.views.settings.jasa_group import JasaGroup
from ui.views.settings.policy_fields import PolicyGroup
from ui.views.settings.policy_groups import (
    CaseGroup,
    LettersGroup,
    NumberingGroup,
    PromiseGroup,
    SettlementGroup,
    WriteoffGroup,
)
from ui.views.settings.quality_group import AllowanceGroup, QualityGroup
from ui.widgets import messages
from ui.widgets.form import FieldErrors


class PolicyTab(QWidget):
    """All groups are saved together by one Simpan; each group can go back to its defaults."""

    saved = Signal()

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.errors = FieldErrors()
        self.may_edit = can(user, Action.EDIT_SETTINGS)
        outer = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Aturan yang dipakai program untuk menilai pinjaman dan menangani pinjaman "
                "bermasalah. Nama kebijakan kolektibilitas dan PPAP tercetak di setiap laporan."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        if not self.may_edit:
            note = QLabel(
                self.tr(
                    "Anda dapat melihat kebijakan ini. Hanya Admin atau Pengurus yang boleh "
                    "mengubahnya."
                )
            )
            note.setObjectName("policy_read_only")
            note.setWordWrap(True)
            note.setStyleSheet("color: #8a4b00;")
            outer.addWidget(note)

        self.quality = QualityGroup(self.errors)
        self.allowance = AllowanceGroup(self.errors)
        self.case = CaseGroup(self.errors)
        self.letters = LettersGroup(self.errors)
        self.promises = PromiseGroup(self.errors)
        self.settlement = SettlementGroup(self.errors)
        self.writeoff = WriteoffGroup(self.errors)
        self.numbering = NumberingGroup(self.errors, lambda: services.settings.profile().code)
        self.jasa = JasaGroup(self.errors)
        self.groups: list[PolicyGroup] = [
            self.quality,
            self.allowance,
            self.case,
            self.letters,
            self.promises,
            self.settlement,
            self.writeoff,
            self.numbering,
            self.jasa,
        ]

        self.content = QWidget()
        columns = QHBoxLayout(self.content)
        for groups in (
            (self.quality, self.allowance, self.numbering, self.jasa),
            (self.case, self.letters, self.promises, self.settlement, self.writeoff),
        ):
            column = QVBoxLayout()
            for group in groups:
                column.addWidget(group)
            column.addStretch()
            columns.addLayout(column, 1)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.content)
        outer.addWidget(scroll, 1)

        general = QLabel(objectName="policy_error")
        self.errors.set_general(general)
        outer.addWidget(general)
        row = QHBoxLayout()
        self.done_label = QLabel(objectName="policy_done")
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet("color: #1b5e20;")
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setObjectName("policy_save")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.done_label, 1)
        row.addWidget(self.save_button)
        outer.addLayout(row)

        for group in self.groups:
            group.reset_requested.connect(self.reset_group)
        if not self.may_edit:
            tip = self.tr("Hanya Admin atau Pengurus yang boleh mengubah pengaturan.")
            self.content.setEnabled(False)
            self.content.setToolTip(tip)
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(tip)
            for group in self.groups:
                group.reset_button.setToolTip(tip)
        self.reload()

    def reload(self) -> None:
        for group in self.groups:
            group.load(self.services.settings.get)
        self.errors.clear()
        self.done_label.clear()

    def values(self) -> dict[str, Any]:
        """Everything on screen by setting key, in saving order; what cannot be used raises
        ValidationError at its field before anything is saved."""
        values: dict[str, Any] = {}
        for group in self.groups:
            values.update(group.values())
        return values

    def save(self) -> None:
        self.errors.clear()
        self.done_label.clear()
        get = self.services.settings.get
        try:
            changed = {k: v for k, v in self.values().items() if v != get(k)}
            self.services.settings.set_many(self.user, changed)
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        if changed:
            self.done_label.setText(
                self.tr("Kebijakan tersimpan ({count} perubahan).").format(count=len(changed))
            )
            self.saved.emit()
        else:
            self.done_label.setText(self.tr("Tidak ada yang berubah."))

    def reset_group(self, group: PolicyGroup) -> None:
        """Confirm, then store the shipped defaults of one group (audited like any change)."""
        if not self.may_edit:
            return
        text = self.tr(
            "Isi kelompok \u201c{title}\u201d diganti dengan pengaturan bawaan program dan "
            "langsung disimpan:\n\n{defaults}\n\nPerubahan di kelompok lain yang belum "
            "disimpan tidak ikut berubah."
        ).format(title=group.heading, defaults=group.defaults_text())
        if not messages.confirm(
            self,
            self.tr("Kembalikan ke bawaan"),
            text,
            yes=self.tr("Kembalikan"),
            no=self.tr("Batal"),
        ):
            return
        self.errors.clear()
        self.done_label.clear()
        try:
            self.services.settings.set_many(self.user, {key: DEFAULTS[key] for key in group.keys})
        except AppError as exc:
            show_error(self, exc, errors=self.errors)
            return
        group.load(self.services.settings.get)
        self.done_label.setText(
            self.tr("\u201c{title}\u201d kembali ke pengaturan bawaan.").format(title=group.heading)
        )
        self.saved.emit()
