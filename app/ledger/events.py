"""The money events that post to the books, as small typed records (LEDGER.md §2.2).

Each event names itself by `key()` = (source, source_id, role): the journal's unique key, so a
second journal for the same event is impossible. Amounts are whole rupiah."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar


@dataclass(frozen=True, kw_only=True)
class Event:
    SOURCE: ClassVar[str] = ""
    ROLE: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""
    source_id: int
    on: date
    member_id: int | None = None
    loan_id: int | None = None
    product_id: int | None = None
    note: str = ""

    def key(self) -> tuple[str, int, str]:
        return (self.SOURCE, self.source_id, self.ROLE)

    def description(self) -> str:
        return f"{self.LABEL} {self.note}".strip()


@dataclass(frozen=True, kw_only=True)
class SavingsDeposit(Event):
    """Setoran simpanan; kind: pokok, wajib, sukarela or berjangka."""

    SOURCE = "simpanan"
    ROLE = "setoran"
    LABEL = "Setoran simpanan"
    kind: str
    amount: int
    method: str = "tunai"


@dataclass(frozen=True, kw_only=True)
class SavingsWithdrawal(SavingsDeposit):
    ROLE = "penarikan"
    LABEL = "Penarikan simpanan"


@dataclass(frozen=True, kw_only=True)
class Disbursement(Event):
    """Pencairan: the plafon, less deductions; `forced_savings` as (kind, amount)."""

    SOURCE = "pinjaman"
    ROLE = "pencairan"
    LABEL = "Pencairan pinjaman"
    plafon: int
    method: str = "tunai"
    admin_fee: int = 0
    premi: int = 0
    forced_savings: tuple[tuple[str, int], ...] = ()
    defer_fee: bool = False
    transfer: int = 0  # of the net, paid off the loan this one replaces: to 1114, not Kas


@dataclass(frozen=True, kw_only=True)
class InstalmentPayment(Event):
    """Angsuran as the sub-ledger allocated it; `titipan` is the excess kept as an advance,
    `titipan_used` the advance already held that this payment used besides the cash.
    `jasa_accrued` is the part of jasa that settles accrued jasa (accrual mode; the service
    fills it from the loan's accrued balance)."""

    SOURCE = "angsuran"
    ROLE = "angsuran"
    LABEL = "Angsuran pinjaman"
    method: str = "tunai"
    pokok: int = 0
    jasa: int = 0
    denda: int = 0
    titipan: int = 0
    titipan_used: int = 0
    jasa_accrued: int = 0


@dataclass(frozen=True, kw_only=True)
class TitipanIn(Event):
    SOURCE = "titipan"
    ROLE = "masuk"
    LABEL = "Titipan masuk"
    amount: int
    method: str = "tunai"


@dataclass(frozen=True, kw_only=True)
class TitipanApplied(Event):
    SOURCE = "titipan"
    ROLE = "dipakai"
    LABEL = "Titipan dipakai untuk angsuran"
    pokok: int = 0
    jasa: int = 0
    denda: int = 0
    jasa_accrued: int = 0  # the part of jasa that settles accrued jasa (accrual mode)


@dataclass(frozen=True, kw_only=True)
class TitipanRefund(Event):
    SOURCE = "titipan"
    ROLE = "dikembalikan"
    LABEL = "Titipan dikembalikan"
    amount: int
    method: str = "tunai"


@dataclass(frozen=True, kw_only=True)
class TitipanToSukarela(Event):
    SOURCE = "titipan"
    ROLE = "ke_sukarela"
    LABEL = "Titipan dipindah ke simpanan sukarela"
    amount: int


@dataclass(frozen=True, kw_only=True)
class Waiver(Event):
    """Keringanan of jasa/denda (and pokok). Unbooked amounts post nothing (a marker); accrued
    jasa is taken back from 1109 against jasa income (same year) or the loss account; waived
    pokok leaves 1105, out of this loan's allowance first (`allowance`: None = the service
    reads it), the rest a loss."""

    SOURCE = "keringanan"
    ROLE = "keringanan"
    LABEL = "Keringanan jasa/denda"
    pokok: int = 0
    jasa: int = 0
    denda: int = 0
    accrued_jasa: int = 0
    same_year: bool = True
    allowance: int | None = None
    future_jasa: bool = False  # potongan pelunasan: jasa not yet due, never accrued


@dataclass(frozen=True, kw_only=True)
class Rescheduling(Event):
    SOURCE = "penjadwalan"
    ROLE = "penjadwalan"
    LABEL = "Penjadwalan kembali"


@dataclass(frozen=True, kw_only=True)
class Restructuring(Event):
    """Restrukturisasi capitalising arrears of jasa into pokok: deferred, not income."""

    SOURCE = "restrukturisasi"
    ROLE = "kapitalisasi"
    LABEL = "Restrukturisasi (kapitalisasi jasa)"
    capitalised_jasa: int = 0
    split_account: bool = False


@dataclass(frozen=True, kw_only=True)
class DeferredJasaRelease(Event):
    SOURCE = "rilis_jasa"
    ROLE = "rilis"
    LABEL = "Pengakuan jasa ditangguhkan"
    amount: int


@dataclass(frozen=True, kw_only=True)
class JasaAccrual(Event):
    """Month-end accrual of due-but-unpaid jasa on a Lancar loan (accrual mode); negative: the
    part accrued that is no longer due, taken back (source_id: the accrual row)."""

    SOURCE = "akrual"
    LABEL = "Akrual jasa"
    amount: int

    def key(self) -> tuple[str, int, str]:
        return (self.SOURCE, self.source_id, f"pinjaman:{self.loan_id}")


@dataclass(frozen=True, kw_only=True)
class AccrualDowngrade(Event):
    """A Lancar loan downgraded to KL/D/M: its unpaid accrued jasa is taken back (`amount`:
    None = the service reads the loan's accrued balance); it falls back to cash basis
    (source_id: the accrual row, one per loan per month)."""

    SOURCE = "akrual_turun"
    ROLE = "turun_kelas"
    LABEL = "Pembatalan akrual jasa (turun kolektibilitas)"
    amount: int | None = None


@dataclass(frozen=True, kw_only=True)
class Settlement(Event):
    """Pelunasan dengan keringanan: the whole pokok leaves the books; the waived pokok comes
    out of this loan's allowance first (`allowance`: None = the service reads it)."""

    SOURCE = "pelunasan"
    ROLE = "pelunasan"
    LABEL = "Pelunasan dengan keringanan"
    method: str = "tunai"
    pokok_outstanding: int
    pokok_paid: int
    jasa_paid: int = 0
    denda_paid: int = 0
    allowance: int | None = None


@dataclass(frozen=True, kw_only=True)
class SetOff(Event):
    """Kompensasi simpanan: savings (sukarela, or the exit payable) pay the loan."""

    SOURCE = "kompensasi"
    ROLE = "kompensasi"
    LABEL = "Kompensasi simpanan"
    from_exit: bool = False
    pokok: int = 0
    jasa: int = 0
    denda: int = 0


@dataclass(frozen=True, kw_only=True)
class PpapAdjustment(Event):
    """The month's PPAP delta = required - booked, per loan (source_id: the month-end run)."""

    SOURCE = "ppap"
    LABEL = "Penyesuaian PPAP"
    delta: int
    release_to_expense: bool = False

    def key(self) -> tuple[str, int, str]:
        return (self.SOURCE, self.source_id, f"pinjaman:{self.loan_id}")


@dataclass(frozen=True, kw_only=True)
class WriteOff(Event):
    """Hapus buku: the loan leaves the GL (then the ekstrakomptabel register)."""

    SOURCE = "hapus_buku"
    ROLE = "hapus_buku"
    LABEL = "Hapus buku pinjaman"
    pokok: int
    deferred_jasa: int | None = None  # None: the service reads the loan's 1107 balance
    accrued_jasa: int = 0
    allowance: int | None = None


@dataclass(frozen=True, kw_only=True)
class Recovery(Event):
    SOURCE = "pemulihan"
    ROLE = "pemulihan"
    LABEL = "Penerimaan pinjaman yang telah dihapusbukukan"
    amount: int
    method: str = "tunai"
    to_allowance: bool = False


@dataclass(frozen=True, kw_only=True)
class HapusTagih(Event):
    SOURCE = "hapus_tagih"
    ROLE = "hapus_tagih"
    LABEL = "Hapus tagih"


@dataclass(frozen=True, kw_only=True)
class IncomeNotRecognised(Event):
    """Hapus buku: the jasa/denda owed is not income (cash basis: it never was): a marker."""

    SOURCE = "pembalikan_pendapatan"
    ROLE = "pembalikan_pendapatan"
    LABEL = "Jasa/denda tidak diakui (hapus buku)"
    jasa: int = 0
    denda: int = 0


@dataclass(frozen=True, kw_only=True)
class BerjangkaOpen(Event):
    """A simpanan berjangka placed (source_id: the deposit): Kas/Bank, or the transfer
    account when it comes from sukarela or rolls over, to 2102."""

    SOURCE = "berjangka"
    ROLE = "buka"
    LABEL = "Penempatan simpanan berjangka"
    amount: int
    method: str = "tunai"


@dataclass(frozen=True, kw_only=True)
class JasaSimpanan(Event):
    """Jasa simpanan credited (LEDGER.md §2.2): Dr beban jasa simpanan `kind` ('sukarela' →
    5101, 'berjangka' → 5102) the gross / Cr `credit_role` (the member's sukarela by default,
    or a payable) the net = gross − tax / Cr 2106 the PPh 4(2) withheld. A negative net (the
    piece that takes the month past Rp240.000 owes more PPh than itself) is a debit there.
    The key is (`record`, source_id, ROLE): the record that credited it (e.g. a jasa_sukarela
    row, a berjangka jasa payment)."""

    SOURCE = "jasa_simpanan"
    ROLE = "jasa"
    LABEL = "Jasa simpanan"
    kind: str
    gross: int
    tax: int = 0
    credit_role: str = "simpanan_sukarela"
    record: str = "jasa_sukarela"

    def key(self) -> tuple[str, int, str]:
        return (self.record, self.source_id, self.ROLE)


@dataclass(frozen=True, kw_only=True)
class PphDeposit(Event):
    """Setor PPh 4(2) of a month (source_id: the pph_setoran row): the whole PPh terutang
    `amount` / Cr Kas or Bank; Dr 2106 what was withheld (amount − shortfall) and Dr 1111
    Piutang lain-lain the `shortfall` (kurang potong, owed by the members: PPh on the month
    total above what their jasa and sukarela could give)."""

    SOURCE = "setor_pph"
    ROLE = "setor"
    LABEL = "Setor PPh Pasal 4(2) jasa simpanan"
    amount: int
    method: str = "tunai"
    shortfall: int = 0


@dataclass(frozen=True, kw_only=True)
class BerjangkaJasa(Event):
    """A month's jasa of a simpanan berjangka (source_id: the berjangka event): the gross is
    the expense, the PPh 4(2) withheld goes to 2106, the net to the member (`method`)."""

    SOURCE = "berjangka_jasa"
    ROLE = "jasa"
    LABEL = "Jasa simpanan berjangka"
    gross: int
    tax: int = 0
    method: str = "jasa_berjangka"


@dataclass(frozen=True, kw_only=True)
class BerjangkaClose(Event):
    """A simpanan berjangka ends (source_id: the berjangka event): paid out at maturity,
    rolled over, or withdrawn early with a penalty; the principal less the penalty goes out
    by `method`, the jasa still due (gross, less its PPh) by `jasa_method`."""

    SOURCE = "berjangka_tutup"
    ROLE = "tutup"
    LABEL = "Pencairan simpanan berjangka"
    principal: int
    method: str
    jasa: int = 0
    tax: int = 0
    jasa_method: str = "tunai"
    penalty: int = 0


@dataclass(frozen=True, kw_only=True)
class LoanOpening(Event):
    """A loan brought in by the cut-over import (its stored disbursement, method `saldo_awal`,
    keyed as the disbursement): the position at the cut-over (`on`) — the pokok outstanding
    to 1105 against 3999; nothing of before the cut-over (no Kas, no income)."""

    SOURCE = Disbursement.SOURCE
    ROLE = Disbursement.ROLE
    LABEL = "Saldo awal pinjaman pindahan"
    pokok: int


@dataclass(frozen=True, kw_only=True)
class PaidBeforeCutOver(Event):
    """What an imported loan's member paid before the cut-over (its stored payment, method
    `saldo_awal`, keyed as the payment): history of the old books, it posts nothing."""

    SOURCE = InstalmentPayment.SOURCE
    ROLE = InstalmentPayment.ROLE
    LABEL = "Dibayar sebelum peralihan"
    pokok: int = 0
    jasa: int = 0


@dataclass(frozen=True, kw_only=True)
class AssetPurchase(Event):
    """A fixed asset bought (source_id: the fixed_assets row): Dr its asset account (1302–1304)
    / Cr the payment method's Kas or Bank."""

    SOURCE = "aset_tetap"
    ROLE = "perolehan"
    LABEL = "Pembelian aset tetap"
    account: str
    amount: int
    method: str = "tunai"


@dataclass(frozen=True, kw_only=True)
class AssetDepreciation(Event):
    """A month's depreciation of a fixed asset (source_id: the asset_depreciation row):
    Dr Beban penyusutan 5207 / Cr Akumulasi penyusutan 1309."""

    SOURCE = "penyusutan"
    ROLE = "penyusutan"
    LABEL = "Penyusutan aset tetap"
    amount: int


EVENT_TYPES: tuple[type[Event], ...] = (
    SavingsDeposit,
    SavingsWithdrawal,
    Disbursement,
    InstalmentPayment,
    TitipanIn,
    TitipanApplied,
    TitipanRefund,
    TitipanToSukarela,
    Waiver,
    Rescheduling,
    Restructuring,
    DeferredJasaRelease,
    JasaAccrual,
    AccrualDowngrade,
    Settlement,
    SetOff,
    PpapAdjustment,
    WriteOff,
    Recovery,
    HapusTagih,
    IncomeNotRecognised,
    BerjangkaOpen,
    BerjangkaJasa,
    BerjangkaClose,
    JasaSimpanan,
    PphDeposit,
    LoanOpening,
    PaidBeforeCutOver,
    AssetPurchase,
    AssetDepreciation,
)
