"""The member register: validation per field, numbering, warnings, status changes, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.errors import NotFound, PermissionDenied, ValidationError
from app.identity import nik_from_parts
from app.members.models import MemberStatus
from app.services import Services
from app.users.models import Role, User
from tests.conftest import make_draft, make_member, make_user

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 26)


@pytest.mark.sqlite_only("refused at the field before any write: the engine plays no part")
@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"name": "   "}, "name", "Nama lengkap wajib diisi"),
        ({"name": "A" * 101}, "name", "terlalu panjang"),
        ({"nik": ""}, "nik", "NIK belum diisi"),
        ({"nik": "35760154850"}, "nik", "NIK harus 16 angka, yang ditulis 11 angka"),
        ({"nik": "3576015485000A"}, "nik", "hanya boleh berisi angka"),
        ({"nik": "3576019903850001"}, "nik", "tanggal lahir di NIK"),
        ({"nik": "3576011413850001"}, "nik", "bulan lahir di NIK"),
        ({"nik": "3576015403850000"}, "nik", "tidak boleh 0000"),
        ({"sex": "X"}, "sex", "jenis kelamin"),
        (
            {"birth_date": date(2027, 1, 1), "nik": "3576015403850001"},
            "birth_date",
            "setelah hari ini",
        ),
        (
            {"birth_date": date(1899, 12, 31), "nik": "3576015403850001"},
            "birth_date",
            "terlalu lama",
        ),
        ({"join_date": date(2026, 11, 27)}, "join_date", "setelah hari ini"),
        ({"join_date": date(1980, 1, 1)}, "join_date", "sebelum tanggal lahir"),
        ({"phone": "12"}, "phone", "terlalu pendek"),
        ({"phone": "+1 555 1234 567"}, "phone", "bukan nomor Indonesia"),
        ({"npwp": "12.345"}, "npwp", "NPWP harus 16 angka"),
        ({"rt": "12a"}, "rt", "RT diisi angka"),
        ({"rw": "1234"}, "rw", "RW diisi angka"),
    ],
)
def test_validation_message_names_the_field(
    services: Services, ketua: User, overrides: dict[str, object], field: str, words: str
) -> None:
    draft = replace(make_draft(), **overrides)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as err:
        services.members.create(ketua, draft, today=TODAY)
    assert err.value.field == field
    assert words in err.value.message
    assert services.members.count() == 0


def test_validate_cleans_what_was_typed(services: Services) -> None:
    clean = services.members.validate(
        make_draft(
            name="  siti   Aminah ",
            nik="3576 0154 0385 0001",
            phone="+62 812-3456-7890",
            rt="3",
            rw="12",
            npwp="01.234.567.8-901.000",
            spouse_name=" Budi  Santoso",
        ),
        today=TODAY,
    )
    assert clean.name == "siti Aminah"
    assert clean.nik == "3576015403850001"
    assert clean.phone == "+6281234567890"
    assert (clean.rt, clean.rw) == ("003", "012")
    assert clean.npwp == "01.234.567.8-901.000"
    assert clean.spouse_name == "Budi Santoso"


def test_numbers_follow_the_default_pattern(services: Services, ketua: User) -> None:
    first = make_member(services, ketua)
    second = make_member(services, ketua, name="Ahmad Fauzi", sex="L", serial=2)
    assert (first.number, second.number) == ("00001", "00002")


def test_yearly_pattern_restarts_each_year(services: Services, ketua: User) -> None:
    services.settings.set(ketua, "members.number_pattern", "{coop_code}/{year}/{seq:04}")
    a = make_member(services, ketua, join_date=date(2025, 12, 30))
    b = make_member(services, ketua, serial=2, join_date=date(2025, 12, 31))
    c = make_member(services, ketua, serial=3, join_date=date(2026, 1, 2))
    assert [a.number, b.number, c.number] == [
        "KSP-UJ/2025/0001",
        "KSP-UJ/2025/0002",
        "KSP-UJ/2026/0001",
    ]


def test_a_refused_member_uses_no_number(services: Services, ketua: User) -> None:
    with pytest.raises(ValidationError):
        services.members.create(ketua, make_draft(nik="123"), today=TODAY)
    assert make_member(services, ketua).number == "00001"


def test_duplicate_nik_warns_but_does_not_block(services: Services, ketua: User) -> None:
    first = make_member(services, ketua)
    draft = services.members.validate(make_draft(name="Siti A."), today=TODAY)
    warnings = services.members.warnings(draft)
    assert len(warnings) == 1
    assert f"sudah dipakai anggota {first.number} – Siti Aminah" in warnings[0]
    second = services.members.create(ketua, draft, today=TODAY)
    assert second.nik == first.nik
    # Editing a member never warns about the member itself.
    assert services.members.warnings(draft, exclude_id=second.id) != []
    only = services.members.validate(make_draft(serial=9), today=TODAY)
    assert services.members.warnings(only, exclude_id=None) == []


def test_nik_mismatch_warnings(services: Services) -> None:
    nik = nik_from_parts("357601", date(1985, 3, 14), "P", 1)
    draft = make_draft(birth_date=date(1985, 3, 15), nik=nik)
    warnings = services.members.warnings(services.members.validate(draft, today=TODAY))
    assert any("tanggal berbeda" in w for w in warnings)
    male = make_draft(sex="L", nik=nik_from_parts("357601", date(1985, 3, 14), "P", 1))
    warnings = services.members.warnings(services.members.validate(male, today=TODAY))
    assert any("menandakan perempuan" in w for w in warnings)


def test_create_and_update_are_audited(services: Services, ketua: User) -> None:
    member = make_member(services, ketua)
    entry = services.audit.entries("member", member.id)[0]
    assert (entry.action, entry.user_id, entry.before) == ("tambah", ketua.id, None)
    assert entry.after is not None and entry.after["name"] == "Siti Aminah"

    changed = services.members.update(
        ketua, member.id, make_draft(phone="0813-1111-2222", occupation="Guru"), today=TODAY
    )
    assert changed.phone == "+6281311112222" and changed.number == member.number
    entry = services.audit.entries("member", member.id)[0]
    assert entry.action == "ubah"
    assert entry.before == {"occupation": "Pedagang", "phone": "+6281234567890"}
    assert entry.after == {"occupation": "Guru", "phone": "+6281311112222"}


def test_update_without_change_writes_no_audit(services: Services, ketua: User) -> None:
    member = make_member(services, ketua)
    services.members.update(ketua, member.id, member.as_draft(), today=TODAY)
    assert [e.action for e in services.audit.entries("member", member.id)] == ["tambah"]


def test_status_change_is_dated_audited_and_keeps_the_member(
    services: Services, ketua: User
) -> None:
    member = make_member(services, ketua)
    left = services.members.change_status(
        ketua,
        member.id,
        MemberStatus.KELUAR,
        date(2026, 6, 30),
        "Pindah ke Surabaya",
        today=TODAY,
    )
    assert (left.status, left.status_date, left.status_note) == (
        MemberStatus.KELUAR,
        date(2026, 6, 30),
        "Pindah ke Surabaya",
    )
    assert services.members.count() == 1
    assert services.members.search_count("", MemberStatus.KELUAR) == 1
    assert services.members.search_count("", MemberStatus.AKTIF) == 0
    entry = services.audit.entries("member", member.id)[0]
    assert entry.action == "status"
    assert entry.before == {"status": "aktif", "status_date": None, "status_note": ""}
    assert entry.after == {
        "status": "keluar",
        "status_date": "2026-06-30",
        "status_note": "Pindah ke Surabaya",
    }


@pytest.mark.parametrize(
    ("status", "when", "note", "field"),
    [
        (MemberStatus.AKTIF, date(2026, 6, 30), "x", "status"),
        (MemberStatus.KELUAR, date(2026, 11, 27), "Pindah", "status_date"),
        (MemberStatus.KELUAR, date(2019, 12, 31), "Pindah", "status_date"),
        (MemberStatus.MENINGGAL, date(2026, 6, 30), "  ", "status_note"),
    ],
)
def test_status_change_refusals(
    services: Services, ketua: User, status: MemberStatus, when: date, note: str, field: str
) -> None:
    member = make_member(services, ketua)
    with pytest.raises(ValidationError) as err:
        services.members.change_status(ketua, member.id, status, when, note, today=TODAY)
    assert err.value.field == field
    assert services.members.get(member.id).status == MemberStatus.AKTIF


def test_pengawas_may_not_change_members(services: Services, ketua: User) -> None:
    member = make_member(services, ketua)
    pengawas = make_user(services, Role.PENGAWAS)
    with pytest.raises(PermissionDenied, match="tidak boleh mengubah data anggota"):
        services.members.create(pengawas, make_draft(serial=5), today=TODAY)
    with pytest.raises(PermissionDenied):
        services.members.update(pengawas, member.id, make_draft(name="Lain"), today=TODAY)
    with pytest.raises(PermissionDenied):
        services.members.change_status(
            pengawas, member.id, MemberStatus.KELUAR, date(2026, 6, 1), "x", today=TODAY
        )
    assert services.members.count() == 1
    assert services.members.get(member.id).name == "Siti Aminah"
    assert [e.action for e in services.audit.entries("member")] == ["tambah"]


def test_unknown_member(services: Services) -> None:
    with pytest.raises(NotFound, match="Anggota tidak ditemukan"):
        services.members.get(999)


def test_search_by_name_number_nik_and_phone(services: Services, ketua: User) -> None:
    siti = make_member(services, ketua)
    ahmad = make_member(
        services, ketua, name="Ahmad Fauzi", sex="L", serial=2, phone="0857-1234-0000"
    )
    assert [r.id for r in services.members.search("aminah")] == [siti.id]
    assert [r.id for r in services.members.search(ahmad.number)] == [ahmad.id]
    assert [r.id for r in services.members.search(ahmad.nik or "")] == [ahmad.id]
    assert [r.id for r in services.members.search("0857-1234")] == [ahmad.id]
    assert [r.id for r in services.members.search("100%")] == []
    rows = services.members.search("", limit=1, offset=1)
    assert [r.name for r in rows] == ["Siti Aminah"]  # ordered by name
    assert services.members.search_count("a") == 2
