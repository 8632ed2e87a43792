"""The right-hand panel of the Anggota view: one member's data, savings and actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.formats import format_date_long, format_date_short
from app.identity import format_phone
from app.members.models import SEX_LABELS, Member, MemberStatus
from app.money import format_rupiah
from app.savings.models import Balances, SavingsTransaction, TxType
from app.savings.service import WajibStatus
from ui.export import install_export
from ui.models.savings_model import SavingsHistoryModel
from ui.widgets.wrapping_header import WrappingHeader

_STATUS_STYLE = {
    MemberStatus.AKTIF: "background:#e3f3e6; color:#1e5e2b;",
    MemberStatus.KELUAR: "background:#eeeeee; color:#444444;",
    MemberStatus.MENINGGAL: "background:#e8e8f0; color:#33334d;",
}


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MemberDetail(QScrollArea):
    """Shows a member; its buttons are public so the view connects and enables them."""

    transaction_selected = Signal(object)  # SavingsTransaction | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)

        self.empty = QLabel(self.tr("Pilih anggota di daftar sebelah kiri untuk melihat datanya."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#555; padding:40px;")
        layout.addWidget(self.empty)

        self.content = QWidget()
        layout.addWidget(self.content)
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(self._build_header())
        content.addWidget(self._build_data())
        content.addWidget(self._build_savings(), 1)
        content.addWidget(self._build_berjangka())
        content.addWidget(self._build_loans())
        self.content.hide()
        self.member: Member | None = None

    # -- building ---------------------------------------------------------------------------------
    def _build_header(self) -> QVBoxLayout:
        box = QVBoxLayout()
        top = QHBoxLayout()
        self.name_label = QLabel()
        self.name_label.setObjectName("member_name")
        self.name_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.name_label.setWordWrap(True)
        self.status_badge = QLabel()
        self.status_badge.setObjectName("member_status")
        top.addWidget(self.name_label, 1)
        top.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(top)
        self.number_label = QLabel()
        box.addWidget(self.number_label)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Ubah Data"))
        self.status_button = QPushButton(self.tr("Ubah Status"))
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.status_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        return box

    def _build_data(self) -> QGroupBox:
        group = QGroupBox(self.tr("Data Anggota"))
        grid = QGridLayout(group)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        self.fields: dict[str, QLabel] = {}
        # (key, caption, row, column pair, spans both pairs)
        cells = [
            ("nik", self.tr("NIK"), 0, 0, False),
            ("sex", self.tr("Jenis kelamin"), 0, 1, False),
            ("birth", self.tr("Lahir"), 1, 0, True),
            ("address", self.tr("Alamat"), 2, 0, True),
            ("phone", self.tr("Telepon"), 3, 0, False),
            ("occupation", self.tr("Pekerjaan"), 3, 1, False),
            ("spouse", self.tr("Suami/istri"), 4, 0, False),
            ("npwp", self.tr("NPWP"), 4, 1, False),
            ("join", self.tr("Masuk"), 5, 0, False),
            ("status", self.tr("Status"), 5, 1, False),
        ]
        for key, caption, row, pair, wide in cells:
            title = QLabel(caption)
            title.setStyleSheet("color:#555;")
            title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = _value_label()
            value.setObjectName(f"detail_{key}")
            self.fields[key] = value
            grid.addWidget(title, row, pair * 2)
            grid.addWidget(value, row, pair * 2 + 1, 1, 3 if wide else 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return group

    def _build_savings(self) -> QGroupBox:
        group = QGroupBox(self.tr("Simpanan"))
        box = QVBoxLayout(group)
        balances = QGridLayout()
        balances.setHorizontalSpacing(10)
        self.balance_labels: dict[str, QLabel] = {}
        cells = [
            ("pokok", self.tr("Pokok"), 0, 0),
            ("wajib", self.tr("Wajib"), 1, 0),
            ("sukarela", self.tr("Sukarela"), 0, 1),
            ("total", self.tr("Total"), 1, 1),
        ]
        for key, caption, row, pair in cells:
            title = QLabel(caption)
            title.setStyleSheet("color:#555;")
            value = QLabel()
            value.setObjectName(f"balance_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setStyleSheet(
                "font-size: 11pt;" + (" font-weight: bold;" if key == "total" else "")
            )
            balances.addWidget(title, row, pair * 3)
            balances.addWidget(value, row, pair * 3 + 1)
            self.balance_labels[key] = value
        balances.setColumnMinimumWidth(2, 16)
        balances.setColumnStretch(5, 1)
        box.addLayout(balances)
        self.wajib_label = QLabel()
        self.wajib_label.setObjectName("wajib_status")
        self.wajib_label.setWordWrap(True)
        box.addWidget(self.wajib_label)

        buttons = QHBoxLayout()
        self.deposit_button = QPushButton(self.tr("Setoran"))
        self.withdraw_button = QPushButton(self.tr("Penarikan"))
        self.statement_button = QPushButton(self.tr("Cetak Rekening Simpanan"))
        self.passbook_button = QPushButton(self.tr("Cetak Buku"))  # the passbook, issue 17
        self.passbook_button.setObjectName("passbook_button")
        for button in (
            self.deposit_button,
            self.withdraw_button,
            self.statement_button,
            self.passbook_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)

        self.history_model = SavingsHistoryModel(self)
        self.history = install_export(QTableView())
        self.history.setObjectName("savings_history")
        self.history.setHorizontalHeader(WrappingHeader(self.history))
        self.history.setModel(self.history_model)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setAlternatingRowColors(True)
        self.history.verticalHeader().hide()
        self.history.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.history.setMinimumHeight(170)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # Keterangan takes what is left
        # The columns that must fit the panel; Keterangan may run on (whole in its tooltip).
        self.history.setProperty("fit_columns", list(range(self.history_model.columnCount() - 1)))
        self.history.selectionModel().selectionChanged.connect(self._history_row_changed)
        box.addWidget(self.history, 1)
        self.history_empty = QLabel(
            self.tr("Belum ada transaksi simpanan. Klik Setoran untuk mencatat yang pertama.")
        )
        self.history_empty.setStyleSheet("color:#555;")
        box.addWidget(self.history_empty)

        below = QHBoxLayout()
        self.reverse_button = QPushButton(self.tr("Batalkan Transaksi…"))
        below.addWidget(self.reverse_button)
        self.reverse_hint = QLabel(self.tr("Pilih dulu transaksi di tabel yang akan dibatalkan."))
        self.reverse_hint.setStyleSheet("color:#555;")
        self.reverse_hint.setWordWrap(True)
        below.addWidget(self.reverse_hint, 1)
        box.addLayout(below)
        return group

    def _build_berjangka(self) -> QGroupBox:
        group = QGroupBox(self.tr("Simpanan Berjangka"))
        group.setObjectName("berjangka_section")
        self.berjangka_layout = QVBoxLayout(group)  # the member view adds its widget here
        return group

    def _build_loans(self) -> QGroupBox:
        group = QGroupBox(self.tr("Pinjaman"))
        group.setObjectName("loans_section")
        box = QVBoxLayout(group)
        self.loans_placeholder = QLabel(
            self.tr("Pinjaman anggota ini akan tampil di sini (bagian Pinjaman segera hadir).")
        )
        self.loans_placeholder.setWordWrap(True)
        self.loans_placeholder.setStyleSheet("color:#555;")
        box.addWidget(self.loans_placeholder)
        self.loans_layout = box  # the loans screens add their widgets here
        return group

    # -- showing ----------------------------------------------------------------------------------
    def clear(self) -> None:
        self.member = None
        self.history_model.set_rows([])
        self.content.hide()
        self.empty.show()

    def show_member(
        self,
        member: Member,
        balances: Balances,
        wajib: WajibStatus,
        history: list[SavingsTransaction],
    ) -> None:
        self.member = member
        self.empty.hide()
        self.content.show()
        self.name_label.setText(member.name)
        self.number_label.setText(self.tr("No. Anggota {number}").format(number=member.number))
        self.status_badge.setText(f" {member.status.label} ")
        self.status_badge.setStyleSheet(
            _STATUS_STYLE[member.status] + " border-radius:3px; padding:2px 6px; font-weight:bold;"
        )
        birth = ", ".join(
            part for part in (
                member.birth_place,
                format_date_long(member.birth_date) if member.birth_date else "",
            ) if part
        )  # fmt: skip
        status_text = member.status.label
        if member.status != MemberStatus.AKTIF and member.status_date:
            status_text += self.tr(" sejak {date}").format(
                date=format_date_long(member.status_date)
            )
            if member.status_note:
                status_text += f" — {member.status_note}"
        values = {
            "nik": member.nik or "–",
            "birth": birth or "–",
            "sex": SEX_LABELS.get(member.sex, member.sex),
            "address": member.full_address or "–",
            "phone": format_phone(member.phone) if member.phone else "–",
            "occupation": member.occupation or "–",
            "spouse": member.spouse_name or "–",
            "npwp": member.npwp or "–",
            "join": format_date_long(member.join_date),
            "status": status_text,
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        for key in ("pokok", "wajib", "sukarela"):
            self.balance_labels[key].setText(format_rupiah(getattr(balances, key)))
        self.balance_labels["total"].setText(format_rupiah(balances.total))
        self._show_wajib(member, wajib)
        self.history_model.set_rows(history)
        self.history_empty.setVisible(not history)
        self.history.setVisible(bool(history))
        self._history_row_changed()

    def _show_wajib(self, member: Member, wajib: WajibStatus) -> None:
        if wajib.monthly_amount <= 0:
            self.wajib_label.setText("")
            return
        if wajib.months_unpaid == 0:
            text = self.tr("Simpanan wajib lunas sampai bulan ini ({paid} bulan terbayar).").format(
                paid=wajib.months_paid
            )
            style = "color:#1e5e2b;"
        else:
            text = self.tr(
                "Simpanan wajib belum dibayar {months} bulan ({amount}; {monthly} per bulan)."
            ).format(
                months=wajib.months_unpaid,
                amount=format_rupiah(wajib.months_unpaid * wajib.monthly_amount),
                monthly=format_rupiah(wajib.monthly_amount),
            )
            style = "color:#9c2b00; font-weight:bold;"
        if member.status != MemberStatus.AKTIF and member.status_date:
            text += " " + self.tr("Dihitung sampai {date}.").format(
                date=format_date_short(member.status_date)
            )
        self.wajib_label.setText(text)
        self.wajib_label.setStyleSheet(style)

    # -- the selected transaction ------------------------------------------------------------------
    def selected_transaction(self) -> SavingsTransaction | None:
        rows = self.history.selectionModel().selectedRows()
        return self.history_model.tx_at(rows[0].row()) if rows else None

    def select_transaction(self, tx_id: int) -> None:
        row = self.history_model.row_of(tx_id)
        if row is not None:
            self.history.selectRow(row)

    def _history_row_changed(self, *_: object) -> None:
        tx = self.selected_transaction()
        if tx is None:
            hint = self.tr("Pilih dulu transaksi di tabel yang akan dibatalkan.")
        elif tx.is_reversed:
            hint = self.tr("Transaksi {receipt} sudah dibatalkan.").format(receipt=tx.receipt_no)
        elif tx.tx_type == TxType.PEMBALIKAN:
            hint = self.tr("Pembatalan tidak bisa dibatalkan lagi.")
        else:
            hint = self.tr("Terpilih: {receipt}").format(receipt=tx.receipt_no)
        self.reverse_hint.setText(hint)
        self.transaction_selected.emit(tx)
