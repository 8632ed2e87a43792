"""Kind `opening`: the opening balance of every ledger account as of the cut-over (LEDGER.md
§5.4 item 9), from the old books' trial balance.

The sheet must balance (debits = credits). It becomes ONE opening journal against 3999 Selisih
saldo awal: every account that is not a control account is brought to the sheet's balance (the
sheet less what the books already hold on it at the cut-over, normally nothing). The control
accounts (savings by kind, piutang pinjaman, titipan) already hold what the savings and loans
imports booked against 3999: they are not posted again but checked, and 3999 must end at zero.
3999 after the journal = Σ over control accounts of (sheet − booked), so it is zero exactly
when the old books' control accounts agree with the sub-ledgers brought in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.errors import ValidationError
from app.imports import cells
from app.imports.columns import Column, Table, label
from app.imports.report import DryRun, Problem
from app.ledger.models import Account, Line
from app.money import format_rupiah

BALANCING = "3999"
SOURCE = "saldo_awal"
ROLE = "neraca_awal"
# The roles whose accounts a sub-ledger import fills (their balance is the sub-ledger's).
CONTROL_ROLES: dict[str, str] = {
    "piutang_pinjaman": "sisa pokok pinjaman",
    "piutang_restrukturisasi": "sisa pokok pinjaman restrukturisasi",
    "simpanan_pokok": "saldo simpanan pokok anggota",
    "simpanan_wajib": "saldo simpanan wajib anggota",
    "simpanan_sukarela": "saldo simpanan sukarela anggota",
    "simpanan_berjangka": "saldo simpanan berjangka anggota",
    "titipan": "titipan angsuran anggota",
}

CODE = Column(
    "code", "Kode Akun", "Kode akun di bagan akun Mufakat (teks, misalnya 1101 atau 1103.01). "
    "Hanya akun yang bisa diposting: bukan akun induk, masih aktif.", "1101", True,
    ("kode", "no akun", "nomor akun", "kode rekening", "no rek", "akun"), True,
)  # fmt: skip
NAME = Column(
    "name", "Nama Akun", "Untuk pemeriksaan saja: bila diisi harus sama dengan nama di bagan "
    "akun.", "Kas", False, ("nama", "nama rekening", "uraian", "keterangan"),
)  # fmt: skip
DEBIT = Column(
    "debit", "Debet", "Saldo di sisi debet per tanggal peralihan (rupiah bulat); isi debet "
    "atau kredit, tidak keduanya.", "15.000.000", False, ("debit", "d", "saldo debet"),
    amount=True,
)  # fmt: skip
CREDIT = Column(
    "credit", "Kredit", "Saldo di sisi kredit per tanggal peralihan (rupiah bulat). Akun "
    "simpanan, piutang pinjaman dan titipan harus sama dengan saldo yang sudah diimpor.",
    "2.500.000", False, ("kredit", "k", "saldo kredit"), amount=True,
)  # fmt: skip
COLUMNS: tuple[Column, ...] = (CODE, NAME, DEBIT, CREDIT)
_BY_KEY = {c.key: c for c in COLUMNS}


@dataclass(frozen=True)
class Books:
    """What the check reads from the books: the chart, the balances (debit − credit) held at
    the cut-over, and each control account with its sub-ledger's name."""

    chart: Mapping[str, Account]
    booked: Mapping[str, int]
    controls: Mapping[str, str]


@dataclass
class OpeningPlan:
    on: date
    lines: list[Line] = field(default_factory=list)


def _normal_name(text: str) -> str:
    return " ".join(text.lower().split())


def _side(amount: int) -> str:
    if amount == 0:
        return "nol"
    side = "debet" if amount > 0 else "kredit"
    return f"{format_rupiah(abs(amount))} {side}"


def check(table: Table, report: DryRun, books: Books, on: date | None) -> OpeningPlan | None:
    """The rows as one opening journal dated `on`; every problem added to `report`."""

    def problem(row: int | None, key: str, message: str) -> None:
        column = label(table, _BY_KEY[key]) if key else ""
        report.problems.append(Problem(table.sheet, row, column, message))

    if on is None:
        problem(None, "", "tanggal peralihan belum dipilih; pilih tanggalnya (--per 2025-12-31).")
    sheet: dict[str, int] = {}
    rows: dict[str, int] = {}
    for row, raw in table.rows:
        amount = _amount(row, raw, problem)
        code = cells.text(raw.get("code"))
        if not code:
            problem(row, "code", "kode akun kosong.")
            continue
        account = books.chart.get(code)
        if account is None:
            hint = " (tersimpan sebagai angka? ubah format kolom menjadi Teks)" if isinstance(
                raw.get("code"), float) else ""  # fmt: skip
            problem(row, "code", f"akun {code} tidak ada di bagan akun{hint}.")
            continue
        name = cells.text(raw.get("name"))
        if name and _normal_name(name) != _normal_name(account.name):
            problem(row, "name", f"nama '{name}' tidak sama dengan akun {code} di bagan akun "
                    f"('{account.name}'); periksa kodenya atau kosongkan nama.")  # fmt: skip
        if code in rows:
            problem(row, "code", f"akun {code} sudah ada di baris {rows[code]}.")
            continue
        rows[code] = row
        if not amount:
            continue
        if account.is_group:
            problem(row, "code", f"akun {code} {account.name} adalah akun induk; isi saldo di "
                    "sub-akunnya.")  # fmt: skip
        elif not account.active:
            problem(row, "code", f"akun {code} {account.name} sudah tidak aktif.")
        elif code == BALANCING:
            problem(row, "code", f"akun {BALANCING} {account.name} hanya penyeimbang peralihan; "
                    "saldo awalnya harus nol.")  # fmt: skip
        else:
            sheet[code] = amount
    debit = sum(a for a in sheet.values() if a > 0)
    credit = -sum(a for a in sheet.values() if a < 0)
    report.totals += [("Akun bersaldo", str(len(sheet))), ("Jumlah debet", format_rupiah(debit)),
                      ("Jumlah kredit", format_rupiah(credit))]  # fmt: skip
    if report.problems or on is None:
        return None
    if debit != credit:
        problem(None, "", f"neraca saldo tidak seimbang: jumlah debet {format_rupiah(debit)}, "
                f"jumlah kredit {format_rupiah(credit)}, selisih "
                f"{format_rupiah(abs(debit - credit))}.")  # fmt: skip
        return None
    return _plan(table, report, books, sheet, rows, on)


def _amount(row: int, raw: dict[str, Any], problem: Any) -> int:
    """The row's balance, debit positive; 0 when a cell cannot be read (already reported)."""
    values: dict[str, int] = {}
    for key in ("debit", "credit"):
        value = raw.get(key)
        if cells.is_blank(value):
            continue
        try:
            values[key] = cells.amount(value)
        except ValidationError as exc:
            problem(row, key, exc.message)
            return 0
        if values[key] < 0:
            other = "kredit" if key == "debit" else "debet"
            problem(row, key, f"jumlah {format_rupiah(values[key])} kurang dari nol; tulis "
                    f"saldonya di kolom {other}.")  # fmt: skip
            return 0
    if values.get("debit") and values.get("credit"):
        problem(row, "credit", "debet dan kredit terisi sekaligus; isi salah satu saja.")
        return 0
    return values.get("debit", 0) - values.get("credit", 0)


def _plan(
    table: Table,
    report: DryRun,
    books: Books,
    sheet: dict[str, int],
    rows: dict[str, int],
    on: date,
) -> OpeningPlan | None:
    plan = OpeningPlan(on)
    differs: list[Problem] = []
    for code in sorted(set(sheet) | {c for c, v in books.booked.items() if v}):
        if code == BALANCING:
            continue
        gap = sheet.get(code, 0) - books.booked.get(code, 0)
        if not gap:
            continue
        if code in books.controls:
            differs.append(_differs(table, books, code, sheet.get(code, 0), rows.get(code)))
        elif not books.chart[code].active:  # booked before it was closed, not on the sheet
            report.problems.append(Problem(table.sheet, None, "", f"akun {code} "
                f"{books.chart[code].name} tidak aktif tetapi bersaldo {_side(books.booked[code])} "
                "di buku; aktifkan dulu agar saldo awalnya bisa dibukukan."))  # fmt: skip
        elif gap > 0:
            plan.lines.append(Line(code, debit=gap))
        else:
            plan.lines.append(Line(code, credit=-gap))
    net = sum(x.debit - x.credit for x in plan.lines)
    if net:
        plan.lines.append(Line(BALANCING, debit=-net) if net < 0 else Line(BALANCING, credit=net))
    after = books.booked.get(BALANCING, 0) - net
    report.totals.append((f"Saldo {BALANCING} setelah jurnal saldo awal", _side(after)))
    if report.problems:
        return None
    if after or differs:
        report.problems.append(
            Problem(
                table.sheet,
                None,
                "",
                f"setelah jurnal saldo awal akun {BALANCING} Selisih saldo awal bersaldo "
                f"{_side(after)}; harus nol. Saldo akun pengendali di neraca harus sama dengan "
                "rincian yang sudah diimpor (saldo simpanan, pinjaman berjalan):",
            )
        )
        report.problems.extend(differs)
        return None
    return plan


def _differs(table: Table, books: Books, code: str, sheet: int, row: int | None) -> Problem:
    account = books.chart[code]
    booked = books.booked.get(code, 0)
    sign = 1 if account.normal == "D" else -1
    gap = sign * (sheet - booked)
    message = (
        f"akun {code} {account.name}: neraca {format_rupiah(sign * sheet)}, "
        f"{books.controls[code]} yang sudah diimpor {format_rupiah(sign * booked)}, selisih "
        f"{'+' if gap > 0 else '−'}{format_rupiah(abs(gap))}."
    )
    side = "debit" if account.normal == "D" else "credit"
    column = label(table, _BY_KEY[side]) if row else ""
    return Problem(table.sheet, row, column, message)
