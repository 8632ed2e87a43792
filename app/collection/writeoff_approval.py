"""Who approves a hapus buku (DOMAIN §4a): the Ketua plus one other Pengurus, both different
from the proposer (the decision service refuses the proposer and a second vote of the same
person), after the Pengawas' note."""

from __future__ import annotations

from app.collection.decision_models import Decision
from app.errors import PermissionDenied
from app.storage.users_repo import UsersRepository
from app.users.models import Role, User


def refuse_without_ketua(decision: Decision, approver: User, users: UsersRepository) -> None:
    """PermissionDenied unless `approver` is a Pengurus/Ketua and, when theirs would be the
    last approval, the Ketua is among the approvers."""
    if not approver.role.is_pengurus:
        raise PermissionDenied("Hapus buku disetujui oleh Ketua dan satu Pengurus lain.")
    if approver.role == Role.KETUA:
        return
    roles = {
        user.role for vote in decision.approvals if (user := users.by_id(vote.user_id)) is not None
    }
    if len(decision.approvals) + 1 >= decision.required_approvals and Role.KETUA not in roles:
        raise PermissionDenied(
            "Hapus buku perlu persetujuan Ketua: persetujuan terakhir harus dari Ketua "
            "(Ketua dan satu Pengurus lain, keduanya bukan pengusul)."
        )
