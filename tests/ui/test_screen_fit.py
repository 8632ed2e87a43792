"""Every section of the main window and every dialog fits a 1366×768 laptop with its taskbar
(1366×728 available) with a demo cooperative of 300 members in it: see tests/ui/screen_fit.py
for what is checked."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QWidget, QWizard
from pytestqt.qtbot import QtBot

from app.collection.decision_models import Decision, DecisionKind, DecisionStatus
from app.collection.models import Case, CaseFilter, CaseStatus
from app.demo.generate import generate_demo
from app.errors import AppError
from app.loans.models import Loan, LoanFilter, LoanStatus
from app.members.models import Member, MemberDraft
from app.savings.berjangka import Deposit
from app.savings.pph_report import PphDue
from app.services import Services
from app.users.models import User
from tests.ui.screen_fit import TITLE_BAR, WINDOW, problems, section_problems, settle

ROOT = Path(__file__).resolve().parents[2]

TODAY = date(2026, 11, 20)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fit") / "demo.db"
    generate_demo(path, members=300, seed=1, today=TODAY)
    services = Services.open(path)
    try:
        _long_names(services)
    finally:
        services.close()
    return path


@pytest.fixture(scope="module")
def demo(demo_path: Path, qapp: QApplication) -> Iterator[Services]:
    from ui.main import configure_application

    configure_application(qapp)  # the program's own font (at least 10 pt), as users see it
    services = Services.open(demo_path)
    yield services
    services.close()


def test_sections_fit_1920x1080_at_125_percent(demo_path: Path, tmp_path: Path) -> None:
    """Qt's scale factor is read when the application starts: a process of its own. 1920×1080
    less the taskbar at 125 % is 1536×832 logical pixels, less the title bar."""
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_path, copy)
    env = {**os.environ, "QT_SCALE_FACTOR": "1.25", "QT_QPA_PLATFORM": "offscreen"}
    width, height = 1920 * 4 // 5, (1080 - 40) * 4 // 5 - TITLE_BAR
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_fit", str(copy), str(width), str(height)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]


LONG = " binti Raden Mas Kusumawardhani Prawiranegara Hadiningrat"  # names run to 100


def _long_names(services: Services) -> None:
    """Long names, as some members have: a title or a label with a name must give way
    (elided, whole in its tooltip) instead of pushing the window wider than the screen."""
    ketua = _user(services)
    for row in services.members.search("", limit=400):
        member = services.members.get(row.id)
        draft = MemberDraft(**{f.name: getattr(member, f.name) for f in fields(MemberDraft)})
        services.members.update(ketua, member.id, replace(draft, name=member.name + LONG), TODAY)


def _user(services: Services, name: str = "ketua") -> User:
    return next(u for u in services.users.all() if u.username == name)


def test_every_section_fits(qtbot: QtBot, demo: Services) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(demo, _user(demo))
    qtbot.addWidget(window)
    window.resize(WINDOW)
    window.show()
    try:
        found = section_problems(window)
    finally:
        window.close_for_logout()  # the window goes, the demo file stays open for the dialogs
    assert not found, "\n".join(found)


def _loan(s: Services) -> Loan:
    rows = s.loans.list_rows(TODAY, LoanFilter(), offset=0, limit=500, order="days")
    return s.loans.get(next(r.loan_id for r in rows if r.status == LoanStatus.AKTIF))


def _case(s: Services) -> Case:
    rows = s.case_list.rows(TODAY, CaseFilter(statuses=tuple(CaseStatus)))
    return s.cases.get(rows[0].case.id)


def _member(s: Services) -> Member:
    return s.members.get(_loan(s).member_id)


def _deposit(s: Services, due: bool) -> Deposit:
    """An open placement of the demo: one at or past its maturity when `due`."""
    open_ = s.berjangka.all_open()
    assert open_, "the demo has simpanan berjangka"
    fitting = [d for d in open_ if (d.maturity_on <= TODAY) == due]
    return (fitting or open_)[0]


def _bilyet(s: Services, u: User) -> QDialog:
    """The bilyet's preview, issued as the member panel's Cetak Bilyet does."""
    from ui.views.member_berjangka import MemberBerjangkaWidget

    deposit = _deposit(s, due=False)
    panel = MemberBerjangkaWidget(s, u, deposit.member_id)
    panel.today = lambda: TODAY
    row = next(n for n, d in enumerate(panel.model.rows()) if d.id == deposit.id)
    panel.table.selectRow(row)
    panel.print_bilyet()
    preview = panel.issuer.preview
    assert preview is not None
    preview.setProperty("keep", panel)  # the panel (its parent) lives as long as the preview
    return preview


Factory = Callable[[Services, User], QDialog]


def _dialogs() -> dict[str, Factory]:
    from ui.dialogs.berjangka_dialog import CloseBerjangkaDialog, OpenBerjangkaDialog
    from ui.dialogs.case_open_dialog import OpenCaseDialog
    from ui.dialogs.contact_dialog import ContactDialog
    from ui.dialogs.import_dialog import ImportDialog
    from ui.dialogs.loan_decision_dialog import DecisionDialog
    from ui.dialogs.loan_wizard import LoanWizard
    from ui.dialogs.manual_journal_dialog import ManualJournalDialog
    from ui.dialogs.member_dialog import MemberDialog
    from ui.dialogs.month_end_dialog import MonthEndDialog
    from ui.dialogs.payment_dialog import PaymentDialog
    from ui.dialogs.payoff_dialog import PayoffDialog
    from ui.dialogs.product_dialog import ProductDialog
    from ui.dialogs.promise_dialog import PromiseDialog
    from ui.dialogs.restructuring_wizard import RestructuringWizard
    from ui.dialogs.savings_dialog import SavingsDialog
    from ui.dialogs.server_dialog import ServerDialog
    from ui.dialogs.setoff_dialog import SetoffDialog
    from ui.dialogs.settlement_dialog import SettlementDialog
    from ui.dialogs.simulation_dialog import SimulationDialog
    from ui.dialogs.status_dialog import StatusDialog
    from ui.dialogs.titipan_dialog import TitipanDialog
    from ui.dialogs.user_dialog import UserDialog
    from ui.dialogs.waiver_dialog import WaiverDialog
    from ui.dialogs.writeoff_dialog import WriteoffDialog

    return {
        "anggota baru": lambda s, u: MemberDialog(s, u, today=TODAY),
        "ubah anggota": lambda s, u: MemberDialog(s, u, _member(s), today=TODAY),
        "status anggota": lambda s, u: StatusDialog(s, u, _member(s), today=TODAY),
        "setoran": lambda s, u: SavingsDialog(s, u, _member(s), today=TODAY),
        "penarikan": lambda s, u: SavingsDialog(s, u, _member(s), True, today=TODAY),
        "pinjaman baru": lambda s, u: LoanWizard(s, u, TODAY, _member(s).id),
        "keputusan pinjaman": lambda s, u: DecisionDialog(s, u, _loan(s), True, TODAY),
        "pembayaran": lambda s, u: PaymentDialog(s, u, _loan(s), TODAY),
        "pelunasan": lambda s, u: PayoffDialog(s, u, _loan(s), TODAY),
        "keringanan denda": lambda s, u: WaiverDialog(s, u, _loan(s), TODAY),
        "titipan": lambda s, u: TitipanDialog(s, u, _loan(s), today=TODAY),
        "simulasi": lambda s, u: SimulationDialog(s, TODAY, user=u),
        "buka kasus": lambda s, u: OpenCaseDialog(s, u, TODAY),
        "catat kontak": lambda s, u: ContactDialog(s, u, _case(s), TODAY),
        "janji bayar": lambda s, u: PromiseDialog(s, u, _case(s), TODAY),
        "restrukturisasi": lambda s, u: RestructuringWizard(s, u, _case(s), TODAY),
        "pelunasan dengan keringanan": lambda s, u: SettlementDialog(s, u, _case(s), TODAY),
        "kompensasi simpanan": lambda s, u: SetoffDialog(s, u, _case(s), TODAY),
        "hapus buku": lambda s, u: WriteoffDialog(s, u, _case(s), TODAY),
        "akhir bulan": lambda s, u: MonthEndDialog(s, u, TODAY),
        "jurnal umum": lambda s, u: ManualJournalDialog(s, u, TODAY),
        "produk pinjaman": lambda s, u: ProductDialog(s, u),
        "pengguna": lambda s, u: UserDialog(s, u),
        "impor": lambda s, u: ImportDialog(s, u),
        "buka berjangka": lambda s, u: OpenBerjangkaDialog(
            s, u, s.members.get(_deposit(s, due=False).member_id), TODAY
        ),
        "bilyet berjangka": _bilyet,
        "cairkan jatuh tempo": lambda s, u: CloseBerjangkaDialog(
            s, u, _deposit(s, due=True), False, TODAY
        ),
        "cairkan sebelum jatuh tempo": lambda s, u: CloseBerjangkaDialog(
            s, u, _deposit(s, due=False), True, TODAY
        ),
        "hubungkan ke server": lambda s, u: ServerDialog(),
    }


DIALOGS = [
    "anggota baru", "ubah anggota", "status anggota", "setoran", "penarikan", "pinjaman baru",
    "keputusan pinjaman", "pembayaran", "pelunasan", "keringanan denda", "titipan", "simulasi",
    "buka kasus", "catat kontak", "janji bayar", "restrukturisasi",
    "pelunasan dengan keringanan", "kompensasi simpanan", "hapus buku", "akhir bulan",
    "jurnal umum", "produk pinjaman", "pengguna", "impor", "buka berjangka",
    "bilyet berjangka", "cairkan jatuh tempo", "cairkan sebelum jatuh tempo",
    "hubungkan ke server",
]  # fmt: skip


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_fits(qtbot: QtBot, demo: Services, name: str) -> None:
    """Each dialog as it opens (its own size hint), and every page of a wizard."""
    try:
        dialog = _dialogs()[name](demo, _user(demo))
    except AppError as exc:  # the demo's data does not allow it (a permission, a state)
        pytest.skip(f"{name}: {exc}")
    qtbot.addWidget(dialog)
    dialog.show()
    found = problems(dialog, name)
    if isinstance(dialog, QWizard):
        for _ in range(8):
            before = dialog.currentId()
            dialog.next()
            settle()
            if dialog.currentId() == before:
                break
            found += problems(dialog, f"{name}/{dialog.currentId()}")
    dialog.done(QDialog.DialogCode.Rejected)
    for timer in dialog.findChildren(QTimer):  # nothing runs after the demo file is closed
        timer.stop()
    assert not found, "\n".join(found)


def _setoff(s: Services) -> Decision:
    done = [
        d
        for d in s.decisions.all(DecisionKind.KOMPENSASI_SIMPANAN)
        if d.status == DecisionStatus.DILAKSANAKAN and d.case_id is not None
    ]
    assert done, "the demo has set-offs carried out"
    return done[0]


def test_panels_with_new_data_fit(
    qtbot: QtBot, demo: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beranda with the PPh 4(2) reminder for two months (large amounts); a member with
    simpanan berjangka on the member panel; a set-off carried out on its case (Batalkan
    Kompensasi…) and the question its button asks."""
    from ui.main_window import CASES, HOME, MainWindow

    window = MainWindow(demo, _user(demo))
    qtbot.addWidget(window)
    window.resize(WINDOW)
    window.show()
    asked: list[str] = []

    def ask(parent: QWidget, title: str, label: str, *_: object, **__: object) -> tuple[str, bool]:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.show()
        asked.extend(problems(dialog, f"pertanyaan {title}"))
        asked.append("asked")
        dialog.done(0)
        return "", False

    try:
        months = [PphDue(f"2026-{m:02d}", 1_234_567_890 * m, date(2026, m + 1, 15)) for m in (8, 9)]
        monkeypatch.setattr(demo.pph_reports, "due", lambda today=None: months)
        window.show_section(HOME)
        home = window.current_view()
        home.pph_notice.refresh()  # type: ignore[attr-defined]
        assert home.pph_notice.isVisible()  # type: ignore[attr-defined]
        found = problems(window, "beranda dengan pengingat PPh 4(2)")
        window.open_member(_deposit(demo, due=False).member_id)
        panel = window.members_view.berjangka_widget
        assert panel is not None and panel.table.isVisible()
        found += problems(window, "anggota dengan simpanan berjangka")
        decision = _setoff(demo)
        window.show_section(CASES)
        assert window.cases_view.show_case(decision.case_id or 0, decision.id)
        settle()
        decisions = window.cases_view.detail.decisions
        assert decisions.undo_setoff_button.isVisible()
        found += problems(window, "kasus dengan kompensasi dilaksanakan")
        monkeypatch.setattr(QInputDialog, "getText", ask)
        decisions.undo_setoff_button.click()
    finally:
        window.close_for_logout()
    assert "asked" in asked
    found += [a for a in asked if a != "asked"]
    assert not found, "\n".join(found)
