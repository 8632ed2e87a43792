"""The cooperative's profile and the settings that have a default preset."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

# Every setting with its shipped default. Keys are stable: they are stored in the database.
DEFAULTS: dict[str, Any] = {
    "format.rupiah_style": "puebi",
    "format.timezone": "WIB",
    "members.number_pattern": "{seq:05}",
    "savings.pokok_amount": 100_000,
    "savings.wajib_monthly": 25_000,
    "savings.receipt_pattern": "KW-{year}-{seq:06}",
    "backup.keep": 10,
    "backup.auto_on_close": True,
    "security.max_failed_logins": 5,
    "security.lockout_minutes": 15,
    "demo": False,
    "books.simpanan_as": "ekuitas",
    # Loans (app/loans): numbering, the quality and allowance policies (DOMAIN §5-6).
    "loans.application_pattern": "PM-{year}-{seq:05}",
    "loans.agreement_pattern": "{seq:03}/{coop_code}/PK/{roman_month}/{year}",
    "loans.receipt_pattern": "KA-{year}-{seq:06}",
    "loans.quality_policy": "koperasi",  # koperasi / ojk / missed / custom
    "loans.macet_after_months": 12,  # koperasi preset: months in Diragukan before Macet
    "loans.custom_quality_limits": "0:L,90:DPK,120:KL,180:D",  # largest value:class, ascending
    "loans.custom_quality_measure": "days",  # days past due, or missed instalments
    "loans.allowance_policy": "bpr",  # bpr / permen
    # Problem loans (app/collection, DOMAIN §7): case opening, collection schedule, promises,
    # settlement waiver limits (percent of each component) and hapus buku preconditions.
    "collection.open_min_class": "KL",  # a loan in this class or worse gets a case ("" = off)
    "collection.open_days_late": 30,  # … or this many days late (0 = off)
    "collection.sp1_days": 30,  # SP1 at this many days overdue
    "collection.sp2_after_days": 14,  # SP2 this many days after SP1
    "collection.sp3_after_days": 14,  # SP3 this many days after SP2
    "collection.letter_pay_days": 7,  # each letter gives this many days to pay
    "collection.close_current_days": 30,  # a case closes itself after this many days current
    # A loan this many days overdue that never had an SP gets `long_overdue_first` first.
    "collection.long_overdue_days": 365,
    "collection.long_overdue_first": "panggilan",  # panggilan / SP1
    "collection.promise_grace_days": 0,  # payments this many days after the promised date count
    "collection.broken_promise_days": 14,  # broken promises stay in the work queue this long
    "collection.waiver_max_denda": 100,
    "collection.waiver_max_jasa": 50,
    "collection.waiver_max_pokok": 0,
    "collection.offer_days": 30,  # a settlement offer is valid this many days by default
    "collection.writeoff_macet_months": 6,  # 0 = not required
    "collection.writeoff_need_allowance": True,
    "collection.writeoff_need_letters": True,
    "collection.writeoff_need_visit": True,
    "collection.writeoff_need_collateral": True,
    "collection.writeoff_need_setoff": True,
    "collection.case_pattern": "KS-{year}-{seq:04}",
    "collection.decision_pattern": "{seq:03}/{coop_code}/KEP/{roman_month}/{year}",
    "collection.recovery_pattern": "PH-{year}-{seq:05}",
    # The books (app/ledger, LEDGER.md §1.1, §2.1): jasa recognition, the Jurnal Umum amount
    # above which a second person approves, and how simpanan pokok/wajib are presented.
    "books.jasa_basis": "kas",  # kas / akrual_lancar
    "books.approval_above": 5_000_000,
    # Simpanan berjangka (app/savings/berjangka.py): the rate per year of each term (text, a
    # Decimal percentage), how jasa is paid by default, the early-withdrawal penalty (percent of
    # the principal; the unpaid jasa is forfeited besides) and the account number pattern.
    "berjangka.rate_1": "4",
    "berjangka.rate_3": "5",
    "berjangka.rate_6": "5,5",
    "berjangka.rate_12": "6",
    "berjangka.jasa_mode": "bulanan",  # bulanan / jatuh_tempo
    "berjangka.penalty_percent": "1",
    "berjangka.number_pattern": "SB-{year}-{seq:05}",
    # PPh 4(2) on jasa simpanan (LEDGER.md §4): the Rp240.000 threshold per member (default)
    # or per savings account.
    "pph.per_account": False,
    # Jasa simpanan sukarela (app/savings/jasa.py): % a year (a decimal, as text) and the
    # balance it is paid on, credited at month end.
    "savings.jasa_sukarela_rate": "0",
    "savings.jasa_sukarela_basis": "terendah",
}

# Settings whose value is one of a fixed list (value -> what the user reads).
CHOICES: dict[str, dict[str, str]] = {
    "savings.jasa_sukarela_basis": {
        "terendah": "Saldo terendah dalam bulan",
        "rata_harian": "Saldo rata-rata harian",
    },
    "books.simpanan_as": {
        "ekuitas": "Ekuitas (modal sendiri)",
        "liabilitas": "Liabilitas (kewajiban kepada anggota)",
    },
    "loans.quality_policy": {
        "koperasi": "Koperasi (Permen KUKM 20/2008 jo. 14/2009)",
        "ojk": "OJK, 5 golongan menurut hari tunggakan",
        "missed": "Jumlah angsuran tertunggak",
        "custom": "Tabel khusus koperasi",
    },
    "loans.custom_quality_measure": {"days": "Hari tunggakan", "missed": "Angsuran tertunggak"},
    "loans.allowance_policy": {
        "bpr": "Gaya BPR (dengan pengurang agunan)",
        "permen": "Bobot risiko Permen 14/2009",
    },
    "books.jasa_basis": {
        "kas": "Basis kas: jasa dan denda diakui saat diterima",
        "akrual_lancar": "Akrual untuk pinjaman Lancar",
    },
    "berjangka.jasa_mode": {
        "bulanan": "Tiap bulan ke Simpanan Sukarela",
        "jatuh_tempo": "Sekaligus saat jatuh tempo",
    },
    "collection.long_overdue_first": {
        "panggilan": "Surat Panggilan (undangan ke kantor)",
        "SP1": "Surat Peringatan 1 (SP1)",
    },
    "collection.open_min_class": {
        "": "Tidak dipakai",
        "DPK": "Dalam Perhatian Khusus atau lebih buruk",
        "KL": "Kurang Lancar atau lebih buruk",
        "D": "Diragukan atau lebih buruk",
        "M": "Macet",
    },
}
# Whole-number settings that are percentages.
RATE_SETTINGS = frozenset(
    {
        "berjangka.rate_1",
        "berjangka.rate_3",
        "berjangka.rate_6",
        "berjangka.rate_12",
        "berjangka.penalty_percent",
    }
)
"""Settings holding a Decimal percentage as text ('5,5')."""
PERCENT_SETTINGS = frozenset(
    {"collection.waiver_max_denda", "collection.waiver_max_jasa", "collection.waiver_max_pokok"}
)

RUPIAH_STYLES = {
    "puebi": "Rp1.500.000 (PUEBI)",
    "spasi": "Rp 1.500.000",
    "sen": "Rp1.500.000,00",
}


@dataclass(frozen=True)
class CoopProfile:
    name: str = ""
    code: str = ""
    badan_hukum_no: str = ""
    badan_hukum_date: date | None = None
    address: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    logo_png: bytes = b""
    ketua: str = ""
    sekretaris: str = ""
    bendahara: str = ""
    manajer: str = ""
    ketua_pengawas: str = ""

    @property
    def is_complete(self) -> bool:
        return bool(self.name.strip() and self.code.strip())


PROFILE_FIELDS = [f.name for f in fields(CoopProfile)]
