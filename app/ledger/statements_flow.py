"""Laporan Arus Kas (direct method) and Laporan Perubahan Ekuitas (LEDGER.md §3.4).

Arus kas: every journal of the year that moves Kas, Kas kecil or a Bank account is explained by
its other lines (netted per account within the journal), classified by that account: operasi
(loans, collections, sukarela, costs), investasi (aset tetap, penyertaan), pendanaan
(pokok/wajib, bank loans, SHU paid). Transfers between cash accounts cancel out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.ledger.statements import (
    CASH,
    GRAND,
    HEAD,
    LINE,
    MEMBER_SHARES,
    TOTAL,
    Period,
    Statement,
    StatementLine,
    Statements,
    long_date,
)

OPERASI, INVESTASI, PENDANAAN = "operasi", "investasi", "pendanaan"

# (section, label of cash in, label of cash out or "" for one net line, account prefixes)
FLOW_LINES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        OPERASI,
        "Penerimaan angsuran pokok pinjaman",
        "Pinjaman yang dicairkan kepada anggota",
        ("1105", "1106"),
    ),
    (OPERASI, "Penerimaan jasa, provisi dan denda", "", ("41", "1109", "2117")),
    (
        OPERASI,
        "Setoran simpanan sukarela dan berjangka",
        "Penarikan simpanan sukarela dan berjangka",
        ("2101", "2102"),
    ),
    (OPERASI, "Titipan angsuran dan premi asuransi, bersih", "", ("2104", "2105")),
    (OPERASI, "Pembayaran jasa simpanan dan beban keuangan", "", ("51", "2103")),
    (OPERASI, "Pembayaran beban usaha", "", ("52", "53", "54", "1112", "2116")),
    (OPERASI, "Pembayaran pajak", "", ("59", "1113", "2106", "2107", "2108")),
    (OPERASI, "Penerimaan pendapatan lain", "", ("42",)),
    (OPERASI, "Penerimaan (pembayaran) operasi lainnya", "", ("1", "2", "4", "5")),
    (INVESTASI, "Perolehan (pelepasan) aset tetap", "", ("13",)),
    (INVESTASI, "Penyertaan, deposito dan aset lain", "", ("1104", "12", "14")),
    (
        PENDANAAN,
        "Setoran simpanan pokok dan wajib",
        "Pengembalian simpanan anggota",
        ("3101", "3102", "2115"),
    ),
    (PENDANAAN, "Penerimaan (pembayaran) pinjaman bank / LPDB", "", ("2201",)),
    (
        PENDANAAN,
        "Pembayaran SHU dan dana-dana",
        "",
        ("2109", "2110", "2111", "2112", "2113", "2114", "3107"),
    ),
    (PENDANAAN, "Penerimaan hibah dan modal penyertaan", "", ("3",)),
)
SECTION_TITLES = {
    OPERASI: ("Arus kas dari aktivitas operasi", "Arus kas bersih dari aktivitas operasi"),
    INVESTASI: ("Arus kas dari aktivitas investasi", "Arus kas bersih dari aktivitas investasi"),
    PENDANAAN: ("Arus kas dari aktivitas pendanaan", "Arus kas bersih dari aktivitas pendanaan"),
}


def _flow_index(code: str) -> int:
    """The FLOW_LINES entry of an account: the longest matching prefix wins."""
    head = code.split(".")[0]
    best, best_len = len(FLOW_LINES) - 1, -1
    for i, (_s, _i, _o, prefixes) in enumerate(FLOW_LINES):
        for prefix in prefixes:
            if head.startswith(prefix) and len(prefix) > best_len:
                best, best_len = i, len(prefix)
    return best


def _is_cash(code: str) -> bool:
    return code.split(".")[0] in CASH


def arus_kas(st: Statements, period: Period) -> Statement:
    columns = []
    for start, end in ((period.start, period.end), (period.before_start, period.before_end)):
        ins = [0] * len(FLOW_LINES)
        outs = [0] * len(FLOW_LINES)
        for code, (cash_in, cash_out) in st.repo.cash_counterparts(start, end, CASH).items():
            i = _flow_index(code)
            ins[i] += cash_in
            outs[i] += cash_out
        columns.append((ins, outs))
    (now_in, now_out), (before_in, before_out) = columns
    lines: list[StatementLine] = []
    totals: dict[str, tuple[int, int]] = {}
    net = [0, 0]
    for section in (OPERASI, INVESTASI, PENDANAAN):
        title, total_label = SECTION_TITLES[section]
        lines.append(StatementLine(title, kind=HEAD))
        t = [0, 0]
        for i, (sec, label_in, label_out, _p) in enumerate(FLOW_LINES):
            if sec != section:
                continue
            note = ""  # the accounts are many; the Buku Besar shows them
            if label_out:
                pairs = [
                    (label_in, now_in[i], before_in[i]),
                    (label_out, -now_out[i], -before_out[i]),
                ]
            else:
                pairs = [(label_in, now_in[i] - now_out[i], before_in[i] - before_out[i])]
            for label, a, b in pairs:
                if a or b:
                    lines.append(StatementLine(label, a, b, note))
                    t = [t[0] + a, t[1] + b]
        lines.append(StatementLine(total_label, t[0], t[1], kind=TOTAL))
        totals[section] = (t[0], t[1])
        net = [net[0] + t[0], net[1] + t[1]]

    def cash(on: date) -> int:
        return sum(v for c, v in st.repo.balances(on).items() if _is_cash(c))

    opening = (cash(period.before_end), cash(date(period.year - 2, 12, 31)))
    closing = (cash(period.end), cash(period.before_end))
    lines.append(StatementLine("KENAIKAN (PENURUNAN) KAS BERSIH", net[0], net[1], kind=GRAND))
    lines.append(StatementLine("Kas dan bank awal tahun", opening[0], opening[1], "1101–1103"))
    lines.append(
        StatementLine("KAS DAN BANK AKHIR TAHUN", closing[0], closing[1], "1101–1103", kind=GRAND)
    )
    totals["kenaikan"] = (net[0], net[1])
    totals["awal"] = opening
    totals["akhir"] = closing
    return Statement(
        "arus_kas",
        "LAPORAN ARUS KAS",
        f"untuk tahun yang berakhir {long_date(period.end)} dan {long_date(period.before_end)}"
        " (metode langsung)",
        str(period.year),
        str(period.year - 1),
        tuple(lines),
        ("Kas dan setara kas: kas, kas kecil dan rekening bank (akun 1101, 1102, 1103).",),
        totals,
    )


@dataclass(frozen=True)
class EquityTable:
    title: str
    period: str
    columns: tuple[str, ...]  # the last is "Jumlah"
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    remarks: tuple[str, ...]

    def row(self, label: str) -> tuple[int, ...]:
        for name, values in self.rows:
            if name == label:
                return values
        raise KeyError(label)


EQUITY_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Simpanan pokok", ("3101",)),
    ("Simpanan wajib", ("3102",)),
    ("Cadangan", ("3103", "3104")),
    ("Hibah & penyertaan", ("3105", "3106")),
    ("SHU belum dibagi", ("3107", "3999")),
)
SETORAN_KINDS = ("3101", "3102", "3105", "3106")


def perubahan_ekuitas(st: Statements, period: Period) -> EquityTable:
    columns = [
        (name, codes)
        for name, codes in EQUITY_COLUMNS
        if not (st.simpanan_as == "liabilitas" and set(codes) <= set(MEMBER_SHARES))
    ]

    def column_of(code: str) -> int | None:
        head = code.split(".")[0]
        if head in MEMBER_SHARES and st.simpanan_as == "liabilitas":
            return None
        for i, (_n, codes) in enumerate(columns):
            if head in codes:
                return i
        return next(i for i, (n, _c) in enumerate(columns) if n.startswith("Hibah"))

    n = len(columns)
    shu = n - 1
    opening, setoran, kembali, alokasi, adjust, result, closing = ([0] * n for _ in range(7))
    cumulative = []
    for values, on in ((opening, period.before_end), (closing, period.end)):
        balances = st.repo.balances(on)
        for code, net in balances.items():
            if code.startswith("3") and (i := column_of(code)) is not None:
                values[i] -= net
        cumulative.append(st.result_of(balances))
        values[shu] += cumulative[-1]
    for code, (debit, credit) in st.repo.movements(period.start, period.end).items():
        i = column_of(code) if code.startswith("3") else None
        if i is None:
            continue
        head = code.split(".")[0]
        if head in SETORAN_KINDS:
            setoran[i] += credit
            kembali[i] -= debit
        elif head == "3999":
            adjust[i] += credit - debit
        else:
            alokasi[i] += credit - debit
    result[shu] = cumulative[1] - cumulative[0]
    named = [
        (f"Saldo awal tahun ({long_date(period.before_end)})", opening),
        ("Setoran", setoran),
        ("Pengembalian", kembali),
        ("Alokasi SHU", alokasi),
    ]
    if any(adjust):
        named.append(("Selisih saldo awal", adjust))
    named += [
        ("SHU tahun berjalan", result),
        (f"Saldo akhir ({long_date(period.end)})", closing),
    ]
    rows = tuple((label, (*values, sum(values))) for label, values in named)
    return EquityTable(
        "LAPORAN PERUBAHAN EKUITAS",
        f"untuk tahun yang berakhir {long_date(period.end)}",
        (*(name for name, _c in columns), "Jumlah"),
        rows,
        (st.simpanan_remark(),),
    )


__all__ = ["LINE", "EquityTable", "arus_kas", "perubahan_ekuitas"]
