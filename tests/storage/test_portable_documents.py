"""The document register behaves the same on SQLite and PostgreSQL (issue 15): numbers taken
from the sequence (a number already in the register skipped), the PDF bytes kept exactly,
failures, batches, searches that ignore case with an exact number first, counts and settings."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from app.storage.documents_repo import DocumentsRepository, NewEntry, RegisterQuery

PDF = b"%PDF-1.4\x00\xff\x10 binary \x00 bytes"


def _entry(title: str, day: int, name: str = "Budi Santoso", number: str = "A-001") -> NewEntry:
    return NewEntry("kwitansi", date(2026, 3, day), title, member_number=number,
                    member_name=name, data={"nomor": "", "jumlah": 12_500})  # fmt: skip


def test_the_register_on_both(engine: Any) -> None:
    repo = DocumentsRepository(engine)
    pattern = "KW/{:03}".format
    repo.add_given_number(_entry("ditulis tangan", 1), "KW/002", None)
    first = repo.take_number(_entry("satu", 2), "kw", 2026, pattern, None)
    second = repo.take_number(_entry("dua", 3, "siti aminah", "A-002"), "kw", 2026, pattern, None)
    assert (first.number, first.seq, second.number) == ("KW/001", 1, "KW/003")  # 002 skipped
    assert first.status == "proses" and repo.data(first.id)["nomor"] == "KW/001"
    with engine.atomic():
        repo.finish(first.id, PDF, hashlib.sha256(PDF).hexdigest(), 2)
    repo.fail(second.id, "x" * 600)
    done, failed = repo.get(first.id), repo.get(second.id)
    assert (done.status, done.size, done.pages) == ("selesai", len(PDF), 2)
    assert repo.pdf(first.id) == PDF and repo.pdf(second.id) is None
    assert (failed.status, len(failed.note)) == ("gagal", 500)
    repo.fail(first.id, "terlambat")  # a finished document stays finished
    assert repo.get(first.id).status == "selesai"
    found = repo.find("kwitansi", "KW/003")
    assert found is not None and found.id == second.id and repo.find("kwitansi", "X") is None
    batch = repo.new_batch("Tagihan Maret", date(2026, 3, 31), 40, None)
    assert batch == repo.new_batch("Tagihan April", date(2026, 4, 30), 40, None) - 1

    def numbers(**kw: Any) -> list[str]:
        return [r.number for r in repo.search(RegisterQuery(**kw))]

    assert numbers() == ["KW/003", "KW/001", "KW/002"]  # newest first
    assert numbers(text="SITI") == ["KW/003"]
    assert numbers(text="budi") == ["KW/001", "KW/002"]
    assert numbers(text="kw/002") == ["KW/002"]
    assert numbers(text="A-001") == ["KW/001", "KW/002"]  # the member number, exactly
    assert numbers(text="kw/00") == ["KW/003", "KW/001", "KW/002"]
    assert numbers(text="kw/001", kind="kwitansi") == ["KW/001"]
    assert numbers(date_from=date(2026, 3, 2), date_to=date(2026, 3, 2)) == ["KW/001"]
    assert numbers(unfinished_only=True) == ["KW/003", "KW/002"]
    assert [r.number for r in repo.search(RegisterQuery(), offset=1, limit=1)] == ["KW/001"]
    assert repo.count(RegisterQuery(text="budi")) == 2 and repo.count(RegisterQuery()) == 3


def test_the_exact_number_comes_first(engine: Any) -> None:
    repo = DocumentsRepository(engine)
    for number, day in (("SP/10", 5), ("SP/1", 1), ("SP/100", 9)):
        repo.add_given_number(_entry(number, day), number, None)
    assert [r.number for r in repo.search(RegisterQuery(text="sp/1"))] == [
        "SP/1",
        "SP/100",
        "SP/10",
    ]


def test_document_settings_on_both(engine: Any) -> None:
    repo = DocumentsRepository(engine)
    with engine.atomic():
        repo.put_setting("kop.nama", "Koperasi Maju")
        repo.put_setting("kop.alamat", {"jalan": "Jl. Mawar 5", "kota": "Bandung"})
        repo.put_setting("kop_x", 1)
        repo.put_setting("lain", [1, 2])
    repo.put_setting("kop.nama", "Koperasi Maju Jaya")
    assert repo.setting("kop.nama") == "Koperasi Maju Jaya" and repo.setting("tidak") is None
    assert repo.settings_with_prefix("kop.") == {
        "kop.nama": "Koperasi Maju Jaya",
        "kop.alamat": {"jalan": "Jl. Mawar 5", "kota": "Bandung"},
    }
    assert set(repo.settings_with_prefix("kop_")) == {"kop_x"}  # `_` is not a wildcard
    repo.put_setting("kop.nama", None)
    assert repo.setting("kop.nama") is None and repo.settings_with_prefix("lain") == {
        "lain": [1, 2]
    }
