"""Closing a month (issue 13 §1, LEDGER.md §3.1): the lock date, the guided checklist, the
close that moves the lock to the month's end and the reopening of the latest closed month only,
by the Ketua plus one other Pengurus with a reason."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.errors import PermissionDenied, ValidationError
from app.formats import month_of
from app.ledger.bankrec import BankReconciliation
from app.ledger.cashbook import KAS, CashBook
from app.ledger.models import Line
from app.ledger.service import LedgerService
from app.ledger.yeartax import TAX_EXPENSE, TAX_PAYABLE, TaxSettingsService, YearTax, year_tax
from app.loans.accrual_job import JasaAccrualJob
from app.money import format_rupiah
from app.storage.closing_repo import YEAR_END_SOURCE, YEAR_TAX_SOURCE, ClosingRepository
from app.storage.loans_snapshots_repo import LoanSnapshotsRepository
from app.storage.units import write_unit
from app.users.models import Role, User
from app.users.permissions import Action, require

if TYPE_CHECKING:
    from app.savings.jasa_service import JasaSukarela

CLEARING = ("1110", "2105")  # potongan gaji receivable, premi asuransi: zero at month end
SAVINGS_ROLES = (("pokok", "simpanan_pokok"), ("wajib", "simpanan_wajib"))
SUKARELA = ("sukarela", "simpanan_sukarela")
LOAN_ROLES = ("piutang_pinjaman", "piutang_restrukturisasi")
SHU_UNSHARED = "3107"  # SHU belum dibagi
YEAR_END_ROLE = "penutup"
TAX_ROLE = "pajak"  # the year-end tax journal: (pajak_tahunan, year, "pajak")


@dataclass(frozen=True)
class CheckItem:
    key: str
    label: str
    ok: bool
    detail: str = ""


def parse_month(text: str) -> tuple[int, int]:
    """'2026-01' → (2026, 1), or a ValidationError in Indonesian."""
    try:
        year_text, month_text = text.strip().split("-")
        year, month = int(year_text), int(month_text)
        if len(year_text) != 4 or not 1 <= month <= 12:
            raise ValueError
    except ValueError:
        raise ValidationError(f"Bulan '{text}' tidak dikenal; tulis seperti 2026-01.") from None
    return year, month


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


ExtraCheck = Callable[[int, int], list["CheckItem"]]
"""(year, month) → more checklist items of another sub-ledger (simpanan berjangka)."""


class PeriodClose:
    def __init__(
        self,
        ledger: LedgerService,
        jasa: JasaSukarela | None = None,
        extra: Sequence[ExtraCheck] = (),
    ) -> None:
        """`jasa`: the month-end jasa simpanan, an item of the checklist when given; `extra`:
        more items of other sub-ledgers (simpanan berjangka)."""
        self.extra = tuple(extra)
        self.ledger = ledger
        self.jasa = jasa
        self.db = ledger.db
        self.repo = ClosingRepository(ledger.db)

    def lock_date(self) -> date | None:
        return self.repo.lock_date()

    def locked_postings(self) -> list[str]:
        """LEDGER.md §5.4 invariant 6, for `mufakat check`: nothing was posted into a period
        that was locked when it was written (an empty list: all is well)."""
        return [
            f"Jurnal {r['number']} bertanggal {r['date']} ditulis saat pembukuan terkunci "
            f"sampai {r['lock_date']}."
            for r in self.repo.posted_into_locked()
        ]

    def checklist(self, year: int, month: int) -> list[CheckItem]:
        """The month-close checklist for the month; every item must be ok to close."""
        end = month_end(year, month)
        items = [self._unbooked(end), self._month_end(end), *self._jasa(end), self._accrual(end)]
        items.append(self._loans(end))
        items += self._savings(end)
        for check in self.extra:
            items += check(year, month)
        items += [self._clearing(end), self._cash(end), self._bank(end)]
        return items

    def _unbooked(self, end: date) -> CheckItem:
        found = self.repo.unbooked(end)
        detail = "; ".join(found)
        return CheckItem("belum_dibukukan", "Semua transaksi sudah dibukukan", not found, detail)

    def _month_end(self, end: date) -> CheckItem:
        done = not self.repo.loans_outstanding(end) or self.repo.quality_run_on(end)
        detail = (
            ""
            if done
            else f"Proses akhir bulan pinjaman per {end.strftime('%d-%m-%Y')} belum dijalankan."
        )
        return CheckItem("akhir_bulan", "Kolektibilitas dan PPAP akhir bulan", done, detail)

    def _jasa(self, end: date) -> list[CheckItem]:
        if self.jasa is None:
            return []
        month = month_of(end)
        done = self.jasa.done(month) is not None or not self.jasa.rate()
        detail = "" if done else f"Jasa simpanan sukarela bulan {month} belum dikreditkan."
        return [CheckItem("jasa_simpanan", "Jasa simpanan sukarela dikreditkan", done, detail)]

    def _accrual(self, end: date) -> CheckItem:
        """Akrual Lancar only: the month's accrual posted for every loan that needs one."""
        label = "Akrual jasa pinjaman Lancar"
        job = JasaAccrualJob(self.ledger)
        if not job.active:
            return CheckItem("akrual", label, True, "Basis kas: jasa diakui saat diterima.")
        snapshots = LoanSnapshotsRepository(self.db)
        runs = [r for r in snapshots.runs() if r.as_of == end]
        if not runs:
            done = not self.repo.loans_outstanding(end)
            when = end.strftime("%d-%m-%Y")
            detail = "" if done else f"Proses akhir bulan per {when} belum dijalankan."
            return CheckItem("akrual", label, done, detail)
        pending = job.pending(end, snapshots.snapshot(runs[0]))
        if pending:
            detail = (
                f"{len(pending)} pinjaman belum diakrualkan; jalankan ulang proses akhir bulan."
            )
            return CheckItem("akrual", label, False, detail)
        differs = self.repo.accrual_differences(end, self.ledger.accounts.resolver(end).role)
        return CheckItem("akrual", label, not differs, "; ".join(differs))

    def _booked(self, roles: tuple[str, ...], end: date) -> tuple[str, int]:
        resolver = self.ledger.accounts.resolver(end)
        codes = [resolver.role(r) for r in roles]
        sign = 1 if self.ledger.accounts.get(codes[0]).normal == "D" else -1
        return " + ".join(codes), sign * self.ledger.repo.balance(codes, end)

    def _tie(self, key: str, label: str, codes: str, booked: int, expected: int) -> CheckItem:
        if booked == expected:
            return CheckItem(key, label, True)
        return CheckItem(
            key,
            label,
            False,
            f"Akun {codes}: buku besar {format_rupiah(booked)}, rincian "
            f"{format_rupiah(expected)}, selisih {format_rupiah(booked - expected)}.",
        )

    def _loans(self, end: date) -> CheckItem:
        codes, booked = self._booked(LOAN_ROLES, end)
        expected = self.repo.loans_outstanding(end)
        item = self._tie("piutang", "Piutang pinjaman = sisa pokok", codes, booked, expected)
        if item.ok:
            return item
        resolver = self.ledger.accounts.resolver(end)
        loans = self.repo.loan_differences([resolver.role(r) for r in LOAN_ROLES], end)
        rows = "; ".join(
            f"{r['number']}: buku besar {format_rupiah(r['booked'])}, rincian "
            f"{format_rupiah(r['expected'])}"
            for r in loans
        )
        return CheckItem(item.key, item.label, False, f"{item.detail} Pinjaman berbeda: {rows}.")

    def _savings(self, end: date) -> list[CheckItem]:
        by_kind = self.repo.savings_by_kind(end)
        items = []
        for kind, role in (*SAVINGS_ROLES, SUKARELA):
            codes, booked = self._booked((role,), end)
            label = f"Simpanan {kind} = saldo anggota"
            items.append(self._tie(f"simpanan_{kind}", label, codes, booked, by_kind.get(kind, 0)))
        return items

    def _clearing(self, end: date) -> CheckItem:
        open_ = []
        for code in CLEARING:
            balance = self.ledger.repo.balance([code], end)
            if balance:
                open_.append(f"akun {code} bersaldo {format_rupiah(abs(balance))}")
        return CheckItem("perantara", "Akun perantara nol", not open_, "; ".join(open_))

    def _cash(self, end: date) -> CheckItem:
        done = CashBook(self.ledger).counted(end, KAS) is not None
        detail = "" if done else f"Kas opname tanggal {end.strftime('%d-%m-%Y')} belum dicatat."
        return CheckItem("kas_opname", "Kas opname akhir bulan", done, detail)

    def _bank(self, end: date) -> CheckItem:
        bank = BankReconciliation(self.ledger)
        problems = []
        for code, name in bank.bank_accounts():
            if not self.ledger.repo.balance([code], end) and not bank.items(code, end):
                continue
            statement = bank.repo.latest_statement(code)
            if statement is None or statement["statement_date"] < end.isoformat():
                problems.append(f"{code} {name}: rekening koran per akhir bulan belum dicatat")
            elif not bank.reconcile(code, end, int(statement["balance"])).reconciled:
                problems.append(f"{code} {name}: belum cocok dengan rekening koran")
        return CheckItem("bank", "Bank sudah direkonsiliasi", not problems, "; ".join(problems))

    @write_unit
    def close_month(self, actor: User, year: int, month: int) -> list[CheckItem]:
        """Move the lock date to the month's end when every item passes; otherwise nothing
        changes and the failing items come back (an empty list: closed)."""
        require(actor, Action.MONTH_END)
        end = month_end(year, month)
        lock = self.repo.lock_date()
        if lock is not None and end <= lock:
            raise ValidationError(f"Bulan {month_of(end)} sudah ditutup.")
        if lock is not None and end.replace(day=1) - timedelta(days=1) != lock:
            raise ValidationError(
                f"Tutup dulu bulan {month_of(lock + timedelta(days=1))}; bulan ditutup berurutan."
            )
        failing = [item for item in self.checklist(year, month) if not item.ok]
        if failing:
            return failing
        with self.db.atomic():
            lock_id = self.repo.add_lock("tutup", month_of(end), end, actor.id)
            self.ledger.audit.record(
                actor.id, "tutup_bulan", "periode", lock_id, after={"tanggal_kunci": end}
            )
        return []

    @write_unit
    def reopen(self, actor: User, second: User | None, reason: str) -> date:
        """Reopen the latest closed month: the Ketua and one other Pengurus, with a reason.
        Returns the month's end that is open again."""
        lock = self.repo.lock_date()
        if lock is None:
            raise ValidationError("Belum ada bulan yang ditutup.")
        people = [actor] if second is None else [actor, second]
        if second is None or second.id == actor.id:
            raise PermissionDenied("Membuka bulan perlu Ketua dan satu Pengurus lain.")
        if not any(p.role == Role.KETUA for p in people) or not all(
            p.role in (Role.KETUA, Role.PENGURUS) for p in people
        ):
            raise PermissionDenied("Membuka bulan perlu Ketua dan satu Pengurus lain.")
        text = " ".join(reason.split())
        if not text:
            raise ValidationError("Alasan membuka bulan wajib diisi.", "reason")
        if lock.month == 12 and self.closed_year(lock.year) is not None:
            raise ValidationError(
                f"Tahun buku {lock.year} sudah ditutup dengan jurnal penutup; koreksi dicatat "
                "di tahun berjalan dengan keterangan."
            )
        previous = lock.replace(day=1) - timedelta(days=1)
        earlier = self.repo.history()
        keep = any(
            r["action"] == "tutup" and r["lock_date"] == previous.isoformat() for r in earlier
        )
        with self.db.atomic():
            lock_id = self.repo.add_lock(
                "buka", month_of(lock), previous if keep else None, actor.id, second.id, text
            )
            self.ledger.audit.record(
                actor.id,
                "buka_bulan",
                "periode",
                lock_id,
                before={"tanggal_kunci": lock},
                after={"tanggal_kunci": previous if keep else None, "disetujui": second.id},
                note=text,
            )
        return lock

    # -- year end (tutup buku) -----------------------------------------------------------------

    def closed_year(self, year: int) -> int | None:
        """The journal id of the year's jurnal penutup, if the year is closed."""
        return self.ledger.repo.find(YEAR_END_SOURCE, year, YEAR_END_ROLE)

    def tax_journal(self, year: int) -> int | None:
        """The journal id of the year-end tax journal, if one was posted."""
        return self.ledger.repo.find(YEAR_TAX_SOURCE, year, TAX_ROLE)

    def year_tax(self, year: int) -> YearTax:
        """The year's income tax under the regime setting (LEDGER.md §4); `booked` is what 5901
        held for the year before the year-end tax journal."""
        rows = self.repo.movements(date(year, 1, 1), date(year, 12, 31))
        booked = sum(int(r["net"]) for r in rows if r["code"] == TAX_EXPENSE)
        posted_id = self.tax_journal(year)
        if posted_id is not None:
            journal = self.ledger.journal(posted_id)
            booked -= sum(x.debit for x in journal.lines if x.account == TAX_EXPENSE)
        settings = TaxSettingsService(self.db, self.ledger.audit).settings()
        return year_tax(settings, year, rows, booked)

    @write_unit
    def close_year(self, actor: User, year: int) -> int:
        """The year's tax (Dr 5901 / Cr 2108, what is still due) and the jurnal penutup, both
        dated 31 December (LEDGER.md §3.2): Dr every income account, Cr every expense account by
        the year's movements, the difference to SHU belum dibagi (3107). December must be closed
        first, so the year is locked. Returns the jurnal penutup's id."""
        require(actor, Action.MONTH_END)
        end = date(year, 12, 31)
        lock = self.repo.lock_date()
        if lock is None or lock < end:
            raise ValidationError(f"Tutup dulu bulan Desember {year} sebelum tutup buku.")
        if self.closed_year(year) is not None:
            raise ValidationError(f"Tahun buku {year} sudah ditutup.")
        tax = self.year_tax(year)
        with self.db.atomic():
            if tax.due:
                self.ledger.repo.write(
                    on=end,
                    source=YEAR_TAX_SOURCE,
                    source_id=year,
                    role=TAX_ROLE,
                    description=f"Pajak penghasilan tahun buku {year}: {tax.explanation}",
                    lines=[Line(TAX_EXPENSE, tax.due), Line(TAX_PAYABLE, 0, tax.due)],
                    user_id=actor.id,
                )
            lines: list[Line] = []
            result = 0
            for r in self.repo.movements(date(year, 1, 1), end):
                net = int(r["net"])
                if r["type"] not in ("pendapatan", "beban") or not net:
                    continue
                result -= net
                lines.append(Line(r["code"], max(-net, 0), max(net, 0)))
            if result:
                lines.append(Line(SHU_UNSHARED, max(-result, 0), max(result, 0)))
            journal_id = self.ledger.repo.write(
                on=end,
                source=YEAR_END_SOURCE,
                source_id=year,
                role=YEAR_END_ROLE,
                description=f"Jurnal penutup tahun buku {year}",
                lines=lines,
                user_id=actor.id,
            )
            self.ledger.audit.record(
                actor.id,
                "tutup_buku",
                "periode",
                journal_id,
                after={"tahun": year, "shu": result, "pajak": tax.due, "rezim": tax.regime},
            )
        return journal_id
