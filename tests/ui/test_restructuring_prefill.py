# ruff: noqa: F811 - pytest fixtures are imported by name and used as arguments
"""The restructuring wizard starts from the terms in force: after a Persyaratan Kembali to
1,25 %, a new proposal pre-fills 1,25 % (issue 10 item 7)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.collection.decision_models import RestructuringKind
from app.members.models import Member
from app.services import Services
from tests.app.collection.conftest import People, member, people  # noqa: F401
from tests.app.collection.test_restructuring_current_terms import (  # noqa: F401
    LATER,
    reconditioned,
)
from ui.dialogs.restructuring_wizard import RestructuringWizard

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen platform


def test_wizard_prefills_the_current_terms(
    qtbot: QtBot, services: Services, people: People, member: Member, reconditioned: int
) -> None:
    [case] = services.case_list.cases_of_loan(reconditioned)
    wizard = RestructuringWizard(services, people.manajer, case, LATER)
    qtbot.addWidget(wizard)
    assert wizard.terms_page.rate.text() == "1,25"
    assert wizard.terms_page.months.value() == 18
    assert RestructuringKind.PENJADWALAN in wizard.kind_page.radios
