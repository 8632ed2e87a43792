"""Passbook storage behaves the same on SQLite and PostgreSQL (issue 15): layouts, numbered
books per member (a replacement book refers to the old one), printed lines with their
positions, reprints, the member's transactions with the teller's name, receipt paper per
printer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from app.members.models import MemberDraft
from app.passbook.engine import Entry
from app.passbook.layout import DEFAULT_CARD, DEFAULT_PASSBOOK, Position
from app.storage.members_repo import MembersRepository
from app.storage.passbook_repo import PassbookRepository
from app.storage.users_repo import UsersRepository
from app.users.models import Role


def test_passbooks_on_both(engine: Any) -> None:
    repo = PassbookRepository(engine)
    with engine.atomic():
        teller = UsersRepository(engine).insert("kasir", "Kasir Satu", Role.STAF, "h")
        member = MembersRepository(engine).insert(
            "A-001", MemberDraft(name="Budi", nik="", sex="L", join_date=date(2025, 1, 2)), None
        )
        other = MembersRepository(engine).insert(
            "A-002", MemberDraft(name="Siti", nik="", sex="P", join_date=date(2025, 1, 2)), None
        )
        book_model = repo.insert_model("buku", replace(DEFAULT_PASSBOOK, name="Uji Buku"))
        card_model = repo.insert_model("kartu", replace(DEFAULT_CARD, name="Uji Kartu"))
        tx = [
            engine.insert_id(
                "INSERT INTO savings_transactions (member_id, tx_date, kind, tx_type, method,"
                " amount, receipt_no, created_by, created_at) VALUES (:m, :d, 'pokok',"
                " 'setoran', 'tunai', :a, :r, :u, '2026-01-01T09:00:00') RETURNING id",
                {
                    "m": who,
                    "d": f"2026-01-0{i + 1}",
                    "a": 10_000 * (i + 1),
                    "u": teller,
                    "r": f"KW/{i}",
                },
            )
            for i, who in enumerate([member, member, other])
        ]
    assert [i for i, _ in repo.models("kartu")] == [card_model]
    assert repo.model(book_model) == replace(DEFAULT_PASSBOOK, name="Uji Buku")
    assert repo.model(999) is None
    repo.update_model(book_model, replace(DEFAULT_PASSBOOK, name="Buku Baru"))
    assert repo.model_name_taken("Buku Baru", None) and not repo.model_name_taken(
        "Buku Baru", book_model
    )
    with engine.atomic():
        first = repo.insert_book(member, book_model, None, "baru", "", teller)
        second = repo.insert_book(member, book_model, first, "hilang", "lapor polisi", teller)
    books = repo.books(member)
    assert [b.id for b in books] == [first, second] and repo.books(other) == []
    assert (books[0].number, books[1].number) == ("BS-000001", "BS-000002")
    again = repo.book(second)
    assert again is not None and again.replaces_id == first and repo.book(999) is None
    rows = repo.transactions(member)
    assert [(r.id, r.amount, r.teller_name) for r in rows] == [
        (tx[0], 10_000, "Kasir Satu"),
        (tx[1], 20_000, "Kasir Satu"),
    ]
    assert repo.busiest_member() == member and repo.last_position(first) is None
    with engine.atomic():
        lines = [
            repo.insert_line(
                first,
                Position(1, n + 1),
                Entry(t.id, t.on, "01", 0, t.amount, 30_000 * n + 10_000, t.teller_name),
                teller,
            )
            for n, t in enumerate(rows)
        ]
        opening = repo.insert_line(second, Position(1, 1), Entry(None, date(2026, 2, 1), "SP",
                                   0, 0, 30_000, ""), teller)  # fmt: skip
        reprint = repo.insert_reprint(first, lines[0], lines[1], "kertas macet", teller)
    assert reprint >= 1 and opening == lines[-1] + 1
    assert [p.entry.credit for p in repo.lines(first)] == [10_000, 20_000]
    assert repo.last_position(first) == Position(1, 2)
    assert repo.last_balance(member) == 30_000 and repo.last_balance(other) is None
    assert repo.printed_tx_ids(member) == {tx[0], tx[1]}
    assert repo.paper("EPSON") is None
    repo.set_paper("EPSON", "a4")
    repo.set_paper("EPSON", "kontinu")
    assert repo.paper("EPSON") == "kontinu"
