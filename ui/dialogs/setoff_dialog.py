"""Kompensasi Simpanan: the member's savings set off against the loan, with the member's
consent recorded (who gave it, when, the signed statement's number). Carried out only when a
Pengurus other than the proposer approves."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.collection.decision_models import Consent, Decision
from app.collection.models import Case
from app.errors import AppError
from app.money import format_rupiah
from app.savings.models import SavingsKind
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.case_parts import case_line, show_error
from ui.dialogs.loan_dialog_parts import dialog_buttons, note_label
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit

KINDS = (SavingsKind.SUKARELA, SavingsKind.WAJIB, SavingsKind.POKOK)
FIELDS = ("on", "amounts", "given_by", "given_on", "statement_no", *(k.value for k in KINDS))


class SetoffDialog(QDialog):
    """`saved` is the proposal after Usulkan."""

    def __init__(
        self, services: Services, user: User, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.case = case
        self.today = today
        self.saved: Decision | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Kompensasi Simpanan"))
        self.resize(700, 560)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.check)
        layout = QVBoxLayout(self)
        layout.addWidget(case_line(case))
        layout.addWidget(
            note_label(
                self.tr(
                    "Simpanan anggota dipakai untuk membayar pinjamannya, hanya dengan persetujuan "
                    "tertulis anggota. Setelah diusulkan, simpanan baru ditarik saat Pengurus "
                    "(bukan "
                    "pengusul) menyetujui."
                )
            )
        )
        form = QFormLayout()
        self.on_edit = DateEdit(field="on")
        self.on_edit.setObjectName("setoff_on")
        self.on_edit.set_value(today)
        self.errors.add_row(form, self.tr("Tanggal kompensasi *"), "on", self.on_edit)
        layout.addLayout(form)
        box = QGroupBox(self.tr("Simpanan yang dipakai"))
        grid = QGridLayout(box)
        balances = services.savings.balances(case.member_id, today)
        self.amounts: dict[str, RupiahEdit] = {}
        for n, kind in enumerate(KINDS):
            line = 2 * n
            grid.addWidget(QLabel(kind.label), line, 0)
            grid.addWidget(
                QLabel(self.tr("saldo {amount}").format(amount=format_rupiah(balances.of(kind)))),
                line,
                1,
            )
            edit = RupiahEdit(field=kind.value)
            edit.setObjectName(f"setoff_{kind.value}")
            edit.textChanged.connect(lambda _t: self._timer.start())
            grid.addWidget(edit, line, 2)
            error = QLabel(objectName=f"error_{kind.value}")
            error.setStyleSheet("color: #b00020;")
            error.hide()
            grid.addWidget(error, line + 1, 0, 1, 3)
            self.errors.register(kind.value, edit, error)
            self.amounts[kind.value] = edit
        layout.addWidget(box)
        self.summary = QLabel(objectName="setoff_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        consent = QGroupBox(self.tr("Persetujuan anggota (wajib)"))
        cform = QFormLayout(consent)
        self.given_by = QLineEdit(objectName="given_by")
        self.given_by.setText(case.member_name)
        self.given_on = DateEdit(field="given_on")
        self.given_on.setObjectName("given_on")
        self.given_on.set_value(today)
        self.statement_no = QLineEdit(objectName="statement_no")
        self.statement_no.setPlaceholderText(self.tr("nomor surat pernyataan yang ditandatangani"))
        self.errors.add_row(cform, self.tr("Diberikan oleh *"), "given_by", self.given_by)
        self.errors.add_row(cform, self.tr("Tanggal persetujuan *"), "given_on", self.given_on)
        self.errors.add_row(
            cform, self.tr("No. surat pernyataan *"), "statement_no", self.statement_no
        )
        layout.addWidget(consent)
        general = QLabel(objectName="error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Usulkan Kompensasi"), self.tr("Batal")
        )
        layout.addWidget(buttons)
        if not can(user, Action.PROPOSE):
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(self.tr("Kompensasi diusulkan oleh Manajer atau Pengurus."))
        self.check()

    def values(self) -> dict[str, int]:
        return {k: (e.value() if e.text().strip() else 0) for k, e in self.amounts.items()}

    def consent(self) -> Consent:
        given_on = self.given_on.value()
        assert given_on is not None
        return Consent(
            given_by=self.given_by.text(), given_on=given_on, statement_no=self.statement_no.text()
        )

    def check(self) -> None:
        """What the loan asks and what the typed amounts cover (nothing is written)."""
        self._timer.stop()
        try:
            on = self.on_edit.value() or self.today
            payoff = self.services.loans.payments.payoff_quote(self.case.loan_id, on)
            arrears = self.services.loans.quality.arrears(self.case.loan_id, on)
            total = sum(self.values().values())
        except AppError as exc:
            show_error(self.errors, exc, FIELDS)
            return
        self.summary.setText(
            self.tr(
                "Tunggakan sekarang {due}; pelunasan seluruhnya {payoff}. Dikompensasikan: "
                "<b>{total}</b>."
            ).format(
                due=format_rupiah(arrears.arrears_total),
                payoff=format_rupiah(payoff.total),
                total=format_rupiah(total),
            )
        )

    def accept(self) -> None:
        self.errors.clear()
        try:
            on = self.on_edit.value()
            assert on is not None
            self.saved = self.services.setoff.propose(
                self.user, self.case.id, on, self.values(), self.consent(), self.today
            )
        except AppError as exc:
            show_error(self.errors, exc, FIELDS)
            return
        super().accept()
