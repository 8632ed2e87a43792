"""Kind `loans`: export → import into an empty cooperative gives the same loan positions as
of the cut-over (outstanding pokok, arrears of pokok, jasa and denda, days late, class), to
the rupiah; figures the regenerated schedule cannot give are refused, naming row and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.demo.generate import generate_demo
from app.errors import ValidationError
from app.imports.export import export_kind
from app.imports.service import ImportOptions
from app.loans.models import CollateralDraft, LoanProductDraft
from app.services import Services
from app.settings.profile import CoopProfile
from app.storage.check import check_database
from app.users.models import User
from tests.app.imports.helpers import MEMBER_HEADERS, member_rows, xlsx
from tests.conftest import make_member, make_user

TODAY = date(2026, 6, 30)
LOAN_FIELDS = [f.name for f in LoanProductDraft.__dataclass_fields__.values()]


def _positions(services: Services, restructured: set[str]) -> dict[str, tuple[object, ...]]:
    """The position of every loan; the terms too, but of a loan restructured in the source
    (whose terms in the target are the new schedule's)."""
    result = {}
    for row in services.loans.list_rows(TODAY, limit=100_000):
        loan = services.loans.get(row.loan_id)
        pos = services.loans.quality.position(loan, TODAY)
        result[row.number] = (
            row.member_number, pos.outstanding, pos.arrears_pokok,
            pos.arrears_jasa, pos.arrears_denda, pos.days_past_due, row.quality,
        )  # fmt: skip
        if row.number not in restructured:
            result[row.number] += (row.plafon, loan.monthly_rate, loan.method, loan.months,
                                   loan.first_due, loan.disbursed_on)  # fmt: skip
    return result


def _copy_products(source: Services, target: Services) -> User:
    admin = make_user(target)
    have = {p.name for p in target.loans.products.all(include_inactive=True)}
    for product in source.loans.products.all(include_inactive=True):
        if product.name not in have:
            draft = LoanProductDraft(**{f: getattr(product, f) for f in LOAN_FIELDS})
            target.loans.products.create(admin, draft)
    return admin


def _restructured(services: Services) -> set[str]:
    rows = services.loans.list_rows(TODAY, limit=100_000)
    return {r.number for r in rows if services.loans.get(r.loan_id).schedule_version}


def _drop_restructured(services: Services, path: Path) -> set[str]:
    """A restructured loan is exported with the old arrears folded into its first instalment
    in their own columns; one that kept them as an instalment of their own on the
    restructuring date cannot be (no column says so: the import refuses such a row). Those
    are dropped; the numbers of the dropped rows."""
    book = load_workbook(path)
    sheet = book["Data"]
    headers = [c.value for c in sheet[1]]
    when = headers.index("Tanggal Restrukturisasi") + 1
    skip = _restructured(services)
    dropped = set()
    for index in range(sheet.max_row, 1, -1):
        number = sheet.cell(index, 1).value
        if number in skip and sheet.cell(index, when).value is None:
            dropped.add(str(number))
            sheet.delete_rows(index)
    book.save(path)
    return dropped


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    generate_demo(folder / "demo.db", members=60, seed=3, today=TODAY)
    services = Services.open(folder / "demo.db")
    try:
        export_kind(services, "members", folder / "m.xlsx")
        export_kind(services, "loans", folder / "l.xlsx", TODAY)
        dropped = _drop_restructured(services, folder / "l.xlsx")
        (folder / "dropped.txt").write_text("\n".join(sorted(dropped)), encoding="utf-8")
    finally:
        services.close()
    return folder


def test_round_trip_same_positions(demo: Path, tmp_path: Path) -> None:
    source = Services.open(demo / "demo.db")
    target = Services.open(tmp_path / "baru.db", create=True)
    try:
        dropped = set((demo / "dropped.txt").read_text(encoding="utf-8").split())
        restructured = _restructured(source)
        before = _positions(source, restructured)
        before = {n: p for n, p in before.items() if n not in dropped}
        assert restructured - dropped, "some restructured loans must be imported"
        assert len(before) > 10
        assert any(p[3] for p in before.values()), "some loans must be in arrears"
        assert any(p[5] for p in before.values()), "some loans must owe denda"
        target.settings.save_profile(None, CoopProfile(name="KSP Baru", code="KSP-B", city="X"))
        user = _copy_products(source, target)
        options = ImportOptions(today=TODAY)
        for kind, name in (("members", "m.xlsx"), ("loans", "l.xlsx")):
            report = target.imports.check(kind, demo / name, options)
            assert report.ok, report.lines()[:20]
            target.imports.run(user, kind, demo / name, options, backup_folder=tmp_path / "b")
        after = _positions(target, restructured)
        assert after == before
    finally:
        source.close()
        target.close()
    report = check_database(tmp_path / "baru.db")
    assert report.ok, report.problems


HEADERS = ["No. Pinjaman", "No Anggota", "produk", "Plafon", "Tgl Cair", "Bunga", "Metode",
           "Tenor", "Angsuran Pertama", "Sisa Pokok", "Tunggakan Pokok", "Tunggakan Jasa",
           "Tunggakan Denda", "Hari Terlambat", "Per Tanggal", "Jaminan", "Jenis Jaminan",
           "Penjamin", "NIK Penjamin", "Tgl Bayar Terakhir"]  # fmt: skip
CUT = date(2025, 12, 31)


def _good(number: str, member: str) -> list[object]:
    # 1.2 million flat 1 %/month over 12 months from 10/01/2025: 100,000 pokok + 12,000 jasa
    # a month; 12 instalments due by the cut-over, the last 2 unpaid.
    return [number, member, "Pinjaman Umum", "Rp1.200.000", "10/12/2024", "1,0", "Flat", 12,
            "10/01/2025", 200_000, 200_000, "24.000", 7_500, 51, "31/12/2025",
            "BPKB Honda Beat", "BPKB kendaraan dengan fidusia", "Ahmad",
            "3576014107850003", "10/10/2025"]  # fmt: skip


def _small(services: Services, tmp_path: Path) -> User:
    user = make_user(services)
    path = xlsx(tmp_path / "m.xlsx", MEMBER_HEADERS, member_rows(3))
    services.imports.run(user, "members", path, ImportOptions(), backup_folder=tmp_path / "b")
    return user


def test_problems_name_row_and_column_and_nothing_is_written(
    services: Services, tmp_path: Path
) -> None:
    user = _small(services, tmp_path)
    wrong = _good("PK-2", "00002")
    wrong[9] = 300_000  # outstanding that the schedule's due pokok cannot give
    unknown = _good("PK-3", "00003")
    unknown[2] = "Pinjaman Emas"
    rows = [_good("PK-1", "00001"), wrong, unknown, _good("PK-1", "00001")]
    path = xlsx(tmp_path / "l.xlsx", HEADERS, rows)
    report = services.imports.check("loans", path, ImportOptions(today=CUT))
    texts = [p.text() for p in report.problems]
    assert any(t.startswith("Data, baris 3, kolom Tunggakan Pokok: menurut jadwal") for t in texts)
    assert any(t.startswith("Data, baris 4, kolom produk: produk 'Pinjaman Emas'") for t in texts)
    assert any("baris 5, kolom No. Pinjaman: nomor pinjaman ini sudah ada di baris 2" in t
               for t in texts)  # fmt: skip
    with pytest.raises(ValidationError):
        services.imports.run(user, "loans", path, ImportOptions(today=CUT),
                             backup_folder=tmp_path / "b")  # fmt: skip
    assert services.db.scalar("SELECT count(*) FROM loans") == 0


def test_small_import_position_collateral_guarantor(services: Services, tmp_path: Path) -> None:
    user = _small(services, tmp_path)
    path = xlsx(tmp_path / "l.xlsx", HEADERS, [_good("PK-1", "00001")])
    report = services.imports.check("loans", path, ImportOptions(today=CUT))
    assert report.ok, report.lines()
    services.imports.run(user, "loans", path, ImportOptions(today=CUT),
                         backup_folder=tmp_path / "b")  # fmt: skip
    row = services.loans.list_rows(CUT)[0]
    detail = services.loans.detail(row.loan_id, CUT)
    assert (row.outstanding, row.arrears_total, row.days_past_due) == (200_000, 231_500, 51)
    assert detail.collateral[0].kind == "vehicle_fiducia"
    assert detail.guarantors[0].nik == "3576014107850003"
    assert services.imports.check("loans", path, ImportOptions(today=CUT)).problems  # again


def test_round_trip_keeps_macet_of_a_long_unpaid_loan(services: Services, tmp_path: Path) -> None:
    """Macet after 12 months in Diragukan without a payment: the import must keep the date of
    the last payment, not make the cut-over look like one."""
    from tests.ui.loans_fixtures import disbursed_loan, pay_installments

    user = make_user(services)
    member = make_member(services, user, join_date=date(2020, 1, 6))
    loan = disbursed_loan(services, user, member.id, date(2023, 1, 10), amount=6_000_000)
    pay_installments(services, user, loan, 2)
    services.loans.add_collateral(user, loan.id, CollateralDraft(
        "land_mortgage", "SHM No. 123 Gedongan", "123", "Siti", 50_000_000))  # fmt: skip
    source_row = services.loans.list_rows(CUT)[0]
    assert source_row.quality == "M"  # Macet
    export_kind(services, "members", tmp_path / "m.xlsx")
    export_kind(services, "loans", tmp_path / "l.xlsx", CUT)
    target = Services.open(tmp_path / "baru.db", create=True)
    try:
        target.settings.save_profile(None, CoopProfile(name="KSP Baru", code="KSP-B", city="X"))
        admin = make_user(target)
        for kind in ("members", "loans"):
            path = tmp_path / f"{kind[0]}.xlsx"
            report = target.imports.check(kind, path, ImportOptions(today=CUT))
            assert report.ok, report.lines()
            target.imports.run(admin, kind, path, ImportOptions(today=CUT),
                               backup_folder=tmp_path / "b")  # fmt: skip
        row = target.loans.list_rows(CUT)[0]
        assert (row.outstanding, row.arrears_total, row.days_past_due, row.quality) == (
            source_row.outstanding, source_row.arrears_total, source_row.days_past_due,
            source_row.quality,
        )  # fmt: skip
    finally:
        target.close()


def test_cli_template_dry_run_and_import(
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.cli import main
    from app.imports import loans as loan_kind
    from tests.conftest import PASSWORD

    assert main(["template", "loans", str(tmp_path / "t.xlsx")]) == 0
    book = load_workbook(tmp_path / "t.xlsx")
    assert [c.value for c in book["Data"][1]] == [c.header for c in loan_kind.COLUMNS]
    _small(services, tmp_path)
    db = services.db.path
    services.close()
    path = xlsx(tmp_path / "l.xlsx", HEADERS, [_good("PK-1", "00001")])
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    args = ["import", "loans", str(path), "--db", str(db), "--per", "2025-12-31"]
    assert main([*args, "--dry-run"]) == 0
    assert "Pinjaman berjalan: 1" in capsys.readouterr().out
    assert main([*args, "--user", "pengurus"]) == 0
    assert "SELESAI" in capsys.readouterr().out
