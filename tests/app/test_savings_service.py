"""Savings: deposits, withdrawals (with authorisation), reversals, append-only rows, wajib."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import NotFound, PermissionDenied, ValidationError
from app.members.models import Member, MemberStatus
from app.savings.models import SavingsKind, TxType
from app.services import Services
from app.storage.constraints import MSG_APPEND_ONLY
from app.users.models import Role, User
from tests.conftest import make_member, make_user
from tests.engines import refusal

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 26)
POKOK, WAJIB, SUKARELA = SavingsKind.POKOK, SavingsKind.WAJIB, SavingsKind.SUKARELA


@pytest.fixture
def staf(services: Services) -> User:
    return make_user(services, Role.STAF, "kasir", "Rina Kasir")


@pytest.fixture
def member(services: Services, ketua: User) -> Member:
    return make_member(services, ketua)


def deposit(
    services: Services,
    actor: User,
    member: Member,
    kind: SavingsKind,
    amount: int,
    on: date = date(2026, 1, 10),
) -> int:
    return services.savings.deposit(actor, member.id, kind, amount, on, today=TODAY).id


def test_deposit_gets_a_receipt_and_moves_the_balance(
    services: Services, staf: User, member: Member
) -> None:
    tx = services.savings.deposit(
        staf,
        member.id,
        SUKARELA,
        150_000,
        date(2026, 3, 2),
        method="transfer",
        note="Setoran awal",
        today=TODAY,
    )
    assert tx.receipt_no == "KW-2026-000001"
    assert (tx.tx_type, tx.amount, tx.method, tx.note) == (
        TxType.SETORAN,
        150_000,
        "transfer",
        "Setoran awal",
    )
    again = services.savings.deposit(staf, member.id, WAJIB, 25_000, date(2026, 3, 2), today=TODAY)
    assert again.receipt_no == "KW-2026-000002"
    balances = services.savings.balances(member.id)
    assert (balances.pokok, balances.wajib, balances.sukarela, balances.total) == (
        0,
        25_000,
        150_000,
        175_000,
    )
    assert services.savings.balances(member.id, as_of=date(2026, 3, 1)).total == 0
    entry = services.audit.entries("savings", tx.id)[0]
    assert (entry.action, entry.user_id) == ("setoran", staf.id)
    assert entry.after is not None
    assert entry.after["amount"] == 150_000 and entry.after["receipt"] == "KW-2026-000001"
    assert entry.after["member"] == member.number


@pytest.mark.sqlite_only("refused at the field before any write: the engine plays no part")
@pytest.mark.parametrize(
    ("amount", "on", "method", "field"),
    [
        (0, date(2026, 1, 10), "tunai", "amount"),
        (-5_000, date(2026, 1, 10), "tunai", "amount"),
        (20_000_000_000, date(2026, 1, 10), "tunai", "amount"),
        (10_000, date(2026, 11, 27), "tunai", "tx_date"),
        (10_000, date(2019, 12, 31), "tunai", "tx_date"),
        (10_000, date(2026, 1, 10), "cek", "method"),
    ],
)
def test_deposit_refusals_name_the_field(
    services: Services, staf: User, member: Member, amount: int, on: date, method: str, field: str
) -> None:
    with pytest.raises(ValidationError) as err:
        services.savings.deposit(staf, member.id, SUKARELA, amount, on, method=method, today=TODAY)
    assert err.value.field == field
    assert services.savings.history(member.id) == []


def test_no_deposit_for_a_member_who_left(
    services: Services, ketua: User, staf: User, member: Member
) -> None:
    services.members.change_status(
        ketua, member.id, MemberStatus.KELUAR, date(2026, 6, 1), "Pindah", today=TODAY
    )
    with pytest.raises(ValidationError, match="berstatus Keluar"):
        deposit(services, staf, member, SUKARELA, 10_000)


def test_pengawas_may_not_post(services: Services, member: Member) -> None:
    pengawas = make_user(services, Role.PENGAWAS)
    with pytest.raises(PermissionDenied, match="setoran atau penarikan"):
        deposit(services, pengawas, member, SUKARELA, 10_000)
    assert services.savings.history(member.id) == []


def test_unknown_member_or_transaction(services: Services, staf: User) -> None:
    with pytest.raises(NotFound):
        services.savings.deposit(staf, 404, SUKARELA, 1_000, date(2026, 1, 1), today=TODAY)
    with pytest.raises(NotFound):
        services.savings.get(404)


def test_sukarela_withdrawal_and_insufficient_balance(
    services: Services, staf: User, member: Member
) -> None:
    deposit(services, staf, member, SUKARELA, 200_000)
    with pytest.raises(ValidationError) as err:
        services.savings.withdraw(staf, member.id, SUKARELA, 250_000, date(2026, 2, 1), today=TODAY)
    assert err.value.field == "amount"
    assert "hanya Rp200.000" in err.value.message
    tx = services.savings.withdraw(staf, member.id, SUKARELA, 75_000, date(2026, 2, 1), today=TODAY)
    assert (tx.tx_type, tx.amount, tx.authorised_by) == (TxType.PENARIKAN, -75_000, None)
    assert services.savings.balances(member.id).sukarela == 125_000
    assert services.audit.entries("savings", tx.id)[0].action == "penarikan"


@pytest.mark.parametrize("kind", [POKOK, WAJIB])
def test_pokok_wajib_need_a_pengurus_and_a_reason(
    services: Services, ketua: User, staf: User, member: Member, kind: SavingsKind
) -> None:
    deposit(services, staf, member, kind, 100_000)

    def attempt(authoriser: User | None, reason: str = "Biaya berobat anak") -> int:
        return services.savings.withdraw(
            staf,
            member.id,
            kind,
            50_000,
            date(2026, 2, 1),
            authoriser=authoriser,
            reason=reason,
            today=TODAY,
        ).id

    with pytest.raises(PermissionDenied, match="izin Ketua/Pengurus"):
        attempt(None)
    with pytest.raises(PermissionDenied, match="tidak berwenang"):
        attempt(staf)
    manajer = make_user(services, Role.MANAJER)
    with pytest.raises(PermissionDenied, match="tidak berwenang"):
        attempt(manajer)
    with pytest.raises(ValidationError) as err:
        attempt(ketua, reason="  ok ")
    assert err.value.field == "reason"
    assert services.savings.balances(member.id).of(kind) == 100_000

    tx_id = attempt(ketua)
    tx = services.savings.get(tx_id)
    assert (tx.authorised_by, tx.reason, tx.created_by) == (ketua.id, "Biaya berobat anak", staf.id)
    assert services.savings.balances(member.id).of(kind) == 50_000
    entry = services.audit.entries("savings", tx_id)[0]
    assert entry.after is not None
    assert entry.after["authorised_by"] == ketua.id and entry.after["reason"] == tx.reason


def test_verify_authoriser(services: Services, ketua: User, staf: User) -> None:
    from app.users.permissions import Action
    from tests.conftest import PASSWORD

    action = Action.AUTHORISE_WITHDRAWAL
    assert services.users.verify_authoriser("ketua", PASSWORD, action).id == ketua.id
    with pytest.raises(ValidationError) as err:
        services.users.verify_authoriser("ketua", "salah", action)
    assert err.value.field == "auth_password"
    with pytest.raises(PermissionDenied, match="tidak berwenang"):
        services.users.verify_authoriser("kasir", PASSWORD, action)


def test_after_leaving_pokok_and_wajib_are_paid_out_freely(
    services: Services, ketua: User, staf: User, member: Member
) -> None:
    deposit(services, staf, member, POKOK, 100_000)
    deposit(services, staf, member, WAJIB, 250_000)
    services.members.change_status(
        ketua, member.id, MemberStatus.KELUAR, date(2026, 6, 1), "Pindah ke luar kota", today=TODAY
    )
    for kind, amount in ((POKOK, 100_000), (WAJIB, 250_000)):
        tx = services.savings.withdraw(staf, member.id, kind, amount, date(2026, 6, 2), today=TODAY)
        assert tx.authorised_by is None
    assert services.savings.balances(member.id).total == 0


def test_reversal_points_at_the_original_and_restores_the_balance(
    services: Services, ketua: User, staf: User, member: Member
) -> None:
    original_id = deposit(services, staf, member, SUKARELA, 80_000)
    manajer = make_user(services, Role.MANAJER)
    with pytest.raises(PermissionDenied, match="Manajer atau Pengurus"):
        services.savings.reverse(staf, original_id, "Salah ketik jumlah", today=TODAY)
    with pytest.raises(ValidationError) as err:
        services.savings.reverse(manajer, original_id, "  ", today=TODAY)
    assert err.value.field == "reason"

    reversal = services.savings.reverse(manajer, original_id, "Salah ketik jumlah", today=TODAY)
    assert (reversal.tx_type, reversal.amount, reversal.reverses_id, reversal.tx_date) == (
        TxType.PEMBALIKAN,
        -80_000,
        original_id,
        TODAY,
    )
    assert reversal.note == "Pembatalan KW-2026-000001"
    assert services.savings.get(original_id).is_reversed
    assert services.savings.balances(member.id).sukarela == 0
    entry = services.audit.entries("savings", reversal.id)[0]
    assert entry.action == "pembalikan" and entry.user_id == manajer.id
    assert entry.after is not None
    assert entry.after["reverses"] == original_id and entry.after["reason"] == "Salah ketik jumlah"

    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        services.savings.reverse(manajer, original_id, "Dua kali batal", today=TODAY)
    with pytest.raises(ValidationError, match="tidak bisa dibatalkan lagi"):
        services.savings.reverse(manajer, reversal.id, "Batal pembatalan", today=TODAY)
    assert len(services.savings.history(member.id)) == 2


def test_reversing_a_deposit_already_withdrawn_is_refused(
    services: Services, ketua: User, staf: User, member: Member
) -> None:
    dep = deposit(services, staf, member, SUKARELA, 50_000)
    wd = services.savings.withdraw(staf, member.id, SUKARELA, 40_000, date(2026, 2, 1), today=TODAY)
    with pytest.raises(ValidationError, match="saldo minus"):
        services.savings.reverse(ketua, dep, "Setoran salah anggota", today=TODAY)
    # Undo the withdrawal first, then the deposit: both allowed.
    services.savings.reverse(ketua, wd.id, "Penarikan salah catat", today=TODAY)
    services.savings.reverse(ketua, dep, "Setoran salah anggota", today=TODAY)
    assert services.savings.balances(member.id).sukarela == 0


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE savings_transactions SET amount = 1",
        "DELETE FROM savings_transactions",
        "UPDATE audit_log SET note = 'diubah'",
        "DELETE FROM audit_log",
    ],
)
def test_posted_rows_cannot_be_edited_or_deleted(
    services: Services, staf: User, member: Member, statement: str
) -> None:
    deposit(services, staf, member, SUKARELA, 10_000)
    assert refusal(services.db, statement) == MSG_APPEND_ONLY
    assert services.savings.balances(member.id).sukarela == 10_000
    assert services.audit.entries("savings") != []


def test_history_marks_reversed_rows(
    services: Services, ketua: User, staf: User, member: Member
) -> None:
    a = deposit(services, staf, member, WAJIB, 25_000, date(2026, 1, 5))
    b = deposit(services, staf, member, SUKARELA, 10_000, date(2026, 1, 6))
    services.savings.reverse(ketua, a, "Salah anggota", today=TODAY)
    history = services.savings.history(member.id)
    assert [t.id for t in history[:2]] == [a, b]
    assert [t.is_reversed for t in history] == [True, False, False]
    assert [t.id for t in services.savings.history(member.id, SUKARELA)] == [b]


def test_wajib_months_unpaid(services: Services, ketua: User, staf: User) -> None:
    # Joined 06-01-2020; Rp25.000 a month by default.
    member = make_member(services, ketua)
    status = services.savings.wajib_status(member, as_of=date(2020, 12, 31))
    assert (status.months_due, status.months_paid, status.months_unpaid) == (12, 0, 12)
    services.savings.deposit(staf, member.id, WAJIB, 250_000, date(2020, 10, 1), today=TODAY)
    status = services.savings.wajib_status(member, as_of=date(2020, 12, 31))
    assert (status.months_paid, status.months_unpaid, status.monthly_amount) == (10, 2, 25_000)
    # A payment after as_of does not count yet.
    services.savings.deposit(staf, member.id, WAJIB, 50_000, date(2021, 1, 5), today=TODAY)
    assert services.savings.wajib_status(member, date(2020, 12, 31)).months_unpaid == 2
    assert services.savings.wajib_status(member, date(2021, 1, 31)).months_unpaid == 1
    # Paying ahead never gives negative arrears.
    services.savings.deposit(staf, member.id, WAJIB, 500_000, date(2021, 1, 6), today=TODAY)
    assert services.savings.wajib_status(member, date(2021, 1, 31)).months_unpaid == 0


def test_wajib_stops_counting_when_the_member_leaves(services: Services, ketua: User) -> None:
    member = make_member(services, ketua, join_date=date(2025, 1, 2))
    left = services.members.change_status(
        ketua, member.id, MemberStatus.MENINGGAL, date(2025, 6, 15), "Meninggal dunia", today=TODAY
    )
    status = services.savings.wajib_status(left, as_of=TODAY)
    assert (status.months_due, status.months_unpaid) == (6, 6)
