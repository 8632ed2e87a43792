"""The later pages of the new-loan wizard: schedule preview, collateral and guarantor,
approval, disbursement."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
)

from app.errors import AppError, ValidationError
from app.formats import format_date_long
from app.identity import normalize_phone, validate_nik
from app.loans.collateral import check_collateral
from app.loans.creation import check_disbursement_date
from app.loans.models import (
    COLLATERAL_KINDS,
    GUARANTOR_RELATIONS,
    Collateral,
    CollateralDraft,
    GuarantorDraft,
)
from app.money import format_rupiah
from app.users.permissions import Action, can
from ui.dialogs.loan_dialog_parts import note_label
from ui.dialogs.loan_wizard_pages import WARNING_STYLE, _Page
from ui.dialogs.simulation_dialog import rate_per_year_text, schedule_totals
from ui.errors import show_error
from ui.export import install_export
from ui.models.loan_parts_model import CollateralColumn, CollateralModel
from ui.models.schedule_model import PlanColumn, PlanModel
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit


class PreviewPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 4 dari 8: Jadwal angsuran"))
        self.setSubTitle(self.tr("Periksa jadwalnya bersama anggota sebelum melanjutkan."))
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("wizard_preview_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        self.model = PlanModel(self)
        self.table = install_export(QTableView())
        self.table.setObjectName("wizard_preview_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PlanColumn.NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.totals = QLabel()
        self.totals.setObjectName("wizard_preview_totals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.totals)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("wizard_warnings")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        layout.addWidget(self.warning_label)
        self.confirm_check = QCheckBox(
            self.tr("Saya sudah membaca peringatan di atas dan tetap melanjutkan.")
        )
        self.confirm_check.setObjectName("wizard_confirm_warnings")
        self.confirm_check.toggled.connect(lambda _: self.completeChanged.emit())
        layout.addWidget(self.confirm_check)

    def initializePage(self) -> None:
        wizard = self.loan_wizard()
        assert wizard.terms is not None and wizard.check is not None
        assert wizard.draft is not None and wizard.product is not None
        rows = wizard.services.loans.products.simulate(
            wizard.product.id, wizard.draft.amount, wizard.draft.months,
            wizard.draft.first_due, wizard.draft.principal_grace,
        )  # fmt: skip
        wizard.schedule = rows
        self.model.set_rows(rows)
        terms, check = wizard.terms, wizard.check
        self.heading.setText(self.tr(
            "<b>{amount}</b> untuk {name}: {method}, jasa {rate}, {months} bulan, angsuran "
            "pertama {first}."
        ).format(
            amount=format_rupiah(terms.principal), name=wizard.member.name if wizard.member
            else "", method=wizard.product.method_label,
            rate=rate_per_year_text(wizard.product.monthly_rate), months=terms.months,
            first=format_date_long(terms.first_due),
        ))  # fmt: skip
        _pokok, jasa, total = schedule_totals(rows)
        self.totals.setText(self.tr(
            "Angsuran pertama <b>{first}</b> · total jasa <b>{jasa}</b> · total dibayar "
            "<b>{total}</b><br>Biaya administrasi {fee}, diterima bersih saat pencairan "
            "<b>{net}</b>."
        ).format(
            first=format_rupiah(check.first_installment), jasa=format_rupiah(jasa),
            total=format_rupiah(total), fee=format_rupiah(check.admin_fee),
            net=format_rupiah(check.net_amount),
        ))  # fmt: skip
        warnings = list(check.warnings)
        self.warning_label.setText(
            self.tr("Perhatian:") + "\n" + "\n".join(f"• {w}" for w in warnings)
        )
        self.warning_label.setVisible(bool(warnings))
        self.confirm_check.setVisible(bool(warnings))
        self.confirm_check.setChecked(False)
        self.completeChanged.emit()

    def has_warnings(self) -> bool:
        check = self.loan_wizard().check
        return bool(check and check.warnings)

    def isComplete(self) -> bool:
        return not self.has_warnings() or self.confirm_check.isChecked()


class CollateralPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 5 dari 8: Agunan dan penjamin"))
        self.setSubTitle(self.tr("Boleh dikosongkan bila pinjaman ini tanpa agunan atau penjamin."))
        self.errors = FieldErrors()
        layout = QHBoxLayout()
        left = QGroupBox(self.tr("Agunan"))
        form = QFormLayout(left)
        self.kind_combo = QComboBox()
        for key, label in COLLATERAL_KINDS.items():
            self.kind_combo.addItem(label, key)
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText(self.tr("misalnya: Honda Beat 2019, S 4127 NK"))
        self.document_edit = QLineEdit()
        self.owner_edit = QLineEdit()
        self.value_edit = RupiahEdit(field="estimated_value")
        self.tax_value_edit = RupiahEdit(field="tax_value")
        self.tax_value_edit.setToolTip(self.tr("NJOP, untuk tanah tanpa Hak Tanggungan"))
        self.errors.add_row(form, self.tr("Jenis"), "kind", self.kind_combo)
        self.errors.add_row(form, self.tr("Uraian *"), "description", self.description_edit)
        self.errors.add_row(form, self.tr("No. dokumen"), "document_no", self.document_edit)
        self.errors.add_row(form, self.tr("Atas nama"), "owner", self.owner_edit)
        self.errors.add_row(form, self.tr("Taksiran nilai (Rp)"), "estimated_value",
                            self.value_edit)  # fmt: skip
        self.errors.add_row(form, self.tr("NJOP (Rp)"), "tax_value", self.tax_value_edit)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambahkan Agunan"))
        self.add_button.clicked.connect(self.add_collateral)
        self.remove_button = QPushButton(self.tr("Hapus dari Daftar"))
        self.remove_button.clicked.connect(self.remove_collateral)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        form.addRow(buttons)
        self.model = CollateralModel(self)
        self.table = install_export(QTableView())
        self.table.setObjectName("wizard_collateral")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for column in (CollateralColumn.DOCUMENT, CollateralColumn.OWNER, CollateralColumn.STATE):
            self.table.hideColumn(column)  # the short list names the item; the form has the rest
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            CollateralColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        form.addRow(self.table)
        layout.addWidget(left, 3)

        right = QGroupBox(self.tr("Penjamin"))
        gform = QFormLayout(right)
        self.guarantor_name = QLineEdit()
        self.guarantor_name.setPlaceholderText(self.tr("kosongkan bila tanpa penjamin"))
        self.guarantor_relation = QComboBox()
        self.guarantor_relation.setEditable(True)
        self.guarantor_relation.addItems(list(GUARANTOR_RELATIONS))
        self.guarantor_nik = QLineEdit()
        self.guarantor_phone = QLineEdit()
        self.guarantor_address = QLineEdit()
        self.errors.add_row(gform, self.tr("Nama"), "guarantor_name", self.guarantor_name)
        self.errors.add_row(gform, self.tr("Hubungan"), "relation", self.guarantor_relation)
        self.errors.add_row(gform, self.tr("NIK"), "nik", self.guarantor_nik)
        self.errors.add_row(gform, self.tr("Telepon"), "phone", self.guarantor_phone)
        self.errors.add_row(gform, self.tr("Alamat"), "address", self.guarantor_address)
        layout.addWidget(right, 2)
        outer = QVBoxLayout()
        outer.addLayout(layout)
        general = QLabel()
        general.setObjectName("wizard_collateral_error")
        self.errors.set_general(general)  # a saved item or the guarantor as a whole
        outer.addWidget(general)
        self.setLayout(outer)

    def collateral_draft(self) -> CollateralDraft:
        description = self.description_edit.text().strip()
        if not description:
            raise ValidationError("Tulis uraian agunannya.", field="description")
        draft = CollateralDraft(
            kind=str(self.kind_combo.currentData()),
            description=description,
            document_no=self.document_edit.text().strip(),
            owner=self.owner_edit.text().strip(),
            estimated_value=self.value_edit.value() if self.value_edit.text().strip() else 0,
            tax_value=self.tax_value_edit.value() if self.tax_value_edit.text().strip() else 0,
        )
        check_collateral(draft)  # the save checks it again; here the error is at its field
        return draft

    def add_collateral(self) -> bool:
        self.errors.clear()
        try:
            draft = self.collateral_draft()
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return False
        wizard = self.loan_wizard()
        wizard.collateral.append(draft)
        self.model.set_rows([Collateral(**draft.__dict__) for draft in wizard.collateral])
        for edit in (self.description_edit, self.document_edit, self.owner_edit,
                     self.value_edit, self.tax_value_edit):  # fmt: skip
            edit.clear()
        return True

    def remove_collateral(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        wizard = self.loan_wizard()
        for row in rows:
            del wizard.collateral[row]
        self.model.set_rows([Collateral(**draft.__dict__) for draft in wizard.collateral])

    def guarantor_draft(self) -> GuarantorDraft | None:
        name = self.guarantor_name.text().strip()
        if not name:
            return None
        nik = self.guarantor_nik.text().strip()
        phone = self.guarantor_phone.text().strip()
        return GuarantorDraft(
            name=name,
            nik=validate_nik(nik) if nik else "",
            relation=self.guarantor_relation.currentText().strip(),
            address=self.guarantor_address.text().strip(),
            phone=normalize_phone(phone) if phone else "",
        )

    def validatePage(self) -> bool:
        self.errors.clear()
        # Details typed but not yet added to the list are added, never silently dropped.
        if self.description_edit.text().strip() and not self.add_collateral():
            return False
        try:
            self.loan_wizard().guarantor = self.guarantor_draft()
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return False
        return True


class ApprovalPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 6 dari 8: Keputusan"))
        self.setSubTitle(self.tr("Pinjaman dicairkan hanya setelah disetujui Ketua/Pengurus."))
        layout = QVBoxLayout(self)
        self.explain = note_label()
        self.explain.setObjectName("wizard_approval_explain")
        layout.addWidget(self.explain)
        self.approve_radio = QRadioButton(self.tr("Setujui sekarang"))
        self.approve_radio.setObjectName("wizard_approve_now")
        self.wait_radio = QRadioButton(self.tr("Simpan sebagai pengajuan (diputuskan nanti)"))
        self.wait_radio.setChecked(True)
        layout.addWidget(self.approve_radio)
        layout.addWidget(self.wait_radio)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("misalnya: disetujui rapat pengurus 3 November"))
        form.addRow(self.tr("Catatan keputusan"), self.note_edit)
        # Nobody approves an application they record: another Ketua/Pengurus types their name
        # and password (wrong ones count toward that user's lock-out).
        self.approver_edit = QLineEdit(objectName="wizard_approver")
        self.approver_edit.setPlaceholderText(self.tr("nama pengguna Ketua/Pengurus lain"))
        self.approver_password = QLineEdit(objectName="wizard_approver_password")
        self.approver_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, self.tr("Disetujui oleh"), "approver", self.approver_edit)
        self.errors.add_row(form, self.tr("Kata sandi"), "auth_password", self.approver_password)
        layout.addLayout(form)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.loan_wizard()
        allowed = can(wizard.user, Action.APPROVE)
        self.approve_radio.setVisible(allowed)
        self.wait_radio.setVisible(allowed)
        for edit in (self.note_edit, self.approver_edit, self.approver_password):
            edit.setEnabled(allowed)
        if allowed:
            self.explain.setText(self.tr(
                "Pinjaman ini bisa langsung disetujui oleh Ketua/Pengurus lain (bukan Anda yang "
                "mencatatnya): minta beliau mengetik nama pengguna dan kata sandinya. Bila perlu "
                "dibahas dulu, simpan sebagai pengajuan."))  # fmt: skip
        else:
            self.wait_radio.setChecked(True)
            self.explain.setText(self.tr(
                "Pinjaman ini disimpan sebagai pengajuan (status Diajukan) dan menunggu "
                "keputusan Ketua/Pengurus. Setelah disetujui, pencairan dilakukan dengan tombol "
                "Cairkan di rincian pinjaman."))  # fmt: skip

    def validatePage(self) -> bool:
        wizard = self.loan_wizard()
        self.errors.clear()
        wizard.approve_now = self.approve_radio.isChecked() and can(wizard.user, Action.APPROVE)
        wizard.decision_note = self.note_edit.text().strip()
        wizard.approver = None
        if not wizard.approve_now:
            return True
        try:
            wizard.approver = wizard.services.users.verify_authoriser(
                self.approver_edit.text(),
                self.approver_password.text(),
                Action.APPROVE,
                requester=wizard.user,
            )
        except AppError as exc:
            field = getattr(exc, "field", None)
            at = "auth_password" if field == "auth_password" else "approver"
            show_error(self, exc, errors=self.errors, at=at)
            return False
        return True


class DisbursePage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 7 dari 8: Pencairan"))
        self.setSubTitle(self.tr("Biaya administrasi dipotong dari uang yang diserahkan."))
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        self.explain = note_label()
        self.explain.setObjectName("wizard_disburse_explain")
        layout.addWidget(self.explain)
        self.disburse_check = QCheckBox(self.tr("Cairkan sekarang"))
        self.disburse_check.setObjectName("wizard_disburse_now")
        layout.addWidget(self.disburse_check)
        form = QFormLayout()
        self.date_edit = DateEdit(field="on")
        self.errors.add_row(form, self.tr("Tanggal pencairan"), "on", self.date_edit)
        layout.addLayout(form)
        self.figures = QLabel()
        self.figures.setObjectName("wizard_disburse_figures")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setWordWrap(True)
        layout.addWidget(self.figures)
        layout.addStretch(1)
        self.disburse_check.toggled.connect(self.date_edit.setEnabled)

    def initializePage(self) -> None:
        wizard = self.loan_wizard()
        check = wizard.check
        assert check is not None
        allowed = wizard.approve_now and can(wizard.user, Action.RECORD_PAYMENT)
        if not self.date_edit.text():
            self.date_edit.set_value(wizard.today)
        self.disburse_check.setVisible(allowed)
        self.date_edit.setEnabled(allowed and self.disburse_check.isChecked())
        if allowed:
            self.explain.setText(self.tr(
                "Bila uangnya diserahkan hari ini, centang Cairkan sekarang. No. perjanjian "
                "diberikan saat disimpan."))  # fmt: skip
        else:
            self.disburse_check.setChecked(False)
            self.explain.setText(self.tr(
                "Pinjaman baru bisa dicairkan setelah disetujui Ketua/Pengurus, dengan tombol "
                "Cairkan di rincian pinjaman."))  # fmt: skip
        self.figures.setText(self.tr(
            "Plafon <b>{amount}</b> − biaya administrasi {fee} = diterima bersih <b>{net}</b>."
        ).format(
            amount=format_rupiah(wizard.draft.amount if wizard.draft else 0),
            fee=format_rupiah(check.admin_fee), net=format_rupiah(check.net_amount),
        ))  # fmt: skip

    def validatePage(self) -> bool:
        wizard = self.loan_wizard()
        self.errors.clear()
        wizard.disburse_on = None
        if not self.disburse_check.isChecked():
            return True
        try:
            on = self.date_edit.value()
            assert on is not None and wizard.draft is not None
            # Approved in the same save, so the decision is dated today.
            check_disbursement_date(on, wizard.today, wizard.today, wizard.draft.first_due)
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return False
        wizard.disburse_on = on
        return True
