"""Screenshots of the Beranda work queue, Penanganan Pinjaman Bermasalah and the collection
reports (called by scripts/screenshots.py).

Run alone on a demo file with problem-loan histories:
    python scripts/screenshots_cases.py DEMO.db OUT_DIR
(a copy of DEMO.db is used; the original is never changed).
"""

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

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.collection.decision_models import RestructuringKind
from app.collection.models import CaseFilter
from app.loans.models import LoanStatus
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


def _close(dialog: QDialog) -> None:
    dialog.done(QDialog.DialogCode.Rejected)
    dialog.deleteLater()


def _richest_case(services: Services, today: date) -> int | None:
    """An open case of an aktif loan in arrears with the longest history."""
    rows = [
        r
        for r in services.case_list.rows(today, CaseFilter())
        if r.quality is not None and r.arrears_total > 0
    ]
    if not rows:
        return None
    talk = ("kontak", "janji", "surat", "keputusan")
    sizes = {
        r.case.id: sum(1 for e in services.timelines.for_case(r.case.id, today) if e.source in talk)
        + (r.outstanding >= 2_000_000)
        for r in rows[:400]
    }
    return max(sizes, key=lambda k: (sizes[k], -k))


def cases_screenshots(services: Services, user: User, out_dir: Path) -> list[Path]:
    from ui.dialogs.contact_dialog import ContactDialog
    from ui.dialogs.restructuring_wizard import COMPARE_PAGE, RestructuringWizard
    from ui.dialogs.writeoff_dialog import WriteoffDialog
    from ui.main_window import CASES, HOME, REPORTS, MainWindow

    today = date.today()
    written: list[Path] = []
    window = MainWindow(services, user)
    window.resize(*SIZE)
    window.show()
    window.show_section(HOME)
    written.append(_grab(window, out_dir / "beranda-pekerjaan.png"))
    view = window.cases_view
    window.show_section(CASES)
    case_id = _richest_case(services, today)
    if case_id is None:
        print("(demo tanpa kasus pinjaman bermasalah: gambar Penanganan dilewati)")
        window.close()
        return written
    view.show_case(case_id)
    written.append(_grab(window, out_dir / "penanganan-daftar.png"))
    view.detail.tabs.setCurrentIndex(0)
    written.append(_grab(view.detail, out_dir / "penanganan-riwayat.png"))
    decided = [d for d in services.decisions.all() if d.case_id is not None]
    if decided:
        view.show_case(decided[0].case_id, decided[0].id)  # type: ignore[arg-type]
        written.append(_grab(window, out_dir / "penanganan-keputusan.png"))
    view.show_case(case_id)
    case = services.cases.get(case_id)
    contact = ContactDialog(services, user, case, today, window, with_promise=True)
    contact.show()
    written.append(_grab(contact, out_dir / "penanganan-catat-kontak.png"))
    _close(contact)
    if services.loans.get(case.loan_id).status == LoanStatus.AKTIF:
        wizard = RestructuringWizard(services, user, case, today, window)
        wizard.show()
        wizard.kind_page.radios[RestructuringKind.PERSYARATAN].setChecked(True)
        wizard.kind_page.reason.setPlainText("Usaha anggota mulai pulih; sanggup angsuran kecil")
        wizard.terms_page.months.setValue(24)
        while wizard.currentId() < COMPARE_PAGE and wizard.currentPage().validatePage():
            wizard.next()
        written.append(_grab(wizard, out_dir / "penanganan-restrukturisasi.png"))
        _close(wizard)
        writeoff = WriteoffDialog(services, user, case, today, window)
        writeoff.show()
        written.append(_grab(writeoff, out_dir / "penanganan-hapus-buku.png"))
        _close(writeoff)
    window.show_section(REPORTS)
    reports = window.current_view()
    for name, tab in (("laporan-kinerja-penagihan", 1), ("laporan-ekstrakomptabel", 3)):
        reports.setCurrentIndex(tab)  # type: ignore[attr-defined]
        written.append(_grab(window, out_dir / f"{name}.png"))
    window.show_section(HOME)
    window.shut_down = lambda: None  # type: ignore[method-assign]
    window.close()
    return written


def main(argv: list[str]) -> int:
    source, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="mufakat-cases-") as scratch:
        os.environ["MUFAKAT_HOME"] = str(Path(scratch) / "home")
        copy = Path(scratch) / source.name
        shutil.copyfile(source, copy)
        services = Services.open(copy)
        try:
            user = next(u for u in services.users.all() if u.username == "ketua")
            for path in cases_screenshots(services, user, out):
                print(path)
        finally:
            services.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
