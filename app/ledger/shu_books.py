"""The SHU in the books (issue 13 §4, LEDGER.md §3.3): the allocation journal posted on the RAT
date with its decision number (Dr 3107; Cr cadangan 3103, the funds 2110–2114 and each member's
JMA + JUA to 2109 on the member's line), and the payout of a member's share (Dr 2109 / Cr the
cash or bank account). SHU to members is not taxed: nothing is withheld. Unclaimed shares stay
in 2109."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.errors import NotFound, ValidationError
from app.ledger.closing import SHU_UNSHARED, PeriodClose
from app.ledger.lockdate import refuse_locked
from app.ledger.manual import ManualJournals, ManualResult
from app.ledger.models import Line
from app.ledger.service import LedgerService
from app.ledger.shu import ShuService
from app.members.models import MemberStatus
from app.money import format_rupiah
from app.savings.models import SavingsKind
from app.savings.service import SavingsService
from app.storage.members_repo import MembersRepository
from app.storage.shu_repo import ShuRepository
from app.storage.units import write_unit
from app.users.models import User
from app.users.permissions import Action, require

MEMBERS_SHU = "2109"  # utang SHU bagian anggota
POOL_ACCOUNTS = {
    "cadangan": "3103",
    "pengurus": "2110",
    "karyawan": "2111",
    "pendidikan": "2112",
    "sosial": "2113",
    "daerah_kerja": "2114",
}
ALLOCATION = ("shu_alokasi", "alokasi")
PAYOUT = ("shu_bayar", "bayar")


@dataclass(frozen=True)
class ShareRow:
    share_id: int
    member_id: int
    number: str
    name: str
    jma: int
    jua: int
    paid_on: date | None

    @property
    def total(self) -> int:
        return self.jma + self.jua


@dataclass(frozen=True)
class Ratification:
    year: int
    rat_date: date
    decision_no: str
    note: str


@dataclass(frozen=True)
class PayoutRun:
    paid: int  # shares paid now
    amount: int  # Σ paid now
    left: list[str]  # members whose share stays in 2109 (why)


class ShuBooks:
    def __init__(
        self, ledger: LedgerService, shu: ShuService, savings: SavingsService | None = None
    ) -> None:
        self.ledger = ledger
        self.shu = shu
        self.savings = savings
        self.db = ledger.db
        self.repo = ShuRepository(ledger.db)
        self.members = MembersRepository(ledger.db)
        self.closing = PeriodClose(ledger)

    @write_unit
    def allocate(self, actor: User, year: int, rat_date: date, decision_no: str) -> int:
        """Post the RAT's allocation of the year's SHU; returns the journal id."""
        require(actor, Action.APPROVE)
        decision = " ".join(decision_no.split())
        if not decision:
            raise ValidationError("Nomor keputusan RAT wajib diisi.", "decision_no")
        if self.closing.closed_year(year) is None:
            raise ValidationError(f"Tutup buku tahun {year} dulu (jurnal penutup).")
        if rat_date <= date(year, 12, 31):
            raise ValidationError("Tanggal RAT harus sesudah akhir tahun buku.", "rat_date")
        refuse_locked(self.db, rat_date, "jurnal pembagian SHU", "rat_date")
        ratified = self.ratification(year)
        if ratified is not None and (ratified.rat_date, ratified.decision_no) != (
            rat_date,
            decision,
        ):
            raise ValidationError(
                f"RAT tahun buku {year} tercatat {ratified.rat_date.strftime('%d-%m-%Y')}, "
                f"keputusan {ratified.decision_no}; pembagian SHU memakai tanggal dan nomor itu.",
                "decision_no",
            )
        if self.repo.allocation(year) is not None:
            raise ValidationError(f"SHU tahun buku {year} sudah dibagi.")
        result = self.shu.compute(year)
        if result.shu <= 0:
            raise ValidationError(f"Tidak ada SHU tahun buku {year} untuk dibagi.")
        unshared = -self.ledger.repo.balance([SHU_UNSHARED], rat_date)
        if unshared < result.shu:
            raise ValidationError(
                f"Saldo SHU belum dibagi {format_rupiah(unshared)} kurang dari SHU "
                f"{format_rupiah(result.shu)}."
            )
        lines = [Line(SHU_UNSHARED, result.shu)]
        lines += [
            Line(code, 0, result.pools[key])
            for key, code in POOL_ACCOUNTS.items()
            if result.pools[key]
        ]
        lines += [Line(MEMBERS_SHU, 0, r.total, r.member_id) for r in result.rows]
        shares = [(r.member_id, r.jma, r.jua) for r in result.rows]
        with self.db.atomic():
            if self.repo.ratification(year) is None:
                self.repo.add_ratification(year, rat_date, decision, "", actor.id)
            allocation_id = self.repo.add_allocation(
                year, rat_date, decision, result.shu, result.pools, shares, actor.id
            )
            journal_id = self.ledger.repo.write(
                on=rat_date,
                source=ALLOCATION[0],
                source_id=allocation_id,
                role=ALLOCATION[1],
                description=f"Pembagian SHU tahun buku {year}, keputusan RAT {decision}",
                lines=lines,
                user_id=actor.id,
            )
            self.ledger.audit.record(
                actor.id,
                "bagi_shu",
                "shu",
                allocation_id,
                after={"tahun": year, "shu": result.shu, "keputusan": decision},
            )
        return journal_id

    def shares(self, year: int) -> list[ShareRow]:
        allocation = self.repo.allocation(year)
        if allocation is None:
            return []
        return [
            ShareRow(
                r["id"],
                r["member_id"],
                r["number"],
                r["name"],
                r["jma"],
                r["jua"],
                None if r["paid_on"] is None else date.fromisoformat(r["paid_on"]),
            )
            for r in self.repo.shares(int(allocation["id"]))
        ]

    @write_unit
    def pay(self, actor: User, share_id: int, on: date, method: str = "tunai") -> int:
        """Pay one member's share in cash or by transfer; returns the journal id."""
        require(actor, Action.RECORD_PAYMENT)
        share = self.repo.share(share_id)
        if share is None:
            raise NotFound(f"Bagian SHU {share_id} tidak ada.")
        if share["payout_id"] is not None:
            raise ValidationError("Bagian SHU anggota ini sudah dibayar.")
        if on < date.fromisoformat(share["rat_date"]):
            raise ValidationError("Tanggal bayar tidak boleh sebelum tanggal RAT.", "on")
        refuse_locked(self.db, on, "pembayaran SHU")
        account = self.ledger.accounts.resolver(on).method(method)
        amount = int(share["jma"]) + int(share["jua"])
        member = int(share["member_id"])
        with self.db.atomic():
            payout_id = self.repo.add_payout(share_id, on, method, actor.id)
            journal_id = self.ledger.repo.write(
                on=on,
                source=PAYOUT[0],
                source_id=payout_id,
                role=PAYOUT[1],
                description=f"Pembayaran SHU tahun buku {share['year']}",
                lines=[Line(MEMBERS_SHU, amount, 0, member), Line(account, 0, amount, member)],
                user_id=actor.id,
            )
            self.ledger.audit.record(
                actor.id, "bayar_shu", "shu", payout_id, after={"jumlah": amount, "cara": method}
            )
        return journal_id

    def unpaid(self, year: int) -> int:
        """Σ shares of the year not yet paid (what stays in 2109 for it)."""
        allocation = self.repo.allocation(year)
        return 0 if allocation is None else self.repo.unpaid(int(allocation["id"]))

    # -- the RAT's ratification, payout to sukarela, corrections after the RAT -----------------

    def ratification(self, year: int) -> Ratification | None:
        r = self.repo.ratification(year)
        if r is None:
            return None
        return Ratification(
            year, date.fromisoformat(r["rat_date"]), str(r["decision_no"]), str(r["note"])
        )

    @write_unit
    def ratify(
        self, actor: User, year: int, rat_date: date, decision_no: str, note: str = ""
    ) -> Ratification:
        """Record that the RAT ratified the closed book year (its date, the decision number).
        From then on that year is final: corrections go into the open year with a note."""
        require(actor, Action.APPROVE)
        decision = " ".join(decision_no.split())
        if not decision:
            raise ValidationError("Nomor keputusan RAT wajib diisi.", "decision_no")
        if self.closing.closed_year(year) is None:
            raise ValidationError(f"Tutup buku tahun {year} dulu (jurnal penutup).")
        if rat_date <= date(year, 12, 31):
            raise ValidationError("Tanggal RAT harus sesudah akhir tahun buku.", "rat_date")
        if self.repo.ratification(year) is not None:
            raise ValidationError(f"Pengesahan RAT tahun buku {year} sudah dicatat.")
        text = " ".join(note.split())
        with self.db.atomic():
            rid = self.repo.add_ratification(year, rat_date, decision, text, actor.id)
            self.ledger.audit.record(
                actor.id,
                "sahkan_rat",
                "shu",
                rid,
                after={"tahun": year, "tanggal_rat": rat_date, "keputusan": decision},
            )
        return Ratification(year, rat_date, decision, text)

    def correction_text(self, year: int, note: str) -> str:
        """The description a correction of a closed (ratified) year carries in the open year;
        refused without a note."""
        text = " ".join(note.split())
        if not text:
            raise ValidationError("Keterangan koreksi wajib diisi.", "note")
        if self.closing.closed_year(year) is None:
            raise ValidationError(f"Tahun buku {year} belum ditutup; koreksi di tahun itu.")
        ratified = self.ratification(year)
        rat = (
            ""
            if ratified is None
            else f", disahkan RAT {ratified.rat_date.strftime('%d-%m-%Y')} "
            f"keputusan {ratified.decision_no}"
        )
        return f"Koreksi tahun buku {year}{rat}: {text}"

    def correct(
        self,
        actor: User,
        journals: ManualJournals,
        year: int,
        on: date,
        note: str,
        lines: list[Line],
    ) -> ManualResult:
        """A correction of a closed (ratified) book year: a Jurnal Umum in the open year
        (usually against 3107) whose description names the year, the RAT and the note."""
        text = self.correction_text(year, note)
        if on <= date(year, 12, 31):
            raise ValidationError(
                f"Koreksi tahun buku {year} dicatat di tahun berjalan, bukan di tahun itu.", "on"
            )
        return journals.submit(actor, on, text, lines)

    @write_unit
    def pay_all(
        self, actor: User, year: int, on: date, method: str = "sukarela", today: date | None = None
    ) -> PayoutRun:
        """Pay every unpaid share of the year in one transaction: credited to the member's
        sukarela (a savings deposit with method `shu`: Dr 2109 / Cr simpanan sukarela, with its
        receipt) or in cash/by transfer (Dr 2109 / Cr Kas or Bank). A share already paid is
        never paid again; a member who left cannot take a sukarela deposit, so that share stays
        in 2109 (named in `left`) until paid in cash."""
        require(actor, Action.RECORD_PAYMENT)
        allocation = self.repo.allocation(year)
        if allocation is None:
            raise ValidationError(f"SHU tahun buku {year} belum dibagi (keputusan RAT).")
        if on < date.fromisoformat(allocation["rat_date"]):
            raise ValidationError("Tanggal bayar tidak boleh sebelum tanggal RAT.", "on")
        refuse_locked(self.db, on, "pembayaran SHU")
        if method == "sukarela" and self.savings is None:
            raise RuntimeError("ShuBooks needs the savings service to credit sukarela")
        unpaid = [s for s in self.shares(year) if s.paid_on is None and s.total > 0]
        paid = amount = 0
        left: list[str] = []
        with self.db.atomic():
            for share in unpaid:
                if method != "sukarela":
                    self.pay(actor, share.share_id, on, method)
                else:
                    member = self.members.by_id(share.member_id)
                    if member is None or member.status != MemberStatus.AKTIF:
                        status = "tidak ada" if member is None else member.status.label
                        left.append(f"{share.number} {share.name}: {status}")
                        continue
                    self.repo.add_payout(share.share_id, on, "sukarela", actor.id)
                    assert self.savings is not None
                    self.savings.deposit(
                        actor,
                        share.member_id,
                        SavingsKind.SUKARELA,
                        share.total,
                        on,
                        method="shu",
                        note=f"SHU tahun buku {year}",
                        today=today,
                    )
                paid += 1
                amount += share.total
            self.ledger.audit.record(
                actor.id,
                "bayar_shu_semua",
                "shu",
                int(allocation["id"]),
                after={"tahun": year, "cara": method, "anggota": paid, "jumlah": amount},
            )
        return PayoutRun(paid, amount, left)
