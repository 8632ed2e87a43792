"""Export → import into an empty cooperative gives the same members and balances; the CLI
import/template/export commands; templates explain every column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.imports import members as member_kind
from app.imports.export import export_kind
from app.imports.service import ImportOptions
from app.members.models import MemberDraft, MemberStatus
from app.savings.models import SavingsKind
from app.services import Services
from app.settings.profile import CoopProfile
from tests.app.imports.helpers import nik
from tests.conftest import PASSWORD, make_user

CUT = date(2025, 12, 31)


def _fill(services: Services) -> None:
    user = make_user(services)
    for n in range(1, 6):
        member = services.members.create(
            user,
            MemberDraft(
                name=f"Anggota {n}",
                nik=nik(n),
                sex="P" if n % 2 else "L",
                birth_date=date(1985, 1, 12),
                phone="081234567890",
                rt="003",
                address="Jl. Mawar 12",
                join_date=date(2015, 3, n),
            ),
        )
        services.savings.deposit(user, member.id, SavingsKind.POKOK, 100000, date(2020, 1, 1))
        services.savings.deposit(user, member.id, SavingsKind.WAJIB, 25000 * n, date(2021, 1, 1))
        if n == 3:
            services.members.change_status(
                user, member.id, MemberStatus.KELUAR, date(2024, 5, 1), "pindah kota"
            )


def _snapshot(services: Services) -> list[tuple[object, ...]]:
    result = []
    for row in services.members.search(limit=100):
        member = services.members.get(row.id)
        b = services.savings.balances(member.id, CUT)
        result.append(
            (
                member.number,
                member.name,
                member.nik,
                member.sex,
                member.birth_date,
                member.phone,
                member.rt,
                member.address,
                member.join_date,
                member.status,
                member.status_date,
                member.status_note,
                b.pokok,
                b.wajib,
                b.sukarela,
            )
        )
    return sorted(result, key=lambda r: str(r[0]))


def test_round_trip(services: Services, tmp_path: Path) -> None:
    _fill(services)
    export_kind(services, "members", tmp_path / "m.xlsx")
    export_kind(services, "savings", tmp_path / "s.xlsx", CUT)
    before = _snapshot(services)
    empty = Services.open(tmp_path / "baru.db", create=True)
    try:
        empty.settings.save_profile(None, CoopProfile(name="KSP Baru", code="KSP-B", city="X"))
        user = make_user(empty)
        options = ImportOptions(as_of=CUT)
        for kind, name in (("members", "m.xlsx"), ("savings", "s.xlsx")):
            report = empty.imports.check(kind, tmp_path / name, options)
            assert report.ok, report.lines()
            empty.imports.run(user, kind, tmp_path / name, options, backup_folder=tmp_path / "b")
        assert _snapshot(empty) == before
    finally:
        empty.close()


def test_template_has_headers_notes_and_text_columns(tmp_path: Path) -> None:
    assert main(["template", "members", str(tmp_path / "t.xlsx")]) == 0
    book = load_workbook(tmp_path / "t.xlsx")
    data, notes = book["Data"], book["Keterangan"]
    headers = [c.value for c in data[1]]
    assert headers == [c.header for c in member_kind.COLUMNS]
    for index, column in enumerate(member_kind.COLUMNS, start=1):
        fmt = data.cell(row=2, column=index).number_format
        assert (fmt == "@") == column.as_text, column.header
    explained = {row[0].value: row[3].value for row in notes.iter_rows(min_row=2)}
    assert set(explained) == set(headers)
    assert explained["NIK"] == "3576014107850002"


def test_cli_dry_run_and_import(
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _fill(services)
    export_kind(services, "members", tmp_path / "m.xlsx")
    db = services.db.path
    services.close()
    target = tmp_path / "baru.db"
    fresh = Services.open(target, create=True)
    make_user(fresh)
    fresh.close()
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    args = ["import", "members", str(tmp_path / "m.xlsx"), "--db", str(target)]
    assert main([*args, "--dry-run"]) == 0
    assert "Anggota baru: 5" in capsys.readouterr().out
    assert main([*args, "--user", "pengurus"]) == 0
    assert "SELESAI" in capsys.readouterr().out
    assert main([*args, "--dry-run"]) == 1  # the same file again
    assert "sudah pernah diimpor" in capsys.readouterr().out
    assert main(["export", "members", str(tmp_path / "e.xlsx"), "--db", str(db)]) == 0
