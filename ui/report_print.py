"""Cetak on a report view: what its tables show, with the parameters it was made with, on the
letterhead (app/documents/reports_pdf.py) in the PDF preview (print or save as PDF)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLayout,
    QPushButton,
    QTableView,
    QWidget,
)

from app.documents.context import DocContext
from app.documents.report_doc import ReportDoc
from app.errors import AppError
from app.formats import format_date_long
from app.services import Services
from ui.dialogs.pdf_preview import PdfPreviewDialog, safe_file_name
from ui.errors import show_error
from ui.export import table_of, title_of
from ui.widgets.date_edit import DateEdit

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


def controls_parameters(layout: QLayout) -> list[str]:
    """The parameters a row of controls sets: "Dari 1 Januari 2026", a ticked check box."""
    out: list[str] = []
    caption = ""
    for i in range(layout.count()):
        widget = layout.itemAt(i).widget()
        if isinstance(widget, QLabel):
            caption = widget.text().rstrip(":")
        elif isinstance(widget, DateEdit):
            value = widget.value()
            if value is not None:
                out.append(f"{caption} {format_date_long(value)}".strip())
            caption = ""
        elif isinstance(widget, QCheckBox) and widget.isChecked():
            out.append(widget.text())
    return out


def context_of(services: Services) -> DocContext:
    return DocContext(
        profile=services.settings.profile(),
        is_demo=services.is_demo,
        rupiah_style=str(services.settings.get("format.rupiah_style")),
    )


def policy_line(services: Services) -> str:
    name = services.loans.quality.policy().name
    return QCoreApplication.translate("report_print", "Kolektibilitas menurut {policy}").format(
        policy=name
    )


def report_of(
    title: str,
    parameters: Sequence[str],
    views: Sequence[QTableView],
    notes: Sequence[str] = (),
    charts: Sequence[Flowable] = (),
) -> ReportDoc:
    tables = [table_of(view, title_of(view)) for view in views]
    return ReportDoc(
        title=title,
        parameters=list(parameters),
        tables=tables,
        notes=[n for n in notes if n],
        charts=list(charts),
        printed_on=date.today(),
    )


def preview_report(parent: QWidget, services: Services, doc: ReportDoc) -> PdfPreviewDialog | None:
    from app.documents.reports_pdf import report_pdf  # ReportLab: with the first report

    try:
        pdf, _pages = report_pdf(doc, context_of(services))
    except AppError as exc:
        show_error(
            parent, exc, QCoreApplication.translate("report_print", "Laporan tidak bisa dibuat")
        )
        return None
    dialog = PdfPreviewDialog(pdf, doc.title, safe_file_name(doc.title), parent)
    dialog.open()
    return dialog


def print_button(parent: QWidget, on_click: Callable[[], object]) -> QPushButton:
    button = QPushButton(QCoreApplication.translate("report_print", "Cetak…"), parent)
    button.setObjectName("print_report_button")
    button.setToolTip(
        QCoreApplication.translate(
            "report_print", "Laporan ini di kop surat: pratinjau, cetak atau simpan sebagai PDF"
        )
    )
    button.clicked.connect(lambda _=False: on_click())
    return button
