"""Logging in, lock-out, and managing users (every change audited)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from app.errors import NotFound, PermissionDenied, ValidationError
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.units import run_unit, write_unit
from app.storage.users_repo import UsersRepository
from app.text import clean_text
from app.users.models import Role, User
from app.users.passwords import (
    burn_time,
    check_new_password,
    hash_password,
    needs_rehash,
    verify_password,
)
from app.users.permissions import FIRST_USER_ROLES, Action, can, require
from app.users.roles import RoleGrants

_USERNAME = re.compile(r"^[a-z0-9._-]{3,30}$")


class UserService:
    def __init__(
        self, db: Engine, audit: AuditRepository, max_failed: int = 5, lockout_minutes: int = 15
    ) -> None:
        self.db = db
        self.repo = UsersRepository(db)
        self.audit = audit
        self.max_failed = max_failed
        self.lockout_minutes = lockout_minutes
        self.roles = RoleGrants(db, audit)

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
        if not username.strip():
            raise ValidationError("Isi nama pengguna.", field="username")
        user = self._authenticate(
            username, password, now or datetime.now(), "password", "Nama pengguna atau kata sandi"
        )
        fresh = hash_password(password) if needs_rehash(self.repo.password_hash(user.id)) else None

        def unit() -> None:
            with self.db.atomic():
                changes: dict[str, object] = {"failed_attempts": 0, "locked_until": None}
                if fresh is not None:
                    # An old (weaker) hash is replaced at the first log-in that knows it.
                    changes["password_hash"] = fresh
                self.repo.update_fields(user.id, **changes)
                self.audit.record(
                    user.id,
                    "masuk",
                    "user",
                    user.id,
                    note="hash kata sandi diperbarui" if fresh is not None else "",
                )

        run_unit(self.db, unit)
        return self.get(user.id)

    def verify_authoriser(
        self,
        username: str,
        password: str,
        action: Action,
        requester: User | None = None,
        now: datetime | None = None,
    ) -> User:
        """Check another user's credentials for a one-off authorisation (e.g. a withdrawal).

        Wrong passwords count toward the same lock-out as logging in and are audited; a locked,
        inactive or not-yet-approved user, or one who must change the password, authorises
        nothing; nobody authorises what they are doing themselves (`requester`)."""
        if not username.strip():
            raise ValidationError("Tulis nama pengguna yang memberi izin.", field="auth_password")
        user = self._authenticate(
            username,
            password,
            now or datetime.now(),
            "auth_password",
            "Nama pengguna atau kata sandi yang memberi izin",
            audit_action="izin gagal",
        )
        if not can(user, action):
            raise PermissionDenied(
                f"{user.full_name} ({user.role.label}) tidak berwenang memberi izin ini."
            )
        if requester is not None and requester.id == user.id:
            raise PermissionDenied(
                "Izin harus diberikan orang lain: Anda tidak bisa mengizinkan transaksi Anda "
                "sendiri."
            )

        def unit() -> None:
            with self.db.atomic():
                if self.get(user.id).failed_attempts:
                    self.repo.update_fields(user.id, failed_attempts=0)
                self.audit.record(user.id, "beri izin", "user", user.id, note=action.value)

        run_unit(self.db, unit)
        return user

    def _authenticate(
        self,
        username: str,
        password: str,
        now: datetime,
        field: str,
        wrong: str,
        audit_action: str = "gagal masuk",
    ) -> User:
        """The user whose password this is, or ValidationError(field). Every path runs scrypt
        once (an unknown name against a dummy hash), so timing does not tell which user names
        exist; every wrong password is audited and counts toward the lock-out."""
        user = self.repo.by_username(username)

        def refusal(user_id: int | None, note: str) -> None:
            """The refused attempt audited in a unit of its own (the refusal is raised after)."""

            def unit() -> None:
                with self.db.atomic():
                    self.audit.record(user_id, audit_action, "user", user_id, note=note)

            run_unit(self.db, unit)

        if user is None:
            burn_time(password)
            refusal(None, f"nama tidak dikenal: {username[:40]}")
            raise ValidationError(f"{wrong} salah.", field=field)
        ok = verify_password(password, self.repo.password_hash(user.id))
        if not user.active:
            refusal(user.id, "akun nonaktif")
            raise ValidationError(f"{wrong} salah.", field=field)
        if user.locked_until and datetime.fromisoformat(user.locked_until) > now:
            until = datetime.fromisoformat(user.locked_until)
            refusal(user.id, "akun terkunci")
            raise ValidationError(
                f"Akun {user.username} dikunci sementara karena kata sandi salah "
                f"{self.max_failed} kali. Coba lagi setelah pukul {until:%H.%M}, atau minta "
                "Admin mengatur ulang kata sandi.",
                field=field,
            )
        if ok:
            return user

        def count_failure() -> int:
            """The wrong password counted (read again inside the unit: another PC may have
            counted one meanwhile) and audited; locks the account at the limit."""
            failed = self.get(user.id).failed_attempts + 1
            with self.db.atomic():
                self.audit.record(
                    user.id, audit_action, "user", user.id, note=f"kata sandi salah ke-{failed}"
                )
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
            return failed

        failed = run_unit(self.db, count_failure)
        left = self.max_failed - failed
        if left <= 0:
            raise ValidationError(
                f"Kata sandi salah {self.max_failed} kali. Akun {user.username} dikunci "
                f"{self.lockout_minutes} menit.",
                field=field,
            )
        raise ValidationError(f"{wrong} salah. Sisa percobaan: {left}.", field=field)

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
        if role not in FIRST_USER_ROLES:
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

    @write_unit
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
        full_name, position = clean_text(full_name), clean_text(position)
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
        check_new_password(password, confirm, username)
        with self.db.atomic():
            user_id = self.repo.insert(
                username, full_name, role, hash_password(password), position, must_change
            )
            self.roles.grant(actor, user_id, role, None)
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
        """The one thing a user who must change the password may do. A wrong old password
        counts toward the lock-out like any other."""
        self._authenticate(
            user.username,
            old,
            datetime.now(),
            "old_password",
            "Kata sandi lama",
            audit_action="ganti kata sandi gagal",
        )
        check_new_password(new, confirm, user.username)
        if new == old:
            raise ValidationError(
                "Kata sandi baru harus berbeda dari kata sandi lama.", field="password"
            )
        hashed = hash_password(new)

        def unit() -> None:
            with self.db.atomic():
                self.repo.update_fields(user.id, password_hash=hashed, must_change_password=0)
                self.audit.record(user.id, "ganti kata sandi", "user", user.id)

        run_unit(self.db, unit)

    @write_unit
    def reset_password(self, actor: User, user_id: int, new: str, confirm: str) -> None:
        """An admin sets a temporary password; the user must change it at the next log-in."""
        require(actor, Action.MANAGE_USERS)
        target = self.get(user_id)
        check_new_password(new, confirm, target.username)
        with self.db.atomic():
            self.repo.update_fields(
                target.id,
                password_hash=hash_password(new),
                must_change_password=1,
                failed_attempts=0,
                locked_until=None,
            )
            self.audit.record(actor.id, "atur ulang kata sandi", "user", target.id)

    @write_unit
    def update_user(
        self, actor: User, user_id: int, full_name: str, role: Role, position: str, active: bool
    ) -> User:
        require(actor, Action.MANAGE_USERS)
        full_name, position = clean_text(full_name), clean_text(position)
        before = self.get(user_id)
        if not full_name.strip():
            raise ValidationError("Isi nama lengkap.", field="full_name")
        if user_id == actor.id and (not active or role != before.role):
            raise ValidationError(
                "Anda tidak bisa menonaktifkan atau mengubah peran akun Anda sendiri.", field="role"
            )
        # Granting or raising a privileged role (or re-activating a privileged account) waits
        # for a Pengurus' approval: the account keeps its old role meanwhile.
        raising = role.is_privileged and active and (role != before.role or not before.active)
        with self.db.atomic():
            self.repo.update_fields(
                user_id,
                full_name=full_name.strip(),
                role=before.role.value if raising else role.value,
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
            if raising:
                if self.roles.grant(actor, user_id, role, before.role):
                    self.repo.update_fields(user_id, role=role.value, role_active=1)
                elif before.active and before.role_active:
                    # Until approved, the account keeps its old role, still active.
                    self.repo.update_fields(user_id, role_active=1)
            elif not role.is_privileged:
                self.roles.cancel(user_id)
                self.repo.update_fields(user_id, role_active=1)
        return self.get(user_id)
