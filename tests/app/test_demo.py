"""The demo cooperative: deterministic, well-formed, consistent, and usable right away."""

from __future__ import annotations

import re
import shutil
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.demo import loans as demo_loans
from app.demo import spill
from app.demo.generate import generate_demo
from app.demo.reference import load_reference
from app.demo.users import DEMO_USERS
from app.errors import ValidationError
from app.formats import add_months
from app.identity import nik_warnings, normalize_phone, validate_nik
from app.members.models import MemberStatus
from app.members.service import MEMBER_SEQUENCE
from app.numbering import format_pattern
from app.resources import data_path
from app.savings.models import SavingsKind
from app.savings.service import RECEIPT_SEQUENCE
from app.services import Services
from app.storage import ledger_history_repo, sequences
from app.storage.check import check_database
from app.users.models import Role
from tests.conftest import make_draft

TODAY = date(2026, 5, 1)
MEMBERS = 200
LATER = "('kompensasi', 'berjangka', 'jasa_berjangka', 'shu')"  # written after the batch
SEED = 7


@dataclass(frozen=True)
class Demo:
    path: Path
    twin: Path  # made again with the same seed and day
    summary: str
    messages: list[str]


class _InMemory:
    """The loan events sorted in memory, as the demo did before it sorted them on disk."""

    def __init__(self, _pack: object, _unpack: object) -> None:
        self.items: list[tuple[Any, ...]] = []

    def add(self, items: list[tuple[Any, ...]]) -> None:
        self.items += items

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(sorted(self.items, key=lambda item: item[:3]))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """The twin is built the old way (everything in memory); the first in small batches, so
    that every batch boundary of the streamed build is crossed many times."""
    folder = tmp_path_factory.mktemp("demo")
    messages: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(spill, "BLOCK", 3)
        patch.setattr(demo_loans, "_CHUNK", 97)  # loans per batch: several batches
        patch.setattr(ledger_history_repo, "STREAM_BATCH", 7)
        summary = generate_demo(
            folder / "a.db", members=MEMBERS, seed=SEED, progress=messages.append, today=TODAY
        )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(demo_loans, "SortedSpill", _InMemory)
        patch.setattr(ledger_history_repo, "STREAM_BATCH", 10**9)
        generate_demo(folder / "b.db", members=MEMBERS, seed=SEED, today=TODAY)
    return Demo(folder / "a.db", folder / "b.db", summary, messages)


@pytest.fixture
def copy(demo: Demo, tmp_path: Path) -> Iterator[Services]:
    """The demo opened through the app, on a copy that a test may change."""
    target = tmp_path / "demo.db"
    shutil.copy(demo.path, target)
    services = Services.open(target)
    yield services
    services.close()


def _rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [tuple(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def test_same_seed_and_day_give_the_same_cooperative(demo: Demo, tmp_path: Path) -> None:
    members = "SELECT * FROM members ORDER BY id"
    sums = (
        "SELECT member_id, kind, sum(amount), count(*), group_concat(receipt_no) "
        "FROM savings_transactions GROUP BY member_id, kind ORDER BY member_id, kind"
    )
    assert len(_rows(demo.path, members)) == MEMBERS
    assert _rows(demo.path, members) == _rows(demo.twin, members)
    assert _rows(demo.path, sums) == _rows(demo.twin, sums)
    other = tmp_path / "other.db"
    generate_demo(other, members=20, seed=SEED + 1, today=TODAY, loans=False)
    names = "SELECT name, nik FROM members ORDER BY id LIMIT 20"
    assert _rows(other, names) != _rows(demo.path, names)


def test_streamed_build_gives_what_the_in_memory_build_gave(demo: Demo) -> None:
    """Sorting the loan events on disk and reading the history in batches change nothing in
    the file: the same events, journals, lines, trial balance; both files check clean."""

    def columns(table: str) -> str:  # all but when a row was written (the clock differs)
        names = [r[1] for r in _rows(demo.path, f"PRAGMA table_info({table})")]
        return ", ".join(n for n in names if n != "created_at")

    for sql in (
        f"SELECT {columns('loan_events')} FROM loan_events ORDER BY id",
        "SELECT * FROM loan_event_lines ORDER BY 1, 2, 3",
        "SELECT * FROM loan_denda_charges ORDER BY 1, 2, 3, 4",
        f"SELECT {columns('journals')} FROM journals ORDER BY id",
        "SELECT * FROM journal_lines ORDER BY id",
        "SELECT account, sum(debit), sum(credit) FROM journal_lines GROUP BY account",
        "SELECT tbl, sum(length(digests)), count(*) FROM chain_blocks GROUP BY tbl",
    ):
        rows = _rows(demo.path, sql)
        assert rows, sql
        assert rows == _rows(demo.twin, sql), sql
    assert _rows(demo.path, "SELECT count(*) FROM loan_events WHERE reverses_id IS NOT NULL")[0][0]
    for path in (demo.path, demo.twin):
        report = check_database(path)
        assert report.ok, report.problems


def test_summary_and_progress_speak_indonesian(demo: Demo) -> None:
    assert "KSP Guyub Rukun" in demo.summary and f"{MEMBERS} anggota" in demo.summary
    assert "ketua/ketua123" in demo.summary
    assert demo.messages[0].startswith("Membuat database baru")
    assert any(m.startswith("Menyimpan 200 anggota dan ") for m in demo.messages)
    assert demo.messages[-1] == "Selesai."


def test_members_have_valid_niks_phones_and_real_places(copy: Services) -> None:
    ref = load_reference()
    places = {(k.kecamatan, k.name): k.district_code for k in ref.kelurahan}
    members = [copy.members.get(row.id) for row in copy.members.search(limit=MEMBERS + 1)]
    assert len(members) == MEMBERS
    for m in members:
        assert m.nik is not None and validate_nik(m.nik) == m.nik
        assert m.birth_date is not None
        assert nik_warnings(m.nik, m.birth_date, m.sex) == []
        assert copy.members.warnings(m.as_draft(), exclude_id=m.id) == []
        assert (m.kecamatan, m.kelurahan) in places, (m.kecamatan, m.kelurahan)
        assert m.nik.startswith(places[(m.kecamatan, m.kelurahan)])
        assert m.city == "Kota Mojokerto"
        assert m.rt.isdigit() and len(m.rt) == 3 and m.rw.isdigit() and len(m.rw) == 3
        if m.phone:
            assert m.phone.startswith("+628") and normalize_phone(m.phone) == m.phone
        assert m.birth_date <= add_months(m.join_date, -12 * 18)
        assert m.join_date <= TODAY
        if m.status != MemberStatus.AKTIF:
            assert m.status_date is not None and m.join_date <= m.status_date <= TODAY
            assert m.status_note
    assert {m.kecamatan for m in members} == {"Magersari", "Prajurit Kulon", "Kranggan"}
    assert {m.sex for m in members} == {"L", "P"}
    assert sum(1 for m in members if m.spouse_name) > MEMBERS // 2
    assert sum(1 for m in members if m.status != MemberStatus.AKTIF) >= 3
    assert len({m.occupation for m in members}) >= 10


def test_member_numbers_follow_the_joining_order(copy: Services) -> None:
    rows = sorted(copy.members.search(limit=MEMBERS + 1), key=lambda r: r.number)
    assert [r.number for r in rows] == [f"{n:05d}" for n in range(1, MEMBERS + 1)]
    joined = [r.join_date for r in rows]
    assert joined == sorted(joined)


def test_every_role_has_a_demo_user_who_can_log_in(copy: Services) -> None:
    roles = [role for _, _, role, _ in DEMO_USERS]
    assert set(roles) == set(Role)  # every role, the Ketua its own
    # The second Pengurus (Bendahara) is on the log-in list: hapus buku needs Ketua + one.
    assert roles.count(Role.PENGURUS) == 1 and roles.count(Role.KETUA) == 1
    assert "bendahara" in {username for username, *_ in DEMO_USERS}
    for username, password, role, full_name in DEMO_USERS:
        user = copy.users.login(username, password)
        assert (user.role, user.full_name) == (role, full_name)
        assert not user.must_change_password and user.role_active
    assert not copy.users.roles.pending()
    profile = copy.settings.profile()
    assert (profile.name, profile.code, profile.city) == (
        "KSP Guyub Rukun",
        "KSP-GR",
        "Kota Mojokerto",
    )
    assert profile.ketua == "H. Suparman" and profile.badan_hukum_date is not None
    assert copy.is_demo


def test_the_file_is_consistent_and_the_audit_trail_has_one_batch_entry(demo: Demo) -> None:
    report = check_database(demo.path)
    assert report.ok, report.problems
    # The savings history is the batch; set-offs of the demo's cases, the simpanan berjangka's
    # moves to and from sukarela and the SHU paid to sukarela after the RAT come after it.
    transactions = _rows(
        demo.path, f"SELECT count(*) FROM savings_transactions WHERE method NOT IN {LATER}"
    )[0][0]
    notes = _rows(demo.path, "SELECT note FROM audit_log WHERE action = 'data contoh'")
    assert notes == [(f"data contoh dibuat: {MEMBERS} anggota, {transactions} transaksi",)]


def test_savings_histories_look_like_a_real_cooperative(copy: Services) -> None:
    path = copy.db.path
    rows = _rows(
        path,
        "SELECT member_id, kind, tx_type, amount, tx_date, receipt_no, reason, reverses_id "
        "FROM savings_transactions ORDER BY tx_date, id",
    )
    running: dict[tuple[object, object], int] = defaultdict(int)
    for member_id, kind, _type, amount, *_ in rows:
        running[(member_id, kind)] += int(amount)  # type: ignore[call-overload]
        assert running[(member_id, kind)] >= 0, (member_id, kind)
    pokok = {r[0] for r in rows if r[1] == "pokok" and r[2] == "setoran"}
    assert len(pokok) == MEMBERS
    reversals = [r for r in rows if r[2] == "pembalikan"]
    assert reversals and all(r[6] and r[7] for r in reversals)
    assert any(r[1] == "sukarela" and r[2] == "penarikan" for r in rows)
    behind = [
        m.id
        for m in (copy.members.get(r.id) for r in copy.members.search(limit=MEMBERS + 1))
        if m.status == MemberStatus.AKTIF and copy.savings.wajib_status(m, TODAY).months_unpaid > 6
    ]
    assert len(behind) >= 5  # some members are many months behind
    assert any(copy.savings.balances(m).wajib > 0 for m in behind)


def test_receipts_follow_the_pattern_per_year_in_date_order(demo: Demo) -> None:
    # The generated history only: the set-offs of the demo's cases and the simpanan berjangka's
    # moves are made later through the savings service, dated in the past, with the next
    # receipt numbers.
    rows = _rows(
        demo.path,
        f"SELECT tx_date, receipt_no FROM savings_transactions WHERE method NOT IN {LATER} "
        "ORDER BY id",
    )
    per_year: dict[int, int] = defaultdict(int)
    previous = ""
    for tx_date, receipt in rows:
        assert isinstance(tx_date, str) and isinstance(receipt, str)
        assert tx_date >= previous
        previous = tx_date
        on = date.fromisoformat(tx_date)
        per_year[on.year] += 1
        assert receipt == format_pattern("KW-{year}-{seq:06}", per_year[on.year], on, "KSP-GR")
    assert re.fullmatch(r"KW-\d{4}-\d{6}", str(rows[-1][1]))


def test_numbering_continues_after_the_demo(copy: Services) -> None:
    # The sequences themselves were moved on (the services would otherwise skip the taken
    # numbers one by one, slowly, with the same result).
    assert sequences.current_value(copy.db, MEMBER_SEQUENCE) == MEMBERS
    this_year = _rows(
        copy.db.path,
        f"SELECT count(*) FROM savings_transactions WHERE tx_date >= '{TODAY.year}-01-01'",
    )[0][0]
    assert sequences.current_value(copy.db, RECEIPT_SEQUENCE, TODAY.year) == this_year
    kasir = copy.users.login("kasir", "kasir123")
    member = copy.members.create(kasir, make_draft(name="Anggota Baru"), today=TODAY)
    assert member.number == f"{MEMBERS + 1:05d}"
    last = _rows(
        copy.db.path,
        "SELECT max(receipt_no) FROM savings_transactions WHERE receipt_no LIKE ?",
        (f"KW-{TODAY.year}-%",),
    )[0][0]
    assert isinstance(last, str)
    tx = copy.savings.deposit(kasir, member.id, SavingsKind.SUKARELA, 50_000, TODAY, today=TODAY)
    assert tx.receipt_no == f"KW-{TODAY.year}-{int(last[-6:]) + 1:06d}"


def test_an_existing_file_is_refused_and_left_alone(demo: Demo, tmp_path: Path) -> None:
    target = tmp_path / "ada.db"
    target.write_bytes(b"bukan database")
    with pytest.raises(ValidationError) as caught:
        generate_demo(target, members=5, today=TODAY)
    assert caught.value.field == "path" and "sudah ada" in caught.value.message
    assert target.read_bytes() == b"bukan database"


def test_a_cancelled_generation_leaves_no_file(tmp_path: Path) -> None:
    class Cancelled(Exception):
        pass

    def progress(message: str) -> None:
        if message.startswith("Menyimpan"):
            raise Cancelled

    target = tmp_path / "batal.db"
    with pytest.raises(Cancelled):
        generate_demo(target, members=20, progress=progress, today=TODAY, loans=False)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_reference_data_is_found_from_source_and_from_a_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert data_path("demo", "wilayah.json").is_file()
    ref = load_reference()
    assert ref.kecamatan_names == ["Kranggan", "Magersari", "Prajurit Kulon"]
    assert all(k.district_code.startswith("3576") for k in ref.kelurahan)
    assert len({(k.kecamatan, k.name) for k in ref.kelurahan}) == len(ref.kelurahan) == 18
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert data_path("demo", "names.json") == tmp_path / "data" / "demo" / "names.json"


def test_summary_npl_is_the_one_the_portfolio_shows(demo: Demo, copy: Services) -> None:
    from app.loans.quality import npl_text

    portfolio = copy.loans.portfolio.summary(TODAY)
    assert f"Rasio pinjaman bermasalah: {npl_text(portfolio.npl_ratio)}." in demo.summary
    assert demo.summary.count("bermasalah") == 1


def test_a_closed_ratified_year_with_its_shu_paid_and_the_current_year_open(
    copy: Services,
) -> None:
    from app.demo.year_end import closed_year

    year = closed_year(TODAY)
    assert year == 2025  # TODAY is after the RAT of 14 March 2026
    assert closed_year(date(2026, 3, 27)) == 2024 and closed_year(date(2026, 3, 28)) == 2025
    assert copy.closing.closed_year(year) is not None
    assert copy.closing.tax_journal(year) is not None  # PPh final 0,5 %
    ratified = copy.shu_books.ratification(year)
    assert ratified is not None and ratified.rat_date == date(2026, 3, 14)
    shares = copy.shu_books.shares(year)
    assert (
        shares
        and sum(s.total for s in shares)
        == copy.shu.compute(year).pools["jma"] + (copy.shu.compute(year).pools["jua"])
    )
    paid = [s for s in shares if s.paid_on is not None]
    assert len(paid) >= len(shares) // 2  # those who left keep theirs in 2109
    assert copy.closing.lock_date() == date(year, 12, 31)  # the current year is open
    assert copy.closing.closed_year(TODAY.year) is None
