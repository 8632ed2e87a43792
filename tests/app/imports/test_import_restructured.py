"""Kind `loans`, restructured loans: the old arrears folded into the first instalment of the
new schedule. The schedule the import builds is the one Mufakat's own restructuring builds
('tambahkan ke angsuran pertama'), and the position at the cut-over — outstanding pokok,
arrears of pokok, jasa and denda, days late — is kept to the rupiah on either side of every
due date, partly paid or not."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.collection.decision_models import (
    ArrearsPosition,
    RestructuringKind,
    RestructuringTerms,
    Treatment,
)
from app.collection.restructuring_terms import restructured_schedule
from app.errors import ValidationError
from app.imports.loans_opening import Figures, opening
from app.imports.loans_restructured import Folded, folded_schedule
from app.imports.service import ImportOptions
from app.loans.denda import DendaRule
from app.loans.position import loan_position
from app.loans.schedule import Installment, ScheduleTerms, build_schedule
from app.services import Services
from app.storage.check import check_database
from app.users.models import User
from tests.app.imports.helpers import MEMBER_HEADERS, member_rows, xlsx
from tests.conftest import make_user

CUT = date(2025, 12, 31)
RULE = DendaRule("installment", Decimal("0.1"), "day", 3)
FIRST = Treatment.ANGSURAN_PERTAMA


@st.composite
def restructurings(draw: st.DrawFn) -> tuple[RestructuringTerms, ArrearsPosition]:
    effective = CUT - timedelta(days=draw(st.integers(0, 400)))
    terms = RestructuringTerms(
        kind=RestructuringKind.PENATAAN,
        pokok=FIRST,
        jasa=FIRST,
        denda=FIRST,
        monthly_rate=draw(st.sampled_from([Decimal(0), Decimal("1"), Decimal("1.5")])),
        months=draw(st.integers(1, 36)),
        method=draw(st.sampled_from(["flat", "declining", "annuity"])),
        first_due=effective + timedelta(days=draw(st.integers(1, 60))),
        effective_date=effective,
        round_to=draw(st.sampled_from([1, 100, 1000])),
        round_up=draw(st.booleans()),
    )
    future = draw(st.integers(100_000, 30_000_000))
    arrears = draw(st.integers(0, 5_000_000))
    position = ArrearsPosition(
        loan_id=1,
        as_of=effective,
        outstanding=future + arrears,
        arrears_pokok=arrears,
        arrears_jasa=draw(st.integers(0, 2_000_000)),
        arrears_denda=draw(st.integers(0, 500_000)),
        quality="D",
        days_past_due=90,
    )
    return terms, position


def _folded(terms: RestructuringTerms, position: ArrearsPosition) -> tuple[Installment, ...]:
    """What the import builds from the row: the calculator on the new principal (the row's
    Plafon), the old arrears added to the first instalment."""
    built = build_schedule(
        ScheduleTerms(
            position.future_pokok,
            terms.monthly_rate * 12,
            terms.months,
            terms.method,
            terms.first_due,
            terms.round_to,
            terms.round_up,
        )
    )
    return folded_schedule(
        built,
        Folded(
            terms.effective_date,
            position.arrears_pokok,
            position.arrears_jasa,
            position.arrears_denda,
        ),
    )


@given(restructurings())
@settings(max_examples=150, deadline=None)
def test_the_schedule_is_the_one_mufakats_restructuring_builds(
    case: tuple[RestructuringTerms, ArrearsPosition],
) -> None:
    terms, position = case
    try:
        expected = restructured_schedule(position, terms).lines
    except ValidationError:  # rounding too coarse for these terms: not a loan
        assume(False)
        raise
    assert list(_folded(terms, position)) == expected


@given(
    restructurings(),
    st.floats(0, 1),
    st.floats(0, 1),
    st.integers(-45, 45),
)
@settings(max_examples=150, deadline=None)
def test_any_position_on_a_folded_schedule_is_kept_exactly(
    case: tuple[RestructuringTerms, ArrearsPosition],
    paid_pokok: float,
    paid_jasa: float,
    shift: int,
) -> None:
    """Paid anything from nothing to all, the cut-over up to 45 days either side of the
    first (folded) instalment's due date."""
    terms, position = case
    try:
        schedule = _folded(terms, position)
    except ValidationError:
        assume(False)
        raise
    cut = max(terms.effective_date, schedule[0].due_date + timedelta(days=shift))
    principal = sum(i.pokok for i in schedule)
    settled_pokok = min(principal - 1, int(principal * paid_pokok))
    due_jasa = sum(i.jasa for i in schedule if i.due_date < cut)
    settled_jasa = int(due_jasa * paid_jasa)
    truth = loan_position(schedule, settled_pokok, settled_jasa, 0, {}, RULE, cut)
    assume(truth.arrears_pokok == max(0, sum(i.pokok for i in schedule if i.due_date < cut)
                                      - settled_pokok))  # fmt: skip
    figures = Figures(
        truth.outstanding,
        truth.arrears_pokok,
        truth.arrears_jasa,
        truth.arrears_denda,
        days_late=truth.days_past_due,
    )
    got = opening(schedule, RULE, cut, figures).position
    assert (got.outstanding, got.arrears_pokok, got.arrears_jasa, got.arrears_denda) == (
        figures.outstanding,
        figures.arrears_pokok,
        figures.arrears_jasa,
        figures.arrears_denda,
    )
    assert got.days_past_due == truth.days_past_due


HEADERS = ["No. Pinjaman", "Nomor Anggota", "Produk", "Plafon", "Tanggal Pencairan",
           "Jasa per Bulan (%)", "Metode", "Jangka Waktu (bulan)", "Angsuran Pertama",
           "Sisa Pokok", "Tunggakan Pokok", "Tunggakan Jasa", "Tunggakan Denda",
           "Hari Terlambat", "Tanggal Bayar Terakhir", "Tanggal Restrukturisasi",
           "Pokok Lama di Angsuran Pertama", "Jasa Lama di Angsuran Pertama",
           "Denda Lama di Angsuran Pertama"]  # fmt: skip
RESTRUCTURED_ON = date(2025, 6, 10)
FIRST_DUE = date(2025, 7, 10)
# 1,000,000 over 10 months flat 1 %: 100,000 + 10,000 a month; the first instalment also
# carries the old 300,000 pokok, 60,000 jasa and 25,000 denda: 400,000 + 95,000.
FOLD = (300_000, 60_000, 25_000)


def _members(services: Services, tmp_path: Path) -> User:
    user = make_user(services)
    path = xlsx(tmp_path / "m.xlsx", MEMBER_HEADERS, member_rows(1))
    services.imports.run(user, "members", path, ImportOptions(), backup_folder=tmp_path / "b")
    return user


def _schedule() -> tuple[Installment, ...]:
    built = build_schedule(ScheduleTerms(1_000_000, Decimal(12), 10, "flat", FIRST_DUE))
    return folded_schedule(built, Folded(RESTRUCTURED_ON, *FOLD))


@pytest.mark.parametrize(
    ("cut", "instalments_paid", "extra_pokok"),
    [
        (FIRST_DUE - timedelta(days=1), 0, 0),  # the folded instalment not yet due
        (FIRST_DUE, 0, 0),  # due today: not late yet
        (FIRST_DUE + timedelta(days=1), 0, 0),  # one day late, all of it
        (FIRST_DUE + timedelta(days=1), 0, 399_999),  # one rupiah of it unpaid
        (FIRST_DUE + timedelta(days=1), 1, 0),  # paid on time
        (CUT, 4, 50_000),  # months later, half an instalment's pokok paid
        (CUT, 6, 0),  # everything due paid
    ],
)
def test_import_keeps_the_position_to_the_rupiah(
    services: Services, tmp_path: Path, cut: date, instalments_paid: int, extra_pokok: int
) -> None:
    user = _members(services, tmp_path)
    product = next(p for p in services.loans.products.all() if p.name == "Pinjaman Umum")
    schedule = _schedule()
    settled_pokok = sum(i.pokok for i in schedule[:instalments_paid]) + extra_pokok
    settled_jasa = sum(i.jasa for i in schedule[:instalments_paid])
    truth = loan_position(schedule, settled_pokok, settled_jasa, 0, {}, product.denda_rule, cut)
    last_paid = RESTRUCTURED_ON + timedelta(days=1) if settled_pokok + settled_jasa else None
    row = ["PK-R1", "00001", "Pinjaman Umum", 1_000_000, "10/12/2024", "1", "Flat", 10,
           FIRST_DUE, truth.outstanding, truth.arrears_pokok, truth.arrears_jasa,
           truth.arrears_denda + 7_000, truth.days_past_due, last_paid, RESTRUCTURED_ON,
           *FOLD]  # fmt: skip
    if not truth.arrears_pokok + truth.arrears_jasa:
        row[12] = 0  # nothing late: no denda either
    path = xlsx(tmp_path / "l.xlsx", HEADERS, [row])
    options = ImportOptions(as_of=cut, today=CUT)
    report = services.imports.check("loans", path, options)
    assert report.ok, report.lines()
    services.imports.run(user, "loans", path, options, backup_folder=tmp_path / "b")
    loan = services.loans.get(services.loans.list_rows(cut)[0].loan_id)
    pos = services.loans.quality.position(loan, cut)
    assert (pos.outstanding, pos.arrears_pokok, pos.arrears_jasa, pos.arrears_denda) == (
        row[9], row[10], row[11], row[12],
    )  # fmt: skip
    assert pos.days_past_due == truth.days_past_due
    stored = [(line.due_date, line.pokok, line.jasa) for line in pos.lines]
    assert stored == [(i.due_date, i.pokok, i.jasa) for i in schedule]
    assert stored[0][1:] == (400_000, 95_000)
    assert loan.amount == 1_300_000
    assert "direstrukturisasi per 10/06/2025" in loan.decision_note
    assert check_database(services.db.path).ok


@pytest.mark.parametrize(
    ("change", "column", "message"),
    [
        ({15: None}, "Tanggal Restrukturisasi", "isi tanggal restrukturisasi"),
        ({15: "10/12/2024"}, "Tanggal Restrukturisasi", "harus sesudah tanggal pencairan"),
        ({15: "01/01/2026"}, "Tanggal Restrukturisasi", "paling lambat tanggal peralihan"),
        ({15: "10/07/2025"}, "Angsuran Pertama", "sesudah tanggal restrukturisasi"),
        ({16: 0}, "Sisa Pokok", "lebih dari plafon"),  # the old pokok left out
        ({17: 0}, "Tunggakan Jasa", "lebih dari jasa yang jatuh tempo"),  # old jasa left out
        ({14: "01/07/2025"}, "Tanggal Bayar Terakhir", "belum ada pokok atau jasa"),
        ({14: "01/06/2025"}, "", ""),  # paid before the restructuring, not since
        ({}, "", ""),  # as it is, the row is right
    ],
)
def test_what_cannot_hold_is_refused_naming_the_column(
    services: Services, tmp_path: Path, change: dict[int, object], column: str, message: str
) -> None:
    _members(services, tmp_path)
    row: list[object] = ["PK-R1", "00001", "Pinjaman Umum", 1_000_000, "10/12/2024", "1",
                         "Flat", 10, "10/07/2025", 1_300_000, 900_000, 145_000, 0, 174, None,
                         "10/06/2025", *FOLD]  # fmt: skip
    for index, value in change.items():
        row[index] = value
    path = xlsx(tmp_path / "l.xlsx", HEADERS, [row])
    report = services.imports.check("loans", path, ImportOptions(as_of=CUT, today=CUT))
    texts = [p.text() for p in report.problems]
    if not column:
        assert report.ok, texts
        return
    assert any(f"kolom {column}: " in t and message in t for t in texts), texts


def test_the_template_explains_the_restructuring_columns(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from app.imports.template import write_template

    write_template("loans", tmp_path / "t.xlsx")
    book = load_workbook(tmp_path / "t.xlsx")
    headers = [c.value for c in book["Data"][1]]
    notes = {row[0]: row for row in book["Keterangan"].iter_rows(min_row=2, values_only=True)}
    for header in HEADERS[-4:]:
        assert header in headers
        assert notes[header][2] and notes[header][3], header  # a note and an example
    assert "angsuran pertama" in str(notes["Tanggal Restrukturisasi"][2]).lower() or (
        "jadwal baru" in str(notes["Tanggal Restrukturisasi"][2])
    )
