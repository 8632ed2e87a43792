"""The fixed-asset register and the month-end depreciation job: a purchase posts Dr 130x /
Cr Kas or Bank, an asset owned at the cut-over posts nothing; the job posts one row and journal
Dr 5207 / Cr 1309 per asset and month, a rerun posts nothing; a locked month is refused and
locked months are skipped; the checklist item; `mufakat check` ties 1309 to the rows and names
a row without journal; bad input is refused at its field with nothing written."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.assets.depreciation import ORIGIN_OPENING, ORIGIN_PURCHASE, NewAsset
from app.errors import PermissionDenied, ValidationError
from app.services import Services
from app.storage.check import check_database
from app.users.models import Role, User
from tests.conftest import make_user

pytestmark = pytest.mark.both_engines

MOTOR = NewAsset(
    "Sepeda motor Honda", "1303", date(2026, 1, 15), 24_000_000, 48, 4_000_001, ORIGIN_PURCHASE,
    "tunai",
)  # fmt: skip
KOMPUTER = NewAsset(
    "Komputer kantor", "1304", date(2024, 6, 1), 12_000_000, 36, 0, ORIGIN_OPENING,
    opening_month="2025-12",
)  # fmt: skip


def _staff(services: Services) -> User:
    return make_user(services, Role.MANAJER, "manajer", "Rina Manajer")


def _lines(services: Services, source: str, source_id: int, role: str) -> Counter[tuple]:
    journal_id = services.ledger.repo.find(source, source_id, role)
    assert journal_id is not None
    journal = services.ledger.journal(journal_id)
    return Counter((x.account, x.debit, x.credit) for x in journal.lines)


def test_a_purchase_posts_its_journal_and_an_opening_asset_none(services: Services) -> None:
    staff = _staff(services)
    count = services.db.scalar("SELECT count(*) FROM journals")
    motor = services.assets.register(staff, MOTOR)
    assert _lines(services, "aset_tetap", motor.id, "perolehan") == Counter(
        {("1303", 24_000_000, 0): 1, ("1101", 0, 24_000_000): 1}
    )
    komputer = services.assets.register(staff, KOMPUTER)
    assert services.db.scalar("SELECT count(*) FROM journals") == count + 1
    assert komputer.opening_accumulated == 18 * 333_333  # Jul 2024 .. Dec 2025
    audit = services.db.rows("SELECT entity_id FROM audit_log WHERE entity = 'aset_tetap'")
    assert [r["entity_id"] for r in audit] == [str(motor.id), str(komputer.id)]


def test_month_end_posts_exact_journals_once(services: Services) -> None:
    staff = _staff(services)
    motor = services.assets.register(staff, MOTOR)
    komputer = services.assets.register(staff, KOMPUTER)
    done = services.assets.run(staff, 2026, 2)
    # motor: Feb 2026 (first month after January); komputer: Jan and Feb 2026
    assert (done.rows, done.total) == (3, 416_666 + 2 * 333_333)
    rows = services.assets.repo.depreciation(motor.id)
    assert [(r.month, r.seq, r.amount) for r in rows] == [("2026-02", 1, 416_666)]
    assert _lines(services, "penyusutan", rows[0].id, "penyusutan") == Counter(
        {("5207", 416_666, 0): 1, ("1309", 0, 416_666): 1}
    )
    journal = services.ledger.journal(
        services.ledger.repo.find("penyusutan", rows[0].id, "penyusutan")
    )
    assert journal.date == date(2026, 2, 28)
    again = services.assets.run(staff, 2026, 2)
    assert (again.rows, again.total) == (0, 0)
    assert [r.month for r in services.assets.repo.depreciation(komputer.id)] == [
        "2026-01", "2026-02",
    ]  # fmt: skip
    row = {r.asset.id: r for r in services.assets.rows(date(2026, 2, 28))}
    assert row[motor.id].accumulated == 416_666
    assert row[komputer.id].book_value == 12_000_000 - 20 * 333_333


def test_the_whole_life_depreciates_to_the_residual(services: Services) -> None:
    staff = _staff(services)
    motor = services.assets.register(staff, MOTOR)
    services.assets.run(staff, 2030, 12)
    total = sum(r.amount for r in services.assets.repo.depreciation(motor.id))
    assert total == MOTOR.cost - MOTOR.residual
    assert services.assets.repo.depreciation(motor.id)[-1].month == "2030-01"
    assert -services.ledger.repo.balance(["1309"], date(2030, 12, 31)) == total


def test_the_lock_date_is_respected(services: Services) -> None:
    staff = _staff(services)
    services.assets.register(staff, MOTOR)
    with services.db.atomic():
        services.closing.repo.add_lock("tutup", "2026-03", date(2026, 3, 31), staff.id)
    with pytest.raises(ValidationError):
        services.assets.run(staff, 2026, 3)
    done = services.assets.run(staff, 2026, 4)
    assert done.rows == 1 and len(done.skipped) == 2  # February and March are closed
    with pytest.raises(ValidationError) as caught:
        services.assets.register(staff, replace(MOTOR, acquired_on=date(2026, 3, 2)))
    assert caught.value.field == "acquired_on"
    with pytest.raises(ValidationError) as caught:  # its March 2026 would be closed
        services.assets.register(staff, replace(KOMPUTER, opening_month="2026-02"))
    assert caught.value.field == "opening_month"
    assert services.assets.register(staff, replace(KOMPUTER, opening_month="2026-03"))


def test_checklist_item(services: Services) -> None:
    staff = _staff(services)
    item = {i.key: i for i in services.closing.checklist(2026, 2)}["penyusutan"]
    assert item.ok and item.label == "Penyusutan aset tetap"  # no assets: fine
    services.assets.register(staff, MOTOR)
    assert {i.key: i for i in services.closing.checklist(2026, 1)}["penyusutan"].ok
    item = {i.key: i for i in services.closing.checklist(2026, 2)}["penyusutan"]
    assert not item.ok and "2026-02" in item.detail
    services.assets.run(staff, 2026, 2)
    assert {i.key: i for i in services.closing.checklist(2026, 2)}["penyusutan"].ok


@pytest.mark.sqlite_only("refused at the field before any write: the engine plays no part")
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "  "}, "name"),
        ({"account": "1301"}, "account"),
        ({"account": "1101"}, "account"),
        ({"cost": 0}, "cost"),
        ({"life_months": 0}, "life_months"),
        ({"life_months": 601}, "life_months"),
        ({"residual": -1}, "residual"),
        ({"residual": 24_000_001}, "residual"),
        ({"method": None}, "method"),
        ({"origin": ORIGIN_OPENING, "method": None, "opening_month": "2025-12"}, "opening_month"),
    ],
)
def test_bad_input_is_refused_at_its_field(
    services: Services, change: dict[str, object], field: str
) -> None:
    staff = _staff(services)
    before = services.db.scalar("SELECT count(*) FROM journals")
    with pytest.raises(ValidationError) as caught:
        services.assets.register(staff, replace(MOTOR, **change))  # type: ignore[arg-type]
    assert caught.value.field == field
    assert services.db.scalar("SELECT count(*) FROM fixed_assets") == 0
    assert services.db.scalar("SELECT count(*) FROM journals") == before


def test_staff_without_month_end_cannot_register(services: Services) -> None:
    staf = make_user(services, Role.STAF, "staf", "Sari Staf")
    with pytest.raises(PermissionDenied):
        services.assets.register(staf, MOTOR)


def test_check_ties_1309_and_names_a_row_without_journal(services: Services, db_path: Path) -> None:
    staff = _staff(services)
    services.assets.register(staff, MOTOR)
    services.assets.run(staff, 2026, 6)
    services.close()
    assert check_database(db_path).problems == []
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO asset_depreciation (asset_id, month, seq, amount, created_at)"
            " VALUES (1, '2026-07', 6, 416666, '2026-07-31T10:00:00')"
        )
    conn.close()
    text = "\n".join(check_database(db_path).problems)
    assert "penyusutan aset tetap tanpa jurnal" in text
    assert "akumulasi penyusutan" in text
