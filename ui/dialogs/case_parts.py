"""Pieces the problem-loan dialogs share: the case line on top, the causes picker, the officer
choice, a multi-line text field, and showing a service error at its field."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from app.collection.models import CAUSE_GROUPS, CAUSES, Case
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can


def case_line(case: Case) -> QLabel:
    """'<b>KS-2026-0012</b> · Siti Aminah (A-0001) · pinjaman PJ-…' at the top of a dialog."""
    label = QLabel(
        f"<b>{case.number}</b> · {case.member_name} ({case.member_number}) · pinjaman "
        f"{case.loan_number} · {case.status.label}"
    )
    label.setObjectName("case_line")
    label.setWordWrap(True)
    return label


def text_box(name: str, lines: int = 2, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)  # Tab moves on (reading order), as in every other field
    box.setPlaceholderText(placeholder)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setFixedHeight(height)
    return box


class CausesPicker(QGroupBox):
    """The cause codes of DOMAIN §7 as check boxes, grouped; several may be ticked."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName("causes")
        grid = QGridLayout(self)
        grid.setVerticalSpacing(1)
        self.boxes: dict[str, QCheckBox] = {}
        column_of = {"anggota": 0, "koperasi": 1, "kondisi": 1}
        rows = {0: 0, 1: 0}
        for group, caption in CAUSE_GROUPS.items():
            col = column_of[group]
            head = QLabel(f"<i>{caption}</i>")
            grid.addWidget(head, rows[col], col)
            rows[col] += 1
            for code, (g, label) in CAUSES.items():
                if g != group:
                    continue
                box = QCheckBox(label)
                box.setObjectName(f"cause_{code}")
                grid.addWidget(box, rows[col], col)
                rows[col] += 1
                self.boxes[code] = box

    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def set_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for code, box in self.boxes.items():
            box.setChecked(code in wanted)


def officers(services: Services) -> list[User]:
    """Active users who may work on cases (record contacts or propose)."""
    return [
        u
        for u in services.users.all()
        if u.active and (can(u, Action.RECORD_CONTACT) or can(u, Action.PROPOSE))
    ]


def officer_combo(services: Services, current: int | None, *, none_text: str = "") -> QComboBox:
    """Pick an officer; `none_text` adds a first 'nobody' choice (data None)."""
    combo = QComboBox()
    combo.setObjectName("officer")
    if none_text:
        combo.addItem(none_text, None)
    for user in officers(services):
        combo.addItem(f"{user.full_name} ({user.role.label})", user.id)
    index = combo.findData(current)
    if index >= 0:
        combo.setCurrentIndex(index)
    return combo
