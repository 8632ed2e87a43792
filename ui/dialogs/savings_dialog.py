"""Setoran and Penarikan of savings, cancelling a transaction, and the savings statement."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, PermissionDenied, ValidationError
from app.formats import format_date_short
from app.members.models import Member, MemberStatus
from app.money import format_rupiah
from app.savings.models import PAYMENT_METHODS, SavingsKind, SavingsTransaction, TxType
from app.savings.statement import build_savings_statement
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


def _member_line(member: Member) -> QLabel:
    label = QLabel(f"<b>{member.name}</b> · No. Anggota {member.number} · {member.status.label}")
    label.setObjectName("member_line")
    return label


class SavingsDialog(QDialog):
    """A deposit (`withdrawal=False`) or a withdrawal; `saved` is the posted transaction."""

    def __init__(
        self,
        services: Services,
        user: User,
        member: Member,
        withdrawal: bool = False,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.member = member
        self.withdrawal = withdrawal
        self.today = today or date.today()
        self.saved: SavingsTransaction | None = None
        self.errors = FieldErrors()
        self._suggested = ""
        self.setWindowTitle(
            self.tr("Penarikan Simpanan") if withdrawal else self.tr("Setoran Simpanan")
        )
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        layout.addWidget(_member_line(member))
        form = QFormLayout()
        layout.addLayout(form)
        self.kind_combo = QComboBox()
        for kind in SavingsKind:
            self.kind_combo.addItem(kind.label, kind)
        self.balance_label = QLabel()
        self.balance_label.setObjectName("balance_hint")
        self.balance_label.setWordWrap(True)
        self.amount_edit = RupiahEdit(field="amount")
        self.date_edit = DateEdit(field="tx_date")
        self.date_edit.set_value(self.today)
        self.method_combo = QComboBox()
        for key, label in PAYMENT_METHODS.items():
            self.method_combo.addItem(label, key)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        self.errors.add_row(form, self.tr("Jenis simpanan"), "kind", self.kind_combo)
        form.addRow("", self.balance_label)
        self.errors.add_row(form, self.tr("Jumlah (Rp) *"), "amount", self.amount_edit)
        self.errors.add_row(form, self.tr("Tanggal *"), "tx_date", self.date_edit)
        self.errors.add_row(form, self.tr("Cara bayar"), "method", self.method_combo)
        self.errors.add_row(form, self.tr("Keterangan"), "note", self.note_edit)

        self.auth_box = AuthorisationBox(user, self.errors) if withdrawal else None
        if self.auth_box is not None:
            layout.addWidget(self.auth_box)
        general = QLabel()
        general.setObjectName("error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        ok = self.tr("Simpan Penarikan") if withdrawal else self.tr("Simpan Setoran")
        layout.addWidget(_buttons(self, ok, self.tr("Batal")))

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        default = SavingsKind.SUKARELA if withdrawal else SavingsKind.WAJIB
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(default))
        self._kind_changed()
        self.amount_edit.setFocus()

    def kind(self) -> SavingsKind:
        return SavingsKind(self.kind_combo.currentData())

    def set_kind(self, kind: SavingsKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def needs_authorisation(self) -> bool:
        return (
            self.withdrawal
            and self.kind() in (SavingsKind.POKOK, SavingsKind.WAJIB)
            and self.member.status == MemberStatus.AKTIF
        )

    def _kind_changed(self, *_: object) -> None:
        kind = self.kind()
        balance = self.services.savings.balances(self.member.id).of(kind)
        text = self.tr("Saldo {kind} sekarang: {amount}").format(
            kind=kind.label, amount=format_rupiah(balance)
        )
        suggestion: int | None = None
        if not self.withdrawal and kind == SavingsKind.WAJIB:
            wajib = self.services.savings.wajib_status(self.member, self.today)
            if wajib.monthly_amount:
                text += "\n" + self.tr("{monthly} per bulan; belum dibayar {months} bulan.").format(
                    monthly=format_rupiah(wajib.monthly_amount), months=wajib.months_unpaid
                )
                suggestion = wajib.monthly_amount * max(1, wajib.months_unpaid)
        elif not self.withdrawal and kind == SavingsKind.POKOK and balance == 0:
            suggestion = int(self.services.settings.get("savings.pokok_amount")) or None
        self.balance_label.setText(text)
        # Suggest the usual amount, but never overwrite what the user typed.
        if self.amount_edit.text() in ("", self._suggested):
            self.amount_edit.set_value(suggestion)
            self._suggested = self.amount_edit.text()
        if self.auth_box is not None:
            self.auth_box.setVisible(self.needs_authorisation())
        self.adjustSize()

    def accept(self) -> None:
        self.errors.clear()
        savings = self.services.savings
        try:
            amount = self.amount_edit.value()
            tx_date = self.date_edit.value()
            assert tx_date is not None
            method = str(self.method_combo.currentData())
            if not self.withdrawal:
                self.saved = savings.deposit(
                    self.user, self.member.id, self.kind(), amount, tx_date, method,
                    self.note_edit.text(), today=self.today,
                )  # fmt: skip
            else:
                authoriser, reason = None, ""
                if self.needs_authorisation() and self.auth_box is not None:
                    try:
                        authoriser = self.auth_box.authoriser(self.services.users)
                    except PermissionDenied as exc:
                        raise ValidationError(exc.message, field="authoriser") from None
                    reason = self.auth_box.reason()
                self.saved = savings.withdraw(
                    self.user, self.member.id, self.kind(), amount, tx_date, method,
                    self.note_edit.text(), authoriser=authoriser, reason=reason, today=self.today,
                )  # fmt: skip
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except PermissionDenied as exc:
            field = "authoriser" if self.needs_authorisation() else None
            show_error(self, exc, errors=self.errors, at=field)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        what = self.tr("Penarikan") if self.withdrawal else self.tr("Setoran")
        text = self.tr("{what} {kind} {amount} untuk {name} tersimpan.").format(
            what=what,
            kind=self.saved.kind.label,
            amount=format_rupiah(abs(self.saved.amount)),
            name=self.member.name,
        )
        receipt = self.tr("No. Kuitansi: {receipt}").format(receipt=self.saved.receipt_no)
        messages.inform(self, self.tr("{what} tersimpan").format(what=what), f"{text}\n\n{receipt}")
        super().accept()


class ReverseDialog(QDialog):
    """Cancel a posted transaction with a reversing entry; the reason is typed, never chosen."""

    def __init__(
        self,
        services: Services,
        user: User,
        member: Member,
        tx: SavingsTransaction,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.tx = tx
        self.today = today or date.today()
        self.saved: SavingsTransaction | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Batalkan Transaksi {receipt}").format(receipt=tx.receipt_no))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(_member_line(member))
        what = QLabel(
            self.tr("{type} {kind} {amount}, tanggal {date}, kuitansi {receipt}.").format(
                type=tx.tx_type.label, kind=tx.kind.label, amount=format_rupiah(abs(tx.amount)),
                date=format_date_short(tx.tx_date), receipt=tx.receipt_no,
            )
        )  # fmt: skip
        layout.addWidget(what)
        self.consequence = QLabel(self.consequence_text())
        self.consequence.setObjectName("consequence")
        self.consequence.setWordWrap(True)
        self.consequence.setStyleSheet("color:#9c2b00;")
        layout.addWidget(self.consequence)
        form = QFormLayout()
        layout.addLayout(form)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            self.tr("misalnya: salah ketik jumlah, seharusnya Rp50.000")
        )
        self.errors.add_row(form, self.tr("Alasan pembatalan *"), "reason", self.reason_edit)
        general = QLabel()
        general.setObjectName("error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        layout.addWidget(_buttons(self, self.tr("Batalkan Transaksi"), self.tr("Kembali")))
        self.reason_edit.setFocus()

    def consequence_text(self) -> str:
        balance = self.services.savings.balances(self.tx.member_id).of(self.tx.kind)
        after = balance - self.tx.amount
        change = self.tr("berkurang") if self.tx.amount > 0 else self.tr("bertambah")
        return self.tr(
            "Akibatnya: saldo {kind} {change} {amount} (dari {before} menjadi {after}). "
            "Transaksi asli tetap tercatat dengan tanda 'dibatalkan', dan pembatalan ini "
            "tidak bisa dibatalkan lagi."
        ).format(
            kind=self.tx.kind.label, change=change, amount=format_rupiah(abs(self.tx.amount)),
            before=format_rupiah(balance), after=format_rupiah(after),
        )  # fmt: skip

    def accept(self) -> None:
        self.errors.clear()
        if len(self.reason_edit.text().strip()) < 5:
            self.errors.show("reason", self.tr("Tulis alasan pembatalan dengan jelas."))
            return
        if not messages.confirm(
            self,
            self.tr("Batalkan transaksi?"),
            self.consequence_text() + "\n\n" + self.tr("Lanjutkan pembatalan {receipt}?").format(
                receipt=self.tx.receipt_no
            ),
            yes=self.tr("Ya, batalkan transaksi"),
            no=self.tr("Tidak"),
        ):  # fmt: skip
            return
        try:
            self.saved = self.services.savings.reverse(
                self.user, self.tx.id, self.reason_edit.text(), today=self.today
            )
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        super().accept()


def can_reverse(tx: SavingsTransaction | None) -> bool:
    return (
        tx is not None and not tx.is_reversed and tx.tx_type != TxType.PEMBALIKAN and not tx.is_jasa
    )


def write_savings_statement_pdf(
    services: Services, member: Member, start: date, end: date, path: Path, today: date
) -> Path:
    """Build the statement data and render it to `path` (app/documents does the PDF)."""
    from app.documents.statement_pdf import render_savings_statement  # ReportLab: when printed

    jasa = services.jasa.member_lines(member.id)
    data = build_savings_statement(
        services.savings, member, start, end, today, jasa, berjangka=services.berjangka
    )
    return render_savings_statement(
        data,
        services.settings.profile(),
        path,
        services.is_demo,
        rupiah_style=str(services.settings.get("format.rupiah_style")),
    )


class StatementDialog(QDialog):
    """Pick the period of a member's savings statement and where to save the PDF."""

    def __init__(
        self,
        services: Services,
        member: Member,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.member = member
        self.today = today or date.today()
        self.written: Path | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Cetak Rekening Simpanan"))
        layout = QVBoxLayout(self)
        layout.addWidget(_member_line(member))
        form = QFormLayout()
        layout.addLayout(form)
        self.start_edit = DateEdit(field="start")
        self.start_edit.set_value(member.join_date)
        self.end_edit = DateEdit(field="end")
        self.end_edit.set_value(self.today)
        self.errors.add_row(form, self.tr("Dari tanggal"), "start", self.start_edit)
        self.errors.add_row(form, self.tr("Sampai tanggal"), "end", self.end_edit)
        general = QLabel()
        self.errors.set_general(general)
        layout.addWidget(general)
        layout.addWidget(_buttons(self, self.tr("Simpan PDF…"), self.tr("Batal")))

    def choose_path(self) -> Path | None:
        safe = "".join(ch if ch.isalnum() else "-" for ch in self.member.number)
        suggested = str(Path.home() / f"rekening-simpanan-{safe}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan rekening simpanan"), suggested, self.tr("PDF (*.pdf)")
        )
        return Path(path) if path else None

    def accept(self) -> None:
        self.errors.clear()
        try:
            start, end = self.start_edit.value(), self.end_edit.value()
            assert start is not None and end is not None
            build_savings_statement(
                self.services.savings,
                self.member,
                start,
                end,
                self.today,
                berjangka=self.services.berjangka,
            )
            path = self.choose_path()
            if path is None:
                return
            self.written = write_savings_statement_pdf(
                self.services, self.member, start, end, path, self.today
            )
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        except OSError as exc:
            self.errors.show(None, self.tr("File tidak bisa ditulis: {error}").format(
                error=exc.strerror or str(exc)
            ))  # fmt: skip
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))
        super().accept()
