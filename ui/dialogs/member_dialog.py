"""Adding or changing a member: every field checked where it is typed, nothing typed is lost."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.identity import format_phone, normalize_phone, validate_nik
from app.members.models import Member, MemberDraft
from app.money import format_number, parse_rupiah
from app.services import Services
from app.users.models import User
from ui.errors import show_error
from ui.widgets import messages
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors
from ui.widgets.region_combo import OCCUPATIONS, RegionFields, SuggestCombo


def _birth_from_nik(nik: str, today: date) -> tuple[date, str] | None:
    """The birth date and sex a valid NIK encodes (the century guessed), or None."""
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "P" if day > 40 else "L"
    day -= 40 if day > 40 else 0
    year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
    try:
        return date(year, month, day), sex
    except ValueError:
        return None


class MemberDialog(QDialog):
    """`member` None adds a new member; afterwards `saved` holds the stored member."""

    def __init__(
        self,
        services: Services,
        user: User,
        member: Member | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.member = member
        self.today = today or date.today()
        self.saved: Member | None = None
        self.errors = FieldErrors()
        if member is None:
            self.setWindowTitle(self.tr("Anggota Baru"))
        else:
            self.setWindowTitle(
                self.tr("Ubah Data Anggota {number} – {name}").format(
                    number=member.number, name=member.name
                )
            )
        self.setMinimumWidth(820)
        self._build()
        self._load(member)
        self._loaded = self._snapshot()
        self.name_edit.setFocus()

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Kolom bertanda * wajib diisi. Tanggal ditulis hh-bb-tttt, misalnya 24-08-1985."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        columns = QHBoxLayout()
        layout.addLayout(columns)

        identity = QGroupBox(self.tr("Identitas (sesuai KTP)"))
        form = QFormLayout(identity)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(24)
        self.nik_edit.setPlaceholderText(self.tr("16 angka"))
        self.sex_combo = QComboBox()
        self.sex_combo.addItem(self.tr("— pilih —"), "")
        self.sex_combo.addItem(self.tr("Laki-laki"), "L")
        self.sex_combo.addItem(self.tr("Perempuan"), "P")
        self.birth_place_edit = QLineEdit()
        self.birth_date_edit = DateEdit(field="birth_date", required=False)
        self.occupation_combo = SuggestCombo(OCCUPATIONS)
        self.spouse_edit = QLineEdit()
        self.npwp_edit = QLineEdit()
        self.npwp_edit.setPlaceholderText(self.tr("boleh kosong"))
        self.errors.add_row(form, self.tr("Nama lengkap *"), "name", self.name_edit)
        self.errors.add_row(form, self.tr("NIK *"), "nik", self.nik_edit)
        self.errors.add_row(form, self.tr("Jenis kelamin *"), "sex", self.sex_combo)
        self.errors.add_row(form, self.tr("Tempat lahir"), "birth_place", self.birth_place_edit)
        self.errors.add_row(form, self.tr("Tanggal lahir"), "birth_date", self.birth_date_edit)
        self.errors.add_row(form, self.tr("Pekerjaan"), "occupation", self.occupation_combo)
        self.errors.add_row(form, self.tr("Nama suami/istri"), "spouse_name", self.spouse_edit)
        self.errors.add_row(form, self.tr("NPWP"), "npwp", self.npwp_edit)
        columns.addWidget(identity, 1)

        address = QGroupBox(self.tr("Alamat, kontak, keanggotaan"))
        form = QFormLayout(address)
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText(self.tr("jalan, gang, nomor rumah"))
        self.rt_edit = QLineEdit()
        self.rw_edit = QLineEdit()
        for edit in (self.rt_edit, self.rw_edit):
            edit.setMaxLength(3)
            edit.setMaximumWidth(60)
        rt_rw = QWidget()
        rt_rw_layout = QHBoxLayout(rt_rw)
        rt_rw_layout.setContentsMargins(0, 0, 0, 0)
        rt_rw_layout.addWidget(self.rt_edit)
        rt_rw_layout.addWidget(QLabel(self.tr("RW")))
        rt_rw_layout.addWidget(self.rw_edit)
        rt_rw_layout.addStretch(1)
        self.region = RegionFields(self)
        self.city_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("misalnya 0812-3456-7890"))
        self.join_date_edit = DateEdit(field="join_date")
        self.errors.add_row(form, self.tr("Alamat"), "address", self.address_edit)
        rt_error = self.errors.add_row(form, self.tr("RT"), "rt", rt_rw)
        self.errors.register("rt", self.rt_edit, rt_error)
        self.errors.register("rw", self.rw_edit, rt_error)
        self.errors.add_row(form, self.tr("Kelurahan/Desa"), "kelurahan", self.region.kelurahan)
        self.errors.add_row(form, self.tr("Kecamatan"), "kecamatan", self.region.kecamatan)
        self.errors.add_row(form, self.tr("Kota/Kabupaten"), "city", self.city_edit)
        self.errors.add_row(form, self.tr("Telepon/HP"), "phone", self.phone_edit)
        self.errors.add_row(form, self.tr("Tanggal masuk *"), "join_date", self.join_date_edit)
        self.employer_edit = QLineEdit()
        self.employer_edit.setPlaceholderText(self.tr("untuk potong gaji; boleh kosong"))
        self.employee_no_edit = QLineEdit()
        self.errors.add_row(form, self.tr("Instansi"), "employer", self.employer_edit)
        self.errors.add_row(form, self.tr("NIP/No. pegawai"), "employee_no", self.employee_no_edit)
        self.sukarela_edit = QLineEdit()
        self.sukarela_edit.setPlaceholderText(self.tr("potong gaji tiap bulan; boleh kosong"))
        self.errors.add_row(
            form, self.tr("Sukarela potong gaji"), "payroll_sukarela", self.sukarela_edit
        )
        columns.addWidget(address, 1)

        general = QLabel()
        general.setObjectName("error_general")
        self.errors.set_general(general)
        layout.addWidget(general)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.nik_edit.editingFinished.connect(self._check_nik)
        self.phone_edit.editingFinished.connect(self._check_phone)
        self.birth_date_edit.editingFinished.connect(lambda: self._check_date(self.birth_date_edit))
        self.join_date_edit.editingFinished.connect(lambda: self._check_date(self.join_date_edit))

    def _load(self, member: Member | None) -> None:
        if member is None:
            self.city_edit.setText(self.services.settings.profile().city or "")
            self.join_date_edit.set_value(self.today)
            return
        self.name_edit.setText(member.name)
        self.nik_edit.setText(member.nik or "")
        self.sex_combo.setCurrentIndex(max(0, self.sex_combo.findData(member.sex)))
        self.birth_place_edit.setText(member.birth_place)
        self.birth_date_edit.set_value(member.birth_date)
        self.occupation_combo.set_text(member.occupation)
        self.spouse_edit.setText(member.spouse_name)
        self.npwp_edit.setText(member.npwp)
        self.address_edit.setText(member.address)
        self.rt_edit.setText(member.rt)
        self.rw_edit.setText(member.rw)
        self.employer_edit.setText(member.employer)
        self.employee_no_edit.setText(member.employee_no)
        if member.payroll_sukarela:
            self.sukarela_edit.setText(format_number(member.payroll_sukarela))
        self.region.kecamatan.set_text(member.kecamatan)
        self.region.kelurahan.set_text(member.kelurahan)
        self.city_edit.setText(member.city)
        self.phone_edit.setText(format_phone(member.phone) if member.phone else "")
        self.join_date_edit.set_value(member.join_date)

    # -- checks where the field is typed ---------------------------------------------------------
    def _hide_error(self, field: str) -> None:
        label = self.findChild(QLabel, f"error_{field}")
        if label is not None:
            label.clear()
            label.hide()

    def _check_nik(self) -> None:
        if not self.nik_edit.text().strip():
            return  # the save explains an empty NIK; leaving the field empty is not an error yet
        try:
            nik = validate_nik(self.nik_edit.text())
        except ValidationError as exc:
            self._show_at("nik", exc.message, focus=False)
            return
        self._hide_error("nik")
        self.nik_edit.setText(nik)
        guessed = _birth_from_nik(nik, self.today)
        if guessed is not None:
            birth, sex = guessed
            if not self.birth_date_edit.text().strip():
                self.birth_date_edit.set_value(birth)
            if not self.sex_combo.currentData():
                self.sex_combo.setCurrentIndex(self.sex_combo.findData(sex))

    def _check_phone(self) -> None:
        if not self.phone_edit.text().strip():
            self._hide_error("phone")
            return
        try:
            phone = normalize_phone(self.phone_edit.text())
        except ValidationError as exc:
            self._show_at("phone", exc.message, focus=False)
            return
        self._hide_error("phone")
        self.phone_edit.setText(format_phone(phone))

    def _check_date(self, edit: DateEdit) -> None:
        if not edit.text().strip():
            self._hide_error(edit.field)
            return
        try:
            edit.value()
        except ValidationError as exc:
            self._show_at(edit.field, exc.message, focus=False)
            return
        self._hide_error(edit.field)

    def _show_at(self, field: str, message: str, *, focus: bool) -> None:
        if focus:
            self.errors.show(field, message)
            return
        # Leaving a field must not pull the cursor back: show the message only.
        label = self.findChild(QLabel, f"error_{field}")
        if label is not None:
            label.setText(message)
            label.show()

    # -- saving ---------------------------------------------------------------------------------
    def draft(self) -> MemberDraft:
        """What the form holds, as typed (dates parsed; ValidationError at a bad date)."""
        birth = self.birth_date_edit.value()
        join = self.join_date_edit.value()
        assert join is not None  # required
        return MemberDraft(
            name=self.name_edit.text(),
            nik=self.nik_edit.text(),
            sex=str(self.sex_combo.currentData() or ""),
            birth_place=self.birth_place_edit.text(),
            birth_date=birth,
            address=self.address_edit.text(),
            rt=self.rt_edit.text(),
            rw=self.rw_edit.text(),
            kelurahan=self.region.kelurahan.text(),
            kecamatan=self.region.kecamatan.text(),
            city=self.city_edit.text(),
            phone=self.phone_edit.text(),
            occupation=self.occupation_combo.text(),
            spouse_name=self.spouse_edit.text(),
            npwp=self.npwp_edit.text(),
            join_date=join,
            employer=self.employer_edit.text(),
            employee_no=self.employee_no_edit.text(),
            payroll_sukarela=self._sukarela(),
        )

    def _sukarela(self) -> int:
        text = self.sukarela_edit.text().strip()
        try:
            return parse_rupiah(text) if text else 0
        except ValidationError as exc:
            raise ValidationError(exc.message, field="payroll_sukarela") from None

    def accept(self) -> None:
        self.errors.clear()
        members = self.services.members
        exclude = self.member.id if self.member else None
        try:
            clean = members.validate(self.draft(), self.today)
            warnings = members.warnings(clean, exclude)
            if warnings and not messages.confirm(
                self,
                self.tr("Periksa lagi"),
                "\n\n".join(warnings) + "\n\n" + self.tr("Simpan tetap?"),
                yes=self.tr("Ya, simpan tetap"),
                no=self.tr("Periksa lagi"),
            ):
                return
            if self.member is None:
                self.saved = members.create(self.user, clean, self.today)
            else:
                self.saved = members.update(self.user, self.member.id, clean, self.today)
        except ValidationError as exc:
            show_error(self, exc, errors=self.errors)
            return
        except AppError as exc:
            show_error(self, exc, errors=self.errors, fields=())
            return
        super().accept()

    def _snapshot(self) -> tuple[str, ...]:
        edits = [
            self.name_edit, self.nik_edit, self.birth_place_edit, self.birth_date_edit,
            self.spouse_edit, self.npwp_edit, self.address_edit, self.rt_edit, self.rw_edit,
            self.city_edit, self.phone_edit, self.join_date_edit, self.employer_edit,
            self.employee_no_edit, self.sukarela_edit,
        ]  # fmt: skip
        return (
            *(e.text() for e in edits),
            str(self.sex_combo.currentData()),
            self.occupation_combo.text(),
            self.region.kelurahan.text(),
            self.region.kecamatan.text(),
        )

    def reject(self) -> None:
        """Esc or Batal: ask first when something was typed, so work is not lost by accident."""
        if (
            self.saved is None
            and self._snapshot() != self._loaded
            and not messages.confirm(
                self,
                self.tr("Tutup tanpa menyimpan?"),
                self.tr("Yang sudah diketik di formulir ini akan hilang."),
                yes=self.tr("Ya, tutup"),
                no=self.tr("Kembali ke formulir"),
            )
        ):
            return
        super().reject()
