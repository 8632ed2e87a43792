"""Separation of duties for accounts (issue 9 §6): Admin manages accounts but cannot alone give
anyone Pengurus, Ketua, Pengawas or Manajer rights. Granting or raising such a role stores a
request; the account exists, but the privileged role stays inactive until a Pengurus (or the
Ketua) other than the requester, and other than the account's owner, approves it. Every
Pengurus sees on Beranda when a privileged account was created, changed or had its password
reset (`notices`, read from the audit trail).

The only exception is the very first Pengurus/Ketua of a cooperative whose first user is the
Admin: nobody could approve it, so it is granted at once, recorded as such, and shown on
Beranda like every other change. Once any Pengurus/Ketua exists or a request was ever
approved, there is no such exception again."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import NotFound, PermissionDenied, ValidationError
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.role_requests_repo import RoleRequest as RoleRequest  # re-exported for ui/
from app.storage.role_requests_repo import RoleRequestsRepository
from app.storage.units import write_unit
from app.storage.users_repo import UsersRepository
from app.users.models import Role, User
from app.users.permissions import Action, can

# Audit actions on a user account that every Pengurus should see when the account is privileged.
_NOTICE_ACTIONS = {
    "tambah": "dibuat",
    "ubah": "diubah",
    "atur ulang kata sandi": "kata sandinya diatur ulang",
    "peran disetujui": "perannya disetujui",
    "peran ditolak": "perannya ditolak",
}


@dataclass(frozen=True)
class AccountNotice:
    at: str
    user_id: int
    text: str  # "Akun Pengawas 'bambang' (Drs. Bambang) dibuat oleh Dwi Prasetyo"


class RoleGrants:
    def __init__(self, db: Engine, audit: AuditRepository) -> None:
        self.db = db
        self.audit = audit
        self.users = UsersRepository(db)
        self.repo = RoleRequestsRepository(db)

    def grant(self, actor: User | None, user_id: int, role: Role, previous: Role | None) -> bool:
        """Inside the caller's transaction, after the account row was written with `role`:
        True when the role is active at once, False when it now waits for approval."""
        if actor is None or not role.is_privileged:
            return True
        kind = "baru" if previous is None else ("ubah" if previous != role else "aktifkan")
        if role.is_pengurus and self._bootstrap():
            self.repo.insert(
                user_id, role, previous, kind, actor.id, "disetujui", "Pengurus pertama"
            )
            return True
        old = self.repo.open_for(user_id)
        if old is not None:
            self.repo.decide(old.id, "batal", None, "diganti permintaan baru")
        self.repo.insert(user_id, role, previous, kind, actor.id)
        self.users.update_fields(user_id, role_active=0)
        self.audit.record(
            actor.id, "minta peran", "user", user_id, None, {"role": role.value, "kind": kind}
        )
        return False

    def _bootstrap(self) -> bool:
        has_board = self.users.board_count()
        # The account just inserted (or changed) is counted too: exactly one means it is the
        # first Pengurus/Ketua the cooperative ever had.
        return int(has_board) <= 1 and not self.repo.any_approved()

    def cancel(self, user_id: int) -> None:
        """The account no longer asks for a privileged role (inside the caller's transaction)."""
        old = self.repo.open_for(user_id)
        if old is not None:
            self.repo.decide(old.id, "batal", None, "peran diubah Admin")

    def pending(self) -> list[RoleRequest]:
        return self.repo.pending()

    def pending_for(self, user_id: int) -> RoleRequest | None:
        return self.repo.open_for(user_id)

    @write_unit
    def approve(self, approver: User, request_id: int, note: str = "") -> User:
        request = self._decidable(approver, request_id)
        with self.db.atomic():
            self.users.update_fields(request.user_id, role=request.role.value, role_active=1)
            self.repo.decide(request.id, "disetujui", approver.id, note.strip())
            self.audit.record(
                approver.id,
                "peran disetujui",
                "user",
                request.user_id,
                {"role": request.previous_role.value if request.previous_role else None},
                {"role": request.role.value},
                note=note.strip(),
            )
        user = self.users.by_id(request.user_id)
        assert user is not None
        return user

    @write_unit
    def reject(self, approver: User, request_id: int, note: str) -> None:
        request = self._decidable(approver, request_id)
        if len(note.strip()) < 5:
            raise ValidationError("Tulis alasan penolakan.", field="note")
        with self.db.atomic():
            self.repo.decide(request.id, "ditolak", approver.id, note.strip())
            self.audit.record(
                approver.id,
                "peran ditolak",
                "user",
                request.user_id,
                None,
                {"role": request.role.value},
                note=note.strip(),
            )

    def _decidable(self, approver: User, request_id: int) -> RoleRequest:
        if not (can(approver, Action.APPROVE) and approver.role.is_pengurus):
            raise PermissionDenied("Hanya Ketua/Pengurus yang boleh menyetujui peran pengguna.")
        request = self.repo.get(request_id)
        if request is None:
            raise NotFound("Permintaan peran tidak ditemukan.")
        if request.status != "menunggu":
            raise ValidationError("Permintaan peran ini sudah diputuskan.", field="request")
        if approver.id == request.requested_by:
            raise PermissionDenied(
                "Yang meminta peran tidak boleh menyetujui permintaannya sendiri."
            )
        if approver.id == request.user_id:
            raise PermissionDenied("Tidak ada yang boleh menyetujui perannya sendiri.")
        return request

    def notices(self, limit: int = 20) -> list[AccountNotice]:
        """Newest first: privileged accounts created, changed, password reset, role decided."""
        names = {u.id: u for u in self.users.all()}
        found: list[AccountNotice] = []
        for entry in self.audit.entries("user", limit=2000):
            label = _NOTICE_ACTIONS.get(entry.action)
            if label is None or entry.entity_id is None:
                continue
            target = names.get(int(entry.entity_id))
            roles = {
                str(side.get("role"))
                for side in (entry.before or {}, entry.after or {})
                if side.get("role")
            }
            if target is None:
                continue
            if not (target.role.is_privileged or any(Role(r).is_privileged for r in roles)):
                continue
            who = f" oleh {entry.user_name}" if entry.user_name else ""
            found.append(
                AccountNotice(
                    entry.at,
                    target.id,
                    f"Akun {target.role.label} '{target.username}' ({target.full_name}) "
                    f"{label}{who}.",
                )
            )
            if len(found) >= limit:
                break
        return found
