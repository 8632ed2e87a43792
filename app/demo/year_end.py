"""The demo cooperative's closed book year (issue 13 §6): December locked, the tax under PPh
final 0,5 % posted and the jurnal penutup on 31 December, the RAT in March that ratified it and
allocated the SHU, and the members' shares paid to their sukarela a week later; the current
year stays open. The year closed is the last one whose RAT (14 March) lies at least two weeks
back, so the demo always has one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from app.ledger.yeartax import TaxSettings, TaxSettingsService
from app.money import format_rupiah
from app.services import Services
from app.storage.closing_repo import ClosingRepository
from app.users.models import Role


def closed_year(today: date) -> int:
    """The demo's closed and ratified book year for `today`."""
    return today.year - 1 if today >= date(today.year, 3, 28) else today.year - 2


def add_demo_year_end(services: Services, today: date, say: Callable[[str], None]) -> str:
    year = closed_year(today)
    users = {u.role: u for u in services.users.all()}
    admin, ketua = users[Role.ADMIN], users[Role.KETUA]
    first = services.ledger.repo.first_date()
    if first is None or first.year > year:
        return ""
    say(f"Menutup buku tahun {year} dan membagi SHU …")
    end = date(year, 12, 31)
    rat = date(year + 1, 3, 14)
    TaxSettingsService(services.db, services.audit).save(
        admin, TaxSettings("final", max(first.year, year - 2))
    )
    with services.db.atomic():  # the demo's December close: its checklist is not staged
        ClosingRepository(services.db).add_lock("tutup", f"{year}-12", end, admin.id)
    services.closing.close_year(admin, year)
    books = services.shu_books
    result = services.shu.compute(year)
    if result.shu <= 0:
        books.ratify(ketua, year, rat, f"{year + 1}/RAT/03")
        return f"Tahun buku {year} ditutup (rugi {format_rupiah(-result.shu)})."
    books.allocate(ketua, year, rat, f"03/KEP-RAT/{year + 1}")
    paid = books.pay_all(admin, year, rat + timedelta(days=7), "sukarela", today=today)
    return (
        f"Tahun buku {year} ditutup, SHU {format_rupiah(result.shu)} dibagi pada RAT "
        f"{rat:%d-%m-%Y}; {paid.paid} anggota menerima {format_rupiah(paid.amount)} di simpanan "
        f"sukarela."
    )
