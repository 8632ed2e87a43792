"""The pages of the restructuring wizard: kind, position, treatment per component, new terms,
the new schedule beside the old one, and the summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from app.collection.decision_models import RestructuringKind, RestructuringPlan, Treatment
from app.formats import format_count
from app.loans.quality import CLASS_LABELS
from app.loans.schedule import METHODS, method_label
from app.money import format_rupiah
from ui.dialogs.case_parts import text_box
from ui.dialogs.loan_dialog_parts import note_label
from ui.export import install_export
from ui.models.schedule_model import PlanColumn, PlanModel
from ui.widgets.date_edit import DateEdit
from ui.widgets.form import FieldErrors

if TYPE_CHECKING:
    from ui.dialogs.restructuring_wizard import RestructuringWizard

WARNING_STYLE = "background:#fff4d6; color:#6b4700; border:1px solid #e0b84a; padding:6px;"
KIND_HELP = {
    RestructuringKind.PENJADWALAN: "Hanya jangka waktu atau jadwal yang diubah; jasa per bulan "
    "tetap, tunggakan tidak dihapus.",
    RestructuringKind.PERSYARATAN: "Syarat diubah: jasa diturunkan, tunggakan jasa atau denda "
    "dihapus, atau jasa dijadikan pokok.",
    RestructuringKind.PENATAAN: "Penataan menyeluruh: tunggakan dijadikan pokok baru dengan syarat "
    "baru (termasuk penghapusan sebagian pokok).",
}
COMPONENT_LABELS = {"pokok": "Tunggakan pokok", "jasa": "Tunggakan jasa", "denda": "Denda"}
DEFAULTS = {
    RestructuringKind.PENJADWALAN: {
        "pokok": Treatment.KAPITALISASI,
        "jasa": Treatment.ANGSURAN_PERTAMA,
        "denda": Treatment.ANGSURAN_PERTAMA,
    },
    RestructuringKind.PERSYARATAN: {
        "pokok": Treatment.KAPITALISASI,
        "jasa": Treatment.KAPITALISASI,
        "denda": Treatment.HAPUS,
    },
    RestructuringKind.PENATAAN: {
        "pokok": Treatment.KAPITALISASI,
        "jasa": Treatment.KAPITALISASI,
        "denda": Treatment.KAPITALISASI,
    },
}


def allowed(kind: RestructuringKind, component: str) -> list[Treatment]:
    """The choices the rules allow for `component` under `kind` (the service checks again)."""
    choices = list(Treatment)
    if kind == RestructuringKind.PENJADWALAN and component in ("jasa", "denda"):
        choices = [Treatment.ANGSURAN_PERTAMA, Treatment.TETAP]
    if component == "pokok" and kind != RestructuringKind.PENATAAN:
        choices.remove(Treatment.HAPUS)
    return choices


class Page(QWizardPage):
    def wiz(self) -> RestructuringWizard:
        return cast("RestructuringWizard", self.wizard())


class KindPage(Page):
    def __init__(self, errors: FieldErrors) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 1 dari 6: Jenis restrukturisasi"))
        self.setSubTitle(self.tr("Pilih jenisnya, tanggal berlaku dan alasannya."))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.radios: dict[RestructuringKind, QRadioButton] = {}
        for kind in RestructuringKind:
            radio = QRadioButton(kind.label)
            radio.setObjectName(f"kind_{kind.value}")
            self.group.addButton(radio)
            self.radios[kind] = radio
            layout.addWidget(radio)
            help_label = note_label(self.tr(KIND_HELP[kind]))
            help_label.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(help_label)
        self.radios[RestructuringKind.PENJADWALAN].setChecked(True)
        form = QFormLayout()
        self.effective = DateEdit(field="effective_date")
        self.effective.setObjectName("effective_date")
        self.reason = text_box(
            "restructure_reason",
            3,
            self.tr("misalnya: usaha anggota pulih pelan-pelan, sanggup angsuran lebih kecil"),
        )
        errors.add_row(form, self.tr("Berlaku per tanggal *"), "effective_date", self.effective)
        errors.add_row(form, self.tr("Alasan *"), "reason", self.reason)
        layout.addLayout(form)
        self.counter = QLabel(objectName="restructure_counter")
        self.counter.setWordWrap(True)
        layout.addWidget(self.counter)
        layout.addStretch(1)

    def kind(self) -> RestructuringKind:
        return next(k for k, r in self.radios.items() if r.isChecked())

    def validatePage(self) -> bool:
        return self.wiz().read_position()


class PositionPage(Page):
    ROWS = (
        ("pokok", "Tunggakan pokok"),
        ("jasa", "Tunggakan jasa"),
        ("denda", "Denda"),
        ("total", "Jumlah tunggakan"),
        ("future", "Pokok belum jatuh tempo"),
        ("outstanding", "Sisa pokok seluruhnya"),
        ("titipan", "Titipan"),
        ("late", "Kolektibilitas / hari terlambat"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 2 dari 6: Posisi pinjaman"))
        self.setSubTitle(
            self.tr("Posisi per tanggal berlaku, dihitung dari jadwal dan pembayaran.")
        )
        grid = QGridLayout(self)
        self.values: dict[str, QLabel] = {}
        for n, (key, caption) in enumerate(self.ROWS):
            grid.addWidget(QLabel(self.tr(caption)), n, 0)
            value = QLabel(objectName=f"pos_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, n, 1)
            self.values[key] = value
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.ROWS), 1)

    def initializePage(self) -> None:
        pos = self.wiz().position
        assert pos is not None
        v = self.values
        for key in ("pokok", "jasa", "denda"):
            v[key].setText(format_rupiah(pos.amount(key)))
        v["total"].setText(f"<b>{format_rupiah(pos.arrears_total)}</b>")
        v["future"].setText(format_rupiah(pos.future_pokok))
        v["outstanding"].setText(format_rupiah(pos.outstanding))
        v["titipan"].setText(format_rupiah(pos.titipan))
        quality = CLASS_LABELS.get(pos.quality, pos.quality)  # the class's name, not its code
        v["late"].setText(f"{quality} · {format_count(pos.days_past_due, 'hari')}")


class TreatmentPage(Page):
    def __init__(self, errors: FieldErrors) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 3 dari 6: Tunggakan diapakan"))
        self.setSubTitle(
            self.tr(
                "Untuk tiap bagian tunggakan pilih: dihapus, dijadikan pokok "
                "baru, ditambahkan ke angsuran pertama, atau tetap ditagih."
            )
        )
        layout = QVBoxLayout(self)
        form = self.form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        self.amounts: dict[str, QLabel] = {}
        for key, caption in COMPONENT_LABELS.items():
            combo = QComboBox(objectName=f"treat_{key}")
            self.combos[key] = combo
            errors.add_row(form, self.tr(caption), key, combo)
        layout.addLayout(form)
        layout.addWidget(
            note_label(
                self.tr(
                    "Penjadwalan kembali tidak menghapus dan tidak menjadikan jasa/denda pokok; "
                    "penghapusan tunggakan pokok hanya lewat Penataan Kembali."
                )
            )
        )
        layout.addStretch(1)

    def initializePage(self) -> None:
        wiz = self.wiz()
        pos, kind = wiz.position, wiz.kind_page.kind()
        assert pos is not None
        for key, combo in self.combos.items():
            current = combo.currentData()
            combo.clear()
            for t in allowed(kind, key):
                combo.addItem(f"{t.label}", t.value)
            wanted = current if combo.findData(current) >= 0 else DEFAULTS[kind][key].value
            combo.setCurrentIndex(combo.findData(wanted))
            combo.setEnabled(pos.amount(key) > 0)
            label = cast(QLabel, self.form.labelForField(combo))
            label.setText(f"{COMPONENT_LABELS[key]} {format_rupiah(pos.amount(key))}")

    def treatment(self, key: str) -> Treatment:
        return Treatment(self.combos[key].currentData())


class TermsPage(Page):
    def __init__(self, errors: FieldErrors) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 4 dari 6: Syarat baru"))
        self.setSubTitle(self.tr("Jasa per bulan, jangka waktu, metode dan angsuran pertama."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.rate = QLineEdit(objectName="new_rate")
        self.months = QSpinBox(objectName="new_months")
        self.months.setRange(1, 360)
        self.months.setSuffix(self.tr(" bulan"))
        self.method = QComboBox(objectName="new_method")
        for m in METHODS:
            self.method.addItem(method_label(m), m)
        self.first_due = DateEdit(field="first_due")
        self.first_due.setObjectName("new_first_due")
        self.grace = QSpinBox(objectName="new_grace")
        self.grace.setRange(0, 12)
        self.grace.setSuffix(self.tr(" bulan"))
        errors.add_row(form, self.tr("Jasa per bulan (%) *"), "monthly_rate", self.rate)
        errors.add_row(form, self.tr("Jangka waktu *"), "months", self.months)
        errors.add_row(form, self.tr("Metode *"), "method", self.method)
        errors.add_row(form, self.tr("Angsuran pertama *"), "first_due", self.first_due)
        errors.add_row(form, self.tr("Masa tenggang pokok"), "principal_grace", self.grace)
        layout.addLayout(form)
        self.note = note_label()
        layout.addWidget(self.note)
        layout.addStretch(1)

    def initializePage(self) -> None:
        kind = self.wiz().kind_page.kind()
        fixed = kind == RestructuringKind.PENJADWALAN
        self.rate.setReadOnly(fixed)
        self.note.setText(
            self.tr("Penjadwalan kembali memakai jasa yang sama dengan pinjaman lama.")
            if fixed
            else ""
        )

    def validatePage(self) -> bool:
        return self.wiz().make_plan()


class ComparePage(Page):
    """The new schedule beside what is left of the old one, with the warnings."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Langkah 5 dari 6: Jadwal baru dibanding jadwal lama"))
        self.setSubTitle(
            self.tr(
                "Kiri: yang masih harus dibayar menurut jadwal lama. Kanan: "
                "jadwal baru. Periksa peringatan di bawah."
            )
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.old_model = PlanModel(self)
        self.new_model = PlanModel(self)
        self.old_box, self.old_table, self.old_total = self._side(
            self.tr("Jadwal lama (belum dibayar)"), self.old_model, "old_schedule"
        )
        self.new_box, self.new_table, self.new_total = self._side(
            self.tr("Jadwal baru"), self.new_model, "new_schedule"
        )
        row.addWidget(self.old_box)
        row.addWidget(self.new_box)
        layout.addLayout(row, 1)
        self.warnings = QLabel(objectName="restructure_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        layout.addWidget(self.warnings)

    def _side(
        self, title: str, model: PlanModel, name: str
    ) -> tuple[QGroupBox, QTableView, QLabel]:
        box = QGroupBox(title)
        box_layout = QVBoxLayout(box)
        table = install_export(QTableView(objectName=name))
        table.setModel(model)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(
            PlanColumn.NUMBER, QHeaderView.ResizeMode.ResizeToContents
        )
        total = QLabel(objectName=f"{name}_total")
        total.setWordWrap(True)
        box_layout.addWidget(table, 1)
        box_layout.addWidget(total)
        return box, table, total

    def initializePage(self) -> None:
        plan = self.wiz().plan
        assert plan is not None
        self.show_plan(plan)

    def show_plan(self, plan: RestructuringPlan) -> None:
        self.old_model.set_rows(plan.old_lines)
        self.new_model.set_rows(plan.new_lines)
        due = sum(1 for line in plan.old_lines if line.due_date <= plan.terms.effective_date)
        self.old_box.setTitle(
            self.tr("Jadwal lama: yang belum dibayar ({n} sudah lewat jatuh tempo)").format(n=due)
            if due
            else self.tr("Jadwal lama: yang belum dibayar")
        )
        self.old_total.setText(
            self.tr(
                "{n} angsuran belum dibayar · angsuran {monthly}/bulan · ditambah denda {denda} · "
                "<b>jumlah {total}</b>"
            ).format(
                n=len(plan.old_lines),
                monthly=format_rupiah(plan.old_monthly),
                denda=format_rupiah(plan.position.arrears_denda),
                total=format_rupiah(plan.old_total),
            )
        )
        self.new_total.setText(
            self.tr(
                "{n} angsuran · angsuran tetap {monthly}/bulan · pokok baru {principal} · "
                "<b>jumlah {total}</b>"
            ).format(
                n=len(plan.new_lines),
                monthly=format_rupiah(plan.new_monthly),
                principal=format_rupiah(plan.new_principal),
                total=format_rupiah(plan.new_total),
            )
        )
        self.warnings.setText(
            self.tr("Perhatian:\n") + "\n".join(f"• {w}" for w in plan.warnings)
            if plan.warnings
            else ""
        )
        self.warnings.setVisible(bool(plan.warnings))
