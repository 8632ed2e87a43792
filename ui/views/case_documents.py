"""The documents of one problem-loan case, from app.documents.sources: Ringkasan Kasus,
SP1–SP3, Surat Panggilan, Berita Acara Kesepakatan and Surat Perjanjian / Addendum. Each is
issued through the register (letters noted in the case) and opened in the preview.

`case_document_actions(...)` gives them as QActions for any menu; `CaseDocuments` holds the
steps (and the forms some of them ask first) for screens that build their own menu."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from app.collection.decision_models import Decision
from app.collection.models import Contact
from app.documents import (
    berita_acara,
    kuitansi,
    panggilan,
    perjanjian,
    ringkasan_kasus,
    sp_letters,
)
from app.documents.kinds import SP_KINDS, DocKind
from app.documents.register import Issued
from app.documents.sources import agreements, cases, letters
from app.documents.sources import loans as loan_sources
from app.documents.sources.basics import office_place
from app.errors import AppError
from app.formats import format_date_short, in_sentence
from app.loans.models import LoanStatus
from app.services import Services
from app.users.models import User
from ui.dialogs.document_forms import ChoiceDialog, MeetingDialog
from ui.views.document_issuer import DocumentIssuer
from ui.widgets import messages

_COLLECTED = (LoanStatus.AKTIF, LoanStatus.HAPUS_BUKU)


def _decision_label(d: Decision) -> str:
    day = format_date_short(d.decided_on or d.proposed_on)
    return QCoreApplication.translate("CaseDocuments", "{kind} {number} ({day})").format(
        kind=d.kind.label, number=d.number, day=day
    )


def _contact_label(c: Contact) -> str:
    return QCoreApplication.translate("CaseDocuments", "Janji bayar saat {channel} {day}").format(
        channel=in_sentence(c.channel.label), day=format_date_short(c.contact_at.date())
    )


class CaseDocuments(DocumentIssuer):
    """Issue the case's documents; forms (Surat Panggilan, a choice of agreement) open
    without blocking and issue when confirmed. `dialog` is the form open now."""

    def __init__(
        self, parent: QWidget, services: Services, user: User, today: Callable[[], date]
    ) -> None:
        super().__init__(parent, services, user, today)
        self.dialog: QDialog | None = None

    # -- what can be made -----------------------------------------------------------------------
    def why_not(self, case_id: int | None, what: str) -> str:
        """'' when document `what` ('ringkasan', 'sp', 'panggilan', 'berita_acara',
        'perjanjian') can be made for the case now, else the reason in plain words."""
        if case_id is None:
            return self.tr("Pilih kasus dulu.")
        if not self.allowed:
            return self.tr("Peran Anda tidak boleh membuat surat.")
        coll = self.services
        case = coll.cases.get(case_id)
        loan = self.services.loans.get(case.loan_id)
        if what in ("berita_acara", "perjanjian"):
            has_decision = bool(agreements.agreement_decisions(self.services, case_id))
            if what == "perjanjian" and not has_decision:
                return self.tr(
                    "Belum ada restrukturisasi atau pelunasan dengan keringanan "
                    "yang disetujui untuk kasus ini."
                )
            if not has_decision and not agreements.agreed_contacts(self.services, case_id):
                return self.tr(
                    "Belum ada kesepakatan: keputusan restrukturisasi/pelunasan "
                    "yang disetujui, atau janji bayar di catatan kontak."
                )
            return ""
        if not case.status.is_open:
            return self.tr("Kasus ini sudah selesai.")
        if loan.status not in _COLLECTED:
            return self.tr("Pinjaman ini berstatus {status}.").format(status=loan.status.label)
        return ""

    # -- issuing ----------------------------------------------------------------------------------
    def ringkasan(self, case_id: int) -> Issued | None:
        return self.issue(
            DocKind.RINGKASAN_KASUS,
            lambda: cases.ringkasan(self.services, case_id, self.today()),
            ringkasan_kasus.render,
        )

    def sp(self, case_id: int, level: int, authorisation: str = "") -> Issued | None:
        """Warning letter `level`; out of order it needs a Pengurus' `authorisation` reason."""
        return self.issue(
            SP_KINDS[level],
            lambda: letters.sp_letter(self.services, case_id, level, self.today()),
            sp_letters.render,
            authorisation=authorisation,
        )

    def kuitansi_pemulihan(self, loan_id: int, event_id: int) -> Issued | None:
        """The kuitansi of a recovery payment on a written-off loan."""
        return self.issue(
            DocKind.KUITANSI_PINJAMAN,
            lambda: loan_sources.kuitansi_pemulihan(self.services, loan_id, event_id),
            kuitansi.render,
        )

    def panggilan(self, case_id: int, day: date, at: time, place: str) -> Issued | None:
        """Issue the Surat Panggilan (errors raised: the form shows them)."""
        data = letters.surat_panggilan(
            self.services, case_id, self.today(), meeting_date=day, meeting_time=at, place=place
        )
        return self.issue(DocKind.PANGGILAN, lambda: data, panggilan.render)

    def ask_panggilan(self, case_id: int) -> MeetingDialog:
        today = self.today()
        dialog = MeetingDialog(
            letters.default_meeting(today),
            office_place(self.services),
            lambda day, at, place: self.panggilan(case_id, day, at, place),
            self.widget,
        )
        return self._open(dialog)

    def berita_acara(
        self, case_id: int, decision_id: int | None = None, contact_id: int | None = None
    ) -> Issued | None:
        return self.issue(
            DocKind.BERITA_ACARA,
            lambda: agreements.berita_acara(
                self.services,
                case_id,
                self.today(),
                decision_id=decision_id,
                contact_id=contact_id,
            ),
            berita_acara.render,
        )

    def ask_berita_acara(self, case_id: int) -> ChoiceDialog | None:
        """The newest agreement at once when there is one; a choice when there are more."""
        decisions = agreements.agreement_decisions(self.services, case_id)
        contacts = agreements.agreed_contacts(self.services, case_id)
        options: list[tuple[str, int | None, int | None]] = [
            (_decision_label(d), d.id, None) for d in decisions
        ] + [(_contact_label(c), None, c.id) for c in contacts]
        if len(options) <= 1:
            if options:
                self.berita_acara(case_id, options[0][1], options[0][2])
            else:
                self.berita_acara(case_id)  # says why there is nothing to record
            return None

        def chosen(index: int) -> None:
            _label, decision_id, contact_id = options[index]
            self.berita_acara(case_id, decision_id, contact_id)

        dialog = ChoiceDialog(
            self.tr("Berita Acara Kesepakatan"),
            self.tr("Kesepakatan yang dicatat"),
            [label for label, _d, _c in options],
            chosen,
            self.widget,
        )
        return self._open(dialog)

    def perjanjian(self, case_id: int) -> Issued | None:
        """The Addendum (restructuring) or Surat Perjanjian (settlement) of the newest
        agreement decision of the case."""
        decisions = agreements.agreement_decisions(self.services, case_id)
        if not decisions:
            messages.warn(
                self.widget,
                self.tr("Dokumen tidak bisa dibuat"),
                self.why_not(case_id, "perjanjian"),
            )
            return None
        decision = decisions[0]
        return self.issue(
            DocKind.PERJANJIAN,
            lambda: agreements.perjanjian(self.services, decision.id, self.today()),
            perjanjian.render,
        )

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog


def case_document_actions(
    services: Services,
    user: User,
    case_id: int,
    parent: QWidget,
    today: Callable[[], date] = date.today,
) -> list[QAction]:
    """Actions for a case's Cetak menu: Ringkasan Kasus, SP1–SP3, Surat Panggilan…, Berita
    Acara…, Surat Perjanjian/Addendum. Each is disabled with the reason as its tooltip when
    it cannot be made; each opens the preview of the document issued."""
    docs = CaseDocuments(parent, services, user, today)
    found: list[QAction] = []

    def action(text: str, what: str, slot: Callable[[], object]) -> None:
        item = QAction(text, parent)
        try:
            why = docs.why_not(case_id, what)
        except AppError as exc:
            why = exc.message
        item.setEnabled(not why)
        item.setToolTip(why)
        item.triggered.connect(lambda _checked=False: slot())
        found.append(item)

    action(docs.tr("Ringkasan Kasus"), "ringkasan", lambda: docs.ringkasan(case_id))
    for level in (1, 2, 3):
        action(
            docs.tr("Surat Peringatan {n} (SP{n})").format(n=level),
            "sp",
            lambda n=level: docs.sp(case_id, n),  # type: ignore[misc]
        )
        if found[-1].isEnabled():  # the order and spacing of Kebijakan (DOMAIN §4a)
            option = services.letter_order.options(case_id, today())[level - 1]
            if not option.allowed:
                found[-1].setEnabled(False)
                found[-1].setToolTip(
                    option.reason
                    + (
                        " " + docs.tr("Di luar urutan hanya dengan izin Pengurus (layar Kasus).")
                        if option.out_of_order
                        else ""
                    )
                )
    action(docs.tr("Surat Panggilan…"), "panggilan", lambda: docs.ask_panggilan(case_id))
    action(
        docs.tr("Berita Acara Kesepakatan…"), "berita_acara", lambda: docs.ask_berita_acara(case_id)
    )
    action(docs.tr("Surat Perjanjian / Addendum"), "perjanjian", lambda: docs.perjanjian(case_id))
    return found  # `docs` is a child of `parent`, so it lives as long as the screen
