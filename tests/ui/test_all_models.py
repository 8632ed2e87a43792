"""Every table model in ui/models passes Qt's model tester with realistic rows: a small demo
cooperative (members, savings, loans, problem-loan cases and their decisions) and a few
hand-made rows where the demo has none. A new model must be listed here (the guard below)."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

from app.assets.depreciation import ORIGIN_OPENING, ORIGIN_PURCHASE, Asset
from app.assets.service import AssetRow
from app.backups import BackupInfo
from app.collection.decision_models import OffbookEntry
from app.collection.models import CaseFilter, CaseStatus
from app.demo.generate import generate_demo
from app.documents.register import RegisterRow
from app.ledger.bankrec import BankItem
from app.ledger.manual import PendingJournal
from app.ledger.models import Line
from app.ledger.service import JournalLineRow, LedgerRow, TrialRow
from app.loans.models import LoanFilter, LoanStatus
from app.loans.schedule import ScheduleTerms, build_schedule
from app.savings.pph_models import BuktiPotongRow
from app.services import Services
from ui.models.assets_model import AssetsModel
from ui.models.backups_model import BackupsModel
from ui.models.base import RowsModel
from ui.models.berjangka_model import BerjangkaModel
from ui.models.books_model import (
    BankItemsModel,
    JournalLinesModel,
    LedgerPageModel,
    PendingJournalsModel,
    SubLedgerModel,
    SubLedgerRow,
    TrialBalanceModel,
)
from ui.models.cases_model import CasesModel
from ui.models.collection_reports_model import (
    CausesModel,
    OffbookModel,
    PerformanceModel,
    RestructuredModel,
)
from ui.models.decisions_model import DecisionsModel
from ui.models.documents_model import DocumentsModel
from ui.models.loan_parts_model import ClassHistoryModel, CollateralModel, GuarantorModel
from ui.models.loan_payments_model import AllocationModel, LoanPaymentsModel
from ui.models.loans_model import LoansModel
from ui.models.members_model import MembersModel
from ui.models.portfolio_model import AgeingModel, PortfolioClassModel
from ui.models.pph_model import BuktiPotongModel
from ui.models.products_model import ProductsModel
from ui.models.queue_model import QueueModel
from ui.models.savings_model import SavingsHistoryModel
from ui.models.schedule_model import PlanModel, ScheduleModel
from ui.models.timeline_model import TimelineModel
from ui.models.users_model import UsersModel

TODAY = date(2026, 11, 20)
MODELS_DIR = Path(__file__).resolve().parents[2] / "ui" / "models"
NOT_MODELS = {"__init__", "base", "cached_format"}  # helpers, no table of their own


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    generate_demo(path, members=40, seed=1, today=TODAY)
    services = Services.open(path)
    yield services
    services.close()


def _active_loan(s: Services) -> int:
    rows = s.loans.list_rows(TODAY, LoanFilter(), offset=0, limit=500, order="days")
    late = [r for r in rows if r.status == LoanStatus.AKTIF]
    return late[0].loan_id  # the most overdue active loan


def _loan_with_parts(s: Services) -> int:
    rows = s.loans.list_rows(TODAY, LoanFilter(), offset=0, limit=500, order="number")
    for row in rows:
        if s.loans.collateral(row.loan_id) and s.loans.guarantors(row.loan_id):
            return row.loan_id
    raise AssertionError("the demo has no loan with collateral and guarantors")


def _case_with_history(s: Services) -> int:
    statuses = tuple(CaseStatus)
    rows = s.case_list.rows(TODAY, CaseFilter(statuses=statuses))
    return max(rows, key=lambda r: len(s.timelines.for_case(r.case.id, TODAY))).case.id


def members(s: Services) -> MembersModel:
    model = MembersModel(s.members)
    model.search("")
    return model


def savings(s: Services) -> SavingsHistoryModel:
    model = SavingsHistoryModel()
    model.set_rows(s.savings.history(s.members.search("", None, limit=1, offset=0)[0].id))
    return model


def loans(s: Services) -> LoansModel:
    model = LoansModel(s.loans, TODAY)
    model.set_policy_name("Kebijakan")
    model.load(LoanFilter())
    return model


def schedule(s: Services) -> ScheduleModel:
    model = ScheduleModel()
    detail = s.loans.detail(_active_loan(s), TODAY)
    model.set_rows(detail.schedule, detail.as_of)
    return model


def plan(s: Services) -> PlanModel:
    model = PlanModel()
    terms = ScheduleTerms(1_200_000, Decimal(18), 12, "flat", date(2026, 1, 31))
    model.set_rows(build_schedule(terms))
    return model


def payments(s: Services) -> LoanPaymentsModel:
    model = LoanPaymentsModel()
    model.set_rows(s.loans.detail(_active_loan(s), TODAY).events)
    return model


def allocation(s: Services) -> AllocationModel:
    model = AllocationModel()
    model.set_preview(s.loans.payments.preview_allocation(_active_loan(s), 600_000, TODAY))
    return model


def class_history(s: Services) -> ClassHistoryModel:
    model = ClassHistoryModel()
    model.set_rows(s.loans.detail(_active_loan(s), TODAY).class_history)
    return model


def collateral(s: Services) -> CollateralModel:
    model = CollateralModel()
    model.set_rows(s.loans.collateral(_loan_with_parts(s)))
    return model


def guarantors(s: Services) -> GuarantorModel:
    model = GuarantorModel()
    model.set_rows(s.loans.guarantors(_loan_with_parts(s)))
    return model


def portfolio_classes(s: Services) -> PortfolioClassModel:
    model = PortfolioClassModel()
    model.set_summary(s.loans.portfolio.summary(TODAY))
    return model


def ageing(s: Services) -> AgeingModel:
    model = AgeingModel()
    model.set_summary(s.loans.portfolio.summary(TODAY))
    return model


def products(s: Services) -> ProductsModel:
    model = ProductsModel()
    model.set_rows(s.loans.products.all(include_inactive=True))
    return model


def users(s: Services) -> UsersModel:
    model = UsersModel(now=datetime(2026, 11, 20, 9, 0))
    model.set_rows(s.users.all())
    return model


def cases(s: Services) -> CasesModel:
    model = CasesModel()
    model.policy_name = "Kebijakan"
    model.set_rows(s.case_list.rows(TODAY, CaseFilter(statuses=tuple(CaseStatus))))
    return model


def queue(s: Services) -> QueueModel:
    model = QueueModel()
    model.set_queue(s.work_queue.build(TODAY))
    return model


def timeline(s: Services) -> TimelineModel:
    case_id = _case_with_history(s)
    model = TimelineModel()
    views = s.promise_views.views_for_case(case_id, TODAY)
    model.set_timeline(
        s.timelines.for_case(case_id, TODAY), {v.promise.id: v.status for v in views}
    )
    return model


def decisions(s: Services) -> DecisionsModel:
    rows = s.case_list.rows(TODAY, CaseFilter(statuses=tuple(CaseStatus)))
    model = DecisionsModel()
    model.as_of = TODAY
    model.set_rows([d for r in rows for d in s.decisions.for_case(r.case.id)])
    return model


def performance(s: Services) -> PerformanceModel:
    model = PerformanceModel()
    model.set_rows(list(s.collection_reports.performance(date(2026, 1, 1), TODAY, TODAY).rows))
    return model


def restructured(s: Services) -> RestructuredModel:
    model = RestructuredModel()
    model.set_rows(s.collection_reports.restructured(TODAY))
    return model


def offbook(s: Services) -> OffbookModel:
    register = s.collection_reports.written_off(TODAY)
    entries = list(register.entries) or [
        OffbookEntry(
            loan_id=1,
            loan_number="PJ-0001",
            member_id=1,
            member_name="Siti Aminah",
            member_number="A-0001",
            written_off_on=date(2026, 3, 31),
            decision_number="007/KEP/III/2026",
            pokok=4_000_000,
            jasa=300_000,
            denda=50_000,
            recovered=250_000,
            status=status,
            closed_on=None if status == "aktif" else date(2026, 5, 30),
            rat_number="" if status == "aktif" else "RAT-2026",
        )
        for status in ("aktif", "hapus_tagih")
    ]
    model = OffbookModel()
    model.recovered_in_period = dict(register.recovered_in_period) or {1: 100_000}
    model.set_rows(entries)
    return model


def causes(s: Services) -> CausesModel:
    model = CausesModel()
    model.set_rows(s.collection_reports.by_cause(TODAY, True))
    return model


def documents(s: Services) -> DocumentsModel:
    def row(n: int, status: str, member: str) -> RegisterRow:
        return RegisterRow(
            id=n, kind="kuitansi", number=f"{n:03d}/KW/XI/2026", seq=n, seq_year=2026,
            doc_date=date(2026, 11, n), title="Kuitansi", status=status, member_id=n,
            member_number=f"A-{n:04d}" if member else "", member_name=member, loan_id=None,
            loan_number="", case_id=None, batch_id=None, sha256=None, size=None, pages=None,
            note="", created_by=1, created_by_name="Kasir", created_at="2026-11-20T09:00:00",
            finished_at=None,
        )  # fmt: skip

    model = DocumentsModel()
    model.set_rows([row(1, "selesai", "Siti Aminah"), row(2, "proses", ""), row(3, "gagal", "X")])
    return model


def backups(s: Services) -> BackupsModel:
    model = BackupsModel()
    model.set_rows(
        [
            BackupInfo(Path("/tmp/a.db"), "2026-11-20T17:05:03", 850_000, "manual", True),
            BackupInfo(Path("/tmp/b.db"), "2026-11-19T17:05:03", 12_400_000, "otomatis", False),
            BackupInfo(Path("/tmp/c.db"), "bukan tanggal", 10, "lain", False),
        ]
    )
    return model


def berjangka(s: Services) -> BerjangkaModel:
    model = BerjangkaModel()
    rows = [d for m in s.members.search("", None, limit=40) for d in s.berjangka.of_member(m.id)]
    assert any(d.is_open for d in rows) and any(not d.is_open for d in rows)
    model.set_rows(rows)
    return model


def journal_lines(s: Services) -> JournalLinesModel:
    def line(n: int, account: str, debit: int, credit: int, source: str) -> JournalLineRow:
        return JournalLineRow(
            journal_id=n, date=date(2026, 11, n), number=f"J2026-{n:06d}", account=account,
            account_name="Kas", debit=debit, credit=credit, source=source, source_id=n,
            description="Setoran", member_id=n if source == "simpanan" else None,
            loan_id=None,
        )  # fmt: skip

    model = JournalLinesModel()
    model.set_rows([line(1, "1101", 50_000, 0, "simpanan"), line(1, "3101", 0, 50_000, "x")])
    return model


def ledger_page(s: Services) -> LedgerPageModel:
    model = LedgerPageModel()
    model.set_rows(
        [
            LedgerRow(1, "J2026-000001", date(2026, 11, 1), "Setoran", 50_000, 0, 50_000),
            LedgerRow(2, "J2026-000002", date(2026, 11, 2), "ATK", 0, 20_000, 30_000),
        ]
    )
    return model


def trial_balance(s: Services) -> TrialBalanceModel:
    model = TrialBalanceModel()
    model.set_rows(
        [
            TrialRow("1101", "Kas", "aset", "D", 30_000, 0),
            TrialRow("3101", "Simpanan pokok", "ekuitas", "K", 0, 30_000),
        ]
    )
    return model


def sub_ledger(s: Services) -> SubLedgerModel:
    model = SubLedgerModel()
    model.set_rows([SubLedgerRow("3101", "Simpanan pokok", 100_000), SubLedgerRow("1105", "P", 0)])
    return model


def pending_journals(s: Services) -> PendingJournalsModel:
    model = PendingJournalsModel()
    model.user_names = {1: "Siti"}
    lines = (Line("5401", 6_000_000), Line("1101", 0, 6_000_000))
    model.set_rows(
        [
            PendingJournal(1, date(2026, 11, 2), "Sewa", 6_000_000, 1, lines),
            PendingJournal(2, date(2026, 11, 3), "Gedung", 9_000_000, None, lines),
        ]
    )
    return model


def bank_items(s: Services) -> BankItemsModel:
    model = BankItemsModel()
    model.set_rows(
        [
            BankItem(1, date(2026, 11, 1), "J2026-000001", "Setor", 400_000, 0, None),
            BankItem(2, date(2026, 11, 2), "J2026-000002", "Listrik", 0, 150_000, None),
        ]
    )
    return model


def bukti_potong(s: Services) -> BuktiPotongModel:
    model = BuktiPotongModel()
    model.set_rows(
        [
            BuktiPotongRow(1, "00001", "Ani", "12.345.678.9-012.000", "", 500_000, 50_000, 50_000),
            BuktiPotongRow(4, "00004", "Dedi", "", "", 252_222, 22_222, 25_222),
            BuktiPotongRow(2, "00002", "Budi", "", "3576014403850001", 240_000, 0),
            BuktiPotongRow(3, "00003", "Citra", "", "", 0, 0),
        ]
    )
    return model


def assets(s: Services) -> AssetsModel:
    model = AssetsModel()
    motor = Asset(
        "Motor", "1303", date(2025, 1, 5), 24_000_000, 48, 4_000_000, ORIGIN_PURCHASE, "tunai", id=1
    )
    pc = Asset(
        "Komputer",
        "1304",
        date(2023, 6, 1),
        9_000_000,
        36,
        0,
        ORIGIN_OPENING,
        opening_month="2024-12",
        id=2,
        opening_accumulated=4_500_000,
    )
    model.set_rows([*s.assets.rows(TODAY), AssetRow(motor, 8_333_330), AssetRow(pc, 9_000_000)])
    return model


BUILDERS: dict[type[QAbstractItemModel], Callable[[Services], QAbstractItemModel]] = {
    BerjangkaModel: berjangka,
    MembersModel: members,
    SavingsHistoryModel: savings,
    LoansModel: loans,
    ScheduleModel: schedule,
    PlanModel: plan,
    LoanPaymentsModel: payments,
    AllocationModel: allocation,
    ClassHistoryModel: class_history,
    CollateralModel: collateral,
    GuarantorModel: guarantors,
    PortfolioClassModel: portfolio_classes,
    AgeingModel: ageing,
    ProductsModel: products,
    UsersModel: users,
    CasesModel: cases,
    QueueModel: queue,
    TimelineModel: timeline,
    DecisionsModel: decisions,
    PerformanceModel: performance,
    RestructuredModel: restructured,
    OffbookModel: offbook,
    CausesModel: causes,
    DocumentsModel: documents,
    BackupsModel: backups,
    JournalLinesModel: journal_lines,
    LedgerPageModel: ledger_page,
    TrialBalanceModel: trial_balance,
    SubLedgerModel: sub_ledger,
    PendingJournalsModel: pending_journals,
    BankItemsModel: bank_items,
    BuktiPotongModel: bukti_potong,
    AssetsModel: assets,
}


@pytest.mark.parametrize("model_class", list(BUILDERS), ids=lambda c: c.__name__)
def test_model_passes_the_model_tester(
    qtmodeltester, demo: Services, model_class: type[QAbstractItemModel]
) -> None:
    model = BUILDERS[model_class](demo)
    assert isinstance(model, model_class)
    assert isinstance(model, RowsModel), "every table model is built on ui.models.base.RowsModel"
    assert model.rowCount() > 0, "the tester needs rows to check"
    qtmodeltester.check(model)
    # Every cell reads as text and has a header (the tester only checks types).
    for column in range(model.columnCount()):
        assert model.headerData(column, Qt.Orientation.Horizontal)
        for row in range(model.rowCount()):
            assert isinstance(model.data(model.index(row, column)), str)


def _model_classes_in(module_name: str) -> set[str]:
    """Names of the classes a model module defines that are Qt item models."""
    module = importlib.import_module(f"ui.models.{module_name}")
    tree = ast.parse((MODELS_DIR / f"{module_name}.py").read_text(encoding="utf-8"))
    names = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    return {
        name
        for name in names
        if isinstance(getattr(module, name), type)
        and issubclass(getattr(module, name), QAbstractItemModel)
    }


def test_every_model_module_is_under_the_model_tester() -> None:
    modules = sorted(p.stem for p in MODELS_DIR.glob("*.py") if p.stem not in NOT_MODELS)
    listed = {c.__name__ for c in BUILDERS}
    for module_name in modules:
        found = _model_classes_in(module_name)
        assert found, f"ui/models/{module_name}.py defines no model: add it to NOT_MODELS?"
        missing = found - listed
        assert not missing, f"{sorted(missing)} in ui/models/{module_name}.py: add to BUILDERS"
    # The base defines the only other model class, and it is abstract.
    assert _model_classes_in("base") == {"RowsModel"}


@pytest.mark.parametrize("model_class", list(BUILDERS), ids=lambda c: c.__name__)
def test_model_emptied_again_passes_the_model_tester(
    qtmodeltester, demo: Services, model_class: type[QAbstractItemModel]
) -> None:
    """What a screen does when it clears a table (nothing found, no loan chosen)."""
    model = BUILDERS[model_class](demo)
    if isinstance(model, PortfolioClassModel | AgeingModel):
        model.set_summary(None)
    elif isinstance(model, AllocationModel):
        model.set_preview(None)
    else:
        assert isinstance(model, RowsModel)
        model.set_rows([])
    assert model.rowCount() == 0
    qtmodeltester.check(model)
