"""Simpanan berjangka: open a placement, pay its jasa, pay it out or roll it over at maturity,
withdraw it early with the penalty and a Pengurus' authorisation. Each write is one unit with
its journals (LEDGER.md §2.2) and audit rows; the month-end job: berjangka_month_end.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial

from app.errors import NotFound, ValidationError
from app.formats import month_of
from app.ledger.derive import berjangka_event, berjangka_open_event
from app.ledger.service import LedgerService
from app.members.models import Member, MemberStatus
from app.money import format_rupiah, parse_rate
from app.numbering import NumberRule
from app.savings import berjangka as bj
from app.savings.berjangka import Deposit, DepositEvent, EventKind, JasaMode
from app.savings.models import SavingsKind
from app.savings.service import SavingsService
from app.settings.service import SettingsService
from app.storage import sequences
from app.storage.audit_repo import AuditRepository
from app.storage.berjangka_repo import BerjangkaRepository, NewDeposit, NewDepositEvent
from app.storage.engine import Engine
from app.storage.members_repo import MembersRepository
from app.storage.units import write_unit
from app.text import check_date, clean_text
from app.users.models import User
from app.users.permissions import Action, require

SEQUENCE = "berjangka_account"
PPH_SOURCE = "jasa_berjangka"
TO_SUKARELA = "berjangka"  # the savings method of money coming from or going to a deposit
JASA_TO_SUKARELA = "jasa_berjangka"
MIN_AMOUNT = 100_000

# (member, unit, month, gross, source, source_id, available sukarela) → PPh 4(2) now, capped
Withhold = Callable[[int, str, str, int, str, int, int], int]  # services.pph.withhold


@dataclass(frozen=True)
class Product:
    term_months: int
    rate: Decimal  # % per year


class BerjangkaService:
    def __init__(
        self,
        db: Engine,
        audit: AuditRepository,
        settings: SettingsService,
        ledger: LedgerService,
        savings: SavingsService,
        withhold: Withhold,
    ) -> None:
        self.db = db
        self.audit = audit
        self.settings = settings
        self.ledger = ledger
        self.savings = savings
        self.withhold = withhold
        self.repo = BerjangkaRepository(db)
        self.members = MembersRepository(db)

    # -- products and reading --------------------------------------------------------------
    def rate_for(self, term_months: int) -> Decimal:
        if term_months not in bj.TERMS:
            raise ValidationError("Jangka waktu harus 1, 3, 6 atau 12 bulan.", field="term")
        return parse_rate(str(self.settings.get(f"berjangka.rate_{term_months}")))

    def products(self) -> list[Product]:
        return [Product(term, self.rate_for(term)) for term in bj.TERMS]

    def penalty_percent(self) -> Decimal:
        return parse_rate(str(self.settings.get("berjangka.penalty_percent")))

    def default_jasa_mode(self) -> JasaMode:
        return JasaMode(str(self.settings.get("berjangka.jasa_mode")))

    def get(self, deposit_id: int) -> Deposit:
        found = self.repo.deposit(deposit_id)
        if found is None:
            raise NotFound("Simpanan berjangka tidak ditemukan.")
        return found

    def of_member(self, member_id: int) -> list[Deposit]:
        return self.repo.of_member(member_id)

    def all_open(self) -> list[Deposit]:
        """Every placement still running (by id)."""
        return self.repo.all_open()

    def events(self, deposit_id: int) -> list[DepositEvent]:
        return self.repo.events(deposit_id)

    def open_total(self, on: date) -> int:
        """Σ principal of the placements open on `on` (what 2102 must hold)."""
        return self.repo.principal_open(on)

    def early_penalty(self, deposit_id: int) -> int:
        return bj.penalty(self.get(deposit_id).principal, self.penalty_percent())

    # -- opening ---------------------------------------------------------------------------
    @write_unit
    def open(
        self,
        actor: User,
        member_id: int,
        amount: int,
        term_months: int,
        on: date,
        method: str = "tunai",
        *,
        rate: Decimal | None = None,
        jasa_mode: JasaMode | None = None,
        aro: bool = False,
        aro_jasa: bool = False,
        note: str = "",
        today: date | None = None,
    ) -> Deposit:
        """Place `amount` for `term_months` from cash, the bank or the member's sukarela; the
        rate is the product's for the term unless given. Returns the new deposit."""
        require(actor, Action.SAVINGS_TRANSACTION)
        member = self._member(member_id)
        if member.status != MemberStatus.AKTIF:
            raise ValidationError(
                f"{member.name} berstatus {member.status.label}: tidak bisa membuka simpanan "
                "berjangka.",
                field="member",
            )
        if not isinstance(amount, int) or isinstance(amount, bool) or amount < MIN_AMOUNT:
            raise ValidationError(
                f"Simpanan berjangka paling sedikit {format_rupiah(MIN_AMOUNT)}.", field="amount"
            )
        if amount > 10_000_000_000:
            raise ValidationError("Jumlah terlalu besar, periksa lagi.", field="amount")
        rate = self.rate_for(term_months) if rate is None else rate
        if not isinstance(rate, Decimal) or not Decimal(0) < rate <= Decimal(100):
            raise ValidationError("Jasa per tahun harus lebih dari 0 %.", field="rate")
        if method not in bj.OPEN_METHODS:
            raise ValidationError("Pilih asal dana.", field="method")
        self._check_date(on, today, member)
        mode = jasa_mode or self.default_jasa_mode()
        with self.db.atomic():
            tx_id = None
            if method == "sukarela":
                tx_id = self.savings.withdraw(
                    actor,
                    member_id,
                    SavingsKind.SUKARELA,
                    amount,
                    on,
                    method=TO_SUKARELA,
                    note="Dipindahkan ke simpanan berjangka",
                    today=today,
                ).id
            number = NumberRule(
                str(self.settings.get("berjangka.number_pattern")),
                SEQUENCE,
                self.settings.profile().code,
                "SB",
            ).next(on, partial(sequences.next_value, self.db), self.repo.number_taken)
            new = NewDeposit(
                number=number,
                period=1,
                member_id=member_id,
                start_on=on,
                maturity_on=bj.maturity(on, term_months),
                principal=amount,
                term_months=term_months,
                rate=rate,
                jasa_mode=mode,
                aro=aro,
                aro_jasa=aro and aro_jasa and mode == JasaMode.JATUH_TEMPO,
                method=method,
                savings_tx_id=tx_id,
                note=clean_text(note, multiline=True).strip(),
            )
            return self._place(actor, new)

    def _place(self, actor: User | None, new: NewDeposit) -> Deposit:
        """Store a placement, audit it and post its journal (the caller's transaction)."""
        deposit_id = self.repo.insert_deposit(new, actor.id if actor else None)
        deposit = self.get(deposit_id)
        self.audit.record(
            actor.id if actor else None,
            "buka" if new.period == 1 else "perpanjang",
            "berjangka",
            deposit_id,
            None,
            {
                "nomor": deposit.display_number,
                "anggota": new.member_id,
                "pokok": new.principal,
                "jangka": new.term_months,
                "jasa_per_tahun": str(new.rate),
                "jatuh_tempo": new.maturity_on.isoformat(),
                "aro": new.aro,
                "asal": new.method,
            },
        )
        self.ledger.post(berjangka_open_event(deposit), actor)
        return deposit

    # -- the end of a placement ------------------------------------------------------------
    @write_unit
    def pay_out(
        self,
        actor: User,
        deposit_id: int,
        on: date,
        method: str = "tunai",
        today: date | None = None,
    ) -> DepositEvent:
        """At or after maturity: the principal and the jasa still due go to the member."""
        require(actor, Action.SAVINGS_TRANSACTION)
        deposit = self._open_deposit(deposit_id)
        self._check_date(on, today)
        if on < deposit.maturity_on:
            raise ValidationError(
                f"Simpanan berjangka ini baru jatuh tempo "
                f"{deposit.maturity_on.strftime('%d-%m-%Y')}; sebelum itu pakai Pencairan "
                "Sebelum Jatuh Tempo.",
                field="on",
            )
        if method not in bj.PAYOUT_METHODS:
            raise ValidationError("Pilih cara pembayaran.", field="method")
        with self.db.atomic():
            return self._close(actor, deposit, EventKind.CAIR, on, method)

    @write_unit
    def roll_over(
        self, actor: User | None, deposit_id: int, on: date | None = None
    ) -> tuple[DepositEvent, Deposit]:
        """ARO: a new period from the maturity at the rate then in force for the term; the
        principal carried (with the net jasa when the placement says so, else the jasa goes
        to sukarela). Returns the closing event and the new placement."""
        if actor is not None:
            require(actor, Action.SAVINGS_TRANSACTION)
        deposit = self._open_deposit(deposit_id)
        start = deposit.maturity_on
        if on is not None and on < start:
            raise ValidationError("Perpanjangan baru bisa pada tanggal jatuh tempo.", field="on")
        with self.db.atomic():
            jasa_method = "perpanjangan" if deposit.aro_jasa else JASA_TO_SUKARELA
            event = self._close(
                actor, deposit, EventKind.PERPANJANG, start, "perpanjangan", jasa_method=jasa_method
            )
            carried = deposit.principal + (event.jasa - event.tax if deposit.aro_jasa else 0)
            new = NewDeposit(
                number=deposit.number,
                period=deposit.period + 1,
                member_id=deposit.member_id,
                start_on=start,
                maturity_on=bj.maturity(start, deposit.term_months),
                principal=carried,
                term_months=deposit.term_months,
                rate=self.rate_for(deposit.term_months),
                jasa_mode=deposit.jasa_mode,
                aro=deposit.aro,
                aro_jasa=deposit.aro_jasa,
                method=bj.ROLLOVER,
                previous_id=deposit.id,
            )
            return event, self._place(actor, new)

    @write_unit
    def withdraw_early(
        self,
        actor: User,
        deposit_id: int,
        on: date,
        method: str,
        authoriser: User | None,
        reason: str,
        today: date | None = None,
    ) -> DepositEvent:
        """Before maturity, with the authorisation of a Ketua/Pengurus other than the one
        recording it and a written reason: the unpaid jasa is forfeited and the penalty
        (`berjangka.penalty_percent` % of the principal) is kept."""
        require(actor, Action.SAVINGS_TRANSACTION)
        deposit = self._open_deposit(deposit_id)
        self._check_date(on, today)
        if on >= deposit.maturity_on:
            raise ValidationError(
                "Simpanan berjangka ini sudah jatuh tempo: pakai Pencairan Jatuh Tempo.",
                field="on",
            )
        if on < deposit.start_on:
            raise ValidationError("Tanggal sebelum simpanan berjangka dibuka.", field="on")
        if method not in bj.PAYOUT_METHODS:
            raise ValidationError("Pilih cara pembayaran.", field="method")
        text = bj.check_authorisation(actor, authoriser, reason)
        assert authoriser is not None  # check_authorisation refused it otherwise
        with self.db.atomic():
            return self._close(
                actor,
                deposit,
                EventKind.CAIR_AWAL,
                on,
                method,
                penalty=bj.penalty(deposit.principal, self.penalty_percent()),
                reason=text,
                authorised_by=authoriser.id,
                jasa=0,
            )

    def _close(
        self,
        actor: User | None,
        deposit: Deposit,
        kind: EventKind,
        on: date,
        method: str,
        *,
        penalty: int = 0,
        reason: str = "",
        authorised_by: int | None = None,
        jasa: int | None = None,
        jasa_method: str | None = None,
    ) -> DepositEvent:
        """The closing event with its savings moves and journal (inside the caller's
        transaction). `jasa` None: the jasa still due of the whole term."""
        gross = deposit.total_jasa - deposit.jasa_paid if jasa is None else jasa
        if jasa_method is None:
            monthly = deposit.jasa_mode == JasaMode.BULANAN
            jasa_method = JASA_TO_SUKARELA if monthly or method == "sukarela" else method
        event_id = self.repo.next_event_id()
        to_sukarela = jasa_method == JASA_TO_SUKARELA
        tax = self._tax(deposit, on, gross, event_id, to_sukarela)
        principal_tx = jasa_tx = None
        if method == "sukarela":
            principal_tx = self._to_sukarela(
                actor, deposit, deposit.principal - penalty, on, TO_SUKARELA, "Pencairan"
            )
        if jasa_method == JASA_TO_SUKARELA and gross:
            jasa_tx = self._to_sukarela(actor, deposit, gross - tax, on, JASA_TO_SUKARELA, "Jasa")
        new = NewDepositEvent(
            deposit_id=deposit.id,
            kind=kind,
            event_date=on,
            method="berjangka" if method == "sukarela" else method,
            jasa_method=jasa_method,
            principal=deposit.principal,
            jasa=gross,
            tax=tax,
            penalty=penalty,
            reason=reason,
            authorised_by=authorised_by,
            savings_tx_id=principal_tx,
            jasa_tx_id=jasa_tx,
        )
        return self._record_event(actor, deposit, new, event_id)

    # -- shared with the month-end job -----------------------------------------------------
    def _tax(self, deposit: Deposit, on: date, gross: int, source_id: int, sukarela: bool) -> int:
        """PPh capped at the jasa + (net to sukarela) the sukarela balance (kurang potong)."""
        if gross <= 0:
            return 0
        bal, who, unit = self.savings.balances, deposit.member_id, f"berjangka:{deposit.number}"
        available = min(bal(who, d).sukarela for d in (None, on)) if sukarela else 0
        return self.withhold(who, unit, month_of(on), gross, PPH_SOURCE, source_id, available)

    def _to_sukarela(
        self, actor: User | None, deposit: Deposit, amount: int, on: date, method: str, what: str
    ) -> int | None:
        """Money of the deposit to the member's sukarela; a negative amount (PPh owed above the
        jasa itself) is taken from it."""
        assert actor is not None, "money to sukarela is recorded by a user"
        if amount < 0:
            return self.savings.withdraw(
                actor,
                deposit.member_id,
                SavingsKind.SUKARELA,
                -amount,
                on,
                method=method,
                note=f"PPh 4(2) atas jasa simpanan berjangka {deposit.display_number}",
                today=max(on, date.today()),
            ).id
        if amount == 0:
            return None
        return self.savings.deposit(
            actor,
            deposit.member_id,
            SavingsKind.SUKARELA,
            amount,
            on,
            method=method,
            note=f"{what} simpanan berjangka {deposit.display_number}",
            today=max(on, date.today()),
        ).id

    def _record_event(
        self, actor: User | None, deposit: Deposit, new: NewDepositEvent, expected_id: int
    ) -> DepositEvent:
        event_id = self.repo.insert_event(new, actor.id if actor else None, expected_id)
        assert event_id == expected_id, "berjangka event ids are handed out in order"
        event = self.repo.event(event_id)
        assert event is not None
        self.audit.record(
            actor.id if actor else None,
            new.kind.value,
            "berjangka",
            deposit.id,
            None,
            {
                "nomor": deposit.display_number,
                "tanggal": new.event_date.isoformat(),
                "bulan": new.month,
                "pokok": new.principal,
                "jasa": new.jasa,
                "pph": new.tax,
                "penalti": new.penalty,
                "cara": new.method,
                "alasan": new.reason,
                "diizinkan": new.authorised_by,
            },
        )
        self.ledger.post(berjangka_event(event, deposit), actor)
        return event

    def _open_deposit(self, deposit_id: int) -> Deposit:
        deposit = self.get(deposit_id)
        if not deposit.is_open:
            raise ValidationError(
                f"Simpanan berjangka {deposit.display_number} sudah ditutup "
                f"({deposit.status.lower()}).",
                field="deposit",
            )
        return deposit

    def _member(self, member_id: int) -> Member:
        member = self.members.by_id(member_id)
        if member is None:
            raise NotFound("Anggota tidak ditemukan.")
        return member

    @staticmethod
    def _check_date(on: date, today: date | None, member: Member | None = None) -> None:
        check_date(on, "on", "Tanggal")
        if on > (today or date.today()):
            raise ValidationError("Tanggal tidak boleh setelah hari ini.", field="on")
        if member is not None and on < member.join_date:
            raise ValidationError("Tanggal sebelum tanggal masuk anggota.", field="on")
