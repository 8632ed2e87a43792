"""Cetak Jadwal: a loan's schedule (or a simulation) as a numbered A4 document, previewed
before printing. The documents engineer's renderer and register do the work."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.documents import jadwal_angsuran
from app.documents.kinds import DocKind
from app.documents.register import Issued
from app.documents.sources import issuing
from app.documents.sources import loans as loan_documents
from app.errors import AppError
from app.loans.schedule import ScheduleTerms
from app.services import Services
from app.users.models import User
from ui.dialogs.pdf_preview import PdfPreviewDialog, safe_file_name
from ui.errors import show_error


def _issue(services: Services, user: User, data: object, today: date) -> Issued:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return issuing.issue(
            services, user, DocKind.JADWAL_ANGSURAN, data, jadwal_angsuran.render, today
        )
    finally:
        QApplication.restoreOverrideCursor()


def _preview(parent: QWidget, issued: Issued) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(
        issued.pdf,
        f"{issued.row.title} ({issued.row.number})",
        safe_file_name(issued.row.number),
        parent,
    )
    dialog.finished.connect(lambda _: dialog.deleteLater())
    dialog.open()
    return dialog


def print_loan_schedule(
    parent: QWidget, services: Services, user: User, loan_id: int, today: date
) -> PdfPreviewDialog | None:
    """The loan's schedule in force, registered and shown for printing (None on refusal)."""
    try:
        data = loan_documents.jadwal(services, loan_id, today)
        issued = _issue(services, user, data, today)
    except AppError as exc:
        show_error(parent, exc, parent.tr("Jadwal tidak bisa dicetak"))
        return None
    return _preview(parent, issued)


def print_simulation(
    parent: QWidget, services: Services, user: User, terms: ScheduleTerms, today: date
) -> PdfPreviewDialog | None:
    """A simulated schedule ('Ini simulasi, bukan perjanjian'), registered and shown."""
    try:
        data = jadwal_angsuran.jadwal_from_terms(terms, on=today)
        issued = _issue(services, user, data, today)
    except AppError as exc:
        show_error(parent, exc, parent.tr("Simulasi tidak bisa dicetak"))
        return None
    return _preview(parent, issued)
