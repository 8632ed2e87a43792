"""Shipped translations: no unfinished or missing entry, placeholders kept, .qm up to date."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtCore
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.main import load_translations, resources_dir

ROOT = Path(__file__).resolve().parents[2]
I18N = resources_dir() / "i18n"
TS_FILES = sorted(I18N.glob("*.ts"))
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}")

Entry = tuple[str, str, str | None, str | None]  # context, source, translation, type


def _entries(ts: Path) -> list[Entry]:
    root = ET.parse(ts).getroot()
    found: list[Entry] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            found.append(
                (
                    name,
                    message.findtext("source") or "",
                    None if translation is None else translation.text,
                    None if translation is None else translation.get("type"),
                )
            )
    return found


def _lupdate() -> str | None:
    import PySide6

    for folder in PySide6.__path__:
        candidate = Path(folder) / "lupdate"
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lupdate")


def test_at_least_one_translation_is_shipped() -> None:
    assert TS_FILES, "resources/i18n must hold at least one .ts file"
    for ts in TS_FILES:
        assert ts.with_suffix(".qm").exists(), f"{ts.name} has no compiled .qm beside it"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_entry_is_finished_and_keeps_its_placeholders(ts: Path) -> None:
    root = ET.parse(ts).getroot()
    assert root.get("sourcelanguage", "").startswith("id"), "source language is Indonesian"
    problems = []
    for context, source, translation, kind in _entries(ts):
        where = f"{context}: {source[:60]!r}"
        if kind in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{where} is {kind}")
        elif not (translation or "").strip():
            problems.append(f"{where} has no translation")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation or "")):
            problems.append(f"{where} changes the {{placeholders}}")
    assert problems == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_compiled_qm_matches_the_ts(qtbot: QtBot, ts: Path) -> None:
    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    stale = [
        source
        for context, source, translation, _kind in _entries(ts)
        if translator.translate(context, source) != translation
    ]
    assert stale == [], "run lrelease again (see resources/i18n/README.md)"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_no_string_of_the_listed_sources_is_missing(ts: Path, tmp_path: Path) -> None:
    """Every tr() string in the files listed in sources.txt has an entry in the .ts."""
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("lupdate is not installed with PySide6 here")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, f"@{I18N / 'sources.txt'}", "-locations", "none", "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    shipped = {(c, s) for c, s, _t, _k in _entries(ts)}
    missing = sorted(
        f"{c}: {s[:60]!r}" for c, s, _t, _k in _entries(fresh) if (c, s) not in shipped
    )
    assert missing == [], "run lupdate, then translate the new entries"
    assert len(_entries(fresh)) > 100


ENGLISH_CHECK = """
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from ui.main import load_translations
from ui.start.start_screen import StartScreen

app = QApplication([])
installed = load_translations(app, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
print(len(installed))
screen = StartScreen()
print(screen.new_button.accessibleName())
print(QCoreApplication.translate("MainWindow", "Beranda"))
"""


def test_english_is_used_on_an_english_system() -> None:
    # In a fresh process: installing a translator sends every live widget a LanguageChange,
    # and widgets left over by other tests must not take part in this one.
    result = subprocess.run(
        [sys.executable, "-c", ENGLISH_CHECK],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded, start_button, home = result.stdout.splitlines()[-3:]
    assert int(loaded) >= 1, "mufakat_en.qm should load for English"
    assert start_button == "Create a New Cooperative"
    assert home == "Home"


def test_nothing_is_loaded_on_an_indonesian_system(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert (
        load_translations(app, QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        == []
    )
    assert QtCore.QCoreApplication.translate("MainWindow", "Beranda") == "Beranda"
