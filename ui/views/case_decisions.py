"""The Keputusan tab of a case: its decisions, what each proposed, who voted, and the buttons
Setujui / Tolak / Catatan / Tarik — with the reason written out when a button may not be used."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.collection.decision_models import Decision, DecisionKind, DecisionStatus
from app.formats import format_date_short, in_sentence
from app.users.models import User
from app.users.permissions import Action, can, gives_ketua_approval, writes_supervisory_notes
from ui.export import install_export
from ui.models.decisions_model import DecisionColumn, DecisionsModel


def vote_block(user: User, d: Decision) -> str | None:
    """Why `user` may not approve or reject `d` (None: they may). Mirrors the service's rules
    so the button can say why it is disabled; the service still decides."""
    if d.status != DecisionStatus.DIUSULKAN:
        return f"Keputusan {d.number} sudah {in_sentence(d.status.label)}."
    if not can(user, Action.APPROVE):
        return (
            f"Hanya Ketua/Pengurus yang boleh menyetujui atau menolak; peran Anda "
            f"{user.role.label}."
        )
    if user.id == d.proposed_by:
        return (
            "Anda sendiri yang mengusulkan ini. Pengusul tidak boleh menyetujui atau "
            "menolak usulannya: persetujuan harus dari Pengurus lain."
        )
    if any(v.user_id == user.id for v in d.votes):
        return "Anda sudah menyetujui usulan ini. Persetujuan berikutnya harus dari Pengurus lain."
    return None


def _ketua_missing(d: Decision) -> bool:
    """Hapus buku still without the Ketua's approval (DOMAIN §4a: the Ketua plus one other)."""
    return d.kind == DecisionKind.HAPUS_BUKU and not any(
        gives_ketua_approval(v.role) for v in d.approvals
    )


def approve_block(user: User, d: Decision) -> str | None:
    reason = vote_block(user, d)
    if reason is None and d.needs_pengawas and not d.pengawas_notes:
        return "Usulan ini harus dilihat Pengawas dulu: menunggu catatan Pengawas."
    if (
        reason is None
        and _ketua_missing(d)
        and not gives_ketua_approval(user.role)
        and d.approvals_missing <= 1
    ):
        return (
            "Hapus buku disetujui Ketua dan satu Pengurus lain: persetujuan terakhir harus "
            "dari Ketua."
        )
    return reason


def describe(d: Decision, as_of: date) -> str:
    """The selected decision in plain words: what, by whom, votes and notes."""
    lines = [
        f"<b>{d.kind.label} {d.number}</b> — {d.status_label(as_of)}",
        f"Diusulkan {d.proposed_by_name}, {format_date_short(d.proposed_on)}: {d.summary}",
    ]
    if d.expires_on:
        lines.append(f"Berlaku sampai {format_date_short(d.expires_on)}.")
    if d.meeting_ref:
        lines.append(
            f"Rapat/notulen: {d.meeting_ref}"
            + (f" tgl {format_date_short(d.meeting_date)}" if d.meeting_date else "")
        )
    for n in d.notes:
        lines.append(f"Catatan {n.role} {n.user_name} ({format_date_short(n.on)}): {n.note}")
    for v in d.votes:
        verb = "menyetujui" if v.verdict == "setuju" else "menolak"
        lines.append(
            f"{v.user_name} {verb} ({format_date_short(v.on)})" + (f": {v.note}" if v.note else "")
        )
    if d.status == DecisionStatus.DIUSULKAN:
        wait = []
        if d.needs_pengawas and not d.pengawas_notes:
            wait.append("catatan Pengawas")
        if d.approvals_missing and _ketua_missing(d):
            wait.append(
                "persetujuan Ketua dan satu Pengurus lain (bukan pengusul)"
                if d.approvals_missing >= 2
                else "persetujuan Ketua"
            )
        elif d.approvals_missing:
            wait.append(f"{d.approvals_missing} persetujuan Pengurus lagi")
        if wait:
            lines.append("Masih menunggu: " + " dan ".join(wait) + ".")
    return "<br>".join(_escape(line) if not line.startswith("<b>") else line for line in lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class DecisionsPanel(QWidget):
    """Signals carry the selected Decision."""

    approve_requested = Signal(object)
    reject_requested = Signal(object)
    note_requested = Signal(object)
    withdraw_requested = Signal(object)
    pay_requested = Signal(object)
    undo_setoff_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user: User | None = None
        self.as_of = date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.model = DecisionsModel(self)
        self.table = install_export(QTableView())
        self.table.setObjectName("case_decisions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the proposer and the approvals give way (elided) so the table never scrolls sideways
        for column in (DecisionColumn.PROPOSED, DecisionColumn.PROGRESS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (DecisionColumn.MEMBER, DecisionColumn.AMOUNT, DecisionColumn.SUMMARY):
            self.table.hideColumn(column)  # the member is the case's; the rest shows below
        self.table.selectionModel().selectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(
            self.tr(
                "Belum ada keputusan untuk kasus ini. Usulan restrukturisasi, "
                "pelunasan, kompensasi atau hapus buku tampil di sini."
            )
        )
        self.empty.setObjectName("decisions_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color:#555;")
        layout.addWidget(self.empty)
        self.detail = QLabel()
        self.detail.setObjectName("decision_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.detail)
        row = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Setujui…"), objectName="approve_button")
        self.reject_button = QPushButton(self.tr("Tolak…"), objectName="reject_button")
        self.note_button = QPushButton(self.tr("Tulis Catatan…"), objectName="note_button")
        self.withdraw_button = QPushButton(self.tr("Tarik Usulan…"), objectName="withdraw_button")
        self.pay_button = QPushButton(self.tr("Terima Pelunasan…"), objectName="settle_pay_button")
        self.undo_setoff_button = QPushButton(
            self.tr("Batalkan Kompensasi…"), objectName="undo_setoff_button"
        )
        for button, signal in (
            (self.approve_button, self.approve_requested),
            (self.reject_button, self.reject_requested),
            (self.note_button, self.note_requested),
            (self.withdraw_button, self.withdraw_requested),
            (self.pay_button, self.pay_requested),
            (self.undo_setoff_button, self.undo_setoff_requested),
        ):
            button.clicked.connect(lambda _=False, s=signal: self._emit(s))
            row.addWidget(button)
        for button in (self.withdraw_button, self.pay_button, self.undo_setoff_button):
            button.hide()  # shown only for a decision they apply to: the row fits 1366 px
        row.addStretch(1)
        layout.addLayout(row)
        self.why = QLabel()
        self.why.setObjectName("vote_why")
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color:#9c4a00;")
        layout.addWidget(self.why)

    def set_user(self, user: User) -> None:
        self.user = user
        if writes_supervisory_notes(user):
            self.note_button.setText(self.tr("Tulis Catatan Pengawas…"))

    def set_decisions(self, decisions: list[Decision], as_of: date) -> None:
        selected = self.selected()
        self.as_of = as_of
        self.model.as_of = as_of
        self.model.set_rows(decisions)
        self.table.setVisible(bool(decisions))
        self.empty.setVisible(not decisions)
        wanted = selected.id if selected else None
        if not self.select(wanted):
            pending = next(
                (n for n, d in enumerate(decisions) if d.status == DecisionStatus.DIUSULKAN), None
            )
            if pending is not None:
                self.table.selectRow(pending)
            elif decisions:
                self.table.selectRow(len(decisions) - 1)
        self.update_buttons()

    def select(self, decision_id: int | None) -> bool:
        if decision_id is None:
            return False
        row = self.model.row_of(decision_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def selected(self) -> Decision | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected(self, _a: QItemSelection, _b: QItemSelection) -> None:
        self.update_buttons()

    def _emit(self, signal: Signal) -> None:
        d = self.selected()
        if d is not None:
            signal.emit(d)  # type: ignore[attr-defined]

    def update_buttons(self) -> None:
        d, user = self.selected(), self.user
        self.detail.setText(describe(d, self.as_of) if d else "")
        buttons = (
            self.approve_button,
            self.reject_button,
            self.note_button,
            self.withdraw_button,
            self.pay_button,
            self.undo_setoff_button,
        )
        if d is None or user is None:
            for b in buttons:
                b.setEnabled(False)
            for b in (self.withdraw_button, self.pay_button, self.undo_setoff_button):
                b.hide()
            self.why.clear()
            return
        approve_why, vote_why = approve_block(user, d), vote_block(user, d)
        open_ = d.status == DecisionStatus.DIUSULKAN
        self.approve_button.setEnabled(approve_why is None)
        self.approve_button.setToolTip(approve_why or self.tr("Setujui usulan ini"))
        self.reject_button.setEnabled(vote_why is None)
        self.reject_button.setToolTip(vote_why or self.tr("Tolak usulan ini dengan alasan"))
        may_note = can(user, Action.WRITE_NOTES) and open_
        self.note_button.setEnabled(may_note)
        self.note_button.setVisible(open_)
        mine = user.id == d.proposed_by and open_ and not d.votes
        self.withdraw_button.setVisible(mine)
        self.withdraw_button.setEnabled(mine)
        payable = (
            d.kind == DecisionKind.PELUNASAN_KERINGANAN
            and d.status == DecisionStatus.DISETUJUI
            and not d.is_expired(self.as_of)
        )
        self.pay_button.setVisible(payable)
        self.pay_button.setEnabled(payable and can(user, Action.RECORD_PAYMENT))
        # a set-off carried out is cancelled as a whole: its savings and loan halves together
        undoable = (
            d.kind == DecisionKind.KOMPENSASI_SIMPANAN and d.status == DecisionStatus.DILAKSANAKAN
        )
        self.undo_setoff_button.setVisible(undoable)
        self.undo_setoff_button.setEnabled(undoable and can(user, Action.REVERSE_TRANSACTION))
        self.undo_setoff_button.setToolTip(
            self.tr("Batalkan penarikan simpanan dan pembayaran pinjaman kompensasi ini bersama")
        )
        for b in (self.approve_button, self.reject_button):
            b.setVisible(open_)
        self.why.setText(approve_why if open_ and approve_why else "")
