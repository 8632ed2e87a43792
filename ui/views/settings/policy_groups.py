"""Pengaturan → Kebijakan: the collection groups (cases, letters, promises, settlement, hapus
buku) and the number patterns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from ui.views.settings.policy_fields import (
    CheckField,
    ChoiceField,
    NumberField,
    PatternField,
    PolicyGroup,
    hint_label,
)
from ui.widgets.form import FieldErrors


class CaseGroup(PolicyGroup):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__("case", self.tr("Pembukaan kasus otomatis"), errors, parent)
        self.add(
            self.tr("Buka kasus bila kolektibilitas"), ChoiceField("collection.open_min_class")
        )
        self.add(
            self.tr("atau bila terlambat sedikitnya"),
            NumberField(
                "collection.open_days_late", 365, self.tr(" hari"), off=self.tr("Tidak dipakai")
            ),
            self.tr(
                "Program membuka kasus penanganan sendiri untuk pinjaman yang memenuhi "
                "salah satu syarat ini."
            ),
        )
        self.add(
            self.tr("Tutup kasus bila lancar selama"),
            NumberField(
                "collection.close_current_days",
                365,
                self.tr(" hari"),
                off=self.tr("Tidak ditutup otomatis"),
            ),
            self.tr(
                "Kasus yang pinjamannya tidak menunggak lagi selama sekian hari ditutup sendiri, "
                "dengan catatan alasannya di riwayat kasus."
            ),
        )


class LettersGroup(PolicyGroup):
    """SP1 → SP2 → SP3 intervals, with the resulting days spelled out."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__("letters", self.tr("Jadwal surat peringatan"), errors, parent)
        self.sp1 = self.add(
            self.tr("SP1 setelah terlambat"),
            NumberField("collection.sp1_days", 365, self.tr(" hari"), bottom=1),
        )
        self.sp2 = self.add(
            self.tr("SP2 setelah SP1"),
            NumberField("collection.sp2_after_days", 180, self.tr(" hari"), bottom=1),
        )
        self.sp3 = self.add(
            self.tr("SP3 setelah SP2"),
            NumberField("collection.sp3_after_days", 180, self.tr(" hari"), bottom=1),
        )
        self.pay = self.add(
            self.tr("Batas bayar di setiap surat"),
            NumberField("collection.letter_pay_days", 90, self.tr(" hari"), bottom=1),
        )
        self.add(
            self.tr("Tunggakan lama tanpa SP: mulai"),
            ChoiceField("collection.long_overdue_first"),
        )
        self.add(
            self.tr("… bila terlambat sedikitnya"),
            NumberField("collection.long_overdue_days", 3650, self.tr(" hari"), bottom=31),
            self.tr(
                "Pinjaman yang sudah lama menunggak tetapi belum pernah mendapat SP "
                "sebaiknya diundang ke kantor dulu, bukan langsung diberi SP1."
            ),
        )
        self.example = hint_label()
        self.example.setObjectName("letters_example")
        self.form.addRow(self.example)
        for field in (self.sp1, self.sp2, self.sp3, self.pay):
            field.widget.valueChanged.connect(lambda _v: self._update())

    def load(self, get: Callable[[str], Any]) -> None:
        super().load(get)
        self._update()

    def _update(self) -> None:
        sp1 = int(self.sp1.value())
        sp2 = sp1 + int(self.sp2.value())
        sp3 = sp2 + int(self.sp3.value())
        self.example.setText(
            self.tr(
                "Jadi: SP1 pada hari ke-{sp1} keterlambatan, SP2 paling cepat hari ke-{sp2}, SP3 "
                "paling cepat hari ke-{sp3}. Setiap surat memberi {pay} hari untuk membayar."
            ).format(sp1=sp1, sp2=sp2, sp3=sp3, pay=self.pay.value())
        )


class PromiseGroup(PolicyGroup):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__("promises", self.tr("Janji bayar"), errors, parent)
        self.add(
            self.tr("Masa tenggang janji"),
            NumberField(
                "collection.promise_grace_days", 30, self.tr(" hari"), off=self.tr("Tidak ada")
            ),
            self.tr(
                "Pembayaran sampai sekian hari sesudah tanggal janji masih dihitung menepati janji."
            ),
        )
        self.add(
            self.tr("Janji ingkar tetap di Beranda"),
            NumberField("collection.broken_promise_days", 90, self.tr(" hari"), bottom=1),
            self.tr("Selama itu janji yang diingkari tampil paling atas di daftar kerja."),
        )


class SettlementGroup(PolicyGroup):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__("settlement", self.tr("Pelunasan dengan keringanan"), errors, parent)
        for component, label in (
            ("denda", self.tr("Keringanan denda paling banyak")),
            ("jasa", self.tr("Keringanan jasa paling banyak")),
            ("pokok", self.tr("Keringanan pokok paling banyak")),
        ):
            self.add(label, NumberField(f"collection.waiver_max_{component}", 100, " %"))
        self.form.addRow(
            hint_label(
                self.tr(
                    "Persen dari tunggakan bagian itu. Dalam batas ini cukup disetujui "
                    "satu Pengurus; di atasnya perlu dua Pengurus dan nomor notulen rapat."
                )
            )
        )
        self.add(
            self.tr("Tawaran berlaku selama"),
            NumberField("collection.offer_days", 180, self.tr(" hari"), bottom=1),
        )


class WriteoffGroup(PolicyGroup):
    """Hapus buku preconditions: months Macet, and each check that must be met."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__("writeoff", self.tr("Syarat hapus buku"), errors, parent)
        self.add(
            self.tr("Sudah Macet sedikitnya"),
            NumberField(
                "collection.writeoff_macet_months",
                60,
                self.tr(" bulan"),
                off=self.tr("Tidak disyaratkan"),
            ),
        )
        self.form.addRow(QLabel(self.tr("Yang harus sudah terpenuhi:")))
        for key, text in (
            ("collection.writeoff_need_allowance", self.tr("PPAP sudah 100 %")),
            ("collection.writeoff_need_letters", self.tr("SP1, SP2 dan SP3 sudah dikirim")),
            ("collection.writeoff_need_visit", self.tr("Ada laporan kunjungan atau Berita Acara")),
            ("collection.writeoff_need_collateral", self.tr("Agunan sudah diselesaikan")),
            ("collection.writeoff_need_setoff", self.tr("Simpanan sudah dikompensasikan")),
        ):
            self.add("", CheckField(key, text))
        self.form.addRow(
            hint_label(
                self.tr(
                    "Syarat yang tidak dicentang tetap ditampilkan di daftar periksa, tetapi tidak "
                    "menghalangi usulan hapus buku."
                )
            )
        )


class NumberingGroup(PolicyGroup):
    """Number patterns of loans, receipts, cases and decisions, each with an example."""

    def __init__(
        self, errors: FieldErrors, coop_code: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__("numbering", self.tr("Penomoran pinjaman dan kasus"), errors, parent)
        self.patterns: dict[str, PatternField] = {}
        for key, doc_code, label in (
            ("loans.application_pattern", "PM", self.tr("No. permohonan pinjaman")),
            ("loans.agreement_pattern", "PK", self.tr("No. Pinjaman (perjanjian)")),
            ("loans.receipt_pattern", "KA", self.tr("No. kuitansi angsuran")),
            ("collection.case_pattern", "KS", self.tr("No. kasus")),
            ("collection.decision_pattern", "KEP", self.tr("No. keputusan")),
            ("collection.recovery_pattern", "PH", self.tr("No. kuitansi setelah hapus buku")),
        ):
            field = PatternField(key, doc_code, coop_code)
            self.patterns[key] = field
            self.add(label, field)
        self.form.addRow(
            hint_label(
                self.tr(
                    "Isian pola: {seq:03} nomor urut 3 angka, {year} tahun, {yy} tahun 2 angka, "
                    "{month} bulan, {roman_month} bulan Romawi, {coop_code} kode koperasi, "
                    "{doc_code} kode jenis dokumen. Nomor urut mulai dari 1 lagi setiap tahun bila "
                    "pola memuat tahun."
                )
            )
        )
