"""The first window comes quickly: importing ui.main loads neither ReportLab, nor the document
modules, nor the sections of the main window, nor the composition root; each is imported
where it is first used (issue 16). A fresh interpreter, so nothing else has loaded them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_AT_START = ("reportlab", "app.documents", "app.services", "ui.main_window", "ui.views")


def _loaded_by(statement: str) -> list[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    modules: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return modules


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_AT_START)]


def test_import_ui_main_loads_nothing_heavy() -> None:
    assert _heavy(_loaded_by("import ui.main")) == []


@pytest.mark.parametrize("statement", ["import app.services", "import ui.main_window"])
def test_the_check_sees_them(statement: str) -> None:
    """The guard above can fail: the composition root and the main window do load them."""
    assert _heavy(_loaded_by(statement))


LOGIN_PATH = """
import os, tempfile
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["MUFAKAT_HOME"] = tempfile.mkdtemp()
from PySide6.QtWidgets import QApplication
app = QApplication([])
import ui.main
from app.services import Services
from ui.login_dialog import LoginDialog
services = Services.open(Path(tempfile.mkdtemp()) / "koperasi.db", create=True)
dialog = LoginDialog(services)
dialog.show()
app.processEvents()
"""


def test_the_login_window_does_not_load_reportlab() -> None:
    """Opening a file (the composition root) and showing the log-in window load no ReportLab:
    it comes with the first document (issue 16)."""
    modules = _loaded_by(LOGIN_PATH)
    assert "app.services" in modules and "ui.login_dialog" in modules  # the path was taken
    assert [m for m in modules if m == "reportlab" or m.startswith("reportlab.")] == []


def test_the_login_check_sees_reportlab() -> None:
    """The guard above can fail: rendering a document does load it."""
    assert "reportlab" in _loaded_by("import app.documents.render")


def test_the_main_window_with_beranda_loads_no_reportlab_nor_openpyxl() -> None:
    """Beranda's chart and the table models take their data from modules without ReportLab or
    openpyxl: those come with the first document or spreadsheet (issue 16)."""
    modules = _loaded_by("import ui.main_window, ui.views.home_view, ui.models.base")
    assert "ui.widgets.charts" in modules  # Beranda's NPL chart was imported
    late = ("reportlab", "openpyxl")
    assert [m for m in modules if m.split(".")[0] in late] == []


def test_a_spreadsheet_and_a_report_chart_do_load_them() -> None:
    modules = _loaded_by(
        "import app.documents.report_charts\n"
        "import tempfile, pathlib\n"
        "from app.exports.xlsx_table import TableExport, write_table\n"
        "write_table(TableExport('t', ['a'], [['1']]), pathlib.Path(tempfile.mkdtemp()) / 't.xlsx')"
    )
    assert "reportlab" in modules and "openpyxl" in modules


SECTIONS = sorted(
    {
        *(f"ui.views.{p.stem}" for p in (ROOT / "ui" / "views").glob("*_view.py")),
        "ui.views.settings.settings_view",  # the main window opens these (ui/main_window.py)
    }
)
LATE = ("reportlab", "openpyxl")


def _late_after_main_window(module: str) -> list[str]:
    modules = _loaded_by(
        "import os\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        f"import ui.main_window\nimport {module}"
    )
    assert module in modules  # the section was imported
    return [m for m in modules if m.split(".")[0] in LATE]


def test_the_sections_are_all_there() -> None:
    """SECTIONS covers every section view the main window builds."""
    source = (ROOT / "ui" / "main_window.py").read_text(encoding="utf-8")
    imported = {line.split()[1] for line in source.splitlines() if "from ui.views." in line}
    opened = {m for m in imported if m.endswith("_view")}
    assert len(opened) >= 8 and opened <= set(SECTIONS)


@pytest.mark.parametrize("module", SECTIONS)
def test_opening_a_section_loads_no_reportlab_nor_openpyxl(module: str) -> None:
    """A section's first screen is a list: ReportLab comes with its first document and
    openpyxl with its first export, not with the section (issue 16)."""
    assert _late_after_main_window(module) == []


def test_the_section_check_sees_them() -> None:
    """The guard above can fail: a module that renders a document does load ReportLab."""
    assert "reportlab" in _late_after_main_window("app.documents.render")
