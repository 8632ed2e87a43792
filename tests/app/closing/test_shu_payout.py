"""The RAT's ratification and the SHU paid (issue 13 §3, §4): the members' shares credited to
sukarela in one run (Dr 2109 / Cr simpanan sukarela, a receipt each), never twice, a member who
left keeps the share in 2109; the check's invariant 7 and 2109 = unpaid shares hold and catch a
stray 2109 line; corrections of a closed year carry a note naming the RAT."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.ledger.models import Line
from app.savings.models import SavingsKind
from app.services import Services
from app.storage import check_closing
from app.storage.closing_repo import ClosingRepository
from app.users.models import User
from tests.app.closing.conftest import TODAY
from tests.conftest import admin_user, make_user
from tests.engines import check_conn

pytestmark = pytest.mark.both_engines

DEC = date(2025, 12, 31)
RAT = date(2026, 3, 14)
PAY = date(2026, 3, 20)


def _closed(services: Services, admin: User) -> None:
    with services.db.atomic():
        ClosingRepository(services.db).add_lock("tutup", "2025-12", DEC, admin.id)
    services.closing.close_year(admin, 2025)


def test_pay_all_to_sukarela_once(services: Services, year: dict[str, int]) -> None:
    admin, pengurus = admin_user(services), make_user(services)
    _closed(services, admin)
    books = services.shu_books
    books.allocate(pengurus, 2025, RAT, "05/RAT/2026")
    assert books.ratification(2025) is not None
    shares = {s.member_id: s for s in books.shares(2025)}
    assert year["c"] in shares  # left at the end of March: JMA for her months
    before = {m: services.savings.balances(m).sukarela for m in shares}
    run = books.pay_all(admin, 2025, PAY, "sukarela", today=TODAY)
    assert run.paid == len(shares) - 1
    assert [x.split(":")[0] for x in run.left] == [f"{shares[year['c']].number} Citra"]
    for member_id, share in shares.items():
        gained = services.savings.balances(member_id).sukarela - before[member_id]
        assert gained == (0 if member_id == year["c"] else share.total)
    conn = check_conn(services.db)
    assert check_closing.shu(conn) == []
    assert -services.ledger.repo.balance(["2109"], PAY) == shares[year["c"]].total
    deposit = services.savings.history(year["a"], SavingsKind.SUKARELA)[-1]
    assert deposit.method == "shu" and deposit.receipt_no
    again = books.pay_all(admin, 2025, PAY, "sukarela", today=TODAY)
    assert (again.paid, again.amount) == (0, 0)  # never twice
    cash = books.pay_all(admin, 2025, PAY, "tunai", today=TODAY)
    assert cash.amount == shares[year["c"]].total and books.unpaid(2025) == 0
    assert check_closing.shu(conn) == []
    services.manual_journals.submit(
        admin, date(2026, 4, 1), "Salah akun", [Line("1101", 1_000), Line("2109", 0, 1_000)]
    )
    assert any("2109" in x for x in check_closing.shu(conn))


def test_ratify_then_allocate_uses_the_record(services: Services, year: dict[str, int]) -> None:
    admin, pengurus = admin_user(services), make_user(services)
    books = services.shu_books
    with pytest.raises(ValidationError, match="Tutup buku"):
        books.ratify(pengurus, 2025, RAT, "05/RAT/2026")
    _closed(services, admin)
    with pytest.raises(ValidationError, match="Nomor keputusan"):
        books.ratify(pengurus, 2025, RAT, " ")
    books.ratify(pengurus, 2025, RAT, "05/RAT/2026")
    with pytest.raises(ValidationError, match="sudah dicatat"):
        books.ratify(pengurus, 2025, RAT, "05/RAT/2026")
    with pytest.raises(ValidationError, match="tercatat"):
        books.allocate(pengurus, 2025, RAT, "06/RAT/2026")
    books.allocate(pengurus, 2025, RAT, "05/RAT/2026")
    with pytest.raises(ValidationError, match="Keterangan"):
        books.correction_text(2025, "  ")
    text = books.correction_text(2025, "beban listrik Desember terlewat")
    assert text.startswith("Koreksi tahun buku 2025, disahkan RAT 14-03-2026 keputusan 05/RAT")
    with pytest.raises(ValidationError, match="belum ditutup"):
        books.correction_text(2026, "x")
    fix = [Line("3107", 150_000), Line("1101", 0, 150_000)]
    with pytest.raises(ValidationError, match="tahun berjalan"):
        books.correct(admin, services.manual_journals, 2025, DEC, "listrik", fix)
    posted = books.correct(
        admin, services.manual_journals, 2025, date(2026, 4, 2), "listrik Desember", fix
    )
    assert posted.journal_id is not None
    journal = services.ledger.journal(posted.journal_id)
    assert journal.date == date(2026, 4, 2)
    assert journal.description.startswith("Koreksi tahun buku 2025, disahkan RAT 14-03-2026")
