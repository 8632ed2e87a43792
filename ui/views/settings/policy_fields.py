"""Pengaturan → Kebijakan: one editor per setting, and the titled group that holds them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.numbering import format_pattern, validate_pattern
from app.settings.profile import CHOICES, DEFAULTS
from ui.widgets.form import FieldErrors

HINT_STYLE = "color: #555;"


def hint_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    # Word-wrapped labels in a form may get more height than their lines: keep the text
    # right under its field instead of centred in that space.
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class SettingField:
    """The editor of one setting: `load` shows a stored value, `value` gives what is on screen
    (ValidationError at the setting's key when it cannot be used)."""

    def __init__(self, key: str, widget: QWidget) -> None:
        self.key = key
        self.widget = widget
        self.label = ""
        widget.setObjectName(key)

    def load(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def describe(self, value: Any) -> str:
        """A stored value in words, for the confirmation before going back to the default."""
        return str(value)


class ChoiceField(SettingField):
    """One of the fixed values of CHOICES[key], shown by its Indonesian label."""

    def __init__(self, key: str) -> None:
        self.combo = QComboBox()
        # Long labels may be cut in the closed box (the list shows them whole), so the form
        # keeps its label and field side by side.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(16)
        for value, label in CHOICES[key].items():
            self.combo.addItem(label, value)
        super().__init__(key, self.combo)

    def load(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))

    def value(self) -> Any:
        return self.combo.currentData()

    def describe(self, value: Any) -> str:
        return CHOICES[self.key].get(value, str(value))


class NumberField(SettingField):
    """A whole number in a range; `off` names what 0 means when 0 switches the rule off."""

    def __init__(self, key: str, top: int, suffix: str, *, bottom: int = 0, off: str = "") -> None:
        self.spin = QSpinBox()
        self.spin.setRange(bottom, top)
        self.spin.setSuffix(suffix)
        if off:
            self.spin.setSpecialValueText(off)
        super().__init__(key, self.spin)

    def load(self, value: Any) -> None:
        self.spin.setValue(int(value))

    def value(self) -> Any:
        return self.spin.value()

    def describe(self, value: Any) -> str:
        if value == self.spin.minimum() and self.spin.specialValueText():
            return self.spin.specialValueText()
        return f"{value}{self.spin.suffix()}"


class CheckField(SettingField):
    def __init__(self, key: str, text: str) -> None:
        self.check = QCheckBox(text)
        super().__init__(key, self.check)
        self.label = text

    def load(self, value: Any) -> None:
        self.check.setChecked(bool(value))

    def value(self) -> Any:
        return self.check.isChecked()

    def describe(self, value: Any) -> str:
        # Literal translate() calls so that lupdate finds the texts (context PolicyTab).
        if value:
            return QCoreApplication.translate("PolicyTab", "disyaratkan")
        return QCoreApplication.translate("PolicyTab", "tidak disyaratkan")


class PatternField(SettingField):
    """A number pattern with an example of the next number under it."""

    def __init__(self, key: str, doc_code: str, coop_code: Callable[[], str]) -> None:
        self.edit = QLineEdit()
        self.preview = hint_label()
        self.preview.setWordWrap(False)  # one short line under the field
        self.preview.setObjectName(f"preview_{key}")
        self.doc_code = doc_code
        self.coop_code = coop_code
        self.edit.textChanged.connect(self._show_example)
        super().__init__(key, self.edit)

    def load(self, value: Any) -> None:
        self.edit.setText(str(value))
        self.edit.setCursorPosition(0)  # a long pattern shows its beginning

    def value(self) -> Any:
        text = self.edit.text().strip()
        validate_pattern(text, field=self.key)
        return text

    def _show_example(self, _text: str = "") -> None:
        try:
            pattern = self.value()
        except ValidationError:
            self.preview.setText(
                QCoreApplication.translate("PolicyTab", "Contoh: (pola belum benar)")
            )
            return
        sample = format_pattern(pattern, 1, date.today(), self.coop_code(), self.doc_code)
        example = QCoreApplication.translate("PolicyTab", "Contoh: {sample}")
        self.preview.setText(example.format(sample=sample))


class PolicyGroup(QGroupBox):
    """A titled group of settings with its own 'Kembalikan ke bawaan' button."""

    reset_requested = Signal(object)  # this group

    def __init__(
        self, name: str, title: str, errors: FieldErrors, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"group_{name}")
        self.name = name
        self.heading = title
        self.errors = errors
        self.fields: list[SettingField] = []
        outer = QVBoxLayout(self)
        # The title and the group's own reset share one line (a QGroupBox title cannot hold
        # a button), which keeps the long page shorter.
        top = QHBoxLayout()
        caption = QLabel(title)
        caption.setStyleSheet("font-weight: bold;")
        top.addWidget(caption, 1)
        self.reset_button = QPushButton(self.tr("Kembalikan ke bawaan"))
        self.reset_button.setObjectName(f"reset_{name}")
        self.reset_button.setToolTip(
            self.tr("Isi kelompok ini dengan pengaturan bawaan program, lalu simpan.")
        )
        self.reset_button.clicked.connect(lambda: self.reset_requested.emit(self))
        top.addWidget(self.reset_button)
        outer.addLayout(top)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer.addLayout(self.form)

    def add(self, label: str, field: SettingField, hint: str = "") -> SettingField:
        field.label = label or field.label
        if label:
            self.errors.add_row(self.form, label, field.key, field.widget)
        else:  # a check box carries its own text: across the whole group
            error = QLabel(objectName=f"error_{field.key}")
            error.setWordWrap(True)
            error.setStyleSheet("color: #b00020;")
            error.hide()
            self.form.addRow(field.widget)
            self.form.addRow(error)
            self.errors.register(field.key, field.widget, error)
        if isinstance(field, PatternField):
            self.form.addRow("", field.preview)
        if hint:
            self.form.addRow(hint_label(hint))
        self.fields.append(field)
        return field

    @property
    def keys(self) -> list[str]:
        return [f.key for f in self.fields]

    def load(self, get: Callable[[str], Any]) -> None:
        for field in self.fields:
            field.load(get(field.key))

    def values(self) -> dict[str, Any]:
        """What is on screen by setting key (in saving order)."""
        return {field.key: field.value() for field in self.fields}

    def defaults_text(self) -> str:
        """Each setting of the group with its shipped default, one line each."""
        return "\n".join(
            f"• {field.label}: {field.describe(DEFAULTS[field.key])}" for field in self.fields
        )
