"""Surat & Dokumen: the register of every document issued (search by number, member, kind,
date), reprints of the exact copy, and the batch of letters due today."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Kind
from app.collection.meeting_models import MeetingDraft
from app.documents import daftar_hapus_buku, notulen
from app.documents.kinds import DocKind
from app.documents.register import Issued, RegisterQuery, can_issue
from app.documents.sources import decisions, issuing, letters
from app.documents.sources.letters import DueLetters
from app.errors import AppError
from app.services import Services
from app.users.models import User
from ui.changes import keep_place, watch
from ui.dialogs.document_forms import NotulenDialog, YearDialog
from ui.dialogs.pdf_preview import PdfPreviewDialog, safe_file_name
from ui.dialogs.progress_task import Progress, TaskCancelled, run_with_progress
from ui.errors import show_error
from ui.export import export_button, install_export
from ui.models.base import SORT_ROLE
from ui.models.documents_model import DocColumn, DocumentsModel
from ui.widgets import messages

DueSource = Callable[[date], DueLetters]
PAGE = 500


def join_pdfs(parts: Sequence[bytes]) -> bytes:
    """One PDF of several (for printing a batch as one job)."""
    from app.documents.pdfjoin import join

    return join(parts)


class DocumentsView(QWidget):
    document_opened = Signal(int)  # register id shown in the preview

    def __init__(
        self,
        services: Services,
        user: User,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        due_letters: DueSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today = today
        # The work queue's SP letters due (app.documents.sources.letters) unless a test
        # gives its own source.
        self.due_letters: DueSource = due_letters or (lambda on: letters.due_letters(services, on))
        self.docs = services.documents
        self.preview: PdfPreviewDialog | None = None
        self.dialog: QDialog | None = None
        self.last_batch: list[Issued] = []

        title = QLabel(self.tr("Surat & Dokumen"), objectName="view_title")
        font = title.font()
        font.setPointSize(16)
        font.setBold(True)
        title.setFont(font)
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Cari nomor surat, nama atau no. anggota…"))
        self.kind = QComboBox(objectName="kind")
        self.kind.addItem(self.tr("Semua jenis"), None)
        for kind in DocKind:
            self.kind.addItem(kind.label, kind.value)
        self.search.returnPressed.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())

        self.model = DocumentsModel()
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.proxy = proxy
        self.table = install_export(
            QTableView(objectName="register_table"), self.tr("Register Surat & Dokumen")
        )
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocColumn.MEMBER, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # newest first, as read
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.count_label = QLabel(objectName="count_label")
        self.empty_label = QLabel(
            self.tr(
                "Belum ada surat atau dokumen. Surat dibuat dari data anggota, pinjaman atau "
                "kasus; setiap surat yang dicetak tercatat di sini."
            ),
            objectName="empty_label",
        )
        self.empty_label.setWordWrap(True)

        self.open_button = QPushButton(self.tr("Lihat / Cetak Ulang"), objectName="open_button")
        self.open_button.clicked.connect(self.open_selected)
        self.batch_button = QPushButton(
            self.tr("Surat Jatuh Tempo Hari Ini…"), objectName="batch_button"
        )
        self.batch_button.clicked.connect(self.print_due_letters)
        self.batch_button.setToolTip(
            self.tr(
                "Semua surat peringatan (SP1–SP3) yang jatuh tempo hari ini menurut jadwal "
                "penagihan, dalam satu PDF; setiap surat dicatat di kasusnya."
            )
        )
        self.make_button = QPushButton(self.tr("Buat Dokumen"), objectName="make_button")
        make_menu = QMenu(self.make_button)
        self.notulen_action = make_menu.addAction(self.tr("Notulen Rapat Pengurus…"))
        self.notulen_action.triggered.connect(lambda _c=False: self.ask_notulen())
        self.writeoff_action = make_menu.addAction(self.tr("Daftar Pinjaman Dihapusbukukan…"))
        self.writeoff_action.triggered.connect(lambda _c=False: self.ask_writeoff_list())
        self.make_button.setMenu(make_menu)
        may = can_issue(user)
        for button in (self.batch_button, self.make_button):
            button.setEnabled(may)
            if not may:
                button.setToolTip(self.tr("Peran Anda tidak boleh membuat surat bernomor."))

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.make_button)
        top.addWidget(self.batch_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.kind, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(export_button(self.table, self))
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.refresh()
        watch(self, services, (Kind.DOCUMENTS,), self.refresh)

    # -- list --------------------------------------------------------------------------------
    def query(self) -> RegisterQuery:
        return RegisterQuery(text=self.search.text(), kind=self.kind.currentData())

    def refresh(self) -> None:
        query = self.query()
        rows = self.docs.search(query, limit=PAGE)
        total = self.docs.count(query)
        restore = keep_place(self.table, self._id_at)
        self.model.set_rows(rows)
        restore()
        shown = self.tr("{n} dokumen").format(n=total)
        if total > len(rows):
            shown += " " + self.tr("({n} terbaru ditampilkan; persempit pencarian)").format(
                n=len(rows)
            )
        self.count_label.setText(shown)
        self.empty_label.setVisible(total == 0 and not query.text and query.kind is None)
        self.open_button.setEnabled(bool(rows))

    def _id_at(self, row: int) -> int:
        return self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row()).id

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_id(self) -> int | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row()).id

    # -- reprint -------------------------------------------------------------------------------
    def open_selected(self) -> None:
        document_id = self.selected_id()
        if document_id is None:
            return
        try:
            pdf = self.docs.reprint(self.user, document_id)
        except AppError as exc:
            show_error(self, exc, self.tr("Tidak bisa dicetak ulang"))
            return
        row = self.docs.get(document_id)
        self.show_preview(pdf, f"{row.title} ({row.number})", safe_file_name(row.number))
        self.document_opened.emit(document_id)

    def show_preview(self, pdf: bytes, title: str, file_name: str) -> PdfPreviewDialog:
        self.preview = PdfPreviewDialog(pdf, title, file_name, self)
        self.preview.open()
        return self.preview

    def show_issued(self, issued: Issued) -> PdfPreviewDialog:
        """Preview a document just issued (called by the member, loan and case screens)."""
        self.refresh()
        return self.show_preview(
            issued.pdf,
            f"{issued.row.title} ({issued.row.number})",
            safe_file_name(issued.row.number),
        )

    # -- batch ---------------------------------------------------------------------------------
    def print_due_letters(self) -> list[Issued]:
        """The SP letters due today: confirm, issue with progress and Batal, show one PDF."""
        today = self.today()
        title = self.tr("Surat jatuh tempo")
        try:
            due = self.due_letters(today)
        except AppError as exc:
            show_error(self, exc, title)
            return []
        notes = self._notes(due)
        if not due.items:
            messages.inform(
                self,
                title,
                self.tr("Tidak ada surat peringatan yang jatuh tempo hari ini.") + notes,
            )
            return []
        counts = ", ".join(
            f"{kind.label} {n}"
            for kind in (DocKind.SP1, DocKind.SP2, DocKind.SP3)
            if (n := sum(1 for i in due.items if i.kind == kind))
        )
        question = self.tr(
            "{n} surat akan dibuat dan diberi nomor ({counts}); setiap surat dicatat di "
            "kasusnya sebagai surat yang belum dikirim.{notes}\n\nBuat sekarang?"
        ).format(n=len(due.items), counts=counts, notes=notes)
        if not messages.confirm(self, title, question, self.tr("Buat Surat"), self.tr("Batal")):
            return []

        def work(progress: Progress) -> list[Issued]:
            def report(done: int, total: int) -> None:
                if not progress.cancelled:  # stopping is left to should_stop, between letters
                    progress.report(
                        self.tr("Membuat surat {done} dari {total}…").format(done=done, total=total)
                    )

            return issuing.issue_due_letters(
                self.services,
                self.user,
                due,
                today,
                progress=report,
                should_stop=lambda: progress.cancelled,
                docs=self.docs,
            )

        try:
            issued = run_with_progress(
                self, title, self.tr("Menyiapkan surat…"), work, cancellable=True
            )
        except TaskCancelled:
            issued = []
        except AppError as exc:
            show_error(self, exc, title)
            self.refresh()
            return []
        self.last_batch = issued
        self.refresh()
        if issued:
            self.show_preview(
                join_pdfs([x.pdf for x in issued]),
                self.tr("{n} surat jatuh tempo").format(n=len(issued)),
                f"surat-jatuh-tempo-{today.isoformat()}.pdf",
            )
        return issued

    def _notes(self, due: DueLetters) -> str:
        text = ""
        if due.waiting:
            text += (
                "\n\n"
                + self.tr(
                    "{n} surat sudah dicetak tetapi pengirimannya belum dicatat (tidak dicetak "
                    "lagi):"
                ).format(n=len(due.waiting))
                + "\n• "
                + "\n• ".join(due.waiting[:5])
            )
        if due.refused:
            text += "\n\n" + self.tr("Tidak bisa dibuat:") + "\n• " + "\n• ".join(due.refused[:5])
        return text

    # -- board documents -------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def ask_notulen(self) -> QDialog:
        today = self.today()
        profile = self.services.settings.profile()
        return self._open(
            NotulenDialog(
                today.replace(day=1),
                today,
                self.tr("Ruang rapat {coop}").format(coop=profile.name),
                self.issue_notulen,
                self,
                board=self.services.meetings.board(),
                secretary=profile.sekretaris or profile.manajer,
                today=today,
            )
        )

    def issue_notulen(self, draft: MeetingDraft) -> Issued:
        """Record the meeting as entered (attendance, chair) and issue its minutes; nothing is
        stored when the period has no decisions or the form is incomplete (AppError raised)."""
        coll = self.services
        decisions.notulen(self.services, draft.decisions_from, draft.decisions_to)  # any?
        clean = coll.meetings.check(draft, self.today())
        held = coll.meetings.record(self.user, clean, self.today())
        data = decisions.notulen_of_meeting(self.services, held.id)
        done = issuing.issue(
            self.services,
            self.user,
            DocKind.NOTULEN,
            data,
            notulen.render,
            self.today(),
            docs=self.docs,
        )
        self.show_issued(done)
        return done

    def ask_writeoff_list(self) -> QDialog:
        return self._open(YearDialog(self.today().year, self.issue_writeoff_list, self))

    def issue_writeoff_list(self, year: int) -> Issued:
        data = decisions.daftar_hapus_buku(self.services, year, self.today())
        done = issuing.issue(
            self.services,
            self.user,
            DocKind.DAFTAR_HAPUS_BUKU,
            data,
            daftar_hapus_buku.render,
            self.today(),
            docs=self.docs,
        )
        self.show_issued(done)
        return done
