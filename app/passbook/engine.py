"""The printing plan, without storage or Qt: which pending lines go on which page.

A book knows the next free position; a print run takes the pending lines in order and fills
the page from there. A page is one `PageJob`; after it the clerk turns the page (the next job
starts on line 1 of the next page) or, after the book's last line, gets a new book whose first
line is the carried-forward balance (*saldo pindahan*)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from app.money import format_number
from app.passbook.layout import Layout, Position


@dataclass(frozen=True)
class Entry:
    """One line's content, as printed (and as kept, so a reprint shows the same)."""

    source_id: int | None  # the savings transaction / loan event; None for a saldo pindahan
    on: date
    code: str
    debit: int
    credit: int
    balance: int
    teller: str

    def texts(self) -> dict[str, str]:
        return {
            "date": self.on.strftime("%d-%m-%y"),
            "code": self.code,
            "debit": amount_text(self.debit),
            "credit": amount_text(self.credit),
            "balance": amount_text(self.balance),
            "teller": self.teller,
        }


def amount_text(value: int) -> str:
    if not value:
        return ""
    return ("-" if value < 0 else "") + format_number(abs(value))


class Printable(Protocol):
    def texts(self) -> dict[str, str]: ...


E = TypeVar("E", bound=Printable)


class After(StrEnum):
    """What the clerk does after a page job."""

    DONE = "selesai"
    TURN_PAGE = "balik"  # "Balik halaman buku, lalu tekan Lanjut"
    NEW_BOOK = "buku_baru"  # the book is full and lines are still waiting


@dataclass(frozen=True)
class PageJob(Generic[E]):
    page: int
    lines: tuple[tuple[int, E], ...]  # (line number, entry)
    after: After

    @property
    def positions(self) -> list[Position]:
        return [Position(self.page, n) for n, _ in self.lines]


def page_job(layout: Layout, next_free: Position | None, pending: Sequence[E]) -> PageJob[E] | None:
    """The lines of `pending` that go on the page of `next_free`, and what comes after.
    None when there is nothing to print or the book is full (then a new book is needed)."""
    if not pending or next_free is None:
        return None
    lines: list[tuple[int, E]] = []
    pos: Position | None = next_free
    for entry in pending:
        if pos is None or pos.page != next_free.page:
            break
        lines.append((pos.line, entry))
        pos = layout.after(pos)
    rest = len(pending) - len(lines)
    if rest == 0:
        after = After.DONE
    elif pos is None:
        after = After.NEW_BOOK
    else:
        after = After.TURN_PAGE
    return PageJob(next_free.page, tuple(lines), after)


def next_free(layout: Layout, last_printed: Position | None) -> Position | None:
    """The position after the last printed line (None: the book is full)."""
    if last_printed is None:
        return layout.first
    return layout.after(last_printed)


def carried_forward(balance: int, on: date, teller: str) -> Entry:
    """The first line of a new book: the balance brought over from the previous one."""
    return Entry(None, on, "PDH", 0, 0, balance, teller)
