"""Beranda: a welcome with the cooperative's name, the main counts and quick buttons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.formats import format_date_with_day
from app.members.models import MemberStatus
from app.money import format_number, format_rupiah
from app.services import Services
from app.users.models import User
from app.users.permissions import Action, can


class StatCard(QFrame):
    """A number with its caption (and an optional line of detail)."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#{name} {{ background: #f4f8fb; border: 1px solid #c9d6e2; border-radius: 6px; }}"
        )
        layout = QVBoxLayout(self)
        self.caption = QLabel(caption)
        self.value = QLabel(objectName=f"{name}_value")
        font = self.value.font()
        font.setPointSize(20)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel(objectName=f"{name}_detail")
        self.detail.setWordWrap(True)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)


class HomeView(QWidget):
    new_member_requested = Signal()
    backup_requested = Signal()

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        self.welcome = QLabel(objectName="welcome")
        font = self.welcome.font()
        font.setPointSize(16)
        font.setBold(True)
        self.welcome.setFont(font)
        self.coop = QLabel(objectName="coop_name")
        self.coop.setWordWrap(True)
        self.demo_note = QLabel(
            self.tr(
                "Ini koperasi contoh: semua nama dan angka rekaan. Silakan mencoba apa saja; data "
                "koperasi Anda sendiri dibuat lewat Berkas → Tutup File Ini → Buat Koperasi Baru."
            ),
            objectName="demo_note",
        )
        self.demo_note.setWordWrap(True)
        self.demo_note.setStyleSheet(
            "background: #fff3cd; color: #664d03; border-radius: 4px; padding: 6px 10px;"
        )
        layout.addWidget(self.welcome)
        layout.addWidget(self.coop)
        layout.addWidget(self.demo_note)

        cards = QGridLayout()
        self.members_card = StatCard(self.tr("Anggota aktif"), "card_members")
        self.savings_card = StatCard(self.tr("Total simpanan"), "card_savings")
        cards.addWidget(self.members_card, 0, 0)
        cards.addWidget(self.savings_card, 0, 1)
        layout.addLayout(cards)

        quick = QHBoxLayout()
        self.new_member_button = QPushButton(self.tr("Anggota Baru"))
        self.new_member_button.clicked.connect(self.new_member_requested)
        if not can(user, Action.EDIT_MEMBERS):
            self.new_member_button.setEnabled(False)
            self.new_member_button.setToolTip(self.tr("Peran Anda tidak boleh menambah anggota."))
        self.backup_button = QPushButton(self.tr("Simpan Cadangan"))
        self.backup_button.clicked.connect(self.backup_requested)
        if not can(user, Action.BACKUP):
            self.backup_button.setEnabled(False)
            self.backup_button.setToolTip(self.tr("Peran Anda tidak boleh membuat cadangan."))
        for button in (self.new_member_button, self.backup_button):
            button.setMinimumHeight(40)
            quick.addWidget(button)
        quick.addStretch()
        layout.addLayout(quick)

        later = QLabel(
            self.tr(
                "Segera hadir di sini: daftar pekerjaan hari ini (angsuran jatuh tempo, janji "
                "bayar yang harus ditagih, surat peringatan yang perlu dikirim)."
            )
        )
        later.setWordWrap(True)
        later.setStyleSheet("color: #555;")
        layout.addWidget(later)
        layout.addStretch()
        self.refresh()

    def refresh(self) -> None:
        profile = self.services.settings.profile()
        self.welcome.setText(
            self.tr("Selamat datang, {name}").format(name=self.user.full_name.strip())
        )
        self.coop.setText(
            self.tr("{coop} · {day}").format(
                coop=profile.name, day=format_date_with_day(date.today())
            )
        )
        self.demo_note.setVisible(self.services.is_demo)
        style = str(self.services.settings.get("format.rupiah_style"))
        self.members_card.value.setText(
            format_number(self.services.members.count(MemberStatus.AKTIF))
        )
        self.members_card.detail.setText(
            self.tr("dari {total} anggota tercatat").format(
                total=format_number(self.services.members.count())
            )
        )
        totals = self.services.savings.repo.totals()
        self.savings_card.value.setText(format_rupiah(totals.total, style))
        self.savings_card.detail.setText(
            self.tr("Pokok {pokok} · Wajib {wajib} · Sukarela {sukarela}").format(
                pokok=format_rupiah(totals.pokok, style),
                wajib=format_rupiah(totals.wajib, style),
                sukarela=format_rupiah(totals.sukarela, style),
            )
        )
