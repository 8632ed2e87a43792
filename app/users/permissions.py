"""What each role may do. One table, checked by the services (the UI only hides buttons)."""

from __future__ import annotations

from enum import StrEnum

from app.errors import PermissionDenied
from app.users.models import Role, User


class Action(StrEnum):
    MANAGE_USERS = "manage_users"
    EDIT_SETTINGS = "edit_settings"
    EDIT_MEMBERS = "edit_members"
    SAVINGS_TRANSACTION = "savings_transaction"
    AUTHORISE_WITHDRAWAL = "authorise_withdrawal"
    REVERSE_TRANSACTION = "reverse_transaction"
    BACKUP = "backup"
    RESTORE = "restore"
    WRITE_NOTES = "write_notes"
    PROPOSE = "propose"
    PROPOSE_SOLUTION = "propose_solution"  # a decision on a problem loan (never the Admin)
    APPROVE = "approve"
    RECORD_CONTACT = "record_contact"
    RECORD_PAYMENT = "record_payment"
    MONTH_END = "month_end"


_ALL = set(Action)

PERMISSIONS: dict[Role, set[Action]] = {
    Role.ADMIN: _ALL - {Action.APPROVE, Action.AUTHORISE_WITHDRAWAL, Action.PROPOSE_SOLUTION},
    Role.KETUA: _ALL - {Action.MANAGE_USERS},
    Role.PENGURUS: _ALL - {Action.MANAGE_USERS},
    Role.MANAJER: {
        Action.EDIT_MEMBERS,
        Action.SAVINGS_TRANSACTION,
        Action.REVERSE_TRANSACTION,
        Action.BACKUP,
        Action.WRITE_NOTES,
        Action.PROPOSE,
        Action.PROPOSE_SOLUTION,
        Action.RECORD_CONTACT,
        Action.RECORD_PAYMENT,
        Action.MONTH_END,
    },
    Role.STAF: {
        Action.EDIT_MEMBERS,
        Action.SAVINGS_TRANSACTION,
        Action.BACKUP,
        Action.WRITE_NOTES,
        Action.RECORD_CONTACT,
        Action.RECORD_PAYMENT,
    },
    Role.PENGAWAS: {Action.WRITE_NOTES, Action.BACKUP},
}

_DENIED: dict[Action, str] = {
    Action.MANAGE_USERS: "Hanya Admin yang boleh mengatur pengguna.",
    Action.EDIT_SETTINGS: "Hanya Admin atau Pengurus yang boleh mengubah pengaturan.",
    Action.EDIT_MEMBERS: "Peran Anda tidak boleh mengubah data anggota.",
    Action.SAVINGS_TRANSACTION: "Peran Anda tidak boleh mencatat setoran atau penarikan.",
    Action.AUTHORISE_WITHDRAWAL: "Hanya Ketua/Pengurus yang boleh memberi izin penarikan ini.",
    Action.REVERSE_TRANSACTION: "Hanya Manajer atau Pengurus yang boleh membatalkan transaksi.",
    Action.BACKUP: "Peran Anda tidak boleh membuat cadangan.",
    Action.RESTORE: "Hanya Admin atau Pengurus yang boleh memulihkan cadangan.",
    Action.WRITE_NOTES: "Peran Anda tidak boleh menulis catatan.",
    Action.PROPOSE: "Hanya Manajer (atau Pengurus) yang boleh mengusulkan keputusan.",
    Action.PROPOSE_SOLUTION: "Hanya Manajer atau Pengurus yang boleh mengusulkan keputusan.",
    Action.APPROVE: "Hanya Ketua/Pengurus yang boleh menyetujui keputusan.",
    Action.RECORD_CONTACT: "Peran Anda tidak boleh mencatat kontak.",
    Action.RECORD_PAYMENT: "Peran Anda tidak boleh mencatat pembayaran.",
    Action.MONTH_END: "Hanya Manajer, Pengurus atau Admin yang boleh menjalankan tutup bulan.",
}


MUST_CHANGE = "Ganti kata sandi sementara Anda dulu; sebelum itu tidak ada yang bisa dilakukan."
ROLE_PENDING = (
    "Peran {role} untuk akun ini belum disetujui Pengurus; sampai disetujui akun ini belum "
    "punya hak apa pun."
)


def can(user: User, action: Action) -> bool:
    """Whether `user` may do `action` now: an inactive account, a role still waiting for a
    Pengurus' approval and a temporary password that must be changed all allow nothing."""
    return (
        user.active
        and user.role_active
        and not user.must_change_password
        and action in PERMISSIONS[user.role]
    )


def require(user: User, action: Action) -> None:
    """Raise PermissionDenied (with an Indonesian message) unless `user` may do `action`."""
    if can(user, action):
        return
    if user.active and user.must_change_password:
        raise PermissionDenied(MUST_CHANGE)
    if user.active and not user.role_active and action in PERMISSIONS[user.role]:
        raise PermissionDenied(ROLE_PENDING.format(role=user.role.label))
    raise PermissionDenied(_DENIED[action])


def role_may(role: Role, action: Action) -> bool:
    """Whether the role as such may do `action` (the account's state aside — see `can`)."""
    return action in PERMISSIONS[role]


FIRST_USER_ROLES = (Role.KETUA, Role.PENGURUS, Role.ADMIN)
"""Who the first user of a new cooperative may be (they approve every later role)."""


def gives_ketua_approval(role: Role | str) -> bool:
    """A hapus buku needs the Ketua's own approval (DOMAIN §4a: the Ketua plus one other);
    `role` as a user's or as stored with a vote."""
    return Role(role) == Role.KETUA


def writes_supervisory_notes(user: User) -> bool:
    """The Pengawas' note is the one a proposal waiting for supervision needs."""
    return user.role == Role.PENGAWAS
