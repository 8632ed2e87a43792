"""Board documents from the decisions on record: the Notulen Rapat Pengurus of the decisions
proposed between two dates, and the Daftar Pinjaman Dihapusbukukan of a book year from the
off-books register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from app.collection.decision_models import Decision, DecisionKind, DecisionStatus
from app.collection.meeting_models import MeetingDraft
from app.documents import daftar_hapus_buku as dhb
from app.documents import notulen as nt
from app.documents.sources.basics import arrears_at
from app.errors import ValidationError
from app.formats import format_count, format_date_long, format_date_short, in_sentence
from app.loans.quality import CLASS_LABELS, class_label
from app.money import format_number, format_rupiah
from app.services import Services
from app.users.models import Role

DECIDED = (DecisionStatus.DISETUJUI, DecisionStatus.DILAKSANAKAN, DecisionStatus.DITOLAK)
_ROLE_POSITIONS = {
    Role.KETUA: "Ketua",
    Role.PENGURUS: "Pengurus",
    Role.MANAJER: "Manajer",
    Role.PENGAWAS: "Pengawas",
}


@dataclass(frozen=True)
class Meeting:
    """When and where the board met (the day defaults to the last decision's day)."""

    on: date | None = None
    start: time = time(13, 0)
    end: time | None = time(15, 0)
    place: str = ""


def _position(services: Services, d: Decision) -> str:
    """The loan's position when the decision was proposed (as the proposal recorded it), never
    the loan after the decision took effect."""
    p = d.payload
    if d.kind == DecisionKind.HAPUS_TAGIH:
        return f"sisa tagihan di luar neraca {format_rupiah(int(p.get('remaining', 0)))}"
    seen = services.meetings.position(d.id)
    if seen is not None:
        quality = "Hapus Buku" if seen.quality == "HB" else _class_text(seen.quality)
        return (
            f"sisa pokok {format_rupiah(seen.outstanding)}, tunggakan "
            f"{format_rupiah(seen.arrears_total)} (pokok {format_rupiah(seen.arrears_pokok)}, "
            f"jasa {format_rupiah(seen.arrears_jasa)}, denda {format_rupiah(seen.arrears_denda)}), "
            f"{quality}, {format_number(seen.days_past_due)} hari terlambat "
            f"(posisi saat diusulkan, {format_date_short(seen.as_of)})"
        )
    if d.kind == DecisionKind.RESTRUKTURISASI and "position" in p:
        pos = p["position"]
        arrears = pos["pokok"] + pos["jasa"] + pos["denda"]
        quality = pos.get("quality", "")
        label = class_label(quality) if quality in CLASS_LABELS else quality
        return (
            f"sisa pokok {format_rupiah(pos['outstanding'])}, tunggakan {format_rupiah(arrears)} "
            f"(pokok {format_rupiah(pos['pokok'])}, jasa {format_rupiah(pos['jasa'])}, denda "
            f"{format_rupiah(pos['denda'])}), {label or '–'}"
        )
    if d.kind == DecisionKind.PELUNASAN_KERINGANAN and "lines" in p:
        owed = {line["component"]: line["owed"] for line in p["lines"]}
        return (
            f"kewajiban bila dilunasi {format_rupiah(sum(owed.values()))} (pokok "
            f"{format_rupiah(owed.get('pokok', 0))}, jasa {format_rupiah(owed.get('jasa', 0))}, "
            f"denda {format_rupiah(owed.get('denda', 0))})"
        )
    a = arrears_at(services, services.loans.get(d.loan_id), d.proposed_on)
    return (
        f"sisa pokok {format_rupiah(a.outstanding)}, tunggakan {format_rupiah(a.total)}, "
        f"{a.quality or '–'}, {format_count(a.days_past_due, 'hari')} terlambat"
    )


def _class_text(quality: str) -> str:
    return class_label(quality) if quality in CLASS_LABELS else (quality or "–")


def _discussion(d: Decision) -> str:
    parts = [f"Catatan Pengawas ({n.user_name}): {n.note}" for n in d.pengawas_notes]
    parts += [str(w) for w in d.payload.get("warnings", ())]
    for v in d.votes:
        verdict = "setuju" if v.verdict == "setuju" else "menolak"
        note = v.note.strip().rstrip(".")
        said = note and note.lower() not in ("setuju", "disetujui", "tolak", "ditolak")
        parts.append(f"{v.user_name} {verdict}" + (f": {note}" if said else ""))
    if d.status == DecisionStatus.DIUSULKAN:
        parts.append(f"Belum diputuskan ({d.approvals_missing} persetujuan lagi diperlukan).")
    return "; ".join(p.rstrip(".") for p in parts) + "." if parts else "–"


def _decision_text(d: Decision) -> str:
    what = f"{d.kind.label} {d.number} atas pinjaman {d.loan_number} ({d.member_name})"
    if d.status == DecisionStatus.DITOLAK:
        reason = "; ".join(v.note for v in d.rejections if v.note) or "–"
        return f"Menolak usulan {what}; alasan: {reason}."
    return f"Menyetujui usulan {what}: {d.summary}."


def _follow_up(services: Services, d: Decision) -> nt.FollowUp | None:
    profile = services.settings.profile()
    day = d.decided_on or d.proposed_on
    if d.status == DecisionStatus.DIUSULKAN:
        return nt.FollowUp(f"Melengkapi dan memutuskan usulan {d.number}", d.proposed_by_name, None)
    if d.status == DecisionStatus.DITOLAK:
        return None
    if d.kind == DecisionKind.RESTRUKTURISASI:
        return nt.FollowUp(
            f"Membuat Berita Acara dan addendum perjanjian pinjaman {d.loan_number}",
            profile.manajer,
            day + timedelta(days=7),
        )
    if d.kind == DecisionKind.PELUNASAN_KERINGANAN and d.status == DecisionStatus.DISETUJUI:
        return nt.FollowUp(
            f"Menerima pelunasan pinjaman {d.loan_number} sebesar "
            f"{format_rupiah(int(d.payload.get('agreed_sum', 0)))}",
            profile.bendahara,
            d.expires_on,
        )
    if d.kind == DecisionKind.HAPUS_BUKU:
        return nt.FollowUp(
            f"Mencantumkan pinjaman {d.loan_number} dalam daftar hapus buku untuk RAT; "
            "penagihan tetap dilanjutkan",
            profile.manajer,
            None,
        )
    return None


def _attendees(services: Services, decisions: list[Decision]) -> tuple[list[nt.Attendee], int]:
    profile = services.settings.profile()
    board = [
        (profile.ketua, "Ketua"),
        (profile.sekretaris, "Sekretaris"),
        (profile.bendahara, "Bendahara"),
    ]
    attendees = [nt.Attendee(name.strip(), pos) for name, pos in board if name.strip()]
    seen = {a.name for a in attendees}
    board_size = len(attendees)
    others: list[tuple[str, str]] = []
    for d in decisions:
        others += [(v.user_name, v.role) for v in d.votes]
        others += [(n.user_name, n.role) for n in d.pengawas_notes]
        others.append((d.proposed_by_name, ""))
    for name, role in others:
        if not name or name in seen:
            continue
        seen.add(name)
        if role in (Role.PENGURUS.value, Role.KETUA.value):
            attendees.append(nt.Attendee(name, _ROLE_POSITIONS[Role(role)]))
            board_size += 1
        else:
            position = _ROLE_POSITIONS.get(Role(role), "") if role else ""
            attendees.append(nt.Attendee(name, f"{position or 'Pengusul'} (diundang)", board=False))
    return attendees, max(1, board_size)


def notulen_of_meeting(services: Services, meeting_id: int) -> nt.Notulen:
    """The minutes of a recorded board meeting: its attendance and chair as entered, the
    quorum from them, and the decisions proposed in its period."""
    held = services.meetings.meeting(meeting_id)
    if held is None:
        raise ValidationError("Rapat tidak ditemukan.", field="meeting")
    return notulen(
        services,
        held.decisions_from,
        held.decisions_to,
        Meeting(held.meeting_date, held.starts, held.ends, held.place),
        attendance=held,
    )


def notulen(
    services: Services,
    start: date,
    end: date,
    meeting: Meeting = Meeting(),
    *,
    attendance: MeetingDraft | None = None,
) -> nt.Notulen:
    """The minutes of the board meeting that took the decisions proposed in [start, end];
    with `attendance` (the meeting as entered) its attendees, chair and minute-taker, and the
    quorum from them."""
    if end < start:
        raise ValidationError("Tanggal akhir tidak boleh sebelum tanggal awal.", field="end")
    decisions = [
        d for d in services.decisions.between(start, end) if d.status != DecisionStatus.DITARIK
    ]
    if not decisions:
        raise ValidationError(
            f"Tidak ada usulan keputusan antara {format_date_long(start)} dan "
            f"{format_date_long(end)}.",
            field="start",
        )
    profile = services.settings.profile()
    days = [d.decided_on for d in decisions if d.decided_on is not None]
    on = meeting.on or (max(days) if days else end)
    kinds = list(dict.fromkeys(d.kind for d in decisions))
    if attendance is not None:
        attendees = [
            nt.Attendee(a.name, a.position, a.present, a.board) for a in attendance.attendees
        ]
        board_size = max(1, attendance.board_size)
        chair, secretary = attendance.chair, attendance.secretary
    else:
        attendees, board_size = _attendees(services, decisions)
        chair = profile.ketua.strip() or "Ketua"
        secretary = profile.sekretaris.strip() or profile.manajer.strip() or "Sekretaris"
    follow_ups = [f for f in (_follow_up(services, d) for d in decisions) if f is not None]
    return nt.notulen(
        on=on,
        start=meeting.start,
        end=meeting.end,
        place=meeting.place.strip() or f"Ruang rapat {profile.name.strip() or 'koperasi'}",
        chair=chair,
        secretary=secretary,
        attendees=attendees,
        board_size=board_size,
        agenda=[f"Pembahasan usulan {in_sentence(k.label)}" for k in kinds] + ["Lain-lain"],
        cases=[
            nt.CaseDiscussion(
                d.member_name,
                d.loan_number,
                _position(services, d),
                f"{d.kind.label} {d.number}: {d.summary}",
                _discussion(d),
            )
            for d in decisions
        ],
        decisions=[_decision_text(d) for d in decisions if d.status in DECIDED],
        follow_ups=follow_ups,
    )


def daftar_hapus_buku(services: Services, year: int, on: date) -> dhb.DaftarHapusBuku:
    """The loans written off in book year `year`, as the off-books register stands at the
    end of that year (or at `on`, if earlier): recoveries since, and hapus tagih by the RAT."""
    as_of = min(on, date(year, 12, 31))
    loans = []
    for e in services.offbook.register(as_of, include_closed=True):
        forgiven = e.closed_on is not None and e.closed_on <= as_of
        loans.append(
            dhb.WrittenOffLoan(
                member_number=e.member_number,
                member_name=e.member_name,
                loan_number=e.loan_number,
                written_off_on=e.written_off_on,
                pokok=e.pokok,
                jasa_denda=e.jasa + e.denda,
                decision=e.decision_number,
                recovered=e.recovered,
                forgiven=e.remaining if forgiven else 0,
                forgiven_ref=e.rat_number if forgiven else "",
            )
        )
    return dhb.daftar_hapus_buku(loans, year=year, on=on)
