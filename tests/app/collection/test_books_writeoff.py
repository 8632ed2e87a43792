"""The journals of hapus buku, the jasa/denda not recognised, a recovery after hapus buku and
hapus tagih (LEDGER.md §2.2), posted by the collection services in their transaction; the
books check clean afterwards."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.ledger.derive import collection_key
from app.services import Services
from app.storage.check import check_database
from tests.app.collection.conftest import People
from tests.app.collection.test_writeoff import W, _written_off, case_id

__all__ = ["case_id"]  # the fixture, from the write-off tests


def _lines(services: Services, kind: str, loan_id: int) -> list[tuple[str, int, int]]:
    event_id = services.db.scalar(
        "SELECT max(id) FROM collection_fin_events WHERE kind = ? AND loan_id = ?", (kind, loan_id)
    )
    found = services.ledger.repo.find(*collection_key(int(event_id), kind))
    assert found is not None, kind
    return sorted((x.account, x.debit, x.credit) for x in services.ledger.journal(found).lines)


def test_write_off_recovery_and_hapus_tagih_journals(
    services: Services, people: People, case_id: int
) -> None:
    loan_id = _written_off(services, people, case_id)
    entry = services.offbook.entry(loan_id)
    allowance_before = services.ledger.booked_ppap(loan_id, W)
    lines = _lines(services, "hapus_buku", loan_id)
    from_allowance = min(allowance_before, entry.pokok)
    expected = [("1105", 0, entry.pokok)]
    if from_allowance:
        expected.append(("1108", from_allowance, 0))
    if entry.pokok - from_allowance:
        expected.append(("5302", entry.pokok - from_allowance, 0))
    assert lines == sorted(expected)
    assert services.ledger.loan_balance("piutang_pinjaman", loan_id, W) == 0
    if entry.jasa or entry.denda:
        assert _lines(services, "pembalikan_pendapatan", loan_id) == []  # the no-GL marker
    later = date(2027, 5, 3)
    services.writeoff.record_recovery(people.staf, loan_id, 750_000, later, "tunai", "", later)
    assert _lines(services, "pemulihan", loan_id) == [("1101", 750_000, 0), ("4202", 0, 750_000)]
    rat = date(2028, 3, 18)
    decision = services.writeoff.propose_hapus_tagih(
        people.manajer, case_id, "05/RAT/KSP-UJ/III/2028", rat, "Anggota meninggal dunia", rat, rat
    )
    services.decisions.approve(people.ketua, decision.id, "Sesuai keputusan RAT", rat, rat)
    assert _lines(services, "hapus_tagih", loan_id) == []  # the no-GL marker
    path = services.db.path
    services.close()
    problems = check_database(path).problems
    assert problems == [], problems


def test_ekstrakomptabel_off_the_write_off_events_is_named(
    services: Services, people: People, case_id: int
) -> None:
    _written_off(services, people, case_id)
    path = services.db.path
    services.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE offbook_register SET pokok = pokok + 1")
    problems = check_database(path).problems
    assert any(p.startswith("Ekstrakomptabel: register") for p in problems), problems
    assert any(p.startswith("Pokok hapus buku: register") for p in problems), problems
