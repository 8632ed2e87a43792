"""The import dialog: file choice → dry-run report → import → done; a file with problems
cannot be imported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.services import Services
from tests.app.imports.helpers import MEMBER_HEADERS, member_rows, xlsx
from tests.conftest import make_user
from ui.dialogs.import_dialog import ImportDialog

CUT = date(2025, 12, 31)


def test_file_choice_to_done(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: object
) -> None:
    path = xlsx(tmp_path / "anggota.xlsx", MEMBER_HEADERS, member_rows(3))
    dialog = ImportDialog(services, make_user(services))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    dialog.ask_file()
    assert dialog.file.text() == str(path)
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "Anggota baru: 3" in dialog.text.toPlainText()
    assert services.members.count() == 0
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result is not None
    assert "SELESAI" in dialog.text.toPlainText()
    assert services.members.count() == 3
    assert not dialog.import_button.isEnabled()


def test_problems_block_the_import(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    rows = member_rows(2)
    rows[1][2] = 3576011201851234
    dialog = ImportDialog(services, make_user(services))
    qtbot.addWidget(dialog)
    dialog.choose_file(xlsx(tmp_path / "a.xlsx", MEMBER_HEADERS, rows))
    dialog.check()
    assert "baris 3, kolom NIK" in dialog.text.toPlainText()
    assert not dialog.import_button.isEnabled()


def test_template_button_writes_the_template(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: object
) -> None:
    target = tmp_path / "contoh.xlsx"
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog = ImportDialog(services, make_user(services))
    qtbot.addWidget(dialog)
    dialog.save_template()
    assert target.exists()


def test_opening_kind_template_and_report(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: object
) -> None:
    """The opening kind is offered; its template lists the file's chart (a sub-account added
    in the file too); the dry run reports 3999 after the opening journal."""
    from datetime import date

    from openpyxl import load_workbook

    services.ledger.accounts.add_sub_account(None, "1103", "02", "Bank Jatim")
    target = tmp_path / "contoh.xlsx"
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog = ImportDialog(services, make_user(services))
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("opening"))
    dialog.save_template()
    assert "1103.02" in [c.value for c in load_workbook(target)["Data"]["A"]]
    rows = [["1101", "Kas", 1_000_000, None], ["3103", "Cadangan umum", None, 1_000_000]]
    dialog.choose_file(xlsx(tmp_path / "o.xlsx", ["Kode Akun", "Nama Akun", "Debet", "Kredit"],
                            rows))  # fmt: skip
    dialog.as_of.set_value(date(2025, 12, 31))
    dialog.check()
    assert "Saldo 3999 setelah jurnal saldo awal: nol" in dialog.text.toPlainText()
    assert dialog.import_button.isEnabled()


def test_batal_during_the_import_leaves_nothing(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: object
) -> None:
    """Batal pressed once the first chunk is written: the import stops at its next progress
    report and nothing of it stays."""
    from ui.dialogs.progress_task import Progress

    reports: list[str] = []
    real = Progress.report

    def report(self: Progress, text: object) -> None:
        reports.append(str(text))
        if len(reports) == 2:
            self.cancelled = True  # what the dialog's Batal button does
        real(self, text)

    dialog = ImportDialog(services, make_user(services))
    qtbot.addWidget(dialog)
    dialog.choose_file(xlsx(tmp_path / "a.xlsx", MEMBER_HEADERS, member_rows(600)))
    dialog.check()
    assert dialog.import_button.isEnabled()
    monkeypatch.setattr(Progress, "report", report)  # type: ignore[attr-defined]
    before = services.members.count()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(reports) == 2 and "500" in reports[1]
    assert "dibatalkan" in dialog.text.toPlainText()
    assert services.members.count() == before
    assert dialog.result is None


def test_batal_during_the_dry_run_stops_it(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: object
) -> None:
    """The dry run of loans reports the rows checked; Batal stops it, no report is kept and
    the import stays disabled; checked again without Batal, the report is there."""
    from tests.app.imports.test_import_cancel_reuse import LOAN_HEADERS, _loan
    from ui.dialogs.progress_task import Progress

    user = make_user(services)
    members = xlsx(tmp_path / "m.xlsx", MEMBER_HEADERS, member_rows(1100))
    services.imports.run(user, "members", members, backup_folder=tmp_path / "b")
    reports: list[str] = []
    real = Progress.report
    stop = [True]

    def report(self: Progress, text: object) -> None:
        reports.append(str(text))
        if stop[0] and "500 dari 1100" in str(text):
            self.cancelled = True  # what the dialog's Batal button does
        real(self, text)

    monkeypatch.setattr(Progress, "report", report)  # type: ignore[attr-defined]
    dialog = ImportDialog(services, user)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("loans"))
    dialog.as_of.set_value(CUT)
    loans = xlsx(tmp_path / "l.xlsx", LOAN_HEADERS, [_loan(n) for n in range(1, 1101)])
    dialog.choose_file(loans)
    dialog.check()
    assert reports[:2] == ["Memeriksa baris 0 dari 1100…", "Memeriksa baris 500 dari 1100…"]
    assert dialog.report is None and not dialog.import_button.isEnabled()
    assert "dibatalkan" in dialog.text.toPlainText()
    stop[0] = False
    reports.clear()
    dialog.check()
    assert reports == [f"Memeriksa baris {n} dari 1100…" for n in (0, 500, 1000, 1100)]
    assert dialog.report is not None and dialog.report.ok
    assert dialog.import_button.isEnabled()
