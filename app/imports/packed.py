"""A checked loan's schedule kept small until the import writes it: one array of 64-bit
integers instead of an object per instalment (with its date and four numbers as objects of
their own), about 1.2 kB instead of 6.4 kB for 24 instalments — the plan of a 60,000-loan
file is held from the dry run to the import. Reading it gives the same Installments back."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from datetime import date
from typing import overload

from app.loans.schedule import Installment

_WIDTH = 6  # number, due date (ordinal), pokok, jasa, total, balance


class PackedSchedule(Sequence[Installment]):
    __slots__ = ("_data",)

    def __init__(self, data: array[int]) -> None:
        self._data = data

    def __len__(self) -> int:
        return len(self._data) // _WIDTH

    @overload
    def __getitem__(self, index: int) -> Installment: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Installment]: ...

    def __getitem__(self, index: int | slice) -> Installment | Sequence[Installment]:
        if isinstance(index, slice):
            return tuple(self)[index]
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("schedule index out of range")
        return _installment(self._data, index * _WIDTH)

    def __iter__(self) -> Iterator[Installment]:
        data = self._data
        for base in range(0, len(data), _WIDTH):
            yield _installment(data, base)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedSchedule):
            return self._data == other._data
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]


def _installment(data: array[int], base: int) -> Installment:
    number, day, pokok, jasa, total, balance = data[base : base + _WIDTH]
    return Installment(number, date.fromordinal(day), pokok, jasa, total, balance)


def packed(schedule: Sequence[Installment]) -> Sequence[Installment]:
    """`schedule` packed, or as it is when a figure does not fit in 64 bits."""
    data: array[int] = array("q")
    try:
        for i in schedule:
            data.extend((i.number, i.due_date.toordinal(), i.pokok, i.jasa, i.total, i.balance))
    except OverflowError:
        return tuple(schedule)
    return PackedSchedule(data)
