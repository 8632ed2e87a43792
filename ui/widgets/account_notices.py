"""Beranda's notice for the Ketua and the Pengurus (issue 9 §6): requests for a privileged role
waiting for their approval, and the latest privileged accounts created, changed or reset."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can
from app.users.roles import RoleRequest
from ui.errors import show_error

_KINDS = {"baru": "akun baru", "ubah": "perubahan peran", "aktifkan": "akun diaktifkan lagi"}


def sees_account_notices(user: User) -> bool:
    return user.role.is_pengurus and can(user, Action.APPROVE)


class AccountNotices(QFrame):
    changed = Signal()

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("account_notices")
        self.setStyleSheet(
            "#account_notices { background: #eef4fb; border: 1px solid #b6cde6;"
            " border-radius: 4px; }"
        )
        self.services = services
        self.user = user
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(10, 6, 10, 6)
        self.approve_buttons: dict[int, QPushButton] = {}
        self.refresh()

    def refresh(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # gone from findChildren at once, not at the next loop
                widget.deleteLater()
        self.approve_buttons = {}
        if not sees_account_notices(self.user):
            self.setVisible(False)
            return
        pending = self.services.users.roles.pending()
        notices = self.services.users.roles.notices(limit=3)
        self.setVisible(bool(pending or notices))
        for request in pending:
            self.rows.addWidget(self._pending_row(request))
        if notices:
            title = QLabel(self.tr("Perubahan akun berhak khusus terakhir:"))
            title.setStyleSheet("font-weight: bold;")
            self.rows.addWidget(title)
        for notice in notices:
            label = QLabel(f"{notice.at[:16].replace('T', ' ')} · {notice.text}")
            label.setObjectName("account_notice")
            label.setWordWrap(True)
            self.rows.addWidget(label)

    def _pending_row(self, request: RoleRequest) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        target = self.services.users.get(request.user_id)
        by = self.services.users.get(request.requested_by).full_name if request.requested_by else ""
        wording = self.tr("Menunggu persetujuan: peran {role} untuk {name} ({kind}, diminta {by})")
        text = QLabel(
            wording.format(
                role=request.role.label,
                name=f"{target.full_name} '{target.username}'",
                kind=_KINDS.get(request.kind, request.kind),
                by=by,
            )
        )
        text.setObjectName("role_request")
        text.setWordWrap(True)
        layout.addWidget(text, 1)
        mine = self.user.id in (request.requested_by, request.user_id)
        approve = QPushButton(self.tr("Setujui"))
        reject = QPushButton(self.tr("Tolak"))
        for button in (approve, reject):
            button.setEnabled(not mine)
            if mine:
                button.setToolTip(self.tr("Permintaan ini harus diputuskan Pengurus lain."))
            layout.addWidget(button)
        approve.clicked.connect(lambda: self.approve(request.id))
        reject.clicked.connect(lambda: self.reject(request.id))
        self.approve_buttons[request.id] = approve
        return row

    def approve(self, request_id: int) -> None:
        try:
            self.services.users.roles.approve(self.user, request_id)
        except AppError as exc:
            show_error(self, exc, self.tr("Persetujuan peran"))
            return
        self.refresh()
        self.changed.emit()

    def reject(self, request_id: int) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Tolak permintaan peran"), self.tr("Alasan penolakan:")
        )
        if not ok:
            return
        try:
            self.services.users.roles.reject(self.user, request_id, reason)
        except AppError as exc:
            show_error(self, exc, self.tr("Tolak permintaan peran"))
            return
        self.refresh()
        self.changed.emit()
