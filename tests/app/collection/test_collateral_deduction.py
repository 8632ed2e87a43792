"""Collateral deduction in the PPAP (§4a, issue 10 item 5): land without Hak Tanggungan
counts at 60 % of its tax value (NJOP), never of its market value, so the NJOP is required
when such land is entered; collateral that can no longer be realised (tidak bisa dieksekusi)
is never deducted, so a Macet loan's required allowance reaches 100 % and the hapus buku
precondition can be met. Portfolio (SQL) and the hapus buku checklist (Python) agree."""

from __future__ import annotations

from datetime import date

import pytest

from app.collection.models import CollateralStatus
from app.errors import ValidationError
from app.loans.collateral import check_collateral
from app.loans.models import COLLATERAL_KINDS, CollateralDraft
from app.members.models import Member
from app.services import Services
from app.storage.loans_repo import LoansRepository
from tests.app.collection.conftest import People, make_loan

pytestmark = pytest.mark.both_engines

AS_OF = date(2027, 9, 1)  # nothing paid since 5 Feb 2026: Macet
OUTSTANDING = 6_000_000


@pytest.mark.parametrize("kind", sorted(COLLATERAL_KINDS))
def test_njop_is_required_only_for_land_without_hak_tanggungan(kind: str) -> None:
    draft = CollateralDraft(kind=kind, description="Agunan", estimated_value=100_000_000)
    if kind == "land":
        with pytest.raises(ValidationError) as err:
            check_collateral(draft)
        assert err.value.field == "tax_value" and "NJOP" in err.value.message
        check_collateral(CollateralDraft(kind, "Agunan", estimated_value=1, tax_value=1))
    else:
        check_collateral(draft)


def _allowance_item(services: Services, loan_id: int) -> tuple[bool, str]:
    checklist = services.writeoff.checklist(loan_id, AS_OF)
    [item] = [i for i in checklist.items if i.key == "allowance"]
    return item.ok, item.detail


@pytest.mark.parametrize(
    ("njop", "deducted"),
    [
        (0, 0),  # entered before the NJOP was asked: nothing, never the market value
        (1_000_000, 600_000),
        (5_000_000, 3_000_000),
        (9_999_999, 5_999_999),
        (10_000_000, 6_000_000),  # capped at the outstanding
        (50_000_000, 6_000_000),
    ],
)
def test_land_without_hak_tanggungan_counts_at_60_percent_of_njop(
    services: Services, people: People, member: Member, njop: int, deducted: int
) -> None:
    loan = make_loan(services, people, member)
    draft = CollateralDraft("land", "Tanah di Sooko", estimated_value=100_000_000, tax_value=njop)
    if njop:
        services.loans.add_collateral(people.manajer, loan.id, draft)
    else:
        LoansRepository(services.db).insert_collateral(loan.id, draft, people.manajer.id)
    assert services.loans.quality.arrears(loan.id, AS_OF).quality == "M"
    summary = services.loans.portfolio.summary(AS_OF)
    assert summary.allowance_required == OUTSTANDING - deducted
    ok, detail = _allowance_item(services, loan.id)
    assert ok is (deducted == 0)
    assert f"PPAP wajib Rp{OUTSTANDING - deducted:,}".replace(",", ".") in detail


@pytest.mark.parametrize("status", list(CollateralStatus))
def test_collateral_that_cannot_be_realised_is_never_deducted(
    services: Services, people: People, member: Member, status: CollateralStatus
) -> None:
    loan = make_loan(services, people, member)
    services.loans.add_collateral(
        people.manajer,
        loan.id,
        CollateralDraft("land_mortgage", "SHM 123", estimated_value=5_000_000),
    )
    [case] = services.cases.open_due_cases(AS_OF)
    services.cases.set_collateral(people.manajer, case.id, status, "Catatan", AS_OF)
    realisable = status not in (
        CollateralStatus.TIDAK_ADA,
        CollateralStatus.TERJUAL,
        CollateralStatus.TIDAK_BISA,
        CollateralStatus.DIKEMBALIKAN,
    )
    expected = OUTSTANDING - (4_000_000 if realisable else 0)  # 80 % of 5 juta
    assert services.loans.portfolio.summary(AS_OF).allowance_required == expected
    ok, _ = _allowance_item(services, loan.id)
    assert ok is (not realisable)
