"""`mufakat samples`: buku_simpanan.pdf (two pages of a demo member's passbook, the lines as
they land on the book) and kartu_angsuran.pdf (a demo loan's card), printed through the
services as the counter would, in the temporary demo file."""

from __future__ import annotations

from pathlib import Path

from app.documents.buku_simpanan import PageLines, render_pages
from app.documents.kartu_angsuran import render_card
from app.services import Services
from app.users.models import User


def write_passbook_samples(services: Services, actor: User, out: Path) -> list[Path]:
    passbooks = services.passbooks
    member_id = passbooks.repo.busiest_member()
    assert member_id is not None
    if passbooks.current_book(member_id) is None:
        passbooks.issue_book(actor, member_id, "baru")
    pages: list[PageLines] = []
    while len(pages) < 2 and (job := passbooks.job(member_id)) is not None:
        pages.append([(n, e.texts()) for n, e in job.page.lines])
        passbooks.record(actor, job)
    book = passbooks.current_book(member_id)
    assert book is not None
    layout = passbooks.layout(book.model_id)
    first = out / "buku_simpanan.pdf"
    first.write_bytes(render_pages(layout, pages, watermark=True, title="Buku Simpanan"))

    cards = passbooks.cards()
    loan_id = cards.repo.busiest_loan()
    assert loan_id is not None
    sides: list[PageLines] = []
    while len(sides) < 2 and (card := cards.job(loan_id)) is not None:
        sides.append([(n, e.texts()) for n, e in card.page.lines])
        cards.record(actor, card)
    second = out / "kartu_angsuran.pdf"
    second.write_bytes(render_card(cards.layout, sides, watermark=True))
    return [first, second]
