"""Small, fixed document inputs shared by the document tests (a member with a hostile name,
a loan, arrears) so each test states only what it is about."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.documents import sp_letters
from app.documents.parties import ArrearsFigures, LoanRef, MemberParty
from app.documents.sp_letters import SpLetter

HOSTILE = 'Ni\'mah & <Putra> "Sari"'
ADDRESS = "Jl. Mawar 12 RT 003/RW 004, Kel. Gedongan, Kec. Magersari, Kota Mojokerto"


def member(**overrides: object) -> MemberParty:
    values: dict[str, object] = {
        "id": None,
        "number": "00123",
        "name": HOSTILE,
        "nik": "3576014403850001",
        "sex": "P",
        "address": ADDRESS,
        "phone": "+6281234567890",
        "occupation": "Pedagang",
        "spouse_name": "Ahmad Fauzi",
    }
    values.update(overrides)
    return MemberParty(**values)  # type: ignore[arg-type]


def loan(**overrides: object) -> LoanRef:
    values: dict[str, object] = {
        "id": None,
        "number": "045/KSP-GR/PK/III/2025",
        "agreement_date": date(2025, 3, 10),
        "amount": 10_000_000,
        "months": 24,
        "monthly_rate": Decimal("1.5"),
        "method": "Flat",
        "purpose": "Modal warung",
        "product": "Pinjaman Umum",
        "first_due": date(2025, 4, 10),
    }
    values.update(overrides)
    return LoanRef(**values)  # type: ignore[arg-type]


def arrears(**overrides: object) -> ArrearsFigures:
    values: dict[str, object] = {
        "as_of": date(2026, 11, 26),
        "installments_missed": 3,
        "pokok": 1_250_000,
        "jasa": 450_000,
        "denda": 87_500,
        "outstanding": 6_000_000,
        "days_past_due": 95,
        "quality": "Kurang Lancar",
    }
    values.update(overrides)
    return ArrearsFigures(**values)  # type: ignore[arg-type]


def sp(level: int = 1, on: date = date(2026, 11, 26), **member_overrides: object) -> SpLetter:
    return sp_letters.sp_letter(
        level,
        member(**member_overrides),
        loan(),
        arrears(),
        on=on,
        contact_name="Sri Wahyuningsih",
        contact_phone="0812-3456-7890",
        previous=(
            sp_letters.PreviousLetter("012/KSP-GR/SP-1/X/2026", date(2026, 10, 20)),
            sp_letters.PreviousLetter("007/KSP-GR/SP-2/XI/2026", date(2026, 11, 5)),
        ),
    )
