"""Buku Kas Harian and the daily cash count (kas opname, LEDGER.md §3.1 item 4).

The day's cash book is the Buku Besar of the Kas account for one day (opening balance, each
line in and out, running balance). A cash count is always recorded as a journal of its own: a
difference as an explicit journal (a shortage to Beban lain-lain, a surplus to Pendapatan
lain-lain, LEDGER.md §1.2 has no separate selisih kas account), an exact count as the no-GL
marker, so every count is on the books with what was counted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.errors import ValidationError
from app.ledger.lockdate import refuse_locked
from app.ledger.models import Line
from app.ledger.service import LedgerPage, LedgerService
from app.money import format_rupiah
from app.storage.units import write_unit
from app.users.models import User

SOURCE = "kas_opname"
SHORTAGE_ACCOUNT = "5401"  # Beban lain-lain
SURPLUS_ACCOUNT = "4204"  # Pendapatan lain-lain
KAS = "1101"


@dataclass(frozen=True)
class CashCount:
    journal_id: int
    on: date
    book: int  # the Kas balance at the end of the day, before the count
    counted: int
    difference: int  # counted − book: positive is a surplus

    @property
    def balanced(self) -> bool:
        return self.difference == 0


def _key(on: date) -> int:
    return on.year * 10_000 + on.month * 100 + on.day


class CashBook:
    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger

    def day(self, on: date, account: str = KAS) -> LedgerPage:
        """The day's cash in and out with running balance."""
        return self.ledger.buku_besar(account, on, on)

    def counted(self, on: date, account: str = KAS) -> int | None:
        """The journal of the day's cash count, if one was recorded."""
        return self.ledger.repo.find(SOURCE, _key(on), account)

    @write_unit
    def count(self, actor: User | None, on: date, counted: int, account: str = KAS) -> CashCount:
        """Record the cash counted at the end of `on`; the difference becomes a journal."""
        if counted < 0:
            raise ValidationError("Jumlah uang yang dihitung tidak boleh negatif.", "counted")
        self.ledger.accounts.postable(account)
        refuse_locked(self.ledger.db, on, "kas opname", "date")
        if self.counted(on, account) is not None:
            raise ValidationError(
                f"Kas opname tanggal {on.strftime('%d-%m-%Y')} sudah dicatat. Koreksi dengan "
                "jurnal umum bila ada hitungan ulang."
            )
        book = self.ledger.buku_besar(account, on, on).closing
        difference = counted - book
        text = (
            f"Kas opname {on.strftime('%d-%m-%Y')}: dihitung {format_rupiah(counted)}, "
            f"buku {format_rupiah(book)}"
        )
        lines: list[Line] = []
        if difference > 0:
            text += f", lebih {format_rupiah(difference)}"
            lines = [Line(account, difference), Line(SURPLUS_ACCOUNT, 0, difference)]
        elif difference < 0:
            text += f", kurang {format_rupiah(-difference)}"
            lines = [Line(SHORTAGE_ACCOUNT, -difference), Line(account, 0, -difference)]
        else:
            text += ", cocok"
        for line in lines:
            self.ledger.accounts.postable(line.account)
        uid = None if actor is None else actor.id
        with self.ledger.db.atomic():
            journal_id = self.ledger.repo.write(
                on=on,
                source=SOURCE,
                source_id=_key(on),
                role=account,
                description=text,
                lines=lines,
                user_id=uid,
            )
            self.ledger.audit.record(
                uid,
                "tambah",
                "kas_opname",
                journal_id,
                after={"tanggal": on, "dihitung": counted, "buku": book, "selisih": difference},
            )
        return CashCount(journal_id, on, book, counted, difference)
