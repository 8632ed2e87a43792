"""Issue one document from the member, loan and case screens and show it in the preview:
the shared step behind their Cetak menus (errors are shown, never raised)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.documents.kinds import DocKind
from app.documents.register import Issued, Renderer, can_issue
from app.documents.sources import issuing
from app.documents.sources.basics import documents
from app.errors import AppError
from app.services import Services
from app.users.models import User
from ui.dialogs.pdf_preview import PdfPreviewDialog, safe_file_name
from ui.errors import show_error


class DocumentIssuer(QObject):
    """Builds a document's data, issues it through the register (a case letter is noted in
    its case) and opens the preview; `issued(register_id)` tells the screen to refresh."""

    issued = Signal(int)

    def __init__(
        self, parent: QWidget, services: Services, user: User, today: Callable[[], date]
    ) -> None:
        super().__init__(parent)
        self.widget = parent
        self.services = services
        self.user = user
        self.today = today
        self.docs = documents(services)
        self.preview: PdfPreviewDialog | None = None
        self.last: Issued | None = None

    @property
    def allowed(self) -> bool:
        return can_issue(self.user)

    def issue(
        self,
        kind: DocKind,
        build: Callable[[], Any],
        render: Renderer,
        *,
        authorisation: str = "",
    ) -> Issued | None:
        """Build, issue and preview; an AppError is shown to the user (None returned).
        `authorisation`: a Pengurus' reason for a warning letter out of order."""
        try:
            data = build()
            done = issuing.issue(
                self.services,
                self.user,
                kind,
                data,
                render,
                self.today(),
                docs=self.docs,
                authorisation=authorisation,
            )
        except AppError as exc:
            show_error(self.widget, exc, self.tr("Dokumen tidak bisa dibuat"))
            return None
        self.last = done
        self.show(done)
        self.issued.emit(done.row.id)
        return done

    def show(self, done: Issued) -> PdfPreviewDialog:
        title = f"{done.row.title} ({done.row.number})"
        if done.row.kind in (DocKind.KUITANSI_PINJAMAN, DocKind.KUITANSI_SIMPANAN):
            from ui.dialogs.passbook_receipt import ReceiptPreviewDialog  # paper per printer

            self.preview = ReceiptPreviewDialog(
                done.pdf, title, safe_file_name(done.row.number), self.services, self.user,
                self.widget,
            )  # fmt: skip
        else:
            self.preview = PdfPreviewDialog(
                done.pdf, title, safe_file_name(done.row.number), self.widget
            )
        self.preview.open()
        return self.preview
