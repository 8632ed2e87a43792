"""The member list model (paged from SQL) and the savings history model."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.members.models import MemberStatus
from app.savings.models import SavingsKind
from app.services import Services
from app.users.models import User
from tests.conftest import make_member
from ui.models.base import ID_ROLE, SORT_ROLE
from ui.models.members_model import MemberColumn, MembersModel
from ui.models.savings_model import HistoryColumn, SavingsHistoryModel

TODAY = date(2026, 11, 26)
NAMES = ["Bambang Wijaya", "Ahmad Fauzi", "Dewi Lestari", "Citra Kirana", "Eko Prasetyo"]


@pytest.fixture
def five(services: Services, ketua: User) -> list[int]:
    ids = []
    for n, name in enumerate(NAMES, start=1):
        sex = "L" if name.split()[0] in ("Bambang", "Ahmad", "Eko") else "P"
        member = make_member(
            services, ketua, name=name, sex=sex, serial=n, phone=f"0812-0000-{n:04d}",
            join_date=date(2020, n, 6),
        )  # fmt: skip
        services.savings.deposit(
            ketua, member.id, SavingsKind.WAJIB, 10_000 * (6 - n), date(2021, 1, 1), today=TODAY
        )
        ids.append(member.id)
    return ids


def display(model: MembersModel, row: int, column: MemberColumn) -> str:
    return str(model.data(model.index(row, column)))


def test_display_formats_and_sort_role(qtmodeltester, services: Services, five: list[int]) -> None:
    model = MembersModel(services.members)
    model.search("")
    qtmodeltester.check(model)
    assert model.rowCount() == 5 and model.total == 5
    assert [display(model, r, MemberColumn.NAME) for r in range(5)] == sorted(NAMES)
    row = model.row_of(five[1])  # Ahmad Fauzi: serial 2, deposit Rp40.000
    assert row == 0
    assert display(model, row, MemberColumn.NUMBER) == "00002"
    nik = display(model, row, MemberColumn.NIK)
    assert nik.startswith("3576") and "•" in nik and nik.endswith("0002")
    assert display(model, row, MemberColumn.PHONE) == "0812-0000-0002"
    assert display(model, row, MemberColumn.KELURAHAN) == "Gedongan"
    assert display(model, row, MemberColumn.STATUS) == "Aktif"
    assert display(model, row, MemberColumn.JOIN_DATE) == "06-02-2020"
    assert display(model, row, MemberColumn.SAVINGS) == "Rp40.000"
    savings = model.index(row, MemberColumn.SAVINGS)
    assert model.data(savings, SORT_ROLE) == 40_000
    assert model.data(model.index(row, MemberColumn.JOIN_DATE), SORT_ROLE) == "2020-02-06"
    assert model.data(savings, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(savings, ID_ROLE) == five[1]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in MemberColumn]
    assert headers == [
        "No. Anggota", "Nama", "NIK", "Telepon", "Kelurahan", "Status", "Tgl Masuk",
        "Total Simpanan",
    ]  # fmt: skip


def test_search_and_status_filter(services: Services, ketua: User, five: list[int]) -> None:
    model = MembersModel(services.members)
    model.search("dewi")
    assert [model.row_at(r).id for r in range(model.rowCount())] == [five[2]]
    model.search("0812-0000-0005")
    assert [model.row_at(r).name for r in range(model.rowCount())] == ["Eko Prasetyo"]
    services.members.change_status(
        ketua, five[0], MemberStatus.KELUAR, date(2026, 1, 1), "Pindah", today=TODAY
    )
    model.search("", MemberStatus.KELUAR)
    assert model.total == 1 and model.row_at(0).name == "Bambang Wijaya"
    grey = model.data(model.index(0, MemberColumn.NAME), Qt.ItemDataRole.ForegroundRole)
    assert grey is not None
    model.search("tidak ada orangnya")
    assert model.rowCount() == 0 and model.total == 0


def test_pages_are_fetched_as_the_list_scrolls(
    qtmodeltester, services: Services, five: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MembersModel, "PAGE", 2)
    model = MembersModel(services.members)
    model.search("")
    assert (model.rowCount(), model.total) == (2, 5)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 4
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 5 and not model.canFetchMore(QModelIndex())
    assert [model.row_at(r).name for r in range(5)] == sorted(NAMES)
    model.search("")
    qtmodeltester.check(model)


def test_sorting_uses_every_match_not_only_the_loaded_page(
    services: Services, five: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MembersModel, "PAGE", 2)
    model = MembersModel(services.members)
    model.search("")
    model.sort(MemberColumn.SAVINGS, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 5
    assert [model.row_at(r).savings_total for r in range(5)] == [
        50_000, 40_000, 30_000, 20_000, 10_000
    ]  # fmt: skip
    model.sort(MemberColumn.JOIN_DATE, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).id for r in range(5)] == five
    # A new search keeps the chosen order.
    model.search("a")
    assert [model.row_at(r).join_date.month for r in range(model.rowCount())] == sorted(
        model.row_at(r).join_date.month for r in range(model.rowCount())
    )
    # Back to name order: paged again.
    model.sort(MemberColumn.NAME, Qt.SortOrder.AscendingOrder)
    model.search("")
    assert model.rowCount() == 2 and model.row_at(0).name == "Ahmad Fauzi"


def test_history_model_marks_cancelled_rows(qtmodeltester, services: Services, ketua: User) -> None:
    member = make_member(services, ketua)
    sv = services.savings
    first = sv.deposit(ketua, member.id, SavingsKind.WAJIB, 50_000, date(2026, 1, 5), today=TODAY)
    sv.deposit(
        ketua, member.id, SavingsKind.SUKARELA, 20_000, date(2026, 2, 1), method="transfer",
        note="lewat BRI", today=TODAY,
    )  # fmt: skip
    sv.withdraw(ketua, member.id, SavingsKind.SUKARELA, 5_000, date(2026, 3, 1), today=TODAY)
    reversal = sv.reverse(ketua, first.id, "Salah anggota", today=TODAY)
    model = SavingsHistoryModel()
    model.set_rows(sv.history(member.id))
    qtmodeltester.check(model)
    assert model.rowCount() == 4

    def cell(row: int, column: HistoryColumn) -> str:
        return str(model.data(model.index(row, column)))

    # Newest first: the reversal (dated today), the withdrawal, the transfer, the original.
    assert cell(0, HistoryColumn.TYPE) == "Pembatalan"
    assert cell(0, HistoryColumn.AMOUNT) == "-Rp50.000"
    assert f"membatalkan {first.receipt_no}" in cell(0, HistoryColumn.NOTE)
    assert "alasan: Salah anggota" in cell(0, HistoryColumn.NOTE)
    assert cell(1, HistoryColumn.AMOUNT) == "-Rp5.000"
    assert cell(2, HistoryColumn.NOTE) == "Transfer · lewat BRI"
    assert cell(2, HistoryColumn.KIND) == "Sukarela"
    assert cell(3, HistoryColumn.DATE) == "05-01-2026"
    assert cell(3, HistoryColumn.RECEIPT) == first.receipt_no
    assert cell(3, HistoryColumn.NOTE).startswith(f"dibatalkan ({reversal.receipt_no})")
    font = model.data(model.index(3, HistoryColumn.AMOUNT), Qt.ItemDataRole.FontRole)
    assert font is not None and font.strikeOut()
    assert model.data(model.index(2, HistoryColumn.AMOUNT), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(3, HistoryColumn.AMOUNT), SORT_ROLE) == 50_000
    assert model.tx_at(3).id == first.id and model.row_of(reversal.id) == 0
