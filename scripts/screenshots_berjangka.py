"""Screenshots of the simpanan berjangka and jasa screens (called by scripts/screenshots.py):
the member panel with its placements, opening one, paying out at maturity and
early (with the authorisation), Pembukuan → Jasa & PPh 4(2), the jasa and berjangka settings
and a set-off carried out (Batalkan Kompensasi…).

Run alone on a demo file:  python scripts/screenshots_berjangka.py DEMO.db OUT_DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QTabWidget, QWidget

from app.collection.decision_models import DecisionKind, DecisionStatus
from app.services import Services
from app.users.models import Role, User

# The window's size: 1366×768 unless screenshots.py --size says otherwise.
SIZE = tuple(int(n) for n in os.environ.get("MUFAKAT_SHOT_SIZE", "1366x768").split("x"))


def _grab(widget: QWidget, path: Path) -> Path:
    app = QApplication.instance()
    assert app is not None
    for _ in range(10):  # widgets added to a shown layout are shown by a posted event
        app.sendPostedEvents()
        app.processEvents()
    widget.repaint()
    widget.grab().save(str(path))
    return path


def _close(dialog: QDialog) -> None:
    dialog.done(QDialog.DialogCode.Rejected)
    dialog.deleteLater()


def _show_tab(view: QWidget, words: str) -> QWidget | None:
    """The tab of `view` whose title has `words`, made current."""
    every = [view] if isinstance(view, QTabWidget) else []
    for tabs in every + view.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if words in tabs.tabText(index).replace("&&", "&"):
                tabs.setCurrentIndex(index)
                return tabs.widget(index)
    return None


def _scroll_to(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
            return
        parent = parent.parentWidget()


def berjangka_screenshots(
    services: Services, user: User, out_dir: Path, size: tuple[int, int] = SIZE
) -> list[Path]:
    from ui.dialogs.berjangka_dialog import CloseBerjangkaDialog, OpenBerjangkaDialog
    from ui.main_window import BOOKS, CASES, HOME, SETTINGS, MainWindow

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    window = MainWindow(services, user)
    window.resize(*size)
    window.show()
    window.show_section(HOME)
    written.append(_grab(window, out_dir / "beranda-pph.png"))
    deposits = services.berjangka.all_open()
    if deposits:
        today = window.members_view.today()
        running = next((d for d in deposits if d.maturity_on > today), deposits[0])
        due = next((d for d in deposits if d.maturity_on <= today), running)
        window.open_member(running.member_id)
        if window.members_view.berjangka_widget is not None:
            _scroll_to(window.members_view.berjangka_widget)
        written.append(_grab(window, out_dir / "anggota-berjangka.png"))
        member = services.members.get(running.member_id)
        opening = OpenBerjangkaDialog(services, user, member, today, window)
        opening.amount_edit.set_value(10_000_000)
        opening.show()
        written.append(_grab(opening, out_dir / "berjangka-buka.png"))
        _close(opening)
        for deposit, early, name in ((due, False, "cair"), (running, True, "cair-awal")):
            closing = CloseBerjangkaDialog(services, user, deposit, early, today, window)
            closing.show()
            written.append(_grab(closing, out_dir / f"berjangka-{name}.png"))
            _close(closing)
    window.show_section(BOOKS)
    if _show_tab(window.current_view(), "PPh") is not None:
        written.append(_grab(window, out_dir / "pembukuan-jasa-pph.png"))
    window.show_section(SETTINGS)
    settings = window.settings_view
    general = _show_tab(settings, "Umum")
    if general is not None:  # pengaturan-umum.png itself comes from screenshots.py
        _scroll_to(settings.general_tab.berjangka)
        written.append(_grab(window, out_dir / "pengaturan-umum-berjangka.png"))
    if _show_tab(settings, "Kebijakan") is not None:
        _scroll_to(settings.policy_tab.jasa)
        written.append(_grab(window, out_dir / "pengaturan-kebijakan-jasa.png"))
    setoffs = [
        d
        for d in services.decisions.all(DecisionKind.KOMPENSASI_SIMPANAN)
        if d.status == DecisionStatus.DILAKSANAKAN and d.case_id is not None
    ]
    if setoffs:
        window.show_section(CASES)
        window.cases_view.show_case(setoffs[0].case_id or 0, setoffs[0].id)
        written.append(_grab(window, out_dir / "penanganan-kompensasi.png"))
    window.close_for_logout()
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    app = QApplication.instance() or QApplication(argv[:1])
    from ui.main import configure_application

    configure_application(app)  # type: ignore[arg-type]
    services = Services.open(Path(argv[1]))
    try:
        user = next(u for u in services.users.all() if u.role == Role.KETUA)
        for path in berjangka_screenshots(services, user, Path(argv[2])):
            print(path)
    finally:
        services.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
