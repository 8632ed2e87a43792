"""Setujui / Tolak an application (Pengurus) and Cairkan an approved loan."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.errors import AppError, ValidationError
from app.formats import format_date_long
from app.loans.models import Loan
from app.money import format_rupiah
from app.services import Services
from app.users.models import User
from ui.dialogs.loan_dialog_parts import dialog_buttons, loan_line, note_label
from ui.errors import show_error
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors


class DecisionDialog(QDialog):
    """`approve=True` approves (note optional), `approve=False` rejects (reason typed)."""

    def __init__(
        self,
        services: Services,
        user: User,
        loan: Loan,
        approve: bool,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.loan = loan
        self.approve = approve
        self.today = today or date.today()
        self.saved: Loan | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Setujui Pengajuan") if approve else self.tr("Tolak Pengajuan"))
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        layout.addWidget(loan_line(loan))
        layout.addWidget(note_label(self.tr(
            "{amount}, {months} bulan, jasa {rate}% per bulan, untuk {purpose}. Diajukan "
            "{date}."
        ).format(
            amount=format_rupiah(loan.amount), months=loan.months,
            rate=f"{loan.monthly_rate.normalize():f}".replace(".", ","),
            purpose=loan.purpose or "–", date=format_date_long(loan.application_date),
        )))  # fmt: skip
        form = QFormLayout()
        layout.addLayout(form)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(300)
        if approve:
            self.note_edit.setPlaceholderText(self.tr("misalnya: disetujui rapat pengurus"))
            self.errors.add_row(form, self.tr("Catatan"), "note", self.note_edit)
        else:
            self.note_edit.setPlaceholderText(self.tr("misalnya: penghasilan belum mencukupi"))
            self.errors.add_row(form, self.tr("Alasan penolakan *"), "note", self.note_edit)
        layout.addWidget(note_label(self.tr("Keputusan dicatat atas nama {name}.").format(
            name=user.full_name)))  # fmt: skip
        general = QLabel()
        self.errors.set_general(general)
        layout.addWidget(general)
        ok = self.tr("Setujui") if approve else self.tr("Tolak Pengajuan")
        buttons, self.save_button = dialog_buttons(self, ok, self.tr("Batal"))
        layout.addWidget(buttons)
        self.note_edit.setFocus()

    def accept(self) -> None:
        self.errors.clear()
        loans = self.services.loans
        try:
            if self.approve:
                self.saved = loans.approve(self.user, self.loan.id, self.note_edit.text(),
                                           self.today)  # fmt: skip
            else:
                self.saved = loans.reject(self.user, self.loan.id, self.note_edit.text(),
                                          self.today)  # fmt: skip
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors, fields=("note",))
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        super().accept()


class DisburseDialog(QDialog):
    """Cairkan: the date; the fee deducted and the net amount; the agreement number after."""

    def __init__(
        self,
        services: Services,
        user: User,
        loan: Loan,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.loan = loan
        self.today = today or date.today()
        self.saved: Loan | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Cairkan Pinjaman"))
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        layout.addWidget(loan_line(loan))
        form = QFormLayout()
        layout.addLayout(form)
        self.date_edit = DateEdit(field="on")
        self.date_edit.set_value(min(self.today, loan.first_due))
        self.errors.add_row(form, self.tr("Tanggal pencairan *"), "on", self.date_edit)
        net = loan.amount - loan.admin_fee
        self.figures = note_label(self.tr(
            "Plafon {amount} − biaya administrasi {fee} = diserahkan kepada anggota {net}. "
            "Angsuran pertama jatuh tempo {first}. No. perjanjian diberikan saat disimpan."
        ).format(
            amount=format_rupiah(loan.amount), fee=format_rupiah(loan.admin_fee),
            net=format_rupiah(net), first=format_date_long(loan.first_due),
        ), color="#222")  # fmt: skip
        self.figures.setObjectName("disburse_figures")
        layout.addWidget(self.figures)
        general = QLabel()
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(self, self.tr("Cairkan"), self.tr("Batal"))
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.errors.clear()
        try:
            on = self.date_edit.value()
            assert on is not None
            self.saved = self.services.loans.disburse(self.user, self.loan.id, on, self.today)
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors, fields=("on",))
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        messages.inform(self, self.tr("Pinjaman dicairkan"), self.tr(
            "Pinjaman {name} sudah dicairkan.\n\nNo. Perjanjian: {number}\n"
            "Diserahkan: {net}").format(
            name=self.saved.member_name, number=self.saved.number or "–",
            net=format_rupiah(self.saved.net_disbursed or 0)))  # fmt: skip
        super().accept()
