"""Laporan → Grafik on demo data: the trend equals the month-end snapshots, each chart has
its series, the charts print on the letterhead; a grab at 1366×768 for a human look."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from app.demo.generate import generate_demo
from app.loans.quality import class_label
from app.loans.trend import check_point, latest_runs, month_end_trend
from app.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
TODAY = date(2026, 11, 20)
SHOTS = Path(__file__).resolve().parents[2] / "build" / "report_pdfs"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    path = tmp_path_factory.mktemp("charts") / "demo.db"
    generate_demo(path, members=60, seed=1, today=TODAY)
    services = Services.open(path)
    yield services
    services.close()


def test_trend_is_the_snapshots(demo: Services) -> None:
    quality = demo.loans.quality
    points = month_end_trend(quality, 24)
    runs = latest_runs(quality.runs(), 24)
    assert len(points) == len(runs) > 0
    assert [p.as_of for p in points] == sorted({r.as_of for r in quality.runs()})[-24:]
    for point, run in zip(points, runs, strict=True):
        loans = quality.snapshot(run.id)
        for code, amount in point.outstanding_by_class.items():
            assert amount == sum(x.outstanding for x in loans if x.quality == code)
        assert point.npl_ratio == run.npl_ratio and check_point(point)
    assert len(month_end_trend(quality, 3)) == min(3, len(runs))
    assert month_end_trend(quality, 0) == []


@pytest.fixture
def reports(qtbot: QtBot, demo: Services):  # type: ignore[no-untyped-def]
    from ui.views.collection_reports_view import CollectionReportsView
    from ui.views.portfolio_view import PortfolioView

    manajer = next(u for u in demo.users.all() if u.username == "manajer")
    view = CollectionReportsView(demo, manajer, portfolio=PortfolioView(demo, manajer))
    view.charts.today = lambda: TODAY
    qtbot.addWidget(view)
    view.resize(1366 - 200, 768 - 60)  # the window less its sidebar and status bar
    view.show()
    return view


def test_charts_show_the_figures_and_print(reports, demo: Services) -> None:  # type: ignore[no-untyped-def]
    reports.setCurrentWidget(reports.charts)
    charts = reports.charts
    charts.refresh()
    points = month_end_trend(demo.loans.quality, 24)
    drawn = dict(charts.trend.series_values())
    for code in ("L", "KL", "M"):
        assert drawn[class_label(code)] == [
            p.outstanding_by_class[code] / 1_000_000 for p in points
        ]
    assert drawn["NPL (%)"] == pytest.approx([float(p.npl_ratio) for p in points])
    summary = demo.loans.portfolio.summary(TODAY)
    assert charts.ageing.series_values()[0][1] == [
        round(v / 1_000_000) for v in summary.ageing.values()
    ]
    causes = [r for r in demo.collection_reports.by_cause(TODAY) if r.code]
    assert charts.causes.series_values()[0][1] == [r.cases for r in causes]
    for chart in (charts.promises, charts.collected):
        assert chart.series_values() and chart.series_values()[0][1]
    SHOTS.mkdir(parents=True, exist_ok=True)
    reports.grab().save(str(SHOTS / "laporan_grafik.png"))
    dialog = charts.print_charts()
    assert dialog is not None
    (SHOTS / "grafik.pdf").write_bytes(dialog.pdf)
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(dialog.pdf)).pages)
    assert "Rasio NPL" in text and "Umur tunggakan" in text and "Janji bayar" in text
    assert demo.loans.quality.policy().name.split()[0] in text
    dialog.close()


def test_home_shows_the_npl_trend(qtbot: QtBot, demo: Services) -> None:
    from ui.main_window import MainWindow

    manajer = next(u for u in demo.users.all() if u.username == "manajer")
    window = MainWindow(demo, manajer)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_section(0)
    card = window.home_view.npl_card
    card.refresh()
    points = month_end_trend(demo.loans.quality, 12)
    assert card.chart.series_values() == [
        ("NPL (%)", pytest.approx([float(p.npl_ratio) for p in points]))
    ]
    assert card.value.text() == f"{points[-1].npl_ratio:.2f}".replace(".", ",") + "%"
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "beranda.png"))
    window.show_section(window.section_names().index("Laporan"))
    reports = window.current_view()
    reports.setCurrentWidget(reports.charts)
    qtbot.wait(50)
    window.grab().save(str(SHOTS / "laporan_grafik_window.png"))
    window.close()
