"""Screenshots of the Pinjaman view and its dialogs (called by scripts/screenshots.py).

Run alone on a demo file:  python scripts/screenshots_loans.py DEMO.db OUT_DIR
(a copy of DEMO.db is used; the original is never changed). When the demo file holds no loans
yet, a dozen are recorded through the services first (current, late, Kurang Lancar, Diragukan,
Macet, paid off, waiting for a decision) so every screen has something to show.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.errors import AppError
from app.formats import add_months
from app.loans.models import LoanApplication, LoanFilter, LoanStatus
from app.members.models import MemberStatus
from app.services import Services
from app.users.models import Role, User
from ui.dialogs.loan_wizard import PREVIEW_PAGE, LoanWizard
from ui.dialogs.payment_dialog import PaymentDialog
from ui.dialogs.simulation_dialog import SimulationDialog
from ui.views.loans_view import LoansView
from ui.views.portfolio_view import PortfolioView

# The window's size: 1366×768 unless screenshots.py --size says otherwise.
SIZE = tuple(int(n) for n in os.environ.get("MUFAKAT_SHOT_SIZE", "1366x768").split("x"))

# (months since disbursement, instalments paid, term, amount) of the loans seeded when none exist
_SEED = [
    (6, 6, 12, 5_000_000),  # Lancar, paid up
    (5, 4, 10, 3_000_000),  # a little late
    (4, 2, 12, 8_000_000),  # two instalments late
    (10, 5, 18, 12_000_000),  # Kurang Lancar
    (14, 5, 24, 20_000_000),  # Diragukan
    (20, 3, 24, 15_000_000),  # Macet
    (9, 9, 9, 2_000_000),  # paid off
    (3, 3, 12, 6_000_000),
    (7, 7, 24, 25_000_000),
    (2, 2, 6, 1_500_000),
]


def _settle(widget: QWidget) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()
    widget.repaint()


def _grab(widget: QWidget, path: Path) -> Path:
    _settle(widget)
    widget.grab().save(str(path))
    return path


def seed_loans(services: Services, user: User, today: date) -> int:
    """Record a few loans with payment histories through the services; returns how many."""
    loans = services.loans
    members = services.members.search("", MemberStatus.AKTIF, limit=40, offset=0)
    products = loans.products.all()
    made = 0
    # Nobody approves an application they record: another Pengurus decides.
    approver = next(
        (u for u in services.users.all() if u.role.is_pengurus and u.id != user.id), user
    )
    for n, (age, paid, months, amount) in enumerate(_SEED):
        member = members[(n * 3) % len(members)]
        product = products[n % len(products)]
        amount = min(max(amount, product.min_amount), product.max_amount)
        months = min(max(months, product.min_months), product.max_months)
        start = add_months(today, -age)
        draft = LoanApplication(
            member_id=member.id, product_id=product.id, amount=amount, months=months,
            first_due=add_months(start, 1), application_date=start - timedelta(days=3),
            purpose="tambahan modal usaha",
        )  # fmt: skip
        try:
            loan = loans.apply(user, draft, start)
            loan = loans.approve(approver, loan.id, "disetujui rapat pengurus", start)
            loan = loans.disburse(user, loan.id, start, start)
            schedule = loans.schedule(loan.id, start)
            for line in schedule[:paid]:
                if line.due_date > today:
                    break
                on = min(line.due_date, today)
                loans.payments.record_payment(user, loan.id, line.total, on, "tunai", today=on)
        except AppError as exc:
            print(f"pinjaman contoh {n + 1} dilewati: {exc.message}")
            continue
        made += 1
    # Two applications: one waiting for a decision, one approved but not yet paid out.
    for n, approve in ((0, False), (1, True)):
        member = members[20 + n]
        product = products[0]
        draft = LoanApplication(
            member_id=member.id, product_id=product.id, amount=max(4_000_000, product.min_amount),
            months=max(12, product.min_months), first_due=add_months(today, 1),
            application_date=today, purpose="renovasi rumah",
        )  # fmt: skip
        loan = loans.apply(user, draft, today)
        if approve:
            loans.approve(approver, loan.id, "", today)
        made += 1
    return made


def loans_screenshots(services: Services, user: User, out_dir: Path) -> list[Path]:
    """pinjaman.png (list + detail), pinjaman-wizard-jadwal.png, pinjaman-pembayaran.png,
    pinjaman-simulasi.png and laporan-portofolio.png, at 1366×768 where a window is shown."""
    out_dir.mkdir(parents=True, exist_ok=True)
    today = date.today()
    if services.loans.count_rows(today, LoanFilter(statuses=tuple(LoanStatus))) == 0:
        seed_loans(services, user, today)
    written: list[Path] = []
    view = LoansView(services, user)
    view.resize(*SIZE)
    view.show()
    _select_interesting(view)
    written.append(_grab(view, out_dir / "pinjaman.png"))
    view.detail.tabs.setCurrentIndex(1)
    written.append(_grab(view, out_dir / "pinjaman-jadwal.png"))
    view.detail.tabs.setCurrentIndex(2)
    written.append(_grab(view, out_dir / "pinjaman-pembayaran-riwayat.png"))
    view.detail.tabs.setCurrentIndex(0)

    loan = view.detail.detail.loan if view.detail.detail else None
    if loan is not None and loan.status == LoanStatus.AKTIF:
        dialog = PaymentDialog(services, user, loan, today, view)
        dialog.show()
        dialog.fill_due()
        written.append(_grab(dialog, out_dir / "pinjaman-pembayaran.png"))
        dialog.done(QDialog.DialogCode.Rejected)

    wizard = LoanWizard(services, user, today, None, view)
    wizard.show()
    _settle(wizard)
    wizard.member_page.search_edit.setText("")
    wizard.member_page.run_search()
    wizard.member_page.table.selectRow(0)
    wizard.next()
    wizard.next()
    wizard.amount_page.amount_edit.set_value(10_000_000)
    wizard.amount_page.purpose_edit.setText("tambahan modal warung")
    wizard.next()
    if wizard.currentId() == PREVIEW_PAGE:
        written.append(_grab(wizard, out_dir / "pinjaman-wizard-jadwal.png"))
    wizard.done(QDialog.DialogCode.Rejected)

    simulation = SimulationDialog(services, today, view)
    simulation.show()
    written.append(_grab(simulation, out_dir / "pinjaman-simulasi.png"))
    simulation.done(QDialog.DialogCode.Rejected)
    view.close()

    portfolio = PortfolioView(services, user)
    portfolio.resize(*SIZE)
    portfolio.show()
    written.append(_grab(portfolio, out_dir / "laporan-portofolio.png"))
    portfolio.close()
    return written


def _select_interesting(view: LoansView) -> None:
    """Sort by days late and pick a late loan with payments, so the detail shows arrears."""
    view.sort_by(5)  # Hari Terlambat, most overdue first
    model = view.model
    best = None
    for _page in range(40):
        best = next((r for r in range(model.rowCount())
                     if 0 < model.row_at(r).days_past_due < 120), None)  # fmt: skip
        if best is not None or not model.canFetchMore():
            break
        model.fetchMore()
    view.table.selectRow(best if best is not None else 0)
    top = model.index(max(0, (best or 0) - 3), 0)
    view.table.scrollTo(top, view.table.ScrollHint.PositionAtTop)


def _main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    source, out = Path(argv[0]), Path(argv[1])
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / source.name
        shutil.copy2(source, copy)
        services = Services.open(copy)
        user = next(u for u in services.users.all() if u.role == Role.KETUA)
        for path in loans_screenshots(services, user, out):
            print(path)
        services.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
