"""Screenshots of the Anggota view and its dialogs (called by scripts/screenshots.py).

Run alone on a demo file:  python scripts/screenshots_members.py DEMO.db OUT_DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.members.models import MemberStatus
from app.savings.models import SavingsKind
from app.services import Services
from app.users.models import Role, User
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.savings_dialog import SavingsDialog
from ui.views.members_view import MembersView

# The window's size: 1366×768 unless screenshots.py --size says otherwise.
SIZE = tuple(int(n) for n in os.environ.get("MUFAKAT_SHOT_SIZE", "1366x768").split("x"))


def _settle(widget: QWidget) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()
    widget.repaint()


def _interesting_member(view: MembersView) -> int | None:
    """A member with a savings history worth showing: active, with wajib arrears if possible."""
    model = view.model
    fallback: int | None = None
    for row in range(min(model.rowCount(), 200)):
        item = model.row_at(row)
        if item.status != MemberStatus.AKTIF or item.savings_total <= 0:
            continue
        fallback = fallback or item.id
        member = view.services.members.get(item.id)
        wajib = view.services.savings.wajib_status(member, view.today())
        history = view.services.savings.history(item.id)
        if wajib.months_unpaid and any(t.is_reversed for t in history) and len(history) > 8:
            return item.id
    return fallback


def _grab(widget: QWidget, path: Path) -> Path:
    _settle(widget)
    widget.grab().save(str(path))
    return path


def members_screenshots(
    services: Services, user: User, out_dir: Path, size: tuple[int, int] = SIZE
) -> list[Path]:
    """Write anggota.png (list with a member selected), anggota-baru.png (member dialog with a
    NIK mistake shown at its field) and anggota-penarikan.png (withdrawal with authorisation)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    view = MembersView(services, user)
    view.resize(*size)
    view.show()
    member_id = _interesting_member(view)
    if member_id is not None:
        view._select_member(member_id)
    written.append(_grab(view, out_dir / "anggota.png"))

    dialog = MemberDialog(services, user, None, view.today(), view)
    dialog.name_edit.setText("Sri Rahayu")
    dialog.nik_edit.setText("357602560790001")  # 15 digits: a typical slip
    dialog.nik_edit.editingFinished.emit()
    dialog.show()
    dialog.resize(dialog.sizeHint())
    written.append(_grab(dialog, out_dir / "anggota-baru.png"))
    _close(dialog)

    member = view.detail.member
    if member is not None:
        withdraw = SavingsDialog(services, _staff_like(services, user), member, True, view.today())
        withdraw.set_kind(SavingsKind.WAJIB)
        withdraw.amount_edit.set_value(500_000)
        withdraw.show()
        written.append(_grab(withdraw, out_dir / "anggota-penarikan.png"))
        _close(withdraw)
    view.close()
    return written


def _staff_like(services: Services, user: User) -> User:
    """A Staf/Kasir user when there is one, so the screenshot shows the password fields."""
    return next((u for u in services.users.all() if u.role == Role.STAF and u.active), user)


def _close(dialog: QDialog) -> None:
    dialog.done(QDialog.DialogCode.Rejected)
    dialog.deleteLater()


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    app = QApplication.instance() or QApplication(argv[:1])
    services = Services.open(Path(argv[1]))
    try:
        user = next(u for u in services.users.all() if u.role == Role.KETUA)
        for path in members_screenshots(services, user, Path(argv[2])):
            print(path)
    finally:
        services.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
