"""Posting rules (LEDGER.md §2.2) as pure functions: an event and where its components post
(a Resolver) give the journal's lines. An empty list means the event posts nothing: the service
then writes the explicit "no-GL" marker."""

from __future__ import annotations

from collections.abc import Callable

from app.errors import ValidationError
from app.ledger import events as ev
from app.ledger.models import Line, Resolver

OPENING_METHOD = "saldo_awal"  # a balance brought in at the cut-over: 3999
REPLACEMENT_METHOD = "pinjaman_baru"  # the old loan's payoff from a new loan's pay-out: 1114

SAVINGS_ROLE = {
    "pokok": "simpanan_pokok",
    "wajib": "simpanan_wajib",
    "sukarela": "simpanan_sukarela",
    "berjangka": "simpanan_berjangka",
}


def _dr(account: str, amount: int) -> list[Line]:
    return [Line(account, amount)] if amount else []


def _cr(account: str, amount: int) -> list[Line]:
    return [Line(account, 0, amount)] if amount else []


def _check(event: ev.Event, *amounts: int) -> None:
    for amount in amounts:
        if amount < 0:
            raise ValidationError(f"{event.LABEL}: jumlah uang tidak boleh negatif.")


def _savings_account(kind: str, acct: Resolver) -> str:
    if kind not in SAVINGS_ROLE:
        raise ValidationError(f"Jenis simpanan '{kind}' tidak dikenal.")
    return acct.role(SAVINGS_ROLE[kind])


def _components(acct: Resolver, pokok: int, jasa: int, denda: int) -> list[Line]:
    """Credits of a loan payment in the allocation order denda → jasa → pokok."""
    return (
        _cr(acct.role("pendapatan_denda"), denda)
        + _cr(acct.role("pendapatan_jasa"), jasa)
        + _cr(acct.role("piutang_pinjaman"), pokok)
    )


def savings(e: ev.SavingsDeposit, acct: Resolver) -> list[Line]:
    _check(e, e.amount)
    cash, kind = acct.method(e.method), _savings_account(e.kind, acct)
    if isinstance(e, ev.SavingsWithdrawal):
        return _dr(kind, e.amount) + _cr(cash, e.amount)
    return _dr(cash, e.amount) + _cr(kind, e.amount)


def disbursement(e: ev.Disbursement, acct: Resolver) -> list[Line]:
    forced = sum(amount for _, amount in e.forced_savings)
    _check(e, e.plafon, e.admin_fee, e.premi, e.transfer, *(a for _, a in e.forced_savings))
    net = e.plafon - e.admin_fee - e.premi - forced
    if net < 0:
        raise ValidationError("Potongan pencairan melebihi plafon pinjaman.")
    if e.transfer > net:
        raise ValidationError("Pelunasan pinjaman lama melebihi pencairan bersih.")
    fee_role = "provisi_ditangguhkan" if e.defer_fee else "pendapatan_provisi"
    lines = _dr(acct.role("piutang_pinjaman"), e.plafon)
    lines += _cr(acct.method(e.method), net - e.transfer)
    if e.transfer:
        lines += _cr(acct.method(REPLACEMENT_METHOD), e.transfer)
    lines += _cr(acct.role(fee_role), e.admin_fee) + _cr(acct.role("premi_asuransi"), e.premi)
    for kind, amount in e.forced_savings:
        lines += _cr(_savings_account(kind, acct), amount)
    return lines


def instalment(e: ev.InstalmentPayment, acct: Resolver) -> list[Line]:
    _check(e, e.pokok, e.jasa, e.denda, e.titipan, e.titipan_used, e.jasa_accrued)
    if e.jasa_accrued > e.jasa:
        raise ValidationError("Jasa akrual yang dilunasi melebihi jasa yang dibayar.")
    cash = e.pokok + e.jasa + e.denda + e.titipan - e.titipan_used
    if cash < 0:
        raise ValidationError("Titipan yang dipakai melebihi yang dibayarkan.")
    return (
        _dr(acct.method(e.method), cash)
        + _dr(acct.role("titipan"), e.titipan_used)
        + _cr(acct.role("pendapatan_denda"), e.denda)
        + _cr(acct.role("jasa_akrual"), e.jasa_accrued)
        + _cr(acct.role("pendapatan_jasa"), e.jasa - e.jasa_accrued)
        + _cr(acct.role("piutang_pinjaman"), e.pokok)
        + _cr(acct.role("titipan"), e.titipan)
    )


def titipan_in(e: ev.TitipanIn, acct: Resolver) -> list[Line]:
    _check(e, e.amount)
    return _dr(acct.method(e.method), e.amount) + _cr(acct.role("titipan"), e.amount)


def titipan_applied(e: ev.TitipanApplied, acct: Resolver) -> list[Line]:
    _check(e, e.pokok, e.jasa, e.denda, e.jasa_accrued)
    if e.jasa_accrued > e.jasa:
        raise ValidationError("Jasa akrual yang dilunasi melebihi jasa yang dibayar.")
    total = e.pokok + e.jasa + e.denda
    return (
        _dr(acct.role("titipan"), total)
        + _cr(acct.role("pendapatan_denda"), e.denda)
        + _cr(acct.role("jasa_akrual"), e.jasa_accrued)
        + _cr(acct.role("pendapatan_jasa"), e.jasa - e.jasa_accrued)
        + _cr(acct.role("piutang_pinjaman"), e.pokok)
    )


def titipan_refund(e: ev.TitipanRefund, acct: Resolver) -> list[Line]:
    _check(e, e.amount)
    return _dr(acct.role("titipan"), e.amount) + _cr(acct.method(e.method), e.amount)


def titipan_to_sukarela(e: ev.TitipanToSukarela, acct: Resolver) -> list[Line]:
    _check(e, e.amount)
    return _dr(acct.role("titipan"), e.amount) + _cr(acct.role("simpanan_sukarela"), e.amount)


def waiver(e: ev.Waiver, acct: Resolver) -> list[Line]:
    allowance = e.allowance or 0
    _check(e, e.pokok, e.jasa, e.denda, e.accrued_jasa, allowance)
    if e.accrued_jasa > e.jasa:
        raise ValidationError("Jasa akrual yang dihapus melebihi jasa yang diberi keringanan.")
    against = "pendapatan_jasa" if e.same_year else "beban_penghapusan"
    from_allowance = min(allowance, e.pokok)
    return (
        _dr(acct.role(against), e.accrued_jasa)
        + _dr(acct.role("ppap_cadangan"), from_allowance)
        + _dr(acct.role("beban_penghapusan"), e.pokok - from_allowance)
        + _cr(acct.role("jasa_akrual"), e.accrued_jasa)
        + _cr(acct.role("piutang_pinjaman"), e.pokok)
    )


def nothing(e: ev.Event, acct: Resolver) -> list[Line]:
    """Penjadwalan kembali, hapus tagih: no GL entry (the marker records the event)."""
    return []


def restructuring(e: ev.Restructuring, acct: Resolver) -> list[Line]:
    _check(e, e.capitalised_jasa)
    portfolio = "piutang_restrukturisasi" if e.split_account else "piutang_pinjaman"
    return _dr(acct.role(portfolio), e.capitalised_jasa) + _cr(
        acct.role("jasa_ditangguhkan"), e.capitalised_jasa
    )


def deferred_release(e: ev.DeferredJasaRelease, acct: Resolver) -> list[Line]:
    _check(e, e.amount)
    return _dr(acct.role("jasa_ditangguhkan"), e.amount) + _cr(
        acct.role("pendapatan_jasa"), e.amount
    )


def accrual(e: ev.JasaAccrual, acct: Resolver) -> list[Line]:
    """Dr 1109 / Cr jasa income; a negative amount (accrued jasa no longer due, taken back at
    month end) the other way round."""
    accrued, income = acct.role("jasa_akrual"), acct.role("pendapatan_jasa")
    if e.amount < 0:
        return _dr(income, -e.amount) + _cr(accrued, -e.amount)
    return _dr(accrued, e.amount) + _cr(income, e.amount)


def accrual_downgrade(e: ev.AccrualDowngrade, acct: Resolver) -> list[Line]:
    amount = e.amount or 0
    _check(e, amount)
    return _dr(acct.role("pendapatan_jasa"), amount) + _cr(acct.role("jasa_akrual"), amount)


def settlement(e: ev.Settlement, acct: Resolver) -> list[Line]:
    allowance = e.allowance or 0
    _check(e, e.pokok_outstanding, e.pokok_paid, e.jasa_paid, e.denda_paid, allowance)
    if e.pokok_paid > e.pokok_outstanding:
        raise ValidationError("Pokok yang dibayar melebihi sisa pokok pinjaman.")
    waived = e.pokok_outstanding - e.pokok_paid
    from_allowance = min(allowance, waived)
    cash = e.pokok_paid + e.jasa_paid + e.denda_paid
    return (
        _dr(acct.method(e.method), cash)
        + _dr(acct.role("ppap_cadangan"), from_allowance)
        + _dr(acct.role("beban_penghapusan"), waived - from_allowance)
        + _components(acct, e.pokok_outstanding, e.jasa_paid, e.denda_paid)
    )


def setoff(e: ev.SetOff, acct: Resolver) -> list[Line]:
    _check(e, e.pokok, e.jasa, e.denda)
    source = "anggota_keluar" if e.from_exit else "simpanan_sukarela"
    total = e.pokok + e.jasa + e.denda
    return _dr(acct.role(source), total) + _components(acct, e.pokok, e.jasa, e.denda)


def ppap(e: ev.PpapAdjustment, acct: Resolver) -> list[Line]:
    allowance = acct.role("ppap_cadangan")
    if e.delta > 0:
        return _dr(acct.role("beban_ppap"), e.delta) + _cr(allowance, e.delta)
    release = "beban_ppap" if e.release_to_expense else "pemulihan_ppap"
    return _dr(allowance, -e.delta) + _cr(acct.role(release), -e.delta)


def write_off(e: ev.WriteOff, acct: Resolver) -> list[Line]:
    allowance, deferred = e.allowance or 0, e.deferred_jasa or 0
    _check(e, e.pokok, deferred, e.accrued_jasa, allowance)
    if deferred > e.pokok:
        raise ValidationError("Jasa ditangguhkan melebihi sisa pokok pinjaman.")
    net = e.pokok - deferred + e.accrued_jasa
    from_allowance = min(allowance, net)
    return (
        _dr(acct.role("ppap_cadangan"), from_allowance)
        + _dr(acct.role("beban_penghapusan"), net - from_allowance)
        + _dr(acct.role("jasa_ditangguhkan"), deferred)
        + _cr(acct.role("piutang_pinjaman"), e.pokok)
        + _cr(acct.role("jasa_akrual"), e.accrued_jasa)
    )


def recovery(e: ev.Recovery, acct: Resolver) -> list[Line]:
    _check(e, e.amount)
    income = "ppap_cadangan" if e.to_allowance else "pemulihan_hapus_buku"
    return _dr(acct.method(e.method), e.amount) + _cr(acct.role(income), e.amount)


def berjangka_open(e: ev.BerjangkaOpen, acct: Resolver) -> list[Line]:
    _check(e, e.amount)
    return _dr(acct.method(e.method), e.amount) + _cr(acct.role("simpanan_berjangka"), e.amount)


def _jasa_lines(acct: Resolver, gross: int, tax: int, method: str) -> list[Line]:
    """Dr the expense (gross) / Cr the member by `method` (net) / Cr 2106 (tax). The piece that
    takes the month past Rp240.000 may owe more PPh than itself: the member's side is then a
    debit (app/savings/pph_withholding.py)."""
    net = gross - tax
    return (
        _dr(acct.role("beban_jasa_berjangka"), gross)
        + _dr(acct.method(method), -net if net < 0 else 0)
        + _cr(acct.method(method), max(net, 0))
        + _cr(acct.role("utang_pph42"), tax)
    )


def berjangka_jasa(e: ev.BerjangkaJasa, acct: Resolver) -> list[Line]:
    _check(e, e.gross, e.tax)
    return _jasa_lines(acct, e.gross, e.tax, e.method)


def berjangka_close(e: ev.BerjangkaClose, acct: Resolver) -> list[Line]:
    _check(e, e.principal, e.jasa, e.tax, e.penalty)
    if e.penalty > e.principal:
        raise ValidationError("Penalti melebihi pokok simpanan berjangka.")
    jasa = _jasa_lines(acct, e.jasa, e.tax, e.jasa_method)
    debits, credits = [x for x in jasa if x.debit], [x for x in jasa if x.credit]
    return (
        _dr(acct.role("simpanan_berjangka"), e.principal)
        + debits
        + _cr(acct.method(e.method), e.principal - e.penalty)
        + _cr(acct.role("pendapatan_adm_simpanan"), e.penalty)
        + credits
    )


JASA_EXPENSE = {"sukarela": "beban_jasa_sukarela", "berjangka": "beban_jasa_berjangka"}


def jasa_simpanan(e: ev.JasaSimpanan, acct: Resolver) -> list[Line]:
    _check(e, e.gross, e.tax)
    if e.kind not in JASA_EXPENSE:
        raise ValidationError(f"Jenis simpanan '{e.kind}' tidak memberi jasa.")
    net, credit = e.gross - e.tax, acct.role(e.credit_role)
    return (
        _dr(acct.role(JASA_EXPENSE[e.kind]), e.gross)
        + _dr(credit, max(-net, 0))
        + _cr(credit, max(net, 0))
        + _cr(acct.role("utang_pph42"), e.tax)
    )


def pph_deposit(e: ev.PphDeposit, acct: Resolver) -> list[Line]:
    _check(e, e.amount, e.shortfall)
    if e.shortfall > e.amount:
        raise ValidationError("Kurang potong PPh lebih dari PPh yang disetor.")
    return (
        _dr(acct.role("utang_pph42"), e.amount - e.shortfall)
        + (_dr(acct.role("piutang_lain"), e.shortfall) if e.shortfall else [])
        + _cr(acct.method(e.method), e.amount)
    )


def loan_opening(e: ev.LoanOpening, acct: Resolver) -> list[Line]:
    """The opening of an imported loan: Dr piutang (pokok outstanding) / Cr 3999."""
    _check(e, e.pokok)
    return _dr(acct.role("piutang_pinjaman"), e.pokok) + _cr(acct.method(OPENING_METHOD), e.pokok)


def asset_purchase(e: ev.AssetPurchase, acct: Resolver) -> list[Line]:
    _check(e, e.amount)
    return _dr(e.account, e.amount) + _cr(acct.method(e.method), e.amount)


def depreciation(e: ev.AssetDepreciation, acct: Resolver) -> list[Line]:
    _check(e, e.amount)
    return _dr(acct.role("beban_penyusutan"), e.amount) + _cr(
        acct.role("akumulasi_penyusutan"), e.amount
    )


RULES: dict[type[ev.Event], Callable[..., list[Line]]] = {
    ev.SavingsDeposit: savings,
    ev.SavingsWithdrawal: savings,
    ev.Disbursement: disbursement,
    ev.InstalmentPayment: instalment,
    ev.TitipanIn: titipan_in,
    ev.TitipanApplied: titipan_applied,
    ev.TitipanRefund: titipan_refund,
    ev.TitipanToSukarela: titipan_to_sukarela,
    ev.Waiver: waiver,
    ev.Rescheduling: nothing,
    ev.Restructuring: restructuring,
    ev.DeferredJasaRelease: deferred_release,
    ev.JasaAccrual: accrual,
    ev.AccrualDowngrade: accrual_downgrade,
    ev.Settlement: settlement,
    ev.SetOff: setoff,
    ev.PpapAdjustment: ppap,
    ev.WriteOff: write_off,
    ev.Recovery: recovery,
    ev.HapusTagih: nothing,
    ev.IncomeNotRecognised: nothing,
    ev.BerjangkaOpen: berjangka_open,
    ev.BerjangkaJasa: berjangka_jasa,
    ev.BerjangkaClose: berjangka_close,
    ev.JasaSimpanan: jasa_simpanan,
    ev.PphDeposit: pph_deposit,
    ev.LoanOpening: loan_opening,
    ev.PaidBeforeCutOver: nothing,
    ev.AssetPurchase: asset_purchase,
    ev.AssetDepreciation: depreciation,
}


def lines_for(event: ev.Event, acct: Resolver) -> list[Line]:
    """The journal lines of `event` (without sub-ledger ids), balanced by construction."""
    rule = RULES.get(type(event))
    if rule is None:
        raise TypeError(f"no posting rule for {type(event).__name__}")
    lines = rule(event, acct)
    balance = 0
    for line in lines:
        balance += line.debit - line.credit
    if balance:  # a bug in a rule, never the user's input
        raise AssertionError(f"unbalanced rule for {type(event).__name__}")
    return lines
