"""Shared helpers of the passbook tests: a small book model and the clerk's print run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from app.passbook.engine import After
from app.passbook.layout import DEFAULT_PASSBOOK, Layout, Position
from app.passbook.service import BookJob
from app.services import Services
from app.users.models import User

SMALL = DEFAULT_PASSBOOK.with_(
    name="Buku kecil uji", lines_per_page=4, fold_after=2, fold_skip=1, pages=2
)


def use_small_model(services: Services, actor: User, layout: Layout = SMALL) -> int:
    model_id = services.passbooks.models("buku")[0][0]
    return services.passbooks.save_model(actor, model_id, "buku", layout)


@dataclass
class Printed:
    book: str
    position: Position
    y: Decimal
    source: int | None
    code: str
    balance: int


def print_run(
    services: Services,
    actor: User,
    member_id: int,
    max_pages: int | None = None,
    on_page: Callable[[BookJob], None] | None = None,
) -> tuple[list[Printed], list[After]]:
    """What the counter does: print page after page, turning pages and taking a new book when
    asked, until nothing is left (or `max_pages` pages came out)."""
    out: list[Printed] = []
    prompts: list[After] = []
    pages = 0
    if services.passbooks.current_book(member_id) is None:
        services.passbooks.issue_book(actor, member_id, "baru")
    while max_pages is None or pages < max_pages:
        job = services.passbooks.job(member_id)
        if job is None:
            if services.passbooks.status(member_id).full and services.passbooks.pending(member_id):
                services.passbooks.issue_book(actor, member_id, "penuh")
                continue
            break
        if on_page:
            on_page(job)
        for line, entry in job.page.lines:
            out.append(
                Printed(
                    job.book.number,
                    Position(job.page.page, line),
                    job.layout.line_y(line),
                    entry.source_id,
                    entry.code,
                    entry.balance,
                )
            )
        services.passbooks.record(actor, job)
        prompts.append(job.page.after)
        pages += 1
    return out, prompts
