"""Pembukuan → Tutup Bulan: the lock date, the month-close checklist with what fails and why,
closing the month, and reopening the latest closed month (the Ketua with one other Pengurus,
who confirms with their own password, and a reason)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.formats import month_of
from app.ledger.closing import CheckItem, parse_month
from app.services import Services
from app.users.models import User


class CloseMonthTab(QWidget):
    def __init__(
        self, services: Services, user: User, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.today = today
        layout = QVBoxLayout(self)
        self.lock = QLabel(objectName="close_lock")
        layout.addWidget(self.lock)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bulan (TTTT-BB)")))
        self.month = QLineEdit(objectName="close_month")
        top.addWidget(self.month)
        check = QPushButton(self.tr("Periksa"), objectName="close_check")
        check.clicked.connect(self.check)
        top.addWidget(check)
        self.close_button = QPushButton(self.tr("Tutup Bulan"), objectName="close_close")
        self.close_button.clicked.connect(self.close_month)
        top.addWidget(self.close_button)
        self.year_button = QPushButton(
            self.tr("Tutup Buku (Jurnal Penutup)"), objectName="close_year"
        )
        self.year_button.clicked.connect(self.close_year)
        top.addWidget(self.year_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.items = QListWidget(objectName="close_items")
        layout.addWidget(self.items, 1)
        box = QGroupBox(self.tr("Buka kembali bulan terakhir yang ditutup"))
        row = QHBoxLayout(box)
        row.addWidget(QLabel(self.tr("Alasan")))
        self.reason = QLineEdit(objectName="reopen_reason")
        row.addWidget(self.reason, 1)
        row.addWidget(QLabel(self.tr("Pengurus kedua")))
        self.second = QLineEdit(objectName="reopen_user")
        row.addWidget(self.second)
        row.addWidget(QLabel(self.tr("Kata sandinya")))
        self.password = QLineEdit(objectName="reopen_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        row.addWidget(self.password)
        reopen = QPushButton(self.tr("Buka Kembali"), objectName="reopen")
        reopen.clicked.connect(self.reopen)
        row.addWidget(reopen)
        layout.addWidget(box)
        pack = QGroupBox(self.tr("Laporan Rapat Anggota Tahunan"))
        pack_row = QHBoxLayout(pack)
        rat_row = pack_row  # one row: the tab must fit 1366×768
        pack_row.addWidget(QLabel(self.tr("Tahun buku")))
        self.pack_year = QSpinBox(objectName="rat_pack_year")
        self.pack_year.setRange(2000, 2100)
        self.pack_year.setValue(today.year - 1)
        pack_row.addWidget(self.pack_year)
        pack_button = QPushButton(self.tr("Paket Laporan RAT (PDF)…"), objectName="rat_pack")
        pack_button.clicked.connect(self.rat_pack)
        pack_row.addWidget(pack_button)
        rat_row.addWidget(QLabel(self.tr("Tanggal RAT")))
        self.rat_date = QDateEdit(objectName="rat_date")
        self.rat_date.setCalendarPopup(True)
        self.rat_date.setDisplayFormat("dd-MM-yyyy")
        self.rat_date.setDate(today)
        rat_row.addWidget(self.rat_date)
        rat_row.addWidget(QLabel(self.tr("No. keputusan")))
        self.decision = QLineEdit(objectName="rat_decision")
        rat_row.addWidget(self.decision)
        allocate = QPushButton(self.tr("Bagi SHU"), objectName="shu_allocate")
        allocate.clicked.connect(self.allocate)
        rat_row.addWidget(allocate)
        pay = QPushButton(self.tr("Bayar SHU ke Sukarela"), objectName="shu_pay")
        pay.clicked.connect(self.pay)
        rat_row.addWidget(pay)
        rat_row.addStretch(1)
        layout.addWidget(pack)
        self.message = QLabel(objectName="close_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        lock = self.services.closing.lock_date()
        if lock is None:
            self.lock.setText(self.tr("Belum ada bulan yang ditutup."))
            last = self.today.replace(day=1) - timedelta(days=1)
        else:
            self.lock.setText(
                self.tr("Pembukuan terkunci sampai {d}.").format(d=lock.strftime("%d-%m-%Y"))
            )
            last = lock + timedelta(days=1)
        if not self.month.text().strip():
            self.month.setText(month_of(last))

    def _show(self, items: list[CheckItem]) -> None:
        self.items.clear()
        for item in items:
            mark = "✓" if item.ok else "✗"
            text = f"{mark} {item.label}" + (f" — {item.detail}" if item.detail else "")
            self.items.addItem(text)

    def check(self) -> None:
        try:
            year, month = parse_month(self.month.text())
            items = self.services.closing.checklist(year, month)
        except AppError as exc:
            self.message.setText(exc.message)
            return
        self._show(items)
        failing = sum(not i.ok for i in items)
        self.message.setText(
            self.tr("Semua butir terpenuhi; bulan bisa ditutup.")
            if not failing
            else self.tr("{n} butir belum terpenuhi.").format(n=failing)
        )

    def close_month(self) -> None:
        try:
            year, month = parse_month(self.month.text())
            failing = self.services.closing.close_month(self.user, year, month)
        except AppError as exc:
            self.message.setText(exc.message)
            return
        if failing:
            self._show(failing)
            self.message.setText(self.tr("Bulan belum bisa ditutup: perbaiki butir di atas."))
            return
        self.items.clear()
        self.message.setText(self.tr("Bulan {m} ditutup.").format(m=self.month.text().strip()))
        self.month.clear()
        self.refresh()

    def close_year(self) -> None:
        """The jurnal penutup of the year of the latest closed month, once December is closed."""
        lock = self.services.closing.lock_date()
        year = lock.year if lock is not None else self.today.year - 1
        try:
            journal_id = self.services.closing.close_year(self.user, year)
        except AppError as exc:
            self.message.setText(exc.message)
            return
        number = self.services.ledger.journal(journal_id).number
        self.message.setText(
            self.tr("Tahun buku {y} ditutup dengan jurnal penutup {n}.").format(y=year, n=number)
        )

    def reopen(self) -> None:
        try:
            second = None
            if self.second.text().strip():
                second = self.services.users.login(self.second.text(), self.password.text())
            opened = self.services.closing.reopen(self.user, second, self.reason.text())
        except AppError as exc:
            self.message.setText(exc.message)
            return
        finally:
            self.password.clear()
        self.reason.clear()
        self.message.setText(self.tr("Bulan {m} dibuka kembali.").format(m=month_of(opened)))
        self.month.clear()
        self.refresh()

    def choose_folder(self) -> Path | None:
        """The folder the RAT pack is written to (None: cancelled)."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Simpan paket laporan RAT ke"))
        return Path(folder) if folder else None

    def rat_pack(self) -> None:
        """rat_pack.pdf (cover, contents, statements, CALK, jurnal penutup, SHU, hapus buku,
        ringkasan) and each part into a chosen folder."""
        from app.documents.sources.rat_pack import PACK, write_rat_pack

        year = self.pack_year.value()
        if date(year, 12, 31) >= self.today:
            self.message.setText(self.tr("Tahun buku {y} belum berakhir.").format(y=year))
            return
        folder = self.choose_folder()
        if folder is None:
            return
        try:
            written = write_rat_pack(self.services, year, folder / f"RAT_{year}", self.today)
        except AppError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(
            self.tr("{f} dan {n} bagiannya ditulis ke {d}.").format(
                f=PACK, n=len(written) - 1, d=str(written[0].parent)
            )
        )

    def allocate(self) -> None:
        """The RAT's ratification and the allocation journal of the chosen year's SHU."""
        year = self.pack_year.value()
        on = self.rat_date.date().toPython()
        try:
            self.services.shu_books.allocate(self.user, year, on, self.decision.text())
        except AppError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(
            self.tr("SHU tahun buku {y} dibagi sesuai keputusan RAT {n}.").format(
                y=year, n=self.decision.text().strip()
            )
        )

    def pay(self) -> None:
        """Every unpaid share of the chosen year to the member's sukarela, dated today."""
        year = self.pack_year.value()
        try:
            run = self.services.shu_books.pay_all(
                self.user, year, self.today, "sukarela", today=self.today
            )
        except AppError as exc:
            self.message.setText(exc.message)
            return
        text = self.tr("{n} anggota menerima SHU {y} di simpanan sukarela.").format(
            n=run.paid, y=year
        )
        if run.left:
            text += " " + self.tr("Tetap di utang SHU (bayar tunai): {m}.").format(
                m="; ".join(run.left[:5]) + (" …" if len(run.left) > 5 else "")
            )
        self.message.setText(text)
