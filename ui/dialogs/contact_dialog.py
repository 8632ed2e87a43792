"""Catat Kontak: everything of a conversation with the member (DOMAIN §7) — when, how, who was
met, who from the cooperative, what was said, causes, offer, answer, agreement, the next step —
with an optional promise to pay and photo/scan attachments. Also used to correct a contact."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.collection.models import (
    Case,
    Channel,
    Contact,
    ContactDraft,
    LetterKind,
    MetRole,
    PromiseDraft,
)
from app.errors import AppError, ValidationError
from app.services import Services
from app.users.models import User
from ui.dialogs.case_parts import CausesPicker, case_line, officer_combo, show_error, text_box
from ui.dialogs.loan_dialog_parts import dialog_buttons, note_label
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.rupiah_edit import RupiahEdit

FIELDS = (
    "contact_at",
    "channel",
    "letter_kind",
    "met_name",
    "officer_id",
    "causes",
    "member_said",
    "offer",
    "member_answer",
    "agreed",
    "next_step",
    "next_step_date",
    "amount",
    "due_date",
    "attachments",
    "correction_reason",
)
_LETTERS = (
    LetterKind.SP1,
    LetterKind.SP2,
    LetterKind.SP3,
    LetterKind.PANGGILAN,
    LetterKind.SOMASI,
    LetterKind.LAINNYA,
)


class ContactDialog(QDialog):
    """`saved` is the stored contact after Simpan. With `corrects` the dialog records a
    correction of that contact (a new contact pointing at it; the old one stays)."""

    def __init__(
        self,
        services: Services,
        user: User,
        case: Case,
        today: date,
        parent: QWidget | None = None,
        *,
        corrects: Contact | None = None,
        with_promise: bool = False,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.case = case
        self.today = today
        self.corrects = corrects
        self.saved: Contact | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(
            self.tr("Koreksi Catatan Kontak") if corrects else self.tr("Catat Kontak")
        )
        self.resize(1080, 680)
        layout = QVBoxLayout(self)
        layout.addWidget(case_line(case))
        columns = QHBoxLayout()
        columns.addLayout(self._build_left(), 1)
        columns.addLayout(self._build_right(), 1)
        layout.addLayout(columns, 1)
        general = QLabel(objectName="error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons, self.save_button = dialog_buttons(self, self.tr("Simpan Kontak"), self.tr("Batal"))
        layout.addWidget(buttons)
        self.channel_combo.currentIndexChanged.connect(lambda _: self._channel_changed())
        self.met_combo.currentIndexChanged.connect(lambda _: self._met_changed())
        self.promise_box.setChecked(with_promise)
        self._channel_changed()
        self._met_changed()
        if corrects is not None:
            self._fill(corrects)
        self.date_edit.setFocus()

    # -- building -------------------------------------------------------------------------------
    def _build_left(self) -> QVBoxLayout:
        column = QVBoxLayout()
        form = QFormLayout()
        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        self.date_edit = DateEdit(field="contact_at")
        self.date_edit.setObjectName("contact_date")
        self.date_edit.set_value(self.today)
        self.time_edit = QTimeEdit()
        self.time_edit.setObjectName("contact_time")
        self.time_edit.setDisplayFormat("HH.mm")
        now = QTime.currentTime()
        self.time_edit.setTime(QTime(now.hour(), now.minute()))
        row.addWidget(self.date_edit, 1)
        row.addWidget(QLabel(self.tr("jam")))
        row.addWidget(self.time_edit)
        when.setFocusProxy(self.date_edit)
        self.errors.add_row(form, self.tr("Tanggal && jam *"), "contact_at", when)
        self.channel_combo = QComboBox(objectName="channel")
        for channel in Channel:
            self.channel_combo.addItem(channel.label, channel.value)
        self.errors.add_row(form, self.tr("Cara kontak *"), "channel", self.channel_combo)
        self.letter_combo = QComboBox(objectName="letter_kind")
        for kind in _LETTERS:
            self.letter_combo.addItem(kind.label, kind.value)
        self.errors.add_row(form, self.tr("Surat yang dikirim"), "letter_kind", self.letter_combo)
        self.met_combo = QComboBox(objectName="met_role")
        for role in MetRole:
            self.met_combo.addItem(role.label, role.value)
        self.errors.add_row(form, self.tr("Bertemu / bicara dengan *"), "met_role", self.met_combo)
        self.met_name_edit = QLineEdit(objectName="met_name")
        self.met_name_edit.setMaxLength(120)
        self.errors.add_row(form, self.tr("Nama yang ditemui"), "met_name", self.met_name_edit)
        self.officer = officer_combo(self.services, self.user.id)
        self.errors.add_row(form, self.tr("Petugas koperasi"), "officer_id", self.officer)
        column.addLayout(form)
        self.causes = CausesPicker(self.tr("Penyebab tunggakan menurut percakapan ini"))
        column.addWidget(self.causes)
        known = "; ".join(self.case.cause_labels)
        if known:
            column.addWidget(
                note_label(self.tr("Sudah tercatat di kasus: {causes}").format(causes=known))
            )
        error = QLabel(objectName="error_causes")
        error.setStyleSheet("color: #b00020;")
        error.hide()
        column.addWidget(error)
        self.errors.register("causes", self.causes, error)
        column.addStretch(1)
        return column

    def _build_right(self) -> QVBoxLayout:
        column = QVBoxLayout()
        form = QFormLayout()
        self.said_edit = text_box(
            "member_said", 3, self.tr("misalnya: warung sepi sejak pasar dipindah")
        )
        self.offer_edit = text_box("offer", 2, self.tr("misalnya: bayar tunggakan bertahap"))
        self.answer_edit = text_box("member_answer", 2)
        self.agreed_edit = text_box(
            "agreed", 2, self.tr("misalnya: membayar Rp500.000 paling lambat tanggal 20")
        )
        self.errors.add_row(
            form, self.tr("Yang disampaikan anggota"), "member_said", self.said_edit
        )
        self.errors.add_row(form, self.tr("Yang ditawarkan koperasi"), "offer", self.offer_edit)
        self.errors.add_row(form, self.tr("Jawaban anggota"), "member_answer", self.answer_edit)
        self.errors.add_row(form, self.tr("Yang disepakati"), "agreed", self.agreed_edit)
        self.next_edit = QLineEdit(objectName="next_step")
        self.next_edit.setPlaceholderText(self.tr("misalnya: cek pembayaran, kunjungi lagi"))
        self.next_date = DateEdit(field="next_step_date", required=False)
        self.next_date.setObjectName("next_step_date")
        self.errors.add_row(form, self.tr("Tindak lanjut"), "next_step", self.next_edit)
        self.errors.add_row(
            form, self.tr("Tanggal tindak lanjut"), "next_step_date", self.next_date
        )
        column.addLayout(form)
        self.promise_box = QGroupBox(self.tr("Anggota berjanji membayar (janji bayar)"))
        self.promise_box.setObjectName("promise_box")
        self.promise_box.setCheckable(True)
        promise_form = QFormLayout(self.promise_box)
        self.amount_edit = RupiahEdit(field="amount")
        self.amount_edit.setObjectName("promise_amount")
        self.due_edit = DateEdit(field="due_date", required=False)
        self.due_edit.setObjectName("promise_due")
        self.errors.add_row(promise_form, self.tr("Jumlah (Rp) *"), "amount", self.amount_edit)
        self.errors.add_row(
            promise_form, self.tr("Paling lambat tanggal *"), "due_date", self.due_edit
        )
        promise_form.addRow(
            note_label(
                self.tr(
                    "Status janji (Menunggu, Ditepati, Sebagian, Ingkar) dihitung sendiri dari "
                    "pembayaran yang masuk."
                )
            )
        )
        column.addWidget(self.promise_box)
        column.addWidget(self._build_attachments())
        if self.corrects is not None:
            reason_form = QFormLayout()
            self.reason_edit = QLineEdit(objectName="correction_reason")
            self.errors.add_row(
                reason_form, self.tr("Alasan koreksi *"), "correction_reason", self.reason_edit
            )
            column.addLayout(reason_form)
        column.addStretch(1)
        return column

    def _build_attachments(self) -> QGroupBox:
        box = QGroupBox(self.tr("Lampiran foto / scan (boleh kosong)"))
        row = QHBoxLayout(box)
        self.files = QListWidget(objectName="attachments")
        self.files.setFixedHeight(52)
        buttons = QVBoxLayout()
        add = QPushButton(self.tr("Tambah Berkas…"))
        add.clicked.connect(self.add_files)
        remove = QPushButton(self.tr("Hapus dari Daftar"))
        remove.clicked.connect(
            lambda: [self.files.takeItem(self.files.row(i)) for i in self.files.selectedItems()]
        )
        buttons.addWidget(add)
        buttons.addWidget(remove)
        row.addWidget(self.files, 1)
        row.addLayout(buttons)
        error = QLabel(objectName="error_attachments")
        error.setStyleSheet("color: #b00020;")
        error.hide()
        buttons.addWidget(error)
        self.errors.register("attachments", self.files, error)
        return box

    # -- behaviour ------------------------------------------------------------------------------
    def _channel_changed(self) -> None:
        is_letter = self.channel_combo.currentData() == Channel.SURAT.value
        self.letter_combo.setEnabled(is_letter)

    def _met_changed(self) -> None:
        role = MetRole(self.met_combo.currentData())
        self.met_name_edit.setEnabled(role != MetRole.TIDAK_BERTEMU)
        self.met_name_edit.setPlaceholderText(
            self.tr("boleh kosong: {name}").format(name=self.case.member_name)
            if role == MetRole.ANGGOTA
            else self.tr("nama orang yang ditemui")
        )

    def add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Pilih foto atau scan"),
            "",
            self.tr("Gambar dan PDF (*.jpg *.jpeg *.png *.pdf);;Semua berkas (*)"),
        )
        self.add_paths(paths)

    def add_paths(self, paths: list[str]) -> None:
        for path in paths:
            self.files.addItem(path)

    def _fill(self, c: Contact) -> None:
        self.date_edit.set_value(c.contact_at.date())
        self.time_edit.setTime(QTime(c.contact_at.hour, c.contact_at.minute))
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(c.channel.value))
        if c.letter_kind is not None:
            self.letter_combo.setCurrentIndex(self.letter_combo.findData(c.letter_kind.value))
        self.met_combo.setCurrentIndex(self.met_combo.findData(c.met_role.value))
        self.met_name_edit.setText(c.met_name)
        index = self.officer.findData(c.officer_id)
        if index >= 0:
            self.officer.setCurrentIndex(index)
        self.causes.set_codes(c.causes)
        self.said_edit.setPlainText(c.member_said)
        self.offer_edit.setPlainText(c.offer)
        self.answer_edit.setPlainText(c.member_answer)
        self.agreed_edit.setPlainText(c.agreed)
        self.next_edit.setText(c.next_step)
        self.next_date.set_value(c.next_step_date)
        self.promise_box.setChecked(False)

    def draft(self) -> ContactDraft:
        on = self.date_edit.value()
        assert on is not None
        t = self.time_edit.time()
        channel = Channel(self.channel_combo.currentData())
        return ContactDraft(
            case_id=self.case.id,
            contact_at=datetime.combine(on, time(t.hour(), t.minute())),
            channel=channel,
            met_role=MetRole(self.met_combo.currentData()),
            met_name=self.met_name_edit.text(),
            officer_id=self.officer.currentData(),
            member_said=self.said_edit.toPlainText(),
            causes=self.causes.codes(),
            offer=self.offer_edit.toPlainText(),
            member_answer=self.answer_edit.toPlainText(),
            agreed=self.agreed_edit.toPlainText(),
            next_step=self.next_edit.text(),
            next_step_date=self.next_date.value(),
            letter_kind=LetterKind(self.letter_combo.currentData())
            if channel == Channel.SURAT
            else None,
            attachments=tuple(self.files.item(i).text() for i in range(self.files.count())),
            corrects_id=self.corrects.id if self.corrects else None,
            correction_reason=self.reason_edit.text() if self.corrects else "",
        )

    def promise(self) -> PromiseDraft | None:
        if not self.promise_box.isChecked():
            return None
        amount = self.amount_edit.value()
        due = self.due_edit.value()
        if due is None:
            raise ValidationError("Isi tanggal janji bayar.", field="due_date")
        return PromiseDraft(amount=amount, due_date=due)

    def accept(self) -> None:
        self.errors.clear()
        try:
            draft = self.draft()
            promise = self.promise()
            self.saved = self.services.contacts.record(
                self.user, draft, self.today, promise=promise
            )
        except AppError as exc:
            show_error(self.errors, exc, FIELDS)
            return
        super().accept()
