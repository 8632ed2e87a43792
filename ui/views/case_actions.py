"""The case panel's buttons: who may use them, when they apply (with the reason when not), and
the dialogs they open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QPushButton

from app.collection.decision_models import Decision
from app.collection.models import Case, PromiseStatus
from app.errors import AppError
from app.loans.models import LoanStatus
from app.users.permissions import Action, can
from ui.dialogs.case_edit_dialogs import (
    AssignDialog,
    CausesDialog,
    CloseCaseDialog,
    CollateralDialog,
    DeliveryDialog,
    RecoveryDialog,
    StatusDialog,
)
from ui.dialogs.contact_dialog import ContactDialog
from ui.dialogs.decision_dialog import DecisionDialog, Mode
from ui.dialogs.payment_dialog import PaymentDialog
from ui.dialogs.promise_dialog import CancelPromiseDialog, PromiseDialog
from ui.dialogs.restructuring_wizard import RestructuringWizard
from ui.dialogs.setoff_dialog import SetoffDialog
from ui.dialogs.settlement_dialog import SettlementDialog, SettlementPayDialog
from ui.dialogs.writeoff_dialog import HapusTagihDialog, WriteoffDialog
from ui.errors import show_error
from ui.views.case_print import CasePrinter

if TYPE_CHECKING:
    from ui.views.cases_view import CasesView


class CaseActions(QObject):
    """Connects the detail panel of a CasesView to the problem-loan dialogs."""

    def __init__(self, view: CasesView) -> None:
        super().__init__(view)
        self.view = view
        user = view.user
        d = view.detail
        self.handler = can(user, Action.RECORD_CONTACT) or can(user, Action.PROPOSE)
        self.proposer = can(user, Action.PROPOSE_SOLUTION)
        self.cashier = can(user, Action.RECORD_PAYMENT)
        self.printer = CasePrinter(view, view.services, user, lambda: view.today(), view.reload)
        self.printer.attach(d.print_button)
        self.edit_menu = QMenu(view)
        self.edit_menu.setToolTipsVisible(True)
        d.edit_button.setMenu(self.edit_menu)
        self.edit_menu.aboutToShow.connect(self._fill_edit_menu)
        clicks: dict[QPushButton, Callable[[], None]] = {
            d.contact_button: self.contact,
            d.promise_button: self.promise,
            d.pay_button: self.pay,
            d.restructure_button: self.restructure,
            d.settlement_button: self.settlement,
            d.setoff_button: self.setoff,
            d.writeoff_button: self.writeoff,
            d.hapus_tagih_button: self.hapus_tagih,
        }
        for button, slot in clicks.items():
            button.clicked.connect(lambda _=False, s=slot: s())
        p = d.decisions
        p.set_user(user)
        p.approve_requested.connect(lambda x: self.decide(x, Mode.SETUJUI))
        p.reject_requested.connect(lambda x: self.decide(x, Mode.TOLAK))
        p.note_requested.connect(lambda x: self.decide(x, Mode.CATATAN))
        p.withdraw_requested.connect(lambda x: self.decide(x, Mode.TARIK))
        p.pay_requested.connect(self.pay_settlement)
        p.undo_setoff_requested.connect(self.undo_setoff)

    # -- state ----------------------------------------------------------------------------------
    def case(self) -> Case | None:
        f = self.view.detail.file
        return f.case if f else None

    def update_buttons(self) -> None:
        d, f = self.view.detail, self.view.detail.file
        self.printer.update(f)
        if f is None:
            return
        open_ = f.case.status.is_open
        aktif = f.loan.status == LoanStatus.AKTIF
        offbook = f.offbook is not None and f.offbook.status == "aktif"
        role = self.view.user.role.label
        no_role = self.tr("Peran Anda ({role}) tidak boleh mengurus kasus.").format(role=role)
        closed = self.tr("Kasus ini sudah selesai.")
        not_aktif = self.tr("Pinjaman ini tidak aktif lagi ({status}).").format(
            status=f.loan.status.label
        )
        only_manager = self.tr(
            "Hanya Manajer atau Pengurus yang boleh mengusulkan; peran Anda {role}."
        ).format(role=role)
        d.pay_button.setText(
            self.tr("Terima Pemulihan…") if offbook else self.tr("Terima Pembayaran…")
        )
        rules: dict[QPushButton, tuple[bool, str, str]] = {
            d.contact_button: (self.handler, no_role, "" if open_ else closed),
            d.promise_button: (self.handler, no_role, "" if open_ else closed),
            d.pay_button: (
                self.cashier,
                self.tr("Peran Anda tidak boleh mencatat pembayaran."),
                "" if aktif or offbook else not_aktif,
            ),
            d.restructure_button: (
                self.proposer,
                only_manager,
                closed if not open_ else ("" if aktif else not_aktif),
            ),
            d.settlement_button: (
                self.handler,
                no_role,
                closed if not open_ else ("" if aktif else not_aktif),
            ),
            d.setoff_button: (
                self.handler,
                no_role,
                closed if not open_ else ("" if aktif else not_aktif),
            ),
            d.writeoff_button: (
                self.handler,
                no_role,
                closed if not open_ else ("" if aktif else not_aktif),
            ),
            d.hapus_tagih_button: (
                self.proposer,
                only_manager,
                ""
                if offbook and open_
                else self.tr(
                    "Hapus tagih hanya untuk pinjaman yang sudah dihapus "
                    "buku (Daftar Ekstrakomptabel)."
                ),
            ),
        }
        tips = {
            d.contact_button: self.tr(
                "Catat telepon, WhatsApp, kunjungan, pertemuan di kantor "
                "atau surat, dengan janji bayar bila ada"
            ),
            d.promise_button: self.tr("Janji bayar pada kontak yang sudah dicatat"),
            d.pay_button: self.tr("Terima uang dari anggota untuk pinjaman ini"),
            d.restructure_button: self.tr(
                "Penjadwalan, persyaratan atau penataan kembali, diusulkan ke Pengurus"
            ),
            d.settlement_button: self.tr(
                "Hitung pelunasan dengan keringanan dan usulkan penawarannya"
            ),
            d.setoff_button: self.tr("Bayar pinjaman dari simpanan anggota, dengan persetujuannya"),
            d.writeoff_button: self.tr("Periksa syarat hapus buku dan usulkan"),
            d.hapus_tagih_button: self.tr("Hapus tagih dengan keputusan RAT"),
        }
        for button, (allowed, why_role, why_state) in rules.items():
            button.setEnabled(allowed and not why_state)
            button.setToolTip(why_role if not allowed else (why_state or tips[button]))
        d.hapus_tagih_button.setVisible(offbook or f.loan.status == LoanStatus.HAPUS_TAGIH)
        d.edit_button.setEnabled(self.handler)
        d.edit_button.setToolTip("" if self.handler else no_role)

    # -- dialogs --------------------------------------------------------------------------------
    def open(self, dialog: QDialog, on_accept: Callable[[QDialog], None] | None = None) -> None:
        """Open a dialog without blocking; the case is read again after a successful save."""
        self.view.dialog = dialog
        dialog.accepted.connect(lambda: (on_accept or self._reload)(dialog))
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.view.dialog is dialog:
            self.view.dialog = None
        dialog.deleteLater()

    def _reload(self, _dialog: QDialog) -> None:
        self.view.reload()

    def _show_decision(self, dialog: QDialog) -> None:
        saved = getattr(dialog, "saved", None)
        self.view.reload()
        if isinstance(saved, Decision):
            self.view.show_decision(saved.id)

    def _args(self) -> tuple[object, ...]:
        v = self.view
        case = self.case()
        assert case is not None
        return v.services, v.user, case, v.today(), v

    def contact(self, with_promise: bool = False) -> None:
        if self.case() is not None:
            self.open(ContactDialog(*self._args(), with_promise=with_promise))  # type: ignore[arg-type]

    def promise(self) -> None:
        if self.case() is not None:
            self.open(PromiseDialog(*self._args()))  # type: ignore[arg-type]

    def pay(self) -> None:
        f = self.view.detail.file
        if f is None:
            return
        v = self.view
        if f.loan.status == LoanStatus.AKTIF:
            self.open(PaymentDialog(v.services, v.user, f.loan, v.today(), v))
        else:
            self.open(RecoveryDialog(*self._args()), self._recovered)  # type: ignore[arg-type]

    def _recovered(self, dialog: QDialog) -> None:
        """A recovery on a written-off loan gets its kuitansi at once (numbered with its own
        receipt number, kept in the register for reprints)."""
        self._reload(dialog)
        event = getattr(dialog, "saved", None)
        if event is not None:
            self.printer.documents.kuitansi_pemulihan(event.loan_id, event.id)

    def restructure(self) -> None:
        if self.case() is not None:
            self.open(RestructuringWizard(*self._args()), self._show_decision)  # type: ignore[arg-type]

    def settlement(self) -> None:
        if self.case() is not None:
            self.open(SettlementDialog(*self._args()), self._show_decision)  # type: ignore[arg-type]

    def setoff(self) -> None:
        if self.case() is not None:
            self.open(SetoffDialog(*self._args()), self._show_decision)  # type: ignore[arg-type]

    def writeoff(self) -> None:
        if self.case() is not None:
            self.open(WriteoffDialog(*self._args()), self._show_decision)  # type: ignore[arg-type]

    def hapus_tagih(self) -> None:
        if self.case() is not None:
            self.open(HapusTagihDialog(*self._args()), self._show_decision)  # type: ignore[arg-type]

    def decide(self, decision: Decision, mode: Mode) -> None:
        v = self.view
        self.open(
            DecisionDialog(v.services, v.user, decision, mode, v.today(), v), self._show_decision
        )

    def pay_settlement(self, decision: Decision) -> None:
        v = self.view
        self.open(SettlementPayDialog(v.services, v.user, decision, v.today(), v))

    def undo_setoff(self, decision: Decision) -> None:
        """Cancel a set-off as a whole (its withdrawals and its loan payment), with a reason."""
        v = self.view
        reason, ok = QInputDialog.getText(
            v,
            self.tr("Batalkan Kompensasi"),
            self.tr("Alasan membatalkan kompensasi {number}").format(number=decision.number),
        )
        if not ok:
            return
        try:
            v.services.setoff.reverse(v.user, decision.id, reason, v.today(), v.today())
        except AppError as exc:
            show_error(v, exc, self.tr("Batalkan Kompensasi"))
            return
        v.reload()

    # -- the Ubah Kasus menu --------------------------------------------------------------------
    def _fill_edit_menu(self) -> None:
        menu, f = self.edit_menu, self.view.detail.file
        menu.clear()
        if f is None:
            return
        open_ = f.case.status.is_open
        simple: list[tuple[str, type[QDialog]]] = [
            (self.tr("Ganti petugas…"), AssignDialog),
            (self.tr("Ubah status…"), StatusDialog),
            (self.tr("Penyebab tunggakan…"), CausesDialog),
            (self.tr("Status agunan…"), CollateralDialog),
        ]
        for text, cls in simple:
            action = menu.addAction(text)
            action.setEnabled(open_)
            action.triggered.connect(lambda _=False, c=cls: self.open(c(*self._args())))
        menu.addSeparator()
        unsent = [x for x in self.view.services.contacts.letters(f.case.id) if x.sent_on is None]
        for letter in unsent:
            action = menu.addAction(
                self.tr("Catat surat terkirim: {kind} {number}").format(
                    kind=letter.kind.label, number=letter.number
                )
            )
            action.triggered.connect(
                lambda _=False, x=letter: self.open(
                    DeliveryDialog(
                        self.view.services, self.view.user, f.case, x, self.view.today(), self.view
                    )
                )
            )
        entry = self.view.detail.selected_entry()
        contact = None
        if entry is not None and entry.source == "kontak" and entry.ref_id is not None:
            contact = self.view.services.contacts.get(entry.ref_id)
        action = menu.addAction(self.tr("Koreksi kontak yang dipilih di riwayat…"))
        action.setEnabled(open_ and contact is not None and not contact.is_superseded)
        action.triggered.connect(lambda: self.open(ContactDialog(*self._args(), corrects=contact)))  # type: ignore[arg-type]
        waiting = [pv for pv in f.promises if pv.status == PromiseStatus.MENUNGGU]
        for pv in waiting:
            action = menu.addAction(
                self.tr("Batalkan janji bayar {date}…").format(
                    date=pv.promise.due_date.strftime("%d-%m-%Y")
                )
            )
            action.triggered.connect(
                lambda _=False, x=pv: self.open(
                    CancelPromiseDialog(
                        self.view.services, self.view.user, x, self.view.today(), self.view
                    )
                )
            )
        menu.addSeparator()
        close = menu.addAction(self.tr("Tutup kasus…"))
        close.setEnabled(open_)
        close.triggered.connect(lambda: self.open(CloseCaseDialog(*self._args())))  # type: ignore[arg-type]
