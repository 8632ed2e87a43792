"""Logging in, lock-out, and managing users (every change audited)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from app.errors import NotFound, PermissionDenied, ValidationError
from app.formats import format_time
from app.storage.audit_repo import AuditRepository
from app.storage.db import Database
from app.storage.users_repo import UsersRepository
from app.users.models import Role, User
from app.users.passwords import check_new_password, hash_password, verify_password
from app.users.permissions import Action, can, require

_USERNAME = re.compile(r"^[a-z0-9._-]{3,30}$")


class UserService:
    def __init__(
        self, db: Database, audit: AuditRepository, max_failed: int = 5, lockout_minutes: int = 15
    ) -> None:
        self.db = db
        self.repo = UsersRepository(db)
        self.audit = audit
        self.max_failed = max_failed
        self.lockout_minutes = lockout_minutes

    def has_users(self) -> bool:
        return self.repo.count() > 0

    def all(self) -> list[User]:
        return self.repo.all()

    def get(self, user_id: int) -> User:
        user = self.repo.by_id(user_id)
        if user is None:
            raise NotFound("Pengguna tidak ditemukan.")
        return user

    # -- logging in ---------------------------------------------------------------------------
    def login(self, username: str, password: str, now: datetime | None = None) -> User:
        """The user, or ValidationError (field 'password' or 'username') saying why not."""
        now = now or datetime.now()
        if not username.strip():
            raise ValidationError("Isi nama pengguna.", field="username")
        user = self.repo.by_username(username)
        if user is None or not user.active:
            raise ValidationError("Nama pengguna atau kata sandi salah.", field="password")
        if user.locked_until and datetime.fromisoformat(user.locked_until) > now:
            until = datetime.fromisoformat(user.locked_until)
            raise ValidationError(
                f"Akun ini dikunci sementara karena kata sandi salah {self.max_failed} kali. "
                f"Coba lagi setelah pukul {format_time(until.time())}, atau minta Admin "
                "mengatur ulang kata sandi.",
                field="password",
            )
        if not verify_password(password, self.repo.password_hash(user.id)):
            failed = user.failed_attempts + 1
            with self.db.atomic():
                if failed >= self.max_failed:
                    until = now + timedelta(minutes=self.lockout_minutes)
                    self.repo.update_fields(
                        user.id, failed_attempts=0, locked_until=until.isoformat(timespec="seconds")
                    )
                    self.audit.record(
                        user.id,
                        "dikunci",
                        "user",
                        user.id,
                        note=f"{self.max_failed} kali salah kata sandi",
                    )
                else:
                    self.repo.update_fields(user.id, failed_attempts=failed)
            left = self.max_failed - failed
            if left <= 0:
                raise ValidationError(
                    f"Kata sandi salah {self.max_failed} kali. Akun dikunci "
                    f"{self.lockout_minutes} menit.",
                    field="password",
                )
            raise ValidationError(
                f"Nama pengguna atau kata sandi salah. Sisa percobaan: {left}.", field="password"
            )
        with self.db.atomic():
            self.repo.update_fields(user.id, failed_attempts=0, locked_until=None)
            self.audit.record(user.id, "masuk", "user", user.id)
        return self.get(user.id)

    def verify_authoriser(self, username: str, password: str, action: Action) -> User:
        """Check another user's credentials for a one-off authorisation (e.g. a withdrawal)."""
        user = self.repo.by_username(username)
        if (
            user is None
            or not user.active
            or not verify_password(password, self.repo.password_hash(user.id))
        ):
            raise ValidationError(
                "Nama pengguna atau kata sandi yang memberi izin salah.", field="auth_password"
            )
        if not can(user, action):
            raise PermissionDenied(
                f"{user.full_name} ({user.role.label}) tidak berwenang memberi izin ini."
            )
        return user

    # -- managing users -----------------------------------------------------------------------
    def create_first_user(
        self,
        username: str,
        full_name: str,
        role: Role,
        password: str,
        confirm: str,
        position: str = "",
    ) -> User:
        """The first user of a new cooperative (Ketua/Pengurus or Admin); no actor yet."""
        if self.has_users():
            raise PermissionDenied("Pengguna pertama sudah dibuat.")
        if role not in (Role.ADMIN, Role.PENGURUS):
            raise ValidationError("Pengguna pertama harus Admin atau Ketua/Pengurus.", field="role")
        return self._create(None, username, full_name, role, password, confirm, position, False)

    def create_user(
        self,
        actor: User,
        username: str,
        full_name: str,
        role: Role,
        password: str,
        confirm: str,
        position: str = "",
    ) -> User:
        require(actor, Action.MANAGE_USERS)
        return self._create(actor, username, full_name, role, password, confirm, position, True)

    def _create(
        self,
        actor: User | None,
        username: str,
        full_name: str,
        role: Role,
        password: str,
        confirm: str,
        position: str,
        must_change: bool,
    ) -> User:
        username = username.strip().lower()
        if not _USERNAME.match(username):
            raise ValidationError(
                "Nama pengguna 3–30 huruf kecil, angka, titik, minus atau garis bawah, "
                "tanpa spasi (misalnya siti atau budi.s).",
                field="username",
            )
        if self.repo.by_username(username) is not None:
            raise ValidationError(f"Nama pengguna '{username}' sudah dipakai.", field="username")
        if not full_name.strip():
            raise ValidationError("Isi nama lengkap.", field="full_name")
        check_new_password(password, confirm)
        with self.db.atomic():
            user_id = self.repo.insert(
                username, full_name, role, hash_password(password), position, must_change
            )
            self.audit.record(
                actor.id if actor else user_id,
                "tambah",
                "user",
                user_id,
                None,
                {
                    "username": username,
                    "full_name": full_name.strip(),
                    "role": role.value,
                    "position": position,
                },
            )
        return self.get(user_id)

    def change_password(self, user: User, old: str, new: str, confirm: str) -> None:
        if not verify_password(old, self.repo.password_hash(user.id)):
            raise ValidationError("Kata sandi lama salah.", field="old_password")
        check_new_password(new, confirm)
        with self.db.atomic():
            self.repo.update_fields(
                user.id, password_hash=hash_password(new), must_change_password=0
            )
            self.audit.record(user.id, "ganti kata sandi", "user", user.id)

    def reset_password(self, actor: User, user_id: int, new: str, confirm: str) -> None:
        """An admin sets a temporary password; the user must change it at the next log-in."""
        require(actor, Action.MANAGE_USERS)
        target = self.get(user_id)
        check_new_password(new, confirm)
        with self.db.atomic():
            self.repo.update_fields(
                target.id,
                password_hash=hash_password(new),
                must_change_password=1,
                failed_attempts=0,
                locked_until=None,
            )
            self.audit.record(actor.id, "atur ulang kata sandi", "user", target.id)

    def update_user(
        self, actor: User, user_id: int, full_name: str, role: Role, position: str, active: bool
    ) -> User:
        require(actor, Action.MANAGE_USERS)
        before = self.get(user_id)
        if not full_name.strip():
            raise ValidationError("Isi nama lengkap.", field="full_name")
        if user_id == actor.id and (not active or role != before.role):
            raise ValidationError(
                "Anda tidak bisa menonaktifkan atau mengubah peran akun Anda sendiri.", field="role"
            )
        with self.db.atomic():
            self.repo.update_fields(
                user_id,
                full_name=full_name.strip(),
                role=role.value,
                position=position,
                active=int(active),
            )
            self.audit.record(
                actor.id,
                "ubah",
                "user",
                user_id,
                {
                    "full_name": before.full_name,
                    "role": before.role.value,
                    "position": before.position,
                    "active": before.active,
                },
                {
                    "full_name": full_name.strip(),
                    "role": role.value,
                    "position": position,
                    "active": active,
                },
            )
        return self.get(user_id)
