"""Simpanan berjangka: open a placement, pay it out at maturity, withdraw it early (with the
penalty shown and a Ketua/Pengurus' authorisation)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, PermissionDenied, ValidationError
from app.formats import format_date_long
from app.members.models import Member
from app.money import format_rate, format_rupiah, parse_rate
from app.savings.berjangka import (
    OPEN_METHODS,
    PAYOUT_METHODS,
    TERMS,
    Deposit,
    JasaMode,
    term_jasa,
)
from app.savings.berjangka import maturity as maturity_of
from app.services import Services
from app.users.models import User
from ui.errors import show_error
from ui.widgets import messages
from ui.widgets.authorisation_box import AuthorisationBox
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit


def _buttons(dialog: QDialog, ok: str, cancel: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    ok_button = box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    ok_button.setDefault(True)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _general(layout: QVBoxLayout, errors: FieldErrors) -> None:
    general = QLabel()
    general.setObjectName("error_general")
    general.setWordWrap(True)
    errors.set_general(general)
    layout.addWidget(general)


class OpenBerjangkaDialog(QDialog):
    """A new placement for `member`; `saved` is the Deposit once stored."""

    def __init__(
        self,
        services: Services,
        user: User,
        member: Member,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.member = member
        self.today = today or date.today()
        self.saved: Deposit | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Buka Simpanan Berjangka"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        header = QLabel(f"<b>{member.name}</b> · No. Anggota {member.number}")
        header.setWordWrap(True)  # a long name wraps instead of being cut off
        layout.addWidget(header)
        form = QFormLayout()
        layout.addLayout(form)
        self.amount_edit = RupiahEdit(field="amount")
        self.term_combo = QComboBox()
        for term in TERMS:
            self.term_combo.addItem(self.tr("{n} bulan").format(n=term), term)
        self.rate_edit = QLineEdit()
        self.rate_edit.setObjectName("rate_edit")
        self.date_edit = DateEdit(field="on")
        self.date_edit.set_value(self.today)
        self.method_combo = QComboBox()
        for key, label in OPEN_METHODS.items():
            self.method_combo.addItem(label, key)
        self.mode_combo = QComboBox()
        for mode in JasaMode:
            self.mode_combo.addItem(mode.label, mode)
        default = services.berjangka.default_jasa_mode()
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(default))
        self.aro_check = QCheckBox(self.tr("Diperpanjang otomatis saat jatuh tempo (ARO)"))
        self.aro_jasa_check = QCheckBox(self.tr("Jasa ikut diperpanjang (menambah pokok)"))
        self.summary = QLabel()
        self.summary.setObjectName("berjangka_summary")
        self.summary.setWordWrap(True)
        self.errors.add_row(form, self.tr("Jumlah (Rp) *"), "amount", self.amount_edit)
        self.errors.add_row(form, self.tr("Jangka waktu"), "term", self.term_combo)
        self.errors.add_row(form, self.tr("Jasa % per tahun"), "rate", self.rate_edit)
        self.errors.add_row(form, self.tr("Tanggal penempatan *"), "on", self.date_edit)
        self.errors.add_row(form, self.tr("Asal dana"), "method", self.method_combo)
        self.errors.add_row(form, self.tr("Pembayaran jasa"), "jasa_mode", self.mode_combo)
        form.addRow("", self.aro_check)
        form.addRow("", self.aro_jasa_check)
        form.addRow("", self.summary)
        _general(layout, self.errors)
        layout.addWidget(_buttons(self, self.tr("Simpan"), self.tr("Batal")))
        self.term_combo.currentIndexChanged.connect(self._term_changed)
        self.amount_edit.textChanged.connect(self._update)
        self.rate_edit.textChanged.connect(self._update)
        self.mode_combo.currentIndexChanged.connect(self._update)
        self.aro_check.toggled.connect(self._update)
        self._term_changed()
        self.amount_edit.setFocus()

    def _term_changed(self, *_: object) -> None:
        rate = self.services.berjangka.rate_for(int(self.term_combo.currentData()))
        self.rate_edit.setText(format_rate(rate).removesuffix("%"))
        self._update()

    def _update(self, *_: object) -> None:
        at_maturity = self.mode_combo.currentData() == JasaMode.JATUH_TEMPO
        self.aro_jasa_check.setEnabled(self.aro_check.isChecked() and at_maturity)
        term = int(self.term_combo.currentData())
        start = self.date_edit.value() or self.today
        text = self.tr("Jatuh tempo {date}.").format(
            date=format_date_long(maturity_of(start, term))
        )
        try:
            amount, rate = self.amount_edit.value(), parse_rate(self.rate_edit.text())
        except ValidationError:
            self.summary.setText(text)
            return
        text += " " + self.tr("Jasa selama {n} bulan {amount} (sebelum PPh).").format(
            n=term, amount=format_rupiah(term_jasa(amount, rate, term))
        )
        self.summary.setText(text)

    def accept(self) -> None:
        self.errors.clear()
        try:
            try:
                rate = parse_rate(self.rate_edit.text())
            except ValidationError as exc:
                raise ValidationError(exc.message, field="rate") from None
            on = self.date_edit.value()
            assert on is not None
            self.saved = self.services.berjangka.open(
                self.user, self.member.id, self.amount_edit.value(),
                int(self.term_combo.currentData()), on, str(self.method_combo.currentData()),
                rate=rate, jasa_mode=JasaMode(self.mode_combo.currentData()),
                aro=self.aro_check.isChecked(),
                aro_jasa=self.aro_jasa_check.isEnabled() and self.aro_jasa_check.isChecked(),
                today=self.today,
            )  # fmt: skip
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        messages.inform(
            self,
            self.tr("Simpanan berjangka tersimpan"),
            self.tr("Simpanan berjangka {number} sebesar {amount} untuk {name} tersimpan.").format(
                number=self.saved.display_number,
                amount=format_rupiah(self.saved.principal),
                name=self.member.name,
            ),
        )
        super().accept()


class CloseBerjangkaDialog(QDialog):
    """Pay a placement out: at maturity (`early=False`) or before it, with the penalty and the
    authorisation of another Ketua/Pengurus. `saved` is the closing event."""

    def __init__(
        self,
        services: Services,
        user: User,
        deposit: Deposit,
        early: bool,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.deposit = deposit
        self.early = early
        self.today = today or date.today()
        self.saved: object | None = None
        self.errors = FieldErrors()
        title = (
            self.tr("Pencairan Sebelum Jatuh Tempo") if early else self.tr("Pencairan Jatuh Tempo")
        )
        self.setWindowTitle(f"{title} {deposit.display_number}")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        info = QLabel(
            self.tr("Pokok {amount}, jatuh tempo {date}.").format(
                amount=format_rupiah(deposit.principal),
                date=format_date_long(deposit.maturity_on),
            )
        )
        info.setWordWrap(True)
        layout.addWidget(info)
        self.consequence = QLabel()
        self.consequence.setObjectName("consequence")
        self.consequence.setWordWrap(True)
        if early:
            penalty = services.berjangka.early_penalty(deposit.id)
            self.consequence.setText(
                self.tr(
                    "Jasa yang belum dibayarkan hangus dan ada penalti {penalty}: yang diterima "
                    "anggota {net}."
                ).format(
                    penalty=format_rupiah(penalty),
                    net=format_rupiah(deposit.principal - penalty),
                )
            )
            self.consequence.setStyleSheet("color:#9c2b00;")
        else:
            rest = deposit.total_jasa - deposit.jasa_paid
            self.consequence.setText(
                self.tr("Pokok dan sisa jasa {jasa} (sebelum PPh) dibayarkan.").format(
                    jasa=format_rupiah(rest)
                )
            )
        layout.addWidget(self.consequence)
        form = QFormLayout()
        layout.addLayout(form)
        self.date_edit = DateEdit(field="on")
        self.date_edit.set_value(self.today if early else max(deposit.maturity_on, self.today))
        self.method_combo = QComboBox()
        for key, label in PAYOUT_METHODS.items():
            self.method_combo.addItem(label, key)
        self.errors.add_row(form, self.tr("Tanggal *"), "on", self.date_edit)
        self.errors.add_row(form, self.tr("Dibayar"), "method", self.method_combo)
        self.auth_box: AuthorisationBox | None = None
        if early:
            self.auth_box = AuthorisationBox(
                user,
                self.errors,
                explanation=self.tr(
                    "Simpanan berjangka yang dicairkan sebelum jatuh tempo perlu izin "
                    "Ketua/Pengurus lain (bukan yang mencatat) dan alasan yang ditulis."
                ),
            )
            layout.addWidget(self.auth_box)
        _general(layout, self.errors)
        layout.addWidget(_buttons(self, self.tr("Cairkan"), self.tr("Batal")))
        self.date_edit.setFocus()

    def accept(self) -> None:
        self.errors.clear()
        bj = self.services.berjangka
        try:
            on = self.date_edit.value()
            assert on is not None
            method = str(self.method_combo.currentData())
            if self.early and self.auth_box is not None:
                try:
                    authoriser = self.auth_box.authoriser(self.services.users)
                except PermissionDenied as exc:
                    raise ValidationError(exc.message, field="authoriser") from None
                self.saved = bj.withdraw_early(
                    self.user, self.deposit.id, on, method, authoriser, self.auth_box.reason(),
                    today=self.today,
                )  # fmt: skip
            else:
                self.saved = bj.pay_out(self.user, self.deposit.id, on, method, today=self.today)
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except PermissionDenied as exc:
            show_error(self, exc, errors=self.errors, at="authoriser" if self.early else None)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        messages.inform(
            self,
            self.tr("Simpanan berjangka dicairkan"),
            self.tr("Simpanan berjangka {number} sudah dicairkan.").format(
                number=self.deposit.display_number
            ),
        )
        super().accept()
