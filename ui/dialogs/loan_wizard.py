"""Pinjaman Baru: member → product → amount and term → schedule preview → collateral and
guarantor → approval → disbursement → summary; nothing is saved before the last page, and
then the whole loan is saved in one transaction (all of it or nothing)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from app.errors import AppError, ValidationError
from app.formats import format_date_long
from app.loans.creation import ApprovalDraft, DisbursementDraft
from app.loans.models import (
    ApplicationCheck,
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
from ui.dialogs.loan_wizard_pages import AmountPage, MemberPage, ProductPage, _Page
from ui.dialogs.loan_wizard_steps import ApprovalPage, CollateralPage, DisbursePage, PreviewPage
from ui.dialogs.simulation_dialog import rate_per_year_text
from ui.errors import show_error
from ui.widgets import messages

(MEMBER_PAGE, PRODUCT_PAGE, AMOUNT_PAGE, PREVIEW_PAGE, COLLATERAL_PAGE, APPROVAL_PAGE,
 DISBURSE_PAGE, SUMMARY_PAGE) = range(8)  # fmt: skip

FIELD_PAGES = {
    "member": MEMBER_PAGE, "product": PRODUCT_PAGE,
    **{name: AMOUNT_PAGE for name in ("amount", "months", "first_due", "principal_grace",
                                      "purpose", "application_date", "replaces_loan_id")},
    "collateral": COLLATERAL_PAGE, "guarantor": COLLATERAL_PAGE,
    "on": DISBURSE_PAGE,
}  # fmt: skip
"""Which page shows a field the service complains about when saving."""


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
        self.approver: User | None = None
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
            (self.tr("Produk"), product.name),
            (self.tr("Jumlah"), format_rupiah(draft.amount)),
            (self.tr("Jangka waktu"), self.tr("{n} bulan, angsuran pertama {date}").format(
                n=draft.months, date=format_date_long(draft.first_due))),
            (self.tr("Jasa"), self.tr("{rate}, metode {method}").format(
                rate=rate_per_year_text(product.monthly_rate), method=product.method_label)),
            (self.tr("Angsuran pertama"), format_rupiah(check.first_installment)),
            (self.tr("Biaya administrasi"), format_rupiah(check.admin_fee)),
            (self.tr("Tujuan"), draft.purpose or "–"),
            (self.tr("Agunan"), "; ".join(c.description for c in self.collateral) or "–"),
            (self.tr("Penjamin"), self.guarantor.name if self.guarantor else "–"),
            (self.tr("Keputusan"), self.tr("disetujui sekarang oleh {name}").format(
                name=self.approver.full_name if self.approver else "") if self.approve_now
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
        """Save the whole loan in one go (LoanService.create_loan). On any error nothing is
        stored: the wizard stays on this page with the message, the field at fault is marked
        on its own page, and everything typed is kept for another try."""
        assert self.draft is not None
        self.summary_page.error_label.clear()
        try:
            loan = self.services.loans.create_loan(
                self.user,
                self.draft,
                self.collateral,
                [self.guarantor] if self.guarantor is not None else [],
                ApprovalDraft(self.decision_note, self.approver) if self.approve_now else None,
                DisbursementDraft(self.disburse_on) if self.disburse_on is not None else None,
                today=self.today,
            )
        except AppError as exc:
            self._show_error(exc)
            return False
        self.saved = loan
        messages.inform(self, self.tr("Pinjaman tersimpan"), self.result_text(loan))
        return True

    def _show_error(self, exc: AppError) -> None:
        """Say it on the summary page (nothing was saved) and mark the field on its page."""
        field = exc.field if isinstance(exc, ValidationError) else None
        lines = [exc.message]
        page_id = FIELD_PAGES.get(field or "")
        if page_id is not None:
            page = self.page(page_id)
            errors = {AMOUNT_PAGE: self.amount_page.errors,
                      COLLATERAL_PAGE: self.collateral_page.errors,
                      DISBURSE_PAGE: self.disburse_page.errors}.get(page_id)  # fmt: skip
            if errors is not None:
                show_error(self, exc, errors=errors)
            lines.append(self.tr("Perbaiki di {page} (klik Kembali), lalu "
                                 "simpan lagi.").format(page=page.title()))  # fmt: skip
        lines.append(self.tr("Pinjaman ini belum tersimpan sama sekali; semua isian masih ada."))
        self.summary_page.error_label.setText("\n".join(lines))

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
