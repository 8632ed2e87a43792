"""Simulasi Pinjaman: any principal, rate, method, term and rounding -> the schedule and totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.formats import add_months
from app.loans.models import LoanProduct
from app.loans.schedule import (
    METHODS,
    Installment,
    ScheduleTerms,
    build_schedule,
    effective_annual_rate,
    method_label,
    months_for_installment,
)
from app.money import format_rate, format_rupiah, parse_rate
from app.services import Services
from app.users.models import User
from ui.errors import show_error
from ui.export import install_export
from ui.models.schedule_model import PlanColumn, PlanModel
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit

ROUNDINGS = (1, 100, 500, 1000)
PRINT_SOON = QT_TRANSLATE_NOOP(
    "SimulationDialog", "Buka Simulasi Pinjaman dari bagian Pinjaman untuk mencetaknya."
)


def rate_per_year_text(monthly: Decimal) -> str:
    return f"{format_rate(monthly)} per bulan = {format_rate(monthly * 12)} per tahun"


def schedule_totals(rows: list[Installment]) -> tuple[int, int, int]:
    """(total pokok, total jasa, total dibayar)."""
    pokok = sum(r.pokok for r in rows)
    jasa = sum(r.jasa for r in rows)
    return pokok, jasa, pokok + jasa


class SimulationDialog(QDialog):
    """Nothing is saved; the schedule follows every change of the fields."""

    def __init__(
        self,
        services: Services | None,
        today: date | None = None,
        parent: QWidget | None = None,
        user: User | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today = today or date.today()
        self.errors = FieldErrors()
        self.schedule: list[Installment] = []
        self.setWindowTitle(self.tr("Simulasi Pinjaman"))
        self.resize(1080, 640)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.recalculate)

        layout = QHBoxLayout(self)
        layout.addWidget(self._build_form(), 0)
        layout.addLayout(self._build_result(), 1)
        self._fill_defaults()
        self.recalculate()
        self.amount_edit.setFocus()

    # -- building ---------------------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        box = QGroupBox(self.tr("Ketentuan Pinjaman"))
        box.setMinimumWidth(360)
        box.setMaximumWidth(400)
        form = QFormLayout(box)
        self.product_combo = QComboBox()
        self.product_combo.addItem(self.tr("— isi sendiri —"), None)
        for product in self._products():
            self.product_combo.addItem(product.name, product)
        self.product_combo.setToolTip(self.tr("Pilih produk untuk mengisi bunga dan metodenya"))
        self.amount_edit = RupiahEdit(field="amount")
        self.rate_edit = QLineEdit()
        self.rate_edit.setPlaceholderText(self.tr("misalnya 1,5"))
        self.rate_hint = QLabel()
        self.rate_hint.setObjectName("rate_hint")
        self.rate_hint.setStyleSheet("color:#555;")
        self.method_combo = QComboBox()
        for method in METHODS:
            self.method_combo.addItem(method_label(method), method)
        self.months_spin = QSpinBox()
        self.months_spin.setRange(1, 360)
        self.months_spin.setSuffix(self.tr(" bulan"))
        self.first_due_edit = DateEdit(field="first_due")
        self.round_combo = QComboBox()
        for multiple in ROUNDINGS:
            self.round_combo.addItem(format_rupiah(multiple), multiple)
        self.round_up_check = QCheckBox(self.tr("dibulatkan ke atas"))
        self.grace_spin = QSpinBox()
        self.grace_spin.setRange(0, 359)
        self.grace_spin.setSuffix(self.tr(" bulan"))
        self.grace_spin.setToolTip(self.tr("Bulan-bulan pertama yang hanya membayar jasa"))

        self.errors.add_row(form, self.tr("Produk"), "product", self.product_combo)
        self.errors.add_row(form, self.tr("Pokok pinjaman (Rp)"), "amount", self.amount_edit)
        self.errors.add_row(form, self.tr("Jasa per bulan (%)"), "rate", self.rate_edit)
        form.addRow("", self.rate_hint)
        self.errors.add_row(form, self.tr("Metode"), "method", self.method_combo)
        self.errors.add_row(form, self.tr("Jangka waktu"), "months", self.months_spin)
        self.errors.add_row(form, self.tr("Angsuran pertama"), "first_due", self.first_due_edit)
        rounding = QHBoxLayout()
        rounding.addWidget(self.round_combo)
        rounding.addWidget(self.round_up_check)
        holder = QWidget()
        holder.setLayout(rounding)
        rounding.setContentsMargins(0, 0, 0, 0)
        self.errors.add_row(form, self.tr("Pembulatan"), "round_to", holder)
        self.errors.add_row(form, self.tr("Tenggang pokok"), "principal_grace", self.grace_spin)

        finder = QGroupBox(self.tr("Cari jangka waktu dari angsuran"))
        finder_form = QFormLayout(finder)
        self.target_edit = RupiahEdit(field="target_installment")
        self.target_edit.setPlaceholderText(self.tr("angsuran yang sanggup dibayar"))
        self.find_button = QPushButton(self.tr("Hitung Jangka Waktu"))
        self.find_button.clicked.connect(self.find_term)
        self.errors.add_row(finder_form, self.tr("Angsuran (Rp)"), "target_installment",
                            self.target_edit)  # fmt: skip
        finder_form.addRow("", self.find_button)
        form.addRow(finder)

        general = QLabel()
        general.setObjectName("error_general")
        self.errors.set_general(general)
        form.addRow(general)

        for edit in (self.amount_edit, self.rate_edit, self.first_due_edit):
            edit.textChanged.connect(lambda _=None: self._timer.start())
        for combo in (self.method_combo, self.round_combo):
            combo.currentIndexChanged.connect(lambda _=None: self._timer.start())
        for spin in (self.months_spin, self.grace_spin):
            spin.valueChanged.connect(lambda _=None: self._timer.start())
        self.round_up_check.toggled.connect(lambda _=None: self._timer.start())
        self.product_combo.currentIndexChanged.connect(self._product_chosen)
        return box

    def _build_result(self) -> QVBoxLayout:
        box = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("simulation_heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        box.addWidget(self.heading)
        self.model = PlanModel(self)
        self.table = install_export(QTableView())
        self.table.setObjectName("simulation_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PlanColumn.NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        box.addWidget(self.table, 1)
        self.totals = QLabel()
        self.totals.setObjectName("simulation_totals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        box.addWidget(self.totals)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("Cetak / Simpan PDF…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)  # fmt: skip
        self.print_button.setObjectName("simulation_print")
        self.print_button.clicked.connect(self.print_schedule)
        if self.services is None or self.user is None:
            self.print_button.setEnabled(False)
            self.print_button.setToolTip(self.tr(PRINT_SOON))
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        box.addWidget(buttons)
        return box

    def _products(self) -> list[LoanProduct]:
        if self.services is None:
            return []
        try:
            return self.services.loans.products.all()
        except AppError:
            return []

    def _fill_defaults(self) -> None:
        self.amount_edit.set_value(10_000_000)
        self.rate_edit.setText("1,5")
        self.months_spin.setValue(12)
        self.round_combo.setCurrentIndex(self.round_combo.findData(100))
        self.round_up_check.setChecked(True)
        self.first_due_edit.set_value(add_months(self.today, 1))

    def _product_chosen(self, _index: int) -> None:
        product = self.product_combo.currentData()
        if not isinstance(product, LoanProduct):
            return
        self.rate_edit.setText(format_rate(product.monthly_rate).removesuffix("%"))
        self.method_combo.setCurrentIndex(self.method_combo.findData(product.method))
        index = self.round_combo.findData(product.round_to)
        if index < 0:
            self.round_combo.addItem(format_rupiah(product.round_to), product.round_to)
            index = self.round_combo.count() - 1
        self.round_combo.setCurrentIndex(index)
        self.round_up_check.setChecked(product.round_up)
        self.months_spin.setValue(min(max(self.months_spin.value(), product.min_months),
                                      product.max_months))  # fmt: skip
        self.recalculate()

    # -- calculating ------------------------------------------------------------------------------
    def monthly_rate(self) -> Decimal:
        try:
            return parse_rate(self.rate_edit.text())
        except ValidationError as exc:
            raise ValidationError(exc.message, field="rate") from None

    def terms(self) -> ScheduleTerms:
        first_due = self.first_due_edit.value()
        assert first_due is not None
        return ScheduleTerms(
            principal=self.amount_edit.value(),
            annual_rate=self.monthly_rate() * 12,
            months=self.months_spin.value(),
            method=str(self.method_combo.currentData()),
            first_due=first_due,
            round_to=int(self.round_combo.currentData()),
            round_up=self.round_up_check.isChecked(),
            principal_grace=self.grace_spin.value(),
        )

    def recalculate(self) -> None:
        self._timer.stop()
        self.errors.clear()
        try:
            terms = self.terms()
            rows = build_schedule(terms)
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            self._show_nothing()
            return
        self.schedule = rows
        self.model.set_rows(rows)
        self._show_totals(terms, rows)

    def _show_nothing(self) -> None:
        self.schedule = []
        self.model.set_rows([])
        self.heading.setText(self.tr("Lengkapi ketentuan di sebelah kiri."))
        self.totals.setText("")
        self.rate_hint.setText("")

    def _show_totals(self, terms: ScheduleTerms, rows: list[Installment]) -> None:
        monthly = terms.annual_rate / 12
        self.rate_hint.setText(rate_per_year_text(monthly))
        self.heading.setText(
            self.tr("{amount}, jasa {rate}, metode {method}, {months} bulan").format(
                amount=format_rupiah(terms.principal), rate=rate_per_year_text(monthly),
                method=method_label(terms.method), months=terms.months,
            )
        )  # fmt: skip
        pokok, jasa, total = schedule_totals(rows)
        regular = rows[terms.principal_grace].total if rows else 0
        lines = [
            self.tr("Angsuran per bulan: <b>{amount}</b>").format(amount=format_rupiah(regular)),
            self.tr("Total jasa: <b>{amount}</b>").format(amount=format_rupiah(jasa)),
            self.tr("Total dibayar: <b>{amount}</b> (pokok {pokok})").format(
                amount=format_rupiah(total), pokok=format_rupiah(pokok)),
        ]  # fmt: skip
        if rows and rows[-1].total != regular:
            lines.append(self.tr("Angsuran terakhir {amount} (sisa pembulatan).").format(
                amount=format_rupiah(rows[-1].total)))  # fmt: skip
        if terms.method == "flat":
            effective = effective_annual_rate(terms.annual_rate, terms.months)
            lines.append(self.tr(
                "Bunga efektif (setara menurun/anuitas): <b>{year} per tahun</b> "
                "(± {month} per bulan)."
            ).format(
                year=format_rate(effective),
                month=format_rate((effective / 12).quantize(Decimal("0.01"))),
            ))  # fmt: skip
        self.totals.setText("<br>".join(lines))

    def find_term(self) -> None:
        self.errors.clear()
        try:
            months = months_for_installment(
                self.amount_edit.value(), self.monthly_rate() * 12,
                str(self.method_combo.currentData()), self.target_edit.value(),
                round_to=int(self.round_combo.currentData()),
                round_up=self.round_up_check.isChecked(),
            )  # fmt: skip
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors, at=exc.field or "target_installment")
            return
        self.grace_spin.setValue(0)
        self.months_spin.setValue(months)
        self.recalculate()

    def print_schedule(self) -> None:
        """The simulated schedule as a numbered A4 'Simulasi Jadwal Angsuran', previewed."""
        if self.services is None or self.user is None:
            return
        self.recalculate()
        if not self.schedule:
            return
        from ui.views.loan_print import print_simulation  # reportlab only when printing

        print_simulation(self, self.services, self.user, self.terms(), self.today)
