"""The financial statements on a hand-built ledger: two book years of known journals posted
through the LedgerService, every line of the Neraca, PHU, Arus Kas and Perubahan Ekuitas
asserted to the rupiah; the PDFs rendered and their totals read back; `books statements`."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from pypdf import PdfReader

from app.cli import main
from app.documents.context import DocContext
from app.documents.financial_statements import statement_pdfs
from app.ledger import events as ev
from app.ledger.models import Line
from app.ledger.service import LedgerPolicy
from app.ledger.statements import Period, Statement, Statements, period_of
from app.ledger.statements_flow import arus_kas, perubahan_ekuitas
from app.services import Services
from tests.app.ledger.ledger_fixtures import Books, books

pytestmark = pytest.mark.both_engines

Y = Period(2025, date(2025, 12, 31))


def build(services: Services) -> Books:
    bk = books(services, LedgerPolicy(approval_above=10**12), loans=1)
    member, loan = bk.member_id, bk.loans[0]
    post = bk.ledger.post

    def manual(on: date, text: str, debit: str, credit: str, amount: int) -> None:
        bk.manual.submit(bk.admin, on, text, [Line(debit, amount), Line(credit, 0, amount)])

    with services.db.atomic():
        post(
            ev.SavingsDeposit(
                source_id=1, on=date(2024, 1, 2), member_id=member, kind="pokok", amount=100_000
            )
        )
        post(
            ev.SavingsDeposit(
                source_id=2, on=date(2024, 1, 2), member_id=member, kind="wajib", amount=300_000
            )
        )
        post(
            ev.Disbursement(
                source_id=loan,
                on=date(2024, 6, 1),
                loan_id=loan,
                plafon=1_000_000,
                admin_fee=20_000,
            )
        )
    manual(date(2024, 3, 1), "Hibah pemerintah daerah", "1101", "3105", 1_000_000)
    manual(date(2024, 12, 1), "Gaji Desember", "5201", "1101", 150_000)
    with services.db.atomic():
        post(
            ev.SavingsDeposit(
                source_id=3, on=date(2025, 1, 10), member_id=member, kind="sukarela", amount=500_000
            )
        )
        post(
            ev.InstalmentPayment(
                source_id=1,
                on=date(2025, 2, 1),
                loan_id=loan,
                pokok=200_000,
                jasa=30_000,
                denda=5_000,
            )
        )
        post(
            ev.SavingsWithdrawal(
                source_id=4, on=date(2025, 7, 1), member_id=member, kind="sukarela", amount=100_000
            )
        )
        post(
            ev.SavingsDeposit(
                source_id=5, on=date(2025, 8, 1), member_id=member, kind="wajib", amount=300_000
            )
        )
    manual(date(2025, 3, 1), "Beli lemari arsip", "1304", "1101", 400_000)
    manual(date(2025, 4, 1), "Setor kas ke bank", "1103.01", "1101", 100_000)
    manual(date(2025, 5, 1), "Jasa giro", "1103.01", "4201", 2_000)
    manual(date(2025, 6, 30), "PPAP Juni", "5301", "1108", 50_000)
    manual(date(2025, 9, 1), "Pinjaman LPDB", "1101", "2201", 2_000_000)
    manual(date(2025, 10, 1), "Penyusutan", "5207", "1309", 40_000)
    manual(date(2025, 11, 1), "PPh final", "5901", "1101", 10_000)
    manual(date(2025, 12, 1), "Sumbangan duka", "5401", "1101", 3_000)
    manual(date(2025, 12, 15), "Pengembalian pokok anggota keluar", "3101", "1101", 50_000)
    return bk


@pytest.fixture
def st(services: Services) -> Statements:
    bk = build(services)
    return Statements(services.db, bk.ledger.accounts.chart())


def figures(statement: Statement) -> list[tuple[str, int | None, int | None]]:
    return [(x.label, x.now, x.before) for x in statement.lines]


def test_neraca_every_line(st: Statements) -> None:
    assert figures(st.neraca(Y)) == [
        ("ASET", None, None),
        ("Aset lancar", None, None),
        ("Kas", 2_642_000, 270_000),
        ("Bank", 102_000, 0),
        ("Piutang pinjaman anggota", 800_000, 1_000_000),
        ("Dikurangi: pendapatan jasa ditangguhkan", 0, 0),
        ("Dikurangi: penyisihan penghapusan pinjaman", -50_000, 0),
        ("Piutang pinjaman anggota, neto", 750_000, 1_000_000),
        ("Jumlah aset lancar", 3_494_000, 1_270_000),
        ("Investasi", None, None),
        ("Jumlah investasi", 0, 0),
        ("Aset tetap", None, None),
        ("Inventaris", 400_000, 0),
        ("Akumulasi penyusutan", -40_000, 0),
        ("Jumlah aset tetap, neto", 360_000, 0),
        ("Aset lain", None, None),
        ("Jumlah aset lain", 0, 0),
        ("JUMLAH ASET", 3_854_000, 1_270_000),
        ("KEWAJIBAN DAN EKUITAS", None, None),
        ("Kewajiban lancar", None, None),
        ("Simpanan sukarela", 400_000, 0),
        ("Jumlah kewajiban lancar", 400_000, 0),
        ("Kewajiban jangka panjang", None, None),
        ("Pinjaman bank / LPDB / koperasi lain", 2_000_000, 0),
        ("Jumlah kewajiban jk. panjang", 2_000_000, 0),
        ("JUMLAH KEWAJIBAN", 2_400_000, 0),
        ("Ekuitas", None, None),
        ("Simpanan pokok", 50_000, 100_000),
        ("Simpanan wajib", 600_000, 300_000),
        ("Hibah / donasi", 1_000_000, 1_000_000),
        ("SHU belum dibagi", -130_000, 0),
        ("SHU tahun berjalan", -66_000, -130_000),
        ("JUMLAH EKUITAS", 1_454_000, 1_270_000),
        ("JUMLAH KEWAJIBAN DAN EKUITAS", 3_854_000, 1_270_000),
    ]
    totals = st.neraca(Y).totals
    assert totals["aset"] == totals["kewajiban_ekuitas"]


def test_simpanan_as_liabilitas_moves_pokok_wajib_and_keeps_the_balance(
    services: Services,
) -> None:
    bk = build(services)
    st = Statements(services.db, bk.ledger.accounts.chart(), "liabilitas")
    neraca = st.neraca(Y)
    labels = [x.label for x in neraca.lines]
    long_at = labels.index("Kewajiban jangka panjang")
    assert labels[long_at + 2 : long_at + 4] == [
        "Simpanan pokok (disajikan sebagai kewajiban)",
        "Simpanan wajib (disajikan sebagai kewajiban)",
    ]
    assert neraca.totals["kewajiban"] == (3_050_000, 400_000)
    assert neraca.totals["ekuitas"] == (804_000, 870_000)
    assert neraca.totals["aset"] == neraca.totals["kewajiban_ekuitas"]
    assert "liabilitas" in neraca.remarks[0]
    equity = perubahan_ekuitas(st, Y)
    assert equity.columns == (
        "Cadangan",
        "Hibah & penyertaan",
        "SHU belum dibagi",
        "Jumlah",
    )
    assert equity.rows[-1][1][-1] == 804_000


def test_phu_every_line(st: Statements) -> None:
    phu = st.phu(Y)
    assert figures(phu) == [
        ("Pendapatan usaha (jasa, provisi dan denda)", None, None),
        ("Pendapatan jasa pinjaman anggota", 30_000, 0),
        ("Pendapatan provisi & administrasi", 0, 20_000),
        ("Pendapatan denda", 5_000, 0),
        ("Jumlah pendapatan", 35_000, 20_000),
        ("Beban jasa simpanan dan beban keuangan", None, None),
        ("Jumlah beban keuangan", 0, 0),
        ("PARTISIPASI NETO", 35_000, 20_000),
        ("Beban usaha", None, None),
        ("Beban gaji", 0, 150_000),
        ("Beban penyusutan", 40_000, 0),
        ("Jumlah beban usaha", 40_000, 150_000),
        ("Beban penyisihan dan penghapusan pinjaman", None, None),
        ("Beban penyisihan penghapusan pinjaman", 50_000, 0),
        ("Jumlah beban PPAP", 50_000, 0),
        ("SHU USAHA", -55_000, -130_000),
        ("Pendapatan lain", None, None),
        ("Jasa giro / bunga bank", 2_000, 0),
        ("Jumlah pendapatan lain", 2_000, 0),
        ("Beban lain", None, None),
        ("Beban lain-lain", 3_000, 0),
        ("Jumlah beban lain", 3_000, 0),
        ("SHU SEBELUM PAJAK", -56_000, -130_000),
        ("Pajak", None, None),
        ("Beban pajak penghasilan", 10_000, 0),
        ("Jumlah beban pajak", 10_000, 0),
        ("SHU SETELAH PAJAK", -66_000, -130_000),
    ]
    # the year's result is the Neraca's SHU tahun berjalan
    line = st.neraca(Y).line("SHU tahun berjalan")
    assert phu.totals["shu_setelah_pajak"] == (line.now, line.before)


def test_arus_kas_every_line(st: Statements) -> None:
    flow = arus_kas(st, Y)
    assert figures(flow) == [
        ("Arus kas dari aktivitas operasi", None, None),
        ("Penerimaan angsuran pokok pinjaman", 200_000, 0),
        ("Pinjaman yang dicairkan kepada anggota", 0, -1_000_000),
        ("Penerimaan jasa, provisi dan denda", 35_000, 20_000),
        ("Setoran simpanan sukarela dan berjangka", 500_000, 0),
        ("Penarikan simpanan sukarela dan berjangka", -100_000, 0),
        ("Pembayaran beban usaha", -3_000, -150_000),
        ("Pembayaran pajak", -10_000, 0),
        ("Penerimaan pendapatan lain", 2_000, 0),
        ("Arus kas bersih dari aktivitas operasi", 624_000, -1_130_000),
        ("Arus kas dari aktivitas investasi", None, None),
        ("Perolehan (pelepasan) aset tetap", -400_000, 0),
        ("Arus kas bersih dari aktivitas investasi", -400_000, 0),
        ("Arus kas dari aktivitas pendanaan", None, None),
        ("Setoran simpanan pokok dan wajib", 300_000, 400_000),
        ("Pengembalian simpanan anggota", -50_000, 0),
        ("Penerimaan (pembayaran) pinjaman bank / LPDB", 2_000_000, 0),
        ("Penerimaan hibah dan modal penyertaan", 0, 1_000_000),
        ("Arus kas bersih dari aktivitas pendanaan", 2_250_000, 1_400_000),
        ("KENAIKAN (PENURUNAN) KAS BERSIH", 2_474_000, 270_000),
        ("Kas dan bank awal tahun", 270_000, 0),
        ("KAS DAN BANK AKHIR TAHUN", 2_744_000, 270_000),
    ]
    t = flow.totals
    for i in (0, 1):  # opening + net = closing, and closing = the Neraca's Kas + Bank
        assert t["awal"][i] + t["kenaikan"][i] == t["akhir"][i]


def test_perubahan_ekuitas_every_row(st: Statements) -> None:
    eq = perubahan_ekuitas(st, Y)
    assert eq.columns == (
        "Simpanan pokok",
        "Simpanan wajib",
        "Cadangan",
        "Hibah & penyertaan",
        "SHU belum dibagi",
        "Jumlah",
    )
    assert eq.rows == (
        (
            "Saldo awal tahun (31 Desember 2024)",
            (100_000, 300_000, 0, 1_000_000, -130_000, 1_270_000),
        ),
        ("Setoran", (0, 300_000, 0, 0, 0, 300_000)),
        ("Pengembalian", (-50_000, 0, 0, 0, 0, -50_000)),
        ("Alokasi SHU", (0, 0, 0, 0, 0, 0)),
        ("SHU tahun berjalan", (0, 0, 0, 0, -66_000, -66_000)),
        ("Saldo akhir (31 Desember 2025)", (50_000, 600_000, 0, 1_000_000, -196_000, 1_454_000)),
    )
    assert eq.rows[-1][1][-1] == st.neraca(Y).totals["ekuitas"][0]


def test_neraca_saldo_balances(st: Statements) -> None:
    ns = st.neraca_saldo(date(2025, 12, 31))
    assert ns.totals["jumlah"] == (ns.totals["jumlah"][0], ns.totals["jumlah"][0])
    assert ns.line("Kas").now == 2_642_000
    assert ns.line("Penyisihan penghapusan pinjaman (PPAP)").before == 50_000


def test_running_year_is_as_of_today() -> None:
    assert period_of(2026, date(2026, 12, 7)).end == date(2026, 12, 7)
    assert period_of(2025, date(2026, 12, 7)).end == date(2025, 12, 31)


def _text(pdf: bytes) -> str:
    """The text of every page, each cell's text on one line with single spaces."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_pdfs_carry_the_totals(services: Services, st: Statements) -> None:
    ctx = DocContext(profile=services.settings.profile())
    pdfs = statement_pdfs(st, ctx, 2025, date(2026, 12, 7))
    assert set(pdfs) == {
        "neraca.pdf",
        "phu.pdf",
        "arus_kas.pdf",
        "perubahan_ekuitas.pdf",
        "neraca_saldo.pdf",
    }
    neraca = _text(pdfs["neraca.pdf"])
    assert "JUMLAH ASET 3.854.000 1.270.000" in neraca
    assert "JUMLAH KEWAJIBAN DAN EKUITAS 3.854.000 1.270.000" in neraca
    assert "ekuitas (modal sendiri)" in neraca
    assert "SHU SETELAH PAJAK (66.000) (130.000)" in _text(pdfs["phu.pdf"])
    assert "KAS DAN BANK AKHIR TAHUN 1101–1103 2.744.000 270.000" in _text(pdfs["arus_kas.pdf"])
    assert "1.454.000" in _text(pdfs["perubahan_ekuitas.pdf"])
    ns = st.neraca_saldo(date(2025, 12, 31)).totals["jumlah"]
    assert f"JUMLAH {ns[0]:,} {ns[1]:,}".replace(",", ".") in _text(pdfs["neraca_saldo.pdf"])


def test_cli_writes_the_five_pdfs(services: Services, db_path: Path, tmp_path: Path) -> None:
    build(services)
    services.close()
    out = tmp_path / "lap"
    assert (
        main(["books", "statements", "--db", str(db_path), "--year", "2025", "--out", str(out)])
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "arus_kas.pdf",
        "neraca.pdf",
        "neraca_saldo.pdf",
        "perubahan_ekuitas.pdf",
        "phu.pdf",
    ]
    assert "JUMLAH ASET 3.854.000" in _text((out / "neraca.pdf").read_bytes())
    assert (
        main(["books", "statements", "--db", str(db_path), "--year", "25", "--out", str(out)]) == 2
    )


POSTABLE = [
    "1101", "1102", "1103.01", "1104", "1105", "1107", "1108", "1111", "1201", "1304", "1309",
    "2101", "2104", "2109", "2201", "3101", "3102", "3103", "3105", "3107", "3999",
    "4101", "4102", "4201", "5101", "5201", "5301", "5401", "5901",
]  # fmt: skip

journal_st = hs.tuples(
    hs.dates(date(2023, 1, 1), date(2025, 12, 31)),
    hs.sampled_from(POSTABLE),
    hs.sampled_from(POSTABLE),
    hs.integers(min_value=1, max_value=50_000_000),
).filter(lambda j: j[1] != j[2])


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(journals=hs.lists(journal_st, min_size=1, max_size=25), liab=hs.booleans())
def test_statements_tie_out_on_any_ledger(
    services: Services, journals: list[tuple[date, str, str, int]], liab: bool
) -> None:
    """For any set of balanced journals over three years, with either presentation: A = L + E
    in both columns; the cash flow explains the change of Kas + Bank; the equity statement
    ends at the Neraca's equity; the PHU's result is the Neraca's SHU tahun berjalan."""
    with services.db.atomic():
        start = int(services.db.scalar("SELECT coalesce(max(id), 0) FROM journals"))
        for n, (on, debit, credit, amount) in enumerate(journals, start=start + 1):
            services.ledger.repo.write(
                on=on, source="uji", source_id=n, role="uji", description="uji",
                lines=[Line(debit, amount), Line(credit, 0, amount)], user_id=None,
            )  # fmt: skip
    s = Statements(
        services.db, services.ledger.accounts.chart(), "liabilitas" if liab else "ekuitas"
    )
    neraca = s.neraca(Y)
    t = neraca.totals
    assert t["aset"] == t["kewajiban_ekuitas"]
    assert t["kewajiban_ekuitas"][0] == t["kewajiban"][0] + t["ekuitas"][0]
    flow = arus_kas(s, Y)
    cash = sum(
        v for c, v in s.repo.balances(Y.end).items() if c.split(".")[0] in ("1101", "1102", "1103")
    )
    for i in (0, 1):
        assert flow.totals["awal"][i] + flow.totals["kenaikan"][i] == flow.totals["akhir"][i]
    assert flow.totals["akhir"][0] == cash
    equity = perubahan_ekuitas(s, Y)
    assert equity.rows[-1][1][-1] == t["ekuitas"][0]
    assert equity.rows[0][1][-1] == t["ekuitas"][1]
    for _label, values in equity.rows:
        assert sum(values[:-1]) == values[-1]
    line = neraca.line("SHU tahun berjalan")
    assert s.phu(Y).totals["shu_setelah_pajak"] == (line.now, line.before)
    ns = s.neraca_saldo(Y.end).totals["jumlah"]
    assert ns[0] == ns[1]
