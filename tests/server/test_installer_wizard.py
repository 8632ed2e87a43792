"""What the installer's option "PC ini menjadi server kantor" asks Mufakat.exe
(installer/server.iss → app/server/installer.py, app/cli_server.py): the wizard's checks, the
proposed office network, the result file the installer reads, the uninstaller's removal. The
Pascal side only passes what was typed; every rule is here."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.cli import main
from app.errors import ValidationError
from app.server import commands as cmd
from app.server import installer

WHAT = "Kata sandi pengelola server"
GOOD = "Rahasia-Kantor-1"
OTHER = "kasir:depan@2026"


# --- passwords --------------------------------------------------------------------------------


@pytest.mark.parametrize("length", range(0, 12))
def test_a_password_needs_eight_characters(length: int) -> None:
    password = "k" * length
    if length >= installer.MIN_PASSWORD:
        assert installer.check_password(password, password, WHAT) == password
    else:
        with pytest.raises(ValidationError, match="terlalu pendek") as caught:
            installer.check_password(password, password, WHAT)
        assert caught.value.field == "password" and caught.value.message.startswith(WHAT)


@pytest.mark.parametrize(
    "again",
    [GOOD.lower(), GOOD + " ", " " + GOOD, GOOD[:-1], GOOD[:-1] + "2", "", GOOD + GOOD],
)
def test_a_password_typed_differently_the_second_time_is_refused(again: str) -> None:
    with pytest.raises(ValidationError, match="ulangannya tidak sama") as caught:
        installer.check_password(GOOD, again, WHAT, "app_password")
    assert caught.value.field == "app_password"
    assert GOOD not in caught.value.message and again not in caught.value.message.split()


@pytest.mark.parametrize("password", [" " * 8, " " * 20, "\t" * 9])
def test_a_password_of_spaces_or_control_characters_is_refused(password: str) -> None:
    with pytest.raises(ValidationError, match=r"spasi|karakter"):
        installer.check_password(password, password, WHAT)


@pytest.mark.parametrize("bad", ["\x00", "\x1b", "\x7f", "\x08"])
def test_control_characters_are_refused_anywhere(bad: str) -> None:
    for password in (bad + GOOD, GOOD + bad, GOOD[:4] + bad + GOOD[4:]):
        with pytest.raises(ValidationError, match="tidak bisa diketik"):
            installer.check_password(password, password, WHAT)


@pytest.mark.parametrize("password", [GOOD, "sandi é ü 123", "pass word with spaces", "ÄÖÜ" * 3])
def test_the_password_file_as_inno_setup_writes_it_is_read(tmp_path: Path, password: str) -> None:
    """SaveStringsToUTF8File writes a byte-order mark and CRLF line ends (checked under Wine)."""
    path = tmp_path / "sandi.txt"
    path.write_bytes(b"\xef\xbb\xbf" + f"{password}\r\n{password}\r\n".encode())
    assert installer.read_repeated_password(path, WHAT) == password
    path.write_text(f"{password}\n{password}", encoding="utf-8")  # no BOM, no last newline
    assert installer.read_repeated_password(path, WHAT) == password


def test_a_password_file_with_one_line_or_none_is_a_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "sandi.txt"
    path.write_text(GOOD + "\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="ulangannya tidak sama"):
        installer.read_repeated_password(path, WHAT)
    with pytest.raises(ValidationError, match="tidak bisa dibaca") as caught:
        installer.read_repeated_password(tmp_path / "tidak-ada.txt", WHAT, "app_password")
    assert caught.value.field == "app_password"


# --- the whole check ----------------------------------------------------------------------------


def _files(tmp_path: Path, admin: tuple[str, str], app: tuple[str, str]) -> tuple[Path, Path]:
    a, b = tmp_path / "sandi-server.txt", tmp_path / "sandi-pc-lain.txt"
    a.write_text("\n".join(admin) + "\n", encoding="utf-8-sig")
    b.write_text("\n".join(app) + "\n", encoding="utf-8-sig")
    return a, b


def _check(tmp_path: Path, **change: object) -> installer.Check:
    (tmp_path / "baku").mkdir(exist_ok=True)
    admin, app = _files(tmp_path / "baku", (GOOD, GOOD), (OTHER, OTHER))

    def no_bin() -> Path:
        raise ValidationError("Program server PostgreSQL tidak ditemukan", "bin")

    def taken(_port: int | None) -> int:
        raise ValidationError("Port 5439 sudah dipakai", "port")

    def used(_data: Path) -> None:
        raise ValidationError("Folder tidak kosong", "data")

    arguments: dict[str, object] = {
        "data": tmp_path / "data",
        "subnet": "192.168.1.0/24",
        "password_file": admin,
        "app_password_file": app,
        "port": None,
        "find_bin": lambda: tmp_path,
        "choose_port": lambda asked: asked or 5440,
        "check_data_folder": lambda _data: None,
    }
    swaps = {"no_bin": ("find_bin", no_bin), "taken": ("choose_port", taken),
             "used": ("check_data_folder", used)}  # fmt: skip
    for key, value in change.items():
        if key in swaps and value:
            name, function = swaps[key]
            arguments[name] = function
        else:
            arguments[key] = value
    return installer.check_setup(**arguments)  # type: ignore[arg-type]


def test_everything_right_gives_the_port_the_set_up_will_take(tmp_path: Path) -> None:
    check = _check(tmp_path)
    assert check.ok and check.port == 5440
    assert installer.check_text(check) == ["Semua isian benar. Server akan memakai port 5440."]
    assert _check(tmp_path, port=5501).port == 5501


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"no_bin": True}, ["bin"]),
        ({"subnet": "8.8.8.0/24"}, ["subnet"]),
        ({"subnet": "192.168.1.10"}, ["subnet"]),
        ({"subnet": "kantor"}, ["subnet"]),
        ({"used": True}, ["data"]),
        ({"taken": True}, ["port"]),
        ({"no_bin": True, "subnet": "0.0.0.0/0", "used": True, "taken": True},
         ["bin", "subnet", "data", "port"]),
    ],
)  # fmt: skip
def test_each_refusal_names_its_field_and_no_port_is_promised(
    tmp_path: Path, change: dict[str, object], fields: list[str]
) -> None:
    check = _check(tmp_path, **change)
    assert not check.ok and check.port == 0
    assert [f for f, _ in check.problems] == fields
    assert installer.check_text(check) == [m for _, m in check.problems]


def test_both_passwords_are_checked_and_must_differ(tmp_path: Path) -> None:
    admin, app = _files(tmp_path, (GOOD, GOOD + "x"), ("pendek", "pendek"))
    check = _check(tmp_path, password_file=admin, app_password_file=app)
    assert [f for f, _ in check.problems] == ["password", "app_password"]
    admin, app = _files(tmp_path, (GOOD, GOOD), (GOOD, GOOD))
    check = _check(tmp_path, password_file=admin, app_password_file=app)
    assert [f for f, _ in check.problems] == ["app_password"]
    assert "harus berbeda" in check.problems[0][1]
    assert not any(GOOD in m for _, m in check.problems)


def test_the_first_wizard_page_is_checked_without_passwords(tmp_path: Path) -> None:
    check = _check(tmp_path, password_file=None, app_password_file=None)
    assert check.ok and check.port == 5440


# --- the proposed network and the address to note ---------------------------------------------

_RFC1918 = st.one_of(
    st.integers(0x0A000000, 0x0AFFFFFF),
    st.integers(0xAC100000, 0xAC1FFFFF),
    st.integers(0xC0A80000, 0xC0A8FFFF),
).map(lambda n: str(ipaddress.IPv4Address(n)))


@given(_RFC1918)
def test_the_proposed_network_is_the_slash_24_around_this_pc(address: str) -> None:
    proposed = installer.suggest_subnet(["127.0.0.1", "169.254.3.4", address])
    network = ipaddress.IPv4Network(proposed)
    assert network.prefixlen == 24 and ipaddress.IPv4Address(address) in network
    assert cmd.parse_subnet(proposed) == network  # the set-up accepts what is proposed


@pytest.mark.parametrize(
    "addresses",
    [[], ["127.0.0.1"], ["169.254.10.20"], ["8.8.8.8"], ["192.0.2.2"], ["fd00::2"], ["x"]],
)
def test_without_an_office_address_the_common_network_is_proposed(addresses: list[str]) -> None:
    assert installer.suggest_subnet(addresses) == "192.168.1.0/24"


def test_the_address_for_the_other_pcs_is_this_pcs_one_in_the_office_network() -> None:
    addresses = ["10.0.0.5", "192.168.1.10", "192.168.1.11"]
    assert installer.server_address("192.168.1.0/24", addresses, "KASIR-01") == (
        "192.168.1.10 (atau nama PC ini: KASIR-01)"
    )
    assert installer.server_address("192.168.1.0/24", addresses, "") == "192.168.1.10"
    assert installer.server_address("172.16.0.0/12", addresses, "KASIR-01") == (
        "nama PC ini: KASIR-01"
    )


# --- the result file and the command line --------------------------------------------------------


@pytest.mark.parametrize(("ok", "port", "tag"), [(True, 5439, "ok 5439"), (False, 5439, "gagal 0")])
def test_the_result_file_starts_with_the_line_the_installer_reads(
    tmp_path: Path, ok: bool, port: int, tag: str
) -> None:
    path = tmp_path / "hasil.txt"
    installer.write_result(path, ok, port, ["Baris satu", "Hubungkan ke Server…"])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # LoadStringsFromFile reads UTF-8 by its BOM
    assert raw.decode("utf-8-sig").splitlines() == [
        f"MUFAKAT-HASIL {tag}",
        "Baris satu",
        "Hubungkan ke Server…",
    ]
    installer.write_result(None, ok, port, ["nothing written"])  # no file asked for: fine


@pytest.fixture
def fake_bin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "pgsql" / "bin"
    folder.mkdir(parents=True)
    for name in ("initdb", "pg_ctl", "postgres"):
        (folder / name).write_text("")
    monkeypatch.setenv("MUFAKAT_PG_BIN", str(folder))
    return folder


def _run(tmp_path: Path, *extra: str) -> tuple[int, list[str]]:
    result = tmp_path / "hasil.txt"
    result.unlink(missing_ok=True)
    code = main(["server", "setup", "--data", str(tmp_path / "server" / "data"),
                 "--result-file", str(result), *extra])  # fmt: skip
    return code, result.read_text(encoding="utf-8-sig").splitlines()


def test_check_only_writes_nothing_but_its_result_and_never_a_password(
    tmp_path: Path, fake_bin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    admin, app = _files(tmp_path, (GOOD, GOOD), (OTHER, OTHER))
    code, lines = _run(tmp_path, "--subnet", "192.168.1.0/24", "--repeated", "--check-only",
                       "--password-file", str(admin), "--app-password-file", str(app))  # fmt: skip
    assert code == 0 and lines[0].startswith("MUFAKAT-HASIL ok ")
    assert int(lines[0].split()[-1]) >= cmd.DEFAULT_PORT
    assert not (tmp_path / "server").exists()
    admin, app = _files(tmp_path, (GOOD, GOOD + "!"), (OTHER, OTHER))
    code, lines = _run(tmp_path, "--subnet", "8.8.8.0/24", "--repeated", "--check-only",
                       "--password-file", str(admin), "--app-password-file", str(app))  # fmt: skip
    assert code == 1 and lines[0] == "MUFAKAT-HASIL gagal 0"
    assert any("bukan jaringan lokal" in line for line in lines)
    assert any("ulangannya tidak sama" in line for line in lines)
    text = "\n".join(lines) + capsys.readouterr().err
    assert GOOD not in text and OTHER not in text
    assert not (tmp_path / "server").exists()


def test_the_network_page_is_checked_before_any_password_is_typed(
    tmp_path: Path, fake_bin: Path
) -> None:
    code, lines = _run(tmp_path, "--subnet", "10.5.0.0/16", "--repeated", "--check-only")
    assert code == 0 and lines[0].startswith("MUFAKAT-HASIL ok ")
    code, lines = _run(tmp_path, "--subnet", "10.5.0.0/16")  # a real set-up needs one
    assert code == 2 and "--password-file wajib" in lines[1]


def test_the_set_up_refuses_what_check_only_refuses(tmp_path: Path, fake_bin: Path) -> None:
    admin, app = _files(tmp_path, (GOOD, GOOD), (GOOD, GOOD))  # the same password twice
    code, lines = _run(tmp_path, "--subnet", "192.168.1.0/24", "--repeated",
                       "--password-file", str(admin), "--app-password-file", str(app))  # fmt: skip
    assert code == 1 and lines[0] == "MUFAKAT-HASIL gagal 0" and "harus berbeda" in lines[1]
    assert not (tmp_path / "server").exists()


def test_suggest_subnet_writes_its_proposal(tmp_path: Path) -> None:
    result = tmp_path / "usul.txt"
    assert main(["server", "suggest-subnet", "--result-file", str(result)]) == 0
    tag, proposal = result.read_text(encoding="utf-8-sig").splitlines()
    assert tag == "MUFAKAT-HASIL ok 0" and cmd.parse_subnet(proposal).prefixlen == 24


# --- the uninstaller ---------------------------------------------------------------------------


def test_removal_stops_deletes_the_service_and_its_firewall_rule_only() -> None:
    plan = cmd.remove_plan(5440)
    assert [args for _what, args, _done in plan] == [
        ["net", "stop", "MufakatPG-5440"],
        ["sc", "delete", "MufakatPG-5440"],
        ["netsh", "advfirewall", "firewall", "delete", "rule", "name=Mufakat PostgreSQL 5440"],
    ]
    assert cmd.firewall_rule_name(5440) in cmd.firewall_args(5440, "192.168.1.0/24")[5]
    flat = " ".join(" ".join(args) for _w, args, _d in plan).lower()
    assert not any(word in flat for word in ("rmdir", "del ", "rd ", "data", "programdata"))


@pytest.mark.parametrize(
    ("codes", "ok"),
    [([0, 0, 0], True), ([2, 0, 0], True), ([0, 1, 0], False), ([0, 0, 1], False)],
)
def test_removal_tries_every_step_and_a_stopped_service_is_no_failure(
    codes: list[int], ok: bool
) -> None:
    seen: list[Sequence[str]] = []

    def run(args: Sequence[str]) -> int:
        seen.append(args)
        return codes[len(seen) - 1]

    done, lines = installer.remove_service(5440, run)
    assert done is ok and len(seen) == 3 and len(lines) == 3
    assert ("tidak berhasil" in " ".join(lines)) is (codes != [0, 0, 0])


def test_remove_refuses_off_windows_and_says_the_data_stays(tmp_path: Path) -> None:
    result = tmp_path / "hapus.txt"
    assert main(["server", "remove", "--port", "5440", "--result-file", str(result)]) == 1
    lines = result.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "MUFAKAT-HASIL gagal 0" and "Folder data server tidak dihapus." in lines


# --- pg_dump / pg_restore on the server PC --------------------------------------------------------


def test_pg_dump_is_found_in_the_installed_pgsql_bin_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.resources
    from app.storage import pg_tools

    monkeypatch.delenv("MUFAKAT_PG_BIN", raising=False)
    monkeypatch.setattr(app.resources, "program_dir", lambda: tmp_path)
    folder = tmp_path / "pgsql" / "bin"
    folder.mkdir(parents=True)
    for name in ("pg_dump", "pg_restore"):
        tool = folder / (name + (".exe" if pg_tools.os.name == "nt" else ""))
        tool.write_text("")
        assert pg_tools.find_tool(name) == tool
    assert pg_tools._candidates()[0] == folder
