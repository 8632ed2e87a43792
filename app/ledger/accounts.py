"""The chart of accounts (Pengaturan → Akun) and where each money component posts: sub-accounts,
rename, deactivate, dated role and payment-method versions; every change audited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.errors import NotFound, ValidationError
from app.ledger.models import Account
from app.storage.audit_repo import AuditRepository
from app.storage.engine import Engine
from app.storage.ledger_accounts_repo import LedgerAccountsRepository
from app.storage.units import write_unit
from app.users.models import User

_SUFFIX = re.compile(r"^[0-9]{2,3}$")


def _uid(actor: User | None) -> int | None:
    return None if actor is None else actor.id


@dataclass(frozen=True)
class DbResolver:
    """The mapping in force on one date for one product (what `rules` asks)."""

    repo: LedgerAccountsRepository
    on: date
    product_id: int | None = None

    def role(self, role: str) -> str:
        account = self.repo.role_account(role, self.on, self.product_id)
        if account is None:
            raise ValidationError(f"Akun untuk komponen '{role}' belum diatur (Pengaturan → Akun).")
        return account

    def method(self, method: str) -> str:
        account = self.repo.method_account(method, self.on)
        if account is None:
            raise ValidationError(
                f"Cara bayar '{method}' belum dihubungkan ke akun Kas atau Bank "
                "(Pengaturan → Akun)."
            )
        return account


class AccountService:
    def __init__(self, db: Engine, audit: AuditRepository) -> None:
        self.db = db
        self.audit = audit
        self.repo = LedgerAccountsRepository(db)

    def chart(self) -> list[Account]:
        return self.repo.all()

    def get(self, code: str) -> Account:
        account = self.repo.get(code)
        if account is None:
            raise NotFound(f"Akun {code} tidak ada.")
        return account

    def resolver(self, on: date, product_id: int | None = None) -> DbResolver:
        return DbResolver(self.repo, on, product_id)

    def postable(self, code: str) -> Account:
        """The account, if journals may post to it (active, not a group header)."""
        account = self.get(code)
        if account.is_group:
            raise ValidationError(
                f"Akun {code} {account.name} adalah akun induk: pilih sub-akunnya."
            )
        if not account.active:
            raise ValidationError(f"Akun {code} {account.name} sudah tidak aktif.")
        return account

    @write_unit
    def add_sub_account(self, actor: User | None, parent: str, suffix: str, name: str) -> Account:
        """`1103` + `01` → `1103.01`. A parent with postings cannot get sub-accounts (its
        balance would sit above them): post to a new sibling or move the balance first."""
        head = self.get(parent)
        name = " ".join(name.split())
        if not _SUFFIX.match(suffix):
            raise ValidationError("Nomor sub-akun harus 2 atau 3 angka, misalnya 01.", "suffix")
        if not name:
            raise ValidationError("Nama akun wajib diisi.", "name")
        if len(head.code) < 4:
            raise ValidationError("Sub-akun hanya bisa dibuat di bawah akun, bukan golongan.")
        code = f"{head.code}.{suffix}"
        if self.repo.get(code) is not None:
            raise ValidationError(f"Akun {code} sudah ada.", "suffix")
        if not head.is_group and self.repo.has_postings(head.code):
            raise ValidationError(
                f"Akun {head.code} {head.name} sudah punya transaksi, jadi tidak bisa diberi "
                "sub-akun. Buat akun baru di golongan yang sama."
            )
        with self.db.atomic():
            self.repo.insert(head, code, name)
            self.audit.record(
                _uid(actor), "tambah", "akun", code, after={"kode": code, "nama": name}
            )
        return self.get(code)

    @write_unit
    def rename(self, actor: User | None, code: str, name: str) -> None:
        account = self.get(code)
        name = " ".join(name.split())
        if not name:
            raise ValidationError("Nama akun wajib diisi.", "name")
        with self.db.atomic():
            self.repo.rename(code, name)
            self.audit.record(
                _uid(actor), "ubah", "akun", code, {"nama": account.name}, {"nama": name}
            )

    @write_unit
    def set_active(self, actor: User | None, code: str, active: bool) -> None:
        account = self.get(code)
        with self.db.atomic():
            self.repo.set_active(code, active)
            self.audit.record(
                _uid(actor),
                "aktifkan" if active else "nonaktifkan",
                "akun",
                code,
                {"aktif": account.active},
                {"aktif": active},
            )

    @write_unit
    def map_role(
        self,
        actor: User | None,
        role: str,
        account: str,
        valid_from: date,
        product_id: int | None = None,
    ) -> None:
        """A new version of where `role` posts from `valid_from` on (earlier events keep the
        version of their date; what is posted is never re-routed)."""
        if role not in self.repo.roles():
            raise ValidationError(f"Komponen '{role}' tidak dikenal.")
        self.postable(account)
        with self.db.atomic():
            self.repo.add_role(role, account, valid_from, product_id, _uid(actor))
            self.audit.record(
                _uid(actor),
                "ubah",
                "pemetaan_akun",
                role,
                after={"akun": account, "berlaku": valid_from, "produk": product_id},
            )

    @write_unit
    def map_method(self, actor: User | None, method: str, account: str, valid_from: date) -> None:
        target = self.postable(account)
        if target.type != "aset" or not (account.startswith(("1101", "1102", "1103", "1110"))):
            raise ValidationError("Cara bayar hanya bisa dihubungkan ke akun Kas atau Bank.")
        with self.db.atomic():
            self.repo.add_method(method, account, valid_from, _uid(actor))
            self.audit.record(
                _uid(actor),
                "ubah",
                "cara_bayar",
                method,
                after={"akun": account, "berlaku": valid_from},
            )
