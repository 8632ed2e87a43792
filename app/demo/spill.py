"""Sorting more items than should be held in memory (the demo's loan events: about 880,000 at
20,000 members, over a kilobyte each as objects): each batch is sorted and written to a
temporary file, and the batches are read back merged, one item per batch in memory at a time.
The files are removed when read to the end or closed."""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Generic, TypeVar

T = TypeVar("T")
BLOCK = 1_000  # items per pickle: what one batch holds in memory while being read


class SortedSpill(Generic[T]):
    """Items written in batches (`add`), read back once in sorted order (iterate).

    `pack` turns an item into something pickle writes compactly (plain tuples) and `unpack`
    turns it back; the packed items are what is compared, so they must sort as the items do."""

    def __init__(self, pack: Callable[[T], Any], unpack: Callable[[Any], T]) -> None:
        self._pack, self._unpack = pack, unpack
        self._files: list[IO[bytes]] = []

    def add(self, items: Iterable[T]) -> None:
        packed = sorted(self._pack(item) for item in items)
        if not packed:
            return
        file = tempfile.TemporaryFile()  # noqa: SIM115 - closed when read or by close()
        for start in range(0, len(packed), BLOCK):  # each block a pickle of its own
            pickle.dump(packed[start : start + BLOCK], file, protocol=pickle.HIGHEST_PROTOCOL)
        file.seek(0)
        self._files.append(file)

    def __iter__(self) -> Iterator[T]:
        files, self._files = self._files, []
        try:
            for packed in heapq.merge(*(_read(f) for f in files)):
                yield self._unpack(packed)
        finally:
            for file in files:
                file.close()

    def close(self) -> None:
        for file in self._files:
            file.close()
        self._files = []


def _read(file: IO[bytes]) -> Iterator[Any]:
    while True:
        try:
            block = pickle.load(file)
        except EOFError:
            return
        yield from block
