"""Cetak on every Laporan report: the PDF on the letterhead with its parameters, its figures
read back (pypdf) against the service's own figures; a look at each page as PNG."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from app.demo.generate import generate_demo
from app.exports.xlsx_table import Rupiah
from app.money import format_number
from app.services import Services
from ui.export import table_of

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
TODAY = date(2026, 11, 20)
SHOTS = Path(__file__).resolve().parents[2] / "build" / "report_pdfs"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    path = tmp_path_factory.mktemp("reports") / "demo.db"
    generate_demo(path, members=60, seed=1, today=TODAY)
    services = Services.open(path)
    yield services
    services.close()


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages)


def _look(pdf: bytes, name: str) -> None:
    """Every page as a PNG (pdftoppm -r 60) under build/report_pdfs for a human look."""
    if shutil.which("pdftoppm") is None:
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(SHOTS / f"{name}.pdf"), str(SHOTS / name)],
        check=True,
    )


@pytest.fixture
def reports(qtbot: QtBot, demo: Services):  # type: ignore[no-untyped-def]
    from ui.views.collection_reports_view import CollectionReportsView
    from ui.views.portfolio_view import PortfolioView

    manajer = next(u for u in demo.users.all() if u.username == "manajer")
    portfolio = PortfolioView(demo, manajer)
    portfolio.today = lambda: TODAY
    portfolio.date_edit.set_value(TODAY)
    view = CollectionReportsView(demo, manajer, portfolio=portfolio)
    view.today = lambda: TODAY
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    return view


def _figures_of(view) -> list[str]:  # type: ignore[no-untyped-def]
    """Every rupiah and count the table shows, as printed."""
    table = table_of(view, "")
    out = []
    for row in table.rows:
        for value in row:
            if isinstance(value, Rupiah) and value.amount >= 0:
                out.append(format_number(value.amount))
    return out


def test_portfolio_prints_with_its_figures(reports, demo: Services) -> None:  # type: ignore[no-untyped-def]
    portfolio = reports.portfolio
    portfolio.refresh()
    dialog = portfolio.print_report()
    assert dialog is not None
    text = _text(dialog.pdf)
    _look(dialog.pdf, "portofolio")
    s = demo.loans.portfolio.summary(TODAY)
    assert "PORTOFOLIO PINJAMAN" in text and "20 November 2026" in text
    assert s.policy_name in text
    assert format_number(s.total_outstanding) in text
    for code, amount in s.outstanding_by_class.items():
        assert format_number(amount) in text, code
    for bucket, amount in s.ageing.items():
        assert format_number(amount) in text, bucket
    pages = len(PdfReader(BytesIO(dialog.pdf)).pages)
    assert pages == 1 or re.search(rf"Halaman 1 dari {pages}", text)
    dialog.close()


@pytest.mark.parametrize("name", ["performance", "restructured", "offbook", "causes"])
def test_each_report_tab_prints_what_it_shows(reports, demo: Services, name: str) -> None:  # type: ignore[no-untyped-def]
    tab = getattr(reports, name)
    reports.setCurrentWidget(tab)
    reports.refresh_current()
    dialog = reports.print_tab(tab)
    assert dialog is not None
    text = _text(dialog.pdf)
    _look(dialog.pdf, name)
    title = reports.tabText(reports.indexOf(tab)).upper()
    assert title in text
    assert demo.loans.quality.policy().name in text
    for figure in _figures_of(tab.table):
        assert figure in text
    if name == "causes":
        for row in demo.collection_reports.by_cause(TODAY):
            assert format_number(row.outstanding) in text
    if name == "performance":
        report = demo.collection_reports.performance(date(TODAY.year, 1, 1), TODAY, TODAY)
        assert format_number(report.total("recovered")) in text
    dialog.close()


def test_restructured_amounts_sort_and_export_by_value(reports) -> None:  # type: ignore[no-untyped-def]
    from ui.models.collection_reports_model import RestrColumn

    tab = reports.restructured
    reports.setCurrentWidget(tab)
    reports.refresh_current()
    model = tab.model
    for row in model.rows():
        for column in model.money_columns:
            value = model.export_value(row, column)
            assert isinstance(value, Rupiah)
            assert model.display(row, column) == f"Rp{format_number(value.amount)}"
    assert (
        isinstance(model.sort_value(model.rows()[0], RestrColumn.NEW), int)
        if model.rows()
        else True
    )


def test_member_list_prints_as_shown(qtbot: QtBot, demo: Services) -> None:
    from ui.views.members_view import MembersView

    manajer = next(u for u in demo.users.all() if u.username == "manajer")
    view = MembersView(demo, manajer)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    view.run_search()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    dialog = view.print_list()
    assert dialog is not None
    text = _text(dialog.pdf)
    _look(dialog.pdf, "anggota")
    assert "DAFTAR ANGGOTA" in text and "Status:" in text
    model = view.table.model()
    for row in range(model.rowCount()):
        assert str(model.index(row, 0).data()) in text  # every member number shown
    for figure in _figures_of(view.table):
        assert figure in text
    dialog.close()
