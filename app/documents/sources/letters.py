"""Warning letters (SP1–SP3) and the Surat Panggilan from a real case: the loan's arrears at
the letter's date, the earlier SP letters of the case, the contact person; and the batch of
SP letters the work queue says are due."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta

from app.collection.models import Case, Letter, LetterKind, QueueKind
from app.documents import panggilan as pg
from app.documents import sp_letters
from app.documents.kinds import SP_KINDS, DocKind
from app.documents.parties import arrears_figures
from app.documents.register import BatchItem
from app.documents.sources.basics import arrears_at, loan_parties, office_contact, office_place
from app.errors import AppError, ValidationError
from app.formats import format_date_short
from app.loans.models import LoanArrears, LoanStatus
from app.services import Services

SP_LETTER_KINDS = {1: LetterKind.SP1, 2: LetterKind.SP2, 3: LetterKind.SP3}
MEETING_AFTER_DAYS = 3
MEETING_TIME = time(9, 0)
_COLLECTED = (LoanStatus.AKTIF, LoanStatus.HAPUS_BUKU)


def previous_letters(letters: list[Letter], level: int) -> tuple[sp_letters.PreviousLetter, ...]:
    """The latest numbered SP1 (and SP2) of the case before a letter of `level`."""
    found = []
    for n in range(1, level):
        mine = [x for x in letters if x.kind == SP_LETTER_KINDS[n] and x.number.strip()]
        if not mine:
            break
        last = max(mine, key=lambda x: (x.letter_date, x.id))
        found.append(sp_letters.PreviousLetter(last.number, last.letter_date))
    return tuple(found)


def _collected_case(services: Services, case_id: int) -> Case:
    case = services.cases.get(case_id)
    if not case.status.is_open:
        raise ValidationError(f"Kasus {case.number} sudah selesai; tidak ada surat lagi.", "case")
    return case


@dataclass(frozen=True)
class LetterBasis:
    """What every letter of a day shares, read once: the Manajer and the office telephone,
    the days a letter gives to pay, and (for a batch) every aktif loan's arrears at the
    letter date, computed in SQL."""

    manajer: str
    phone: str
    pay_days: int
    arrears: Mapping[int, LoanArrears] | None = None

    @classmethod
    def read(cls, services: Services, on: date | None = None) -> LetterBasis:
        manajer, phone = office_contact(services)
        arrears = None
        if on is not None:
            arrears = {a.loan_id: a for a in services.loans.quality.all_arrears(on)}
        days = int(services.settings.get("collection.letter_pay_days"))
        return cls(manajer, phone, days, arrears)


def sp_letter(
    services: Services, case_id: int, level: int, on: date, basis: LetterBasis | None = None
) -> sp_letters.SpLetter:
    """Warning letter `level` (1–3) for the case, with its loan's arrears at `on` and the
    numbers and dates of the case's earlier SP letters."""
    basis = basis or LetterBasis.read(services)
    case = _collected_case(services, case_id)
    parts = loan_parties(services, case.loan_id)
    if parts.loan.status not in _COLLECTED:
        raise ValidationError(
            f"Pinjaman {parts.loan.display_number} berstatus {parts.loan.status.label}.", "case"
        )
    known = basis.arrears.get(case.loan_id) if basis.arrears is not None else None
    arrears = arrears_figures(known) if known is not None else arrears_at(services, parts.loan, on)
    letters = services.contacts.letters(case_id)
    return sp_letters.sp_letter(
        level,
        parts.member,
        parts.ref,
        arrears,
        on=on,
        contact_name=case.officer_name.strip() or basis.manajer,
        contact_phone=basis.phone,
        days_to_pay=basis.pay_days,
        previous=previous_letters(letters, level),
        has_guarantor=bool(services.loans.guarantors(case.loan_id)),
        case_id=case.id,
    )


def default_meeting(on: date) -> date:
    """A weekday at least MEETING_AFTER_DAYS after the letter."""
    day = on + timedelta(days=MEETING_AFTER_DAYS)
    while day.weekday() >= 5:  # Saturday, Sunday
        day += timedelta(days=1)
    return day


def surat_panggilan(
    services: Services,
    case_id: int,
    on: date,
    *,
    meeting_date: date | None = None,
    meeting_time: time = MEETING_TIME,
    place: str = "",
) -> pg.SuratPanggilan:
    """The invitation to the office for the case's member (default: a weekday three days on,
    09.00, at the office); the guarantor gets a copy when there is one."""
    case = _collected_case(services, case_id)
    parts = loan_parties(services, case.loan_id)
    contact_name, contact_phone = office_contact(services, case.officer_name)
    return pg.surat_panggilan(
        parts.member,
        parts.ref,
        arrears_at(services, parts.loan, on),
        on=on,
        meeting_date=meeting_date or default_meeting(on),
        meeting_time=meeting_time,
        place=place.strip() or office_place(services),
        contact_name=contact_name,
        contact_phone=contact_phone,
        with_guarantor=bool(services.loans.guarantors(case.loan_id)),
        case_id=case.id,
    )


# -- the day's batch ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueLetters:
    """The SP letters due at `as_of` (one per case, as the work queue lists them), ready to
    issue; cases whose letter was already printed and waits for its delivery to be recorded
    are not printed again, and cases whose letter cannot be made say why."""

    as_of: date
    items: tuple[BatchItem, ...]
    waiting: tuple[str, ...] = ()
    refused: tuple[str, ...] = ()


def due_level(sent: dict[str, date]) -> int:
    """The next SP level by the same rule as the work queue: SP1, then SP2, then SP3."""
    for level, kind in SP_LETTER_KINDS.items():
        if kind.value not in sent:
            return level
    return 0


def due_letters(services: Services, as_of: date) -> DueLetters:
    """The batch "Surat jatuh tempo hari ini": the work queue's letter lines at `as_of`, in
    its order (what matters most first); a long-overdue loan's line may be a Surat
    Panggilan (Kebijakan)."""
    coll = services
    queue = coll.work_queue.build(as_of)
    sent_all = coll.contacts.sent_letters()
    basis = LetterBasis.read(services, as_of)
    items: list[BatchItem] = []
    waiting: list[str] = []
    refused: list[str] = []
    for line in queue.of_kind(QueueKind.SURAT):
        if line.case_id is None:
            continue
        who = f"{line.member_name} ({line.loan_number})"
        invite = line.letter == "panggilan"  # a long-overdue loan is invited first (Kebijakan)
        level = 0 if invite else due_level(sent_all.get(line.loan_id, {}))
        if not invite and level == 0:
            continue
        kind = LetterKind.PANGGILAN if invite else SP_LETTER_KINDS[level]
        printed = [
            x for x in coll.contacts.letters(line.case_id) if x.kind == kind and x.sent_on is None
        ]
        if printed:
            last = printed[-1]
            name = "Surat Panggilan" if invite else f"SP{level}"
            waiting.append(
                f"{who}: {name} {last.number} dicetak {format_date_short(last.letter_date)}, "
                "belum dicatat pengirimannya"
            )
            continue
        try:
            if invite:
                items.append(
                    BatchItem(
                        DocKind.PANGGILAN, surat_panggilan(services, line.case_id, as_of), pg.render
                    )
                )
            else:
                letter = sp_letter(services, line.case_id, level, as_of, basis)
                items.append(BatchItem(SP_KINDS[level], letter, sp_letters.render))
        except AppError as exc:
            refused.append(f"{who}: {exc.message}")
    return DueLetters(as_of, tuple(items), tuple(waiting), tuple(refused))
