"""The life of a loan through the service: application, approval, disbursement, roles."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import PermissionDenied, ValidationError
from app.loans.models import (
    CollateralDraft,
    EventKind,
    GuarantorDraft,
    LoanApplication,
    LoanFilter,
    LoanStatus,
)
from app.members.models import MemberStatus
from app.services import Services
from app.users.models import Role, User
from tests.app.loans.loan_factory import make_loan, product
from tests.conftest import make_member, make_user, other_pengurus

pytestmark = pytest.mark.both_engines

TODAY = date(2025, 1, 5)


def _draft(services: Services, member_id: int, **changes: object) -> LoanApplication:
    values: dict[str, object] = {
        "member_id": member_id,
        "product_id": product(services).id,
        "amount": 10_000_000,
        "months": 10,
        "first_due": date(2025, 2, 10),
        "application_date": TODAY,
        "purpose": "Modal warung",
    }
    values.update(changes)
    return LoanApplication(**values)  # type: ignore[arg-type]


def test_presets_are_shipped(services: Services) -> None:
    names = {p.name: (p.method, str(p.monthly_rate)) for p in services.loans.products.all()}
    assert names == {
        "Pinjaman Umum": ("flat", "1.5"),
        "Pinjaman Usaha": ("declining", "1.25"),
        "Pinjaman Anuitas": ("annuity", "1.25"),
    }


def test_application_to_disbursement(services: Services, ketua: User) -> None:
    kasir = make_user(services, Role.STAF, "kasir", "Rina")
    member = make_member(services, ketua)
    loan = services.loans.apply(kasir, _draft(services, member.id), TODAY)
    assert loan.status == LoanStatus.DIAJUKAN
    assert loan.application_no == "PM-2025-00001"
    assert loan.number is None and loan.display_number == "PM-2025-00001"
    assert loan.monthly_rate == product(services).monthly_rate
    assert loan.admin_fee == 100_000  # 1 % of Rp10 juta

    with pytest.raises(PermissionDenied):
        services.loans.approve(kasir, loan.id, "ok", TODAY)
    loan = services.loans.approve(ketua, loan.id, "Disetujui rapat 5 Januari", TODAY)
    assert (loan.status, loan.decided_by, loan.decided_on) == (
        LoanStatus.DISETUJUI,
        ketua.id,
        TODAY,
    )
    assert loan.decided_by_name == "Budi Santoso"

    with pytest.raises(ValidationError) as error:
        services.loans.disburse(kasir, loan.id, date(2025, 2, 10), date(2025, 2, 10))
    assert error.value.field == "on"
    loan = services.loans.disburse(kasir, loan.id, date(2025, 1, 7), date(2025, 1, 7))
    assert loan.status == LoanStatus.AKTIF
    assert loan.number == "001/KSP-UJ/PK/I/2025"
    assert loan.net_disbursed == 9_900_000
    events = services.loans.payments.events(loan.id)
    assert [(e.kind, e.amount, e.fee) for e in events] == [
        (EventKind.PENCAIRAN, 10_000_000, 100_000)
    ]
    actions = [e.action for e in services.audit.entries("pinjaman", loan.id)]
    assert actions[:3] == ["cairkan", "setujui", "ajukan"]
    before = services.audit.entries("pinjaman", loan.id)[1]
    assert before.before == {
        "status": "diajukan",
        "decided_by": None,
        "decided_on": None,
        "decision_note": "",
    }


def test_rejection_needs_a_reason_and_a_pengurus(services: Services, ketua: User) -> None:
    manajer = make_user(services, Role.MANAJER, "manajer", "Sri")
    member = make_member(services, ketua)
    loan = services.loans.apply(manajer, _draft(services, member.id), TODAY)
    with pytest.raises(PermissionDenied):
        services.loans.reject(manajer, loan.id, "Penghasilan tidak cukup", TODAY)
    with pytest.raises(ValidationError):
        services.loans.reject(ketua, loan.id, "", TODAY)
    loan = services.loans.reject(ketua, loan.id, "Penghasilan tidak cukup", TODAY)
    assert loan.status == LoanStatus.DITOLAK
    with pytest.raises(ValidationError):
        services.loans.approve(ketua, loan.id, "ok", TODAY)


def test_pengawas_cannot_take_applications(services: Services, ketua: User) -> None:
    pengawas = make_user(services, Role.PENGAWAS, "pengawas", "Bambang")
    member = make_member(services, ketua)
    with pytest.raises(PermissionDenied):
        services.loans.apply(pengawas, _draft(services, member.id), TODAY)


def test_limits_and_dates_are_checked(services: Services, ketua: User) -> None:
    member = make_member(services, ketua)
    with pytest.raises(ValidationError) as error:
        services.loans.apply(ketua, _draft(services, member.id, amount=80_000_000), TODAY)
    assert error.value.field == "amount"
    with pytest.raises(ValidationError) as error:
        services.loans.apply(ketua, _draft(services, member.id, months=48), TODAY)
    assert error.value.field == "months"
    with pytest.raises(ValidationError) as error:
        services.loans.apply(ketua, _draft(services, member.id, first_due=TODAY), TODAY)
    assert error.value.field == "first_due"
    with pytest.raises(ValidationError) as error:
        services.loans.apply(ketua, _draft(services, member.id, purpose=" "), TODAY)
    assert error.value.field == "purpose"


def test_warnings_member_not_active_and_open_loans(services: Services, ketua: User) -> None:
    member = make_member(services, ketua)
    first = make_loan(services, ketua, member.id, first_due=date(2024, 12, 10))
    check = services.loans.check_application(_draft(services, member.id), TODAY)
    assert check.open_loans == 1
    assert any(first.display_number in w for w in check.warnings)
    assert (check.admin_fee, check.net_amount, check.first_installment) == (
        100_000,
        9_900_000,
        1_150_000,
    )
    services.members.change_status(
        ketua, member.id, MemberStatus.KELUAR, date(2025, 1, 2), "Pindah kota", today=TODAY
    )
    check = services.loans.check_application(_draft(services, member.id), TODAY)
    assert any("Keluar" in w for w in check.warnings)


def test_new_loan_paying_off_an_old_one(services: Services, ketua: User) -> None:
    member = make_member(services, ketua)
    old = make_loan(
        services, ketua, member.id, amount=5_000_000, months=10, first_due=date(2024, 8, 10)
    )
    draft = _draft(services, member.id, replaces_loan_id=old.id, amount=20_000_000, months=20)
    check = services.loans.check_application(draft, TODAY)
    assert any("akan melunasi" in w for w in check.warnings)
    assert any("menunggak" in w for w in check.warnings)  # nothing was ever paid on it
    new = services.loans.apply(ketua, draft, TODAY)
    services.loans.approve(other_pengurus(services, ketua), new.id, "Disetujui", TODAY)
    quote = services.loans.payments.payoff_quote(old.id, date(2025, 1, 7))
    new = services.loans.disburse(ketua, new.id, date(2025, 1, 7), date(2025, 1, 7))
    assert services.loans.get(old.id).status == LoanStatus.LUNAS
    assert new.net_disbursed == 20_000_000 - 200_000 - quote.total
    with pytest.raises(ValidationError):
        services.loans.check_application(
            _draft(services, member.id, replaces_loan_id=old.id), TODAY
        )


def test_collateral_and_guarantor(services: Services, ketua: User) -> None:
    member = make_member(services, ketua)
    loan = make_loan(services, ketua, member.id)
    item = services.loans.add_collateral(
        ketua,
        loan.id,
        CollateralDraft(
            kind="land",
            description="Tanah 120 m²",
            document_no="SHM No. 123",
            owner="Siti",
            estimated_value=200_000_000,
            tax_value=90_000_000,
        ),
    )
    assert item.allowance_value == 90_000_000
    assert item.deductible_value == 54_000_000  # 60 % of the NJOP
    with pytest.raises(ValidationError):
        services.loans.add_collateral(ketua, loan.id, CollateralDraft(kind="emas", description="x"))
    guarantor = services.loans.add_guarantor(
        ketua,
        loan.id,
        GuarantorDraft(name=" Slamet  Riyadi ", relation="suami", phone="0812-1111-2222"),
    )
    assert (guarantor.name, guarantor.phone) == ("Slamet Riyadi", "+6281211112222")
    released = services.loans.release_collateral(ketua, item.id, date(2025, 3, 1), "Lunas")
    assert released.released_on == date(2025, 3, 1)
    detail = services.loans.detail(loan.id, date(2025, 1, 5))
    assert [g.name for g in detail.guarantors] == ["Slamet Riyadi"]
    assert len(detail.collateral) == 1


def test_list_and_member_loans(services: Services, ketua: User) -> None:
    member = make_member(services, ketua)
    other = make_member(
        services,
        ketua,
        name="Joko Susilo",
        nik="3576011203850002",
        sex="L",
        birth_date=date(1985, 3, 12),
    )
    late = make_loan(services, ketua, member.id, first_due=date(2024, 10, 10))
    current = make_loan(services, ketua, other.id, first_due=date(2025, 1, 10))
    pending = make_loan(services, ketua, other.id, disburse=False)
    rows = services.loans.list_rows(TODAY)
    assert {r.loan_id for r in rows} == {late.id, current.id}  # aktif only by default
    overdue = services.loans.list_rows(TODAY, LoanFilter(overdue_only=True))
    assert [r.loan_id for r in overdue] == [late.id]
    assert overdue[0].days_past_due == (TODAY - date(2024, 10, 10)).days
    assert overdue[0].arrears_total > 3 * 1_150_000  # three instalments plus denda
    assert services.loans.count_rows(TODAY, LoanFilter(overdue_only=True)) == 1
    by_days = services.loans.list_rows(TODAY, order="days")
    assert by_days[0].loan_id == late.id
    mine = services.loans.member_loans(other.id, TODAY)
    assert [(r.loan_id, r.status) for r in mine] == [
        (pending.id, LoanStatus.DISETUJUI),
        (current.id, LoanStatus.AKTIF),
    ]
    assert mine[0].number == pending.application_no and mine[0].outstanding == 0
    assert services.loans.list_rows(TODAY, LoanFilter(text="Joko"))[0].member_name == (
        "Joko Susilo"
    )
