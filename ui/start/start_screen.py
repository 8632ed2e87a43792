"""The first screen when no cooperative file is open: create one, open the demo, or pick a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.paths import data_dir


class StartScreen(QWidget):
    new_requested = Signal()
    demo_requested = Signal()
    file_chosen = Signal(Path)
    server_chosen = Signal(str)  # a postgresql:// address that answered (issue 15)
    restore_requested = Signal(Path)  # restore a backup into this file that will not open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mufakat"))
        self.setMinimumSize(640, 560)
        self.resize(900, 640)
        # A centred column of readable width, however wide the window is.
        page = QHBoxLayout(self)
        column = QWidget(objectName="start_column")
        column.setMaximumWidth(780)
        page.addStretch(1)
        page.addWidget(column, 8)
        page.addStretch(1)
        outer = QVBoxLayout(column)
        outer.setContentsMargins(24, 32, 24, 32)
        outer.setSpacing(14)

        title = QLabel(self.tr("Selamat datang di Mufakat"))
        title.setObjectName("start_title")
        font = title.font()
        font.setPointSize(20)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Program simpan pinjam dan penanganan pinjaman bermasalah untuk koperasi. "
                "Pilih salah satu untuk memulai:"
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(title)
        outer.addWidget(intro)

        self.new_button = self._big_button(
            self.tr("Buat Koperasi Baru"),
            self.tr("Pertama kali memakai Mufakat: isi data koperasi dan pengguna pertama."),
        )
        self.demo_button = self._big_button(
            self.tr("Buka Koperasi Contoh"),
            self.tr("Coba program dengan data contoh KSP Guyub Rukun (bukan data sungguhan)."),
        )
        self.open_button = self._big_button(
            self.tr("Buka File Database…"),
            self.tr("Sudah punya file database koperasi (.db), misalnya dari komputer lain."),
        )
        self.server_button = self._big_button(
            self.tr("Hubungkan ke Server…"),
            self.tr("Kantor dengan beberapa PC: pakai database di PC server kantor."),
        )
        self.new_button.clicked.connect(self.new_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.open_button.clicked.connect(self.choose_file)
        self.server_button.clicked.connect(self.choose_server)
        buttons = (self.new_button, self.demo_button, self.open_button, self.server_button)
        for button in buttons:
            outer.addWidget(button)

        self.message_box = QFrame(objectName="start_message")
        self.message_box.setStyleSheet(
            "#start_message { border: 2px solid #b00020; border-radius: 6px; background: #fff4f4; }"
        )
        box_layout = QVBoxLayout(self.message_box)
        self.problem = QLabel(objectName="start_message_heading")
        font = self.problem.font()
        font.setBold(True)
        self.problem.setFont(font)
        box_layout.addWidget(self.problem)
        self.message = QLabel(objectName="start_message_text")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box_layout.addWidget(self.message)
        self.restore_button = QPushButton(self.tr("Pulihkan dari cadangan…"))
        self.restore_button.setObjectName("start_restore")
        self.restore_button.clicked.connect(self._restore_clicked)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch()
        box_layout.addLayout(restore_row)
        self.restore_button.hide()
        self._restorable: Path | None = None
        self.message_box.hide()
        outer.addWidget(self.message_box)
        outer.addStretch()

    def _big_button(self, title: str, explanation: str) -> QPushButton:
        """A tall button: the action in bold, a line saying when to choose it beneath."""
        button = QPushButton()
        button.setMinimumHeight(76)
        button.setAccessibleName(title)
        button.setAccessibleDescription(explanation)
        inner = QVBoxLayout(button)
        inner.setContentsMargins(18, 8, 18, 8)
        heading = QLabel(title)
        font = heading.font()
        font.setPointSize(max(font.pointSize() + 2, 12))
        font.setBold(True)
        heading.setFont(font)
        detail = QLabel(explanation)
        detail.setWordWrap(True)
        for label in (heading, detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inner.addWidget(label)
        return button

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Buka file database koperasi"),
            str(data_dir()),
            self.tr("Database Mufakat (*.db);;Semua file (*)"),
        )
        if path:
            self.file_chosen.emit(Path(path))

    def choose_server(self) -> None:
        from ui.dialogs.server_dialog import ServerDialog

        dialog = ServerDialog(self)
        if dialog.exec() and dialog.url:
            self.server_chosen.emit(dialog.url)

    def show_message(
        self, text: str, restorable: Path | None = None, heading: str | None = None
    ) -> None:
        """Show why the last file could not be opened (stays until the next attempt); for a
        damaged file, offer to restore a backup into it."""
        self.problem.setText(heading or self.tr("File tidak bisa dibuka"))
        self.message.setText(text)
        self.message_box.setVisible(bool(text))
        self._restorable = restorable
        self.restore_button.setVisible(bool(text) and restorable is not None)

    def _restore_clicked(self) -> None:
        if self._restorable is not None:
            self.restore_requested.emit(self._restorable)

    def clear_message(self) -> None:
        self.show_message("")
