"""The office server's commands and configuration as text (issue 15 §3): what Windows will run
is checked here, on any machine."""

from __future__ import annotations

import ipaddress
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.server import commands as cmd
from app.server import setup

BIN = PureWindowsPath(r"C:\Program Files\Mufakat\pgsql\bin")
DATA = PureWindowsPath(r"C:\ProgramData\Mufakat Server\data")


def test_initdb_uses_scram_a_password_file_and_our_superuser() -> None:
    args = cmd.initdb_args(BIN, DATA, PureWindowsPath(r"C:\Temp\pw"), windows=True)
    assert args[0] == r"C:\Program Files\Mufakat\pgsql\bin\initdb.exe"
    assert args[1:5] == ["-D", str(DATA), "-U", "mufakat_admin"]
    assert r"--pwfile=C:\Temp\pw" in args and "--auth=scram-sha-256" in args
    assert "--data-checksums" in args
    assert not any("trust" in a for a in args)
    linux = cmd.initdb_args(PurePosixPath("/usr/lib/postgresql/15/bin"), PurePosixPath("/d"),
                            PurePosixPath("/tmp/pw"), windows=False)  # fmt: skip
    assert linux[0] == "/usr/lib/postgresql/15/bin/initdb"


def test_the_service_is_named_after_its_port_and_runs_as_network_service() -> None:
    args = cmd.register_service_args(BIN, DATA, 5440)
    assert args == [
        r"C:\Program Files\Mufakat\pgsql\bin\pg_ctl.exe", "register",
        "-N", "MufakatPG-5440",
        "-D", r"C:\ProgramData\Mufakat Server\data",
        "-U", r"NT AUTHORITY\NetworkService",
        "-S", "auto", "-w",
    ]  # fmt: skip
    assert cmd.start_service_args(5440) == ["net", "start", "MufakatPG-5440"]
    assert cmd.grant_data_folder_args(DATA)[:3] == ["icacls", str(DATA), "/grant"]


def test_the_firewall_rule_opens_that_port_to_that_subnet_only() -> None:
    args = cmd.firewall_args(5439, "192.168.1.0/24")
    assert args[:5] == ["netsh", "advfirewall", "firewall", "add", "rule"]
    assert "name=Mufakat PostgreSQL 5439" in args
    assert {"dir=in", "action=allow", "protocol=TCP", "localport=5439"} <= set(args)
    assert "remoteip=192.168.1.0/24" in args
    assert not any(a.startswith("remoteip=any") for a in args)


def test_the_windows_plan_runs_in_order_service_before_the_firewall() -> None:
    plan = cmd.windows_plan(BIN, DATA, 5441, "10.0.0.0/16")
    steps = [args[0] if args[0] != str(BIN / "pg_ctl.exe") else "pg_ctl" for _, args in plan]
    assert steps == ["icacls", "pg_ctl", "net", "netsh"]
    assert all(isinstance(a, str) for _, args in plan for a in args)
    assert all(what for what, _ in plan)


@given(
    st.ip_addresses(v=4).filter(lambda a: a.is_private),
    st.integers(min_value=8, max_value=32),
)
def test_hba_allows_exactly_the_office_subnet_and_localhost(
    address: ipaddress.IPv4Address, prefix: int
) -> None:
    network = ipaddress.ip_network(f"{address}/{prefix}", strict=False)
    if not network.is_private:
        return  # a wide prefix of a private address can reach public space: refused below
    text = cmd.hba_text(f"{address}/{prefix}")
    lines = [line.split() for line in text.splitlines() if line and not line.startswith("#")]
    assert all(line[0] == "host" and line[-1] == "scram-sha-256" for line in lines)
    assert [line[3] for line in lines] == ["127.0.0.1/32", "::1/128", str(network)]
    assert lines[2][1:3] == ["mufakat", "mufakat"]  # only the program's role, its database


@pytest.mark.parametrize(
    ("subnet", "why"),
    [
        ("0.0.0.0/0", "bukan jaringan lokal"),
        ("8.8.8.0/24", "bukan jaringan lokal"),
        ("192.168.1.10", "panjang awalan"),
        ("192.168.300.0/24", "tidak bisa dibaca"),
        ("kantor", "panjang awalan"),
        ("10.0.0.0/7", "bukan jaringan lokal"),
    ],
)
def test_a_subnet_that_is_not_an_office_lan_is_refused(subnet: str, why: str) -> None:
    with pytest.raises(ValidationError, match=why) as caught:
        cmd.parse_subnet(subnet)
    assert caught.value.field == "subnet"


def test_a_host_address_inside_the_subnet_names_the_same_office() -> None:
    assert str(cmd.parse_subnet(" 192.168.1.7/24 ")) == "192.168.1.0/24"


def test_conf_sets_its_own_port_and_listens_on_the_lan() -> None:
    text = cmd.conf_settings(5447)
    assert "port = 5447\n" in text and "listen_addresses = '*'" in text
    assert "password_encryption = 'scram-sha-256'" in text


def test_port_choice_starts_at_5439_and_skips_taken_ones() -> None:
    taken = {5439, 5440, 5442}
    assert setup.choose_port(None, lambda p: p not in taken) == 5441
    assert setup.choose_port(None, lambda p: True) == 5439
    with pytest.raises(ValidationError, match="Tidak ada port kosong"):
        setup.choose_port(None, lambda p: False)


@given(st.integers(min_value=1024, max_value=65535))
def test_an_asked_port_is_used_when_free_and_refused_when_taken(port: int) -> None:
    assert setup.choose_port(port, lambda p: True) == port
    with pytest.raises(ValidationError, match=f"Port {port} sudah dipakai") as caught:
        setup.choose_port(port, lambda p: p != port)
    assert caught.value.field == "port"


@pytest.mark.parametrize("port", [0, 80, 1023, 65536])
def test_a_port_outside_1024_to_65535_is_refused(port: int) -> None:
    with pytest.raises(ValidationError, match="1024 sampai 65535"):
        setup.choose_port(port, lambda p: True)


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    setup.check_data_folder(tmp_path / "baru")  # missing: fine
    setup.check_data_folder(tmp_path)  # empty: fine
    (tmp_path / "lain.txt").write_text("x")
    with pytest.raises(ValidationError, match="tidak kosong") as caught:
        setup.check_data_folder(tmp_path)
    assert caught.value.field == "data"
    with pytest.raises(ValidationError, match="bukan folder"):
        setup.check_data_folder(tmp_path / "lain.txt")


def _fake_bin(folder: Path, windows: bool) -> None:
    folder.mkdir(parents=True)
    for name in ("initdb", "pg_ctl", "postgres"):
        (folder / (f"{name}.exe" if windows else name)).write_text("")


def test_binaries_are_found_in_pgsql_bin_next_to_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(setup, "program_dir", lambda: tmp_path)
    with pytest.raises(ValidationError, match="tidak ditemukan") as caught:
        setup.find_pg_bin(windows=True, env="")
    assert caught.value.field == "bin" and "pgsql" in caught.value.message
    _fake_bin(tmp_path / "pgsql" / "bin", windows=True)
    assert setup.find_pg_bin(windows=True, env="") == tmp_path / "pgsql" / "bin"
    _fake_bin(tmp_path / "own", windows=True)
    assert setup.find_pg_bin(windows=True, env=str(tmp_path / "own")) == tmp_path / "own"


def test_half_a_set_of_binaries_is_not_enough(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(setup, "program_dir", lambda: tmp_path)
    folder = tmp_path / "pgsql" / "bin"
    folder.mkdir(parents=True)
    (folder / "initdb.exe").write_text("")
    (folder / "pg_ctl.exe").write_text("")
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        setup.find_pg_bin(windows=True, env="")


@pytest.mark.parametrize(
    ("text", "ok"), [("", False), ("pendek\n", False), ("cukup-panjang\nbaris dua", True)]
)
def test_the_password_is_the_first_line_of_its_file(tmp_path: Path, text: str, ok: bool) -> None:
    path = tmp_path / "pw.txt"
    path.write_text(text)
    if ok:
        assert setup.read_password_file(path) == "cukup-panjang"
    else:
        with pytest.raises(ValidationError, match="terlalu pendek"):
            setup.read_password_file(path)
    with pytest.raises(ValidationError, match="tidak bisa dibaca"):
        setup.read_password_file(tmp_path / "tidak-ada.txt")


def test_runner_runs_as_postgres_through_runuser_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    class Done:
        returncode, stdout, stderr = 0, "ok", ""

    def fake_run(command: list[str], **_: object) -> Done:
        seen.append(command)
        return Done()

    monkeypatch.setattr(setup.subprocess, "run", fake_run)
    setup.Runner("postgres")(["initdb", "-D", "x"], "initdb")
    setup.Runner(None)(["initdb"], "initdb")
    assert seen == [["runuser", "-u", "postgres", "--", "initdb", "-D", "x"], ["initdb"]]


def test_a_failing_command_names_its_step(monkeypatch: pytest.MonkeyPatch) -> None:
    class Failed:
        returncode, stdout, stderr = 3, "", "Access is denied.\n"

    monkeypatch.setattr(setup.subprocess, "run", lambda *a, **k: Failed())
    with pytest.raises(
        setup.SetupFailed, match=r"Membuat aturan firewall gagal \(kode 3\): Access"
    ):
        setup.Runner()(["netsh"], "Membuat aturan firewall")


def test_waiting_for_the_server_ends_when_it_listens_or_after_the_limit() -> None:
    import socket

    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        setup.wait_for_port(listening.getsockname()[1], seconds=1)
        closed = listening.getsockname()[1]
    with pytest.raises(setup.SetupFailed, match=f"tidak menjawab di port {closed}"):
        setup.wait_for_port(closed, seconds=0.2)
