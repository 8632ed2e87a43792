"""The bilyet of a simpanan berjangka placement, from the services."""

from __future__ import annotations

from datetime import date

from app.documents.bilyet import Bilyet
from app.documents.parties import member_party
from app.services import Services


def bilyet(services: Services, deposit_id: int, on: date) -> Bilyet:
    """The bilyet of placement `deposit_id` dated `on` (its number comes from the register)."""
    d = services.berjangka.get(deposit_id)
    return Bilyet(
        nomor="",
        doc_date=on,
        member=member_party(services.members.get(d.member_id)),
        account_number=d.display_number,
        principal=d.principal,
        term_months=d.term_months,
        rate=d.rate,
        start_on=d.start_on,
        maturity_on=d.maturity_on,
        jasa_text=d.jasa_mode.label,
        aro=d.aro,
        penalty_percent=services.berjangka.penalty_percent(),
    )
