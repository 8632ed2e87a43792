"""Pembukuan: the books of the cooperative. Jurnal (search, and the member or loan behind a
line), Buku Besar per account with running balance, a member's sub-ledger, Neraca Saldo, the
financial statements, and Jurnal Umum with its approvals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Kind
from app.errors import AppError, ValidationError
from app.ledger.statements import Period
from app.money import format_number
from app.services import Services
from app.users.models import User
from ui.changes import watch
from ui.models.books_model import (
    CASE_SOURCES,
    SOURCE_NAMES,
    JournalLinesModel,
    LedgerPageModel,
    SubLedgerModel,
    SubLedgerRow,
    TrialBalanceModel,
)
from ui.views.books_assets import AssetsTab
from ui.views.books_bank import BankReconTab
from ui.views.books_cash import CashDayTab
from ui.views.books_close import CloseMonthTab
from ui.views.books_manual import ManualJournalsTab
from ui.views.books_parts import account_combo, selected_source_row, statements_of, table
from ui.views.books_pph import PphTab
from ui.views.books_statements import StatementsTab
from ui.widgets.date_edit import DateEdit


class _Tab(QWidget):
    """Controls on top, a table, a line under it (totals, or what went wrong)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.controls = QHBoxLayout()
        self.layout_.addLayout(self.controls)
        self.note = QLabel()
        self.note.setWordWrap(True)

    def add(self, caption: str, widget: QWidget) -> None:
        if caption:
            self.controls.addWidget(QLabel(caption))
        self.controls.addWidget(widget)

    def finish(self, body: QWidget) -> None:
        self.controls.addStretch(1)
        self.layout_.addWidget(body, 1)
        self.layout_.addWidget(self.note)


class BooksView(QTabWidget):
    member_requested = Signal(int)
    loan_requested = Signal(int)
    case_requested = Signal(int)  # the loan whose problem-loan case to open

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today: Callable[[], date] = date.today
        today = self.today()
        self._build_journal(today)
        self._build_ledger(today)
        self._build_member(today)
        self._build_trial(today)
        self.cash_tab = CashDayTab(services, user, today)
        self.bank_tab = BankReconTab(services, user, today)
        self.statements_tab = StatementsTab(services, today)
        self.manual_tab = ManualJournalsTab(services, user)
        self.close_tab = CloseMonthTab(services, user, today)
        self.pph_tab = PphTab(services, user, today)
        self.assets_tab = AssetsTab(services, user, today)
        self.addTab(self.journal_tab, self.tr("Jurnal"))
        self.addTab(self.ledger_tab, self.tr("Buku Besar"))
        self.addTab(self.member_tab, self.tr("Buku Pembantu Anggota"))
        self.addTab(self.trial_tab, self.tr("Neraca Saldo"))
        self.addTab(self.cash_tab, self.tr("Kas Harian"))
        self.addTab(self.bank_tab, self.tr("Rekonsiliasi Bank"))
        self.addTab(self.statements_tab, self.tr("Laporan Keuangan"))
        self.addTab(self.manual_tab, self.tr("Jurnal Umum"))
        self.addTab(self.pph_tab, self.tr("Jasa && PPh 4(2)"))
        self.addTab(self.assets_tab, self.tr("Aset Tetap"))
        self.addTab(self.close_tab, self.tr("Tutup Bulan"))
        self.currentChanged.connect(lambda _: self.refresh_current())
        watch(self, services, (Kind.BOOKS, Kind.SETTINGS), self.refresh_current, on_show=False)

    # -- building ------------------------------------------------------------------------------
    def _build_journal(self, today: date) -> None:
        tab = self.journal_tab = _Tab()
        self.j_from = DateEdit(field="from")
        self.j_from.set_value(date(today.year, today.month, 1))
        self.j_to = DateEdit(field="to")
        self.j_to.set_value(today)
        self.j_number = QLineEdit(objectName="journal_number")
        self.j_number.setPlaceholderText(self.tr("J2025-000001"))
        self.j_account = QLineEdit(objectName="journal_account")
        self.j_account.setPlaceholderText(self.tr("kode, mis. 1101"))
        self.j_source = QComboBox(objectName="journal_source")
        self.j_source.addItem(self.tr("Semua sumber"), "")
        for key, name in SOURCE_NAMES.items():
            self.j_source.addItem(name, key)
        search = QPushButton(self.tr("Cari"), objectName="journal_search")
        search.clicked.connect(self.refresh_journal)
        for caption, widget in (
            (self.tr("Dari"), self.j_from),
            (self.tr("Sampai"), self.j_to),
            (self.tr("No."), self.j_number),
            (self.tr("Akun"), self.j_account),
            ("", self.j_source),
            ("", search),
        ):
            tab.add(caption, widget)
        self.journal_model = JournalLinesModel()
        self.journal_table = table(self.journal_model, "journal_table", tab)
        tab.finish(self.journal_table)
        actions = QHBoxLayout()
        self.open_member = QPushButton(self.tr("Buka Anggota"), objectName="journal_member")
        self.open_loan = QPushButton(self.tr("Buka Pinjaman"), objectName="journal_loan")
        self.open_member.clicked.connect(lambda: self._open("member"))
        self.open_loan.clicked.connect(lambda: self._open("loan"))
        self.open_case = QPushButton(self.tr("Buka Kasus"), objectName="journal_case")
        self.open_case.clicked.connect(lambda: self._open("case"))
        actions.addStretch(1)
        for button in (self.open_member, self.open_loan, self.open_case):
            actions.addWidget(button)
        tab.layout_.addLayout(actions)
        self.journal_table.selectionModel().selectionChanged.connect(self._journal_selected)
        self._journal_selected()

    def _build_ledger(self, today: date) -> None:
        tab = self.ledger_tab = _Tab()
        self.l_account = account_combo(self.services, "ledger_account")
        self.l_from = DateEdit(field="from")
        self.l_from.set_value(date(today.year, 1, 1))
        self.l_to = DateEdit(field="to")
        self.l_to.set_value(today)
        show = QPushButton(self.tr("Tampilkan"), objectName="ledger_show")
        show.clicked.connect(self.refresh_ledger)
        tab.add(self.tr("Akun"), self.l_account)
        tab.add(self.tr("Dari"), self.l_from)
        tab.add(self.tr("Sampai"), self.l_to)
        tab.add("", show)
        self.ledger_model = LedgerPageModel()
        tab.finish(table(self.ledger_model, "ledger_table", tab, 2))

    def _build_member(self, today: date) -> None:
        tab = self.member_tab = _Tab()
        self.m_number = QLineEdit(objectName="member_number")
        self.m_number.setPlaceholderText(self.tr("No. Anggota atau nama"))
        self.m_on = DateEdit(field="as_of")
        self.m_on.set_value(today)
        show = QPushButton(self.tr("Tampilkan"), objectName="member_show")
        show.clicked.connect(self.refresh_member)
        self.m_number.returnPressed.connect(self.refresh_member)
        tab.add(self.tr("Anggota"), self.m_number)
        tab.add(self.tr("Per tanggal"), self.m_on)
        tab.add("", show)
        self.member_model = SubLedgerModel()
        tab.finish(table(self.member_model, "member_ledger_table", tab, 1))
        tab.note.setText(self.tr("Ketik No. Anggota lalu tekan Enter."))

    def _build_trial(self, today: date) -> None:
        tab = self.trial_tab = _Tab()
        self.t_on = DateEdit(field="as_of")
        self.t_on.set_value(today)
        show = QPushButton(self.tr("Tampilkan"), objectName="trial_show")
        show.clicked.connect(self.refresh_trial)
        self.t_print = QPushButton(self.tr("Cetak…"), objectName="trial_print")
        self.t_print.clicked.connect(self.print_trial)
        tab.add(self.tr("Per tanggal"), self.t_on)
        tab.add("", show)
        tab.add("", self.t_print)
        self.trial_model = TrialBalanceModel()
        tab.finish(table(self.trial_model, "trial_table", tab, 1))

    # -- reading -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_current()

    def refresh_current(self) -> None:
        tab = self.currentWidget()
        try:
            if tab is self.journal_tab:
                self.refresh_journal()
            elif tab is self.ledger_tab:
                self.refresh_ledger()
            elif tab is self.trial_tab:
                self.refresh_trial()
            elif tab is self.cash_tab:
                self.cash_tab.refresh()
            elif tab is self.bank_tab:
                self.bank_tab.reload_accounts()
                self.bank_tab.refresh()
            elif tab is self.statements_tab:
                self.statements_tab.refresh()
            elif tab is self.manual_tab:
                self.manual_tab.refresh()
            elif tab is self.close_tab:
                self.close_tab.refresh()
            elif tab is self.pph_tab:
                self.pph_tab.refresh()
            elif tab is self.assets_tab:
                self.assets_tab.refresh()
        except AppError as exc:
            if isinstance(tab, _Tab):
                tab.note.setText(exc.message)

    def _dates(self, start: DateEdit, end: DateEdit) -> tuple[date, date]:
        first, last = start.value() or self.today(), end.value() or self.today()
        if first > last:
            raise ValidationError(self.tr("Tanggal awal harus sebelum tanggal akhir."))
        return first, last

    def refresh_journal(self) -> None:
        try:
            start, end = self._dates(self.j_from, self.j_to)
            rows = self.services.ledger.search(
                start,
                end,
                number=self.j_number.text().strip() or None,
                account=self.j_account.text().strip() or None,
                source=self.j_source.currentData() or None,
                limit=20_000,
            )
        except AppError as exc:
            self.journal_model.set_rows([])
            self.journal_tab.note.setText(exc.message)
            return
        self.journal_model.set_rows(rows)
        debit = sum(r.debit for r in rows)
        credit = sum(r.credit for r in rows)
        self.journal_tab.note.setText(
            self.tr("{n} baris · debet {d} · kredit {c}").format(
                n=len(rows), d=format_number(debit), c=format_number(credit)
            )
            if rows
            else self.tr("Tidak ada jurnal pada rentang ini. Ubah tanggal atau saringan lalu Cari.")
        )
        self._journal_selected()

    def _journal_selected(self, *_: object) -> None:
        row = selected_source_row(self.journal_table)
        line = None if row is None else self.journal_model.row_at(row)
        self.open_member.setEnabled(line is not None and line.member_id is not None)
        self.open_loan.setEnabled(line is not None and line.loan_id is not None)
        self.open_case.setEnabled(
            line is not None and line.loan_id is not None and line.source in CASE_SOURCES
        )

    def _open(self, what: str) -> None:
        row = selected_source_row(self.journal_table)
        if row is None:
            return
        line = self.journal_model.row_at(row)
        if what == "member" and line.member_id is not None:
            self.member_requested.emit(line.member_id)
        elif what == "loan" and line.loan_id is not None:
            self.loan_requested.emit(line.loan_id)
        elif what == "case" and line.loan_id is not None:
            self.case_requested.emit(line.loan_id)

    def refresh_ledger(self) -> None:
        code = self.l_account.currentData()
        if not code:
            return
        try:
            start, end = self._dates(self.l_from, self.l_to)
            ledger = self.services.ledger
            page = ledger.buku_besar(str(code), start, end, limit=LedgerPageModel.PAGE)
        except AppError as exc:
            self.ledger_model.set_rows([])
            self.ledger_tab.note.setText(exc.message)
            return
        self.ledger_model.set_page(  # the rest a page at a time, as the table scrolls to it
            page.rows,
            page.lines,
            lambda last: ledger.ledger_rows(str(code), start, end, last, LedgerPageModel.PAGE),
        )
        side = self.tr("debet") if page.normal == "D" else self.tr("kredit")
        self.ledger_tab.note.setText(
            self.tr(
                "{code} {name} · saldo normal {side} · saldo awal {o} · saldo akhir {c}"
            ).format(
                code=page.code,
                name=page.name,
                side=side,
                o=format_number(page.opening),
                c=format_number(page.closing),
            )
        )

    def refresh_member(self) -> None:
        text = self.m_number.text().strip()
        if not text:
            return
        found = self.services.members.search(text, None, limit=1, offset=0)
        if not found:
            self.member_model.set_rows([])
            self.member_tab.note.setText(self.tr("Anggota '{t}' tidak ditemukan.").format(t=text))
            return
        member = found[0]
        on = self.m_on.value() or self.today()
        rows = [
            SubLedgerRow(code, name, balance)
            for code, name, balance in statements_of(self.services).member_ledger(member.id, on)
        ]
        self.member_model.set_rows(rows)
        self.member_tab.note.setText(
            self.tr("{name} ({number}) · {n} akun").format(
                name=member.name, number=member.number, n=len(rows)
            )
            if rows
            else self.tr("{name} ({number}) belum punya transaksi di pembukuan.").format(
                name=member.name, number=member.number
            )
        )

    def print_trial(self) -> None:
        on = self.t_on.value() or self.today()
        self.statements_tab.preview("neraca_saldo.pdf", Period(on.year, on))

    def refresh_trial(self) -> None:
        on = self.t_on.value() or self.today()
        rows = self.services.ledger.trial_balance(on)
        self.trial_model.set_rows(rows)
        debit, credit = sum(r.debit for r in rows), sum(r.credit for r in rows)
        text = self.tr("Jumlah debet {d} · jumlah kredit {c}").format(
            d=format_number(debit), c=format_number(credit)
        )
        if debit != credit:
            text += " · " + self.tr("TIDAK SEIMBANG: periksa Pengaturan → Pemeriksaan data.")
        self.trial_tab.note.setText(
            text if rows else self.tr("Belum ada jurnal sampai tanggal ini.")
        )
