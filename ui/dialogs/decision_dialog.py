"""Setujui / Tolak / Catatan / Tarik a proposal (restructuring, settlement, set-off, hapus buku,
hapus tagih). The note is typed; the last approval, a rejection and a withdrawal each ask for
confirmation that names what will happen."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.collection.decision_models import Decision, DecisionKind
from app.errors import AppError, ValidationError
from app.formats import format_date_long
from app.money import format_rupiah
from app.services import Services
from app.users.models import Role, User
from ui.dialogs.case_parts import show_error, text_box
from ui.dialogs.loan_dialog_parts import dialog_buttons, note_label
from ui.views.case_decisions import describe
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors

MIN_NOTE = 5


class Mode(StrEnum):
    SETUJUI = "setujui"
    TOLAK = "tolak"
    CATATAN = "catatan"
    TARIK = "tarik"


def consequence(d: Decision) -> str:
    """What the final approval of `d` does, in plain words."""
    p = d.payload
    if d.kind == DecisionKind.HAPUS_BUKU:
        return (
            f"Pinjaman {d.loan_number} ({d.member_name}) akan DIHAPUS BUKU: pokok "
            f"{format_rupiah(p.get('pokok', 0))} dikeluarkan dari neraca dengan beban PPAP, "
            f"jasa {format_rupiah(p.get('jasa', 0))} dan denda "
            f"{format_rupiah(p.get('denda', 0))} tidak diakui sebagai pendapatan. Pinjaman "
            "pindah ke Daftar Ekstrakomptabel dan tetap ditagih. Langkah ini tidak bisa "
            "dibatalkan."
        )
    if d.kind == DecisionKind.HAPUS_TAGIH:
        return (
            f"Sisa tagihan {format_rupiah(p.get('remaining', 0))} atas pinjaman "
            f"{d.loan_number} akan DIHAPUS TAGIH untuk selamanya (keputusan RAT "
            f"{p.get('rat_number', '')}); catatannya di Daftar Ekstrakomptabel ditutup. "
            "Langkah ini tidak bisa dibatalkan."
        )
    if d.kind == DecisionKind.RESTRUKTURISASI:
        waived = sum(p.get("waived", {}).values())
        return (
            f"Jadwal angsuran baru untuk pinjaman {d.loan_number} langsung berlaku "
            f"(pokok baru {format_rupiah(p.get('new_principal', 0))}, angsuran "
            f"{format_rupiah(p.get('new_monthly', 0))}); jadwal lama tidak ditagih lagi"
            + (f", keringanan {format_rupiah(waived)} dihapus" if waived else "")
            + " dan janji bayar yang masih menunggu dibatalkan. Perubahan hanya bisa "
            "lewat keputusan baru."
        )
    if d.kind == DecisionKind.KOMPENSASI_SIMPANAN:
        return (
            f"Simpanan {d.member_name} sebesar {format_rupiah(p.get('total', 0))} langsung "
            f"ditarik dan dibayarkan ke pinjaman {d.loan_number}. Langkah ini tidak bisa "
            "dibatalkan di sini."
        )
    return (
        f"Penawaran pelunasan {format_rupiah(p.get('agreed_sum', 0))} untuk pinjaman "
        f"{d.loan_number} menjadi sah sampai "
        f"{format_date_long(d.expires_on) if d.expires_on else '-'}; pinjaman ditutup "
        "'lunas dengan keringanan' saat uangnya diterima."
    )


class DecisionDialog(QDialog):
    """`saved` is the decision after the step was recorded."""

    def __init__(
        self,
        services: Services,
        user: User,
        decision: Decision,
        mode: Mode,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.decision = decision
        self.mode = mode
        self.today = today
        self.saved: Decision | None = None
        self.errors = FieldErrors()
        titles = {
            Mode.SETUJUI: self.tr("Setujui Usulan"),
            Mode.TOLAK: self.tr("Tolak Usulan"),
            Mode.CATATAN: self.tr("Catatan atas Usulan"),
            Mode.TARIK: self.tr("Tarik Usulan"),
        }
        self.setWindowTitle(f"{titles[mode]} {decision.number}")
        self.resize(700, 480)
        layout = QVBoxLayout(self)
        info = QLabel(describe(decision, today))
        info.setObjectName("decision_info")
        info.setWordWrap(True)
        info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(info)
        checklist = decision.payload.get("checklist")
        if checklist:
            lines = [
                ("✔ " if item["ok"] else "✘ ") + f"{item['label']}: {item['detail']}"
                for item in checklist
            ]
            layout.addWidget(
                note_label(self.tr("Syarat hapus buku saat diusulkan:\n") + "\n".join(lines))
            )
        if mode == Mode.SETUJUI:
            final = len(decision.approvals) + 1 >= decision.required_approvals
            text = (
                self.tr("Ini persetujuan terakhir. ") + consequence(decision)
                if final
                else self.tr(
                    "Persetujuan Anda dicatat; masih perlu {n} persetujuan Pengurus "
                    "lain sebelum berlaku."
                ).format(n=decision.required_approvals - len(decision.approvals) - 1)
            )
            layout.addWidget(note_label(text, "#9c2b00" if final else "#555"))
        form = QFormLayout()
        self.date_edit = DateEdit(field="on")
        self.date_edit.setObjectName("decision_date")
        self.date_edit.set_value(today)
        self.note_edit = text_box("decision_note", 3)
        labels = {
            Mode.SETUJUI: self.tr("Catatan persetujuan *"),
            Mode.TOLAK: self.tr("Alasan penolakan *"),
            Mode.CATATAN: self.tr("Catatan Pengawas *")
            if user.role == Role.PENGAWAS
            else self.tr("Catatan *"),
            Mode.TARIK: self.tr("Alasan menarik usulan *"),
        }
        if mode != Mode.TARIK:
            self.errors.add_row(form, self.tr("Tanggal *"), "on", self.date_edit)
        self.errors.add_row(form, labels[mode], "note", self.note_edit)
        self.meeting_edit = QLineEdit(objectName="meeting_ref")
        self.meeting_date = DateEdit(field="meeting_date", required=False)
        if mode == Mode.SETUJUI and decision.payload.get("needs_meeting"):
            self.meeting_edit.setText(decision.meeting_ref)
            self.errors.add_row(
                form, self.tr("No. notulen rapat pengurus *"), "meeting_ref", self.meeting_edit
            )
            self.errors.add_row(form, self.tr("Tanggal rapat"), "meeting_date", self.meeting_date)
        layout.addLayout(form)
        layout.addStretch(1)
        general = QLabel(objectName="error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        ok = {
            Mode.SETUJUI: self.tr("Setujui"),
            Mode.TOLAK: self.tr("Tolak Usulan"),
            Mode.CATATAN: self.tr("Simpan Catatan"),
            Mode.TARIK: self.tr("Tarik Usulan"),
        }
        buttons, self.save_button = dialog_buttons(self, ok[mode], self.tr("Batal"))
        layout.addWidget(buttons)
        self.note_edit.setFocus()

    def _confirmed(self) -> bool:
        d = self.decision
        if self.mode == Mode.SETUJUI:
            if len(d.approvals) + 1 < d.required_approvals:
                return True
            return messages.confirm(
                self,
                self.tr("Setujui {kind}?").format(kind=d.kind.label),
                consequence(d) + "\n\n" + self.tr("Lanjutkan?"),
                self.tr("Ya, setujui"),
                self.tr("Tidak"),
            )
        if self.mode == Mode.TOLAK:
            return messages.confirm(
                self,
                self.tr("Tolak usulan?"),
                self.tr(
                    "Usulan {number} akan berakhir sebagai Ditolak dan tidak bisa dilanjutkan; "
                    "kalau perlu, buat usulan baru. Lanjutkan?"
                ).format(number=d.number),
                self.tr("Ya, tolak"),
                self.tr("Tidak"),
            )
        if self.mode == Mode.TARIK:
            return messages.confirm(
                self,
                self.tr("Tarik usulan?"),
                self.tr(
                    "Usulan {number} akan ditarik dan tidak bisa diputuskan lagi. Lanjutkan?"
                ).format(number=d.number),
                self.tr("Ya, tarik"),
                self.tr("Tidak"),
            )
        return True

    def accept(self) -> None:
        self.errors.clear()
        decisions = self.services.decisions
        d = self.decision
        try:
            note = self.note_edit.toPlainText().strip()
            if len(note) < MIN_NOTE:
                raise ValidationError(
                    "Tulis catatannya (paling sedikit beberapa kata).", field="note"
                )
            on = self.date_edit.value() or self.today
            # Validate first, then ask: a refusal is never preceded by "are you sure?".
            if self.mode == Mode.SETUJUI:
                decisions.check_approve(
                    self.user, d.id, on, self.today, meeting_ref=self.meeting_edit.text()
                )
            elif self.mode == Mode.TOLAK:
                decisions.check_vote(self.user, d.id, on, self.today)
            if not self._confirmed():
                return
            if self.mode == Mode.SETUJUI:
                self.saved = decisions.approve(
                    self.user,
                    d.id,
                    note,
                    on,
                    self.today,
                    meeting_ref=self.meeting_edit.text(),
                    meeting_date=self.meeting_date.value(),
                )
            elif self.mode == Mode.TOLAK:
                self.saved = decisions.reject(self.user, d.id, note, on, self.today)
            elif self.mode == Mode.CATATAN:
                self.saved = decisions.add_note(self.user, d.id, note, on, self.today)
            else:
                self.saved = decisions.withdraw(self.user, d.id, note, self.today)
        except AppError as exc:
            field = "note" if isinstance(exc, ValidationError) and exc.field == "reason" else None
            if field:
                self.errors.show(field, exc.message)
            else:
                show_error(self.errors, exc, ("on", "note", "meeting_ref", "meeting_date"))
            return
        super().accept()
