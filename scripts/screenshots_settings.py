"""Screenshots of Pengaturan → Kebijakan and Produk Pinjaman (called by scripts/screenshots.py).

Run alone on a demo file:
    python scripts/screenshots_settings.py DEMO.db OUT_DIR
(a copy of DEMO.db is used; the original is never changed). Nothing is saved: the pictures
show a refused custom table and a refused rate, then the fields are put back.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QWidget

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


def settings_screenshots(services: Services, user: User, out_dir: Path) -> list[Path]:
    from ui.main_window import SETTINGS, MainWindow

    written: list[Path] = []
    window = MainWindow(services, user)
    window.resize(*SIZE)
    window.show()
    window.show_section(SETTINGS)
    view = window.settings_view
    policy = view.policy_tab
    view.show_tab(policy)
    written.append(_grab(window, out_dir / "pengaturan-kebijakan.png"))

    combo = policy.quality.policy.widget
    combo.setCurrentIndex(combo.findData("custom"))
    policy.quality.editor.rows[2][1].setValue(60)  # below the row before it: refused
    policy.save()
    written.append(_grab(window, out_dir / "pengaturan-kebijakan-tabel-khusus.png"))
    policy.reload()
    bar = policy.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    written.append(_grab(window, out_dir / "pengaturan-kebijakan-bawah.png"))
    bar.setValue(0)

    products = view.products_tab
    view.show_tab(products)
    written.append(_grab(window, out_dir / "pengaturan-produk.png"))
    chosen = next((p for p in services.loans.products.all() if p.name == "Pinjaman Umum"), None)
    if chosen is not None:
        products.select_product(chosen.id)
    products.edit_product()
    dialog = products.dialog
    if dialog is not None:
        dialog.rate.setText("12")
        dialog.save()  # refused: above 10 % per month, shown at the field
        written.append(_grab(dialog, out_dir / "produk-ubah.png"))
        dialog.reject()
    window.close_for_logout()
    return written


def main(argv: list[str]) -> int:
    source, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="mufakat-settings-") as scratch:
        os.environ["MUFAKAT_HOME"] = str(Path(scratch) / "home")
        copy = Path(scratch) / source.name
        shutil.copyfile(source, copy)
        services = Services.open(copy)
        try:
            user = next(u for u in services.users.all() if u.username == "ketua")
            for path in settings_screenshots(services, user, out):
                print(path)
        finally:
            services.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
