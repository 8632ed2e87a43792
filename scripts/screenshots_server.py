"""The "Hubungkan ke Server…" pictures for docs/install.md (offscreen Qt, no demo needed):

    python scripts/screenshots_server.py [--out docs/screenshots]

Writes hubungkan-server.png (filled in, after a successful Uji Koneksi), hubungkan-server-gagal.png
(the server unreachable, said at the address) and mulai.png (the start screen with its button).
scripts/screenshots.py runs it with the others."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def server_screenshots(out: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    from app.errors import ValidationError
    from app.server.connection import connected_message
    from app.storage.pg_probe import MSG_UNREACHABLE
    from ui.dialogs.server_dialog import ServerDialog

    def grab(widget: QWidget, name: str) -> Path:
        app = QApplication.instance()
        assert app is not None
        for _ in range(10):
            app.sendPostedEvents()
            app.processEvents()
        widget.repaint()
        path = out / name
        widget.grab().save(str(path))
        return path

    home = os.environ.get("MUFAKAT_HOME")
    with tempfile.TemporaryDirectory(prefix="mufakat-shot-") as empty:
        os.environ["MUFAKAT_HOME"] = empty  # nothing remembered
        try:
            dialog = ServerDialog()
        finally:
            if home is None:
                os.environ.pop("MUFAKAT_HOME")
            else:
                os.environ["MUFAKAT_HOME"] = home
    dialog.host.setText("192.168.1.10")
    dialog.password.setText("rahasia-kantor")
    dialog.show()
    dialog.password.setFocus()
    dialog.result_label.setText(connected_message("15.18"))  # as after a working test
    dialog.adjustSize()
    written = [grab(dialog, "hubungkan-server.png")]
    dialog.result_label.clear()
    dialog.errors.show("host", ValidationError(MSG_UNREACHABLE, "host").message)
    dialog.host.deselect()
    dialog.adjustSize()  # as the dialog does after showing a message
    written.append(grab(dialog, "hubungkan-server-gagal.png"))
    dialog.done(QDialog.DialogCode.Rejected)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from ui.main import configure_application

    app = QApplication.instance() or QApplication([])
    configure_application(app)  # type: ignore[arg-type]
    args.out.mkdir(parents=True, exist_ok=True)
    for path in server_screenshots(args.out):
        print(path)
    from ui.start.start_screen import StartScreen

    screen = StartScreen()
    screen.resize(1366, 768)
    screen.show()
    for _ in range(10):
        app.processEvents()
    screen.grab().save(str(args.out / "mulai.png"))
    print(args.out / "mulai.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
