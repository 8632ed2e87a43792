"""The case file of a problem loan: opening (by itself at the threshold, or by hand), officer,
status, causes, collateral status, closing, the cases list and the merged timeline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from app.collection.case_closing import close_recovered
from app.collection.case_rules import check_causes, require_handler, stamp, threshold_reason
from app.collection.decision_models import DecisionStatus
from app.collection.drafts import NewCase
from app.collection.models import (
    CAUSES,
    Case,
    CaseStatus,
    CollateralStatus,
)
from app.errors import NotFound, ValidationError
from app.loans.models import LoanArrears, LoanStatus
from app.storage import sequences
from app.storage.collection_repo import CollectionRepository
from app.storage.units import write_unit
from app.text import clean_text
from app.users.models import User

if TYPE_CHECKING:
    from app.loans.service import LoanService
    from app.settings.service import SettingsService
    from app.storage.audit_repo import AuditRepository
    from app.storage.collection_decisions_repo import DecisionsRepository
    from app.storage.engine import Engine
    from app.storage.users_repo import UsersRepository

CASE_SEQUENCE = "collection_case"
_CLOSED_LOAN = (
    LoanStatus.LUNAS,
    LoanStatus.LUNAS_KERINGANAN,
    LoanStatus.HAPUS_TAGIH,
    LoanStatus.DIRESTRUKTURISASI,
)
_MANUAL_STATUSES = (
    CaseStatus.BARU,
    CaseStatus.NEGOSIASI,
    CaseStatus.JANJI_BAYAR,
    CaseStatus.RESTRUKTURISASI,
    CaseStatus.PENYELESAIAN,
)
# Automatic moves only go forward along this order (a manual change may go anywhere).
_FORWARD = {
    s: i
    for i, s in enumerate(
        (
            CaseStatus.BARU,
            CaseStatus.NEGOSIASI,
            CaseStatus.JANJI_BAYAR,
            CaseStatus.RESTRUKTURISASI,
            CaseStatus.PENYELESAIAN,
            CaseStatus.HAPUS_BUKU,
            CaseStatus.SELESAI,
        )
    )
}


class CaseService:
    def __init__(
        self,
        db: Engine,
        repo: CollectionRepository,
        decisions_repo: DecisionsRepository,
        audit: AuditRepository,
        settings: SettingsService,
        loans: LoanService,
        users_repo: UsersRepository,
    ) -> None:
        self.db = db
        self.repo = repo
        self.decisions_repo = decisions_repo
        self.audit = audit
        self.settings = settings
        self.loans = loans
        self.users_repo = users_repo

    # -- reading ------------------------------------------------------------------------------
    def get(self, case_id: int) -> Case:
        case = self.repo.case(case_id)
        if case is None:
            raise NotFound("Kasus tidak ditemukan.")
        return case

    def threshold_reason(self, arrears: LoanArrears) -> str | None:
        """Why this loan needs a case under the settings, or None (DOMAIN §7, configurable)."""
        return threshold_reason(arrears, *self._thresholds())

    def _thresholds(self) -> tuple[str, int]:
        return (
            str(self.settings.get("collection.open_min_class")),
            int(self.settings.get("collection.open_days_late")),
        )

    # -- opening ------------------------------------------------------------------------------
    @write_unit
    def open_case(
        self,
        actor: User,
        loan_id: int,
        reason: str,
        today: date,
        *,
        officer_id: int | None = None,
        causes: tuple[str, ...] = (),
    ) -> Case:
        """Open a case by hand (any loan aktif or written off that has no open case)."""
        reason = clean_text(reason, multiline=True)
        require_handler(actor)
        loan = self.loans.get(loan_id)
        if loan.status not in (LoanStatus.AKTIF, LoanStatus.HAPUS_BUKU):
            raise ValidationError(
                f"Pinjaman {loan.display_number} berstatus {loan.status.label}: tidak perlu "
                "kasus penanganan.",
                field="loan",
            )
        existing = self.repo.open_case_of_loan(loan_id)
        if existing is not None:
            raise ValidationError(
                f"Pinjaman ini sudah punya kasus terbuka ({existing.number}).", field="loan"
            )
        if len(reason.strip()) < 3:
            raise ValidationError("Tulis alasan membuka kasus.", field="reason")
        check_causes(causes)
        if officer_id is not None:
            self._officer(officer_id)
        with self.db.atomic():
            case_id = self._insert(
                loan_id, loan.member_id, today, "manual", reason.strip(), officer_id, actor.id
            )
            if causes:
                self.repo.add_causes(case_id, causes, actor.id)
            self.audit.record(
                actor.id, "buka kasus", "kasus", case_id, None, self.repo.case_snapshot(case_id)
            )
        return self.get(case_id)

    @write_unit
    def open_due_cases(self, as_of: date, actor: User | None = None) -> list[Case]:
        """Open a case for every aktif loan past the threshold that has none, close the cases
        of loans that have ended (paid off, forgiven) and of loans current for the Kebijakan
        period (case_closing). Idempotent: run it at start-up and at month-end as often as
        you like."""
        arrears = self.loans.quality.all_arrears(as_of)
        user_id = actor.id if actor else None
        opened: list[int] = []
        thresholds = self._thresholds()
        with self.db.atomic():
            with_case = self.repo.loans_with_open_case()
            for item in arrears:
                if item.loan_id in with_case:
                    continue
                reason = threshold_reason(item, *thresholds)
                if reason is None:
                    continue
                loan = self.loans.get(item.loan_id)
                case_id = self._insert(
                    item.loan_id, loan.member_id, as_of, "otomatis", reason, None, user_id
                )
                self.audit.record(
                    user_id,
                    "buka kasus",
                    "kasus",
                    case_id,
                    None,
                    {"loan": item.loan_id, "reason": reason, "otomatis": True},
                )
                opened.append(case_id)
            cases, still_open = self.repo.cases(), []
            states = self.loans.quality.states({case.loan_id for case in cases})
            for case in cases:
                status, closed_on = states[case.loan_id]
                ended = closed_on or as_of
                if status in _CLOSED_LOAN and ended <= as_of:
                    self.close_automatically(
                        case, max(ended, case.opened_on), f"Pinjaman {status.label}", user_id
                    )
                else:
                    still_open.append(case)
            statuses = (DecisionStatus.DIUSULKAN,)
            waiting = {d.case_id for d in self.decisions_repo.find(statuses=statuses)}
            overdue_now = {a.loan_id for a in arrears if a.days_past_due > 0}
            close_recovered(
                self.loans, self.settings, still_open, waiting, self.close_automatically, as_of,
                user_id, overdue_now=overdue_now,
            )  # fmt: skip
        return [self.get(case_id) for case_id in opened]

    def note(self, case_id: int, kind: str, text: str, user_id: int | None) -> None:
        """Add an event to the case's history (inside the caller's transaction)."""
        self.repo.add_event(case_id, kind, clean_text(text, multiline=True), user_id)

    def _insert(
        self,
        loan_id: int,
        member_id: int,
        on: date,
        how: str,
        reason: str,
        officer_id: int | None,
        user_id: int | None,
    ) -> int:
        collateral = self.loans.collateral(loan_id)
        held = [c for c in collateral if c.released_on is None]
        status = CollateralStatus.DIPEGANG if held else CollateralStatus.TIDAK_ADA
        case_id = self.repo.insert_case(
            NewCase(
                self._next_number(on),
                loan_id,
                member_id,
                on,
                how,
                reason,
                officer_id,
                status,
                user_id,
            )
        )
        how_text = "otomatis" if how == "otomatis" else "oleh petugas"
        self.repo.add_event(
            case_id,
            "dibuka",
            f"Kasus dibuka {how_text}: {reason}",
            user_id,
            at=datetime.combine(on, time(0, 0)).isoformat(),
        )
        return case_id

    def _next_number(self, on: date) -> str:
        pattern = str(self.settings.get("collection.case_pattern"))
        codes = (self.settings.profile().code, "KS")
        taken = self.repo.case_number_exists
        return sequences.next_number(self.db, CASE_SEQUENCE, pattern, on, codes, taken)

    # -- changing -----------------------------------------------------------------------------
    @write_unit
    def assign(self, actor: User, case_id: int, officer_id: int | None, today: date) -> Case:
        """Give the case to an officer (None: nobody yet)."""
        require_handler(actor)
        case = self._open(case_id)
        name = self._officer(officer_id).full_name if officer_id is not None else "belum ada"
        self._change(
            actor,
            case,
            ({"officer_id": case.officer_id}, {"officer_id": officer_id}),
            lambda: self.repo.set_case_officer(case_id, officer_id),
            "petugas",
            f"Petugas: {name}",
        )
        return self.get(case_id)

    @write_unit
    def set_status(
        self, actor: User, case_id: int, status: CaseStatus, note: str, today: date
    ) -> Case:
        """Change the status by hand (not to selesai or hapus buku: see close() and the
        hapus buku decision)."""
        require_handler(actor)
        note = clean_text(note, multiline=True)
        case = self._open(case_id)
        if status not in _MANUAL_STATUSES:
            raise ValidationError(
                "Status Selesai lewat tombol Tutup Kasus; Hapus Buku lewat keputusan hapus buku.",
                field="status",
            )
        if len(note.strip()) < 3:
            raise ValidationError("Tulis alasan perubahan status.", field="note")
        self._change(
            actor,
            case,
            ({"status": case.status.value}, {"status": status.value}),
            lambda: self.repo.set_case_status(case_id, status),
            "status",
            f"Status: {case.status.label} → {status.label}. {note.strip()}",
        )
        return self.get(case_id)

    def advance(
        self,
        case_id: int,
        status: CaseStatus,
        user_id: int | None,
        why: str,
        at: str | None = None,
    ) -> None:
        """Move the status forward after an action (never backward; call inside the action's
        transaction). `at`: when the action happened (see stamp())."""
        self.advance_case(self.get(case_id), status, user_id, why, at)

    def advance_case(
        self,
        case: Case,
        status: CaseStatus,
        user_id: int | None,
        why: str,
        at: str | None = None,
    ) -> Case:
        """advance() for a case the caller has read already; returns it as it is now."""
        if _FORWARD[status] <= _FORWARD[case.status] and not (
            status == CaseStatus.JANJI_BAYAR and case.status == CaseStatus.RESTRUKTURISASI
        ):
            return case
        case_id = case.id
        self.repo.set_case_status(case_id, status)
        self.repo.add_event(
            case_id,
            "status",
            f"Status: {case.status.label} → {status.label} ({why})",
            user_id,
            at=at,
        )
        self.audit.record(
            user_id,
            "status kasus",
            "kasus",
            case_id,
            {"status": case.status.value},
            {"status": status.value},
            note=why,
        )
        return replace(case, status=status)

    @write_unit
    def set_causes(self, actor: User, case_id: int, codes: tuple[str, ...], today: date) -> Case:
        """Set the case's causes (several allowed)."""
        require_handler(actor)
        case = self._open(case_id)
        check_causes(codes)
        with self.db.atomic():
            for code in set(case.causes) - set(codes):
                self.repo.remove_cause(case_id, code)
            self.repo.add_causes(case_id, sorted(set(codes)), actor.id)
            labels = ", ".join(CAUSES[c][1] for c in sorted(set(codes))) or "-"
            self.repo.add_event(case_id, "penyebab", f"Penyebab: {labels}", actor.id)
            self.audit.record(
                actor.id,
                "penyebab",
                "kasus",
                case_id,
                {"causes": list(case.causes)},
                {"causes": sorted(set(codes))},
            )
        return self.get(case_id)

    @write_unit
    def set_collateral(
        self, actor: User, case_id: int, status: CollateralStatus, note: str, today: date
    ) -> Case:
        require_handler(actor)
        note = clean_text(note, multiline=True)
        case = self._open(case_id)
        text = f"Agunan: {status.label}" + (f". {note.strip()}" if note.strip() else "")
        before: dict[str, object] = {
            "collateral_status": case.collateral_status.value,
            "collateral_note": case.collateral_note,
        }
        after: dict[str, object] = {
            "collateral_status": status.value,
            "collateral_note": note.strip(),
        }
        self._change(
            actor,
            case,
            (before, after),
            lambda: self.repo.set_case_collateral(case_id, status, note.strip()),
            "agunan",
            text,
        )
        return self.get(case_id)

    @write_unit
    def close(self, actor: User, case_id: int, reason: str, on: date, today: date) -> Case:
        """Close a case (selesai) once the loan no longer needs handling."""
        require_handler(actor)
        reason = clean_text(reason, multiline=True)
        case = self._open(case_id)
        if len(reason.strip()) < 3:
            raise ValidationError("Tulis alasan menutup kasus.", field="reason")
        if on > today:
            raise ValidationError("Tanggal tidak boleh setelah hari ini.", field="on")
        loan = self.loans.get(case.loan_id)
        if loan.status == LoanStatus.HAPUS_BUKU:
            raise ValidationError(
                "Pinjaman yang sudah dihapus buku tetap ditagih; kasus ditutup lewat hapus tagih "
                "atau setelah tagihannya lunas.",
                field="case",
            )
        if loan.status == LoanStatus.AKTIF:
            still = self.threshold_reason(self.loans.quality.arrears(loan.id, on))
            if still is not None:
                raise ValidationError(
                    f"Kasus belum bisa ditutup: pinjaman masih bermasalah ({still}).",
                    field="case",
                )
        with self.db.atomic():
            self.close_automatically(case, on, reason.strip(), actor.id)
        return self.get(case_id)

    def close_automatically(self, case: Case, on: date, reason: str, user_id: int | None) -> None:
        """Close a case by the program's own rule (call inside a transaction)."""
        self.repo.close_case(case.id, on, reason)
        self.repo.add_event(case.id, "ditutup", f"Kasus selesai: {reason}", user_id, at=stamp(on))
        self.audit.record(
            user_id,
            "tutup kasus",
            "kasus",
            case.id,
            {"status": case.status.value},
            {"status": "selesai"},
            note=reason,
        )

    def _change(
        self,
        actor: User,
        case: Case,
        audit: tuple[dict[str, object], dict[str, object]],
        write: Callable[[], None],
        kind: str,
        text: str,
    ) -> None:
        """One change of the case's own row: written, noted in its history and audited
        (`audit`: the columns before and after)."""
        with self.db.atomic():
            write()
            self.repo.add_event(case.id, kind, text, actor.id)
            self.audit.record(actor.id, kind, "kasus", case.id, *audit)

    def _open(self, case_id: int) -> Case:
        case = self.get(case_id)
        if not case.status.is_open:
            raise ValidationError(f"Kasus {case.number} sudah selesai.", field="case")
        return case

    def _officer(self, user_id: int) -> User:
        user = self.users_repo.by_id(user_id)
        if user is None or not user.active:
            raise ValidationError("Pilih petugas yang masih aktif.", field="officer")
        return user
