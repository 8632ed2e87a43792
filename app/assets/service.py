"""The fixed-asset register and its month-end depreciation job (issue 13 §1, LEDGER.md §3.1
item 2). Registering a purchase posts Dr 130x / Cr Kas or Bank in the same transaction; an
asset owned at the cut-over posts nothing (it is in the opening balances). The month-end job
posts, per asset, every month of its schedule (app/assets/depreciation.py) up to the month
asked for that has no row yet and is not locked: one row per asset and month (a unique key)
with its journal Dr 5207 / Cr 1309 in the same transaction, so a rerun posts nothing twice.
Disposal and retirement are not recorded yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.assets import depreciation as dep
from app.assets.depreciation import Asset, NewAsset
from app.errors import ValidationError
from app.formats import month_key
from app.ledger import events as ev
from app.ledger.closing import CheckItem, month_end
from app.ledger.lockdate import refuse_locked
from app.ledger.service import LedgerService
from app.money import format_rupiah
from app.storage.assets_repo import AssetsRepository
from app.storage.closing_repo import ClosingRepository
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

MAX_LIFE = 600


@dataclass(frozen=True)
class AssetRow:
    asset: Asset
    accumulated: int  # opening + posted, up to the month asked for

    @property
    def book_value(self) -> int:
        return self.asset.cost - self.accumulated


@dataclass
class DepreciationResult:
    month: str
    rows: int = 0
    total: int = 0
    skipped: list[str] = field(default_factory=list)


def validate(new: NewAsset) -> None:
    """Field-level checks of a new asset, in Indonesian."""
    if not new.name.strip():
        raise ValidationError("Nama aset wajib diisi.", "name")
    if new.account == dep.LAND:
        raise ValidationError("Tanah tidak disusutkan; tidak dicatat di daftar ini.", "account")
    if new.account not in dep.ACCOUNTS:
        raise ValidationError("Pilih jenis aset: Gedung, Kendaraan atau Inventaris.", "account")
    if new.cost <= 0:
        raise ValidationError("Harga perolehan harus lebih dari 0.", "cost")
    if not 1 <= new.life_months <= MAX_LIFE:
        raise ValidationError(f"Umur manfaat 1 sampai {MAX_LIFE} bulan.", "life_months")
    if not 0 <= new.residual <= new.cost:
        raise ValidationError(
            "Nilai sisa tidak boleh negatif atau lebih dari harga perolehan.", "residual"
        )
    if new.origin == dep.ORIGIN_PURCHASE:
        if not new.method:
            raise ValidationError("Pilih cara bayar pembelian.", "method")
    elif new.origin == dep.ORIGIN_OPENING:
        if not new.opening_month:
            raise ValidationError("Isi bulan saldo awal.", "opening_month")
        if dep.seq_of(new, new.opening_month) < 0:
            raise ValidationError(
                "Bulan saldo awal tidak boleh sebelum tanggal perolehan.", "opening_month"
            )
    else:
        raise ValidationError("Asal aset tidak dikenal.", "origin")


class FixedAssets:
    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger
        self.db = ledger.db
        self.audit = ledger.audit
        self.repo = AssetsRepository(ledger.db)

    @write_unit
    def register(self, actor: User, new: NewAsset) -> Asset:
        require(actor, Action.MONTH_END)
        new = NewAsset(**{**new.__dict__, "name": new.name.strip(), "note": new.note.strip()})
        validate(new)
        if new.origin == dep.ORIGIN_PURCHASE:
            refuse_locked(self.db, new.acquired_on, "pembelian aset", "acquired_on")
        else:  # its depreciation after the cut-over must land in open months
            lock = ClosingRepository(self.db).lock_date()
            year, month = map(int, (new.opening_month or "0-0").split("-"))
            if lock is not None and month_end(year, month) < lock:
                raise ValidationError(
                    f"Pembukuan sampai {lock.strftime('%d-%m-%Y')} sudah ditutup; bulan saldo "
                    f"awal paling awal {month_key(lock.year, lock.month)}.",
                    "opening_month",
                )
        accumulated = dep.opening_accumulated(new)
        with self.db.atomic():
            asset = self.repo.insert(new, accumulated, actor.id)
            if new.origin == dep.ORIGIN_PURCHASE:
                self.ledger.post(
                    ev.AssetPurchase(
                        source_id=asset.id,
                        on=new.acquired_on,
                        account=new.account,
                        amount=new.cost,
                        method=new.method or "tunai",
                        note=new.name,
                    ),
                    actor,
                )
            self.audit.record(
                actor.id,
                "daftar",
                "aset_tetap",
                asset.id,
                after={
                    "name": asset.name,
                    "account": asset.account,
                    "acquired_on": asset.acquired_on.isoformat(),
                    "cost": asset.cost,
                    "life_months": asset.life_months,
                    "residual": asset.residual,
                    "origin": asset.origin,
                    "method": asset.method,
                    "opening_month": asset.opening_month,
                    "opening_accumulated": accumulated,
                },
            )
        return asset

    def rows(self, as_of: date) -> list[AssetRow]:
        """The register at `as_of`: cost, accumulated depreciation, book value."""
        through = month_key(as_of.year, as_of.month)
        posted = self.repo.accumulated(through)
        return [
            AssetRow(a, a.opening_accumulated + posted.get(a.id, 0)) for a in self.repo.all(as_of)
        ]

    def pending(self, year: int, month: int) -> list[tuple[Asset, str, int, int]]:
        """(asset, month, seq, amount) still to post up to the month (the checklist's item)."""
        through = month_key(year, month)
        found = []
        for asset in self.repo.all(month_end(year, month)):
            done = self.repo.posted_months(asset.id)
            found += [
                (asset, m, s, a) for m, s, a in dep.due_months(asset, through) if m not in done
            ]
        return found

    def checklist(self, year: int, month: int) -> list[CheckItem]:
        todo = self.pending(year, month)
        detail = "; ".join(f"{a.name}: bulan {m} belum disusutkan" for a, m, _, _ in todo[:5])
        if len(todo) > 5:
            detail += f"; dan {len(todo) - 5} lagi"
        return [CheckItem("penyusutan", "Penyusutan aset tetap", not todo, detail)]

    @write_unit
    def run(self, actor: User, year: int, month: int) -> DepreciationResult:
        """Post the depreciation of every asset up to the month (catching up open months)."""
        require(actor, Action.MONTH_END)
        end = month_end(year, month)
        refuse_locked(self.db, end, "penyusutan aset tetap")
        lock = ClosingRepository(self.db).lock_date()
        result = DepreciationResult(month_key(year, month))
        for asset, due, seq, amount in self.pending(year, month):
            on = month_end(*map(int, due.split("-")))
            if lock is not None and on <= lock:
                result.skipped.append(f"{asset.name}: bulan {due} sudah ditutup")
                continue
            with self.db.atomic():
                row_id = self.repo.add_depreciation(asset.id, due, seq, amount, actor.id)
                self.ledger.post(
                    ev.AssetDepreciation(
                        source_id=row_id, on=on, amount=amount, note=f"{asset.name} {due}"
                    ),
                    actor,
                )
            result.rows += 1
            result.total += amount
        return result

    def summary(self, result: DepreciationResult) -> str:
        return (
            f"Penyusutan aset tetap s.d. {result.month}: {result.rows} baris, "
            f"{format_rupiah(result.total)}"
        )
