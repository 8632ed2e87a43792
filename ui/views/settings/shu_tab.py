"""Pengaturan → SHU: the AD/ART allocation of SHU in percent (saved only when it sums to exactly
100 %), the base of the members' JMA and JUA, the year's income-tax regime, and the Daftar SHU
of an ended book year."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.documents.context import DocContext
from app.errors import AppError, ValidationError
from app.ledger.shu import JMA_BASES, JUA_BASES, ShuSettings
from app.ledger.shu_split import POOLS
from app.ledger.yeartax import REGIMES, TaxSettings
from app.money import format_rate, parse_rate
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can


class ShuTab(QWidget):
    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Pembagian SHU menurut AD/ART (jumlah harus tepat 100%)"))
        form = QFormLayout(box)
        self.percent: dict[str, QLineEdit] = {}
        for key, label in POOLS:
            edit = QLineEdit(objectName=f"shu_{key}")
            edit.textChanged.connect(self._total)
            self.percent[key] = edit
            form.addRow(label, edit)
        self.total = QLabel(objectName="shu_total")
        form.addRow(self.tr("Jumlah"), self.total)
        self.jma_base = QComboBox(objectName="shu_jma_base")
        for key, label in JMA_BASES.items():
            self.jma_base.addItem(label, key)
        form.addRow(self.tr("Dasar JMA"), self.jma_base)
        self.jma_sukarela = QCheckBox(self.tr("Termasuk simpanan sukarela"), objectName="shu_suk")
        form.addRow("", self.jma_sukarela)
        self.jua_base = QComboBox(objectName="shu_jua_base")
        for key, label in JUA_BASES.items():
            self.jua_base.addItem(label, key)
        form.addRow(self.tr("Dasar JUA"), self.jua_base)
        boxes = QHBoxLayout()  # side by side: the tab must fit 1366×768
        boxes.addWidget(box, 1)
        layout.addLayout(boxes)
        tax = QGroupBox(self.tr("Pajak penghasilan tahunan (dibukukan saat tutup buku)"))
        tax_form = QFormLayout(tax)
        self.regime = QComboBox(objectName="tax_regime")
        for key, label in REGIMES.items():
            self.regime.addItem(label, key)
        tax_form.addRow(self.tr("Rezim pajak"), self.regime)
        self.final_start = QLineEdit(objectName="tax_final_start")
        self.final_start.setPlaceholderText(self.tr("mis. 2023 (berlaku 4 tahun pajak)"))
        tax_form.addRow(self.tr("Tahun mulai PPh final 0,5%"), self.final_start)
        self.normal_rate = QLineEdit(objectName="tax_rate")
        tax_form.addRow(self.tr("Tarif PPh badan (%)"), self.normal_rate)
        self.facility = QCheckBox(self.tr("Fasilitas Pasal 31E"), objectName="tax_31e")
        tax_form.addRow("", self.facility)
        boxes.addWidget(tax, 1)
        self.save_button = QPushButton(self.tr("Simpan"), objectName="shu_save")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(can(user, Action.EDIT_SETTINGS))
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(QLabel(self.tr("Tahun buku")))
        self.year = QLineEdit(objectName="shu_year")
        row.addWidget(self.year)
        self.print_button = QPushButton(self.tr("Simpan Daftar SHU (PDF)"), objectName="shu_pdf")
        self.print_button.clicked.connect(self.save_pdf)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel(objectName="shu_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        settings = self.services.shu.settings()
        for key, edit in self.percent.items():
            edit.setText(format_rate(settings.percent.get(key, Decimal(0))).removesuffix("%"))
        self.jma_base.setCurrentIndex(max(0, self.jma_base.findData(settings.jma_base)))
        self.jma_sukarela.setChecked(settings.jma_sukarela)
        self.jua_base.setCurrentIndex(max(0, self.jua_base.findData(settings.jua_base)))
        tax = self.services.tax.settings()
        self.regime.setCurrentIndex(max(0, self.regime.findData(tax.regime)))
        self.final_start.setText("" if tax.final_start is None else str(tax.final_start))
        self.normal_rate.setText(format_rate(tax.normal_rate).removesuffix("%"))
        self.facility.setChecked(tax.facility_31e)

    def current_tax(self) -> TaxSettings:
        start = self.final_start.text().strip()
        if start and not (start.isdigit() and len(start) == 4):
            raise ValidationError("Tulis tahun mulai seperti 2023.", "final_start")
        return TaxSettings(
            str(self.regime.currentData()),
            int(start) if start else None,
            parse_rate(self.normal_rate.text() or "0"),
            self.facility.isChecked(),
        )

    def _values(self) -> dict[str, Decimal]:
        return {key: parse_rate(edit.text() or "0") for key, edit in self.percent.items()}

    def _total(self) -> None:
        try:
            total = sum(self._values().values(), Decimal(0))
        except AppError as exc:
            self.total.setText(exc.message)
            return
        mark = "" if total == 100 else self.tr(" — harus tepat 100%")
        self.total.setText(format_rate(total) + mark)

    def current(self) -> ShuSettings:
        return ShuSettings(
            self._values(),
            str(self.jma_base.currentData()),
            self.jma_sukarela.isChecked(),
            str(self.jua_base.currentData()),
        )

    def save(self) -> None:
        try:
            tax = self.current_tax().validated()  # both valid before either is saved
            self.current().validated()
            self.services.shu.save_settings(self.user, self.current())
            self.services.tax.save(self.user, tax)
        except AppError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(self.tr("Pengaturan SHU disimpan."))

    def save_pdf(self, path: Path | None = None) -> None:
        try:
            text = self.year.text().strip()
            if not (text.isdigit() and len(text) == 4):
                raise ValidationError("Tulis tahun buku seperti 2025.", "year")
            result = self.services.shu.compute(int(text))
            ctx = DocContext(
                profile=self.services.settings.profile(), is_demo=self.services.is_demo
            )
            from app.documents.shu_list import render  # ReportLab: when printed

            pdf, _pages = render(result, ctx)
        except AppError as exc:
            self.message.setText(exc.message)
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Simpan Daftar SHU"), f"daftar_shu_{text}.pdf", "PDF (*.pdf)"
            )
            if not chosen:
                return
            path = Path(chosen)
        path.write_bytes(pdf)
        self.message.setText(self.tr("Daftar SHU disimpan ke {p}.").format(p=str(path)))
