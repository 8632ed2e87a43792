# ruff: noqa: F811 - pytest fixtures are imported by name and used as arguments
"""The problem-loan table models: each passes Qt's model tester, and shows what a clerk needs
(class as colour and word, an overdue next step in red, promise status, amounts right)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from app.collection.decision_models import OffbookEntry
from app.collection.models import (
    Channel,
    ContactDraft,
    LetterDraft,
    LetterKind,
    MetRole,
    PromiseDraft,
    PromiseStatus,
)
from app.collection.reports import RestructuredRow
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, make_loan, member, people  # noqa: F401
from ui.models.base import LATE, RIGHT, SORT_ROLE
from ui.models.cases_model import CaseColumn, CasesModel
from ui.models.collection_reports_model import (
    CausesModel,
    OffbookColumn,
    OffbookModel,
    PerfColumn,
    PerformanceModel,
    RestrColumn,
    RestructuredModel,
)
from ui.models.decisions_model import DecisionColumn, DecisionsModel
from ui.models.queue_model import QueueColumn, QueueModel
from ui.models.timeline_model import TimelineColumn, TimelineModel
from ui.widgets import quality_colors

Q = date(2026, 6, 22)
DISPLAY = Qt.ItemDataRole.DisplayRole


def _scenario(services: Services, people: People, member: Member) -> int:
    coll = services
    make_loan(services, people, member)
    [case] = coll.cases.open_due_cases(date(2026, 4, 1))
    coll.cases.assign(people.manajer, case.id, people.staf.id, date(2026, 4, 1))
    coll.contacts.record_letter(
        people.staf,
        case.id,
        LetterDraft(
            kind=LetterKind.SP1,
            letter_date=date(2026, 4, 6),
            number="001/SP-1",
            sent_on=date(2026, 4, 6),
            delivery_method="diantar",
            received_by="Anggota",
        ),
        today=date(2026, 4, 6),
    )
    coll.contacts.record(
        people.staf,
        ContactDraft(
            case_id=case.id,
            contact_at=datetime(2026, 6, 1, 10, 30),
            channel=Channel.KUNJUNGAN_USAHA,
            met_role=MetRole.ANGGOTA,
            causes=("usaha_gagal",),
            next_step="Cek pembayaran",
            next_step_date=date(2026, 6, 16),
        ),
        today=date(2026, 6, 1),
        promise=PromiseDraft(500_000, date(2026, 6, 15)),
    )
    coll.settlement.propose(
        people.manajer,
        case.id,
        date(2026, 6, 20),
        {"denda": 10_000},
        date(2026, 7, 20),
        "Tawaran",
        Q,
    )
    return case.id


def test_cases_model_shows_class_next_step_and_promise(
    qtmodeltester: ModelTester, services: Services, people: People, member: Member
) -> None:
    case_id = _scenario(services, people, member)
    model = CasesModel()
    model.policy_name = "Kebijakan Koperasi"
    model.set_rows(services.case_list.rows(Q))
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.row_of(case_id) == 0
    row = model.row_at(0)

    def cell(column: CaseColumn, role: int = DISPLAY) -> object:
        return model.data(model.index(0, column), role)

    assert cell(CaseColumn.QUALITY) == "Kurang Lancar"  # word and colour, never colour alone
    assert cell(CaseColumn.QUALITY, Qt.ItemDataRole.BackgroundRole) == quality_colors.background(
        row.quality
    )
    assert "Kebijakan Koperasi" in str(cell(CaseColumn.QUALITY, Qt.ItemDataRole.ToolTipRole))
    assert cell(CaseColumn.NEXT_STEP) == "16-06-2026 · Cek pembayaran"
    assert cell(CaseColumn.NEXT_STEP, Qt.ItemDataRole.ForegroundRole) == LATE  # overdue
    assert cell(CaseColumn.PROMISE) == "Ingkar · Rp500.000"
    assert row.latest_promise is not None and row.latest_promise.status == PromiseStatus.INGKAR
    assert cell(CaseColumn.OFFICER) == people.staf.full_name
    assert cell(CaseColumn.LAST_CONTACT) == "01-06-2026"
    assert cell(CaseColumn.ARREARS, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert cell(CaseColumn.DAYS, SORT_ROLE) == row.days_past_due > 100


def test_timeline_queue_and_decision_models(
    qtmodeltester: ModelTester, services: Services, people: People, member: Member
) -> None:
    case_id = _scenario(services, people, member)
    coll = services
    timeline = TimelineModel()
    views = coll.promise_views.views_for_case(case_id, Q)
    timeline.set_timeline(
        coll.timelines.for_case(case_id, Q), {v.promise.id: v.status for v in views}
    )
    qtmodeltester.check(timeline)
    times = [r.at for r in timeline.rows()]
    assert times == sorted(times, reverse=True) and times[0] > times[-1]  # newest first
    promise = next(r for r in timeline.rows() if r.source == "janji")
    assert timeline.status_of(promise) == PromiseStatus.INGKAR
    row = timeline.rows().index(promise)
    assert timeline.data(timeline.index(row, TimelineColumn.WHEN), DISPLAY) == "01-06-2026 10.30"
    assert timeline.data(timeline.index(row, TimelineColumn.SOURCE), DISPLAY) == "Janji Bayar"
    everything = timeline.rowCount()
    timeline.set_sources(("janji", "kontak"))  # the history's "Tampilkan" choice
    assert timeline.rowCount() == 2 < everything
    assert {r.source for r in timeline.rows()} == {"janji", "kontak"}
    timeline.set_sources(None)
    assert timeline.rowCount() == everything

    queue = QueueModel()
    built = coll.work_queue.build(Q)
    queue.set_queue(built)
    qtmodeltester.check(queue)
    kinds = [queue.data(queue.index(n, QueueColumn.KIND), DISPLAY) for n in range(queue.rowCount())]
    assert kinds[0] == "Janji diingkari" and "Keputusan menunggu" in kinds

    decisions = DecisionsModel()
    decisions.as_of = Q
    decisions.set_rows(coll.decisions.for_case(case_id))
    qtmodeltester.check(decisions)
    assert (
        decisions.data(decisions.index(0, DecisionColumn.STATUS), DISPLAY) == "Menunggu Persetujuan"
    )
    assert (
        decisions.data(decisions.index(0, DecisionColumn.PROGRESS), DISPLAY) == "0 dari 1 Pengurus"
    )


def test_report_models(
    qtmodeltester: ModelTester, services: Services, people: People, member: Member
) -> None:
    _scenario(services, people, member)
    reports = services.collection_reports
    perf = PerformanceModel()
    perf.set_rows(reports.performance(date(2026, 1, 1), Q, Q).rows)
    qtmodeltester.check(perf)
    texts = {perf.data(perf.index(n, PerfColumn.MONTH), DISPLAY) for n in range(perf.rowCount())}
    assert "Juni 2026" in texts

    causes = CausesModel()
    causes.set_rows(reports.by_cause(Q))
    qtmodeltester.check(causes)
    assert causes.data(causes.index(0, 1), DISPLAY) == "Usaha gagal / omzet turun"

    offbook = OffbookModel()
    offbook.recovered_in_period = {7: 250_000}
    offbook.set_rows(
        [
            OffbookEntry(
                7,
                "PJ-7",
                3,
                "00003",
                "Sumarni",
                date(2026, 3, 1),
                "005/KEP",
                4_000_000,
                500_000,
                100_000,
                250_000,
                "aktif",
            )
        ]
    )
    qtmodeltester.check(offbook)
    assert offbook.data(offbook.index(0, OffbookColumn.JASA_DENDA), DISPLAY) == "Rp600.000"
    assert offbook.data(offbook.index(0, OffbookColumn.REMAINING), DISPLAY) == "Rp4.350.000"
    assert offbook.data(offbook.index(0, OffbookColumn.THIS_YEAR), DISPLAY) == "Rp250.000"

    restructured = RestructuredModel()
    restructured.set_rows(
        [
            RestructuredRow(
                9,
                "PJ-9",
                "Joko",
                "007/KEP",
                date(2026, 5, 2),
                "Persyaratan Kembali",
                2,
                5_000_000,
                5_400_000,
                400_000,
                0,
                24,
                "1.25",
                "Flat",
                290_000,
                "DPK",
                12,
            )
        ]
    )
    qtmodeltester.check(restructured)
    assert (
        restructured.data(restructured.index(0, RestrColumn.KIND), DISPLAY)
        == "Persyaratan Kembali ke-2"
    )
    assert (
        restructured.data(restructured.index(0, RestrColumn.TERMS), DISPLAY)
        == "24 bln · 1,25%/bln · Flat"
    )
    assert (
        restructured.data(restructured.index(0, RestrColumn.NOW), DISPLAY)
        == "Dalam Perhatian Khusus · 12 hari"
    )
