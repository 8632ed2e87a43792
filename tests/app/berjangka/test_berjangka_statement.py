"""The savings statement shows the member's simpanan berjangka of the period (principal, jasa
and PPh paid in the period, status at its end), the jasa credited to sukarela as a receipt
line, and the PDF prints the section."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.documents.statement_pdf import render_savings_statement
from app.savings.berjangka import JasaMode
from app.savings.models import SavingsKind
from app.savings.statement import build_savings_statement
from app.services import Services
from app.users.models import User
from tests.conftest import make_member

TODAY = date(2026, 11, 26)


def test_statement_lists_berjangka_and_the_jasa_line(
    services: Services, ketua: User, tmp_path: Path
) -> None:
    member = make_member(services, ketua)
    bj = services.berjangka
    big = bj.open(ketua, member.id, 60_000_000, 12, date(2026, 1, 31), today=TODAY)
    done = bj.open(
        ketua, member.id, 1_000_000, 1, date(2026, 1, 5), jasa_mode=JasaMode.JATUH_TEMPO,
        today=TODAY,
    )  # fmt: skip
    bj.pay_out(ketua, done.id, date(2026, 2, 5), "sukarela", today=TODAY)
    old = bj.open(ketua, member.id, 500_000, 1, date(2025, 1, 5), today=TODAY)
    bj.pay_out(ketua, old.id, date(2025, 2, 5), today=TODAY)  # before the period: left out
    for month in (2, 3):
        services.berjangka_month_end.run(ketua, 2026, month)
    statement = build_savings_statement(
        services.savings, member, date(2026, 1, 1), date(2026, 3, 31), TODAY, berjangka=bj
    )
    lines = {b.number: b for b in statement.berjangka}
    assert set(lines) == {big.number, done.number}
    events = bj.events(big.id)
    assert lines[big.number].jasa == sum(e.jasa for e in events) > 240_000
    assert lines[big.number].tax == sum(e.tax for e in events) > 0
    assert lines[big.number].running and not lines[done.number].running
    assert lines[done.number].status == "Pencairan jatuh tempo 05-02-2026"
    assert statement.berjangka_running == 60_000_000
    jasa = [x for x in statement.lines_of(SavingsKind.SUKARELA) if "Jasa" in x.description]
    assert jasa and jasa[0].description.startswith("Setoran (jasa simpanan berjangka)")
    path = render_savings_statement(
        statement, services.settings.profile(), tmp_path / "rekening.pdf", False
    )
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Simpanan Berjangka" in text and big.number in text and "60.000.000" in text
