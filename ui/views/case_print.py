"""The case's Cetak menu: warning letters SP1–SP3 and the Surat Panggilan through the documents
register (numbered, kept for exact reprints, noted in the case's letters), and the documents
whose data adapter from a case does not exist yet, disabled with the reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

from PySide6.QtCore import QObject, QTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.collection.models import LetterDraft, LetterKind
from app.documents import panggilan, sp_letters
from app.documents.kinds import DocKind
from app.documents.parties import arrears_figures, loan_ref, member_party
from app.documents.register import DocumentService, Issued
from app.documents.sp_letters import PreviousLetter
from app.errors import AppError
from app.loans.models import LoanStatus
from app.services import Services
from app.storage.documents_repo import RegisterRow
from app.users.models import User
from app.users.permissions import Action, can
from ui.dialogs.loan_dialog_parts import dialog_buttons
from ui.dialogs.pdf_preview import PdfPreviewDialog, safe_file_name
from ui.views.case_detail import CaseFile
from ui.views.case_documents import CaseDocuments
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors

OFFBOOK_LETTERS = (
    "Surat untuk pinjaman yang sudah dihapus buku belum tersedia (posisi "
    "tagihan ekstrakomptabel belum bisa dicetak)."
)
_SP = {1: LetterKind.SP1, 2: LetterKind.SP2, 3: LetterKind.SP3}


class PanggilanDialog(QDialog):
    """Day, time and place of the meeting the Surat Panggilan invites the member to."""

    def __init__(self, place: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Surat Panggilan"))
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.meeting_date = DateEdit(field="meeting_date")
        self.meeting_date.set_value(today + timedelta(days=7))
        self.meeting_time = QTimeEdit(QTime(9, 0))
        self.meeting_time.setDisplayFormat("HH.mm")
        self.place = QLineEdit(place, objectName="meeting_place")
        self.guarantor = QCheckBox(self.tr("Tembusan untuk penjamin"))
        self.errors.add_row(form, self.tr("Tanggal pertemuan *"), "meeting_date", self.meeting_date)
        self.errors.add_row(form, self.tr("Pukul"), "meeting_time", self.meeting_time)
        self.errors.add_row(form, self.tr("Tempat *"), "place", self.place)
        form.addRow("", self.guarantor)
        layout.addLayout(form)
        self.general = QLabel(objectName="error_general")
        self.errors.set_general(self.general)
        layout.addWidget(self.general)
        buttons, _ok = dialog_buttons(self, self.tr("Buat Surat"), self.tr("Batal"))
        layout.addWidget(buttons)

    def when(self) -> tuple[date, time]:
        day = self.meeting_date.value()
        assert day is not None
        t = self.meeting_time.time()
        return day, time(t.hour(), t.minute())


class CasePrinter(QObject):
    """Builds the Cetak button's menu and issues the documents."""

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        user: User,
        today: Callable[[], date],
        changed: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.widget = parent
        self.services = services
        self.user = user
        self.today = today
        self.changed = changed
        self.docs = DocumentService(services.db, services.audit, services.settings)
        self.file: CaseFile | None = None
        self.preview: PdfPreviewDialog | None = None
        self.menu = QMenu(parent)
        # Ringkasan Kasus, Berita Acara and Surat Perjanjian come from app.documents.sources
        # through the documents engineer's CaseDocuments (ui/views/case_documents.py).
        self.documents = CaseDocuments(parent, services, user, today)
        self.documents.issued.connect(lambda _id: self.changed())
        self.summary_action = self._action(self.tr("Ringkasan Kasus"), self.print_summary)
        self.menu.addSeparator()
        self.sp_actions = {
            level: self._action(
                self.tr("Surat Peringatan {n} (SP{n})").format(n=level),
                lambda _=False, n=level: self.print_sp(n),
            )
            for level in (1, 2, 3)
        }
        self.panggilan_action = self._action(self.tr("Surat Panggilan…"), self.print_panggilan)
        self.menu.addSeparator()
        self.ba_action = self._action(self.tr("Berita Acara Kesepakatan…"), self.print_ba)
        self.perjanjian_action = self._action(
            self.tr("Surat Perjanjian / Addendum"), self.print_perjanjian
        )

    def _action(self, text: str, slot: Callable[..., object]) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def attach(self, button: QPushButton) -> None:
        button.setMenu(self.menu)
        self.menu.setToolTipsVisible(True)

    def update(self, file: CaseFile | None) -> None:
        self.file = file
        case_id = file.case.id if file is not None else None
        for action, what in (
            (self.summary_action, "ringkasan"),
            (self.ba_action, "berita_acara"),
            (self.perjanjian_action, "perjanjian"),
        ):
            reason = self.documents.why_not(case_id, what)
            action.setEnabled(not reason)
            action.setToolTip(reason)
        may = can(self.user, Action.RECORD_CONTACT) or can(self.user, Action.PROPOSE)
        aktif = file is not None and file.loan.status == LoanStatus.AKTIF
        late = (
            aktif
            and file is not None
            and file.arrears is not None
            and file.arrears.arrears_total > 0
        )
        why = (
            ""
            if late
            else (
                self.tr(OFFBOOK_LETTERS)
                if file is not None and not aktif
                else self.tr("Pinjaman ini tidak menunggak.")
            )
        )
        if not may:
            why = self.tr("Peran Anda tidak boleh membuat surat.")
        printed = self._printed(file)
        for level, action in self.sp_actions.items():
            action.setEnabled(may and late)
            done = printed.get(_SP[level])
            action.setText(
                self.tr("Surat Peringatan {n} (SP{n})").format(n=level)
                + (self.tr(" — sudah dibuat {number}").format(number=done) if done else "")
            )
            action.setToolTip(why)
        self.panggilan_action.setEnabled(may and late)
        self.panggilan_action.setToolTip(why)

    def print_summary(self) -> Issued | None:
        return self.documents.ringkasan(self.file.case.id) if self.file else None

    def print_ba(self) -> None:
        if self.file is not None:
            self.documents.ask_berita_acara(self.file.case.id)

    def print_perjanjian(self) -> Issued | None:
        return self.documents.perjanjian(self.file.case.id) if self.file else None

    def _printed(self, file: CaseFile | None) -> dict[LetterKind, str]:
        if file is None:
            return {}
        letters = self.services.collection.contacts.letters(file.case.id)
        return {letter.kind: letter.number for letter in letters}

    # -- issuing --------------------------------------------------------------------------------
    def _parties(self) -> tuple[object, object, object]:
        file = self.file
        assert file is not None and file.member is not None and file.arrears is not None
        return member_party(file.member), loan_ref(file.loan), arrears_figures(file.arrears)

    def _contact(self) -> tuple[str, str]:
        file = self.file
        assert file is not None
        name = file.case.officer_name or self.user.full_name
        return name, self.services.settings.profile().phone

    def print_sp(self, level: int) -> Issued | None:
        file = self.file
        if file is None or file.member is None or file.arrears is None:
            return None
        today = self.today()
        letters = self.services.collection.contacts.letters(file.case.id)
        previous = tuple(
            PreviousLetter(x.number, x.letter_date)
            for x in letters
            if x.kind in (LetterKind.SP1, LetterKind.SP2) and int(x.kind.value[-1]) < level
        )
        member, loan, arrears = self._parties()
        name, phone = self._contact()
        try:
            data = sp_letters.sp_letter(
                level,
                member,
                loan,
                arrears,
                on=today,
                contact_name=name,  # type: ignore[arg-type]
                contact_phone=phone,
                previous=previous,
                days_to_pay=int(self.services.settings.get("collection.letter_pay_days")),
                has_guarantor=bool(self.services.loans.guarantors(file.loan.id)),
                case_id=file.case.id,
            )
            issued = self.docs.issue(
                self.user,
                DocKind(f"sp{level}"),
                data,
                sp_letters.render,
                on_finished=self._note(_SP[level]),
            )
        except AppError as exc:
            messages.warn(self.widget, self.tr("Surat tidak bisa dibuat"), exc.message)
            return None
        self.changed()
        self.show(issued)
        return issued

    def print_panggilan(self) -> Issued | None:
        file = self.file
        if file is None or file.member is None or file.arrears is None:
            return None
        today = self.today()
        profile = self.services.settings.profile()
        dialog = PanggilanDialog(
            self.tr("Kantor {coop}").format(coop=profile.name), today, self.widget
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        member, loan, arrears = self._parties()
        name, phone = self._contact()
        try:
            day, at = dialog.when()
            data = panggilan.surat_panggilan(
                member,
                loan,
                arrears,
                on=today,
                meeting_date=day,  # type: ignore[arg-type]
                meeting_time=at,
                place=dialog.place.text(),
                contact_name=name,
                contact_phone=phone,
                with_guarantor=dialog.guarantor.isChecked(),
                case_id=file.case.id,
            )
            issued = self.docs.issue(
                self.user,
                DocKind.PANGGILAN,
                data,
                panggilan.render,
                on_finished=self._note(LetterKind.PANGGILAN),
            )
        except AppError as exc:
            messages.warn(self.widget, self.tr("Surat tidak bisa dibuat"), exc.message)
            return None
        self.changed()
        self.show(issued)
        return issued

    def _note(self, kind: LetterKind) -> Callable[[RegisterRow], None]:
        """Log the printed letter in the case (inside the register's transaction); its
        delivery is recorded later with Catat Surat Terkirim."""
        file = self.file
        assert file is not None
        case_id, today = file.case.id, self.today()

        def note(row: RegisterRow) -> None:
            self.services.collection.contacts.record_letter(
                self.user,
                case_id,
                LetterDraft(
                    kind=kind, letter_date=row.doc_date, number=row.number, document_ref=row.number
                ),
                today,
            )

        return note

    def show(self, issued: Issued) -> None:
        self.preview = PdfPreviewDialog(
            issued.pdf,
            f"{issued.row.title} ({issued.row.number})",
            safe_file_name(issued.row.number),
            self.widget,
        )
        self.preview.open()
