"""What a dry run found: each problem with its sheet, row and column, and the totals an
import would create."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str
    message: str

    def text(self) -> str:
        where = f"{self.sheet}, baris {self.row}" if self.row else self.sheet
        if self.column:
            where += f", kolom {self.column}"
        return f"{where}: {self.message}"


@dataclass
class DryRun:
    """The checked file: problems (nothing may be imported while there are any), the totals
    and the plan (the checked rows, ready for the import to write)."""

    kind: str
    file_name: str
    file_hash: str
    row_count: int = 0
    problems: list[Problem] = field(default_factory=list)
    totals: list[tuple[str, str]] = field(default_factory=list)
    plan: Any = None
    stamp: Any = None  # what the check saw (file, options, day, writes): see ImportService.run

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        result = [f"Berkas {self.file_name}: {self.row_count} baris diperiksa."]
        if self.problems:
            result.append(f"{len(self.problems)} masalah; tidak ada yang diimpor:")
            result.extend(f"  {p.text()}" for p in self.problems)
        else:
            result.append("Tidak ada masalah. Yang akan dibuat:")
        result.extend(f"  {name}: {value}" for name, value in self.totals)
        return result
