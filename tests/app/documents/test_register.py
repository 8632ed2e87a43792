"""The document register: numbers per kind and year, never reused (not even after a crash),
exact reprints, receipts keep their own number, permissions, document settings."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from app.documents import sp_letters
from app.documents.context import DocContext
from app.documents.kinds import DocKind
from app.documents.register import DocumentService
from app.documents.safe_render import DocumentNotMade
from app.documents.signatures import SignerConfig
from app.errors import PermissionDenied, StorageError, ValidationError
from app.services import Services
from app.storage.documents_repo import RegisterQuery
from app.users.models import Role, User
from tests.app.documents import docdata
from tests.conftest import make_user


@pytest.fixture
def docs(services: Services) -> DocumentService:
    return DocumentService(services.db, services.audit, services.settings)


def _issue(docs: DocumentService, actor: User, level: int = 1, on: date = date(2026, 11, 26)):
    return docs.issue(actor, sp_letters.SP_KINDS[level], docdata.sp(level, on), sp_letters.render)


def test_numbers_follow_the_pattern_per_kind_and_restart_each_year(
    docs: DocumentService, ketua: User
) -> None:
    first = _issue(docs, ketua, 1, date(2026, 8, 24))
    second = _issue(docs, ketua, 1, date(2026, 9, 1))
    other_kind = _issue(docs, ketua, 2, date(2026, 9, 1))
    next_year = _issue(docs, ketua, 1, date(2027, 1, 4))
    assert first.row.number == "001/KSP-UJ/SP-1/VIII/2026"
    assert second.row.number == "002/KSP-UJ/SP-1/IX/2026"
    assert other_kind.row.number == "001/KSP-UJ/SP-2/IX/2026"
    assert next_year.row.number == "001/KSP-UJ/SP-1/I/2027"
    assert docs.next_number_preview(DocKind.SP1, date(2027, 2, 1)) == "002/KSP-UJ/SP-1/II/2027"


def test_a_pattern_without_the_year_never_restarts(docs: DocumentService, ketua: User) -> None:
    docs.set_number_pattern(ketua, "{doc_code}-{seq:04}")
    assert _issue(docs, ketua, 1, date(2026, 12, 30)).row.number == "SP-1-0001"
    assert _issue(docs, ketua, 1, date(2027, 1, 2)).row.number == "SP-1-0002"


def test_a_number_already_in_the_register_is_skipped(docs: DocumentService, ketua: User) -> None:
    docs.set_number_pattern(ketua, "{seq}/{doc_code}")
    assert _issue(docs, ketua).row.number == "1/SP-1"
    docs.set_number_pattern(ketua, "{seq}/{doc_code}/{year}")
    # The yearly sequence starts again at 1, but "1/SP-1/2026" is new text: it is used.
    assert _issue(docs, ketua).row.number == "1/SP-1/2026"
    docs.set_number_pattern(ketua, "{seq}/{doc_code}")
    assert _issue(docs, ketua).row.number == "2/SP-1"


def test_the_register_keeps_the_exact_file_and_reprints_it(
    docs: DocumentService, ketua: User
) -> None:
    issued = _issue(docs, ketua)
    row = issued.row
    assert row.status == "selesai" and row.pages == 1 and row.size == len(issued.pdf)
    assert row.member_name == docdata.HOSTILE and row.loan_number == "045/KSP-GR/PK/III/2025"
    assert row.created_by_name == "Budi Santoso"
    assert docs.reprint(ketua, row.id) == issued.pdf
    assert docs.data(row.id)["nomor"] == row.number
    # Rendering the same data again gives the same bytes (invariant mode).
    data = sp_letters.sp_letter(
        1,
        docdata.member(),
        docdata.loan(),
        docdata.arrears(),
        on=date(2026, 11, 26),
        contact_name="Sri Wahyuningsih",
        contact_phone="0812-3456-7890",
    )
    from dataclasses import replace

    again, _pages = sp_letters.render(replace(data, nomor=row.number), docs.context(DocKind.SP1))
    assert again == issued.pdf


def test_a_damaged_stored_copy_is_reported(docs: DocumentService, ketua: User) -> None:
    row = _issue(docs, ketua).row
    docs.db.execute("DROP TRIGGER document_files_no_update")
    docs.db.execute("UPDATE document_files SET pdf = x'00' WHERE document_id = ?", (row.id,))
    with pytest.raises(StorageError, match="tidak utuh"):
        docs.reprint(ketua, row.id)


def test_a_failed_render_takes_no_number(docs: DocumentService, ketua: User) -> None:
    """Issue 9 §9: a document that cannot be made leaves no row and no used number, and the
    message is Indonesian, never the library's text."""

    def broken(_data: object, _ctx: DocContext) -> tuple[bytes, int]:
        raise RuntimeError("printer fell over")

    with pytest.raises(DocumentNotMade, match="Tidak ada nomor yang terpakai") as caught:
        docs.issue(ketua, DocKind.SP1, docdata.sp(1), broken)
    assert "printer" not in caught.value.message
    assert docs.search() == []
    assert _issue(docs, ketua).row.number.startswith("001/")


def test_a_crash_between_numbering_and_saving_takes_no_number(
    db_path: Path, services: Services, ketua: User
) -> None:
    """A real process dies (os._exit) while rendering: the number was never committed, so the
    next program run hands it out to the next document, which exists."""
    services.close()
    script = textwrap.dedent(
        f"""
        import os
        from datetime import date
        from app.documents.kinds import DocKind
        from app.documents.register import DocumentService
        from app.services import Services
        from tests.app.documents import docdata

        services = Services.open({str(db_path)!r})
        user = [u for u in services.users.all() if u.username == "ketua"][0]
        docs = DocumentService(services.db, services.audit, services.settings)

        def crash(_data, _ctx):
            os._exit(3)

        docs.issue(user, DocKind.SP1, docdata.sp(1), crash)
        """
    )
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, timeout=60)
    assert done.returncode == 3
    reopened = Services.open(db_path)
    try:
        docs = DocumentService(reopened.db, reopened.audit, reopened.settings)
        actor = next(u for u in reopened.users.all() if u.username == "ketua")
        assert docs.search() == []
        assert _issue(docs, actor).row.number == "001/KSP-UJ/SP-1/XI/2026"
    finally:
        reopened.close()


def test_finished_rows_and_files_cannot_be_changed_or_deleted(
    docs: DocumentService, ketua: User
) -> None:
    row = _issue(docs, ketua).row
    import sqlite3

    for sql in (
        "UPDATE documents SET note = 'x' WHERE id = ?",
        "DELETE FROM documents WHERE id = ?",
        "DELETE FROM document_files WHERE document_id = ?",
    ):
        with pytest.raises(sqlite3.DatabaseError):
            docs.db.execute(sql, (row.id,))


def test_searching_the_register(docs: DocumentService, ketua: User) -> None:
    _issue(docs, ketua, 1, date(2026, 3, 1))
    _issue(docs, ketua, 2, date(2026, 4, 1))
    assert docs.count(RegisterQuery(text="SP-2")) == 1
    assert docs.count(RegisterQuery(text="ni'mah")) == 2
    assert docs.count(RegisterQuery(kind="sp1")) == 1
    assert docs.count(RegisterQuery(date_from=date(2026, 3, 15))) == 1
    assert [r.kind for r in docs.search()] == ["sp2", "sp1"]  # newest first


def test_pengawas_may_not_issue_but_may_reprint(
    services: Services, docs: DocumentService, ketua: User
) -> None:
    row = _issue(docs, ketua).row
    pengawas = make_user(services, Role.PENGAWAS)
    with pytest.raises(PermissionDenied):
        _issue(docs, pengawas)
    assert docs.reprint(pengawas, row.id)


def test_number_settings_are_validated(docs: DocumentService, ketua: User) -> None:
    with pytest.raises(ValidationError, match=r"\{nomor\}"):
        docs.set_number_pattern(ketua, "{nomor}/{year}")
    with pytest.raises(ValidationError, match=r"\{seq\}"):
        docs.set_number_pattern(ketua, "{doc_code}/{year}")
    assert docs.set_doc_code(ketua, DocKind.SP1, " sp.i ") == "SP.I"
    assert _issue(docs, ketua).row.number == "001/KSP-UJ/SP.I/XI/2026"
    with pytest.raises(ValidationError):
        docs.set_doc_code(ketua, DocKind.SP1, "SP 1/2")


def test_signers_per_kind_are_configurable(docs: DocumentService, ketua: User) -> None:
    assert docs.signer_config(DocKind.SP3) == SignerConfig(("ketua", "sekretaris"), False)
    docs.set_signer_config(ketua, DocKind.SP3, SignerConfig(("ketua", "bendahara"), True))
    assert docs.context(DocKind.SP3).signers == SignerConfig(("ketua", "bendahara"), True)
    with pytest.raises(ValidationError):
        docs.set_signer_config(ketua, DocKind.SP3, SignerConfig(("ketua", "ketua")))
    with pytest.raises(ValidationError):
        docs.set_signer_config(ketua, DocKind.SP3, SignerConfig(("bupati",)))


def test_an_exact_member_number_comes_first_in_the_register(
    docs: DocumentService, ketua: User
) -> None:
    """Issue 10 #13: the member typed exactly is the first row, before newer documents whose
    number merely contains the text."""
    docs.issue(
        ketua,
        DocKind.SP1,
        docdata.sp(1, date(2026, 3, 1), number="002", name="Zaenal"),
        sp_letters.render,
    )
    for n in range(3):  # numbered 002/…, 003/…, 004/…: the first contains "002"
        docs.issue(
            ketua,
            DocKind.SP1,
            docdata.sp(1, date(2026, 4, 1 + n), number="009", name=f"Ahmad {n}"),
            sp_letters.render,
        )
    rows = docs.search(RegisterQuery(text="002"))
    assert len(rows) == 2 and rows[0].member_number == "002"
    assert [r.member_number for r in docs.search(RegisterQuery(text="002"), limit=1)] == ["002"]
