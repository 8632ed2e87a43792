"""A table written to Excel keeps each cell's kind: rupiah as numbers with the rupiah format,
dates as dates, and any text (a 16-digit NIK, a member number with leading zeros, a formula
look-alike) as text, exactly."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from app.exports.xlsx_table import DATE_FORMAT, RUPIAH_FORMAT, Rupiah, TableExport, write_table


def _read(path: Path, header_row: int) -> list[list[object]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=header_row)]


def test_cells_keep_their_kind(tmp_path: Path) -> None:
    table = TableExport(
        title="Daftar Anggota",
        headers=["No. Anggota", "NIK", "Simpanan", "Masuk", "Hari", "Catatan"],
        rows=[
            ["00012", "3201234567890123", Rupiah(1_500_000), date(2021, 8, 7), 12, "=1+1"],
            ["00013", None, Rupiah(-250), date(2026, 1, 31), 0, "biasa"],
        ],
        notes=["Status: Aktif"],
    )
    path = tmp_path / "a.xlsx"
    write_table(table, path)
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet["A1"].value == "Daftar Anggota" and sheet["A2"].value == "Status: Aktif"
    rows = _read(path, 4)
    assert rows[0] == table.headers
    assert rows[1] == ["00012", "3201234567890123", 1_500_000, datetime(2021, 8, 7), 12, "=1+1"]
    assert rows[2] == ["00013", None, -250, datetime(2026, 1, 31), 0, "biasa"]
    assert sheet["C5"].number_format == RUPIAH_FORMAT and sheet["D5"].number_format == DATE_FORMAT
    assert sheet["A5"].data_type == "s" and sheet["F5"].data_type == "s"  # not a formula


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="0123456789", min_size=1, max_size=18),
            st.integers(min_value=-(10**15), max_value=10**15),
            st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
            st.text(st.characters(min_codepoint=32, exclude_categories=("Cs",)), max_size=30)
            .map(str.strip)
            .filter(bool),
        ),
        max_size=8,
    )
)
def test_every_value_reads_back_exactly(rows: list[tuple[str, int, date, str]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.xlsx"
        write_table(
            TableExport("T", ["A", "B", "C", "D"], [[a, Rupiah(b), c, d] for a, b, c, d in rows]),
            path,
        )
        back = _read(path, 3)[1:]
    assert [(str(a), b, c.date(), d) for a, b, c, d in back] == [  # type: ignore[union-attr]
        (a, b, c, d) for a, b, c, d in rows
    ]


def test_control_characters_are_left_out(tmp_path: Path) -> None:
    write_table(TableExport("T", ["A"], [["Budi\x01 Santoso\x1f"]]), tmp_path / "c.xlsx")
    assert _read(tmp_path / "c.xlsx", 3)[1] == ["Budi Santoso"]
