"""The first pages of the new-loan wizard: member, product, amount and term, schedule preview."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from app.errors import AppError, ValidationError
from app.formats import add_months
from app.loans.denda import denda_rule_text
from app.loans.models import LoanApplication, LoanProduct, LoanStatus
from app.members.models import MemberStatus
from app.money import format_rupiah
from ui.dialogs.loan_dialog_parts import note_label
from ui.dialogs.simulation_dialog import rate_per_year_text
from ui.errors import show_error
from ui.export import install_export
from ui.models.members_model import MemberColumn, MembersModel
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit

if TYPE_CHECKING:
    from ui.dialogs.loan_wizard import LoanWizard

WARNING_STYLE = "background:#fff4d6; color:#6b4700; border:1px solid #e0b84a; padding:6px;"


class _Page(QWizardPage):
    def loan_wizard(self) -> LoanWizard:
        return cast("LoanWizard", self.wizard())


class MemberPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 1 dari 8: Anggota peminjam"))
        self.setSubTitle(self.tr("Cari anggota dengan nama, No. Anggota atau NIK, lalu pilih."))
        layout = QVBoxLayout(self)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("wizard_member_search")
        self.search_edit.setPlaceholderText(self.tr("Cari nama, No. Anggota atau NIK…"))
        self.search_edit.setClearButtonEnabled(True)
        layout.addWidget(self.search_edit)
        self.model: MembersModel | None = None
        self.table = install_export(QTableView())
        self.table.setObjectName("wizard_member_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("wizard_member_chosen")
        self.chosen_label.setWordWrap(True)
        layout.addWidget(self.chosen_label)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("wizard_member_warning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.hide()
        layout.addWidget(self.warning_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda _: self._timer.start())

    def initializePage(self) -> None:
        wizard = self.loan_wizard()
        if self.model is None:
            self.model = MembersModel(wizard.services.members, self)
            self.table.setModel(self.model)
            for column in (MemberColumn.KELURAHAN, MemberColumn.JOIN_DATE, MemberColumn.SAVINGS):
                self.table.hideColumn(column)
            self.table.horizontalHeader().setSectionResizeMode(
                MemberColumn.NAME, QHeaderView.ResizeMode.Stretch
            )
            self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.run_search()
        self.search_edit.setFocus()

    def run_search(self) -> None:
        self._timer.stop()
        assert self.model is not None
        self.model.search(self.search_edit.text())
        if self.model.rowCount() == 1:
            self.table.selectRow(0)
        self._chosen()

    def preselect(self, member_id: int) -> None:
        """Start with a member chosen (e.g. from the member's panel)."""
        assert self.model is not None
        try:
            member = self.loan_wizard().services.members.get(member_id)
        except AppError:
            return
        self.search_edit.setText(member.number)
        self.run_search()
        row = self.model.row_of(member_id)
        if row is not None:
            self.table.selectRow(row)
        self._chosen()

    def _chosen(self) -> None:
        wizard = self.loan_wizard()
        rows = self.table.selectionModel().selectedRows() if self.model else []
        wizard.member = None
        if rows and self.model is not None:
            try:
                wizard.member = wizard.services.members.get(self.model.row_at(rows[0].row()).id)
            except AppError as exc:
                self.chosen_label.setText(exc.message)
        member = wizard.member
        if member is None:
            self.chosen_label.setText(self.tr("Belum ada anggota yang dipilih."))
            self.warning_label.hide()
        else:
            self.chosen_label.setText(self.tr("Dipilih: <b>{name}</b> · No. Anggota {number}")
                                      .format(name=member.name, number=member.number))  # fmt: skip
            self._show_warnings()
        self.completeChanged.emit()

    def _show_warnings(self) -> None:
        wizard = self.loan_wizard()
        member = wizard.member
        assert member is not None
        notes: list[str] = []
        if member.status != MemberStatus.AKTIF:
            notes.append(self.tr("Anggota ini berstatus {status}, bukan aktif.").format(
                status=member.status.label))  # fmt: skip
        try:
            loans = wizard.services.loans.member_loans(member.id, wizard.today)
        except AppError:
            loans = []
        wizard.open_loans = [r for r in loans if r.status == LoanStatus.AKTIF]
        if wizard.open_loans:
            notes.append(self.tr("Anggota ini masih punya {n} pinjaman aktif: {numbers}.").format(
                n=len(wizard.open_loans),
                numbers=", ".join(f"{r.number} (sisa {format_rupiah(r.outstanding)})"
                                  for r in wizard.open_loans)))  # fmt: skip
        self.warning_label.setText("\n".join(notes))
        self.warning_label.setVisible(bool(notes))

    def isComplete(self) -> bool:
        return self.loan_wizard().member is not None


class ProductPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 2 dari 8: Produk pinjaman"))
        self.setSubTitle(self.tr("Produk menentukan jasa, metode angsuran, batas dan denda."))
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("wizard_products")
        layout.addWidget(self.list, 1)
        self.description = QLabel()
        self.description.setObjectName("wizard_product_description")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.description)
        self.list.currentRowChanged.connect(lambda _: self._chosen())

    def initializePage(self) -> None:
        if self.list.count():
            return
        wizard = self.loan_wizard()
        for product in wizard.services.loans.products.all():
            item = QListWidgetItem(f"{product.name} — {product.method_label}, "
                                   f"{rate_per_year_text(product.monthly_rate)}")  # fmt: skip
            item.setData(Qt.ItemDataRole.UserRole, product)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def _chosen(self) -> None:
        item = self.list.currentItem()
        product = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.loan_wizard().product = product if isinstance(product, LoanProduct) else None
        self.description.setText(self.describe(self.loan_wizard().product))
        self.completeChanged.emit()

    def describe(self, p: LoanProduct | None) -> str:
        if p is None:
            return ""
        fee = []
        if p.admin_fee_rate:
            fee.append(f"{p.admin_fee_rate.normalize():f}".replace(".", ",") + "% dari plafon")
        if p.admin_fee_fixed:
            fee.append(format_rupiah(p.admin_fee_fixed))
        return self.tr(
            "<b>{name}</b><br>Metode {method}; jasa {rate}.<br>"
            "Plafon {min_amount} sampai {max_amount}; jangka waktu {min_months}–{max_months} "
            "bulan.<br>Biaya administrasi: {fee}.<br>Denda: {denda}."
        ).format(
            name=p.name, method=p.method_label, rate=rate_per_year_text(p.monthly_rate),
            min_amount=format_rupiah(p.min_amount), max_amount=format_rupiah(p.max_amount),
            min_months=p.min_months, max_months=p.max_months,
            fee=" + ".join(fee) or self.tr("tidak ada"), denda=denda_rule_text(p.denda_rule),
        )  # fmt: skip

    def isComplete(self) -> bool:
        return self.loan_wizard().product is not None


class AmountPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 3 dari 8: Jumlah dan jangka waktu"))
        self.setSubTitle(self.tr("Batasnya mengikuti produk. Angsuran pertama biasanya sebulan "
                                 "setelah pencairan."))  # fmt: skip
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.amount_edit = RupiahEdit(field="amount")
        self.amount_edit.setObjectName("wizard_amount")
        self.months_spin = QSpinBox()
        self.months_spin.setObjectName("wizard_months")
        self.months_spin.setRange(1, 360)
        self.months_spin.setSuffix(self.tr(" bulan"))
        self.first_due_edit = DateEdit(field="first_due")
        self.grace_spin = QSpinBox()
        self.grace_spin.setRange(0, 359)
        self.grace_spin.setSuffix(self.tr(" bulan"))
        self.grace_spin.setToolTip(self.tr("Bulan-bulan pertama yang hanya membayar jasa"))
        self.purpose_edit = QLineEdit()
        self.purpose_edit.setMaxLength(200)
        self.purpose_edit.setPlaceholderText(self.tr("misalnya: tambahan modal warung"))
        self.application_date_edit = DateEdit(field="application_date")
        self.replaces_combo = QComboBox()
        self.errors.add_row(form, self.tr("Jumlah pinjaman (Rp) *"), "amount", self.amount_edit)
        self.errors.add_row(form, self.tr("Jangka waktu *"), "months", self.months_spin)
        self.errors.add_row(form, self.tr("Angsuran pertama *"), "first_due", self.first_due_edit)
        self.errors.add_row(form, self.tr("Tenggang pokok"), "principal_grace", self.grace_spin)
        self.errors.add_row(form, self.tr("Tujuan pinjaman *"), "purpose", self.purpose_edit)
        self.errors.add_row(form, self.tr("Tanggal pengajuan *"), "application_date",
                            self.application_date_edit)  # fmt: skip
        self.errors.add_row(form, self.tr("Melunasi pinjaman lama"), "replaces_loan_id",
                            self.replaces_combo)  # fmt: skip
        self.limits_label = note_label()
        self.limits_label.setObjectName("wizard_limits")
        layout.addWidget(self.limits_label)
        general = QLabel()
        self.errors.set_general(general)
        layout.addWidget(general)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.loan_wizard()
        product = wizard.product
        assert product is not None
        self.limits_label.setText(self.tr(
            "Batas produk {name}: {min_amount} sampai {max_amount}, {min_months}–{max_months} "
            "bulan."
        ).format(
            name=product.name, min_amount=format_rupiah(product.min_amount),
            max_amount=format_rupiah(product.max_amount), min_months=product.min_months,
            max_months=product.max_months,
        ))  # fmt: skip
        if not self.first_due_edit.text():
            self.first_due_edit.set_value(add_months(wizard.today, 1))
        if not self.application_date_edit.text():
            self.application_date_edit.set_value(wizard.today)
        if not self.amount_edit.text():
            self.months_spin.setValue(min(max(12, product.min_months), product.max_months))
        self.replaces_combo.clear()
        self.replaces_combo.addItem(self.tr("Tidak"), None)
        for row in wizard.open_loans:
            self.replaces_combo.addItem(
                self.tr("Ya, melunasi {number} (sisa pokok {amount})").format(
                    number=row.number, amount=format_rupiah(row.outstanding)
                ),
                row.loan_id,
            )
        self.replaces_combo.setEnabled(bool(wizard.open_loans))  # fmt: skip
        self.amount_edit.setFocus()

    def application(self) -> LoanApplication:
        wizard = self.loan_wizard()
        assert wizard.member is not None and wizard.product is not None
        first_due = self.first_due_edit.value()
        applied = self.application_date_edit.value()
        assert first_due is not None and applied is not None
        replaces = self.replaces_combo.currentData()
        return LoanApplication(
            member_id=wizard.member.id,
            product_id=wizard.product.id,
            amount=self.amount_edit.value(),
            months=self.months_spin.value(),
            first_due=first_due,
            application_date=applied,
            purpose=self.purpose_edit.text().strip(),
            principal_grace=self.grace_spin.value(),
            replaces_loan_id=int(replaces) if replaces is not None else None,
        )

    def validatePage(self) -> bool:
        """Limits and dates are checked here, so each error shows at its field."""
        self.errors.clear()
        wizard = self.loan_wizard()
        assert wizard.product is not None
        try:
            draft = self.application()
            if len(draft.purpose) < 3:
                raise ValidationError("Tulis keperluan pinjaman.", field="purpose")
            terms = wizard.services.loans.products.terms(
                wizard.product, draft.amount, draft.months, draft.first_due, draft.principal_grace
            )
            check = wizard.services.loans.check_application(draft, wizard.today)
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return False
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return False
        wizard.draft, wizard.terms, wizard.check = draft, terms, check
        return True
