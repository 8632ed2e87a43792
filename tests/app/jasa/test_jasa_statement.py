"""The member's statement and panel show the jasa lines and the PPh: the line says the month,
the gross and the PPh and carries the net; the statement sums the period's jasa; the PDF says
it; the panel's list names the line "Jasa simpanan" and it cannot be cancelled there."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.documents.statement_pdf import render_savings_statement
from app.savings.models import SavingsKind
from app.savings.statement import build_savings_statement
from app.services import Services
from tests.conftest import admin_user, make_member

TODAY = date(2026, 11, 26)


def test_statement_shows_jasa_and_pph(services: Services, tmp_path: Path) -> None:
    admin = admin_user(services)
    services.settings.set(admin, "savings.jasa_sukarela_rate", "6")
    member = make_member(services, admin)
    services.savings.deposit(
        admin, member.id, SavingsKind.SUKARELA, 100_000_000, date(2025, 12, 1), today=TODAY
    )
    services.jasa.credit_month(admin, date(2026, 1, 31), today=TODAY)
    services.jasa.credit_month(admin, date(2026, 2, 28), today=TODAY)
    jasa = services.jasa.member_lines(member.id)
    st = build_savings_statement(
        services.savings, member, date(2026, 2, 1), date(2026, 2, 28), TODAY, jasa
    )
    (line,) = st.lines
    # February: (100 juta + January's 450.000) × 6 % ÷ 12 = 502.250; PPh 50.225
    assert line.description == "Jasa simpanan Februari 2026: bruto Rp502.250, PPh 4(2) Rp50.225"
    assert (line.deposit, line.withdrawal) == (452_025, 0)
    assert (st.jasa_gross, st.jasa_tax) == (502_250, 50_225)
    whole = build_savings_statement(
        services.savings, member, date(2026, 1, 1), date(2026, 2, 28), TODAY, jasa
    )
    assert (whole.jasa_gross, whole.jasa_tax) == (1_002_250, 100_225)
    pdf = render_savings_statement(st, services.settings.profile(), tmp_path / "r.pdf", False)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "PPh Pasal 4 ayat (2) dipotong Rp50.225" in text
    assert "dikreditkan Rp452.025" in text
    tx = services.savings.history(member.id)[-1]
    assert tx.is_jasa and tx.type_label == "Jasa simpanan"
