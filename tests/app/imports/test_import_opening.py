"""Kind `opening`: the old books' trial balance at the cut-over becomes ONE opening journal
against 3999, which must end at zero (LEDGER.md §5.4 item 9): the control accounts must equal
what the savings and loans imports brought in; an unbalanced sheet, an unknown or group code,
a second opening are refused naming sheet, row and column; nothing half-written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.errors import ValidationError
from app.imports.service import ImportOptions
from app.services import Services
from app.storage.check import check_database
from app.users.models import Role, User
from tests.app.imports.helpers import MEMBER_HEADERS, member_rows, xlsx
from tests.app.imports.test_import_loans import HEADERS as LOAN_HEADERS
from tests.app.imports.test_import_loans import _good
from tests.conftest import PASSWORD, make_user

CUT = date(2025, 12, 31)
OPENING_HEADERS = ["Kode Akun", "Nama Akun", "Debet", "Kredit"]
SAVINGS_HEADERS = ["Nomor Anggota", "Simpanan Pokok", "Simpanan Wajib", "Simpanan Sukarela",
                   "Per Tanggal"]  # fmt: skip
CONTROLS = ("1105", "2101", "3101", "3102")


def _sub_ledgers(services: Services, tmp_path: Path) -> User:
    """Members, savings and one running loan brought in at the cut-over."""
    user = make_user(services)
    runs = (
        ("members", xlsx(tmp_path / "m.xlsx", MEMBER_HEADERS, member_rows(3)), ImportOptions()),
        (
            "savings",
            xlsx(
                tmp_path / "s.xlsx",
                SAVINGS_HEADERS,
                [
                    ["00001", "100.000", 1_200_000, "Rp2.500.000", None],
                    ["00002", 100_000, "600.000", None, None],
                    ["00003", 100_000, 300_000, 50_000, None],
                ],
            ),
            ImportOptions(as_of=CUT),
        ),
        (
            "loans",
            xlsx(tmp_path / "l.xlsx", LOAN_HEADERS, [_good("PK-1", "00001")]),
            ImportOptions(today=CUT),
        ),
    )
    for kind, path, options in runs:
        services.imports.run(user, kind, path, options, backup_folder=tmp_path / "b")
    return user


def _booked(services: Services) -> dict[str, int]:
    """Debit − credit per account at the cut-over."""
    return {r.code: r.debit - r.credit for r in services.ledger.trial_balance(CUT)}


def _sheet(services: Services, **changes: int) -> list[list[object]]:
    """The old trial balance: the control accounts as imported (changed by `changes`, e.g.
    a3102=-50_000 for 50,000 more credit), jasa income, cadangan, a bank, Kas balancing."""
    booked = _booked(services)
    balances = {code: booked.get(code, 0) for code in CONTROLS}
    balances.update({"4101": -1_750_000, "3103": -4_000_000, "1103.01": 3_000_000})
    for key, delta in changes.items():
        balances[key[1:]] = balances.get(key[1:], 0) + delta
    balances["1101"] = -sum(balances.values())
    return [
        [code, None, f"Rp{v:,}".replace(",", ".") if v > 0 else None, -v if v < 0 else None]
        for code, v in sorted(balances.items())
    ]


def test_opening_brings_3999_to_zero(services: Services, tmp_path: Path) -> None:
    user = _sub_ledgers(services, tmp_path)
    assert _booked(services)["3999"] != 0  # the sub-ledger imports posted against it
    rows = _sheet(services)
    path = xlsx(tmp_path / "o.xlsx", OPENING_HEADERS, rows)
    report = services.imports.check("opening", path, ImportOptions(as_of=CUT))
    assert report.ok, report.lines()
    assert ("Saldo 3999 setelah jurnal saldo awal", "nol") in report.totals
    result = services.imports.run(
        user, "opening", path, ImportOptions(as_of=CUT), backup_folder=tmp_path / "b"
    )
    assert result.backup_path.exists()
    booked = _booked(services)
    assert booked.get("3999", 0) == 0
    for code, _, debit, credit in rows:
        amount = int(str(debit).removeprefix("Rp").replace(".", "")) if debit else -int(credit)  # type: ignore[call-overload]
        assert booked.get(str(code), 0) == amount, code
    journals = services.db.rows(
        "SELECT id, date FROM journals WHERE source = 'saldo_awal' AND role = 'neraca_awal'"
    )
    assert [(r["date"]) for r in journals] == [CUT.isoformat()]
    audit = services.db.scalar(
        "SELECT count(*) FROM audit_log WHERE entity = 'import_batch' AND entity_id = ?",
        (str(result.batch_id),),
    )
    assert audit == 1
    again = services.imports.check("opening", path, ImportOptions(as_of=CUT))
    assert any("sudah pernah diimpor" in p.message for p in again.problems)
    other = xlsx(tmp_path / "o2.xlsx", OPENING_HEADERS, [*rows, ["1102", "Kas kecil", 0, 0]])
    second = services.imports.check("opening", other, ImportOptions(as_of=CUT))
    assert any("saldo awal buku besar sudah diimpor" in p.message for p in second.problems)
    services.close()
    checked = check_database(services.db.path)
    assert checked.problems == []


def test_control_difference_refused_naming_account(services: Services, tmp_path: Path) -> None:
    user = _sub_ledgers(services, tmp_path)
    before = services.db.scalar("SELECT count(*) FROM journals")
    path = xlsx(tmp_path / "o.xlsx", OPENING_HEADERS, _sheet(services, a3102=-50_000))
    report = services.imports.check("opening", path, ImportOptions(as_of=CUT))
    texts = [p.text() for p in report.problems]
    assert any("akun 3999 Selisih saldo awal bersaldo Rp50.000 kredit; harus nol" in t
               for t in texts), texts  # fmt: skip
    wajib = [t for t in texts if "akun 3102 Simpanan wajib" in t]
    assert len(wajib) == 1 and "kolom Kredit" in wajib[0] and "baris" in wajib[0]
    assert "neraca Rp2.150.000" in wajib[0] and "yang sudah diimpor Rp2.100.000" in wajib[0]
    assert "selisih +Rp50.000" in wajib[0]
    assert not any("3101" in t or "1105" in t for t in texts)
    with pytest.raises(ValidationError):
        services.imports.run(user, "opening", path, ImportOptions(as_of=CUT),
                             backup_folder=tmp_path / "b")  # fmt: skip
    assert services.db.scalar("SELECT count(*) FROM journals") == before
    assert services.db.scalar("SELECT count(*) FROM import_batches WHERE kind = 'opening'") == 0


def test_loans_outstanding_difference_named(services: Services, tmp_path: Path) -> None:
    _sub_ledgers(services, tmp_path)
    path = xlsx(tmp_path / "o.xlsx", OPENING_HEADERS, _sheet(services, a1105=100_000))
    texts = [
        p.text() for p in services.imports.check("opening", path, ImportOptions(as_of=CUT)).problems
    ]
    assert any("bersaldo Rp100.000 debet" in t for t in texts), texts
    assert any("akun 1105 Piutang pinjaman anggota" in t and "kolom Debet" in t and
               "sisa pokok pinjaman yang sudah diimpor Rp200.000" in t for t in texts)  # fmt: skip


def test_control_account_missing_from_sheet_is_a_difference(
    services: Services, tmp_path: Path
) -> None:
    _sub_ledgers(services, tmp_path)
    rows = [r for r in _sheet(services) if r[0] != "2101"]
    balance = sum(int(str(r[2]).removeprefix("Rp").replace(".", "")) for r in rows if r[2])
    credit = sum(int(r[3]) for r in rows if r[3])  # type: ignore[call-overload]
    kas = next(r for r in rows if r[0] == "1101")
    kas[2] = f"{int(str(kas[2]).removeprefix('Rp').replace('.', '')) - (balance - credit)}"
    path = xlsx(tmp_path / "o.xlsx", OPENING_HEADERS, rows)
    texts = [
        p.text() for p in services.imports.check("opening", path, ImportOptions(as_of=CUT)).problems
    ]
    assert any(t.startswith("Data: akun 2101 Simpanan sukarela: neraca Rp0") for t in texts), texts


def test_unbalanced_sheet_refused(services: Services, tmp_path: Path) -> None:
    rows = [["1101", "Kas", "1.000.000", None], ["3103", None, None, "999.000"]]
    path = xlsx(tmp_path / "o.xlsx", OPENING_HEADERS, rows)
    report = services.imports.check("opening", path, ImportOptions(as_of=CUT))
    assert [p.text() for p in report.problems] == [
        "Data: neraca saldo tidak seimbang: jumlah debet Rp1.000.000, jumlah kredit "
        "Rp999.000, selisih Rp1.000."
    ]


def test_rows_refused_naming_row_and_column(services: Services, tmp_path: Path) -> None:
    rows = [
        ["1101", "Kas", "1.000.000", None],
        ["9999", None, 5, None],  # unknown
        ["11", None, 5, None],  # a group header
        ["1102", "Kas besar", 5, None],  # the name of another account
        ["1104", None, 5, 5],  # both sides
        ["1111", None, "-5", None],  # negative
        ["3999", None, None, 5],  # the balancing account itself
        ["1101", None, None, None],  # twice
        ["1112", None, "lima ribu", None],
        [None, "tanpa kode", 5, None],
    ]
    path = xlsx(tmp_path / "o.xlsx", ["kode akun", "NAMA AKUN", "Debit", "kredit"], rows)
    texts = [
        p.text() for p in services.imports.check("opening", path, ImportOptions(as_of=CUT)).problems
    ]
    expected = [
        "Data, baris 3, kolom kode akun: akun 9999 tidak ada di bagan akun.",
        "Data, baris 4, kolom kode akun: akun 11 Aset lancar adalah akun induk",
        "Data, baris 5, kolom NAMA AKUN: nama 'Kas besar' tidak sama dengan akun 1102",
        "Data, baris 6, kolom kredit: debet dan kredit terisi sekaligus",
        "Data, baris 7, kolom Debit: jumlah -Rp5 kurang dari nol; tulis saldonya di kolom kredit",
        "Data, baris 8, kolom kode akun: akun 3999 Selisih saldo awal hanya penyeimbang",
        "Data, baris 9, kolom kode akun: akun 1101 sudah ada di baris 2.",
        "Data, baris 10, kolom Debit: 'lima ribu' bukan jumlah rupiah",
        "Data, baris 11, kolom kode akun: kode akun kosong.",
    ]
    assert len(texts) == len(expected), texts
    for text, start in zip(texts, expected, strict=True):
        assert text.startswith(start), (text, start)


def test_cut_over_date_required(services: Services, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "o.xlsx", OPENING_HEADERS, [["1101", None, 0, 0]])
    report = services.imports.check("opening", path, ImportOptions())
    assert [p.text() for p in report.problems] == [
        "Data: tanggal peralihan belum dipilih; pilih tanggalnya (--per 2025-12-31)."
    ]


def test_template_lists_postable_accounts_as_text(tmp_path: Path) -> None:
    from app.imports.template import write_template

    write_template("opening", tmp_path / "t.xlsx")
    book = load_workbook(tmp_path / "t.xlsx")
    data = book["Data"]
    assert [c.value for c in data[1]] == OPENING_HEADERS
    codes = [c for c in data["A"][1:] if c.value is not None]
    assert all(c.number_format == "@" and isinstance(c.value, str) for c in codes)
    values = [c.value for c in codes]
    assert "1101" in values and "1103.01" in values and "3101" in values
    assert not {"11", "1103", "3999", "1114"} & set(values)  # groups, balancing, clearing
    notes = [str(c.value) for row in book["Keterangan"].iter_rows() for c in row if c.value]
    assert any("3999" in n for n in notes) and "Kode Akun" in notes


def test_cli_template_dry_run_and_import(
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.cli import main

    _sub_ledgers(services, tmp_path)
    make_user(services, Role.STAF)
    good = xlsx(tmp_path / "o.xlsx", OPENING_HEADERS, _sheet(services))
    wrong = xlsx(tmp_path / "w.xlsx", OPENING_HEADERS, _sheet(services, a3101=-1))
    db = services.db.path
    services.ledger.accounts.add_sub_account(None, "1103", "02", "Bank Jatim")
    services.close()
    assert main(["template", "opening", str(tmp_path / "t.xlsx"), "--db", str(db)]) == 0
    listed = [c.value for c in load_workbook(tmp_path / "t.xlsx")["Data"]["A"]]
    assert "1103.02" in listed
    monkeypatch.setenv("MUFAKAT_PASSWORD", PASSWORD)
    base = ["import", "opening", "--db", str(db), "--per", "2025-12-31"]
    assert main([*base[:2], str(wrong), *base[2:], "--dry-run"]) == 1
    assert "akun 3101 Simpanan pokok" in capsys.readouterr().out
    assert main([*base[:2], str(wrong), *base[2:], "--user", "pengurus"]) == 1
    assert main([*base[:2], str(good), *base[2:], "--dry-run"]) == 0
    assert "Saldo 3999 setelah jurnal saldo awal: nol" in capsys.readouterr().out
    assert main([*base[:2], str(good), *base[2:], "--user", "staf"]) == 1  # not the books
    assert "Hanya Admin atau Pengurus" in capsys.readouterr().err
    assert main([*base[:2], str(good), *base[2:], "--user", "pengurus"]) == 0
    assert "SELESAI" in capsys.readouterr().out
    assert main([*base[:2], str(good), *base[2:], "--dry-run"]) == 1  # the same file again
    assert main(["check", "--db", str(db)]) == 0


def test_check_finds_3999_moved_after_the_opening(services: Services, tmp_path: Path) -> None:
    """A balance brought in after the books were opened leaves 3999 off zero: `mufakat check`
    says so (and says nothing before an opening was imported)."""
    user = _sub_ledgers(services, tmp_path)
    path = xlsx(tmp_path / "o.xlsx", OPENING_HEADERS, _sheet(services))
    services.imports.run(user, "opening", path, ImportOptions(as_of=CUT),
                         backup_folder=tmp_path / "b")  # fmt: skip
    late = xlsx(tmp_path / "s2.xlsx", SAVINGS_HEADERS, [["00002", None, None, 75_000, None]])
    services.imports.run(user, "savings", late, ImportOptions(as_of=CUT),
                         backup_folder=tmp_path / "b")  # fmt: skip
    services.close()
    problems = check_database(services.db.path).problems
    assert any("Akun 3999 Selisih saldo awal setelah saldo awal: buku besar Rp75.000" in p
               for p in problems), problems  # fmt: skip
