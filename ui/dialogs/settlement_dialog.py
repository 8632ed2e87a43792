"""Hitung Pelunasan (pelunasan dengan keringanan): per component what is owed, the cooperative's
limit, the waiver typed and what is paid; an offer with an expiry date. Beyond a limit the
offer goes to the board. And Terima Pelunasan, once the offer is approved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.collection.decision_models import Decision, SettlementQuote
from app.collection.models import Case
from app.errors import AppError
from app.formats import format_date_long
from app.loans.models import Payment, PaymentMethod
from app.money import format_rupiah, terbilang_rupiah
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.case_parts import case_line, show_error, text_box
from ui.dialogs.loan_dialog_parts import dialog_buttons, note_label
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit

COMPONENTS = (("denda", "Denda"), ("jasa", "Jasa"), ("pokok", "Pokok"))
DELAY_MS = 200


class SettlementDialog(QDialog):
    """`saved` is the offer proposed (None when only calculated)."""

    def __init__(
        self, services: Services, user: User, case: Case, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.case = case
        self.today = today
        self.saved: Decision | None = None
        self.quote: SettlementQuote | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Hitung Pelunasan dengan Keringanan"))
        self.resize(760, 600)
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.recalculate)
        layout = QVBoxLayout(self)
        layout.addWidget(case_line(case))
        form = QFormLayout()
        self.on_edit = DateEdit(field="on")
        self.on_edit.setObjectName("settle_on")
        self.on_edit.set_value(today)
        self.errors.add_row(form, self.tr("Dihitung per tanggal *"), "on", self.on_edit)
        layout.addLayout(form)
        layout.addWidget(self._build_table())
        self.summary = QLabel(objectName="settle_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.board = note_label("", "#9c2b00")
        self.board.setObjectName("settle_board")
        layout.addWidget(self.board)
        form2 = QFormLayout()
        self.expires_edit = DateEdit(field="expires_on")
        self.expires_edit.setObjectName("settle_expires")
        self.note_edit = text_box(
            "settle_note", 2, self.tr("misalnya: anggota sanggup melunasi dari hasil jual motor")
        )
        self.errors.add_row(
            form2, self.tr("Penawaran berlaku sampai *"), "expires_on", self.expires_edit
        )
        self.errors.add_row(form2, self.tr("Catatan"), "note", self.note_edit)
        layout.addLayout(form2)
        general = QLabel(objectName="error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Usulkan Penawaran"), self.tr("Tutup")
        )
        layout.addWidget(buttons)
        if not can(user, Action.PROPOSE):
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(
                self.tr(
                    "Penawaran diusulkan oleh Manajer atau Pengurus. Anda bisa menghitung di sini "
                    "dan menyampaikan hasilnya."
                )
            )
        self.on_edit.editingFinished.connect(self._timer.start)
        self.recalculate()
        if self.quote is not None:
            self.expires_edit.set_value(self.quote.expires_on)

    def _build_table(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rincian per komponen"))
        grid = QGridLayout(box)
        for col, text in enumerate(
            (
                self.tr("Komponen"),
                self.tr("Terutang"),
                self.tr("Batas tanpa rapat"),
                self.tr("Keringanan (Rp)"),
                self.tr("Dibayar"),
            )
        ):
            head = QLabel(f"<b>{text}</b>")
            grid.addWidget(head, 0, col)
        self.owed: dict[str, QLabel] = {}
        self.limit: dict[str, QLabel] = {}
        self.waiver: dict[str, RupiahEdit] = {}
        self.pay: dict[str, QLabel] = {}
        for n, (key, caption) in enumerate(COMPONENTS):
            line = 1 + 2 * n  # the values; the line below holds the field's error
            grid.addWidget(QLabel(self.tr(caption)), line, 0)
            self.owed[key] = QLabel(objectName=f"owed_{key}")
            self.limit[key] = QLabel(objectName=f"limit_{key}")
            edit = RupiahEdit(field=key)
            edit.setObjectName(f"waive_{key}")
            edit.textChanged.connect(lambda _t: self._timer.start())
            self.waiver[key] = edit
            self.pay[key] = QLabel(objectName=f"pay_{key}")
            for col, w in enumerate((self.owed[key], self.limit[key], edit, self.pay[key]), 1):
                grid.addWidget(w, line, col)
            error = QLabel(objectName=f"error_{key}")
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            grid.addWidget(error, line + 1, 1, 1, 4)
            self.errors.register(key, edit, error)
        row = QHBoxLayout()
        self.max_button = QPushButton(self.tr("Isi Keringanan Terbesar Tanpa Rapat"))
        self.max_button.setObjectName("settle_max")
        self.max_button.clicked.connect(self.fill_max)
        self.clear_button = QPushButton(self.tr("Kosongkan Keringanan"))
        self.clear_button.clicked.connect(self.clear_waivers)
        row.addWidget(self.max_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        grid.addLayout(row, 8, 0, 1, 5)
        return box

    # -- calculating ----------------------------------------------------------------------------
    def waivers(self) -> dict[str, int]:
        return {
            key: (edit.value() if edit.text().strip() else 0) for key, edit in self.waiver.items()
        }

    def recalculate(self) -> None:
        self._timer.stop()
        self.errors.clear()
        try:
            on = self.on_edit.value() or self.today
            quote = self.services.settlement.quote(self.case.loan_id, on, self.waivers())
        except AppError as exc:
            show_error(self.errors, exc, ("on", "pokok", "jasa", "denda"))
            return
        self.quote = quote
        for line in quote.lines:
            self.owed[line.component].setText(format_rupiah(line.owed))
            self.limit[line.component].setText(
                f"{line.limit_percent}% = {format_rupiah(line.limit_amount)}"
            )
            self.pay[line.component].setText(format_rupiah(line.to_pay))
            self.pay[line.component].setStyleSheet(
                "color:#b00020; font-weight:bold;" if line.beyond_limit else ""
            )
        self.summary.setText(
            self.tr(
                "Terutang {owed} − keringanan {waived} − titipan {titipan} = <b>dibayar "
                "{agreed}</b> "
                "({words})."
            ).format(
                owed=format_rupiah(quote.owed),
                waived=format_rupiah(quote.waived),
                titipan=format_rupiah(quote.titipan),
                agreed=format_rupiah(quote.agreed_sum),
                words=terbilang_rupiah(quote.agreed_sum),
            )
        )
        beyond = [line.component for line in quote.lines if line.beyond_limit]
        self.board.setText(
            self.tr(
                "Keringanan {parts} melampaui batas kewenangan: penawaran ini perlu persetujuan "
                "dua "
                "Pengurus dengan nomor notulen rapat pengurus."
            ).format(parts=", ".join(beyond))
            if beyond
            else self.tr("Dalam batas kewenangan: cukup disetujui satu Pengurus.")
        )

    def fill_max(self) -> None:
        try:
            on = self.on_edit.value() or self.today
            quote = self.services.settlement.max_within_limits(self.case.loan_id, on)
        except AppError as exc:
            show_error(self.errors, exc, ("on",))
            return
        for line in quote.lines:
            self.waiver[line.component].set_value(line.waived or None)
        self.recalculate()

    def clear_waivers(self) -> None:
        for edit in self.waiver.values():
            edit.clear()
        self.recalculate()

    def accept(self) -> None:
        self.recalculate()
        try:
            on, expires = self.on_edit.value(), self.expires_edit.value()
            assert on is not None and expires is not None
            self.saved = self.services.settlement.propose(
                self.user,
                self.case.id,
                on,
                self.waivers(),
                expires,
                self.note_edit.toPlainText(),
                self.today,
            )
        except AppError as exc:
            show_error(self.errors, exc, ("on", "pokok", "jasa", "denda", "expires_on"))
            return
        super().accept()


class SettlementPayDialog(QDialog):
    """Receive the agreed sum of an approved offer: the loan closes 'lunas dengan keringanan'."""

    def __init__(
        self,
        services: Services,
        user: User,
        decision: Decision,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.decision = decision
        self.today = today
        self.saved: Payment | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Terima Pelunasan dengan Keringanan"))
        layout = QVBoxLayout(self)
        agreed = int(decision.payload.get("agreed_sum", 0))
        offer = QLabel(objectName="settle_offer")
        offer.setTextFormat(Qt.TextFormat.RichText)  # the first line has no tag: say so
        layout.addWidget(offer)
        offer.setText(
            self.tr(
                "Penawaran {number}: {member}, pinjaman {loan}.<br>Jumlah yang disepakati: "
                "<b>{amount}"
                "</b> ({words}), berlaku sampai {until}."
            ).format(
                number=decision.number,
                member=decision.member_name,
                loan=decision.loan_number,
                amount=format_rupiah(agreed),
                words=terbilang_rupiah(agreed),
                until=format_date_long(decision.expires_on) if decision.expires_on else "-",
            )
        )
        form = QFormLayout()
        self.on_edit = DateEdit(field="on")
        self.on_edit.set_value(today)
        self.method = QComboBox(objectName="settle_method")
        for m in (PaymentMethod.TUNAI, PaymentMethod.TRANSFER):
            self.method.addItem(m.label, m.value)
        self.errors.add_row(form, self.tr("Tanggal diterima *"), "on", self.on_edit)
        self.errors.add_row(form, self.tr("Cara bayar"), "method", self.method)
        layout.addLayout(form)
        general = QLabel(objectName="error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Terima dan Tutup Pinjaman"), self.tr("Batal")
        )
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.errors.clear()
        d = self.decision
        if not messages.confirm(
            self,
            self.tr("Terima pelunasan?"),
            self.tr(
                "Keringanan yang disepakati dihapus dan pinjaman {loan} DITUTUP sebagai lunas "
                "dengan keringanan. Kasusnya selesai. Langkah ini tidak bisa dibatalkan di sini. "
                "Lanjutkan?"
            ).format(loan=d.loan_number),
            self.tr("Ya, terima"),
            self.tr("Tidak"),
        ):
            return
        try:
            on = self.on_edit.value()
            assert on is not None
            self.saved = self.services.settlement.pay(
                self.user, d.id, on, str(self.method.currentData()), self.today
            )
        except AppError as exc:
            show_error(self.errors, exc, ("on", "method"))
            return
        super().accept()
