"""The lower panel of Penanganan Pinjaman Bermasalah: one case's header (member, loan, position,
class, causes, collateral, officer, status), its action buttons and its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.collection.decision_models import Decision, OffbookEntry
from app.collection.models import Case, PromiseView, TimelineEntry
from app.errors import AppError
from app.formats import format_date_long
from app.identity import format_phone
from app.loans.models import Collateral, Loan, LoanArrears, LoanStatus
from app.members.models import Member
from app.money import format_number, format_rupiah
from app.services import Services
from ui.export import install_export
from ui.models.timeline_model import FILTERS, TimelineColumn, TimelineModel
from ui.views.case_decisions import DecisionsPanel
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.quality_badge import QualityBadge

_STATUS_STYLE = "background:#e8eef7; color:#1f3b63; border-radius:3px; padding:2px 8px;"
_CLOSED_STYLE = "background:#eeeeee; color:#333333; border-radius:3px; padding:2px 8px;"


@dataclass(frozen=True)
class CaseFile:
    """Everything the panel shows about one case, read in one go."""

    case: Case
    as_of: date
    loan: Loan
    member: Member | None
    arrears: LoanArrears | None  # None unless the loan is aktif
    offbook: OffbookEntry | None
    collateral: tuple[Collateral, ...]
    timeline: tuple[TimelineEntry, ...]
    promises: tuple[PromiseView, ...]
    decisions: tuple[Decision, ...]
    policy_name: str

    @property
    def pending(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.status.value == "diusulkan")


def read_case(services: Services, case_id: int, as_of: date) -> CaseFile:
    coll = services
    case = coll.cases.get(case_id)
    loan = services.loans.get(case.loan_id)
    arrears = (
        services.loans.quality.arrears(loan.id, as_of) if loan.status == LoanStatus.AKTIF else None
    )
    try:
        member: Member | None = services.members.get(case.member_id)
    except AppError:
        member = None
    offbook = coll.offbook.of_loan(loan.id, as_of)
    return CaseFile(
        case=case,
        as_of=as_of,
        loan=loan,
        member=member,
        arrears=arrears,
        offbook=offbook,
        collateral=tuple(services.loans.collateral(loan.id)),
        timeline=tuple(coll.timelines.for_case(case_id, as_of)),
        promises=tuple(coll.promise_views.views_for_case(case_id, as_of)),
        decisions=tuple(coll.decisions.for_case(case_id)),
        policy_name=services.loans.quality.policy().name,
    )


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"case_{name}")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CaseDetailPanel(QWidget):
    """Shows a CaseFile; its buttons are public so CaseActions connects and enables them."""

    HEADER_ROWS = (
        ("member", "Anggota"),
        ("phone", "Telepon / alamat"),
        ("loan", "Pinjaman"),
        ("position", "Posisi"),
        ("quality", "Kolektibilitas"),
        ("causes", "Penyebab"),
        ("collateral", "Agunan"),
        ("officer", "Petugas"),
        ("opened", "Dibuka"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file: CaseFile | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.empty = QLabel(
            self.tr("Pilih kasus di daftar di atas untuk melihat riwayat dan tindakannya.")
        )
        self.empty.setObjectName("case_detail_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#555; padding:30px;")
        layout.addWidget(self.empty)
        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(self._build_title())
        row = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(self._build_header())
        left.addLayout(self._build_buttons())
        left.addStretch(1)
        holder = QWidget()
        holder.setLayout(left)
        # The case's data and its buttons scroll down when the user gives the list more room.
        scroll = QScrollArea(objectName="case_header_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        scroll.setFixedWidth(400 + scroll.verticalScrollBar().sizeHint().width())
        holder.setFixedWidth(400)
        row.addWidget(scroll)
        row.addWidget(self._build_tabs(), 1)
        content.addLayout(row, 1)
        layout.addWidget(self.content, 1)
        self.content.hide()

    # -- building -------------------------------------------------------------------------------
    def _build_title(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.title_label = ElidedLabel()
        self.title_label.setObjectName("case_title")
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.status_badge = QLabel()
        self.status_badge.setObjectName("case_status")
        self.quality_badge = QualityBadge()
        self.quality_badge.setObjectName("case_quality")
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_badge)
        top.addWidget(self.quality_badge)
        return top

    def _build_header(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.values: dict[str, QLabel] = {}
        for n, (key, caption) in enumerate(self.HEADER_ROWS):
            title = QLabel(self.tr(caption))
            title.setStyleSheet("color:#555;")
            title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(title, n, 0)
            self.values[key] = _value_label(key)
            grid.addWidget(self.values[key], n, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _build_buttons(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(4)

        def button(name: str, text: str) -> QPushButton:
            b = QPushButton(self.tr(text))
            b.setObjectName(name)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            return b

        self.contact_button = button("contact_button", "Catat Kontak…")
        self.promise_button = button("promise_button", "Catat Janji Bayar…")
        self.pay_button = button("pay_button", "Terima Pembayaran…")
        self.restructure_button = button("restructure_button", "Usulkan Restrukturisasi…")
        self.settlement_button = button("settlement_button", "Hitung Pelunasan…")
        self.setoff_button = button("setoff_button", "Kompensasi Simpanan…")
        self.writeoff_button = button("writeoff_button", "Usulkan Hapus Buku…")
        self.hapus_tagih_button = button("hapus_tagih_button", "Hapus Tagih…")
        self.print_button = button("print_button", "Cetak")
        self.edit_button = button("edit_button", "Ubah Kasus")
        self.buttons = (
            self.contact_button,
            self.promise_button,
            self.pay_button,
            self.settlement_button,
            self.restructure_button,
            self.setoff_button,
            self.writeoff_button,
            self.hapus_tagih_button,
            self.print_button,
            self.edit_button,
        )
        for n, b in enumerate(self.buttons):
            grid.addWidget(b, n // 2, n % 2)
        return grid

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        history = QWidget()
        box = QVBoxLayout(history)
        box.setContentsMargins(2, 2, 2, 2)
        self.timeline_model = TimelineModel(self)
        self.timeline = install_export(QTableView())
        self.timeline.setObjectName("case_timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setWordWrap(True)
        self.timeline.verticalHeader().hide()
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TimelineColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        widths = {
            TimelineColumn.WHEN: 125,
            TimelineColumn.SOURCE: 88,
            TimelineColumn.AMOUNT: 100,
            TimelineColumn.BY: 110,
        }
        for column, width in widths.items():
            self.timeline.setColumnWidth(column, width)
        note = QLabel(
            self.tr(
                "Terbaru di atas. Janji bayar berwarna menurut statusnya: Menunggu (biru), "
                "Ditepati (hijau), Sebagian (oranye), Ingkar (merah)."
            )
        )
        note.setStyleSheet("color:#555;")
        note.setWordWrap(True)
        shown = QHBoxLayout()
        shown.addWidget(QLabel(self.tr("Tampilkan:")))
        self.timeline_filter = QComboBox(objectName="timeline_filter")
        for index, (label, _sources) in enumerate(FILTERS):
            self.timeline_filter.addItem(self.tr(label), index)
        self.timeline_filter.currentIndexChanged.connect(
            lambda i: (
                self.timeline_model.set_sources(FILTERS[i][1]),
                self.timeline.resizeRowsToContents(),
            )
        )
        shown.addWidget(self.timeline_filter)
        shown.addWidget(note, 1)
        box.addLayout(shown)
        box.addWidget(self.timeline, 1)
        self.tabs.addTab(history, self.tr("Riwayat Kasus"))
        self.decisions = DecisionsPanel()
        self.tabs.addTab(self.decisions, self.tr("Keputusan"))
        return self.tabs

    # -- showing --------------------------------------------------------------------------------
    def clear(self) -> None:
        self.file = None
        self.content.hide()
        self.empty.show()
        self.timeline_model.set_rows([])
        self.decisions.set_decisions([], date.today())

    def show_file(self, file: CaseFile) -> None:
        self.file = file
        c, loan, a = file.case, file.loan, file.arrears
        self.title_label.setText(
            self.tr("Kasus {number} · {member}").format(number=c.number, member=c.member_name)
        )
        self.status_badge.setText(c.status.label)
        self.status_badge.setStyleSheet(_STATUS_STYLE if c.status.is_open else _CLOSED_STYLE)
        quality = a.quality if a else ("HB" if loan.status == LoanStatus.HAPUS_BUKU else None)
        self.quality_badge.set_quality(quality, file.policy_name)
        v = self.values
        v["member"].setText(f"{c.member_name} ({c.member_number})")
        m = file.member
        v["phone"].setText(
            " · ".join(x for x in (format_phone(m.phone) if m.phone else "", m.full_address) if x)
            if m
            else "–"
        )
        v["loan"].setText(
            self.tr("{number} · plafon {amount} · {status}").format(
                number=loan.display_number,
                amount=format_rupiah(loan.amount),
                status=loan.status.label,
            )
        )
        v["position"].setText(self._position_text(file))
        v["quality"].setText(self._quality_text(file))
        v["causes"].setText("; ".join(c.cause_labels) or self.tr("belum diisi"))
        held = [x for x in file.collateral if x.released_on is None]
        items = ", ".join(x.kind_label for x in held)
        v["collateral"].setText(
            c.collateral_status.label
            + (f" ({items})" if items else "")
            + (f". {c.collateral_note}" if c.collateral_note else "")
        )
        v["officer"].setText(c.officer_name or self.tr("belum ada — klik Ubah Kasus"))
        opened = self.tr("{date}, {how}: {reason}").format(
            date=format_date_long(c.opened_on),
            how=self.tr("otomatis") if c.opened_how == "otomatis" else self.tr("oleh petugas"),
            reason=c.open_reason,
        )
        if c.closed_on:
            opened += self.tr(" · selesai {date}: {reason}").format(
                date=format_date_long(c.closed_on), reason=c.close_reason
            )
        v["opened"].setText(opened)
        statuses = {pv.promise.id: pv.status for pv in file.promises}
        self.timeline_model.set_timeline(file.timeline, statuses)
        self.timeline.resizeRowsToContents()
        self.decisions.set_decisions(list(file.decisions), file.as_of)
        pending = len(file.pending)
        self.tabs.setTabText(
            1,
            self.tr("Keputusan ({n} menunggu)").format(n=pending)
            if pending
            else self.tr("Keputusan"),
        )
        self.empty.hide()
        self.content.show()

    def _position_text(self, file: CaseFile) -> str:
        a = file.arrears
        if a is not None:
            if not a.arrears_total:
                return self.tr("Tidak ada tunggakan · sisa pokok {rest}").format(
                    rest=format_rupiah(a.outstanding)
                )
            return self.tr(
                "Tunggakan {total} (pokok {pokok} · jasa {jasa} · denda {denda}), "
                "{days} hari terlambat · sisa pokok {rest}"
            ).format(
                total=format_rupiah(a.arrears_total),
                pokok=format_rupiah(a.arrears_pokok),
                jasa=format_rupiah(a.arrears_jasa),
                denda=format_rupiah(a.arrears_denda),
                days=format_number(a.days_past_due),
                rest=format_rupiah(a.outstanding),
            )
        e = file.offbook
        if e is not None and e.status != "aktif":
            return self.tr(
                "Dihapus buku {date} ({claim}); dihapus tagih {closed} berdasarkan keputusan RAT "
                "{rat}: tidak ditagih lagi."
            ).format(
                date=format_date_long(e.written_off_on),
                claim=format_rupiah(e.claim),
                closed=format_date_long(e.closed_on) if e.closed_on else "-",
                rat=e.rat_number,
            )
        if e is not None:
            return self.tr(
                "Dihapus buku {date}: tagihan {claim} (pokok {pokok} · jasa {jasa} · denda "
                "{denda}), sudah kembali {back}, sisa {rest}"
            ).format(
                date=format_date_long(e.written_off_on),
                claim=format_rupiah(e.claim),
                pokok=format_rupiah(e.pokok),
                jasa=format_rupiah(e.jasa),
                denda=format_rupiah(e.denda),
                back=format_rupiah(e.recovered),
                rest=format_rupiah(e.remaining),
            )
        return self.tr("Pinjaman {status}").format(status=file.loan.status.label)

    def _quality_text(self, file: CaseFile) -> str:
        a = file.arrears
        if a is None:
            if file.loan.status == LoanStatus.HAPUS_BUKU:
                return self.tr("Hapus Buku (di Daftar Ekstrakomptabel)")
            return "–"
        return self.tr("{word} menurut {policy}").format(
            word=a.quality_label, policy=file.policy_name
        )

    def selected_entry(self) -> TimelineEntry | None:
        rows = self.timeline.selectionModel().selectedRows()
        return self.timeline_model.row_at(rows[0].row()) if rows else None
