"""Simpanan berjangka in the books' checks: `mufakat check` is silent after opening, jasa,
roll-over, payout and early withdrawal (every record booked, 2102 = Σ open principal, each
journal re-derivable), and names a placement written round the service; the month-close
checklist asks for the month's jasa and ties 2102."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from app.savings.berjangka import JasaMode
from app.services import Services
from app.storage.check import check_database
from app.users.models import Role
from tests.conftest import make_member, make_user

TODAY = date(2026, 11, 26)


def _busy_file(services: Services) -> None:
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    staf = make_user(services, Role.MANAJER, "manajer", "Rina Manajer")
    member = make_member(services, ketua)
    other = make_member(services, ketua, name="Agus Salim", serial=2)
    bj = services.berjangka
    bj.open(staf, member.id, 60_000_000, 12, date(2026, 1, 10), today=TODAY)
    bj.open(staf, other.id, 2_000_000, 1, date(2026, 1, 31), aro=True, today=TODAY)
    quick = bj.open(
        staf,
        other.id,
        1_000_000,
        3,
        date(2026, 1, 2),
        jasa_mode=JasaMode.JATUH_TEMPO,
        today=TODAY,
    )
    early = bj.open(staf, member.id, 5_000_000, 6, date(2026, 2, 3), today=TODAY)
    for month in (1, 2, 3, 4):
        services.berjangka_month_end.run(staf, 2026, month)
    bj.pay_out(staf, quick.id, date(2026, 4, 2), "sukarela", today=TODAY)
    bj.withdraw_early(staf, early.id, date(2026, 4, 20), "tunai", ketua, "Biaya sekolah", TODAY)


def test_check_is_silent_on_a_sound_file(services: Services, db_path: Path) -> None:
    _busy_file(services)
    services.close()
    report = check_database(db_path)
    assert report.problems == []


def test_check_names_a_placement_without_journal(services: Services, db_path: Path) -> None:
    _busy_file(services)
    member_id = services.db.scalar("SELECT min(id) FROM members")
    services.close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO berjangka_deposits (number, period, member_id, start_on, maturity_on,"
            " principal, term_months, rate, jasa_mode, aro, method, created_at) VALUES"
            " ('SB-X', 1, ?, '2026-03-01', '2026-04-01', 750000, 1, '5', 'bulanan', 0, 'tunai',"
            " '2026-03-01T10:00:00')",
            (member_id,),
        )
    conn.close()
    text = "\n".join(check_database(db_path).problems)
    assert "simpanan berjangka tanpa jurnal: 1 (Penempatan simpanan berjangka SB-X)" in text
    assert "rincian (pokok simpanan berjangka yang masih berjalan)" in text


def test_month_close_checklist_asks_for_the_jasa_and_ties_2102(services: Services) -> None:
    ketua = make_user(services, Role.PENGURUS, "ketua", "Budi Santoso")
    member = make_member(services, ketua)
    services.berjangka.open(ketua, member.id, 10_000_000, 6, date(2026, 1, 5), today=TODAY)
    items = {i.key: i for i in services.closing.checklist(2026, 1)}
    assert not items["berjangka_jasa"].ok
    assert "jasa bulan 2026-01 belum dibayar" in items["berjangka_jasa"].detail
    assert items["simpanan_berjangka"].ok
    services.berjangka_month_end.run(ketua, 2026, 1)
    items = {i.key: i for i in services.closing.checklist(2026, 1)}
    assert items["berjangka_jasa"].ok and items["belum_dibukukan"].ok
