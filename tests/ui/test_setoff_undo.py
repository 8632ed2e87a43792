"""A set-off carried out is cancelled from its decision as a whole (Keputusan → Batalkan
Kompensasi…): its savings withdrawals and its loan payment together, 1114 back at zero."""

# ruff: noqa: F811 - pytest fixtures are imported by name and used as arguments
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from app.members.models import Member
from app.savings.models import SavingsKind
from app.services import Services
from tests.app.collection.conftest import People, member, people  # noqa: F401
from tests.app.collection.test_setoff_settlement import CONSENT, D, case_id  # noqa: F401
from ui.views.cases_view import CasesView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_undo_setoff_button_cancels_both_halves(
    qtbot: QtBot,
    services: Services,
    people: People,
    member: Member,
    case_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sukarela = services.savings.balances(member.id, D).of(SavingsKind.SUKARELA)
    decision = services.setoff.propose(
        people.manajer, case_id, D, {"sukarela": 650_000, "wajib": 400_000}, CONSENT, D
    )
    services.decisions.approve(people.ketua, decision.id, "Sesuai pernyataan", D, D)
    view = CasesView(services, people.ketua)
    view.today = lambda: D  # type: ignore[method-assign]
    qtbot.addWidget(view)
    view.show()
    view.show_case(case_id, decision.id)
    panel = view.detail.decisions
    assert panel.selected() is not None and panel.selected().id == decision.id  # type: ignore[union-attr]
    assert panel.undo_setoff_button.isVisible() and panel.undo_setoff_button.isEnabled()
    assert not panel.approve_button.isVisible()
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(args[2]))
        return "anggota membatalkan", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    qtbot.mouseClick(panel.undo_setoff_button, Qt.MouseButton.LeftButton)
    assert asked and decision.number in asked[0]
    assert services.setoff.halves(services.decisions.get(decision.id)) == ([], [])
    assert services.ledger.repo.balance(["1114"]) == 0
    assert services.savings.balances(member.id, D).of(SavingsKind.SUKARELA) == sukarela
