"""Tambah or ubah a loan product: its terms, denda rule and payment allocation (Pengaturan)."""

from __future__ import annotations

from decimal import Decimal
from itertools import permutations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.loans.allocation import COMPONENTS
from app.loans.denda import DendaRule, denda_rule_text
from app.loans.models import PAYOFF_RULES, LoanProduct, LoanProductDraft
from app.loans.products import MAX_MONTHS
from app.loans.schedule import METHODS, method_label
from app.money import format_rate, format_rupiah, parse_rate
from app.services import Services
from app.users.models import User
from ui.errors import show_error
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit

ROUNDINGS = (1, 100, 500, 1_000)
ORDERS = tuple(permutations(COMPONENTS))
HINT = "color: #555;"


def order_text(order: tuple[str, ...]) -> str:
    """('denda', 'jasa', 'pokok') -> 'Denda → Jasa → Pokok'."""
    return " → ".join(part.capitalize() for part in order)


def rate_text(rate: Decimal) -> str:
    """Decimal('1.5') -> '1,5' (as typed in a rate field, without the % sign)."""
    return format_rate(rate).removesuffix("%")


def _row(*widgets: QWidget | str) -> QWidget:
    """Several widgets (or words between them) on one form row."""
    holder = QWidget()
    line = QHBoxLayout(holder)
    line.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        line.addWidget(QLabel(widget) if isinstance(widget, str) else widget)
    line.addStretch()
    return holder


class ProductDialog(QDialog):
    """New product when `product` is None, else edit it. `saved` holds the stored product."""

    def __init__(
        self,
        services: Services,
        actor: User,
        product: LoanProduct | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.product = product
        self.saved: LoanProduct | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(
            self.tr("Tambah Produk Pinjaman") if product is None else self.tr("Ubah Produk")
        )
        self.setMinimumWidth(1120)
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        columns.addWidget(self._terms_box(), 1)
        right = QVBoxLayout()
        right.addWidget(self._denda_box())
        right.addWidget(self._payment_box())
        right.addStretch()
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        if product is not None:
            note = QLabel(
                self.tr(
                    "Perubahan hanya berlaku untuk pinjaman yang diajukan sesudah ini; pinjaman "
                    "yang sudah ada tetap memakai ketentuan saat diajukan."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        general = QLabel(objectName="error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("product_save")
        cancel = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._fill(product)
        self.name.setFocus()

    # -- building ---------------------------------------------------------------------------
    def _terms_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ketentuan pinjaman"))
        form = QFormLayout(box)
        self.name = QLineEdit(objectName="name")
        self.name.setPlaceholderText(self.tr("misalnya Pinjaman Usaha Mikro"))
        self.method = QComboBox(objectName="method")
        for method in METHODS:
            self.method.addItem(method_label(method), method)
        self.rate = QLineEdit(objectName="monthly_rate")
        self.rate.setPlaceholderText(self.tr("misalnya 1,5"))
        self.rate_year = QLabel(objectName="rate_year")
        self.rate_year.setStyleSheet(HINT)
        self.rate.textChanged.connect(self._show_rate_year)
        self.min_months = QSpinBox(objectName="min_months")
        self.max_months = QSpinBox(objectName="max_months")
        for spin in (self.min_months, self.max_months):
            spin.setRange(1, MAX_MONTHS)
            spin.setSuffix(self.tr(" bulan"))
        self.min_amount = RupiahEdit(field="min_amount")
        self.max_amount = RupiahEdit(field="max_amount")
        self.round_to = QComboBox(objectName="round_to")
        for multiple in ROUNDINGS:
            self.round_to.addItem(format_rupiah(multiple), multiple)
        self.round_up = QComboBox(objectName="round_up")
        self.round_up.addItem(self.tr("dibulatkan ke atas"), True)
        self.round_up.addItem(self.tr("ke yang terdekat"), False)
        self.fee_rate = QLineEdit(objectName="admin_fee_rate")
        self.fee_rate.setMaximumWidth(80)
        self.fee_fixed = RupiahEdit(field="admin_fee_fixed")

        add = self.errors.add_row
        add(form, self.tr("Nama produk"), "name", self.name)
        add(form, self.tr("Metode"), "method", self.method)
        add(form, self.tr("Jasa per bulan (%)"), "monthly_rate", self.rate)
        form.addRow("", self.rate_year)
        error = add(
            form,
            self.tr("Jangka waktu"),
            "max_months",
            _row(self.min_months, self.tr("sampai"), self.max_months),
        )
        self.errors.register("min_months", self.min_months, error)
        error = add(
            form,
            self.tr("Plafon (Rp)"),
            "max_amount",
            _row(self.min_amount, self.tr("sampai"), self.max_amount),
        )
        self.errors.register("min_amount", self.min_amount, error)
        add(
            form,
            self.tr("Pembulatan angsuran"),
            "round_to",
            _row(self.tr("kelipatan"), self.round_to, self.round_up),
        )
        error = add(
            form,
            self.tr("Biaya administrasi"),
            "admin_fee_rate",
            _row(self.fee_rate, self.tr("% dari plafon, ditambah Rp"), self.fee_fixed),
        )
        self.errors.register("admin_fee_fixed", self.fee_fixed, error)
        hint = QLabel(self.tr("Biaya administrasi dipotong saat pencairan."))
        hint.setStyleSheet(HINT)
        form.addRow("", hint)
        return box

    def _denda_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Denda keterlambatan"))
        form = QFormLayout(box)
        self.denda_basis = QComboBox(objectName="denda_basis")
        for key, label in (
            ("installment", self.tr("angsuran yang terlambat (pokok + jasa)")),
            ("principal", self.tr("pokok yang terlambat saja")),
            ("fixed", self.tr("jumlah tetap")),
        ):
            self.denda_basis.addItem(label, key)
        self.denda_rate = QLineEdit(objectName="denda_rate")
        self.denda_rate.setMaximumWidth(80)
        self.denda_fixed = RupiahEdit(field="denda_fixed_amount")
        self.denda_per = QComboBox(objectName="denda_per")
        self.denda_per.addItem(self.tr("per hari"), "day")
        self.denda_per.addItem(self.tr("per bulan"), "month")
        self.denda_grace = QSpinBox(objectName="denda_grace_days")
        self.denda_grace.setRange(0, 90)
        self.denda_grace.setSuffix(self.tr(" hari"))
        self.denda_grace.setSpecialValueText(self.tr("tidak ada"))
        self.cap_rate = QLineEdit(objectName="denda_cap_rate")
        self.cap_rate.setMaximumWidth(80)
        self.cap = RupiahEdit(field="denda_cap")
        for edit in (self.cap_rate, self.cap):
            edit.setPlaceholderText(self.tr("tanpa batas"))
        add = self.errors.add_row
        add(form, self.tr("Dihitung dari"), "denda_basis", self.denda_basis)
        # Only the amount that applies is shown: a percentage, or rupiah for a fixed denda.
        self.percent_sign = QLabel("%")
        self.rupiah_sign = QLabel("Rp")
        error = add(
            form,
            self.tr("Besarnya"),
            "denda_rate",
            _row(
                self.denda_rate,
                self.percent_sign,
                self.rupiah_sign,
                self.denda_fixed,
                self.denda_per,
            ),
        )
        for name, widget in (
            ("denda_fixed_amount", self.denda_fixed),
            ("denda_per", self.denda_per),
        ):
            self.errors.register(name, widget, error)
        add(
            form,
            self.tr("Bebas denda"),
            "denda_grace_days",
            _row(self.denda_grace, self.tr("setelah jatuh tempo")),
        )
        add(
            form,
            self.tr("Paling banyak"),
            "denda_cap_rate",
            _row(self.cap_rate, self.tr("% dari angsuran")),
        )
        add(
            form,
            self.tr("dan paling banyak"),
            "denda_cap",
            _row(self.tr("Rp"), self.cap, self.tr("per angsuran")),
        )
        self.denda_text = QLabel(objectName="denda_text")
        self.denda_text.setWordWrap(True)
        self.denda_text.setStyleSheet(HINT)
        form.addRow(self.denda_text)
        for edit in (self.denda_rate, self.denda_fixed, self.cap_rate, self.cap):
            edit.textChanged.connect(lambda _t: self._show_denda())
        for combo in (self.denda_basis, self.denda_per):
            combo.currentIndexChanged.connect(lambda _i: self._show_denda())
        self.denda_grace.valueChanged.connect(lambda _v: self._show_denda())
        return box

    def _payment_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Pembayaran"))
        form = QFormLayout(box)
        self.alloc_order = QComboBox(objectName="alloc_order")
        for order in ORDERS:
            self.alloc_order.addItem(order_text(order), ",".join(order))  # Qt keeps text well
        self.alloc_mode = QComboBox(objectName="alloc_mode")
        self.alloc_mode.addItem(self.tr("angsuran terlama dilunasi dulu"), "per_installment")
        self.alloc_mode.addItem(
            self.tr("satu komponen untuk semua angsuran, baru berikutnya"), "per_component"
        )
        self.payoff = QComboBox(objectName="payoff_rule")
        for key, label in PAYOFF_RULES.items():
            self.payoff.addItem(label, key)
        add = self.errors.add_row
        add(form, self.tr("Urutan pembayaran"), "alloc_order", self.alloc_order)
        add(form, self.tr("Cara membagi"), "alloc_mode", self.alloc_mode)
        add(form, self.tr("Pelunasan dipercepat"), "payoff_rule", self.payoff)
        return box

    # -- values -----------------------------------------------------------------------------
    def _fill(self, product: LoanProduct | None) -> None:
        draft = product or LoanProductDraft(name="", method="flat", monthly_rate=Decimal("1.5"))
        self.name.setText(draft.name)
        self.method.setCurrentIndex(self.method.findData(draft.method))
        self.rate.setText(rate_text(draft.monthly_rate))
        self.min_months.setValue(draft.min_months)
        self.max_months.setValue(draft.max_months)
        self.min_amount.set_value(draft.min_amount)
        self.max_amount.set_value(draft.max_amount)
        if self.round_to.findData(draft.round_to) < 0:
            self.round_to.addItem(format_rupiah(draft.round_to), draft.round_to)
        self.round_to.setCurrentIndex(self.round_to.findData(draft.round_to))
        self.round_up.setCurrentIndex(self.round_up.findData(draft.round_up))
        self.fee_rate.setText(rate_text(draft.admin_fee_rate))
        self.fee_fixed.set_value(draft.admin_fee_fixed)
        rule = draft.denda_rule
        self.denda_basis.setCurrentIndex(self.denda_basis.findData(rule.basis))
        self.denda_rate.setText(rate_text(rule.rate))
        self.denda_fixed.set_value(rule.fixed_amount)
        self.denda_per.setCurrentIndex(self.denda_per.findData(rule.per))
        self.denda_grace.setValue(rule.grace_days)
        self.cap_rate.setText("" if rule.cap_rate is None else rate_text(rule.cap_rate))
        self.cap.set_value(rule.cap)
        self.alloc_order.setCurrentIndex(self.alloc_order.findData(",".join(draft.alloc_order)))
        self.alloc_mode.setCurrentIndex(self.alloc_mode.findData(draft.alloc_mode))
        self.payoff.setCurrentIndex(self.payoff.findData(draft.payoff_rule))
        self._show_rate_year()
        self._show_denda()

    @staticmethod
    def _percent(edit: QLineEdit, field: str) -> Decimal:
        try:
            return parse_rate(edit.text())
        except ValidationError as exc:
            raise ValidationError(exc.message, field=field) from None

    def denda_rule(self) -> DendaRule:
        """The denda rule on screen; ValidationError at its field (denda_…)."""
        fixed = self.denda_basis.currentData() == "fixed"
        empty_rate = fixed and not self.denda_rate.text().strip()  # the rate is not used then
        try:
            return DendaRule(
                basis=str(self.denda_basis.currentData()),
                rate=Decimal(0) if empty_rate else self._percent(self.denda_rate, "denda_rate"),
                per=str(self.denda_per.currentData()),
                grace_days=self.denda_grace.value(),
                cap=self.cap.value() if self.cap.text().strip() else None,
                fixed_amount=self.denda_fixed.value() if fixed else 0,
                cap_rate=(
                    self._percent(self.cap_rate, "denda_cap_rate")
                    if self.cap_rate.text().strip()
                    else None
                ),
            )
        except ValidationError as exc:
            field = exc.field if (exc.field or "").startswith("denda_") else f"denda_{exc.field}"
            raise ValidationError(exc.message, field=field) from None

    def draft(self) -> LoanProductDraft:
        """What is on screen as a draft; ValidationError at the field that cannot be read."""
        fee_text = self.fee_rate.text().strip()
        return LoanProductDraft(
            name=self.name.text(),
            method=str(self.method.currentData()),
            monthly_rate=self._percent(self.rate, "monthly_rate"),
            min_months=self.min_months.value(),
            max_months=self.max_months.value(),
            min_amount=self.min_amount.value(),
            max_amount=self.max_amount.value(),
            round_to=int(self.round_to.currentData()),
            round_up=bool(self.round_up.currentData()),
            denda_rule=self.denda_rule(),
            admin_fee_rate=self._percent(self.fee_rate, "admin_fee_rate")
            if fee_text
            else Decimal(0),
            admin_fee_fixed=self.fee_fixed.value() if self.fee_fixed.text().strip() else 0,
            alloc_order=tuple(str(self.alloc_order.currentData()).split(",")),
            alloc_mode=str(self.alloc_mode.currentData()),
            payoff_rule=str(self.payoff.currentData()),
        )

    def save(self) -> None:
        self.errors.clear()
        products = self.services.loans.products
        try:
            draft = self.draft()
            exclude = self.product.id if self.product else None
            draft = products.validate(draft, exclude_id=exclude)
            if self.product is None:
                self.saved = products.create(self.actor, draft)
            else:
                self.saved = products.update(self.actor, self.product.id, draft)
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        self.accept()

    # -- live hints -------------------------------------------------------------------------
    def _show_rate_year(self) -> None:
        try:
            rate = parse_rate(self.rate.text())
        except ValidationError:
            self.rate_year.setText("")
            return
        self.rate_year.setText(
            self.tr("{month} per bulan = {year} per tahun").format(
                month=format_rate(rate), year=format_rate(rate * 12)
            )
        )

    def _show_denda(self) -> None:
        fixed = self.denda_basis.currentData() == "fixed"
        for widget in (self.denda_rate, self.percent_sign):
            widget.setVisible(not fixed)
        for widget in (self.denda_fixed, self.rupiah_sign):
            widget.setVisible(fixed)
        try:
            rule = self.denda_rule()
        except ValidationError:
            self.denda_text.setText(self.tr("Denda: (isian belum lengkap)"))
            return
        self.denda_text.setText(self.tr("Denda: {rule}.").format(rule=denda_rule_text(rule)))
