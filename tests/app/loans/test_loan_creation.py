"""A whole new loan in one save (LoanService.create_loan): everything stored together, or,
when any step fails, nothing at all — no loan, collateral, guarantor, event, audit entry or
used-up number."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any

import pytest

from app.errors import PermissionDenied, StorageError, ValidationError
from app.formats import add_months
from app.loans.creation import ApprovalDraft, DisbursementDraft, LoanCreation
from app.loans.models import (
    CollateralDraft,
    EventKind,
    GuarantorDraft,
    LoanApplication,
    LoanStatus,
)
from app.loans.service import AGREEMENT_SEQUENCE, APPLICATION_SEQUENCE
from app.services import Services
from app.storage import sequences
from app.users.models import Role, User
from app.users.permissions import PERMISSIONS, Action
from tests.app.loans.loan_factory import make_loan, product
from tests.conftest import make_member, make_user, other_pengurus

TODAY = date(2026, 11, 26)
REPO_ROOT = Path(__file__).resolve().parents[3]

BPKB = CollateralDraft(
    kind="vehicle_fiducia", description="BPKB Honda Beat 2019", document_no="K-1234-AB",
    owner="Siti Aminah", estimated_value=9_000_000,
)  # fmt: skip
SHM = CollateralDraft(
    kind="land", description="Tanah 120 m²", document_no="SHM No. 123", owner="Siti Aminah",
    estimated_value=200_000_000, tax_value=90_000_000,
)  # fmt: skip
SLAMET = GuarantorDraft(name="  Slamet   Riyadi ", relation="suami", phone="0812-1111-2222")

DISK_FULL = StorageError("Disk penuh: data tidak bisa disimpan. Data yang sudah tersimpan aman.")

TABLES = (
    "loans", "loan_schedules", "loan_schedule_lines", "loan_collateral", "loan_guarantors",
    "loan_events", "loan_event_lines", "loan_denda_charges", "audit_log",
)  # fmt: skip


@pytest.fixture(autouse=True)
def _bendahara(services: Services) -> User:
    """The second Pengurus, there before anything is counted."""
    return make_user(services, Role.PENGURUS, "bendahara", "Hj. Siti Maimunah")


def approval(services: Services, note: str = "") -> ApprovalDraft:
    """Approval at once by a Pengurus other than the Ketua who records the application."""
    ketua = services.users.repo.by_username("ketua")
    assert ketua is not None
    return ApprovalDraft(note, approver=other_pengurus(services, ketua))


def application(services: Services, member_id: int, **changes: Any) -> LoanApplication:
    values: dict[str, Any] = {
        "member_id": member_id, "product_id": product(services).id, "amount": 5_000_000,
        "months": 10, "first_due": add_months(TODAY, 1), "application_date": TODAY,
        "purpose": "tambahan modal warung",
    }  # fmt: skip
    values.update(changes)
    return LoanApplication(**values)


def stored(services: Services) -> dict[str, object]:
    """Row counts of everything a new loan writes, and every sequence's last value."""
    counts: dict[str, object] = {t: services.db.scalar(f"SELECT count(*) FROM {t}") for t in TABLES}
    counts["sequences"] = sorted(
        tuple(r) for r in services.db.rows("SELECT name, year, last_value FROM sequences")
    )
    return counts


def audit_actions(services: Services, since_id: int) -> list[tuple[str, str]]:
    rows = services.db.rows(
        "SELECT action, entity FROM audit_log WHERE id > ? ORDER BY id", (since_id,)
    )
    return [(r["action"], r["entity"]) for r in rows]


def last_audit_id(services: Services) -> int:
    return int(services.db.scalar("SELECT coalesce(max(id), 0) FROM audit_log"))


@pytest.fixture
def member_id(services: Services, ketua: User) -> int:
    return make_member(services, ketua, name="Siti Aminah").id


@pytest.fixture
def kasir(services: Services) -> User:
    return make_user(services, Role.STAF, "kasir", "Rina Kasir")


# ------------------------------------------------------------------------------- success


def test_whole_loan_is_stored_in_one_save(services: Services, ketua: User, member_id: int) -> None:
    since = last_audit_id(services)
    loan = services.loans.create_loan(
        ketua, application(services, member_id), [BPKB, SHM], [SLAMET],
        approval(services, "disetujui rapat pengurus"), DisbursementDraft(TODAY), today=TODAY,
    )  # fmt: skip
    assert loan.status == LoanStatus.AKTIF
    assert loan.application_no == "PM-2026-00001"
    assert loan.number == "001/KSP-UJ/PK/XI/2026"
    assert loan.net_disbursed == 4_950_000  # Pinjaman Umum: 1 % admin fee
    bendahara = services.users.repo.by_username("bendahara")
    assert bendahara is not None  # approved by another Pengurus than the one recording it
    assert loan.decided_by == bendahara.id and loan.decided_on == TODAY
    assert loan.decision_note == "disetujui rapat pengurus"
    assert loan.disbursed_on == TODAY
    assert [c.description for c in services.loans.collateral(loan.id)] == [
        "BPKB Honda Beat 2019", "Tanah 120 m²",
    ]  # fmt: skip
    (guarantor,) = services.loans.guarantors(loan.id)
    assert guarantor.name == "Slamet Riyadi" and guarantor.phone == "+6281211112222"
    events = services.loans.detail(loan.id, TODAY).events
    assert [(e.kind, e.amount, e.fee) for e in events] == [(EventKind.PENCAIRAN, 5_000_000, 50_000)]
    assert len(services.loans.schedule(loan.id, TODAY)) == 10
    assert audit_actions(services, since) == [
        ("ajukan", "pinjaman"), ("tambah", "agunan"), ("tambah", "agunan"),
        ("tambah", "penjamin"), ("setujui", "pinjaman"), ("cairkan", "pinjaman"),
    ]  # fmt: skip


def test_approved_without_paying_out(services: Services, ketua: User, member_id: int) -> None:
    loan = services.loans.create_loan(
        ketua, application(services, member_id), approve=approval(services), today=TODAY
    )
    assert loan.status == LoanStatus.DISETUJUI and loan.number is None
    assert services.db.scalar("SELECT count(*) FROM loan_events") == 0


def test_clerk_loan_stays_diajukan(services: Services, kasir: User, member_id: int) -> None:
    since = last_audit_id(services)
    loan = services.loans.create_loan(
        kasir, application(services, member_id), [BPKB], [SLAMET], today=TODAY
    )
    assert loan.status == LoanStatus.DIAJUKAN
    assert loan.number is None and loan.decided_by is None
    assert len(services.loans.collateral(loan.id)) == 1
    assert len(services.loans.guarantors(loan.id)) == 1
    assert audit_actions(services, since) == [
        ("ajukan", "pinjaman"), ("tambah", "agunan"), ("tambah", "penjamin"),
    ]  # fmt: skip


def test_new_loan_paying_off_an_old_one_in_one_save(
    services: Services, ketua: User, member_id: int
) -> None:
    old = make_loan(services, ketua, member_id, amount=2_000_000, months=10,
                    first_due=add_months(TODAY, -2))  # fmt: skip
    quote = services.loans.payments.payoff_quote(old.id, TODAY)
    new = services.loans.create_loan(
        ketua, application(services, member_id, replaces_loan_id=old.id), [], [],
        approval(services), DisbursementDraft(TODAY), today=TODAY,
    )  # fmt: skip
    assert services.loans.get(old.id).status == LoanStatus.LUNAS
    assert new.net_disbursed == 5_000_000 - 50_000 - quote.total


def test_old_loan_not_covered_is_refused_before_anything_is_written(
    services: Services, ketua: User, member_id: int
) -> None:
    old = make_loan(services, ketua, member_id, amount=8_000_000, months=10,
                    first_due=add_months(TODAY, -1))  # fmt: skip
    before = stored(services)
    with pytest.raises(ValidationError) as caught:
        services.loans.create_loan(
            ketua, application(services, member_id, replaces_loan_id=old.id), [], [],
            approval(services), DisbursementDraft(TODAY), today=TODAY,
        )  # fmt: skip
    assert caught.value.field == "amount" and "tidak cukup" in caught.value.message
    assert stored(services) == before
    assert services.loans.get(old.id).status == LoanStatus.AKTIF


# ------------------------------------------------------------------------------- roles


@pytest.mark.parametrize("role", [Role.STAF, Role.MANAJER, Role.ADMIN])
def test_approval_needs_approve(services: Services, member_id: int, role: Role) -> None:
    user = make_user(services, role, f"u_{role.value}", "Bukan Pengurus")
    before = stored(services)
    with pytest.raises(PermissionDenied) as caught:
        services.loans.create_loan(
            user, application(services, member_id), [BPKB], [SLAMET], ApprovalDraft(),
            today=TODAY,
        )  # fmt: skip
    assert "Ketua/Pengurus" in caught.value.message
    assert stored(services) == before


def test_pengawas_cannot_take_applications(services: Services, member_id: int) -> None:
    pengawas = make_user(services, Role.PENGAWAS, "pengawas", "Uji Pengawas")
    before = stored(services)
    with pytest.raises(PermissionDenied):
        services.loans.create_loan(pengawas, application(services, member_id), today=TODAY)
    assert stored(services) == before


def test_paying_out_needs_record_payment(
    services: Services, ketua: User, member_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No shipped role may approve but not pay out; a Pengurus without the cashier's right
    # shows that the pay-out is checked on its own.
    monkeypatch.setitem(
        PERMISSIONS, Role.PENGURUS, PERMISSIONS[Role.PENGURUS] - {Action.RECORD_PAYMENT}
    )
    before = stored(services)
    with pytest.raises(PermissionDenied) as caught:
        services.loans.create_loan(
            ketua, application(services, member_id), [BPKB], [], approval(services),
            DisbursementDraft(TODAY), today=TODAY,
        )  # fmt: skip
    assert "pembayaran" in caught.value.message
    assert stored(services) == before
    loan = services.loans.create_loan(
        ketua, application(services, member_id), [BPKB], [], approval(services), today=TODAY
    )
    assert loan.status == LoanStatus.DISETUJUI


def test_paying_out_needs_the_approval(services: Services, ketua: User, member_id: int) -> None:
    before = stored(services)
    with pytest.raises(ValidationError) as caught:
        services.loans.create_loan(
            ketua, application(services, member_id), disburse=DisbursementDraft(TODAY),
            today=TODAY,
        )  # fmt: skip
    assert caught.value.field == "on" and "disetujui" in caught.value.message
    assert stored(services) == before


# ------------------------------------------------------------------------------- checked first


@pytest.mark.parametrize(
    ("applied", "paid_out", "words"),
    [
        (date(2026, 11, 20), date(2026, 11, 19), "sebelum tanggal persetujuan"),  # and applied
        (date(2026, 11, 20), date(2026, 11, 24), "sebelum tanggal persetujuan"),  # approved today
        (TODAY, date(2026, 11, 27), "setelah hari ini"),
    ],
)
def test_bad_disbursement_date_is_named_before_anything_is_written(
    services: Services, ketua: User, member_id: int, monkeypatch: pytest.MonkeyPatch,
    applied: date, paid_out: date, words: str,
) -> None:  # fmt: skip
    writes: list[object] = []
    monkeypatch.setattr(services.loans.repo, "insert_loan", lambda values: writes.append(values))
    before = stored(services)
    with pytest.raises(ValidationError) as caught:
        services.loans.create_loan(
            ketua, application(services, member_id, application_date=applied), [BPKB],
            [SLAMET], approval(services), DisbursementDraft(paid_out), today=TODAY,
        )  # fmt: skip
    assert caught.value.field == "on" and words in caught.value.message
    assert writes == []  # refused by the checks, not by a step half-way
    assert stored(services) == before


@pytest.mark.parametrize(
    ("collateral", "guarantors", "field", "words"),
    [
        ([BPKB, CollateralDraft(kind="land", description="Tanah di Sooko")], [], "collateral",
         "Agunan Tanah di Sooko: Isi taksiran nilai agunan."),
        ([CollateralDraft(kind="emas", description="Kalung", estimated_value=1)], [],
         "collateral", "Pilih jenis agunan"),
        ([BPKB], [GuarantorDraft(name="Slamet", nik="1234")], "guarantor",
         "Penjamin Slamet: NIK"),
        ([BPKB], [GuarantorDraft(name="  ")], "guarantor", "Tulis nama penjamin."),
    ],
)  # fmt: skip
def test_bad_collateral_or_guarantor_is_named_before_anything_is_written(
    services: Services, ketua: User, member_id: int, collateral: list[CollateralDraft],
    guarantors: list[GuarantorDraft], field: str, words: str,
) -> None:  # fmt: skip
    before = stored(services)
    with pytest.raises(ValidationError) as caught:
        services.loans.create_loan(
            ketua, application(services, member_id), collateral, guarantors, approval(services),
            DisbursementDraft(TODAY), today=TODAY,
        )  # fmt: skip
    assert caught.value.field == field and words in caught.value.message
    assert stored(services) == before


def test_bad_application_is_named_at_its_field(
    services: Services, ketua: User, member_id: int
) -> None:
    before = stored(services)
    with pytest.raises(ValidationError) as caught:
        services.loans.create_loan(
            ketua, application(services, member_id, purpose=" x "), [BPKB], today=TODAY
        )
    assert caught.value.field == "purpose"
    with pytest.raises(ValidationError) as caught:
        services.loans.create_loan(
            ketua, application(services, member_id, amount=75_000_000), [BPKB], today=TODAY
        )
    assert caught.value.field == "amount"
    assert stored(services) == before


# ------------------------------------------------------------------------------- failing late


@pytest.mark.parametrize(
    ("part", "method", "error"),
    [
        ("security.repo", "insert_collateral", DISK_FULL),
        ("security.repo", "insert_guarantor", DISK_FULL),
        ("events", "insert", DISK_FULL),
        ("events", "insert", RuntimeError("a bug half-way")),
    ],
)
def test_failure_at_a_later_step_leaves_nothing_and_no_gap_in_numbers(
    services: Services, ketua: User, member_id: int, monkeypatch: pytest.MonkeyPatch,
    part: str, method: str, error: Exception,
) -> None:  # fmt: skip
    before = stored(services)
    seen: dict[str, int] = {}

    def fail(*_args: object, **_kw: object) -> None:
        # What the transaction had taken when the step failed (read on the same connection).
        seen["loans"] = services.db.scalar("SELECT count(*) FROM loans")
        seen["application"] = sequences.current_value(services.db, APPLICATION_SEQUENCE, 2026)
        seen["agreement"] = sequences.current_value(services.db, AGREEMENT_SEQUENCE, 2026)
        raise error

    monkeypatch.setattr(attrgetter(part)(services.loans), method, fail)
    with pytest.raises(type(error)):
        services.loans.create_loan(
            ketua, application(services, member_id), [BPKB], [SLAMET], approval(services),
            DisbursementDraft(TODAY), today=TODAY,
        )  # fmt: skip
    assert seen["loans"] == 1 and seen["application"] == 1  # written, then rolled back
    if part == "events":
        assert seen["agreement"] == 1  # the agreement number was taken in the transaction
    assert stored(services) == before
    assert not services.db.sql.conn.in_transaction

    monkeypatch.undo()
    loan = services.loans.create_loan(
        ketua, application(services, member_id), [BPKB], [SLAMET], approval(services),
        DisbursementDraft(TODAY), today=TODAY,
    )  # fmt: skip
    assert loan.application_no == "PM-2026-00001"  # no number lost to the failed save
    assert loan.number == "001/KSP-UJ/PK/XI/2026"


def test_validation_error_inside_the_disbursement_rolls_back_the_earlier_steps(
    services: Services, ketua: User, member_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a check only the pay-out step makes (here: the up-front checks switched off)
    leaves nothing of the application, collateral, guarantor or approval behind."""
    monkeypatch.setattr(LoanCreation, "validate", lambda *_args: None)
    before = stored(services)
    with pytest.raises(ValidationError) as caught:
        services.loans.create_loan(
            ketua, application(services, member_id, application_date=date(2026, 11, 20)),
            [BPKB], [SLAMET], approval(services), DisbursementDraft(date(2026, 11, 19)),
            today=TODAY,
        )  # fmt: skip
    assert caught.value.field == "on"
    assert stored(services) == before


CRASH_SCRIPT = """
import os, sys
from datetime import date
from pathlib import Path
from app.loans.creation import ApprovalDraft, DisbursementDraft
from app.loans.models import CollateralDraft, GuarantorDraft, LoanApplication
from app.services import Services
from app.settings.profile import CoopProfile
from app.users.models import Role
from tests.conftest import make_draft, make_user

services = Services.open(Path(sys.argv[1]), create=True)
services.settings.save_profile(None, CoopProfile(name="KSP Uji Coba", code="KSP-UJ",
                               city="Kota Mojokerto", address="Jl. Majapahit 1"))
admin = services.users.create_first_user("admin", "Uji Admin", Role.ADMIN, "rahasia123",
                                         "rahasia123")
ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")  # ready, role approved
bendahara = make_user(services, Role.PENGURUS, "bendahara", "Hj. Siti")  # approves (not ketua)
member = services.members.create(ketua, make_draft(), today=date(2026, 11, 26))
product = next(p for p in services.loans.products.all() if p.name == "Pinjaman Umum")

def crash(*_args, **_kw):
    os._exit(3)  # the power goes off in the middle of the pay-out

services.loans.events.insert = crash
services.loans.create_loan(
    ketua,
    LoanApplication(member_id=member.id, product_id=product.id, amount=5_000_000, months=10,
                    first_due=date(2026, 12, 26), application_date=date(2026, 11, 26),
                    purpose="tambahan modal warung"),
    [CollateralDraft(kind="land", description="Tanah", estimated_value=90_000_000,
                     tax_value=40_000_000)],
    [GuarantorDraft(name="Slamet Riyadi")], ApprovalDraft(approver=bendahara),
    DisbursementDraft(date(2026, 11, 26)),
    today=date(2026, 11, 26),
)
"""


def test_a_crash_half_way_leaves_no_loan(tmp_path: Path) -> None:
    path = tmp_path / "padam.db"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "MUFAKAT_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CRASH_SCRIPT), str(path)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 3, done.stderr
    services = Services.open(path)
    try:
        assert services.members.search("Siti")  # what was saved before is still there
        counts = stored(services)
        assert all(counts[t] == 0 for t in TABLES if t != "audit_log")
        assert counts["sequences"] == [
            tuple(r)
            for r in counts["sequences"]  # type: ignore[union-attr]
            if r[0] not in (APPLICATION_SEQUENCE, AGREEMENT_SEQUENCE)  # type: ignore[index]
        ]
        assert (
            services.db.scalar(
                "SELECT count(*) FROM audit_log WHERE entity IN ('pinjaman', 'agunan', 'penjamin')"
            )
            == 0
        )
    finally:
        services.close()


def test_nobody_approves_their_own_loan_application(
    services: Services, ketua: User, member_id: int
) -> None:
    before = stored(services)
    for approver in (None, ketua):
        with pytest.raises(PermissionDenied, match="pengajuannya sendiri"):
            services.loans.create_loan(
                ketua, application(services, member_id), approve=ApprovalDraft("", approver),
                today=TODAY,
            )  # fmt: skip
    assert stored(services) == before
    loan = services.loans.apply(ketua, application(services, member_id), TODAY)
    with pytest.raises(PermissionDenied, match="catat sendiri"):
        services.loans.approve(ketua, loan.id, "Disetujui", TODAY)
    bendahara = other_pengurus(services, ketua)
    assert services.loans.approve(bendahara, loan.id, "Disetujui", TODAY).decided_by == bendahara.id
