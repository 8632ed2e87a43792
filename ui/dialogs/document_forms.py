"""Short forms asked before some documents are made: the meeting of a Surat Panggilan, the
period and meeting of a Notulen, the book year of the Daftar Hapus Buku, which agreement a
Berita Acara records. Each submits through a callback; an AppError stays in the form, shown
at its field, with what was typed kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.collection.meeting_models import MeetingAttendee, MeetingDraft
from app.errors import AppError, ValidationError
from ui.dialogs.loan_dialog_parts import dialog_buttons
from ui.errors import show_error
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors


def _time_edit(value: time, name: str) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute), objectName=name)
    edit.setDisplayFormat("HH.mm")
    return edit


def _picked(edit: QTimeEdit) -> time:
    t = edit.time()
    return time(t.hour(), t.minute())


class _Form(QDialog):
    """A form with Buat/Batal; `_submit()` raises AppError to keep the form open."""

    def __init__(self, title: str, ok: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.errors = FieldErrors()
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.general = QLabel(objectName="error_general")
        self.errors.set_general(self.general)
        self.layout_ = layout
        self.buttons, self.ok_button = dialog_buttons(self, ok, self.tr("Batal"))
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.submit)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.general)
        self.layout_.addWidget(self.buttons)

    def submit(self) -> None:
        self.errors.clear()
        try:
            self._submit()
        except AppError as exc:
            show_error(self, exc, errors=self.errors)
            return
        self.accept()

    def _submit(self) -> None:  # pragma: no cover - every form overrides it
        raise NotImplementedError

    @staticmethod
    def _date(edit: DateEdit) -> date:
        value = edit.value()  # raises ValidationError at the field when unreadable
        if value is None:
            raise ValidationError("Isi tanggalnya.", field=edit.objectName())
        return value


class MeetingDialog(_Form):
    """Day, time and place of the meeting a Surat Panggilan invites the member to."""

    def __init__(
        self,
        day: date,
        place: str,
        submit: Callable[[date, time, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Surat Panggilan"), self.tr("Buat Surat"), parent)
        self.on_submit = submit
        self.meeting_date = DateEdit(field="meeting_date")
        self.meeting_date.setObjectName("meeting_date")
        self.meeting_date.set_value(day)
        self.meeting_time = _time_edit(time(9, 0), "meeting_time")
        self.place = QLineEdit(place, objectName="place")
        self.errors.add_row(
            self.form, self.tr("Tanggal pertemuan *"), "meeting_date", self.meeting_date
        )
        self.errors.add_row(self.form, self.tr("Pukul"), "meeting_time", self.meeting_time)
        self.errors.add_row(self.form, self.tr("Tempat *"), "place", self.place)
        self.finish_layout()

    def _submit(self) -> None:
        self.on_submit(self._date(self.meeting_date), _picked(self.meeting_time), self.place.text())


class NotulenDialog(_Form):
    """The decisions proposed between two dates, when and where the board met, and who
    actually came and chaired (the quorum is computed from that, never assumed)."""

    def __init__(
        self,
        start: date,
        end: date,
        place: str,
        submit: Callable[[MeetingDraft], object],
        parent: QWidget | None = None,
        *,
        board: Sequence[MeetingAttendee] = (),
        secretary: str = "",
        today: date | None = None,
    ) -> None:
        super().__init__(self.tr("Notulen Rapat Pengurus"), self.tr("Buat Notulen"), parent)
        self.on_submit = submit
        self.start = DateEdit(field="start")
        self.start.setObjectName("start")
        self.start.set_value(start)
        self.end = DateEdit(field="end")
        self.end.setObjectName("end")
        self.end.set_value(end)
        self.meeting_date = DateEdit(field="on")
        self.meeting_date.setObjectName("on")
        self.meeting_date.set_value(today or end)
        self.begins = _time_edit(time(13, 0), "begins")
        self.ends = _time_edit(time(15, 0), "ends")
        self.place = QLineEdit(place, objectName="place")
        hint = QLabel(
            self.tr(
                "Notulen memuat semua usulan keputusan yang dibuat di antara dua tanggal "
                "ini, dengan persetujuan atau penolakannya."
            )
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.errors.add_row(self.form, self.tr("Usulan dari tanggal *"), "start", self.start)
        self.errors.add_row(self.form, self.tr("sampai tanggal *"), "end", self.end)
        self.errors.add_row(self.form, self.tr("Tanggal rapat *"), "on", self.meeting_date)
        self.errors.add_row(self.form, self.tr("Rapat mulai pukul"), "begins", self.begins)
        self.errors.add_row(self.form, self.tr("Rapat selesai pukul"), "ends", self.ends)
        self.errors.add_row(self.form, self.tr("Tempat rapat"), "place", self.place)
        # Attendance: one box per board member, ticked when present.
        self.board = list(board)
        box = QWidget(objectName="attendance")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.present: list[QCheckBox] = []
        for person in self.board:
            check = QCheckBox(f"{person.name} — {person.position}")
            check.setChecked(False)
            check.toggled.connect(lambda _on: self._present_changed())
            column.addWidget(check)
            self.present.append(check)
        self.errors.add_row(self.form, self.tr("Pengurus yang hadir *"), "attendees", box)
        self.chair = QComboBox(objectName="chair")
        self.errors.add_row(self.form, self.tr("Pimpinan rapat *"), "chair", self.chair)
        self.secretary = QLineEdit(secretary, objectName="secretary")
        self.errors.add_row(self.form, self.tr("Notulis *"), "secretary", self.secretary)
        self.guests = QLineEdit(objectName="guests")
        self.guests.setPlaceholderText(self.tr("Nama - jabatan; pisahkan dengan titik koma"))
        self.errors.add_row(self.form, self.tr("Undangan lain yang hadir"), "guests", self.guests)
        self.quorum = QLabel(objectName="quorum")
        self.form.addRow("", self.quorum)
        self._present_changed()
        self.finish_layout()

    def _present_changed(self) -> None:
        chosen = self.chair.currentText()
        self.chair.clear()
        names = [p.name for p, c in zip(self.board, self.present, strict=True) if c.isChecked()]
        self.chair.addItems(names)
        if chosen in names:
            self.chair.setCurrentText(chosen)
        size = len(self.board)
        needed = size // 2 + 1
        self.quorum.setText(
            self.tr("{n} dari {size} pengurus hadir; kuorum {needed} orang: {verdict}").format(
                n=len(names),
                size=size,
                needed=needed,
                verdict=self.tr("tercapai") if len(names) >= needed else self.tr("belum tercapai"),
            )
        )

    def attendees(self) -> tuple[MeetingAttendee, ...]:
        people = [
            MeetingAttendee(p.name, p.position, c.isChecked(), True)
            for p, c in zip(self.board, self.present, strict=True)
        ]
        for part in self.guests.text().split(";"):
            name, _sep, position = part.partition(" - ")
            if name.strip():
                people.append(
                    MeetingAttendee(name.strip(), f"{position.strip() or 'Undangan'}", True, False)
                )
        return tuple(people)

    def _submit(self) -> None:
        self.on_submit(
            MeetingDraft(
                meeting_date=self._date(self.meeting_date),
                starts=_picked(self.begins),
                ends=_picked(self.ends),
                place=self.place.text(),
                chair=self.chair.currentText(),
                secretary=self.secretary.text(),
                decisions_from=self._date(self.start),
                decisions_to=self._date(self.end),
                attendees=self.attendees(),
            )
        )


class YearDialog(_Form):
    """The book year of the Daftar Pinjaman Dihapusbukukan."""

    def __init__(
        self, year: int, submit: Callable[[int], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Daftar Pinjaman Dihapusbukukan"), self.tr("Buat Daftar"), parent)
        self.on_submit = submit
        self.year = QSpinBox(objectName="year")
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.errors.add_row(self.form, self.tr("Tahun buku"), "year", self.year)
        self.finish_layout()

    def _submit(self) -> None:
        self.on_submit(self.year.value())


class ChoiceDialog(_Form):
    """Pick one of several sources (e.g. which agreement a Berita Acara records)."""

    def __init__(
        self,
        title: str,
        label: str,
        choices: Sequence[str],
        submit: Callable[[int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, self.tr("Buat Dokumen"), parent)
        self.on_submit = submit
        self.choice = QComboBox(objectName="choice")
        self.choice.addItems(list(choices))
        self.errors.add_row(self.form, label, "choice", self.choice)
        self.finish_layout()

    def _submit(self) -> None:
        self.on_submit(self.choice.currentIndex())
