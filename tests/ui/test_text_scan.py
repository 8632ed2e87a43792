"""One scan for item 17's rules over everything the user reads: every document kind (the
demo's own records, issued as `mufakat samples` does, text by pypdf) and every main view of
the window with its detail panels on demo data (labels, buttons, tabs, table cells through
their models). No decimal point in a percentage, no unformatted rupiah, no raw HTML tag, no
count above 999 without its thousands dot, no lower-cased abbreviation, no time with a colon.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.formats import MONTHS_ID
from app.services import Services

pytestmark = [pytest.mark.slow, pytest.mark.qt_log_ignore("This plugin does not support")]
TODAY = date(2026, 11, 26)
MEMBERS = 300  # as `mufakat samples`: enough for every story of the demo

RULES = {
    "decimal point in a percentage": re.compile(r"\d+\.\d+\s?%"),
    "rupiah without thousands dots": re.compile(r"Rp\s?\d{4,}"),
    "raw HTML tag": re.compile(r"</?[a-zA-Z]+\s*/?>"),
    "count above 999 without its dot": re.compile(
        r"(?<![\d./-])\d{4,}\s+(hari|bulan|anggota|kasus|pinjaman|surat|dokumen|angsuran)\b"
    ),
    "abbreviation in lower case": re.compile(r"\b(phk|bpkb|shm|npl|whatsapp)\b"),
    "time with a colon": re.compile(r"\bpukul \d{1,2}:\d{2}\b"),
    "class code instead of its name": re.compile(r"(?<![\w/])(DPK|KL|D|M|L) · \d"),
    "nested parentheses": re.compile(r"\([^()]*\([^()]*\)[^()]*\)"),
}


# The allow-list: a year after a month or "tahun" ("27 September 2026 pinjaman tersebut").
_YEAR_BEFORE = re.compile(r"(?:" + "|".join(MONTHS_ID) + r"|tahun|Tahun)\s+$")


def _allowed(rule: str, text: str, start: int) -> bool:
    return rule.startswith("count") and bool(_YEAR_BEFORE.search(text[max(0, start - 12) : start]))


def problems(where: str, text: str, *, rich: bool = False) -> list[str]:
    """The rules `text` breaks; rich text is checked as the user sees it (tags rendered)."""
    if rich:
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    found = []
    for rule, pattern in RULES.items():
        if rich and rule == "raw HTML tag":
            continue
        for match in pattern.finditer(text):
            if _allowed(rule, text, match.start()):
                continue
            around = text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")
            found.append(f"{where}: {rule}: …{around}…")
    return found


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    from app.demo.generate import generate_demo

    path = tmp_path_factory.mktemp("scan") / "contoh.db"
    generate_demo(path, members=MEMBERS, seed=1, today=TODAY)
    services = Services.open(path)
    yield services
    services.close()


def test_every_document_kind_follows_the_format_rules(demo: Services, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from app.documents.samples import FILES, _Sample, _write_all
    from app.documents.sources.basics import documents

    actor = next(u for u in demo.users.all() if u.username == "manajer")
    sample = _Sample(demo, documents(demo), actor, TODAY, tmp_path, [])
    _write_all(sample, lambda _text: None)
    assert sorted(p.name for p in sample.paths) == sorted(FILES)
    found: list[str] = []
    for path in sample.paths:
        pages = PdfReader(path).pages
        text = " ".join(" ".join(page.extract_text().split()) for page in pages)
        found += problems(path.stem, text)
    assert not found, "\n".join(found)


# -- the window -----------------------------------------------------------------------------


def _label_is_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text())
    )


def widget_texts(root: QWidget, rows: int = 150) -> Iterator[tuple[str, str, bool]]:
    """(where, text, shown as rich text) for every text a user can read under `root`."""
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, QLabel):
            yield name, widget.text(), _label_is_rich(widget)
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text(), False
        elif isinstance(widget, QGroupBox):
            yield name, widget.title(), False
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield name, widget.tabText(i), False
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield name, widget.itemText(i), False
        if isinstance(widget, QAbstractButton | QLabel) and widget.toolTip():
            yield name + " (tooltip)", widget.toolTip(), QtGui.Qt.mightBeRichText(widget.toolTip())
        if isinstance(widget, QHeaderView):
            continue  # a header shows its table's model: read through the table
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column
                columns = 1
            for column in range(columns):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                yield name + " header", str(header or ""), False
            for row in range(min(rows, model.rowCount(QModelIndex()))):
                for column in range(columns):
                    value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                    if value is not None:
                        yield f"{name} [{row},{column}]", str(value), False


def scan(root: QWidget, where: str) -> list[str]:
    found: list[str] = []
    for name, text, rich in widget_texts(root):
        found += problems(f"{where} {name}", text, rich=rich)
    return found


CASE_DIALOGS = (
    "pay_button",
    "restructure_button",
    "settlement_button",
    "setoff_button",
    "writeoff_button",
    "contact_button",
)


def test_every_view_follows_the_format_rules(
    qtbot: QtBot, demo: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []

    def answer(_parent: object, title: str, text: str, *_a: object, **_k: object) -> bool:
        said.append(f"{title}: {text}")
        return False  # never go on: the scan only reads

    for name in ("inform", "warn", "confirm"):
        monkeypatch.setattr(f"ui.widgets.messages.{name}", answer)
    from ui.main_window import MainWindow

    manajer = next(u for u in demo.users.all() if u.username == "manajer")
    window = MainWindow(demo, manajer)
    qtbot.addWidget(window)
    window.show()
    found: list[str] = []
    for index, name in enumerate(window.section_names()):
        window.show_section(index)
        view = window.current_view()
        qtbot.wait(10)
        if isinstance(view, QTabWidget):
            for tab in range(view.count()):
                view.setCurrentIndex(tab)
                found += scan(view, f"{name}/{view.tabText(tab)}")
        else:
            found += scan(view, name)
    # The detail panels of loans, cases and members, for a spread of the demo's records.
    loans = window.views[2]
    window.show_section(2)
    for row in range(0, min(loans.model.rowCount(), 120), 6):
        loans.show_loan(loans.model.row_at(row).loan_id)
        found += scan(loans.detail, f"Pinjaman {row}")
    cases = window.cases_view
    window.show_section(3)
    for row in range(0, min(cases.model.rowCount(), 120), 4):
        cases.show_selected(cases.model.row_at(row).case.id)
        found += scan(cases.detail, f"Kasus {row}")
        if row % 12 == 0:  # and the dialogs its buttons open
            for button_name in CASE_DIALOGS:
                button = getattr(cases.detail, button_name)
                if button.isEnabled() and button.isVisible():
                    button.click()
                    dialog = cases.dialog
                    if dialog is not None:
                        found += scan(dialog, f"Kasus {row} {type(dialog).__name__}")
                        dialog.reject()
    members = window.members_view
    window.show_section(1)
    for row in range(0, min(members.model.rowCount(), 60), 6):
        members.table.selectRow(row)
        found += scan(members.detail, f"Anggota {row}")
    found += [f"pesan: {rule}" for text in said for rule in problems("pesan", text)]
    assert not found, "\n".join(sorted(set(found)))
