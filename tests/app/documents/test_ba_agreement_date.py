"""Issue 10 #11: a Berita Acara is dated and placed as the agreement it records (the contact
where it was agreed), and refused once the agreement's payment deadline has passed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app.collection.models import Channel
from app.documents.sources import agreements
from app.errors import ValidationError
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People
from tests.app.documents import scenario

AGREED = datetime(2026, 6, 9, 16, 0)
DUE = date(2026, 6, 30)


@pytest.mark.parametrize(
    ("channel", "place"),
    [
        (Channel.KUNJUNGAN_RUMAH, "rumah PIHAK KEDUA"),
        (Channel.KUNJUNGAN_USAHA, "tempat usaha PIHAK KEDUA"),
        (Channel.DI_KANTOR, "Kantor"),
        (Channel.TELEPON, "Kantor"),
    ],
)
def test_dated_and_placed_as_the_contact_whatever_the_printing_day(
    services: Services, people: People, member: Member, channel: Channel, place: str
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    contact_id = scenario.contact(
        services, people, case_id, AGREED, promise=(1_000_000, DUE), channel=channel
    )
    for printed in (AGREED.date(), date(2026, 6, 15), DUE):
        ba = agreements.berita_acara(services, case_id, printed, contact_id=contact_id)
        assert ba.doc_date == AGREED.date(), printed
        assert ba.place.lower().startswith(place.lower()), ba.place
    for late in (DUE + timedelta(days=1), DUE + timedelta(days=40)):
        with pytest.raises(ValidationError) as err:
            agreements.berita_acara(services, case_id, late, contact_id=contact_id)
        assert "30 Juni 2026" in err.value.message and "sudah lewat" in err.value.message


def test_decision_agreement_dated_at_the_contact_where_it_was_agreed(
    services: Services, people: People, member: Member
) -> None:
    _loan, case_id = scenario.loan_with_case(services, people, member)
    visit = datetime(2026, 6, 8, 10, 0)
    scenario.contact(services, people, case_id, visit, agreed="Setuju penataan kembali 18 bulan")
    decision = scenario.restructure(services, people, case_id)
    ba = agreements.berita_acara(services, case_id, scenario.D, decision_id=decision.id)
    assert ba.doc_date == visit.date() and ba.place.startswith("rumah PIHAK KEDUA")
    first_due = agreements.first_deadline(ba.agreement)
    assert first_due is not None
    with pytest.raises(ValidationError):
        agreements.berita_acara(
            services, case_id, first_due + timedelta(days=1), decision_id=decision.id
        )
