"""Warning letters keep their order and spacing (DOMAIN §4a): SP1 once the loan is late enough,
SP2 no earlier than SP1 + its interval, SP3 no earlier than SP2 + its interval. Out of order only
with a Pengurus' authorisation and a reason; the hapus buku checklist counts only letters that kept
the spacing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.errors import PermissionDenied, ValidationError
from app.formats import format_date_short
from app.loans.models import LoanStatus
from app.users.models import User
from app.users.permissions import Action, can

if TYPE_CHECKING:
    from app.collection.cases import CaseService
    from app.loans.service import LoanService
    from app.settings.service import SettingsService
    from app.storage.collection_repo import CollectionRepository

SP_KINDS = ("SP1", "SP2", "SP3")


@dataclass(frozen=True)
class LetterRules:
    """The Kebijakan intervals: SP1 at `sp1_days` late, SP2/SP3 `sp2_after`/`sp3_after` days
    after the previous letter."""

    sp1_days: int
    sp2_after: int
    sp3_after: int

    def gap(self, kind: str) -> int:
        return {"SP2": self.sp2_after, "SP3": self.sp3_after}[kind]


@dataclass(frozen=True)
class SpOption:
    """Whether one SP may be printed now: `reason` is '' when it is the letter due (or allowed),
    else why not yet (Indonesian); `out_of_order` is True when a Pengurus may still authorise it."""

    kind: str
    reason: str
    out_of_order: bool = False
    earliest: date | None = None

    @property
    def allowed(self) -> bool:
        return not self.reason


def kept_chain(dates: dict[str, list[date]], rules: LetterRules) -> dict[str, date]:
    """The letters that kept the order and spacing: the first SP1, then the first SP2 at least
    its interval after that SP1, then the first SP3 at least its interval after that SP2."""
    kept: dict[str, date] = {}
    previous: date | None = None
    for kind in SP_KINDS:
        candidates = sorted(dates.get(kind, []))
        if kind != "SP1":
            if previous is None:
                break
            floor = previous + timedelta(days=rules.gap(kind))
            candidates = [d for d in candidates if d >= floor]
        if not candidates:
            break
        previous = kept[kind] = candidates[0]
    return kept


def chain_note(dates: dict[str, list[date]], rules: LetterRules) -> str:
    """Why letters on file do not count (out of order or too close), for the checklist."""
    kept = kept_chain(dates, rules)
    notes = []
    for kind in SP_KINDS:
        if kind in kept or not dates.get(kind):
            continue
        before = SP_KINDS[SP_KINDS.index(kind) - 1] if kind != "SP1" else ""
        if before and before in kept:
            notes.append(
                f"{kind} {format_date_short(max(dates[kind]))} tidak dihitung: kurang dari "
                f"{rules.gap(kind)} hari setelah {before}"
            )
        else:
            notes.append(f"{kind} tidak dihitung: {before} belum ada sebelumnya")
    return "; ".join(notes)


def sp_options(
    dates: dict[str, list[date]], rules: LetterRules, as_of: date, days_past_due: int
) -> list[SpOption]:
    """For SP1, SP2 and SP3: may it be printed on `as_of`, given the letters already printed
    or sent (`dates`: kind -> dates)?"""
    options = []
    previous: date | None = None
    for kind in SP_KINDS:
        have = sorted(dates.get(kind, []))
        if have:
            options.append(
                SpOption(
                    kind,
                    f"{kind} sudah dibuat {format_date_short(have[0])}; cetak ulang lewat "
                    "Surat & Dokumen.",
                )
            )
            previous = have[0]
            continue
        if kind == "SP1":
            if days_past_due < rules.sp1_days:
                options.append(
                    SpOption(
                        kind,
                        f"SP1 baru boleh setelah terlambat {rules.sp1_days} hari (sekarang "
                        f"{days_past_due} hari).",
                        out_of_order=True,
                        earliest=as_of + timedelta(days=rules.sp1_days - days_past_due),
                    )
                )
            else:
                options.append(SpOption(kind, ""))
            previous = None
            continue
        before = SP_KINDS[SP_KINDS.index(kind) - 1]
        if previous is None:
            options.append(
                SpOption(kind, f"{before} belum dibuat; {kind} menyusul {before}.", True)
            )
            continue
        earliest = previous + timedelta(days=rules.gap(kind))
        if as_of < earliest:
            options.append(
                SpOption(
                    kind,
                    f"{kind} baru boleh mulai {format_date_short(earliest)} ({before} "
                    f"{format_date_short(previous)} + {rules.gap(kind)} hari).",
                    True,
                    earliest,
                )
            )
        else:
            options.append(SpOption(kind, "", earliest=earliest))
        previous = None
    return options


class LetterOrderService:
    """The order and spacing of one case's warning letters, as Kebijakan sets them."""

    def __init__(
        self,
        repo: CollectionRepository,
        settings: SettingsService,
        loans: LoanService,
        cases: CaseService,
    ) -> None:
        self.repo = repo
        self.settings = settings
        self.loans = loans
        self.cases = cases

    def rules(self) -> LetterRules:
        s = self.settings
        return LetterRules(
            int(s.get("collection.sp1_days")),
            int(s.get("collection.sp2_after_days")),
            int(s.get("collection.sp3_after_days")),
        )

    def options(self, case_id: int, as_of: date) -> list[SpOption]:
        """SP1, SP2, SP3 of the case on `as_of`: the one due has reason ''."""
        case = self.cases.get(case_id)
        loan = self.loans.get(case.loan_id)
        days = (
            self.loans.quality.arrears(loan.id, as_of).days_past_due
            if loan.status == LoanStatus.AKTIF
            else self.rules().sp1_days  # written off: long overdue by definition
        )
        dates = self.repo.sp_dates(case_id=case_id)
        options = sp_options(dates, self.rules(), as_of, days)
        # Kebijakan: a long-overdue loan that never had an SP is invited to the office first.
        s = self.settings
        long_days = int(s.get("collection.long_overdue_days"))
        first = options[0]
        if (
            first.allowed
            and loan.status == LoanStatus.AKTIF
            and str(s.get("collection.long_overdue_first")) == "panggilan"
            and days >= long_days
            and not dates.get("panggilan")
        ):
            options[0] = SpOption(
                "SP1",
                f"Menurut Kebijakan, pinjaman yang terlambat {long_days} hari atau lebih dan "
                "belum pernah mendapat SP diundang dulu dengan Surat Panggilan.",
                out_of_order=True,
            )
        return options

    def check(self, actor: User, case_id: int, kind: str, on: date, authorisation: str) -> str:
        """Refuse an SP out of order or too early unless a Pengurus authorises it with a
        reason; returns the note to record with the letter ('' when it kept the order)."""
        if kind not in SP_KINDS:
            return ""
        option = next(o for o in self.options(case_id, on) if o.kind == kind)
        if option.allowed:
            return ""
        if not option.out_of_order:
            raise ValidationError(option.reason, field="kind")
        if not can(actor, Action.APPROVE):
            raise PermissionDenied(
                f"{option.reason} Mencetak di luar urutan perlu izin Pengurus dengan alasan."
            )
        if len(authorisation.strip()) < 5:
            raise ValidationError(
                f"{option.reason} Tulis alasan mencetak {kind} di luar urutan.",
                field="authorisation",
            )
        return f"Di luar urutan, diizinkan {actor.full_name}: {authorisation.strip()}"
