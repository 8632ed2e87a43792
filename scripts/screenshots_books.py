"""Screenshots of Pembukuan (issue 12): Jurnal, Buku Besar, Neraca Saldo, Kas Harian,
Rekonsiliasi Bank, Laporan Keuangan, Jurnal Umum, and Pengaturan → Akun.

Run alone:
    python scripts/screenshots_books.py OUT_DIR [DEMO.db]
Without DEMO.db a small demo cooperative is made in a scratch folder. The copy used gets a
year of sample journals (opening balances, deposits, running costs) when it has none, so the
pictures show figures; the original file is never changed."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QWidget

from app.ledger.manual import ManualJournals
from app.ledger.models import Line
from app.services import Services
from app.users.models import User

# The window's size: 1366×768 unless screenshots.py --size says otherwise.
SIZE = tuple(int(n) for n in os.environ.get("MUFAKAT_SHOT_SIZE", "1366x768").split("x"))


def _grab(widget: QWidget, path: Path) -> Path:
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()
    widget.repaint()
    widget.grab().save(str(path))
    return path


def sample_books(services: Services, user: User, year: int) -> None:
    """A year of plain journals for a file whose books are still empty."""
    if services.ledger.trial_balance(date(year, 12, 31)):
        return
    policy = services.ledger.policy
    services.ledger.policy = type(policy)(approval_above=10**12)
    post = ManualJournals(services.ledger).submit
    post(
        user,
        date(year, 1, 2),
        "Saldo awal kas",
        [Line("1101", 8_500_000), Line("3105", 0, 8_500_000)],
    )
    post(
        user,
        date(year, 1, 2),
        "Saldo awal bank",
        [Line("1103.01", 25_000_000), Line("3106", 0, 25_000_000)],
    )
    post(
        user,
        date(year, 1, 3),
        "Setoran simpanan pokok anggota",
        [Line("1101", 4_000_000), Line("3101", 0, 4_000_000)],
    )
    for month in range(1, 12):
        day = date(year, month, 25)
        post(
            user,
            day,
            f"Simpanan wajib bulan {month}",
            [Line("1101", 1_000_000), Line("3102", 0, 1_000_000)],
        )
        post(
            user,
            day,
            f"Gaji karyawan bulan {month}",
            [Line("5201", 1_500_000), Line("1101", 0, 1_500_000)],
        )
        post(
            user,
            day,
            f"Listrik dan air bulan {month}",
            [Line("5204", 215_000), Line("1101", 0, 215_000)],
        )
        post(
            user,
            day,
            f"Jasa giro bulan {month}",
            [Line("1103.01", 42_000), Line("4201", 0, 42_000)],
        )
        post(
            user,
            day,
            f"Pinjaman anggota bulan {month}",
            [Line("1105", 1_500_000), Line("1103.01", 0, 1_500_000)],
        )
        post(
            user,
            day,
            f"Angsuran anggota bulan {month}",
            [Line("1101", 1_500_000), Line("1105", 0, 1_200_000), Line("4101", 0, 300_000)],
        )
    post(
        user,
        date(year, 2, 10),
        "Beli komputer kantor",
        [Line("1304", 6_200_000), Line("1103.01", 0, 6_200_000)],
    )
    post(user, date(year, 3, 31), "ATK", [Line("5203", 380_000), Line("1101", 0, 380_000)])
    services.ledger.policy = policy
    other = next(u for u in services.users.all() if u.id != user.id)
    rent = [Line("5401", 6_000_000), Line("1103.01", 0, 6_000_000)]
    post(other, date(year, 11, 28), "Sewa kantor setahun (2027)", rent)  # waits for approval


def books_screenshots(services: Services, user: User, out_dir: Path, today: date) -> list[Path]:
    from ui.main_window import BOOKS, SETTINGS, MainWindow

    written: list[Path] = []
    window = MainWindow(services, user)
    window.resize(*SIZE)
    window.show()
    window.show_section(BOOKS)
    books = window.books_view
    books.today = lambda: today
    books.j_from.set_value(date(today.year, 11, 1))
    books.j_to.set_value(today)
    books.setCurrentWidget(books.journal_tab)
    books.refresh_journal()
    written.append(_grab(window, out_dir / "pembukuan-jurnal.png"))
    books.setCurrentWidget(books.ledger_tab)
    books.l_account.setCurrentIndex(books.l_account.findData("1101"))
    books.refresh_ledger()
    written.append(_grab(window, out_dir / "pembukuan-buku-besar.png"))
    books.setCurrentWidget(books.trial_tab)
    written.append(_grab(window, out_dir / "pembukuan-neraca-saldo.png"))
    books.cash_tab.on.set_value(date(today.year, 11, 25))
    books.setCurrentWidget(books.cash_tab)
    books.cash_tab.counted.setText("17.000.000")
    written.append(_grab(window, out_dir / "pembukuan-kas-harian.png"))
    books.bank_tab.on.set_value(today)
    books.bank_tab.balance.setText("2.700.000")
    books.setCurrentWidget(books.bank_tab)
    written.append(_grab(window, out_dir / "pembukuan-rekonsiliasi-bank.png"))
    books.statements_tab.today = today
    books.setCurrentWidget(books.statements_tab)
    written.append(_grab(window, out_dir / "pembukuan-laporan-keuangan.png"))
    books.setCurrentWidget(books.manual_tab)
    manual = books.manual_tab

    def fill(dialog: object) -> None:
        from ui.dialogs.manual_journal_dialog import ManualJournalDialog

        assert isinstance(dialog, ManualJournalDialog)
        dialog.description.setText("Sewa kantor setahun")
        dialog.set_line(0, "5401", debit=6_000_000)
        dialog.set_line(1, "1103.01", credit=5_000_000)
        dialog.submit()  # refused: not balanced
        dialog.resize(760, 460)
        written.append(_grab(dialog, out_dir / "pembukuan-jurnal-umum-belum-seimbang.png"))

    manual.show_dialog = fill
    manual.new_journal(today)
    written.append(_grab(window, out_dir / "pembukuan-jurnal-umum.png"))
    window.show_section(SETTINGS)
    window.settings_view.show_tab(window.settings_view.accounts_tab)
    window.settings_view.accounts_tab.select("1103.01")
    written.append(_grab(window, out_dir / "pengaturan-akun.png"))
    window.close_for_logout()
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    today = date(2026, 11, 30)
    with tempfile.TemporaryDirectory(prefix="mufakat-books-") as scratch:
        os.environ["MUFAKAT_HOME"] = str(Path(scratch) / "home")
        copy = Path(scratch) / "demo.db"
        if len(argv) > 1:
            shutil.copyfile(argv[1], copy)
        else:
            from app.demo.generate import generate_demo

            generate_demo(copy, members=40, seed=1, today=today)
        services = Services.open(copy)
        try:
            from app.users.models import Role

            user = next(u for u in services.users.all() if u.role == Role.KETUA)
            sample_books(services, user, today.year)
            for path in books_screenshots(services, user, out, today):
                print(path)
        finally:
            services.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
