"""Importing a file: `check` (the dry run, always first) and `run` (a verified backup, then
every row in one transaction with one audit entry; all or nothing; a cancel leaves nothing).
The same file (by its sha256) is never imported twice."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from app.clock import now_text
from app.errors import AppError, ValidationError
from app.imports import loans, members, opening, savings
from app.imports.columns import Column, Table, match
from app.imports.report import DryRun, Problem
from app.imports.sheet import file_hash, read_sheet
from app.ledger.bulk import BulkPoster
from app.ledger.events import SavingsDeposit
from app.ledger.history import post_unbooked
from app.ledger.service import LedgerService
from app.members.models import MemberDraft
from app.members.service import MemberService
from app.paths import backup_dir_for
from app.savings.models import TxType
from app.storage.audit_repo import AuditRepository
from app.storage.backup import backup_to
from app.storage.bulk import BulkMember, BulkSavings, insert_members_bulk, insert_savings_bulk
from app.storage.db import Database
from app.storage.engine import Engine
from app.storage.file_only import file_only
from app.storage.imports_loans_repo import loan_numbers
from app.storage.imports_repo import ImportsRepository
from app.storage.loans_bulk import loan_indexes_built_after
from app.storage.loans_products_repo import LoanProductsRepository
from app.users.models import User
from app.users.permissions import Action, require

KINDS: dict[str, tuple[str, tuple[Column, ...]]] = {
    "members": ("Anggota", members.COLUMNS),
    "savings": ("Saldo Simpanan", savings.COLUMNS),
    "loans": ("Pinjaman Berjalan", loans.COLUMNS),
    "opening": ("Saldo Awal Buku Besar", opening.COLUMNS),
}
OPENING_METHOD = "saldo_awal"
CHUNK = 500
LOAN_CHUNK = 2000  # a loan is some fifty rows: fewer, larger batches (progress still moves)
Progress = Callable[[int, int], None]  # (done, total); raise ImportCancelled to stop
T = TypeVar("T")


class ImportCancelled(AppError):
    def __init__(self) -> None:
        super().__init__("Impor dibatalkan; tidak ada yang diubah.")


@dataclass(frozen=True)
class ImportOptions:
    as_of: date | None = None  # the cut-over date for balances without their own
    pad: int | None = None  # pad digit-only member numbers with zeros to this width
    today: date | None = None


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    report: DryRun
    backup_path: Path


def _chunks(rows: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


class ImportService:
    def __init__(
        self,
        db: Engine,
        audit: AuditRepository,
        members: MemberService,
        ledger: LedgerService | None = None,
    ) -> None:
        """`ledger`: the books the imported opening balances post to (Dr 3999 Selisih saldo
        awal, Cr the savings account), in the import's transaction."""
        self.engine = db
        self.audit = audit
        self.members = members
        self.ledger = ledger or LedgerService(db, audit)

    @property
    def db(self) -> Database:
        """Imports write in bulk into the file and back it up first: the file only (issue 15)."""
        return file_only(self.engine, "Impor data")

    @property
    def repo(self) -> ImportsRepository:
        return ImportsRepository(self.db)

    def check(
        self,
        kind: str,
        path: Path,
        options: ImportOptions | None = None,
        progress: Progress | None = None,
    ) -> DryRun:
        """The dry run: every row checked, nothing written. `progress` (rows checked, rows)
        as the loans are checked (a few ms each; the other kinds are quick); it may raise to
        stop (nothing was written)."""
        options = options or ImportOptions()
        tick = progress or (lambda _done, _total: None)
        today = options.today or date.today()
        if kind not in KINDS:
            raise ValidationError(f"Jenis impor '{kind}' tidak dikenal; pilih {', '.join(KINDS)}.")
        path = Path(path)
        report = DryRun(kind, path.name, file_hash(path))
        report.stamp = self._stamp(kind, report.file_hash, options)
        sheet = read_sheet(path)
        table, problems = match(sheet, KINDS[kind][1])
        report.row_count = len(table.rows)
        tick(0, report.row_count)
        report.problems.extend(problems)
        earlier = self.repo.batch_with_hash(report.file_hash)
        if earlier:
            report.problems.insert(
                0,
                Problem(
                    sheet.name,
                    None,
                    "",
                    f"berkas ini sudah pernah diimpor ({earlier['created_at'][:16]} oleh "
                    f"{earlier['username'] or '-'}, {earlier['file_name']}); tidak diimpor lagi.",
                ),
            )
        if problems:  # columns missing or unknown: the rows cannot be read reliably
            return report
        known = self.repo.members()
        if kind == "members":

            def validate(draft: MemberDraft) -> MemberDraft:
                return self.members.validate(draft, today)

            report.plan = members.check(table, report, known, validate, options.pad)
        elif kind == "opening":
            report.plan = self._check_opening(table, report, options.as_of)
        elif kind == "loans":
            products = LoanProductsRepository(self.db).products(include_inactive=True)
            taken = loan_numbers(self.db)
            report.plan = loans.check(
                table, report, known, products, taken, options.as_of, today, options.pad, tick
            )
        else:
            present = self.repo.savings_present()
            report.plan = savings.check(
                table, report, known, present, options.as_of, today, options.pad
            )
        tick(report.row_count, report.row_count)
        return report

    def run(
        self,
        actor: User,
        kind: str,
        path: Path,
        options: ImportOptions | None = None,
        progress: Progress | None = None,
        backup_folder: Path | None = None,
        checked: DryRun | None = None,
    ) -> ImportResult:
        """Import `path` after checking it again — unless `checked` is the dry run of the same
        file, options and day, with nothing written to the database since (then its plan is
        still exact and reading and checking 60,000 rows twice is spared)."""
        require(actor, Action.EDIT_MEMBERS)
        if kind == "savings":
            require(actor, Action.SAVINGS_TRANSACTION)
        if kind == "loans":
            require(actor, Action.RECORD_PAYMENT)
        if kind == "opening":
            require(actor, Action.EDIT_SETTINGS)
        options = options or ImportOptions()
        report = checked
        if report is None or report.stamp != self._stamp(kind, file_hash(Path(path)), options):
            report = self.check(kind, path, options)
        if not report.ok:
            raise ValidationError(
                f"Berkas {report.file_name} masih bermasalah ({len(report.problems)} masalah); "
                "tidak ada yang diimpor. Perbaiki lalu periksa lagi."
            )
        folder = backup_folder or backup_dir_for(self.db.path)
        backup = backup_to(self.db, folder, kind="sebelum impor", user_id=actor.id)
        tick = progress or (lambda _done, _total: None)
        with self.db.atomic():
            batch_id = self.repo.add_batch(
                kind,
                report.file_name,
                report.file_hash,
                report.row_count,
                dict(report.totals),
                actor.id,
            )
            if kind == "members":
                self._write_members(actor, report.plan, tick)
            elif kind == "loans":
                self._write_loans(actor, batch_id, report.plan, tick)
            elif kind == "opening":
                self._write_opening(actor, batch_id, report.plan, tick)
            else:
                self._write_savings(actor, batch_id, report.plan, tick)
            self.audit.record(
                actor.id,
                "impor",
                "import_batch",
                batch_id,
                None,
                {
                    "kind": kind,
                    "file": report.file_name,
                    "sha256": report.file_hash,
                    "rows": report.row_count,
                    "totals": dict(report.totals),
                    "backup": str(backup.path),
                },
            )
        return ImportResult(batch_id, report, backup.path)

    def _stamp(self, kind: str, digest: str, options: ImportOptions) -> tuple[object, ...]:
        return (kind, digest, options, date.today(), self.repo.write_count())

    def _check_opening(
        self, table: Table, report: DryRun, as_of: date | None
    ) -> opening.OpeningPlan | None:
        earlier = self.repo.batch_of_kind("opening")
        if earlier:
            report.problems.append(
                Problem(
                    table.sheet,
                    None,
                    "",
                    f"saldo awal buku besar sudah diimpor (impor #{earlier['id']}, "
                    f"{earlier['file_name']}); perbaiki lewat Jurnal Umum, bukan impor lagi.",
                )
            )
        chart = {a.code: a for a in self.ledger.accounts.chart()}
        booked: dict[str, int] = {}
        if as_of is not None:
            for r in self.ledger.repo.trial_balance(as_of):
                booked[str(r["code"])] = int(r["debit"]) - int(r["credit"])
        controls = {
            account: opening.CONTROL_ROLES[role]
            for account, role in self.repo.role_accounts(list(opening.CONTROL_ROLES)).items()
        }
        return opening.check(table, report, opening.Books(chart, booked, controls), as_of)

    def _write_opening(
        self, actor: User, batch_id: int, plan: opening.OpeningPlan, tick: Progress
    ) -> None:
        """ONE balanced journal against 3999, dated the cut-over (the lines were checked)."""
        tick(0, 1)
        for line in plan.lines:
            self.ledger.accounts.postable(line.account)
        self.ledger.repo.write(
            on=plan.on,
            source=opening.SOURCE,
            source_id=batch_id,
            role=opening.ROLE,
            description=f"Saldo awal buku besar per {plan.on:%d/%m/%Y} (impor #{batch_id})",
            lines=plan.lines,
            user_id=actor.id,
        )
        tick(1, 1)

    def _write_members(self, actor: User, rows: list[members.MemberRow], tick: Progress) -> None:
        created = now_text()
        done = 0
        tick(0, len(rows))
        for chunk in _chunks(rows):
            insert_members_bulk(
                self.db,
                [
                    BulkMember(
                        r.number,
                        r.draft,
                        r.status,
                        r.status_date,
                        r.status_note,
                        created,
                        actor.id,
                    )
                    for r in chunk
                ],
            )
            done += len(chunk)
            tick(done, len(rows))

    def _write_loans(
        self, actor: User, batch_id: int, rows: list[loans.LoanPlan], tick: Progress
    ) -> None:
        from app.imports.loans_write import write_loans

        created = now_text()
        done = 0
        tick(0, len(rows))
        with loan_indexes_built_after(self.db):
            for chunk in _chunks(rows, LOAN_CHUNK):
                write_loans(self.db, actor.id, batch_id, chunk, created, lambda n: None)
                done += len(chunk)
                tick(done, len(rows))
        # The loans were written in bulk: their events get their journals now, in this
        # transaction (what the events leave unexplained goes to the opening journal).
        post_unbooked(self.ledger)

    def _write_savings(
        self, actor: User, batch_id: int, rows: list[savings.Balance], tick: Progress
    ) -> None:
        created = now_text()
        done = 0
        tick(0, len(rows))
        books = BulkPoster(self.ledger)
        for chunk in _chunks(rows):
            deposits = [self._deposit(actor, batch_id, b, created) for b in chunk]
            ids = insert_savings_bulk(self.db, deposits)
            for tx_id, d in zip(ids, deposits, strict=True):
                books.post(
                    SavingsDeposit(
                        source_id=tx_id,
                        on=d.tx_date,
                        member_id=d.member_id,
                        kind=d.kind.value,
                        amount=d.amount,
                        method=d.method,
                        note=d.receipt_no,
                    ),
                    actor.id,
                )
            done += len(chunk)
            tick(done, len(rows))
        books.flush()

    @staticmethod
    def _deposit(actor: User, batch_id: int, balance: savings.Balance, created: str) -> BulkSavings:
        return BulkSavings(
            balance.member_id,
            balance.kind,
            TxType.SETORAN,
            balance.amount,
            balance.as_of,
            f"SA-{batch_id:04d}-{balance.row:06d}-{balance.kind.value[:2].upper()}",
            OPENING_METHOD,
            f"Saldo awal pindahan per {balance.as_of.isoformat()} (impor #{batch_id})",
            None,
            "",
            None,
            actor.id,
            created,
        )
