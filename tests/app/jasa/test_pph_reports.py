"""After the PPh is withheld: the bukti potong list (per member, by number, NPWP/NIK), the
deadline (the 15th of the next month), the Beranda reminder until the deposit is recorded, the
deposit's journal Dr 2106 / Cr Kas/Bank, and `mufakat books pph` (CSV, PDF)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from app.cli import main
from app.errors import PermissionDenied, ValidationError
from app.savings.models import SavingsKind
from app.savings.pph_report import deadline
from app.services import Services
from app.storage import check_ledger
from app.users.models import Role, User
from tests.conftest import admin_user, make_member, make_user

TODAY = date(2026, 11, 26)
JAN_END = date(2026, 1, 31)


@given(st.integers(2000, 2100), st.integers(1, 12))
def test_deadline_is_the_15th_of_the_next_month(year: int, month: int) -> None:
    due = deadline(f"{year:04d}-{month:02d}")
    assert due.day == 15
    assert (due.year * 12 + due.month) - (year * 12 + month) == 1


@pytest.fixture
def january(services: Services) -> tuple[User, list[int]]:
    """Three members' sukarela at 6 % a year: 100 juta (jasa 500.000, PPh 50.000), 48 juta
    (240.000 exactly: no PPh), 48.000.200 (240.001: PPh 24.000)."""
    admin = admin_user(services)
    services.settings.set(admin, "savings.jasa_sukarela_rate", "6")
    ids = []
    for serial, (name, amount, npwp) in enumerate(
        [("Ani", 100_000_000, "12.345.678.9-012.000"), ("Budi", 48_000_000, ""),
         ("Citra", 48_000_200, "")], 1
    ):  # fmt: skip
        member = make_member(services, admin, name=name, serial=serial, npwp=npwp)
        services.savings.deposit(
            admin, member.id, SavingsKind.SUKARELA, amount, date(2025, 12, 1), today=TODAY
        )
        ids.append(member.id)
    services.jasa.credit_month(admin, JAN_END, today=TODAY)
    return admin, ids


def test_the_bukti_potong_list(services: Services, january: tuple[User, list[int]]) -> None:
    rows = services.pph_reports.bukti_potong("2026-01")
    assert [(r.name, r.gross, r.tax) for r in rows] == [
        ("Ani", 500_000, 50_000),
        ("Budi", 240_000, 0),
        ("Citra", 240_001, 24_000),
    ]
    assert rows[0].npwp == "12.345.678.9-012.000" and len(rows[1].nik) == 16
    assert services.pph_reports.total("2026-01") == (980_001, 74_000)


def test_reminder_until_deposited(services: Services, january: tuple[User, list[int]]) -> None:
    admin = january[0]
    assert services.pph_reports.due(date(2026, 1, 30)) == []  # the month is not over
    (due,) = services.pph_reports.due(date(2026, 2, 1))
    assert (due.month, due.amount, due.deadline) == ("2026-01", 74_000, date(2026, 2, 15))
    assert not due.overdue(date(2026, 2, 15)) and due.overdue(date(2026, 2, 16))
    row = services.pph_reports.deposit(
        admin, "2026-01", date(2026, 2, 10), "transfer", "NTPN 123", today=TODAY
    )
    assert services.pph_reports.due(TODAY) == []
    jid = services.ledger.repo.find("setor_pph", row.id, "setor")
    assert jid is not None
    lines = sorted((x.account, x.debit, x.credit) for x in services.ledger.journal(jid).lines)
    assert lines == [("1103.01", 0, 74_000), ("2106", 74_000, 0)]
    assert services.audit.entries("pph", row.id)
    conn = services.db.sql.conn
    assert check_ledger.booked(conn) == [] and check_ledger.replay(conn) == []
    assert check_ledger.controls(conn) == []  # 2106 = withheld − deposited = 0


def test_deposit_refusals(services: Services, january: tuple[User, list[int]]) -> None:
    admin = january[0]
    deposit = services.pph_reports.deposit
    with pytest.raises(ValidationError, match="sesudah bulannya"):
        deposit(admin, "2026-01", JAN_END, today=TODAY)
    with pytest.raises(ValidationError, match="Tidak ada PPh"):
        deposit(admin, "2026-02", date(2026, 3, 2), today=TODAY)
    with pytest.raises(PermissionDenied):
        deposit(make_user(services, Role.STAF, "kasir"), "2026-01", date(2026, 2, 2), today=TODAY)
    deposit(admin, "2026-01", date(2026, 2, 2), today=TODAY)
    with pytest.raises(ValidationError, match="sudah dicatat"):
        deposit(admin, "2026-01", date(2026, 2, 3), today=TODAY)
    assert services.db.scalar("SELECT count(*) FROM pph_setoran") == 1


def test_cli_csv_and_pdf(
    services: Services, january: tuple[User, list[int]], db_path: Path, tmp_path: Path
) -> None:
    services.close()
    out, pdf = tmp_path / "pph.csv", tmp_path / "pph.pdf"
    argv = ["books", "pph", "--db", str(db_path), "--month", "2026-01", "--csv", str(out)]
    assert main([*argv, "--pdf", str(pdf)]) == 0
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [
        "no_anggota",
        "nama",
        "npwp",
        "bruto",
        "pph",
        "pph_terutang",
        "kurang_potong",
    ]
    assert [r[5:] for r in rows[1:]] == [[r[4], "0"] for r in rows[1:]]  # no shortfall here
    assert [r[1:5] for r in rows[1:]] == [
        ["Ani", "12.345.678.9-012.000", "500000", "50000"],
        ["Budi", "", "240000", "0"],
        ["Citra", "", "240001", "24000"],
    ]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "BUKTI POTONG PPH PASAL 4 AYAT (2)" in text.upper() and "Januari 2026" in text
    assert "Rp74.000, paling lambat 15 Februari 2026" in text and "NIK 357601" in text


@pytest.mark.parametrize("month", ["2026-13", "januari"])
def test_cli_bad_month_exit_2(
    db_path: Path, services: Services, tmp_path: Path, month: str
) -> None:
    services.close()
    argv = ["books", "pph", "--db", str(db_path), "--month", month, "--csv", str(tmp_path / "x")]
    assert main(argv) == 2
