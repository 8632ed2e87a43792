"""`mufakat books trial-balance` and `mufakat books journal`: the exact CSV formats."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.ledger import events as ev
from app.ledger.models import Line
from app.services import Services
from tests.app.ledger.ledger_fixtures import books


@pytest.fixture
def filled(services: Services, db_path: Path) -> Path:
    bk = books(services, loans=1)
    with services.db.atomic():
        bk.ledger.post(
            ev.SavingsDeposit(
                source_id=4,
                on=date(2025, 1, 5),
                kind="pokok",
                amount=100_000,
                member_id=bk.member_id,
            )
        )
        jid = bk.ledger.post(
            ev.Disbursement(
                source_id=bk.loans[0],
                on=date(2025, 1, 6),
                loan_id=bk.loans[0],
                plafon=1_000_000,
                admin_fee=10_000,
                method="transfer",
            )
        )
        bk.ledger.reverse(jid, date(2025, 2, 1))
    bk.manual.submit(
        bk.admin,
        date(2025, 1, 31),
        "Listrik, Januari",
        [Line("5204", 35_000), Line("1101", 0, 35_000)],
    )
    services.close()
    return db_path


def _csv(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_trial_balance_csv(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "ns.csv"
    argv = ["books", "trial-balance", "--db", str(filled), "--as-of", "2025-01-31"]
    assert main([*argv, "--csv", str(out)]) == 0
    assert _csv(out) == [
        "kode,nama,debet,kredit",
        "1101,Kas,65000,0",
        "1103.01,Bank,0,990000",
        "1105,Piutang pinjaman anggota,1000000,0",
        "3101,Simpanan pokok,0,100000",
        "4102,Pendapatan provisi & administrasi,0,10000",
        '5204,"Beban listrik, air & telepon",35000,0',
    ]


def test_trial_balance_after_the_reversal_drops_zero_rows(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "ns.csv"
    argv = ["books", "trial-balance", "--db", str(filled), "--as-of", "2025-02-01"]
    assert main([*argv, "--csv", str(out)]) == 0
    assert [line.split(",")[0] for line in _csv(out)] == ["kode", "1101", "3101", "5204"]


def test_journal_csv(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "jurnal.csv"
    argv = ["books", "journal", "--db", str(filled), "--from", "2025-01-06", "--to", "2025-01-31"]
    assert main([*argv, "--csv", str(out)]) == 0
    assert _csv(out) == [
        "tanggal,nomor,kode,nama,debet,kredit,sumber,keterangan",
        "2025-01-06,J2025-000002,1105,Piutang pinjaman anggota,1000000,0,pinjaman:1,"
        "Pencairan pinjaman",
        "2025-01-06,J2025-000002,1103.01,Bank,0,990000,pinjaman:1,Pencairan pinjaman",
        "2025-01-06,J2025-000002,4102,Pendapatan provisi & administrasi,0,10000,pinjaman:1,"
        "Pencairan pinjaman",
        '2025-01-31,J2025-000004,5204,"Beban listrik, air & telepon",35000,0,jurnal_umum:1,'
        '"Listrik, Januari"',
        '2025-01-31,J2025-000004,1101,Kas,0,35000,jurnal_umum:1,"Listrik, Januari"',
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["books", "trial-balance", "--as-of", "31-01-2025"],
        ["books", "journal", "--from", "2025-02-01", "--to", "2025-01-01"],
    ],
)
def test_bad_dates_refused_before_opening(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "tidak-ada.db"
    assert main([*argv, "--db", str(missing), "--csv", str(tmp_path / "x.csv")]) == 2
    assert "GAGAL" in capsys.readouterr().err and not missing.exists()
