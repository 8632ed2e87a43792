"""`--db postgresql://…` (issue 15): the address is read and checked, and until the program
runs a cooperative on the server it says so plainly instead of opening the address as a file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.cli import main
from app.errors import ValidationError
from app.server_url import ServerUrl, is_server_url, parse_server_url

names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
)
hosts = st.sampled_from(["server-kantor", "192.168.1.10", "pc01.lan", "localhost"])


@given(
    user=names,
    password=st.none() | names,
    host=hosts,
    port=st.none() | st.integers(1, 65535),
    db=names.filter(lambda s: "/" not in s),
)
def test_an_address_is_read_back_exactly(
    user: str, password: str | None, host: str, port: int | None, db: str
) -> None:
    auth = quote(user, safe="") + ("" if password is None else ":" + quote(password, safe=""))
    where = host + ("" if port is None else f":{port}")
    url = parse_server_url(f"postgresql://{auth}@{where}/{quote(db, safe='')}")
    assert url == ServerUrl(user, password, host, port or 5432, db)
    assert (
        password is None
        or password not in url.shown().split("@")[0].split("//")[1]
        or password in user
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("postgresql://server/kop", "nama pengguna"),
        ("postgresql://kasir@/kop", "alamat server"),
        ("postgresql://kasir@server:99999/kop", "port"),
        ("postgresql://kasir@server:abc/kop", "port"),
        ("postgresql://kasir@server/", "nama database"),
        ("postgresql://kasir@server/a/b", "nama database"),
        ("postgresql:kasir@server/kop", "postgresql://"),
        ("postgresql://kasir@server/kop?sslmode=disable", "tanda ?"),
    ],
)
def test_an_incomplete_address_is_refused_with_the_reason(text: str, why: str) -> None:
    with pytest.raises(ValidationError, match=why):
        parse_server_url(text)


def test_only_server_addresses_are_taken_for_one() -> None:
    assert is_server_url("postgresql://a@b/c") and is_server_url("POSTGRES://a@b/c")
    assert not is_server_url("koperasi.db") and not is_server_url("C:\\data\\postgresql.db")


SECRET = "rahasia-sekali"


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--db", f"postgresql://kasir:{SECRET}@server-kantor:5433/kop"],
        ["check", f"--db=postgresql://kasir:{SECRET}@server-kantor:5433/kop"],
    ],
)
def test_check_does_not_run_on_the_server_yet_and_says_so(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "belum didukung" in err and "postgresql://kasir@server-kantor:5433/kop" in err
    assert SECRET not in err
    assert list(tmp_path.iterdir()) == []  # nothing made under the address as a file name


def test_a_malformed_server_address_says_what_is_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--db", "postgresql://server-kantor/kop"]) == 2
    assert "nama pengguna" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["backup", "--db", f"postgresql://kasir:{SECRET}@127.0.0.1:1/kop", "--to", "x"],
        ["restore", "--db", f"postgresql://kasir:{SECRET}@127.0.0.1:1/kop", "--from", "x.dump",
         "--user", "admin"],
        ["server", "move", "--db", "x.db", "--to", f"postgresql://kasir:{SECRET}@127.0.0.1:1/kop",
         "--user", "admin"],
        ["demo", f"postgresql://kasir:{SECRET}@127.0.0.1:1/kop", "--members", "5"],
    ],
)  # fmt: skip
def test_the_server_commands_take_the_address_and_never_show_its_password(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """backup, restore, server move and demo go to the server (none listens on port 1 here)."""
    monkeypatch.chdir(tmp_path)
    assert main(argv) in (1, 2)
    err = capsys.readouterr().err
    assert err.startswith("GAGAL:") and "belum didukung" not in err
    assert SECRET not in err
    assert list(tmp_path.iterdir()) == []
