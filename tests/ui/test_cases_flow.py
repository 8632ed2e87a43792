"""Penanganan Pinjaman Bermasalah driven as its users would: a clerk logs a home visit with a
promise, the member pays part of it, the timeline says "Sebagian"; a Manajer proposes hapus
buku, the Pengawas notes it, two different Pengurus approve, the loan is in the off-books
register."""

# ruff: noqa: F811 - pytest fixtures are imported by name and used as arguments
from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.collection.decision_models import DecisionStatus
from app.collection.models import (
    Channel,
    ContactDraft,
    LetterDraft,
    LetterKind,
    MetRole,
    PromiseStatus,
)
from app.documents.register import Issued
from app.loans.models import LoanStatus
from app.members.models import Member
from app.services import Services
from app.users.models import User
from tests.app.collection.conftest import People, make_loan, member, people  # noqa: F401
from tests.ui.loans_fixtures import answered  # noqa: F401
from ui.dialogs.contact_dialog import ContactDialog
from ui.dialogs.decision_dialog import DecisionDialog
from ui.dialogs.payment_dialog import PaymentDialog
from ui.dialogs.writeoff_dialog import WriteoffDialog
from ui.models.cases_model import CaseColumn
from ui.models.collection_reports_model import OffbookColumn
from ui.models.timeline_model import TimelineColumn
from ui.views.cases_view import CasesView
from ui.views.collection_reports_view import CollectionReportsView

# The offscreen platform cannot resize windows to their size hints; it says so as a warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

VISIT = date(2026, 6, 11)
W = date(2027, 3, 1)  # the loan (nothing paid since Feb 2026) has been Macet since Aug 2026


def cases_view(qtbot: QtBot, services: Services, user: User, today: date) -> CasesView:
    view = CasesView(services, user)
    view.today = lambda: today
    qtbot.addWidget(view)
    view.resize(1300, 720)
    view.show()
    return view


def click(qtbot: QtBot, button: object) -> None:
    assert button.isEnabled(), button.toolTip()  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def promise_titles(view: CasesView) -> list[str]:
    model = view.detail.timeline_model
    return [model.display(r, TimelineColumn.TITLE) for r in model.rows() if r.source == "janji"]


def test_home_visit_with_a_promise_paid_in_part_shows_sebagian(
    qtbot: QtBot,
    services: Services,
    people: People,
    member: Member,
    answered: list[tuple[str, str]],
) -> None:
    loan = make_loan(services, people, member)
    [case] = services.cases.open_due_cases(date(2026, 6, 10))
    view = cases_view(qtbot, services, people.staf, VISIT)
    assert view.current_case_id() == case.id

    click(qtbot, view.detail.contact_button)
    dialog = view.dialog
    assert isinstance(dialog, ContactDialog)
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("kunjungan_rumah"))
    qtbot.keyClicks(dialog.said_edit, "Warung sepi sejak pasar dipindah")
    dialog.causes.boxes["usaha_gagal"].setChecked(True)
    qtbot.keyClicks(dialog.agreed_edit, "Membayar Rp1.000.000 paling lambat 20 Juni")
    qtbot.keyClicks(dialog.next_edit, "Cek pembayaran")
    dialog.promise_box.setChecked(True)
    qtbot.keyClicks(dialog.amount_edit, "1000000")
    qtbot.keyClicks(dialog.due_edit, "20-06-2026")
    click(qtbot, dialog.save_button)  # refused: a next step needs its date
    assert view.dialog is dialog and dialog.errors.message("next_step_date")
    assert dialog.said_edit.toPlainText() == "Warung sepi sejak pasar dipindah"  # kept
    qtbot.keyClicks(dialog.next_date, "20-06-2026")
    click(qtbot, dialog.save_button)
    assert view.dialog is None and dialog.saved is not None
    assert dialog.saved.channel == Channel.KUNJUNGAN_RUMAH and dialog.saved.met_name == member.name
    assert any("Menunggu" in t for t in promise_titles(view))
    assert view.detail.values["causes"].text() == "Usaha gagal / omzet turun"

    view.today = lambda: date(2026, 6, 18)
    view.reload()
    click(qtbot, view.detail.pay_button)
    pay = view.dialog
    assert isinstance(pay, PaymentDialog)
    qtbot.keyClicks(pay.amount_edit, "400000")
    click(qtbot, pay.save_button)
    assert pay.saved is not None and pay.saved.amount == 400_000

    view.today = lambda: date(2026, 6, 21)  # the promised date has passed
    view.reload()
    [title] = promise_titles(view)
    assert title.startswith("Janji bayar Rp1.000.000") and ": Sebagian" in title
    assert "Terbayar Rp400.000" in title
    row = view.model.row_of(case.id)
    assert row is not None
    assert view.model.display(view.model.row_at(row), CaseColumn.PROMISE).startswith("Sebagian")
    assert (
        view.detail.timeline_model.status_of(
            next(r for r in view.detail.timeline_model.rows() if r.source == "janji")
        )
        == PromiseStatus.SEBAGIAN
    )
    assert services.loans.get(loan.id).status == LoanStatus.AKTIF


def _ready_for_writeoff(services: Services, people: People, case_id: int) -> None:
    sent = {"SP1": date(2026, 4, 6), "SP2": date(2026, 4, 20), "SP3": date(2026, 5, 4)}
    for kind, on in sent.items():
        services.contacts.record_letter(
            people.staf,
            case_id,
            LetterDraft(
                kind=LetterKind(kind),
                letter_date=on,
                number=f"00{kind[-1]}",
                sent_on=on,
                delivery_method="diantar",
                received_by="Istri",
            ),
            today=on,
        )
    services.contacts.record(
        people.staf,
        ContactDraft(
            case_id=case_id,
            contact_at=datetime(2026, 5, 12, 15, 0),
            channel=Channel.KUNJUNGAN_RUMAH,
            met_role=MetRole.KELUARGA,
            met_name="Bu Sumiati (ibu)",
            member_said="Anggota merantau ke Surabaya",
        ),
        today=date(2026, 5, 12),
    )


def _decide(qtbot: QtBot, view: CasesView, button_name: str, note: str) -> DecisionDialog:
    panel = view.detail.decisions
    click(qtbot, getattr(panel, button_name))
    dialog = view.dialog
    assert isinstance(dialog, DecisionDialog)
    qtbot.keyClicks(dialog.note_edit, note)
    click(qtbot, dialog.save_button)
    assert view.dialog is None, dialog.errors.general.text()  # type: ignore[union-attr]
    return dialog


def test_hapus_buku_proposed_noted_approved_twice_lands_in_the_off_books_register(
    qtbot: QtBot,
    services: Services,
    people: People,
    member: Member,
    answered: list[tuple[str, str]],
) -> None:
    loan = make_loan(services, people, member)
    [case] = services.cases.open_due_cases(date(2026, 4, 1))
    _ready_for_writeoff(services, people, case.id)

    manajer = cases_view(qtbot, services, people.manajer, W)
    click(qtbot, manajer.detail.writeoff_button)
    dialog = manajer.dialog
    assert isinstance(dialog, WriteoffDialog) and dialog.check is not None and dialog.check.ok
    assert "Semua syarat terpenuhi" in dialog.verdict.text()
    qtbot.keyClicks(dialog.reason_edit, "Anggota merantau, tiga kali dikunjungi tanpa hasil")
    click(qtbot, dialog.save_button)
    assert dialog.saved is not None
    decision = dialog.saved
    panel = manajer.detail.decisions
    assert manajer.detail.tabs.currentWidget() is panel and panel.selected() == decision
    assert not panel.approve_button.isEnabled()  # a Manajer never approves
    assert "Ketua/Pengurus" in panel.approve_button.toolTip()

    pengawas = cases_view(qtbot, services, people.pengawas, W)
    pengawas.show_case(case.id, decision.id)
    assert not pengawas.detail.decisions.approve_button.isEnabled()
    _decide(qtbot, pengawas, "note_button", "Sudah diperiksa, syarat lengkap.")

    ketua = cases_view(qtbot, services, people.ketua, W)
    ketua.show_case(case.id, decision.id)
    assert ketua.detail.decisions.approve_button.isEnabled()
    _decide(qtbot, ketua, "approve_button", "Setuju, sesuai rapat pengurus")
    assert services.loans.get(loan.id).status == LoanStatus.AKTIF  # one approval is not enough
    assert not ketua.detail.decisions.approve_button.isEnabled()
    assert "Pengurus lain" in ketua.detail.decisions.why.text()

    bendahara = cases_view(qtbot, services, people.bendahara, W)
    bendahara.show_case(case.id, decision.id)
    _decide(qtbot, bendahara, "approve_button", "Setuju")
    assert any("DIHAPUS BUKU" in text for _title, text in answered)  # the consequence, named
    done = services.decisions.get(decision.id)
    assert done.status == DecisionStatus.DILAKSANAKAN
    assert services.loans.get(loan.id).status == LoanStatus.HAPUS_BUKU
    assert bendahara.detail.status_badge.text() == "Hapus Buku"
    assert bendahara.detail.quality_badge.text() == "Hapus Buku"

    reports = CollectionReportsView(services, people.ketua)
    reports.today = lambda: W
    qtbot.addWidget(reports)
    reports.offbook_on.set_value(W)
    reports.show()
    reports.show_offbook()
    model = reports.offbook.model
    assert model.rowCount() == 1
    entry = model.row_at(0)
    assert entry.loan_id == loan.id
    assert model.display(entry, OffbookColumn.POKOK) == "Rp6.000.000"
    assert model.display(entry, OffbookColumn.STATUS) == "Masih ditagih"
    assert "1 pinjaman dihapus buku" in reports.offbook.total.text()

    shown: list[Issued] = []
    reports.show_pdf = shown.append  # type: ignore[method-assign]  # no preview window here
    click(qtbot, reports.print_dhb)  # the RAT annex of the book year 2027
    [issued] = shown
    assert issued.row.kind == "daftar_hapus_buku" and issued.pdf.startswith(b"%PDF")
