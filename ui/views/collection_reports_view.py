"""Laporan: the loans portfolio (from the Pinjaman part) beside the problem-loan reports —
collection performance by month and officer, restructured loans, the off-books register
(Daftar Ekstrakomptabel, the RAT annex) and cases by cause."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Kind
from app.collection.reports import WrittenOffRegister
from app.documents import chart_data, daftar_hapus_buku
from app.documents.kinds import DocKind
from app.documents.register import Issued
from app.documents.sources import decisions, issuing
from app.errors import AppError
from app.formats import format_date_long
from app.money import format_number, format_rupiah
from app.services import Services
from app.users.models import User
from ui.changes import watch
from ui.dialogs.pdf_preview import PdfPreviewDialog, safe_file_name
from ui.errors import show_error
from ui.export import export_button, install_export
from ui.models.base import SORT_ROLE, RowsModel
from ui.models.collection_reports_model import (
    CausesModel,
    OffbookColumn,
    OffbookModel,
    PerformanceModel,
    RestrColumn,
    RestructuredModel,
)
from ui.report_print import (
    controls_parameters,
    policy_line,
    preview_report,
    print_button,
    report_of,
)
from ui.views.report_charts_view import ReportChartsView
from ui.widgets.date_edit import DateEdit
from ui.widgets.wrapping_header import WrappingHeader

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


class ReportTab(QWidget):
    """Controls on top, a sortable table, a line of totals (or the reason it cannot be read)."""

    def __init__(
        self,
        model: RowsModel,
        name: str,
        empty: str,
        parent: QWidget | None = None,
        narrow: dict[int, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.empty_text = empty
        layout = QVBoxLayout(self)
        self.controls = QHBoxLayout()
        layout.addLayout(self.controls)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(objectName=name)
        self.table.setHorizontalHeader(WrappingHeader(self.table))
        install_export(self.table)
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the report's own order first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Text columns given a width (elided, whole in the tooltip) so that the amounts fit a
        # 1366-pixel screen without sideways scrolling.
        for column, width in (narrow or {}).items():
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Interactive
            )
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.total = QLabel(objectName=f"{name}_total")
        self.total.setWordWrap(True)
        layout.addWidget(self.total)

    def add_date(self, caption: str, value: date) -> DateEdit:
        self.controls.addWidget(QLabel(caption))
        edit = DateEdit(field="date")
        edit.setMaximumWidth(150)
        edit.set_value(value)
        self.controls.addWidget(edit)
        return edit

    def show_rows(self, rows: list[object], total: str) -> None:
        self.model.set_rows(rows)
        self.total.setText(total if rows else self.empty_text)


class CollectionReportsView(QTabWidget):
    """The Laporan section; the portfolio view is the first tab."""

    def __init__(
        self,
        services: Services,
        user: User,
        parent: QWidget | None = None,
        *,
        portfolio: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reports_tabs")
        self.services = services
        self.user = user
        self.today: Callable[[], date] = date.today
        self.portfolio = portfolio
        self.preview: PdfPreviewDialog | None = None
        if portfolio is not None:
            self.addTab(portfolio, self.tr("Portofolio Pinjaman"))
        today = self.today()
        self.performance = ReportTab(
            PerformanceModel(self),
            "performance_table",
            self.tr("Belum ada kontak, janji bayar atau penerimaan pada periode ini."),
        )
        self.perf_from = self.performance.add_date(self.tr("Dari"), date(today.year, 1, 1))
        self.perf_to = self.performance.add_date(self.tr("sampai"), today)
        self.restructured = ReportTab(
            RestructuredModel(self),
            "restructured_table",
            self.tr("Belum ada pinjaman yang direstrukturisasi."),
            narrow={
                RestrColumn.LOAN: 110,
                RestrColumn.MEMBER: 110,
                RestrColumn.DECISION: 100,
                RestrColumn.KIND: 100,
                RestrColumn.TERMS: 90,
            },
        )
        self.restr_on = self.restructured.add_date(self.tr("Keadaan per"), today)
        self.offbook = ReportTab(
            OffbookModel(self),
            "offbook_table",
            self.tr("Daftar Ekstrakomptabel masih kosong: belum ada pinjaman yang dihapus buku."),
            narrow={
                OffbookColumn.LOAN: 125,
                OffbookColumn.MEMBER: 130,
                OffbookColumn.DECISION: 150,
            },
        )
        self.offbook_on = self.offbook.add_date(self.tr("Per tanggal"), today)
        self.include_closed = QCheckBox(self.tr("Tampilkan yang sudah hapus tagih"))
        self.include_closed.setChecked(True)
        self.offbook.controls.addWidget(self.include_closed)
        self.causes = ReportTab(CausesModel(self), "causes_table", self.tr("Belum ada kasus."))
        self.cause_on = self.causes.add_date(self.tr("Per tanggal"), today)
        self.cause_closed = QCheckBox(self.tr("Termasuk kasus yang sudah selesai"))
        self.causes.controls.addWidget(self.cause_closed)
        for tab in (self.performance, self.restructured, self.offbook, self.causes):
            button = QPushButton(self.tr("Tampilkan"))
            button.clicked.connect(self.refresh_current)
            tab.controls.addWidget(button)
            tab.controls.addStretch(1)
            tab.controls.addWidget(export_button(tab.table, tab))
            tab.controls.addWidget(print_button(tab, lambda t=tab: self.print_tab(t)))
        self.print_dhb = QPushButton(self.tr("Cetak Daftar Hapus Buku…"), objectName="print_dhb")
        self.print_dhb.setToolTip(
            self.tr(
                "Daftar pinjaman yang dihapus buku pada tahun buku tanggal di kiri, untuk "
                "lampiran RAT (bernomor, tercatat di Surat & Dokumen)"
            )
        )
        self.print_dhb.clicked.connect(self.print_writeoff_list)
        self.offbook.controls.addWidget(self.print_dhb)
        for edit in (self.perf_from, self.perf_to, self.restr_on, self.offbook_on, self.cause_on):
            edit.editingFinished.connect(self.refresh_current)
        self.include_closed.toggled.connect(lambda _: self.refresh_current())
        self.cause_closed.toggled.connect(lambda _: self.refresh_current())
        self.addTab(self.performance, self.tr("Kinerja Penagihan"))
        self.addTab(self.restructured, self.tr("Pinjaman Direstrukturisasi"))
        self.addTab(self.offbook, self.tr("Daftar Ekstrakomptabel"))
        self.addTab(self.causes, self.tr("Kasus per Penyebab"))
        self.charts = ReportChartsView(services, user)
        self.addTab(self.charts, self.tr("Grafik"))
        self.currentChanged.connect(lambda _: self.refresh_current())
        kinds = (Kind.LOANS, Kind.CASES, Kind.DECISIONS, Kind.MEMBERS, Kind.SETTINGS)
        watch(self, services, kinds, self.refresh_current, on_show=False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_current()

    def print_tab(self, tab: ReportTab) -> PdfPreviewDialog | None:
        """The tab as shown, on the letterhead with its dates, filters and policy."""
        title = self.tabText(self.indexOf(tab)).replace("&", "")
        from app.documents import report_charts as rc  # ReportLab: with the first print

        parameters = [*controls_parameters(tab.controls), policy_line(self.services)]
        charts: list[Flowable] = []
        if tab is self.performance:
            charts = [rc.grouped_bars(s) for s in chart_data.collection_series(tab.model.rows())]
        elif tab is self.causes:
            charts = [rc.grouped_bars(chart_data.cause_series(tab.model.rows()), horizontal=True)]
        doc = report_of(title, parameters, [tab.table], [tab.total.text()], charts)
        self.preview = preview_report(self, self.services, doc)
        return self.preview

    def show_offbook(self) -> None:
        self.setCurrentWidget(self.offbook)
        self.refresh_current()

    def refresh_current(self) -> None:
        tab = self.currentWidget()
        try:
            if tab is self.performance:
                self._performance()
            elif tab is self.restructured:
                self._restructured()
            elif tab is self.offbook:
                self._offbook()
            elif tab is self.causes:
                self._causes()
        except AppError as exc:
            if isinstance(tab, ReportTab):
                tab.model.set_rows([])
                tab.total.setText(exc.message)

    def _date(self, edit: DateEdit) -> date:
        return edit.value() or self.today()

    def _performance(self) -> None:
        start, end = self._date(self.perf_from), self._date(self.perf_to)
        report = self.services.collection_reports.performance(start, end, end)
        t = report.total
        decided = t("promises_kept") + t("promises_partly") + t("promises_broken")
        rate = f"{100 * t('promises_kept') / decided:.1f}%".replace(".", ",") if decided else "–"
        self.performance.show_rows(
            list(report.rows),
            self.tr(
                "{start} – {end}: {contacts} kontak ({visits} kunjungan), {made} janji bayar "
                "senilai "
                "{promised}, ditepati {rate}; uang diterima dari pinjaman yang ditangani "
                "{recovered}. Status janji per {end}."
            ).format(
                start=format_date_long(start),
                end=format_date_long(end),
                contacts=format_number(t("contacts")),
                visits=format_number(t("visits")),
                made=format_number(t("promises_made")),
                promised=format_rupiah(t("promised_amount")),
                rate=rate,
                recovered=format_rupiah(t("recovered")),
            ),
        )

    def _restructured(self) -> None:
        rows = self.services.collection_reports.restructured(self._date(self.restr_on))
        self.restructured.show_rows(
            list(rows),
            self.tr(
                "{n} restrukturisasi; pokok baru seluruhnya {principal}, dijadikan pokok "
                "{capitalised}, dihapus {waived}."
            ).format(
                n=len(rows),
                principal=format_rupiah(sum(r.new_principal for r in rows)),
                capitalised=format_rupiah(sum(r.capitalised for r in rows)),
                waived=format_rupiah(sum(r.waived for r in rows)),
            ),
        )

    def _offbook(self) -> WrittenOffRegister:
        on = self._date(self.offbook_on)
        register = self.services.collection_reports.written_off(on)
        entries = [
            e for e in register.entries if self.include_closed.isChecked() or e.status == "aktif"
        ]
        model = self.offbook.model
        assert isinstance(model, OffbookModel)
        model.recovered_in_period = dict(register.recovered_in_period)
        self.offbook.show_rows(
            list(entries),
            self.tr(
                "{n} pinjaman dihapus buku; pokok {pokok}, seluruh tagihan {claim}, sudah kembali "
                "{back} (tahun {year}: {period}), masih ditagih {rest}. Pinjaman di sini tetap "
                "ditagih dan tetap mendapat surat."
            ).format(
                n=format_number(len(entries)),
                pokok=format_rupiah(register.total_pokok),
                claim=format_rupiah(register.total_claim),
                back=format_rupiah(register.total_recovered),
                year=on.year,
                period=format_rupiah(sum(register.recovered_in_period.values())),
                rest=format_rupiah(register.total_remaining),
            ),
        )
        return register

    def print_writeoff_list(self) -> Issued | None:
        """The Daftar Pinjaman Dihapusbukukan of the as-of date's book year (RAT annex)."""
        year = self._date(self.offbook_on).year
        try:
            data = decisions.daftar_hapus_buku(self.services, year, self.today())
            issued = issuing.issue(
                self.services,
                self.user,
                DocKind.DAFTAR_HAPUS_BUKU,
                data,
                daftar_hapus_buku.render,
                self.today(),
            )
        except AppError as exc:
            show_error(self, exc, self.tr("Daftar tidak bisa dibuat"))
            return None
        self.show_pdf(issued)
        return issued

    def show_pdf(self, issued: Issued) -> None:
        self.preview = PdfPreviewDialog(
            issued.pdf,
            f"{issued.row.title} ({issued.row.number})",
            safe_file_name(issued.row.number),
            self,
        )
        self.preview.open()

    def _causes(self) -> None:
        rows = self.services.collection_reports.by_cause(
            self._date(self.cause_on), self.cause_closed.isChecked()
        )
        self.causes.show_rows(
            list(rows),
            self.tr("Satu kasus dengan beberapa penyebab dihitung di setiap penyebabnya."),
        )
