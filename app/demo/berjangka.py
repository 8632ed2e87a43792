"""The demo cooperative's simpanan berjangka (issue 13 §6): a few members with placements of
each term, jasa paid monthly by the month-end job (one member's jasa above Rp240.000 a month,
so PPh 4(2) is withheld), one rolled over (ARO), one paid out at maturity and one withdrawn
early with the Ketua's authorisation. Written through the services, so every record posts its
journal."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from app.formats import add_months
from app.members.models import MemberStatus
from app.money import format_number
from app.savings.berjangka import JasaMode
from app.services import Services
from app.users.models import User

# (principal, term, months before today it started, jasa mode, ARO)
PLACEMENTS = (
    (60_000_000, 12, 10, JasaMode.BULANAN, False),  # ≈ Rp300.000 a month: PPh withheld
    (25_000_000, 6, 8, JasaMode.JATUH_TEMPO, True),  # rolled over once
    (10_000_000, 3, 7, JasaMode.JATUH_TEMPO, False),  # paid out at maturity
    (15_000_000, 12, 5, JasaMode.BULANAN, False),  # withdrawn early
    (5_000_000, 1, 4, JasaMode.BULANAN, True),  # a one-month ARO, rolled over monthly
    (2_500_000, 3, 2, JasaMode.BULANAN, False),
)


def _month_ends(start: date, today: date) -> list[tuple[int, int]]:
    months, on = [], date(start.year, start.month, 1)
    while add_months(on, 1) <= today:
        months.append((on.year, on.month))
        on = add_months(on, 1)
    return months


def _deposit_pph(services: Services, actor: User, year: int, month: int, today: date) -> None:
    """The Bendahara deposits the month's PPh 4(2) on the 10th of the next month."""
    key = f"{year:04d}-{month:02d}"
    reports = services.pph_reports
    paid_on = add_months(date(year, month, 10), 1)
    if paid_on <= today and reports.total(key)[1] > 0 and reports.deposited(key) is None:
        reports.deposit(actor, key, paid_on, "transfer", f"NTPN-{key}", today=today)


def add_demo_berjangka(
    services: Services, rng: random.Random, today: date, say: Callable[[str], None]
) -> str:
    say("Simpanan berjangka contoh …")
    users = {u.username: u for u in services.users.all()}
    staf, ketua = users["manajer"], users["ketua"]
    members = [
        m
        for m in services.members.search(status=MemberStatus.AKTIF, limit=400)
        if m.join_date < add_months(today, -12)
    ]
    if len(members) < len(PLACEMENTS):
        return ""
    chosen = rng.sample(members, len(PLACEMENTS))
    bj = services.berjangka
    opened = []
    for member, (amount, term, back, mode, aro) in zip(chosen, PLACEMENTS, strict=True):
        start = add_months(today, -back).replace(day=min(28, 1 + rng.randrange(27)))
        method = rng.choice(("tunai", "transfer"))
        opened.append(
            bj.open(
                staf,
                member.id,
                amount,
                term,
                start,
                method,
                jasa_mode=mode,
                aro=aro,
                aro_jasa=aro and mode == JasaMode.JATUH_TEMPO,
                today=today,
            )
        )
    first = min(d.start_on for d in opened)
    early = opened[3]
    for year, month in _month_ends(first, today):
        services.berjangka_month_end.run(staf, year, month)
        end = add_months(date(year, month, 1), 1) - timedelta(days=1)
        payout = bj.get(opened[2].id)
        if payout.is_open and payout.maturity_on <= end:
            bj.pay_out(staf, payout.id, payout.maturity_on, "tunai", today=today)
        if early.start_on + timedelta(days=75) <= end and bj.get(early.id).is_open:
            bj.withdraw_early(
                staf,
                early.id,
                early.start_on + timedelta(days=75),
                "transfer",
                ketua,
                "Anggota membutuhkan dana untuk biaya sekolah anak",
                today=today,
            )
        _deposit_pph(services, staf, year, month, today)
    count = sum(len(bj.of_member(m.id)) for m in chosen)
    return f"Simpanan berjangka: {format_number(count)} penempatan pada {len(chosen)} anggota."
