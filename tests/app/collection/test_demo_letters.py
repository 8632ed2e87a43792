"""The demo's own letters went through the register like letters issued from the window:
every SP letter of a demo case has its register entry (same number, kind, date and case,
a stored PDF), numbered by the register's sequence; the next letter continues it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from app.demo.generate import generate_demo
from app.documents.kinds import DocKind
from app.documents.sources import issuing, letters
from app.documents.sources.basics import documents
from app.services import Services
from app.storage.documents_repo import RegisterQuery

TODAY = date(2026, 11, 26)
SP = {"SP1": DocKind.SP1, "SP2": DocKind.SP2, "SP3": DocKind.SP3}


@pytest.mark.slow
def test_demo_letters_are_in_the_register_and_numbered_like_any_letter(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    generate_demo(path, members=300, seed=1, today=TODAY)
    services = Services.open(path)
    try:
        docs = documents(services)
        coll = services
        case_letters = [
            x for case in coll.case_list.open_cases() for x in coll.contacts.letters(case.id)
            if x.kind.value in SP
        ]  # fmt: skip
        assert len(case_letters) >= 10
        for letter in case_letters:
            kind = SP[letter.kind.value]
            row = services.db.one(
                "SELECT * FROM documents WHERE number = ? AND kind = ?",
                (letter.number, kind.value),
            )
            assert row is not None, letter.number
            assert (row["case_id"], row["doc_date"]) == (
                letter.case_id,
                letter.letter_date.isoformat(),
            )
            assert row["status"] == "selesai"  # its PDF stored: reprintable
            assert letter.sent_on == letter.letter_date and letter.received_by
            expected = docs.plan(kind, letter.letter_date)
            assert re.fullmatch(r"\d{3}/KSP-GR/SP-[123]/[IVX]+/\d{4}", letter.number)
            assert letter.number.endswith(expected.number(1)[3:])  # the register's own pattern
        numbers = [x.number for x in case_letters]
        assert len(set(numbers)) == len(numbers)
        shown = docs.count(RegisterQuery(text="", kind=None))
        assert shown >= len(case_letters)  # Surat & Dokumen lists them

        # The next SP1 issued from the window continues the demo's sequence.
        taken = {int(n[:3]) for n in numbers if "/SP-1/" in n and n.endswith("/2026")}
        due = letters.due_letters(services, TODAY)
        item = next((i for i in due.items if i.kind == DocKind.SP1), None)
        if item is not None:
            manajer = next(u for u in services.users.all() if u.username == "manajer")
            issued = issuing.issue(
                services, manajer, item.kind, item.data, item.render, TODAY, docs=docs
            )
            assert int(issued.row.number[:3]) == max(taken, default=0) + 1
    finally:
        services.close()
