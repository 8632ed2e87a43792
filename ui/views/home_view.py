"""Beranda: the day's work. Counts and amounts per kind of task on top, one line per task
(broken promises, promises due, follow-ups, warning letters, loans gone to a worse class,
decisions waiting) that opens the case; the cooperative's main figures below."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.changes import Kind
from app.collection.models import QueueItem, QueueKind, WorkQueue
from app.errors import AppError
from app.formats import format_date_long, format_date_with_day
from app.members.models import MemberStatus
from app.money import format_number, format_rupiah
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from ui.changes import keep_place, watch
from ui.export import install_export
from ui.models.queue_model import KIND_COLORS, SHORT_LABELS, QueueColumn, QueueModel
from ui.widgets.account_notices import AccountNotices
from ui.widgets.date_edit import DateEdit
from ui.widgets.home_parts import QueueTable, StatCard
from ui.widgets.npl_card import NplTrendCard
from ui.widgets.pph_notice import PphNotice

AMOUNT_MEANING = {
    QueueKind.JANJI_INGKAR: "Jumlah: yang masih kurang dari janji-janji itu.",
    QueueKind.JANJI_HARI_INI: "Jumlah: yang belum dibayar dari janji-janji itu.",
    QueueKind.TINDAK_LANJUT: "Jumlah: tunggakan pinjaman-pinjaman itu.",
    QueueKind.SURAT: "Jumlah: tunggakan pinjaman-pinjaman itu.",
    QueueKind.KOLEKTIBILITAS: "Jumlah: sisa pokok pinjaman-pinjaman itu.",
    QueueKind.KEPUTUSAN: "Jumlah: nilai usulan-usulan itu.",
}
"""What a kind's amount adds up (the button's tool tip)."""


class HomeView(QWidget):
    new_member_requested = Signal()
    backup_requested = Signal()
    task_opened = Signal(object)  # the QueueItem chosen: the main window opens its case
    filled = Signal()  # every number has been read (after a staged start)

    def __init__(
        self,
        services: Services,
        user: User,
        parent: QWidget | None = None,
        staged: bool = False,
    ) -> None:
        """staged: show at once and read the numbers one piece per turn of the event loop
        (the main window's start), instead of before returning."""
        super().__init__(parent)
        self._pending: list[Callable[[], None]] = []
        self._started = False
        self.services = services
        self.user = user
        self.today: Callable[[], date] = date.today
        self.queue: WorkQueue | None = None
        self.kind: QueueKind | None = None
        self.handler = can(user, Action.RECORD_CONTACT) or can(user, Action.PROPOSE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 10)
        layout.setSpacing(8)
        layout.addLayout(self._build_top())
        self.demo_note = QLabel(
            self.tr(
                "Ini koperasi contoh: semua nama dan angka rekaan. Silakan mencoba apa saja; data "
                "koperasi Anda sendiri dibuat lewat Berkas → Tutup File Ini → Buat Koperasi Baru."
            ),
            objectName="demo_note",
        )
        self.demo_note.setWordWrap(True)
        self.demo_note.setStyleSheet(
            "background: #fff3cd; color: #664d03; border-radius: 4px; padding: 4px 10px;"
        )
        layout.addWidget(self.demo_note)
        self.account_notices = AccountNotices(services, user, self)
        layout.addWidget(self.account_notices)
        self.pph_notice = PphNotice(services, user, lambda: self.today(), self)
        layout.addWidget(self.pph_notice)
        layout.addLayout(self._build_kinds())
        layout.addLayout(self._build_options())
        self.model = QueueModel(self)
        self.table = self._build_table()
        layout.addWidget(self.table, 1)
        self.empty = QLabel(objectName="queue_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#444; font-size: 11pt; padding: 24px;")
        layout.addWidget(self.empty, 1)
        layout.addLayout(self._build_bottom())
        if staged:
            self.refresh_in_steps()
        else:
            self.refresh()
        watch(self, services, tuple(Kind), self._changed)

    # -- building -------------------------------------------------------------------------------
    def _build_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        names = QVBoxLayout()
        self.welcome = QLabel(objectName="welcome")
        font = self.welcome.font()
        font.setPointSize(15)
        font.setBold(True)
        self.welcome.setFont(font)
        self.coop = QLabel(objectName="coop_name")
        self.day_label = QLabel(objectName="home_day")
        line = QHBoxLayout()
        line.addWidget(self.coop)
        line.addWidget(self.day_label, 1)
        names.addWidget(self.welcome)
        names.addLayout(line)
        top.addLayout(names, 1)
        top.addWidget(QLabel(self.tr("Pekerjaan untuk tanggal:")))
        self.date_edit = DateEdit(field="as_of")
        self.date_edit.setObjectName("queue_date")
        self.date_edit.setMaximumWidth(150)
        self.date_edit.set_value(self.today())
        self.date_edit.editingFinished.connect(self.refresh_queue)
        top.addWidget(self.date_edit)
        self.reload_button = QPushButton(self.tr("Muat Ulang"), objectName="queue_reload")
        self.reload_button.clicked.connect(self.refresh_queue)
        top.addWidget(self.reload_button)
        return top

    def _build_kinds(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(6)
        self.kind_grid = grid
        self.kind_group = QButtonGroup(self)
        self.kind_group.setExclusive(True)
        self.kind_buttons: dict[QueueKind | None, QPushButton] = {}
        for n, kind in enumerate([None, *QueueKind]):
            button = QPushButton(objectName=f"kind_{kind.value if kind else 'semua'}")
            button.setCheckable(True)
            button.setMinimumHeight(64)
            # The buttons share the width whatever their text (the window fits 1366 pixels).
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            bg, fg = KIND_COLORS[kind] if kind else ("#f4f8fb", "#1a1a1a")
            button.setStyleSheet(
                f"QPushButton {{ background:{bg}; color:{fg}; border:1px solid #c9d6e2; "
                f"border-radius:6px; padding:4px 8px; text-align:left; }}"
                f"QPushButton:checked {{ border:3px solid #2f6690; }}"
            )
            button.setToolTip(kind.label if kind else self.tr("Semua pekerjaan hari ini"))
            button.clicked.connect(lambda _=False, k=kind: self.show_kind(k))
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            grid.addWidget(button, 0, n)
        self.kind_buttons[None].setChecked(True)
        return grid

    def _build_options(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.mine_check = QCheckBox(self.tr("Hanya kasus saya"), objectName="queue_mine")
        self.mine_check.setToolTip(
            self.tr("Hanya kasus yang petugasnya Anda (keputusan yang menunggu tetap tampil)")
        )
        self.mine_check.toggled.connect(lambda _: self.refresh_queue())
        row.addWidget(self.mine_check)
        hint = QLabel(
            self.tr(
                "Klik dua kali sebuah baris (atau pilih lalu tekan Enter) untuk "
                "membuka kasusnya di Penanganan Pinjaman Bermasalah."
            )
        )
        hint.setStyleSheet("color:#555;")
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        self.open_button = QPushButton(self.tr("Buka Kasus"), objectName="queue_open")
        self.open_button.clicked.connect(self.open_selected)
        row.addWidget(self.open_button)
        return row

    def _build_table(self) -> QueueTable:
        table = install_export(QueueTable(objectName="queue_table"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QueueColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        # The kind of task is read whole ("Keputusan menunggu"), whatever the font.
        kind_width = max(table.fontMetrics().horizontalAdvance(t) for t in SHORT_LABELS.values())
        table.setProperty("whole_columns", [int(QueueColumn.KIND)])
        for column, width in (
            (QueueColumn.KIND, max(170, kind_width + 40)),
            (QueueColumn.MEMBER, 250),
            (QueueColumn.AMOUNT, 120),
            (QueueColumn.DUE, 95),
        ):
            table.setColumnWidth(column, width)
        table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        table.activated_row.connect(self.open_row)
        return table

    def _build_bottom(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.members_card = StatCard(self.tr("Anggota aktif"), "card_members")
        self.savings_card = StatCard(self.tr("Total simpanan"), "card_savings")
        row.addWidget(self.members_card, 2)
        row.addWidget(self.savings_card, 5)
        self.npl_card = NplTrendCard(self.services)
        row.addWidget(self.npl_card, 2)
        self.new_member_button = QPushButton(self.tr("Anggota Baru"))
        self.new_member_button.clicked.connect(self.new_member_requested)
        if not can(self.user, Action.EDIT_MEMBERS):
            self.new_member_button.setEnabled(False)
            self.new_member_button.setToolTip(self.tr("Peran Anda tidak boleh menambah anggota."))
        self.backup_button = QPushButton(self.tr("Simpan Cadangan"))
        self.backup_button.clicked.connect(self.backup_requested)
        if not can(self.user, Action.BACKUP):
            self.backup_button.setEnabled(False)
            self.backup_button.setToolTip(self.tr("Peran Anda tidak boleh membuat cadangan."))
        for button in (self.new_member_button, self.backup_button):
            button.setMinimumHeight(34)
            row.addWidget(button)
        return row

    # -- showing --------------------------------------------------------------------------------
    def _steps(self) -> list[Callable[[], None]]:
        """The pieces of Beranda, cheapest first; each reads the file once."""
        return [
            self._fill_header,
            self._fill_members,
            self._fill_savings,
            self._open_due_cases,  # the queue in two pieces: the window answers in between
            self._build_queue,
            self.npl_card.refresh,
            self.account_notices.refresh,
            self.pph_notice.refresh,
        ]

    def refresh(self) -> None:
        self._pending = []
        for step in self._steps():
            step()
        self.filled.emit()

    def refresh_in_steps(self) -> None:
        """The header now; every other number on a later turn of the event loop, so the
        window is on screen (saying it is reading) before the first query runs."""
        self._pending = self._steps()
        self._started = False
        self._pending.pop(0)()
        for card in (self.members_card, self.savings_card):
            card.value.setText("…")
            card.detail.setText(self.tr("sedang dibaca…"))
        self.empty.setText(self.tr("Membaca daftar pekerjaan…"))
        self._show_list(False)
        if self.isVisible():  # (else showEvent starts it, the window on its way to the screen)
            self._started = True
            QTimer.singleShot(0, self._next_step)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending and not self._started:
            self._started = True
            # A timer, not a posted call: the window's first paint (a posted event) goes first.
            QTimer.singleShot(1, self._next_step)

    def _next_step(self) -> None:
        if self.services.changes.closed:  # the file was closed before Beranda was read
            self._pending = []
        if not self._pending:
            return
        self._pending.pop(0)()
        if self._pending:
            QTimer.singleShot(0, self._next_step)
        else:
            self.filled.emit()

    def loading(self) -> bool:
        return bool(self._pending)

    def finish_loading(self) -> None:
        """Read now whatever a staged start has not read yet."""
        while self._pending:
            self._pending.pop(0)()
            if not self._pending:
                self.filled.emit()

    def _fill_header(self) -> None:
        profile = self.services.settings.profile()
        self.welcome.setText(
            self.tr("Selamat datang, {name}").format(name=self.user.full_name.strip())
        )
        self.coop.setText(profile.name)
        self.day_label.setText("· " + format_date_with_day(self.today()))
        self.demo_note.setVisible(self.services.is_demo)

    def _fill_members(self) -> None:
        self.members_card.value.setText(
            format_number(self.services.members.count(MemberStatus.AKTIF))
        )
        self.members_card.detail.setText(
            self.tr("dari {total} anggota tercatat").format(
                total=format_number(self.services.members.count())
            )
        )

    def _fill_savings(self) -> None:
        style = str(self.services.settings.get("format.rupiah_style"))
        totals = self.services.savings.totals()
        self.savings_card.value.setText(format_rupiah(totals.total, style))
        self.savings_card.detail.setText(
            self.tr("Pokok {pokok} · Wajib {wajib} · Sukarela {sukarela}").format(
                pokok=format_rupiah(totals.pokok, style),
                wajib=format_rupiah(totals.wajib, style),
                sukarela=format_rupiah(totals.sukarela, style),
            )
        )

    def _changed(self) -> None:
        """Something was written elsewhere: read again, keeping the chosen line and scroll."""
        if self._pending:  # still reading in steps (the window is being shown): start over
            self._pending = self._steps()
            return

        def key(row: int) -> object:
            item = self.model.row_at(row)
            return (item.kind, item.loan_id, item.ref_id)

        restore = keep_place(self.table, key)
        self.refresh()
        restore()

    def as_of(self) -> date:
        try:
            return self.date_edit.value() or self.today()
        except AppError:
            return self.today()

    def refresh_queue(self) -> None:
        """Open the cases due today (the threshold of the settings), then build the queue."""
        if self._open_due_cases():  # (False: said why)
            self._build_queue()

    def _open_due_cases(self) -> bool:
        try:
            if self.handler and self.as_of() == self.today():
                self.services.cases.open_due_cases(self.today(), self.user)
            return True
        except AppError as exc:
            self._queue_failed(exc)
            return False

    def _build_queue(self) -> None:
        officer = self.user.id if self.mine_check.isChecked() else None
        try:
            self.queue = self.services.work_queue.build(self.as_of(), officer)
        except AppError as exc:
            self._queue_failed(exc)
            return
        self._show_counts(self.queue)
        self.show_kind(self.kind)

    def _queue_failed(self, exc: AppError) -> None:
        self.queue = None
        self.model.set_rows([])
        text = self.tr("Daftar pekerjaan tidak bisa dibaca: {why}")
        self.empty.setText(text.format(why=exc.message))
        self._show_list(False)

    def _show_counts(self, queue: WorkQueue) -> None:
        for kind, button in self.kind_buttons.items():
            if kind is None:
                # Amounts of different kinds do not add up (one loan can be in several lines).
                count, amount = queue.total_count, 0
                caption = self.tr("Semua pekerjaan")
            else:
                count, amount = queue.counts.get(kind, 0), queue.amounts.get(kind, 0)
                caption = self.tr(SHORT_LABELS[kind])
            text = f"{caption}\n{format_number(count)}"
            text += f"\n{format_rupiah(amount)}" if amount else "\n"
            button.setText(text)
            # Each takes a share of the row as wide as its words need ("Keputusan menunggu").
            column = self.kind_grid.indexOf(button)
            self.kind_grid.setColumnStretch(column, button.sizeHint().width())
            if kind is not None:
                button.setToolTip(f"{kind.label}. {self.tr(AMOUNT_MEANING[kind])}")

    def show_kind(self, kind: QueueKind | None) -> None:
        """Show the lines of one kind of task (None: all of them)."""
        self.kind = kind
        self.kind_buttons[kind].setChecked(True)
        queue = self.queue
        if queue is None:
            return
        items = list(queue.items) if kind is None else queue.of_kind(kind)
        self.model.set_queue(queue, items)
        if items:
            self.table.selectRow(0)
        elif queue.total_count:
            self.empty.setText(
                self.tr("Tidak ada pekerjaan jenis ini untuk {date}.").format(
                    date=format_date_long(queue.as_of)
                )
            )
        else:
            self.empty.setText(
                self.tr(
                    "Tidak ada pekerjaan penagihan untuk {date}: tidak ada janji bayar yang jatuh "
                    "tempo atau diingkari, tindak lanjut, surat peringatan, maupun keputusan yang "
                    "menunggu."
                ).format(date=format_date_long(queue.as_of))
            )
        self._show_list(bool(items))

    def _show_list(self, has_rows: bool) -> None:
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.open_button.setEnabled(has_rows)

    # -- opening --------------------------------------------------------------------------------
    def selected_item(self) -> QueueItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.task_opened.emit(item)

    def open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount(QModelIndex()):
            self.task_opened.emit(self.model.row_at(row))
