"""Regenerate docs/screenshots/*.png from the demo cooperative (offscreen Qt, 1366×768).

    python scripts/screenshots.py [--db DEMO.db] [--out docs/screenshots] [--members 2000]
                                  [--size 1366x768]

Without --db a fresh demo cooperative is generated in a temporary folder; with --db a copy of
that file is used, so the original is never changed. Each entry of SHOTS is (name, function);
a function takes a Shots context and returns the files it wrote. Other views add theirs by
appending to SHOTS (the Anggota screenshots come from scripts/screenshots_members.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from app.services import Services  # noqa: E402
from app.users.models import Role, User  # noqa: E402

# The window's size: 1366×768 unless screenshots.py --size says otherwise.
SIZE = tuple(int(n) for n in os.environ.get("MUFAKAT_SHOT_SIZE", "1366x768").split("x"))


@dataclass
class Shots:
    services: Services
    user: User
    out: Path
    work: Path  # a scratch folder (backups made for the pictures go here)


def settle(widget: QWidget) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(10):  # widgets added to a shown layout are shown by a posted event
        app.sendPostedEvents()
        app.processEvents()
    widget.repaint()


def grab(widget: QWidget, path: Path) -> Path:
    settle(widget)
    widget.grab().save(str(path))
    return path


def close_dialog(dialog: QDialog) -> None:
    dialog.done(QDialog.DialogCode.Rejected)
    dialog.deleteLater()


# -- the shell's screens --------------------------------------------------------------------
def start_screens(ctx: Shots) -> list[Path]:
    from ui.start.new_coop_wizard import NewCoopWizard
    from ui.start.start_screen import StartScreen

    screen = StartScreen()
    screen.resize(*SIZE)
    screen.show()
    written = [grab(screen, ctx.out / "mulai.png")]
    screen.show_message(
        "File 'catatan.db' bukan database Mufakat. Pilih file database koperasi yang benar "
        "(biasanya berakhiran .db), atau buat database baru."
    )
    written.append(grab(screen, ctx.out / "mulai-file-salah.png"))
    screen.close()

    wizard = NewCoopWizard()
    wizard.show()
    form = wizard.profile_page.form
    form.edits["name"].setText("KSP Sumber Rejeki")
    form.edits["code"].setText("KSP-SR")
    form.edits["city"].setText("Kota Mojokerto")
    written.append(grab(wizard, ctx.out / "koperasi-baru-1.png"))
    wizard.next()
    page = wizard.user_page
    page.full_name.setText("Budi Santoso")
    page.username.setText("budi")
    page.password.setText("abc")
    page.confirm.setText("abc")
    wizard.next()  # refused: the password is too short, shown at the field
    written.append(grab(wizard, ctx.out / "koperasi-baru-2.png"))
    page.password.setText("rahasia1")
    page.confirm.setText("rahasia1")
    wizard.next()
    written.append(grab(wizard, ctx.out / "koperasi-baru-3.png"))
    close_dialog(wizard)
    return written


def login_screen(ctx: Shots) -> list[Path]:
    from app.demo.users import DEMO_USERS
    from ui.login_dialog import LoginDialog

    dialog = LoginDialog(ctx.services, DEMO_USERS)
    dialog.show()
    dialog.fill("manajer", "manajer123")
    written = [grab(dialog, ctx.out / "masuk.png")]
    close_dialog(dialog)
    return written


def main_window_screens(ctx: Shots) -> list[Path]:
    from ui.dialogs.restore_dialog import RestoreDialog
    from ui.main_window import SETTINGS, MainWindow
    from ui.views.placeholder_view import PlaceholderView
    from ui.views.settings.backup_actions import make_backup

    make_backup(None, ctx.services, ctx.user, ctx.work / "FLASHDISK")
    window = MainWindow(ctx.services, ctx.user)
    window.resize(*SIZE)
    window.show()
    written = [grab(window, ctx.out / "beranda.png")]
    soon = [i for i, view in enumerate(window.views) if isinstance(view, PlaceholderView)]
    if soon:  # a section still to be built, as long as there is one
        window.show_section(soon[0])
        written.append(grab(window, ctx.out / "segera-hadir.png"))
    window.show_section(SETTINGS)
    tabs = window.settings_view.tabs
    for index, name in enumerate(["profil", "pengguna", "kata-sandi", "cadangan", "umum"]):
        tabs.setCurrentIndex(index)
        if name == "pengguna":
            window.settings_view.users_tab.select_username("kasir")
        written.append(grab(window, ctx.out / f"pengaturan-{name}.png"))

    backup = next((ctx.work / "FLASHDISK").glob("*.db"))
    now = datetime.now()
    dialog = RestoreDialog(
        ctx.services.db.path, ctx.services.backups.plan_restore(backup, now), window
    )
    dialog.show()
    dialog.word.setText("PULIH")
    written.append(grab(dialog, ctx.out / "pulihkan.png"))
    close_dialog(dialog)
    window.close_for_logout()  # closes the window only: the file stays open for the next shots
    return written


def members_screens(ctx: Shots) -> list[Path]:
    """The Anggota view and its dialogs, written by the members' own screenshot module."""
    try:
        from screenshots_members import members_screenshots  # type: ignore[import-not-found]
    except ImportError:
        print("(scripts/screenshots_members.py belum ada: gambar Anggota dilewati)")
        return []
    written: list[Path] = members_screenshots(ctx.services, ctx.user, ctx.out)
    return written


def loans_screens(ctx: Shots) -> list[Path]:
    """Pinjaman: list and detail, the new-loan wizard, payment, simulation, portfolio."""
    from screenshots_loans import loans_screenshots  # type: ignore[import-not-found]

    written: list[Path] = loans_screenshots(ctx.services, ctx.user, ctx.out)
    return written


def cases_screens(ctx: Shots) -> list[Path]:
    """Beranda's work queue, Penanganan Pinjaman Bermasalah and the collection reports."""
    from screenshots_cases import cases_screenshots  # type: ignore[import-not-found]

    written: list[Path] = cases_screenshots(ctx.services, ctx.user, ctx.out)
    return written


def settings_screens(ctx: Shots) -> list[Path]:
    """Pengaturan → Kebijakan and Produk Pinjaman."""
    from screenshots_settings import settings_screenshots  # type: ignore[import-not-found]

    written: list[Path] = settings_screenshots(ctx.services, ctx.user, ctx.out)
    return written


def berjangka_screens(ctx: Shots) -> list[Path]:
    """Simpanan berjangka, Jasa & PPh 4(2), their settings and a set-off carried out."""
    from screenshots_berjangka import berjangka_screenshots  # type: ignore[import-not-found]

    written: list[Path] = berjangka_screenshots(ctx.services, ctx.user, ctx.out)
    return written


def server_dialog_screens(ctx: Shots) -> list[Path]:
    """Hubungkan ke Server… (docs/install.md, office set-up)."""
    from screenshots_server import server_screenshots  # type: ignore[import-not-found]

    written: list[Path] = server_screenshots(ctx.out)
    return written


SHOTS: list[tuple[str, Callable[[Shots], list[Path]]]] = [
    ("layar awal dan koperasi baru", start_screens),
    ("hubungkan ke server", server_dialog_screens),
    ("masuk", login_screen),
    ("jendela utama dan pengaturan", main_window_screens),
    ("anggota", members_screens),
    ("pinjaman", loans_screens),
    ("penanganan pinjaman bermasalah", cases_screens),
    ("kebijakan dan produk pinjaman", settings_screens),
    ("simpanan berjangka dan jasa", berjangka_screens),
]


def _demo_copy(args: argparse.Namespace, work: Path) -> Path:
    target = work / "ksp-guyub-rukun.db"
    if args.db:
        from app.storage.db import copy_database, open_database

        source = open_database(args.db)
        try:
            copy_database(source, target)
        finally:
            source.close()
        return target
    from app.demo.generate import generate_demo

    generate_demo(target, members=args.members, seed=1, progress=print)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a demo database to copy (never changed)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument(
        "--size", default="1366x768", help="the window's size, WIDTHxHEIGHT (default 1366x768)"
    )
    args = parser.parse_args(argv)
    global SIZE
    os.environ["MUFAKAT_SHOT_SIZE"] = args.size  # read by each screenshots_*.py on import
    SIZE = tuple(int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="mufakat-shots-") as scratch:
        work = Path(scratch)
        os.environ["MUFAKAT_HOME"] = str(work / "home")  # never touch the real data folder
        app = QApplication.instance() or QApplication(sys.argv[:1])
        from ui.main import configure_application

        configure_application(app)  # type: ignore[arg-type]
        path = _demo_copy(args, work)
        services = Services.open(path)
        try:
            user = next(u for u in services.users.all() if u.role == Role.KETUA)
            args.out.mkdir(parents=True, exist_ok=True)
            ctx = Shots(services=services, user=user, out=args.out, work=work)
            for name, shoot in SHOTS:
                for written in shoot(ctx):
                    shown = written.relative_to(ROOT) if written.is_relative_to(ROOT) else written
                    print(f"{name}: {shown}")
        finally:
            services.close()
        shutil.rmtree(work / "home", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
