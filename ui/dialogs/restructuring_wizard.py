"""Usulkan Restrukturisasi: kind → position → what happens to each part of the arrears → new
rate, term and method → the new schedule beside the old (with warnings for repeat
restructuring and evergreening) → summary → proposed to the board. Nothing is written before
the last page; the loan itself changes only when a Pengurus approves."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard

from app.collection.decision_models import (
    ArrearsPosition,
    Decision,
    RestructuringPlan,
    RestructuringTerms,
    Treatment,
)
from app.collection.models import Case
from app.errors import AppError, ValidationError
from app.formats import add_months, format_date_long
from app.loans.models import Loan
from app.loans.schedule import method_label
from app.money import format_rate, format_rupiah, parse_rate
from app.services import Services
from app.users.models import User
from ui.dialogs.restructuring_pages import (
    ComparePage,
    KindPage,
    Page,
    PositionPage,
    TermsPage,
    TreatmentPage,
)
from ui.errors import show_error
from ui.widgets.form import FieldErrors

KIND_PAGE, POSITION_PAGE, TREATMENT_PAGE, TERMS_PAGE, COMPARE_PAGE, SUMMARY_PAGE = range(6)
FIELD_PAGES = {
    "effective_date": KIND_PAGE,
    "reason": KIND_PAGE,
    "pokok": TREATMENT_PAGE,
    "jasa": TREATMENT_PAGE,
    "denda": TREATMENT_PAGE,
    "monthly_rate": TERMS_PAGE,
    "months": TERMS_PAGE,
    "method": TERMS_PAGE,
    "first_due": TERMS_PAGE,
    "principal_grace": TERMS_PAGE,
}


class SummaryPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 6 dari 6: Periksa dan usulkan"))
        self.setSubTitle(
            self.tr(
                "Usulan ini dikirim ke Pengurus. Pinjaman baru berubah setelah "
                "disetujui Pengurus yang bukan pengusul."
            )
        )
        layout = QVBoxLayout(self)
        self.summary = QLabel(objectName="restructure_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.error = QLabel(objectName="restructure_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.error.clear()
        self.summary.setText(self.wiz().summary_html())

    def validatePage(self) -> bool:
        return self.wiz().propose()


class RestructuringWizard(QWizard):
    """`saved` is the proposal after Usulkan."""

    def __init__(
        self, services: Services, user: User, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.case = case
        self.today = today
        self.loan: Loan = services.loans.get(case.loan_id)
        self.position: ArrearsPosition | None = None
        self.plan: RestructuringPlan | None = None
        self.saved: Decision | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(
            self.tr("Usulkan Restrukturisasi — {member}, {loan}").format(
                member=case.member_name, loan=case.loan_number
            )
        )
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Kembali"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Usulkan ke Pengurus"))
        self.kind_page = KindPage(self.errors)
        self.position_page = PositionPage()
        self.treatment_page = TreatmentPage(self.errors)
        self.terms_page = TermsPage(self.errors)
        self.compare_page = ComparePage()
        self.summary_page = SummaryPage()
        for page_id, page in enumerate(
            (
                self.kind_page,
                self.position_page,
                self.treatment_page,
                self.terms_page,
                self.compare_page,
                self.summary_page,
            )
        ):
            self.setPage(page_id, page)
        self.kind_page.effective.set_value(today)
        # Pre-filled from the terms in force (after an earlier restructuring, its terms).
        current = services.restructuring.current_terms(self.loan.id)
        self.terms_page.rate.setText(format_rate(current.monthly_rate).rstrip("%").strip())
        self.terms_page.months.setValue(max(1, current.months))
        self.terms_page.method.setCurrentIndex(
            max(0, self.terms_page.method.findData(current.method))
        )
        self.terms_page.first_due.set_value(add_months(today, 1))
        counter = services.restructuring.counter(self.loan.id)
        self.kind_page.counter.setText(
            self.tr(
                "Pinjaman ini sudah {n} kali direstrukturisasi; usulan ini restrukturisasi "
                "ke-{next}."
            ).format(n=counter, next=counter + 1)
            if counter
            else self.tr("Pinjaman ini belum pernah direstrukturisasi.")
        )
        self.resize(1240, 680)  # within 1366×768 less the taskbar and the title bar

    # -- steps ----------------------------------------------------------------------------------
    def _fail(self, exc: AppError, page_id: int) -> bool:
        """Show the error at its field (on this page when the field lives here)."""
        field = exc.field if isinstance(exc, ValidationError) else None
        if field in FIELD_PAGES and FIELD_PAGES[field] != page_id:
            show_error(self, exc, errors=self.errors, fields=())
            self.summary_page.error.setText(exc.message)
            return False
        show_error(self, exc, errors=self.errors)
        if self.currentId() == SUMMARY_PAGE:
            self.summary_page.error.setText(exc.message)
        return False

    def read_position(self) -> bool:
        self.errors.clear()
        try:
            on = self.kind_page.effective.value()
            assert on is not None
            if on > self.today:
                raise ValidationError(
                    "Tanggal berlaku tidak boleh setelah hari ini.", field="effective_date"
                )
            if len(self.kind_page.reason.toPlainText().strip()) < 5:
                raise ValidationError("Tulis alasan restrukturisasi.", field="reason")
            self.position = self.services.restructuring.position(self.loan.id, on)
        except AppError as exc:
            return self._fail(exc, KIND_PAGE)
        return True

    def terms(self) -> RestructuringTerms:
        k, t = self.kind_page, self.terms_page
        effective, first_due = k.effective.value(), t.first_due.value()
        assert effective is not None and first_due is not None
        try:
            rate = parse_rate(t.rate.text())
        except ValidationError as exc:
            raise ValidationError(exc.message, field="monthly_rate") from None
        return RestructuringTerms(
            kind=k.kind(),
            pokok=self.treatment_page.treatment("pokok"),
            jasa=self.treatment_page.treatment("jasa"),
            denda=self.treatment_page.treatment("denda"),
            monthly_rate=Decimal(rate),
            months=t.months.value(),
            method=str(t.method.currentData()),
            first_due=first_due,
            effective_date=effective,
            principal_grace=t.grace.value(),
            reason=k.reason.toPlainText(),
        )

    def make_plan(self) -> bool:
        self.errors.clear()
        try:
            self.plan = self.services.restructuring.plan(self.loan.id, self.terms())
        except AppError as exc:
            return self._fail(exc, TERMS_PAGE)
        return True

    def summary_html(self) -> str:
        plan = self.plan
        assert plan is not None
        t, pos = plan.terms, plan.position

        def parts(values: dict[str, int]) -> str:
            return ", ".join(f"{k} {format_rupiah(v)}" for k, v in values.items()) or "–"

        rows = [
            (self.tr("Jenis"), f"{t.kind.label} (restrukturisasi ke-{plan.counter})"),
            (self.tr("Berlaku per"), format_date_long(t.effective_date)),
            (
                self.tr("Tunggakan"),
                f"{format_rupiah(pos.arrears_total)} (pokok "
                f"{format_rupiah(pos.arrears_pokok)}, jasa "
                f"{format_rupiah(pos.arrears_jasa)}, denda "
                f"{format_rupiah(pos.arrears_denda)})",
            ),
            (Treatment.HAPUS.label, parts(plan.waived)),
            (Treatment.KAPITALISASI.label, parts(plan.capitalised)),
            (Treatment.ANGSURAN_PERTAMA.label, parts(plan.first_extra)),
            (Treatment.TETAP.label, parts(plan.kept)),
            (self.tr("Pokok baru"), format_rupiah(plan.new_principal)),
            (
                self.tr("Syarat baru"),
                f"jasa {format_rate(t.monthly_rate)} per bulan, "
                f"{t.months} bulan, {method_label(t.method)}, angsuran "
                f"pertama {format_date_long(t.first_due)}",
            ),
            (
                self.tr("Angsuran"),
                f"{format_rupiah(plan.new_monthly)}/bulan (dulu {format_rupiah(plan.old_monthly)})",
            ),
            (self.tr("Alasan"), _esc(t.reason.strip())),
        ]
        html = (
            "<table cellspacing='4'>"
            + "".join(f"<tr><td style='color:#555'>{a}</td><td>{b}</td></tr>" for a, b in rows)
            + "</table>"
        )
        if plan.warnings:
            html += (
                "<p style='color:#9c4a00'><b>"
                + self.tr("Perhatian:")
                + "</b><br>"
                + "<br>".join(_esc(w) for w in plan.warnings)
                + "</p>"
            )
        return html

    def propose(self) -> bool:
        self.summary_page.error.clear()
        try:
            self.saved = self.services.restructuring.propose(
                self.user, self.case.id, self.terms(), self.today
            )
        except AppError as exc:
            return self._fail(exc, SUMMARY_PAGE)
        return True


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
