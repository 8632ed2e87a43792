"""Pinjaman Baru: member → product → amount and term → schedule preview → collateral and
guarantor → approval → disbursement → summary; nothing is saved before the last page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from app.errors import AppError, ValidationError
from app.formats import format_date_long
from app.identity import normalize_phone, validate_nik
from app.loans.models import (
    COLLATERAL_KINDS,
    GUARANTOR_RELATIONS,
    ApplicationCheck,
    Collateral,
    CollateralDraft,
    GuarantorDraft,
    Loan,
    LoanApplication,
    LoanProduct,
    LoanRow,
)
from app.loans.schedule import Installment, ScheduleTerms
from app.members.models import Member
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.loan_dialog_parts import note_label
from ui.dialogs.loan_wizard_pages import AmountPage, MemberPage, PreviewPage, ProductPage, _Page
from ui.models.loan_parts_model import CollateralModel
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit

(MEMBER_PAGE, PRODUCT_PAGE, AMOUNT_PAGE, PREVIEW_PAGE, COLLATERAL_PAGE, APPROVAL_PAGE,
 DISBURSE_PAGE, SUMMARY_PAGE) = range(8)  # fmt: skip

FIELD_PAGES = {
    **{name: AMOUNT_PAGE for name in ("amount", "months", "first_due", "principal_grace",
                                      "purpose", "application_date", "replaces_loan_id")},
    "on": DISBURSE_PAGE,
}  # fmt: skip
"""Which page shows a field the service complains about when saving."""


class CollateralPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 5 dari 8: Agunan dan penjamin"))
        self.setSubTitle(self.tr("Boleh dikosongkan bila pinjaman ini tanpa agunan atau penjamin."))
        self.errors = FieldErrors()
        layout = QHBoxLayout(self)
        left = QGroupBox(self.tr("Agunan"))
        form = QFormLayout(left)
        self.kind_combo = QComboBox()
        for key, label in COLLATERAL_KINDS.items():
            self.kind_combo.addItem(label, key)
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText(self.tr("misalnya: BPKB Honda Beat 2019"))
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
        self.table = QTableView()
        self.table.setObjectName("wizard_collateral")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
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

    def collateral_draft(self) -> CollateralDraft:
        description = self.description_edit.text().strip()
        if not description:
            raise ValidationError("Tulis uraian agunannya.", field="description")
        return CollateralDraft(
            kind=str(self.kind_combo.currentData()),
            description=description,
            document_no=self.document_edit.text().strip(),
            owner=self.owner_edit.text().strip(),
            estimated_value=self.value_edit.value() if self.value_edit.text().strip() else 0,
            tax_value=self.tax_value_edit.value() if self.tax_value_edit.text().strip() else 0,
        )

    def add_collateral(self) -> bool:
        self.errors.clear()
        try:
            draft = self.collateral_draft()
        except ValidationError as exc:
            self.errors.show(exc.field, exc.message)
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
            self.errors.show(exc.field, exc.message)
            return False
        return True


class ApprovalPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 6 dari 8: Keputusan"))
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
        form = QFormLayout()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("misalnya: disetujui rapat pengurus 3 November"))
        form.addRow(self.tr("Catatan keputusan"), self.note_edit)
        layout.addLayout(form)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.loan_wizard()
        allowed = can(wizard.user, Action.APPROVE)
        self.approve_radio.setVisible(allowed)
        self.wait_radio.setVisible(allowed)
        self.note_edit.setEnabled(allowed)
        if allowed:
            self.explain.setText(self.tr(
                "Anda ({name}, {role}) boleh langsung menyetujui pinjaman ini. Bila perlu "
                "dibahas dulu, simpan sebagai pengajuan.").format(
                name=wizard.user.full_name, role=wizard.user.role.label))  # fmt: skip
        else:
            self.wait_radio.setChecked(True)
            self.explain.setText(self.tr(
                "Pinjaman ini disimpan sebagai pengajuan (status Diajukan) dan menunggu "
                "keputusan Ketua/Pengurus. Setelah disetujui, pencairan dilakukan dengan tombol "
                "Cairkan di rincian pinjaman."))  # fmt: skip

    def validatePage(self) -> bool:
        wizard = self.loan_wizard()
        wizard.approve_now = self.approve_radio.isChecked() and can(wizard.user, Action.APPROVE)
        wizard.decision_note = self.note_edit.text().strip()
        return True


class DisbursePage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 7 dari 8: Pencairan"))
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
            if on > wizard.today:
                raise ValidationError("Tanggal pencairan tidak boleh sesudah hari ini.", field="on")
            if on >= wizard.draft.first_due:
                raise ValidationError(
                    "Tanggal pencairan harus sebelum angsuran pertama.", field="on"
                )
        except ValidationError as exc:
            self.errors.show(exc.field, exc.message)
            return False
        wizard.disburse_on = on
        return True


class SummaryPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 8 dari 8: Periksa dan simpan"))
        self.setSubTitle(self.tr("Periksa sekali lagi. Klik Simpan Pinjaman untuk menyimpan."))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("wizard_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.error_label = QLabel()
        self.error_label.setObjectName("wizard_save_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.error_label.clear()
        self.summary.setText(self.loan_wizard().summary_html())

    def validatePage(self) -> bool:
        return self.loan_wizard().save()


class LoanWizard(QWizard):
    """On success `saved` is the loan as stored (diajukan, disetujui or aktif)."""

    def __init__(
        self,
        services: Services,
        user: User,
        today: date | None = None,
        member_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today = today or date.today()
        self.saved: Loan | None = None
        self.member: Member | None = None
        self.open_loans: list[LoanRow] = []
        self.product: LoanProduct | None = None
        self.draft: LoanApplication | None = None
        self.terms: ScheduleTerms | None = None
        self.check: ApplicationCheck | None = None
        self.schedule: list[Installment] = []
        self.collateral: list[CollateralDraft] = []
        self.guarantor: GuarantorDraft | None = None
        self.approve_now = False
        self.decision_note = ""
        self.disburse_on: date | None = None
        self.setWindowTitle(self.tr("Pinjaman Baru"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Kembali"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Simpan Pinjaman"))
        self.member_page = MemberPage()
        self.product_page = ProductPage()
        self.amount_page = AmountPage()
        self.preview_page = PreviewPage()
        self.collateral_page = CollateralPage()
        self.approval_page = ApprovalPage()
        self.disburse_page = DisbursePage()
        self.summary_page = SummaryPage()
        for page_id, page in enumerate((
            self.member_page, self.product_page, self.amount_page, self.preview_page,
            self.collateral_page, self.approval_page, self.disburse_page, self.summary_page,
        )):  # fmt: skip
            self.setPage(page_id, page)
        self.resize(940, 640)
        self._start_member = member_id

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if page_id == MEMBER_PAGE and self._start_member is not None:
            self.member_page.preselect(self._start_member)
            self._start_member = None

    def summary_html(self) -> str:
        draft, check, product, member = self.draft, self.check, self.product, self.member
        assert draft and check and product and member
        rows = [
            (self.tr("Anggota"), f"{member.name} ({member.number})"),
            (self.tr("Produk"), f"{product.name} — {product.method_label}"),
            (self.tr("Jumlah"), format_rupiah(draft.amount)),
            (self.tr("Jangka waktu"), self.tr("{n} bulan, angsuran pertama {date}").format(
                n=draft.months, date=format_date_long(draft.first_due))),
            (self.tr("Angsuran"), format_rupiah(check.first_installment)),
            (self.tr("Tujuan"), draft.purpose or "–"),
            (self.tr("Agunan"), "; ".join(c.description for c in self.collateral) or "–"),
            (self.tr("Penjamin"), self.guarantor.name if self.guarantor else "–"),
            (self.tr("Keputusan"), self.tr("disetujui sekarang oleh {name}").format(
                name=self.user.full_name) if self.approve_now
                else self.tr("diajukan, menunggu keputusan Pengurus")),
            (self.tr("Pencairan"), self.tr("{date}, diterima bersih {net}").format(
                date=format_date_long(self.disburse_on), net=format_rupiah(check.net_amount))
                if self.disburse_on else self.tr("nanti")),
        ]  # fmt: skip
        html = "<table cellspacing=4>" + "".join(
            f"<tr><td style='color:#555'>{k}</td><td><b>{v}</b></td></tr>" for k, v in rows
        ) + "</table>"  # fmt: skip
        if check.warnings:
            html += "<p style='color:#6b4700'>" + self.tr("Peringatan yang sudah dibaca:") + \
                "<br>" + "<br>".join(f"• {w}" for w in check.warnings) + "</p>"  # fmt: skip
        return html

    def save(self) -> bool:
        """Apply, add collateral and guarantor, approve and disburse as chosen. A later step
        that fails leaves the earlier ones saved and says so (never half-silent)."""
        assert self.draft is not None
        loans = self.services.loans
        done = ""
        try:
            loan = loans.apply(self.user, self.draft, self.today)
            done = self.tr("Pengajuan {number} sudah tersimpan.").format(number=loan.display_number)
            for item in self.collateral:
                loans.add_collateral(self.user, loan.id, item)
            if self.guarantor is not None:
                loans.add_guarantor(self.user, loan.id, self.guarantor)
            if self.approve_now:
                loan = loans.approve(self.user, loan.id, self.decision_note, self.today)
            if self.disburse_on is not None:
                loan = loans.disburse(self.user, loan.id, self.disburse_on, self.today)
        except AppError as exc:
            if not done:
                self._show_error(exc)
                return False
            self.saved = loans.get(loan.id)
            messages.warn(
                self,
                self.tr("Sebagian belum tersimpan"),
                self.tr(
                    "{done} Tetapi langkah berikutnya gagal: {reason}\n\nLanjutkan dari rincian "
                    "pinjaman (status sekarang: {status})."
                ).format(done=done, reason=exc.message, status=self.saved.status.label),
            )
            return True
        self.saved = loan
        messages.inform(self, self.tr("Pinjaman tersimpan"), self.result_text(loan))
        return True

    def _show_error(self, exc: AppError) -> None:
        """Go back to the page of the field at fault, or say it on the summary page."""
        field = exc.field if isinstance(exc, ValidationError) else None
        page = FIELD_PAGES.get(field or "")
        if page is None:
            self.summary_page.error_label.setText(exc.message)
            return
        while self.currentId() != page and self.currentId() > page:
            self.back()
        errors = self.amount_page.errors if page == AMOUNT_PAGE else self.disburse_page.errors
        errors.show(field, exc.message)

    def result_text(self, loan: Loan) -> str:
        if loan.number:
            return self.tr(
                "Pinjaman {name} sudah dicairkan.\n\nNo. Perjanjian: {number}\n"
                "Diterima bersih: {net}"
            ).format(name=loan.member_name, number=loan.number,
                     net=format_rupiah(loan.net_disbursed or 0))  # fmt: skip
        return self.tr("Pinjaman {name} tersimpan dengan status {status}.\n\nNo. Pengajuan: "
                       "{number}").format(name=loan.member_name, status=loan.status.label,
                                          number=loan.application_no)  # fmt: skip
