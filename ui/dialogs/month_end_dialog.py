"""Proses Akhir Bulan (store every loan's class and arrears at a date) and the booked PPAP."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.errors import AppError, ValidationError
from app.formats import format_date_long, is_month_end, month_of
from app.loans.portfolio_models import AllowanceBooking, MonthEndRun
from app.loans.quality import format_npl
from app.money import format_number, format_rupiah
from app.savings.jasa_service import JasaResult
from app.services import Services
from app.users.models import User
from ui.dialogs.loan_dialog_parts import dialog_buttons, note_label
from ui.errors import show_error
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit


def percent(value: Decimal) -> str:
    """An NPL ratio as app.loans.quality.format_npl shows it everywhere, without the '%':
    Decimal('7.451') -> '7,46' (two decimals, rounded up, Indonesian comma)."""
    return format_npl(value).removesuffix("%")


def last_month_end(today: date) -> date:
    """The last day of the month before `today` (the usual date to close)."""
    return today.replace(day=1) - timedelta(days=1)


class MonthEndDialog(QDialog):
    """`saved` is the run recorded. A date already closed asks before running it again."""

    def __init__(
        self,
        services: Services,
        user: User,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today = today or date.today()
        self.saved: MonthEndRun | None = None
        self.jasa: JasaResult | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Proses Akhir Bulan"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        policy = services.loans.quality.policy()
        layout.addWidget(note_label(self.tr(
            "Menyimpan kolektibilitas dan tunggakan setiap pinjaman aktif pada tanggal ini, "
            "menurut {policy}. Hasilnya dipakai untuk riwayat kolektibilitas dan laporan."
        ).format(policy=policy.name)))  # fmt: skip
        form = QFormLayout()
        layout.addLayout(form)
        self.date_edit = DateEdit(field="as_of")
        self.date_edit.set_value(last_month_end(self.today))
        self.errors.add_row(form, self.tr("Per tanggal *"), "as_of", self.date_edit)
        runs = services.loans.quality.runs()
        last = self.tr("Terakhir dijalankan: {date} ({n} pinjaman).").format(
            date=format_date_long(runs[0].as_of), n=format_number(runs[0].loan_count)
        ) if runs else self.tr("Belum pernah dijalankan.")  # fmt: skip
        self.last_label = note_label(last)
        self.last_label.setObjectName("month_end_last")
        layout.addWidget(self.last_label)
        general = QLabel()
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Jalankan Proses"), self.tr("Batal")
        )
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.errors.clear()
        quality = self.services.loans.quality
        try:
            as_of = self.date_edit.value()
            assert as_of is not None
            if as_of > self.today:
                raise ValidationError("Tanggal proses tidak boleh setelah hari ini.", field="as_of")
            try:
                self.saved = quality.month_end(self.user, as_of)
            except ValidationError as exc:
                if exc.field != "as_of" or not messages.confirm(
                    self, self.tr("Sudah pernah diproses"),
                    exc.message + "\n\n" + self.tr("Jalankan ulang untuk tanggal ini?"),
                    yes=self.tr("Ya, jalankan ulang"),
                ):  # fmt: skip
                    raise
                self.saved = quality.month_end(self.user, as_of, rerun=True)
            self.jasa = self._credit_jasa(as_of)
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors, fields=("as_of",))
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        text = self.tr(
            "Kolektibilitas {n} pinjaman per {date} tersimpan. Sisa pokok {total}, rasio "
            "pinjaman bermasalah {npl}%."
        ).format(
            n=format_number(self.saved.loan_count), date=format_date_long(self.saved.as_of),
            total=format_rupiah(self.saved.total_outstanding),
            npl=percent(self.saved.npl_ratio),
        )  # fmt: skip
        if self.jasa is not None:
            text += "\n" + self.tr(
                "Jasa simpanan sukarela {n} anggota: bruto {gross}, PPh 4(2) {tax}."
            ).format(
                n=format_number(len(self.jasa.lines)), gross=format_rupiah(self.jasa.gross),
                tax=format_rupiah(self.jasa.tax),
            )  # fmt: skip
        text += self._berjangka(as_of)
        text += self._depreciation(as_of)
        messages.inform(self, self.tr("Proses akhir bulan selesai"), text)
        super().accept()

    def _credit_jasa(self, as_of: date) -> JasaResult | None:
        """The month's jasa simpanan sukarela, credited once (a month's last day only)."""
        if not is_month_end(as_of):
            return None
        jasa = self.services.jasa
        return jasa.result(month_of(as_of)) or jasa.credit_month(self.user, as_of, today=self.today)

    def _berjangka(self, as_of: date) -> str:
        """The month's simpanan berjangka jasa and roll-overs, when `as_of` ends a month."""
        if not is_month_end(as_of):
            return ""
        try:
            done = self.services.berjangka_month_end.run(self.user, as_of.year, as_of.month)
        except AppError as exc:
            return "\n\n" + self.tr("Simpanan berjangka: {reason}").format(reason=exc.message)
        return "\n\n" + self.tr(
            "Simpanan berjangka: jasa {n} rekening {gross} (PPh 4(2) {tax}), diperpanjang {aro}."
        ).format(
            n=format_number(done.paid), gross=format_rupiah(done.gross),
            tax=format_rupiah(done.tax), aro=format_number(done.rolled_over),
        )  # fmt: skip

    def _depreciation(self, as_of: date) -> str:
        """The month's depreciation of the fixed assets, when `as_of` ends a month."""
        if not is_month_end(as_of):
            return ""
        try:
            done = self.services.assets.run(self.user, as_of.year, as_of.month)
        except AppError as exc:
            return "\n\n" + self.tr("Penyusutan aset tetap: {reason}").format(reason=exc.message)
        return "\n\n" + self.tr("Penyusutan aset tetap: {n} baris, {total}.").format(
            n=format_number(done.rows), total=format_rupiah(done.total)
        )


class BookAllowanceDialog(QDialog):
    """Catat saldo PPAP yang sudah dibukukan (what the books hold), for required vs booked."""

    def __init__(
        self,
        services: Services,
        user: User,
        as_of: date,
        suggested: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.saved: AllowanceBooking | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Catat Saldo PPAP"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(self.tr(
            "Tulis saldo PPAP yang tercatat di pembukuan koperasi pada tanggal itu (setelah "
            "jurnal penyesuaian, bila sudah dibuat).")))  # fmt: skip
        form = QFormLayout()
        layout.addLayout(form)
        self.date_edit = DateEdit(field="as_of")
        self.date_edit.set_value(as_of)
        self.amount_edit = RupiahEdit(field="amount")
        self.amount_edit.set_value(suggested)
        self.note_edit = QLineEdit()
        self.errors.add_row(form, self.tr("Per tanggal *"), "as_of", self.date_edit)
        self.errors.add_row(form, self.tr("Saldo PPAP (Rp) *"), "amount", self.amount_edit)
        self.errors.add_row(form, self.tr("Keterangan"), "note", self.note_edit)
        general = QLabel()
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(self, self.tr("Simpan"), self.tr("Batal"))
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.errors.clear()
        try:
            as_of = self.date_edit.value()
            assert as_of is not None
            self.saved = self.services.loans.portfolio.book_allowance(
                self.user, as_of, self.amount_edit.value(), self.note_edit.text()
            )
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        super().accept()
