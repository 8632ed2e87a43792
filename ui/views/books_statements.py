"""Pembukuan → Laporan Keuangan: the statements of a book year (LEDGER.md §3.4), each shown in
the PDF preview to print or save, with the year's key totals on screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.documents.context import DocContext
from app.documents.statement_titles import TITLES
from app.errors import AppError
from app.ledger.statements import Period, period_of
from app.money import format_rupiah
from app.services import Services
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.errors import show_error
from ui.views.books_parts import ShowDialog, exec_dialog, statements_of


class StatementsTab(QWidget):
    def __init__(self, services: Services, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.today = today
        self.show_dialog: ShowDialog = exec_dialog
        self.last_preview: PdfPreviewDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tahun buku")))
        self.year = QSpinBox(objectName="statements_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(lambda _: self.refresh())
        top.addWidget(self.year)
        top.addStretch(1)
        layout.addLayout(top)
        self.choice = QLabel(objectName="statements_choice")
        self.choice.setWordWrap(True)
        layout.addWidget(self.choice)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for n, (name, title) in enumerate(TITLES.items()):
            button = QPushButton(
                self.tr("{title}…").format(title=title), objectName=f"print_{name[:-4]}"
            )
            button.clicked.connect(lambda _=False, key=name: self.preview(key))
            grid.addWidget(button, n // 2, n % 2)
            self.buttons[name] = button
        layout.addLayout(grid)
        self.summary = QLabel(objectName="statements_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def period_end(self) -> date:
        return period_of(self.year.value(), self.today).end

    def refresh(self) -> None:
        as_ = str(self.services.settings.get("books.simpanan_as"))
        self.choice.setText(
            self.tr(
                "Simpanan pokok dan wajib disajikan sebagai {choice} (Pengaturan → Akun). "
                "Pilihan ini dicetak pada laporan."
            ).format(choice=self.tr("ekuitas") if as_ == "ekuitas" else self.tr("liabilitas"))
        )
        try:
            st = statements_of(self.services)
            period = period_of(self.year.value(), self.today)
            neraca = st.neraca(period)
            phu = st.phu(period)
        except AppError as exc:
            self.summary.setText(exc.message)
            return
        t = neraca.totals
        self.summary.setText(
            self.tr(
                "Per {end}: jumlah aset {a} · kewajiban {k} · ekuitas {e} · "
                "SHU setelah pajak tahun {y}: {s}"
            ).format(
                end=period.end.strftime("%d-%m-%Y"),
                a=format_rupiah(t["aset"][0]),
                k=format_rupiah(t["kewajiban"][0]),
                e=format_rupiah(t["ekuitas"][0]),
                y=period.year,
                s=format_rupiah(phu.totals["shu_setelah_pajak"][0]),
            )
        )

    def preview(self, name: str, period: Period | None = None) -> None:
        """Show statement `name` of the chosen book year (or of `period`, e.g. the Neraca
        Saldo as of any date) in the PDF preview."""
        ctx = DocContext(
            profile=self.services.settings.profile(),
            is_demo=self.services.is_demo,
            rupiah_style=str(self.services.settings.get("format.rupiah_style")),
        )
        period = period or period_of(self.year.value(), self.today)
        from app.documents.financial_statements import statement_pdf  # ReportLab: when printed

        try:
            pdf = statement_pdf(statements_of(self.services), ctx, name, period)
        except AppError as exc:
            show_error(self, exc, self.tr("Laporan tidak bisa dibuat"))
            return
        title = f"{TITLES[name]} {period.year}"
        dialog = PdfPreviewDialog(pdf, title, f"{name[:-4]}_{period.year}.pdf", self)
        self.last_preview = dialog
        self.show_dialog(dialog)
