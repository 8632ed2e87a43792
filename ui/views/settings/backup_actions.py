"""Backup and restore work run behind a progress dialog (used by Pengaturan, Beranda and
the main window on close)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.backups import BackupInfo, RestorePlan
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, require
from ui.dialogs.progress_task import Progress, run_with_progress


def make_backup(
    parent: QWidget | None, services: Services, user: User, folder: Path, kind: str = "manual"
) -> BackupInfo:
    """A verified backup into `folder` (AppError when it cannot be made)."""
    require(user, Action.BACKUP)

    def work(_progress: Progress) -> BackupInfo:
        return services.backups.make(folder, kind=kind, user_id=user.id)

    return run_with_progress(
        parent,
        QCoreApplication.translate("BackupActions", "Cadangan"),
        QCoreApplication.translate("BackupActions", "Menyimpan cadangan dan memeriksa hasilnya…"),
        work,
    )


def auto_backup(parent: QWidget | None, services: Services, user: User | None) -> BackupInfo:
    """The automatic backup when closing: into the per-user backup folder, keeping the last N."""
    keep = int(services.settings.get("backup.keep"))

    def work(_progress: Progress) -> BackupInfo:
        return services.backups.make_automatic(keep=keep, user_id=user.id if user else None)

    return run_with_progress(
        parent,
        QCoreApplication.translate("BackupActions", "Menutup Mufakat"),
        QCoreApplication.translate("BackupActions", "Menyimpan cadangan…"),
        work,
    )


def actor_text(user: User) -> str:
    """The person as text for the audit trail (their account may not exist in a backup)."""
    return f"{user.username} ({user.full_name}, {user.role.label})"


def restore(
    parent: QWidget | None, services: Services, user: User, plan: RestorePlan, now: datetime
) -> Path:
    """Replace the data with the planned backup; returns where the old data was kept aside."""
    require(user, Action.RESTORE)

    def work(_progress: Progress) -> Path:
        return services.backups.restore(plan, actor=actor_text(user), now=now)

    return run_with_progress(
        parent,
        QCoreApplication.translate("BackupActions", "Pulihkan"),
        QCoreApplication.translate("BackupActions", "Memeriksa cadangan dan memulihkan data…"),
        work,
    )
