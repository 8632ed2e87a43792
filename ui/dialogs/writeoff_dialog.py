"""Usulkan Hapus Buku (the preconditions as a checklist read from the data; proposing only when
every required one passes) and Hapus Tagih (only with the members' meeting decision)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
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

from app.collection.decision_models import Decision, WriteoffChecklist
from app.collection.models import Case
from app.errors import AppError
from app.formats import format_date_long
from app.money import format_rupiah
from app.services import Services
from app.users.models import Role, User
from ui.dialogs.case_parts import case_line, show_error, text_box
from ui.dialogs.loan_dialog_parts import dialog_buttons, note_label
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors

_OK = "color:#1e6b2b; font-weight:bold;"
_FAIL = "color:#b00020; font-weight:bold;"
_OFF = "color:#6b6b6b;"


def may_propose_writeoff(user: User) -> bool:
    return user.active and user.role in (Role.MANAJER, Role.PENGURUS, Role.KETUA)


class WriteoffDialog(QDialog):
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
        self.check: WriteoffChecklist | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Usulkan Hapus Buku"))
        self.resize(820, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(case_line(case))
        layout.addWidget(
            note_label(
                self.tr(
                    "Hapus buku mengeluarkan pinjaman dari neraca; pinjaman tetap ditagih dan "
                    "dicatat di "
                    "Daftar Ekstrakomptabel. Semua syarat di bawah dibaca dari data. Setelah "
                    "diusulkan: "
                    "Pengawas menulis catatan, lalu Ketua dan satu Pengurus lain (keduanya "
                    "bukan pengusul) menyetujui, dan hapus buku dilaporkan di RAT berikutnya."
                )
            )
        )
        self.checklist_box = QGroupBox(self.tr("Syarat hapus buku"))
        self.grid = QGridLayout(self.checklist_box)
        self.grid.setColumnStretch(2, 1)
        layout.addWidget(self.checklist_box)
        self.verdict = QLabel(objectName="writeoff_verdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        form = QFormLayout()
        self.date_edit = DateEdit(field="on")
        self.date_edit.setObjectName("writeoff_date")
        self.date_edit.set_value(today)
        self.date_edit.editingFinished.connect(self.refresh)
        self.reason_edit = text_box(
            "writeoff_reason",
            3,
            self.tr(
                "misalnya: anggota pindah ke luar kota, usaha tutup, sudah tiga kali dikunjungi"
            ),
        )
        self.errors.add_row(form, self.tr("Per tanggal *"), "on", self.date_edit)
        self.errors.add_row(form, self.tr("Alasan hapus buku *"), "reason", self.reason_edit)
        layout.addLayout(form)
        layout.addStretch(1)
        general = QLabel(objectName="error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Usulkan Hapus Buku"), self.tr("Batal")
        )
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.errors.clear()
        try:
            on = self.date_edit.value() or self.today
            check = self.services.writeoff.checklist(self.case.loan_id, on)
        except AppError as exc:
            show_error(self.errors, exc, ("on",))
            return
        self.check = check
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for n, item in enumerate(check.items):
            mark = QLabel("✔" if item.ok else ("✘" if item.required else "–"))
            mark.setObjectName(f"check_{item.key}")
            mark.setStyleSheet(_OK if item.ok else (_FAIL if item.required else _OFF))
            label = QLabel(item.label + ("" if item.required else self.tr(" (tidak diwajibkan)")))
            label.setStyleSheet("" if item.required else _OFF)
            detail = QLabel(item.detail)
            detail.setWordWrap(True)
            detail.setStyleSheet("color:#444;")
            for col, widget in enumerate((mark, label, detail)):
                self.grid.addWidget(widget, n, col, Qt.AlignmentFlag.AlignTop)
        allowed = may_propose_writeoff(self.user)
        if check.ok:
            self.verdict.setText(self.tr("Semua syarat terpenuhi: hapus buku boleh diusulkan."))
            self.verdict.setStyleSheet(_OK)
        else:
            names = ", ".join(i.label for i in check.failing)
            self.verdict.setText(
                self.tr(
                    "Belum bisa diusulkan: {n} syarat belum terpenuhi ({names}). Lengkapi dulu, "
                    "misalnya kirim surat peringatan, catat kunjungan, selesaikan agunan atau "
                    "kompensasikan simpanan."
                ).format(n=len(check.failing), names=names)
            )
            self.verdict.setStyleSheet(_FAIL)
        self.save_button.setEnabled(check.ok and allowed)
        if not allowed:
            self.save_button.setToolTip(
                self.tr("Hapus buku diusulkan oleh Manajer (atau Pengurus).")
            )

    def accept(self) -> None:
        self.errors.clear()
        try:
            on = self.date_edit.value()
            assert on is not None
            self.saved = self.services.writeoff.propose(
                self.user, self.case.id, self.reason_edit.toPlainText(), on, self.today
            )
        except AppError as exc:
            show_error(self.errors, exc, ("on", "reason"))
            self.refresh_keep_error(exc)
            return
        super().accept()

    def refresh_keep_error(self, exc: AppError) -> None:
        """Re-read the checklist (the data may have changed) and keep the message shown."""
        text = exc.message
        self.refresh()
        if not self.errors.message("reason") and not self.errors.message("on"):
            self.errors.show(None, text)


class HapusTagihDialog(QDialog):
    """Records the members' meeting decision to forgive a written-off loan (a Pengurus other
    than the proposer approves the entry)."""

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
        self.setWindowTitle(self.tr("Usulkan Hapus Tagih"))
        self.resize(640, 380)
        layout = QVBoxLayout(self)
        layout.addWidget(case_line(case))
        entry = services.offbook.of_loan(case.loan_id, today)
        if entry is not None:
            layout.addWidget(
                QLabel(
                    self.tr("Dihapus buku {date} ({number}); sisa tagihan {rest}.").format(
                        date=format_date_long(entry.written_off_on),
                        number=entry.decision_number,
                        rest=format_rupiah(entry.remaining),
                    )
                )
            )
        layout.addWidget(
            note_label(
                self.tr(
                    "Hapus tagih membebaskan anggota dari sisa tagihan untuk selamanya. Hanya "
                    "boleh "
                    "dengan keputusan Rapat Anggota (RA/RAT): tulis nomor dan tanggal keputusannya."
                ),
                "#9c2b00",
            )
        )
        form = QFormLayout()
        self.rat_edit = QLineEdit(objectName="rat_number")
        self.rat_edit.setPlaceholderText(self.tr("misalnya: 05/RAT/KSP-GR/III/2027"))
        self.rat_date = DateEdit(field="rat_date")
        self.rat_date.setObjectName("rat_date")
        self.date_edit = DateEdit(field="on")
        self.date_edit.set_value(today)
        self.reason_edit = text_box("tagih_reason", 2)
        self.errors.add_row(form, self.tr("No. keputusan RA/RAT *"), "rat_number", self.rat_edit)
        self.errors.add_row(form, self.tr("Tanggal keputusan *"), "rat_date", self.rat_date)
        self.errors.add_row(form, self.tr("Tanggal usulan *"), "on", self.date_edit)
        self.errors.add_row(form, self.tr("Alasan *"), "reason", self.reason_edit)
        layout.addLayout(form)
        general = QLabel(objectName="error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Usulkan Hapus Tagih"), self.tr("Batal")
        )
        layout.addWidget(buttons)
        if entry is None or entry.status != "aktif":
            self.save_button.setEnabled(False)
            self.errors.show(
                None,
                self.tr(
                    "Hapus tagih hanya untuk pinjaman yang sudah dihapus "
                    "buku dan masih ada di Daftar Ekstrakomptabel."
                ),
            )

    def accept(self) -> None:
        self.errors.clear()
        try:
            rat_date, on = self.rat_date.value(), self.date_edit.value()
            assert rat_date is not None and on is not None
            if not messages.confirm(
                self,
                self.tr("Usulkan hapus tagih?"),
                self.tr(
                    "Setelah disetujui Pengurus, sisa tagihan dihapus untuk selamanya dan tidak "
                    "ditagih lagi. Lanjutkan mengusulkan?"
                ),
                self.tr("Ya, usulkan"),
                self.tr("Tidak"),
            ):
                return
            self.saved = self.services.writeoff.propose_hapus_tagih(
                self.user,
                self.case.id,
                self.rat_edit.text(),
                rat_date,
                self.reason_edit.toPlainText(),
                on,
                self.today,
            )
        except AppError as exc:
            show_error(self.errors, exc, ("rat_number", "rat_date", "on", "reason"))
            return
        super().accept()
