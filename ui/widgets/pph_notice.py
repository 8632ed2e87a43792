"""Beranda's reminder for the Bendahara (issue 13 §2): PPh 4(2) on jasa simpanan withheld and
not yet recorded as deposited, with the deadline (the 15th of the next month); it stays until
the deposit is recorded in Pembukuan → Jasa & PPh 4(2)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from app.savings.pph_report import reminded
from app.services import Services
from app.users.models import User


class PphNotice(QLabel):
    def __init__(
        self,
        services: Services,
        user: User,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pph_notice")
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: #fdecea; color: #7a1c12; border-radius: 4px; padding: 4px 10px;"
        )
        self.services = services
        self.user = user
        self.today = today
        self.refresh()

    def refresh(self) -> None:
        if not reminded(self.user):
            self.setVisible(False)
            return
        today = self.today()
        reports = self.services.pph_reports
        due = reports.due(today)
        self.setText("\n".join(reports.reminder_text(d, today) for d in due))
        self.setVisible(bool(due))
