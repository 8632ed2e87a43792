"""Members and savings import: dry run, problems named by row and column, all or nothing,
re-import refused, duplicates listed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.imports.service import ImportCancelled, ImportOptions
from app.services import Services
from app.settings.profile import CoopProfile
from app.storage import bulk
from app.users.models import User
from tests.app.imports.helpers import MEMBER_HEADERS, member_rows, nik, xlsx
from tests.conftest import make_user

CUT = date(2025, 12, 31)


def _user(services: Services) -> User:
    found = services.users.repo.by_username("pengurus")
    return services.users.get(found.id) if found else make_user(services)


def _run(services: Services, kind: str, path: Path, tmp_path: Path, **kw: object) -> object:
    user = _user(services)
    return services.imports.run(
        user,
        kind,
        path,
        ImportOptions(**kw),
        backup_folder=tmp_path / "bk",  # type: ignore[arg-type]
    )


def test_members_then_savings_import(services: Services, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", MEMBER_HEADERS, member_rows(3))
    report = services.imports.check("members", path)
    assert report.ok, report.lines()
    assert ("Anggota baru", "3") in report.totals
    assert services.members.count() == 0  # the dry run wrote nothing
    _run(services, "members", path, tmp_path)
    assert services.members.count() == 3
    member = services.members.repo.by_number("00002")
    assert member is not None and member.nik == nik(2)
    spath = xlsx(
        tmp_path / "s.xlsx",
        ["No Anggota", "Simpanan Pokok", "simpanan wajib", "SIMPANAN SUKARELA "],
        [["00001", "Rp100.000", "1.200.000,00", 5000], ["00002", 100000, None, "2.500"]],
    )
    _run(services, "savings", spath, tmp_path, as_of=CUT)
    balances = services.savings.balances(member.id)
    assert (balances.pokok, balances.wajib, balances.sukarela) == (100000, 0, 2500)
    first = services.members.repo.by_number("00001")
    assert first is not None
    assert services.savings.balances(first.id).total == 1305000


def test_problems_name_row_and_column(services: Services, tmp_path: Path) -> None:
    rows = member_rows(4)
    rows[0][2] = int(nik(1))  # NIK stored as an Excel number
    rows[1][0] = 2  # member number lost its zeros
    rows[2][3] = "X"
    rows[3][4] = "31/02/2020"
    path = xlsx(tmp_path / "bad.xlsx", MEMBER_HEADERS, rows)
    report = services.imports.check("members", path)
    texts = [p.text() for p in report.problems]
    assert any(t.startswith("Data, baris 2, kolom NIK: NIK") and "15 angka" in t for t in texts)
    assert any(t.startswith("Data, baris 3, kolom Nomor Anggota:") and "nol" in t for t in texts)
    assert any(t.startswith("Data, baris 4, kolom Jenis Kelamin:") for t in texts)
    assert any(t.startswith("Data, baris 5, kolom Tanggal Masuk:") for t in texts)
    assert len(report.problems) == 4
    with pytest.raises(ValidationError):
        _run(services, "members", path, tmp_path)
    assert services.members.count() == 0


def test_pad_option_restores_zeros(services: Services, tmp_path: Path) -> None:
    rows = member_rows(2)
    rows[1][0] = 2
    path = xlsx(tmp_path / "pad.xlsx", MEMBER_HEADERS, rows)
    assert services.imports.check("members", path, ImportOptions(pad=5)).ok
    _run(services, "members", path, tmp_path, pad=5)
    assert services.members.repo.by_number("00002") is not None


def test_reimport_refused_and_duplicates_listed(services: Services, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", MEMBER_HEADERS, member_rows(2))
    _run(services, "members", path, tmp_path)
    again = services.imports.check("members", path)
    assert "sudah pernah diimpor" in again.problems[0].text()
    other = xlsx(
        tmp_path / "b.xlsx", MEMBER_HEADERS, [*member_rows(1, start=2), member_rows(1, 9)[0]]
    )
    report = services.imports.check("members", other)
    texts = [p.text() for p in report.problems]
    assert any("baris 2, kolom Nomor Anggota" in t and "tidak digabung" in t for t in texts)
    assert services.members.count() == 2


def test_duplicate_nik_of_existing_member_listed(services: Services, tmp_path: Path) -> None:
    _run(services, "members", xlsx(tmp_path / "a.xlsx", MEMBER_HEADERS, member_rows(1)), tmp_path)
    row = member_rows(1, start=7)[0]
    row[2] = nik(1)
    report = services.imports.check("members", xlsx(tmp_path / "b.xlsx", MEMBER_HEADERS, [row]))
    assert [p.text() for p in report.problems] == [
        "Data, baris 2, kolom NIK: NIK ini sudah dipakai anggota 00001 – Anggota 1; tidak digabung."
    ]


def test_all_or_nothing_when_the_last_row_fails(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = xlsx(tmp_path / "a.xlsx", MEMBER_HEADERS, member_rows(1203))
    real = bulk.insert_members_bulk
    calls: list[int] = []

    def failing(db: object, rows: list[bulk.BulkMember]) -> list[int]:
        calls.append(len(rows))
        if rows[-1].number == "01203":
            raise RuntimeError("disk penuh")
        return real(db, rows)  # type: ignore[arg-type]

    monkeypatch.setattr("app.imports.service.insert_members_bulk", failing)
    with pytest.raises(RuntimeError):
        _run(services, "members", path, tmp_path)
    assert calls == [500, 500, 203]
    assert services.members.count() == 0
    assert (
        services.imports.repo.batch_with_hash(services.imports.check("members", path).file_hash)
        is None
    )


def test_cancel_leaves_nothing(services: Services, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", MEMBER_HEADERS, member_rows(600))

    def cancel(done: int, total: int) -> None:
        if done >= 500:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        services.imports.run(
            _user(services), "members", path, progress=cancel, backup_folder=tmp_path / "bk"
        )
    assert services.members.count() == 0
    assert services.imports.check("members", path).ok


def test_csv_with_semicolons_bom_and_messy_headers(services: Services, tmp_path: Path) -> None:
    text = (
        "\ufeffno. anggota ;NAMA;No. KTP;JK;Tgl Masuk\n00007;  Budi  Santoso ;'x;L;7 Agustus 2021\n"
    )
    text = text.replace("'x", nik(7))
    path = tmp_path / "a.csv"
    path.write_bytes(text.encode("utf-8"))
    report = services.imports.check("members", path)
    assert report.ok, report.lines()
    assert report.plan[0].draft.name == "Budi Santoso"
    assert report.plan[0].draft.join_date == date(2021, 8, 7)


def test_savings_problems(services: Services, tmp_path: Path) -> None:
    _run(services, "members", xlsx(tmp_path / "a.xlsx", MEMBER_HEADERS, member_rows(2)), tmp_path)
    spath = xlsx(
        tmp_path / "s.xlsx",
        ["Nomor Anggota", "Simpanan Wajib", "Per Tanggal"],
        [[1, 1000, "31/12/2025"], ["00099", 1000, "31/12/2025"], ["00002", "1.000,50", None],
         ["00002", -5, "31/12/2025"]],
    )  # fmt: skip
    texts = [p.text() for p in services.imports.check("savings", spath).problems]
    assert any("baris 2, kolom Nomor Anggota" in t and "00001" in t for t in texts)
    assert any("baris 3, kolom Nomor Anggota" in t and "tidak ada anggota" in t for t in texts)
    assert any("baris 4, kolom Simpanan Wajib" in t and "sen" in t for t in texts)
    assert any("baris 4, kolom Per Tanggal" in t for t in texts)
    assert any("baris 5" in t for t in texts)


def test_check_is_clean_after_an_import(tmp_path: Path) -> None:
    from app.storage.check import check_database

    path = tmp_path / "k.db"
    services = Services.open(path, create=True)
    try:
        services.settings.save_profile(None, CoopProfile(name="KSP", code="KSP", city="X"))
        rows = member_rows(2)
        _run(services, "members", xlsx(tmp_path / "a.xlsx", MEMBER_HEADERS, rows), tmp_path)
    finally:
        services.close()
    report = check_database(path)
    assert report.ok, report.problems
