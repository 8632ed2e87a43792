"""`mufakat demo`: a new database holding the fictional "KSP Guyub Rukun" of Kota Mojokerto,
with demo users, members and several years of savings. Deterministic for a seed and a day."""

from __future__ import annotations

import contextlib
import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import cast

from app.demo.assets import add_demo_assets, depreciate_demo_assets
from app.demo.berjangka import add_demo_berjangka
from app.demo.books import add_demo_books
from app.demo.cases import add_demo_cases
from app.demo.history import PEMBALIKAN, WAJIB, Event, HistoryFactory
from app.demo.loans import add_demo_loans
from app.demo.logo import demo_logo_png
from app.demo.people import DemoPerson, PeopleFactory
from app.demo.reference import load_reference
from app.demo.users import DEMO_POSITIONS, DEMO_USERS
from app.demo.year_end import add_demo_year_end
from app.errors import ValidationError
from app.formats import format_date_long, months_between
from app.ledger.history import post_unbooked
from app.loans.quality import npl_text
from app.members.models import MemberStatus
from app.members.service import MEMBER_SEQUENCE
from app.money import format_number, format_rupiah
from app.numbering import format_pattern, resets_yearly
from app.savings.service import RECEIPT_SEQUENCE
from app.services import Services
from app.settings.profile import CoopProfile
from app.storage.bulk import (
    BulkMember,
    BulkSavings,
    advance_sequences,
    insert_members_bulk,
    insert_savings_bulk,
)
from app.users.models import Role, User

MAX_MEMBERS = 100_000
COOP_NAME = "KSP Guyub Rukun"
PROGRESS_EVERY = 100_000  # savings rows between two progress messages while saving


def demo_profile(today: date) -> CoopProfile:
    """The demo cooperative's profile: fictional, like everyone in it."""
    founded = date(today.year - 9, 3, 14)
    if founded.year >= 2019:
        legal_no = f"AHU-0004127.AH.01.26.TAHUN {founded.year}"
    else:
        legal_no = f"518/127/BH/XVI.35/417.304/{founded.year}"
    return CoopProfile(
        name=COOP_NAME,
        code="KSP-GR",
        badan_hukum_no=legal_no,
        badan_hukum_date=founded,
        address="Jl. Empunala No. 118, Kel. Balongsari, Kec. Magersari",
        city="Kota Mojokerto",
        phone="0321-391274",
        email="sekretariat@ksp-guyubrukun.example",
        logo_png=demo_logo_png(),
        ketua="H. Suparman",
        sekretaris="Endang Purwaningsih",
        bendahara="Hj. Siti Maimunah",
        manajer="Sri Wahyuningsih",
        ketua_pengawas="Drs. Bambang Sutrisno",
    )


def generate_demo(
    path: Path,
    members: int = 2000,
    seed: int = 1,
    progress: Callable[[str], None] | None = None,
    today: date | None = None,
    *,
    loans: bool = True,
) -> str:
    """Create the demo database at `path` (which must not exist yet); a summary in Indonesian.

    `loans=False` stops after the members and their savings (benchmarks of that part);
    otherwise the loans and then the problem-loan cases follow."""
    path = Path(path)
    if path.exists():
        raise ValidationError(
            f"File '{path.name}' sudah ada. Koperasi contoh selalu dibuat di file baru: "
            "pilih nama file lain.",
            field="path",
        )
    if not 1 <= members <= MAX_MEMBERS:
        raise ValidationError(
            f"Jumlah anggota contoh 1 sampai {format_number(MAX_MEMBERS)}.", field="members"
        )
    today = today or date.today()
    say = progress or (lambda _message: None)
    say(f"Membuat database baru {path.name} …")
    services = Services.open(path, create=True)
    try:
        summary = _fill(services, members, random.Random(seed), today, say)
        if loans:
            summary += " " + add_demo_loans(services, random.Random(seed), today, say)
            say("Membukukan riwayat simpanan dan pinjaman …")
            with services.file.atomic():  # the books of what was written in bulk so far
                post_unbooked(services.ledger)
            summary += " " + add_demo_cases(services, random.Random(seed), today, say)
            # After the cases (write-offs leave the books): the figure the portfolio shows.
            portfolio = services.loans.portfolio.summary(today)
            summary += f" Rasio pinjaman bermasalah: {npl_text(portfolio.npl_ratio)}."
            summary += " " + add_demo_berjangka(services, random.Random(seed), today, say)
            summary += " " + add_demo_assets(services, today, say)
        summary += " " + add_demo_books(services, random.Random(seed), today, say)
        summary += " " + depreciate_demo_assets(services, today, say)
        summary += " " + add_demo_year_end(services, today, say)
        say("Merapikan file …")
        services.file.compact()  # the bulk writes leave index pages part-empty: ~6 % smaller
    except BaseException:
        services.close()
        _remove_new_file(path)
        raise
    services.close()
    say("Selesai.")
    return summary


def _remove_new_file(path: Path) -> None:
    """Do not leave a half-made demo behind (the file was created by us a moment ago)."""
    for suffix in ("", "-wal", "-shm", ".lock"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def _fill(
    services: Services, count: int, rng: random.Random, today: date, say: Callable[[str], None]
) -> str:
    say("Mengisi profil koperasi dan pengguna contoh …")
    services.settings.save_profile(None, demo_profile(today))
    services.settings.set(None, "demo", True)
    users = _create_users(services)

    say(f"Menyusun data {format_number(count)} anggota …")
    factory = PeopleFactory(rng, load_reference(), today)
    people = [factory.person() for _ in range(count)]
    # The same rules as the member form, so the demo never holds what a user could not enter.
    people = [replace(p, draft=services.members.validate(p.draft, today)) for p in people]
    people.sort(key=lambda p: p.draft.join_date)  # stable: older members get lower numbers
    number_rows, member_sequences = _numbered(services, people, users["admin"].id)

    say("Menyusun riwayat simpanan …")
    history = HistoryFactory(
        rng,
        today,
        pokok=int(services.settings.get("savings.pokok_amount")),
        wajib=int(services.settings.get("savings.wajib_monthly")),
    )
    events: list[Event] = []
    for index, person in enumerate(people):
        events += history.events(index, person)
    events.sort()  # by date, then member, then the member's own order

    say(
        f"Menyimpan {format_number(count)} anggota dan {format_number(len(events))} "
        "transaksi simpanan …"
    )
    receipt_sequences: dict[tuple[str, int], int] = {}
    with services.file.atomic():
        member_ids = insert_members_bulk(services.file, number_rows)
        rows = _savings_rows(services, events, member_ids, users, receipt_sequences, say)
        written = insert_savings_bulk(services.file, rows, rebuild_indexes=True)
        advance_sequences(services.file, {**member_sequences, **receipt_sequences})
        # One audit entry for the whole batch rather than one per row: the rows are made up,
        # and thousands of entries would bury the real history a user makes afterwards.
        services.audit.record(
            users["admin"].id,
            "data contoh",
            "database",
            None,
            note=f"data contoh dibuat: {count} anggota, {len(written)} transaksi",
        )
    return _summary(services, people, events, today)


def _create_users(services: Services) -> dict[str, User]:
    """One user per role; the first is the admin, who then creates the others."""
    by_name = {username: (password, role, name) for username, password, role, name in DEMO_USERS}
    password, role, name = by_name["admin"]
    admin = services.users.create_first_user(
        "admin", name, role, password, password, position=DEMO_POSITIONS["admin"]
    )
    users = {"admin": admin}
    for username, (password, role, name) in by_name.items():
        if username == "admin":
            continue
        user = services.users.create_user(
            admin, username, name, role, password, password, position=DEMO_POSITIONS[username]
        )
        # The demo passwords are published on the login screen: asking for a new password at
        # the first log-in would only get in a newcomer's way.
        services.users.repo.update_fields(user.id, must_change_password=0)
        users[username] = services.users.get(user.id)
    # The Ketua, the first Pengurus, was granted at once; the Ketua approves the other
    # privileged roles the Admin asked for, as a real cooperative would (separation of duties).
    ketua = users["ketua"]
    for request in services.users.roles.pending():
        services.users.roles.approve(ketua, request.id, "Sesuai SK pengurus")
    users = {name: services.users.get(user.id) for name, user in users.items()}
    assert all(u.role_active for u in users.values())
    assert ketua.role == Role.KETUA and users["bendahara"].role == Role.PENGURUS
    return users


def _numbered(
    services: Services, people: Sequence[DemoPerson], admin_id: int
) -> tuple[list[BulkMember], dict[tuple[str, int], int]]:
    """Member numbers in the configured pattern, in order of joining."""
    pattern = str(services.settings.get("members.number_pattern"))
    code = services.settings.profile().code
    yearly = resets_yearly(pattern)
    last: dict[tuple[str, int], int] = {}
    rows: list[BulkMember] = []
    for index, person in enumerate(people):
        joined = person.draft.join_date
        key = (MEMBER_SEQUENCE, joined.year if yearly else 0)
        last[key] = last.get(key, 0) + 1
        clock = 8 * 3600 + (index * 7919) % (7 * 3600)  # office hours, spread
        rows.append(
            BulkMember(
                number=format_pattern(pattern, last[key], joined, code),
                draft=person.draft,
                status=person.status,
                status_date=person.status_date,
                status_note=person.status_note,
                created_at=f"{joined.isoformat()}T{_clock(clock)}",
                created_by=admin_id,
            )
        )
    return rows, last


def _clock(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class _SeqSlot:
    """Stands in for the number in format_pattern, leaving '{seq:06}' in the text, so the
    pattern is filled once a month and each receipt only needs its number put in."""

    def __format__(self, spec: str) -> str:
        return "{seq:" + spec + "}" if spec else "{seq}"


def _receipt_template(pattern: str, on: date, code: str) -> str | None:
    """The receipt pattern filled in for the day `on` but for '{seq…}', or None when the
    pattern holds literal braces (then each receipt goes through format_pattern)."""
    template = format_pattern(pattern, cast(int, _SeqSlot()), on, code, "KW")
    return template if template.count("{") == 1 else None


def _savings_rows(
    services: Services,
    events: Sequence[Event],
    member_ids: Sequence[int],
    users: dict[str, User],
    sequences: dict[tuple[str, int], int],
    say: Callable[[str], None],
) -> Iterator[BulkSavings]:
    """Receipts numbered in date order in the configured pattern (per year when it shows the
    year); times spread over each day's office hours. Fills `sequences` as it goes, and
    reports progress now and then (the callback may cancel by raising)."""
    pattern = str(services.settings.get("savings.receipt_pattern"))
    code = services.settings.profile().code
    template: str | None = None
    yearly = resets_yearly(pattern)
    per_day = Counter(e.ordinal for e in events)
    user_ids = {name: user.id for name, user in users.items()}
    ketua_id = users["ketua"].id
    clocks: dict[int, str] = {}
    day, in_day, on, on_text, previous_receipt = 0, 0, date.min, "", ""
    seq_key, seq = ("", -1), 0
    for index, event in enumerate(events):
        ordinal, member, own_seq, kind, tx_type, amount, method, note, reason, user, auth = event
        if ordinal != day:
            day, in_day = ordinal, 0
            on = date.fromordinal(day)
            on_text = on.isoformat()
            template = _receipt_template(pattern, on, code)
            key = (RECEIPT_SEQUENCE, on.year if yearly else 0)
            if key != seq_key:
                sequences[seq_key] = seq
                seq_key, seq = key, sequences.get(key, 0)
        seq += 1
        if index and index % PROGRESS_EVERY == 0:
            say(f"  {format_number(index)} transaksi tersimpan …")
        if template is None:
            receipt = format_pattern(pattern, seq, on, code, "KW")
        else:
            receipt = template.format(seq=seq)
        seconds = 8 * 3600 + in_day * 7 * 3600 // per_day[day]
        in_day += 1
        clock = clocks.get(seconds) or clocks.setdefault(seconds, _clock(seconds))
        reverses = None
        if tx_type == PEMBALIKAN:
            original = events[index - 1]
            if (original.member, original.seq) != (member, own_seq - 1):
                raise AssertionError("a reversal must follow the transaction it cancels")
            reverses, note = index - 1, f"Pembatalan {previous_receipt}"
        yield BulkSavings(
            member_ids[member],
            kind,
            tx_type,
            amount,
            on,
            receipt,
            method,
            note,
            reverses,
            reason,
            ketua_id if auth else None,
            user_ids[user],
            f"{on_text}T{clock}",
        )
        previous_receipt = receipt
    sequences[seq_key] = seq
    sequences.pop(("", -1), None)


def _summary(
    services: Services, people: Sequence[DemoPerson], events: Sequence[Event], today: date
) -> str:
    statuses = Counter(p.status for p in people)
    wajib_paid: Counter[int] = Counter()
    for event in events:
        if event.kind == WAJIB:
            wajib_paid[event.member] += event.amount
    monthly = int(services.settings.get("savings.wajib_monthly"))
    behind = sum(
        1
        for index, p in enumerate(people)
        if p.status == MemberStatus.AKTIF
        and months_between(p.draft.join_date, today) - wajib_paid[index] // monthly > 3
    )
    totals = services.savings.repo.totals()
    first = date.fromordinal(events[0].ordinal) if events else today
    logins = ", ".join(
        f"{username}/{password} ({role.label})" for username, password, role, _ in DEMO_USERS
    )
    return (
        f"Koperasi contoh {COOP_NAME} (Kota Mojokerto) sudah dibuat di {services.file.path}: "
        f"{format_number(len(people))} anggota ({format_number(statuses[MemberStatus.AKTIF])} "
        f"aktif, {format_number(statuses[MemberStatus.KELUAR])} keluar, "
        f"{format_number(statuses[MemberStatus.MENINGGAL])} meninggal) dari Kecamatan "
        f"Magersari, Prajurit Kulon dan Kranggan, dengan {format_number(len(events))} transaksi "
        f"simpanan sejak {format_date_long(first)}. Saldo simpanan seluruhnya "
        f"{format_rupiah(totals.total)} (pokok {format_rupiah(totals.pokok)}, wajib "
        f"{format_rupiah(totals.wajib)}, sukarela {format_rupiah(totals.sukarela)}); "
        f"{format_number(behind)} anggota aktif menunggak simpanan wajib lebih dari 3 bulan. "
        f"Masuk dengan salah satu pengguna contoh: {logins}. Semua nama, alamat dan angka di "
        "dalamnya rekaan belaka."
    )
