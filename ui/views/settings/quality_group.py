"""Pengaturan → Kebijakan: the loan quality (kolektibilitas) and allowance (PPAP) groups."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.loans.allowance import AllowancePolicy, allowance_policy
from app.loans.quality import (
    CLASS_LABELS,
    QualityPolicy,
    custom_policy,
    koperasi_policy,
    parse_custom_limits,
    quality_policy,
)
from app.money import format_rate
from app.settings.profile import DEFAULTS
from ui.views.settings.policy_fields import (
    ChoiceField,
    NumberField,
    PolicyGroup,
    SettingField,
    hint_label,
)
from ui.widgets.form import FieldErrors

POLICY = "loans.quality_policy"
MACET_MONTHS = "loans.macet_after_months"
MEASURE = "loans.custom_quality_measure"
LIMITS = "loans.custom_quality_limits"
ALLOWANCE = "loans.allowance_policy"
TABLE_CLASSES = ("L", "DPK", "KL", "D")  # above the last row the loan is Macet
MAX_ROWS = len(TABLE_CLASSES)
_MARK = "border: 2px solid #b00020;"  # the field at fault in the custom table


def limits_text(limits: list[tuple[int, str]]) -> str:
    """[(0, 'L'), (90, 'DPK')] -> '0:L,90:DPK' (the stored form of the custom table)."""
    return ",".join(f"{bound}:{code}" for bound, code in limits)


def describe_table(policy: QualityPolicy) -> str:
    """'Lancar 0 hari; Dalam Perhatian Khusus 1–90 hari; …; Macet lebih dari 180 hari'."""
    unit = "hari" if policy.measure == "days" else "angsuran"
    parts, low = [], 0
    for bound, code in policy.limits:
        span = str(bound) if bound == low else f"{low}–{bound}"
        parts.append(f"{CLASS_LABELS[code]} {span} {unit}")
        low = bound + 1
    parts.append(f"{CLASS_LABELS[policy.beyond]} lebih dari {low - 1} {unit}")
    return "; ".join(parts) + "."


def describe_allowance(policy: AllowancePolicy) -> str:
    """'Lancar 0,5%, … Macet 100% dari sisa pokok dikurangi agunan.'"""
    rates = ", ".join(f"{CLASS_LABELS[code]} {format_rate(rate)}" for code, rate in policy.rates)
    base = (
        "dari sisa pokok setelah dikurangi agunan"
        if policy.deductions
        else ("dari sisa pokok, tanpa pengurangan agunan")
    )
    return f"{rates} {base}."


class LimitsEditor(QWidget):
    """The custom table as rows: 'arrears up to [n] -> [class]', Macet beyond the last row."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = " hari"
        self.rows: list[tuple[QWidget, QSpinBox, QComboBox, QPushButton]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        for text, width in ((self.tr("Sampai dengan"), 170), (self.tr("Golongan"), 0)):
            label = QLabel(text)
            label.setStyleSheet("font-weight: bold;")
            if width:
                label.setFixedWidth(width)
            header.addWidget(label)
        layout.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(2)
        layout.addLayout(self.body)
        self.beyond = QLabel()
        layout.addWidget(self.beyond)
        self.add_button = QPushButton(self.tr("Tambah Baris"))
        self.add_button.setObjectName("limits_add")
        self.add_button.setToolTip(
            self.tr(
                "Paling banyak empat baris: Lancar, Dalam Perhatian Khusus, Kurang Lancar dan "
                "Diragukan. Di atas baris terakhir pinjaman Macet."
            )
        )
        self.add_button.clicked.connect(lambda: self.add_row())
        layout.addWidget(self.add_button)

    def set_unit(self, measure: str) -> None:
        self.unit = self.tr(" hari") if measure == "days" else self.tr(" angsuran")
        for _row, spin, _combo, _remove in self.rows:
            spin.setSuffix(self.unit)
        self._refresh()

    def set_limits(self, limits: list[tuple[int, str]]) -> None:
        while self.rows:
            self._remove(self.rows[-1][0], notify=False)
        for bound, code in limits:
            self.add_row(bound, code, notify=False)
        self._changed()

    def limits(self) -> list[tuple[int, str]]:
        return [(spin.value(), str(combo.currentData())) for _r, spin, combo, _b in self.rows]

    def add_row(
        self, bound: int | None = None, code: str | None = None, *, notify: bool = True
    ) -> None:
        if len(self.rows) >= MAX_ROWS:
            return
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        spin = QSpinBox()
        spin.setRange(0, 9999)
        spin.setSuffix(self.unit)
        spin.setFixedWidth(170)
        last = self.limits()[-1] if self.rows else None
        spin.setValue(bound if bound is not None else (last[0] + 30 if last else 0))
        combo = QComboBox()
        for choice in TABLE_CLASSES:
            combo.addItem(CLASS_LABELS[choice], choice)
        if code is None and last is not None and last[1] in TABLE_CLASSES[:-1]:
            code = TABLE_CLASSES[TABLE_CLASSES.index(last[1]) + 1]
        combo.setCurrentIndex(max(0, combo.findData(code or "L")))
        remove = QPushButton(self.tr("Hapus"))
        remove.setToolTip(self.tr("Hapus baris ini"))
        remove.clicked.connect(lambda: self._remove(row))
        line.addWidget(spin)
        line.addWidget(combo, 1)
        line.addWidget(remove)
        spin.valueChanged.connect(lambda _v: self._changed())
        combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.body.addWidget(row)
        self.rows.append((row, spin, combo, remove))
        if notify:
            self._changed()

    def _remove(self, row: QWidget, *, notify: bool = True) -> None:
        self.rows = [r for r in self.rows if r[0] is not row]
        self.body.removeWidget(row)
        row.deleteLater()
        if notify:
            self._changed()

    def problem_row(self) -> int | None:
        """The first row (0-based) whose limit does not rise or whose class does not worsen."""
        limits = self.limits()
        for number in range(1, len(limits)):
            (low, better), (high, worse) = limits[number - 1], limits[number]
            if high <= low or TABLE_CLASSES.index(worse) <= TABLE_CLASSES.index(better):
                return number
        return None

    def mark_problem(self) -> str | None:
        """Frame the row at fault in red and say what is wrong with it (None: no such row)."""
        number = self.problem_row()
        if number is None:
            return None
        _row, spin, combo, _remove = self.rows[number]
        (low, better), (high, worse) = self.limits()[number - 1], self.limits()[number]
        if high <= low:
            spin.setStyleSheet(_MARK)
            return self.tr(
                "Baris {row}: batas {high}{unit} harus lebih besar dari baris di atasnya "
                "({low}{unit})."
            ).format(row=number + 1, high=high, low=low, unit=self.unit)
        combo.setStyleSheet(_MARK)
        return self.tr(
            "Baris {row}: golongan {worse} harus lebih buruk dari baris di atasnya ({better})."
        ).format(row=number + 1, worse=CLASS_LABELS[worse], better=CLASS_LABELS[better])

    def _changed(self) -> None:
        for _row, spin, combo, _remove in self.rows:
            spin.setStyleSheet("")
            combo.setStyleSheet("")
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        last = self.rows[-1][1].value() if self.rows else 0
        self.beyond.setText(
            self.tr("lebih dari {bound}{unit}: Macet").format(bound=last, unit=self.unit)
        )
        self.add_button.setEnabled(len(self.rows) < MAX_ROWS)
        for _row, _spin, _combo, remove in self.rows:
            remove.setEnabled(len(self.rows) > 1)


class LimitsField(SettingField):
    def __init__(self) -> None:
        self.editor = LimitsEditor()
        super().__init__(LIMITS, self.editor)

    def load(self, value: Any) -> None:
        try:
            limits = parse_custom_limits(str(value))
        except ValidationError:  # never stored like that; start from the shipped table
            limits = parse_custom_limits(str(DEFAULTS[LIMITS]))
        self.editor.set_limits(limits)

    def value(self) -> Any:
        return limits_text(self.editor.limits())

    def describe(self, value: Any) -> str:
        limits = parse_custom_limits(str(value))
        return describe_table(custom_policy(limits, measure=str(DEFAULTS[MEASURE])))


class QualityGroup(PolicyGroup):
    """Which kolektibilitas policy classifies loans, with the name printed on reports."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__("quality", self.tr("Kolektibilitas (kualitas pinjaman)"), errors, parent)
        self.policy = self.add(self.tr("Kebijakan"), ChoiceField(POLICY))
        self.report_name = hint_label()
        self.report_name.setTextFormat(Qt.TextFormat.RichText)
        self.report_name.setStyleSheet("color: #222;")
        self.report_name.setObjectName("quality_report_name")
        self.form.addRow(self.report_name)
        self.description = hint_label()
        self.description.setObjectName("quality_description")
        self.form.addRow(self.description)
        self.months = self.add(
            self.tr("Lama Diragukan"),
            NumberField(MACET_MONTHS, 60, self.tr(" bulan"), bottom=1),
        )
        self.months_hint = hint_label(
            self.tr(
                "Pinjaman yang selama ini Diragukan tanpa pembayaran menjadi Macet. Bawaan "
                "12 bulan; sebagian salinan aturan menulis 21 bulan, ikuti Pola Kebijakan "
                "koperasi Anda."
            )
        )
        self.form.addRow(self.months_hint)
        self.measure = self.add(self.tr("Ukuran tunggakan"), ChoiceField(MEASURE))
        self.limits = LimitsField()
        self.add(self.tr("Tabel golongan"), self.limits)
        self.policy.widget.currentIndexChanged.connect(lambda _i: self._update())
        self.months.widget.valueChanged.connect(lambda _v: self._update())
        self.measure.widget.currentIndexChanged.connect(lambda _i: self._update())
        self.limits.editor.changed.connect(self._update)

    @property
    def editor(self) -> LimitsEditor:
        return self.limits.editor

    def load(self, get: Callable[[str], Any]) -> None:
        super().load(get)
        self._update()

    def values(self) -> dict[str, Any]:
        values = super().values()
        try:
            custom_policy(self.editor.limits(), measure=str(values[MEASURE]))
        except ValidationError as exc:
            if values[POLICY] == "custom":
                message = self.editor.mark_problem() or exc.message
                raise ValidationError(message, field=LIMITS) from None
            # A table that is neither shown nor used stays as it was stored.
            del values[LIMITS]
        return values

    def shown_policy(self) -> QualityPolicy | None:
        """The policy the fields on screen describe (None while the custom table is wrong)."""
        key = str(self.policy.value())
        try:
            if key == "koperasi":
                return koperasi_policy(int(self.months.value()))
            if key == "custom":
                return custom_policy(self.editor.limits(), measure=str(self.measure.value()))
            return quality_policy(key)
        except ValidationError:
            return None

    def _update(self) -> None:
        key = str(self.policy.value())
        self.editor.set_unit(str(self.measure.value()))
        for widget in (self.months.widget, self.months_hint):
            self.form.setRowVisible(widget, key == "koperasi")
        for widget in (self.measure.widget, self.editor):
            self.form.setRowVisible(widget, key == "custom")
        policy = self.shown_policy()
        if policy is None:
            self.report_name.setText(self.tr("Nama di laporan: (tabel belum benar)"))
        else:
            self.report_name.setText(
                self.tr("Nama di laporan: <b>{name}</b>").format(name=escape(policy.name))
            )
        self.description.setVisible(key != "custom")
        self.form.setRowVisible(self.description, key != "custom")
        if key == "koperasi":
            self.description.setText(
                self.tr(
                    "Untuk angsuran bulanan: Lancar bila tunggakan sampai 3 bulan, Kurang Lancar "
                    "lebih dari 3 sampai 6 bulan; sesudah itu Diragukan selama agunan masih "
                    "menutup sedikitnya 75 % utang, selain itu Macet."
                )
            )
        elif policy is not None and key != "custom":
            self.description.setText(describe_table(policy))


class AllowanceGroup(PolicyGroup):
    """Which PPAP preset computes the required allowance."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__("allowance", self.tr("PPAP (penyisihan pinjaman)"), errors, parent)
        self.policy = self.add(self.tr("Kebijakan PPAP"), ChoiceField(ALLOWANCE))
        self.report_name = hint_label()
        self.report_name.setTextFormat(Qt.TextFormat.RichText)
        self.report_name.setStyleSheet("color: #222;")
        self.report_name.setObjectName("allowance_report_name")
        self.form.addRow(self.report_name)
        self.policy.widget.currentIndexChanged.connect(lambda _i: self._update())

    def load(self, get: Callable[[str], Any]) -> None:
        super().load(get)
        self._update()

    def _update(self) -> None:
        policy = allowance_policy(str(self.policy.value()))
        self.report_name.setText(
            self.tr("Nama di laporan: <b>{name}</b><br>Tarif: {rates}").format(
                name=escape(policy.name), rates=escape(describe_allowance(policy))
            )
        )
