"""Where a line lands on a passbook model: page size, offsets, line pitch, the fold, columns.

A position is (page, line), both from 1. Line n of a page is printed at
`top + (n - 1 + skipped) * pitch` from the top edge, where `skipped` is the number of lines
left blank at the fold when n is past the fold (the stitched middle of a passbook page cannot
be printed on). All lengths are millimetres as `Decimal`; the Qt printer and the PDF samples
convert them to their own units."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal
from typing import Any

from app.errors import ValidationError

COLUMN_NAMES = ("date", "code", "debit", "credit", "balance", "teller")
CARD_COLUMN_NAMES = ("date", "receipt", "pokok", "jasa", "denda", "remaining")
COLUMN_LABELS = {
    "date": "Tanggal",
    "code": "Sandi",
    "debit": "Debet",
    "credit": "Kredit",
    "balance": "Saldo",
    "teller": "Paraf",
    "receipt": "Kuitansi",
    "pokok": "Pokok",
    "jasa": "Jasa",
    "denda": "Denda",
    "remaining": "Sisa Pokok",
}
RIGHT_ALIGNED = frozenset({"debit", "credit", "balance", "pokok", "jasa", "denda", "remaining"})


@dataclass(frozen=True, order=True)
class Position:
    page: int
    line: int

    @property
    def label(self) -> str:
        return f"halaman {self.page} baris {self.line}"


@dataclass(frozen=True)
class Column:
    name: str
    x: Decimal  # mm from the left offset
    width: Decimal


@dataclass(frozen=True)
class Layout:
    """One passbook (or loan card) model."""

    name: str
    page_width: Decimal = Decimal("140")
    page_height: Decimal = Decimal("180")
    top: Decimal = Decimal("20")
    left: Decimal = Decimal("8")
    pitch: Decimal = Decimal("4.233")  # 6 lines per inch
    lines_per_page: int = 28
    fold_after: int = 14  # the fold comes after this line (0: no fold)
    fold_skip: int = 2  # lines left blank at the fold
    pages: int = 16  # printable pages in one book
    font_size: Decimal = Decimal("9")
    columns: tuple[Column, ...] = field(default_factory=tuple)

    # -- geometry -----------------------------------------------------------------------------
    def line_y(self, line: int) -> Decimal:
        """Distance in mm from the top edge of the page to the baseline of `line`."""
        skipped = self.fold_skip if self.fold_after and line > self.fold_after else 0
        return self.top + (line - 1 + skipped) * self.pitch

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    def text_x(self, name: str, text_width: Decimal = Decimal(0)) -> Decimal:
        """Left edge in mm of a column's text (right-aligned columns end at the column end)."""
        col = self.column(name)
        if name in RIGHT_ALIGNED:
            return self.left + col.x + col.width - text_width
        return self.left + col.x

    # -- positions ----------------------------------------------------------------------------
    @property
    def first(self) -> Position:
        return Position(1, 1)

    def after(self, pos: Position) -> Position | None:
        """The position after `pos`, or None when `pos` is the book's last line."""
        if pos.line < self.lines_per_page:
            return Position(pos.page, pos.line + 1)
        if pos.page < self.pages:
            return Position(pos.page + 1, 1)
        return None

    def contains(self, pos: Position) -> bool:
        return 1 <= pos.page <= self.pages and 1 <= pos.line <= self.lines_per_page

    # -- checks and storage -------------------------------------------------------------------
    def validate(self) -> Layout:
        problems = []
        if not self.name.strip():
            problems.append("Nama model harus diisi.")
        if self.page_width <= 0 or self.page_height <= 0:
            problems.append("Ukuran halaman harus lebih dari 0 mm.")
        if self.pitch <= 0:
            problems.append("Jarak baris harus lebih dari 0 mm.")
        if self.lines_per_page < 1 or self.pages < 1:
            problems.append("Jumlah baris per halaman dan jumlah halaman minimal 1.")
        if not 0 <= self.fold_after < self.lines_per_page or self.fold_skip < 0:
            problems.append("Lipatan harus di antara baris pertama dan terakhir halaman.")
        if self.font_size < 5 or self.font_size > 16:
            problems.append("Ukuran huruf antara 5 dan 16 pt.")
        if self.top < 0 or self.left < 0:
            problems.append("Jarak atas dan kiri tidak boleh negatif.")
        bottom = self.line_y(self.lines_per_page)
        if not problems and bottom > self.page_height:
            problems.append(
                f"Baris terakhir ({bottom:.1f} mm) jatuh di luar halaman "
                f"({self.page_height} mm): kurangi baris atau jarak baris."
            )
        for col in self.columns:
            if col.width <= 0 or col.x < 0:
                problems.append(f"Kolom {COLUMN_LABELS.get(col.name, col.name)}: posisi/lebar.")
            elif self.left + col.x + col.width > self.page_width:
                problems.append(
                    f"Kolom {COLUMN_LABELS.get(col.name, col.name)} melewati tepi kanan halaman."
                )
        if problems:
            raise ValidationError(" ".join(problems), field="layout")
        return self

    def to_json(self) -> str:
        data: dict[str, Any] = asdict(self)
        return json.dumps(data, default=str, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Layout:
        data = json.loads(text)
        cols = tuple(
            Column(c["name"], Decimal(str(c["x"])), Decimal(str(c["width"])))
            for c in data.pop("columns", [])
        )
        dec = {"page_width", "page_height", "top", "left", "pitch", "font_size"}
        values: dict[str, Any] = {k: (Decimal(str(v)) if k in dec else v) for k, v in data.items()}
        return cls(columns=cols, **values)

    def with_(self, **changes: Any) -> Layout:
        return replace(self, **changes)


def _cols(spec: tuple[tuple[str, str, str], ...]) -> tuple[Column, ...]:
    return tuple(Column(n, Decimal(x), Decimal(w)) for n, x, w in spec)


DEFAULT_PASSBOOK = Layout(
    name="Buku Simpanan standar (PLQ-20)",
    columns=_cols(
        (
            ("date", "0", "18"),
            ("code", "19", "9"),
            ("debit", "29", "24"),
            ("credit", "54", "24"),
            ("balance", "79", "28"),
            ("teller", "109", "10"),
        )
    ),
)
DEFAULT_CARD = Layout(
    name="Kartu Angsuran standar",
    page_width=Decimal("210"),
    page_height=Decimal("148"),
    top=Decimal("30"),
    left=Decimal("10"),
    lines_per_page=24,
    fold_after=0,
    fold_skip=0,
    pages=2,
    columns=_cols(
        (
            ("date", "0", "18"),
            ("receipt", "20", "36"),
            ("pokok", "58", "28"),
            ("jasa", "88", "24"),
            ("denda", "114", "22"),
            ("remaining", "138", "30"),
        )
    ),
)
