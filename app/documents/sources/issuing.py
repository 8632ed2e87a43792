"""Issuing documents about a case so the register and the case's timeline never disagree.

An SP letter, a Surat Panggilan or a Berita Acara is recorded as a letter of its case
(`contacts.record_letter`, with the register's number as `document_ref`) inside the very
transaction that stores the PDF and marks its register row finished. The number itself is
taken earlier, in a committed transaction of its own (the register's crash rule), so:

- a crash before the file is stored leaves the register row 'Belum selesai' and nothing in
  the case: the number is visibly used and never given again; the queue still asks for the
  letter, and the next issue takes a new number;
- once the transaction commits, both the finished document and the case's letter exist;
- if recording the letter is refused (e.g. the case was closed meanwhile) nothing is stored
  and the row is marked 'Gagal' with the reason.

Everything that could refuse the letter (the actor's role, the case being open, the date) is
checked before a number is taken. A closed case takes no more timeline entries: a document
printed for it afterwards (a copy of an agreement for the archive) is linked to the case in
the register only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from app.collection.case_rules import require_handler
from app.collection.models import LetterDraft, LetterKind
from app.documents.kinds import DocKind
from app.documents.register import BatchItem, DocumentService, Issued, Renderer
from app.documents.sources.basics import documents
from app.documents.sources.letters import DueLetters
from app.errors import ValidationError
from app.services import Services
from app.storage.documents_repo import RegisterRow
from app.users.models import User

CASE_LETTERS: dict[DocKind, LetterKind] = {
    DocKind.SP1: LetterKind.SP1,
    DocKind.SP2: LetterKind.SP2,
    DocKind.SP3: LetterKind.SP3,
    DocKind.PANGGILAN: LetterKind.PANGGILAN,
    DocKind.BERITA_ACARA: LetterKind.BERITA_ACARA,
}
BATCH_TITLE = "Surat jatuh tempo"


def letter_draft(kind: DocKind, row: RegisterRow, data: Any) -> LetterDraft:
    """The case letter for a finished register row: number and date from the register, the
    pay-by date an SP letter names."""
    deadline = getattr(data, "deadline", None)
    return LetterDraft(
        kind=CASE_LETTERS[kind],
        letter_date=row.doc_date,
        number=row.number,
        pay_by=deadline if isinstance(deadline, date) else None,
        document_ref=row.number,
        note=f"Dicetak dari Surat & Dokumen: {row.title}",
    )


def _records(services: Services, actor: User, kind: DocKind, data: Any, today: date) -> bool:
    """Whether issuing `data` adds a letter to its case; refuses up front what recording
    would refuse later."""
    case_id = data.link().case_id
    if kind not in CASE_LETTERS or case_id is None:
        return False
    case = services.cases.get(case_id)
    if not case.status.is_open:
        return False
    require_handler(actor)
    if data.doc_date > today:
        raise ValidationError("Tanggal surat tidak boleh setelah hari ini.", field="doc_date")
    return True


def issue(
    services: Services,
    actor: User,
    kind: DocKind,
    data: Any,
    render: Renderer,
    today: date,
    *,
    docs: DocumentService | None = None,
    authorisation: str = "",
) -> Issued:
    """Number, render and register `data`; a case letter is also recorded in its case. A
    warning letter out of order or too early needs a Pengurus as `actor` and the reason in
    `authorisation` (DOMAIN §4a); the reason is recorded with the letter, in the case's
    history and in the audit trail."""
    docs = docs or documents(services)
    on_finished: Callable[[RegisterRow], None] | None = None
    if _records(services, actor, kind, data, today):
        case_id = data.link().case_id
        permit = services.letter_order.check(
            actor, case_id, CASE_LETTERS[kind].value, data.doc_date, authorisation
        )

        def on_finished(row: RegisterRow) -> None:
            draft = letter_draft(kind, row, data)
            if permit:
                draft = replace(draft, note=f"{draft.note}. {permit}")
                services.cases.note(
                    case_id, "surat", f"{draft.kind.value} {row.number}: {permit}", actor.id
                )
                services.audit.record(
                    actor.id,
                    "surat di luar urutan",
                    "kasus",
                    case_id,
                    None,
                    {"kind": draft.kind.value, "number": row.number},
                    note=permit,
                )
            services.contacts.record_letter(actor, case_id, draft, today)

    return docs.issue(actor, kind, data, render, on_finished=on_finished)


def issue_due_letters(
    services: Services,
    actor: User,
    due: DueLetters,
    today: date,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    docs: DocumentService | None = None,
) -> list[Issued]:
    """Issue the day's SP letters as one batch; each is recorded in its case in the
    transaction that stores its chunk of files (see the module's note)."""
    docs = docs or documents(services)
    items = [i for i in due.items if _records(services, actor, i.kind, i.data, today)]
    if len(items) != len(due.items):
        raise ValidationError("Ada kasus yang sudah selesai; hitung ulang surat jatuh tempo.")

    def record(item: BatchItem, row: RegisterRow) -> None:
        case_id = item.data.link().case_id
        assert case_id is not None
        services.contacts.record_letter(
            actor, case_id, letter_draft(item.kind, row, item.data), today
        )

    return docs.issue_batch(
        actor,
        items,
        title=BATCH_TITLE,
        on=due.as_of,
        progress=progress,
        should_stop=should_stop,
        on_finished=record,
    )
