"""Pengaturan → Buku Simpanan: the passbook (and loan card) models' layout, a preview to scale
(lines already printed grey, new ones black) and the calibration page with a ruler."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.passbook.card import CardEntry
from app.passbook.engine import Entry
from app.passbook.layout import COLUMN_LABELS, Column, Layout
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.passbook_paint import Line, make_printer, print_calibration, render_preview
from ui.widgets import messages

MM_FIELDS = (
    ("page_width", "Lebar halaman (mm)", 40, 400),
    ("page_height", "Tinggi halaman (mm)", 40, 400),
    ("top", "Jarak atas (mm)", 0, 200),
    ("left", "Jarak kiri (mm)", 0, 200),
    ("pitch", "Jarak baris (mm)", 2, 20),
    ("font_size", "Ukuran huruf (pt)", 5, 16),
)
INT_FIELDS = (
    ("lines_per_page", "Baris per halaman", 1, 80),
    ("fold_after", "Lipatan sesudah baris (0: tanpa)", 0, 79),
    ("fold_skip", "Baris dilewati di lipatan", 0, 10),
    ("pages", "Halaman per buku", 1, 100),
)


def sample_lines(layout: Layout, kind: str, count: int = 10, printed: int = 6) -> list[Line]:
    """A page as it would look half-way: the first lines grey (printed), the next black."""
    lines: list[Line] = []
    balance = 0
    for n in range(1, min(layout.lines_per_page, count) + 1):
        amount = n * 25_000
        balance += amount
        on = date(2026, 1 + n % 12, 5)
        if kind == "kartu":
            entry: Entry | CardEntry = CardEntry(
                n, on, f"KA-2026-{n:06d}", 400_000, 90_000, 0, 4_800_000 - n * 400_000
            )
        else:
            entry = Entry(n, on, "SW", 0, amount, balance, "RK")
        lines.append((n, entry.texts(), n <= printed))
    return lines


class PassbookTab(QWidget):
    def __init__(
        self,
        services: Services,
        user: User,
        parent: QWidget | None = None,
        printer_factory: Callable[[Layout], QPrinter] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.printer_factory = printer_factory or (lambda layout: make_printer(layout))
        self._models: list[tuple[str, int, Layout]] = []
        self._loading = False
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 0)
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("passbook_model")
        self.model_combo.currentIndexChanged.connect(self._load)
        left.addWidget(self.model_combo)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(80)
        form.addRow(self.tr("Nama model"), self.name_edit)
        self.decimals: dict[str, QDoubleSpinBox] = {}
        self.ints: dict[str, QSpinBox] = {}
        for name, label, low, high in MM_FIELDS:
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setDecimals(2 if name == "pitch" else 1)
            spin.setSingleStep(0.1 if name != "font_size" else 0.5)
            self.decimals[name] = spin
            form.addRow(label, spin)
        for name, label, low, high in INT_FIELDS:
            ispin = QSpinBox()
            ispin.setRange(low, high)
            self.ints[name] = ispin
            form.addRow(label, ispin)
        left.addLayout(form)
        self.columns_box = QGroupBox(self.tr("Kolom (posisi dari jarak kiri, lebar; mm)"))
        self.columns_grid = QGridLayout(self.columns_box)
        self.column_spins: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        left.addWidget(self.columns_box)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan Model"))
        self.save_button.clicked.connect(self.save)
        self.calibrate_button = QPushButton(self.tr("Cetak Halaman Kalibrasi"))
        self.calibrate_button.clicked.connect(self.calibrate)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.calibrate_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addStretch(1)

        right = QVBoxLayout()
        note = QLabel(
            self.tr(
                "Pratinjau sesuai skala: baris abu-abu sudah tercetak, baris hitam akan dicetak."
            )
        )
        note.setWordWrap(True)
        right.addWidget(note)
        self.preview = QLabel()
        self.preview.setObjectName("passbook_layout_preview")
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        right.addWidget(scroll, 1)
        outer.addLayout(right, 1)

        for dspin in self.decimals.values():
            dspin.valueChanged.connect(self._changed)
        for ispin2 in self.ints.values():
            ispin2.valueChanged.connect(self._changed)
        editable = can(user, Action.EDIT_SETTINGS)
        self.save_button.setEnabled(editable)
        if not editable:
            self.save_button.setToolTip(
                self.tr("Hanya Admin atau Pengurus yang boleh mengubah pengaturan.")
            )
        self.reload()

    # -- models -------------------------------------------------------------------------------
    def reload(self) -> None:
        self._models = [("buku", i, lay) for i, lay in self.services.passbooks.models("buku")]
        self._models += [("kartu", i, lay) for i, lay in self.services.passbooks.models("kartu")]
        self.model_combo.blockSignals(True)
        current = self.model_combo.currentIndex()
        self.model_combo.clear()
        for kind, _, layout in self._models:
            prefix = self.tr("Buku Simpanan") if kind == "buku" else self.tr("Kartu Angsuran")
            self.model_combo.addItem(f"{prefix}: {layout.name}")
        self.model_combo.blockSignals(False)
        self.model_combo.setCurrentIndex(max(0, current))
        self._load()

    def _current(self) -> tuple[str, int, Layout]:
        return self._models[max(0, self.model_combo.currentIndex())]

    def _load(self, *_args: object) -> None:
        layout = self._current()[2]
        self._loading = True
        self.name_edit.setText(layout.name)
        for name, spin in self.decimals.items():
            spin.setValue(float(getattr(layout, name)))
        for name, ispin in self.ints.items():
            ispin.setValue(int(getattr(layout, name)))
        while self.columns_grid.count():
            item = self.columns_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.column_spins = {}
        for row, col in enumerate(layout.columns):
            x, width = QDoubleSpinBox(), QDoubleSpinBox()
            for spin, value in ((x, col.x), (width, col.width)):
                spin.setRange(0, 400)
                spin.setDecimals(1)
                spin.setValue(float(value))
                spin.valueChanged.connect(self._changed)
            self.columns_grid.addWidget(QLabel(COLUMN_LABELS[col.name]), row, 0)
            self.columns_grid.addWidget(x, row, 1)
            self.columns_grid.addWidget(width, row, 2)
            self.column_spins[col.name] = (x, width)
        self._loading = False
        self._changed()

    def edited(self) -> Layout:
        """The layout as the form shows it."""
        _, _, layout = self._current()
        values: dict[str, object] = {
            name: Decimal(str(round(spin.value(), 2))) for name, spin in self.decimals.items()
        }
        values.update({name: spin.value() for name, spin in self.ints.items()})
        columns = tuple(
            Column(name, Decimal(str(round(x.value(), 1))), Decimal(str(round(w.value(), 1))))
            for name, (x, w) in self.column_spins.items()
        )
        return layout.with_(name=self.name_edit.text(), columns=columns, **values)

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        kind = self._current()[0]
        layout = self.edited()
        try:
            image = render_preview(layout, sample_lines(layout, kind), dpi=110)
        except (KeyError, ValueError):
            return
        self.preview.setPixmap(QPixmap.fromImage(image))

    # -- actions ------------------------------------------------------------------------------
    def save(self) -> None:
        kind, model_id, _ = self._current()
        try:
            self.services.passbooks.save_model(self.user, model_id, kind, self.edited())
        except AppError as exc:
            messages.warn(self, self.tr("Model Buku"), str(exc))
            return
        messages.inform(self, self.tr("Model Buku"), self.tr("Model buku disimpan."))
        self.reload()

    def calibrate(self) -> None:
        layout = self.edited()
        try:
            layout.validate()
            print_calibration(self.printer_factory(layout), layout)
        except (AppError, OSError) as exc:
            messages.warn(self, self.tr("Halaman Kalibrasi"), str(exc))
