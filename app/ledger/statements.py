"""The figures of the financial statements (LEDGER.md §3.4), from the journal alone: Laporan
Posisi Keuangan (Neraca) this year beside last year, Perhitungan Hasil Usaha, and the Neraca
Saldo. Arus Kas and Perubahan Ekuitas are in statements_flow.py. Whole rupiah throughout.

A year not yet closed keeps its income and expense on their accounts: the Neraca shows the
year's result as "SHU tahun berjalan" and the result of earlier years not yet closed inside
"SHU belum dibagi", so assets = liabilities + equity always holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.formats import format_date_long
from app.ledger.models import Account
from app.storage.engine import Engine
from app.storage.ledger_reports_repo import LedgerReportsRepository, MemoLedgerReports

SIMPANAN_AS = ("ekuitas", "liabilitas")
MEMBER_SHARES = ("3101", "3102")  # simpanan pokok, simpanan wajib (LEDGER.md §1.1)
PIUTANG = ("1105", "1106", "1107", "1108")  # piutang shown net of 1107 and 1108
CASH = ("1101", "1102", "1103")

HEAD, LINE, DETAIL, TOTAL, GRAND = "head", "line", "detail", "total", "grand"


@dataclass(frozen=True)
class StatementLine:
    label: str
    now: int | None = None  # None on a heading
    before: int | None = None  # last year's column
    note: str = ""  # the accounts behind the line (Catatan)
    kind: str = LINE


@dataclass(frozen=True)
class Statement:
    key: str  # neraca, phu, arus_kas, neraca_saldo
    title: str
    period: str  # "per 31 Desember 2025", "untuk tahun yang berakhir …"
    now_label: str
    before_label: str
    lines: tuple[StatementLine, ...]
    remarks: tuple[str, ...] = ()
    totals: dict[str, tuple[int, int]] = field(default_factory=dict)  # name → (now, before)
    note_label: str = "Catatan"

    def line(self, label: str) -> StatementLine:
        for x in self.lines:
            if x.label == label:
                return x
        raise KeyError(label)


@dataclass(frozen=True)
class Period:
    year: int
    end: date  # the last day of the book year, or today for the running year

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def before_end(self) -> date:
        return date(self.year - 1, 12, 31)

    @property
    def before_start(self) -> date:
        return date(self.year - 1, 1, 1)


def period_of(year: int, today: date) -> Period:
    """The book year `year` as of its last day, or as of `today` while it runs."""
    last = date(year, 12, 31)
    return Period(year, min(last, today) if today.year == year else last)


def long_date(on: date) -> str:
    return format_date_long(on)


def _head4(code: str) -> str:
    return code.split(".")[0]


class Statements:
    def __init__(
        self, db: Engine, chart: list[Account], simpanan_as: str = "ekuitas", memo: bool = False
    ) -> None:
        """`memo`: each balance read once (several statements in one run, the RAT pack)."""
        if simpanan_as not in SIMPANAN_AS:
            raise ValueError(simpanan_as)
        self.repo = MemoLedgerReports(db) if memo else LedgerReportsRepository(db)
        self.chart = {a.code: a for a in chart}
        self.simpanan_as = simpanan_as

    def prefetch(self, dates: list[date]) -> None:
        """Read the balances at `dates` in one pass (memo only; otherwise nothing)."""
        if isinstance(self.repo, MemoLedgerReports):
            self.repo.prefetch(dates)

    # -- helpers -----------------------------------------------------------------------------

    def name(self, code: str) -> str:
        account = self.chart.get(code)
        return account.name if account else code

    def _type(self, code: str) -> str:
        account = self.chart.get(code)
        if account is not None:
            return account.type
        return {"1": "aset", "2": "kewajiban", "3": "ekuitas", "4": "pendapatan"}.get(
            code[:1], "beban"
        )

    def _by_head(self, balances: dict[str, int]) -> dict[str, int]:
        """Balances summed to their four-digit account (Bank = all its rekening)."""
        out: dict[str, int] = {}
        for code, net in balances.items():
            out[_head4(code)] = out.get(_head4(code), 0) + net
        return out

    def result_of(self, balances: dict[str, int]) -> int:
        """Income − expense in `balances` (credit-positive)."""
        return -sum(
            net for code, net in balances.items() if self._type(code) in ("pendapatan", "beban")
        )

    # -- Laporan Posisi Keuangan ------------------------------------------------------------

    def neraca(self, period: Period) -> Statement:
        now_raw = self.repo.balances(period.end)
        before_raw = self.repo.balances(period.before_end)
        now, before = self._by_head(now_raw), self._by_head(before_raw)
        before_before = self.repo.balances(date(period.year - 2, 12, 31))
        lines: list[StatementLine] = []
        totals: dict[str, tuple[int, int]] = {}

        def section(
            title: str, codes: list[str], sign: int, total_label: str, extra: list[StatementLine]
        ) -> tuple[int, int]:
            lines.append(StatementLine(title, kind=HEAD))
            t_now = t_before = 0
            for code in codes:
                a, b = sign * now.get(code, 0), sign * before.get(code, 0)
                label = self.name(code)
                if code in MEMBER_SHARES and sign == -1 and self.simpanan_as == "liabilitas":
                    label += " (disajikan sebagai kewajiban)"
                lines.append(StatementLine(label, a, b, code))
                t_now, t_before = t_now + a, t_before + b
            for x in extra:
                lines.append(x)
                if x.kind == LINE:
                    t_now, t_before = t_now + (x.now or 0), t_before + (x.before or 0)
            lines.append(StatementLine(total_label, t_now, t_before, kind=TOTAL))
            return t_now, t_before

        def codes(prefix: str, skip: tuple[str, ...] = ()) -> list[str]:
            found = {c for c in (*now, *before) if c.startswith(prefix) and c not in skip}
            return sorted(found)

        lines.append(StatementLine("ASET", kind=HEAD))
        piutang = [now.get(c, 0) for c in PIUTANG]
        piutang_b = [before.get(c, 0) for c in PIUTANG]
        gross, gross_b = piutang[0] + piutang[1], piutang_b[0] + piutang_b[1]
        detail = [
            StatementLine("Piutang pinjaman anggota", gross, gross_b, "1105, 1106", DETAIL),
            StatementLine(
                "Dikurangi: pendapatan jasa ditangguhkan", piutang[2], piutang_b[2], "1107", DETAIL
            ),
            StatementLine(
                "Dikurangi: penyisihan penghapusan pinjaman",
                piutang[3],
                piutang_b[3],
                "1108",
                DETAIL,
            ),
            StatementLine(
                "Piutang pinjaman anggota, neto", sum(piutang), sum(piutang_b), "1105–1108"
            ),
        ]
        current = section("Aset lancar", codes("11", PIUTANG), 1, "Jumlah aset lancar", detail)
        invest = section("Investasi", codes("12"), 1, "Jumlah investasi", [])
        fixed = section("Aset tetap", codes("13"), 1, "Jumlah aset tetap, neto", [])
        other = section("Aset lain", codes("14"), 1, "Jumlah aset lain", [])
        others = [c for c in codes("1") if c[:2] not in ("11", "12", "13", "14")]
        stray = section("Aset lainnya", others, 1, "Jumlah aset lainnya", []) if others else (0, 0)
        assets = tuple(sum(x) for x in zip(current, invest, fixed, other, stray, strict=True))
        lines.append(StatementLine("JUMLAH ASET", assets[0], assets[1], kind=GRAND))
        totals["aset"] = (assets[0], assets[1])

        lines.append(StatementLine("KEWAJIBAN DAN EKUITAS", kind=HEAD))
        shares_liab = self.simpanan_as == "liabilitas"
        short = section("Kewajiban lancar", codes("21"), -1, "Jumlah kewajiban lancar", [])
        long_codes = codes("22") + [c for c in codes("2") if c[:2] not in ("21", "22")]
        if shares_liab:
            long_codes += [c for c in MEMBER_SHARES if c in now or c in before]
        long = section(
            "Kewajiban jangka panjang", long_codes, -1, "Jumlah kewajiban jk. panjang", []
        )
        liab = (short[0] + long[0], short[1] + long[1])
        lines.append(StatementLine("JUMLAH KEWAJIBAN", liab[0], liab[1], kind=TOTAL))
        totals["kewajiban"] = liab

        skip = ("3107", *(MEMBER_SHARES if shares_liab else ()))
        result_now = self.result_of(now_raw)
        result_before = self.result_of(before_raw)
        result_bb = self.result_of(before_before)
        unshared = (
            -now.get("3107", 0) + result_before,
            -before.get("3107", 0) + result_bb,
        )
        shu = [
            StatementLine("SHU belum dibagi", unshared[0], unshared[1], "3107"),
            StatementLine(
                "SHU tahun berjalan", result_now - result_before, result_before - result_bb, "4, 5"
            ),
        ]
        eq_codes = codes("3", skip)
        equity = section("Ekuitas", eq_codes, -1, "JUMLAH EKUITAS", shu)
        totals["ekuitas"] = equity
        both = (liab[0] + equity[0], liab[1] + equity[1])
        lines.append(StatementLine("JUMLAH KEWAJIBAN DAN EKUITAS", both[0], both[1], kind=GRAND))
        totals["kewajiban_ekuitas"] = both
        return Statement(
            "neraca",
            "LAPORAN POSISI KEUANGAN (NERACA)",
            f"per {long_date(period.end)} dan {long_date(period.before_end)}",
            str(period.year),
            str(period.year - 1),
            tuple(lines),
            (self.simpanan_remark(),),
            totals,
        )

    def simpanan_remark(self) -> str:
        if self.simpanan_as == "liabilitas":
            return (
                "Simpanan pokok dan simpanan wajib disajikan sebagai kewajiban (liabilitas) "
                "kepada anggota, sesuai pilihan kebijakan akuntansi koperasi."
            )
        return (
            "Simpanan pokok dan simpanan wajib disajikan sebagai ekuitas (modal sendiri), "
            "sesuai pilihan kebijakan akuntansi koperasi."
        )

    # -- Perhitungan Hasil Usaha ------------------------------------------------------------

    def phu(self, period: Period) -> Statement:
        now = self._flows(period.start, period.end)
        before = self._flows(period.before_start, period.before_end)
        lines: list[StatementLine] = []
        totals: dict[str, tuple[int, int]] = {}

        def group(title: str, prefix: str, sign: int, total: str) -> tuple[int, int]:
            found = sorted({c for c in (*now, *before) if c.startswith(prefix)})
            lines.append(StatementLine(title, kind=HEAD))
            t = [0, 0]
            for code in found:
                a, b = sign * now.get(code, 0), sign * before.get(code, 0)
                lines.append(StatementLine(self.name(code), a, b, code))
                t = [t[0] + a, t[1] + b]
            lines.append(StatementLine(total, t[0], t[1], kind=TOTAL))
            return t[0], t[1]

        def step(label: str, key: str, value: tuple[int, int], kind: str = GRAND) -> None:
            lines.append(StatementLine(label, value[0], value[1], kind=kind))
            totals[key] = value

        income = group("Pendapatan usaha (jasa, provisi dan denda)", "41", 1, "Jumlah pendapatan")
        cost = group("Beban jasa simpanan dan beban keuangan", "51", -1, "Jumlah beban keuangan")
        neto = (income[0] - cost[0], income[1] - cost[1])
        step("PARTISIPASI NETO", "partisipasi_neto", neto)
        usaha = group("Beban usaha", "52", -1, "Jumlah beban usaha")
        ppap = group("Beban penyisihan dan penghapusan pinjaman", "53", -1, "Jumlah beban PPAP")
        shu_usaha = (neto[0] - usaha[0] - ppap[0], neto[1] - usaha[1] - ppap[1])
        step("SHU USAHA", "shu_usaha", shu_usaha)
        other_in = group("Pendapatan lain", "42", 1, "Jumlah pendapatan lain")
        other_out = group("Beban lain", "54", -1, "Jumlah beban lain")
        before_tax = (
            shu_usaha[0] + other_in[0] - other_out[0],
            shu_usaha[1] + other_in[1] - other_out[1],
        )
        step("SHU SEBELUM PAJAK", "shu_sebelum_pajak", before_tax)
        tax = group("Pajak", "59", -1, "Jumlah beban pajak")
        step(
            "SHU SETELAH PAJAK",
            "shu_setelah_pajak",
            (before_tax[0] - tax[0], before_tax[1] - tax[1]),
        )
        return Statement(
            "phu",
            "PERHITUNGAN HASIL USAHA",
            f"untuk tahun yang berakhir {long_date(period.end)} dan {long_date(period.before_end)}",
            str(period.year),
            str(period.year - 1),
            tuple(lines),
            (),
            totals,
        )

    def _flows(self, start: date, end: date) -> dict[str, int]:
        """Credit − debit per income or expense account (four-digit) in the period."""
        out: dict[str, int] = {}
        for code, (debit, credit) in self.repo.movements(start, end).items():
            if self._type(code) in ("pendapatan", "beban"):
                out[_head4(code)] = out.get(_head4(code), 0) + credit - debit
        return {c: v for c, v in out.items() if v}

    # -- Neraca Saldo ------------------------------------------------------------------------

    def neraca_saldo(self, as_of: date) -> Statement:
        lines = []
        debit = credit = 0
        for code, net in sorted(self.repo.balances(as_of).items()):
            d, c = max(net, 0), max(-net, 0)
            lines.append(StatementLine(self.name(code), d, c, code))
            debit, credit = debit + d, credit + c
        lines.append(StatementLine("JUMLAH", debit, credit, kind=GRAND))
        return Statement(
            "neraca_saldo",
            "NERACA SALDO",
            f"per {long_date(as_of)}",
            "Debet",
            "Kredit",
            tuple(lines),
            (),
            {"jumlah": (debit, credit)},
            "Kode",
        )

    # -- a member's sub-ledger ---------------------------------------------------------------

    def member_ledger(self, member_id: int, as_of: date) -> list[tuple[str, str, int]]:
        """(code, name, balance on the account's normal side) of one member's accounts:
        simpanan by kind, and loans where their lines name the member."""
        out = []
        for code, net in self.repo.member_balances(member_id, as_of).items():
            if _head4(code) in CASH or self._type(code) in ("pendapatan", "beban"):
                continue  # the cash side and income of the member's events are not theirs
            account = self.chart.get(code)
            sign = -1 if account is not None and account.normal == "K" else 1
            out.append((code, self.name(code), sign * net))
        return out
