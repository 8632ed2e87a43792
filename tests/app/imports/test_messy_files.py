"""Messy files end to end (issue 14 §1), beyond the single cells of test_cells_fuzz.py: a
members or savings file as CSV with `;` or `,`, with or without a UTF-8 BOM, Windows or Unix
line ends, headers in any case, with stray spaces and punctuation, any of their synonyms, in
any order, values padded with spaces, dates and amounts in every accepted spelling — the dry
run reads exactly the values meant, and refuses, naming the row, what cannot be trusted."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.imports import members as member_kind
from app.imports import savings as savings_kind
from app.imports.service import ImportOptions
from app.services import Services
from app.users.models import User
from tests.app.imports.helpers import MEMBER_HEADERS, member_rows, nik, xlsx
from tests.conftest import make_user

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]  # fmt: skip
CUT = date(2025, 12, 31)
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _header(draw: st.DrawFn, names: tuple[str, ...]) -> str:
    name = draw(st.sampled_from(names))
    name = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in name)
    if draw(st.booleans()):
        name = name.replace(" ", draw(st.sampled_from([". ", "  ", "_", " / "])))
    return draw(st.sampled_from(["", " ", "  "])) + name + draw(st.sampled_from(["", " ", ":"]))


def _spelled_date(draw: st.DrawFn, day: date) -> str:
    return draw(
        st.sampled_from(
            [
                day.strftime("%d/%m/%Y"),
                day.strftime("%d-%m-%Y"),
                f"{day.day}/{day.month}/{day.year}",
                f"{day.day} {MONTHS[day.month - 1]} {day.year}",
                day.isoformat(),
            ]
        )
    )


def _spelled_amount(draw: st.DrawFn, n: int) -> str:
    dotted = f"{n:,}".replace(",", ".")
    return draw(st.sampled_from([str(n), dotted, f"Rp{dotted}", f"Rp {dotted},00", f"{dotted},-"]))


def _csv(path: Path, rows: list[list[str]], draw: st.DrawFn) -> Path:
    out = io.StringIO()
    writer = csv.writer(
        out,
        delimiter=draw(st.sampled_from([";", ","])),
        lineterminator=draw(st.sampled_from(["\r\n", "\n"])),
        quoting=csv.QUOTE_MINIMAL,
    )
    writer.writerows(rows)
    bom = draw(st.sampled_from(["", "\ufeff"]))
    path.write_bytes((bom + out.getvalue()).encode("utf-8"))
    return path


def _columns(draw: st.DrawFn, wanted: list[member_kind.Column]) -> list[member_kind.Column]:
    return draw(st.permutations(wanted))


@pytest.fixture
def user(services: Services) -> User:
    return make_user(services)


@given(data=st.data())
@FUZZ
def test_members_csv_any_spelling(
    services: Services, user: User, tmp_path: Path, data: st.DataObject
) -> None:
    by_key = {c.key: c for c in member_kind.COLUMNS}
    columns = _columns(
        data.draw, [by_key[k] for k in ("number", "name", "nik", "sex", "join_date", "phone")]
    )
    count = data.draw(st.integers(1, 4))
    people = [
        {
            "number": f"{n:05d}",
            "name": data.draw(st.sampled_from(["Siti Aminah", "Budi  Santoso", "Ni Kadek Ayu"])),
            "nik": nik(n),
            "sex": data.draw(st.sampled_from(["L", "P"])),
            "join_date": data.draw(st.dates(date(1990, 1, 1), date(2025, 12, 31))),
            "phone": "081234567890",
        }
        for n in range(1, count + 1)
    ]
    header = [_header(data.draw, (c.header, *c.synonyms)) for c in columns]
    body = []
    for p in people:
        cells = {
            **{k: str(v) for k, v in p.items()},
            "join_date": _spelled_date(data.draw, p["join_date"]),  # type: ignore[arg-type]
            "sex": data.draw(st.sampled_from([p["sex"], str(p["sex"]).lower()])),
        }
        pad = data.draw(st.sampled_from(["", " ", "  "]))
        body.append([f"{pad}{cells[c.key]}{pad}" for c in columns])
    path = _csv(tmp_path / "anggota.csv", [header, *body], data.draw)
    report = services.imports.check("members", path, ImportOptions(today=CUT))
    assert report.ok, report.lines()
    got = [(r.number, r.draft.name, r.draft.nik, r.draft.join_date) for r in report.plan]
    expected = [
        (p["number"], " ".join(str(p["name"]).split()), p["nik"], p["join_date"]) for p in people
    ]
    assert got == expected


@pytest.fixture
def with_members(services: Services, user: User, tmp_path: Path) -> Services:
    path = xlsx(tmp_path / "m.xlsx", MEMBER_HEADERS, member_rows(3))
    services.imports.run(user, "members", path, ImportOptions(), backup_folder=tmp_path / "b")
    return services


@given(data=st.data())
@FUZZ
def test_savings_csv_any_amount_spelling(
    with_members: Services, tmp_path: Path, data: st.DataObject
) -> None:
    columns = _columns(data.draw, [savings_kind.NUMBER, *savings_kind.KIND_COLUMNS.values()])
    header = [_header(data.draw, (c.header, *c.synonyms)) for c in columns]
    balances = {
        n: {c.key: data.draw(st.integers(1, 10**12)) for c in columns if c.key != "number"}
        for n in range(1, 4)
    }
    body = [
        [
            f"{n:05d}" if c.key == "number" else _spelled_amount(data.draw, balances[n][c.key])
            for c in columns
        ]
        for n in balances
    ]
    path = _csv(tmp_path / "simpanan.csv", [header, *body], data.draw)
    report = with_members.imports.check("savings", path, ImportOptions(as_of=CUT, today=CUT))
    assert report.ok, report.lines()
    numbers = {m.id: m.number for m in with_members.imports.repo.members()}
    got = {(numbers[b.member_id], b.kind.value, b.amount) for b in report.plan}
    expected = {
        (f"{n:05d}", kind.value, balances[n][column.key])
        for n in balances
        for kind, column in savings_kind.KIND_COLUMNS.items()
    }
    assert got == expected


@given(digits=st.integers(10**15, 10**16 - 1), row=st.integers(1, 3))
@FUZZ
def test_a_nik_or_member_number_that_excel_mangled_is_refused_naming_the_row(
    services: Services, tmp_path: Path, digits: int, row: int
) -> None:
    """A 16-digit NIK stored as a number lost its last digits; a member number stored as a
    number lost its leading zeros: neither is guessed."""
    rows: list[list[object]] = [list(r) for r in member_rows(3)]
    rows[row - 1][2] = digits
    path = xlsx(tmp_path / "nik.xlsx", MEMBER_HEADERS, rows)
    report = services.imports.check("members", path, ImportOptions(today=CUT))
    assert any(p.row == row + 1 and p.column == "NIK" for p in report.problems), report.lines()
    rows = [list(r) for r in member_rows(3)]
    rows[row - 1][0] = int(str(rows[row - 1][0]))  # 00002 → 2
    path = xlsx(tmp_path / "nomor.xlsx", MEMBER_HEADERS, rows)
    report = services.imports.check("members", path, ImportOptions(today=CUT))
    assert any(p.row == row + 1 and "nol" in p.message for p in report.problems), report.lines()
