"""The "Hubungkan ke Server…" values turned into a `postgresql://` address and back (issue 15)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.server.connection import ConnectionForm, connected_message, try_connection
from app.server_url import parse_server_url
from tests.pg import free_port

names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_\-]{0,20}", fullmatch=True)
hosts = st.one_of(
    st.ip_addresses(v=4).map(str),
    st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9\-]{0,20}[A-Za-z0-9])?", fullmatch=True),
)
passwords = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
)


@given(hosts, st.integers(1, 65535), names, names, passwords)
def test_every_form_round_trips_through_the_address(
    host: str, port: int, dbname: str, user: str, password: str
) -> None:
    form = ConnectionForm(f" {host} ", f"{port} ", dbname, user, password)
    parsed = parse_server_url(form.url())
    assert (parsed.host.lower(), parsed.port, parsed.dbname, parsed.user, parsed.password) == (
        host.lower(), port, dbname, user, password,
    )  # fmt: skip
    assert parsed.shown() == f"postgresql://{user}@{parsed.host}:{port}/{dbname}"
    assert "password=" not in repr(parsed)


def test_an_ipv6_server_gets_brackets() -> None:
    form = ConnectionForm("fe80::1", "5439", "mufakat", "mufakat", "x")
    assert form.url() == "postgresql://mufakat:x@[fe80::1]:5439/mufakat"
    assert parse_server_url(form.url()).host == "fe80::1"


@pytest.mark.parametrize(
    ("form", "field"),
    [
        (("", "5439", "mufakat", "mufakat", "pw"), "host"),
        (("server kantor", "5439", "mufakat", "mufakat", "pw"), "host"),
        (("192.168.1.10", "", "mufakat", "mufakat", "pw"), "port"),
        (("192.168.1.10", "0", "mufakat", "mufakat", "pw"), "port"),
        (("192.168.1.10", "65536", "mufakat", "mufakat", "pw"), "port"),
        (("192.168.1.10", "54a", "mufakat", "mufakat", "pw"), "port"),
        (("192.168.1.10", "5439", "", "mufakat", "pw"), "dbname"),
        (("192.168.1.10", "5439", "1abc", "mufakat", "pw"), "dbname"),
        (("192.168.1.10", "5439", "mufakat", "a b", "pw"), "user"),
        (("192.168.1.10", "5439", "mufakat", "mufakat", ""), "password"),
    ],
)
def test_a_bad_field_is_named(form: tuple[str, ...], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ConnectionForm(*form).url()
    assert caught.value.field == field


@given(passwords.map(lambda text: f"PW<{text}>"), st.sampled_from(["bad host", "", "-x"]))
def test_no_message_repeats_the_password(password: str, host: str) -> None:
    form = ConnectionForm(host, "5439", "mufakat", "mufakat", password)
    with pytest.raises(ValidationError) as caught:
        form.url()
    assert password not in caught.value.message


def test_a_closed_port_is_the_unreachable_message_at_the_address() -> None:
    form = ConnectionForm("127.0.0.1", str(free_port()), "mufakat", "mufakat", "rahasia-1")
    with pytest.raises(ValidationError) as caught:
        try_connection(form)
    assert caught.value.field == "host"
    assert caught.value.message.startswith("Server kantor tidak bisa dihubungi")
    assert "rahasia-1" not in caught.value.message


def test_the_honest_message_after_a_working_test() -> None:
    text = connected_message("15.18")
    assert "Koneksi berhasil" in text and "15.18" in text and "Klik Hubungkan" in text
