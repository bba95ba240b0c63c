"""Sign-in protection: a username is locked from one address after repeated failures."""

from __future__ import annotations

import datetime as dt

import pytest
from axes.exceptions import AxesBackendRequestParameterRequired
from django.test import Client


def _fail(client: Client, username: str = "member"):
    return client.post("/accounts/login/", {"username": username, "password": "wrong"})


def _sign_in(client: Client, persona: str = "member"):
    """The persona's right password (tests/conftest.py gives each persona ``pw-<name>``)."""
    return client.post("/accounts/login/", {"username": persona, "password": "pw-" + persona})


@pytest.mark.django_db
def test_five_failures_lock_the_username_from_that_address(world):
    client = Client()
    for _ in range(4):
        assert _fail(client).status_code == 200
    locked = _fail(client)
    assert locked.status_code == 429
    assert "Wait 15 minutes" in locked.text and "administrator" in locked.text
    # The right password is refused too while the lock lasts.
    right = _sign_in(client)
    assert right.status_code == 429


@pytest.mark.django_db
def test_the_lock_is_per_username_and_address(world):
    client = Client()
    for _ in range(5):
        _fail(client)
    other_user = _sign_in(client, "lead")
    assert other_user.status_code == 302
    elsewhere = Client(REMOTE_ADDR="10.0.0.9")
    ok = _sign_in(elsewhere)
    assert ok.status_code == 302


@pytest.mark.django_db
def test_the_lock_ends_after_the_cool_off(world, _pinned_clock):
    client = Client()
    for _ in range(5):
        _fail(client)
    _pinned_clock.shift(dt.timedelta(minutes=16))
    ok = _sign_in(client)
    assert ok.status_code == 302


@pytest.mark.django_db
def test_a_success_clears_the_failures(world):
    client = Client()
    for _ in range(4):
        _fail(client)
    assert _sign_in(client).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        assert _fail(client).status_code == 200


@pytest.mark.django_db
def test_the_lockout_page_is_translated(world):
    client = Client(HTTP_ACCEPT_LANGUAGE="it")
    for _ in range(5):
        locked = _fail(client)
    assert locked.status_code == 429
    assert "Wait 15 minutes" not in locked.text


@pytest.mark.django_db
def test_force_login_still_works_and_client_login_needs_a_request(world):
    """Tests sign in with force_login; client.login calls authenticate without a request,
    which axes refuses (it cannot tell the address), so tests must not use it."""
    client = Client()
    client.force_login(world.users["member"])
    assert client.get("/o/acme/").status_code == 200
    with pytest.raises(AxesBackendRequestParameterRequired):
        Client().login(username="member", password="pw-member")


# Password reset ---------------------------------------------------------------------------------


def _reset(client: Client, email: str = "member@acme.test"):
    return client.post("/accounts/password_reset/", {"email": email})


@pytest.fixture
def _empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_password_reset_is_refused_after_five_requests(world, _empty_cache):
    from django.core import mail

    world.users["member"].email = "member@acme.test"
    world.users["member"].save()
    client = Client()
    for _ in range(5):
        assert _reset(client).status_code == 302
    refused = _reset(client)
    assert refused.status_code == 429
    assert "Wait 15 minutes" in refused.text
    assert len(mail.outbox) == 5
    # Another email, or another address, still goes through.
    assert _reset(client, "lead@acme.test").status_code == 302
    assert _reset(Client(REMOTE_ADDR="10.0.0.9")).status_code == 302


@pytest.mark.django_db
def test_password_reset_limit_ends_with_the_window(world, _empty_cache, _pinned_clock):
    client = Client()
    for _ in range(5):
        _reset(client)
    assert _reset(client).status_code == 429
    _pinned_clock.shift(dt.timedelta(minutes=16))
    assert _reset(client).status_code == 302


@pytest.mark.django_db
def test_password_reset_counts_emails_regardless_of_case(world, _empty_cache):
    client = Client()
    for _ in range(5):
        _reset(client, "Member@Acme.test")
    assert _reset(client, "member@acme.TEST").status_code == 429


# okrs unlock ------------------------------------------------------------------------------------


def _lock_member() -> Client:
    client = Client()
    for _ in range(5):
        _fail(client)
    assert _sign_in(client).status_code == 429
    return client


@pytest.mark.django_db
def test_okrs_unlock_username_lifts_the_lock(world, capsys):
    from okrs.cli import main

    client = _lock_member()
    assert main(["unlock", "member"]) == 0
    assert "Unlocked username 'member'" in capsys.readouterr().out
    ok = _sign_in(client)
    assert ok.status_code == 302


@pytest.mark.django_db
def test_okrs_unlock_ip_lifts_the_lock(world, capsys):
    from okrs.cli import main

    client = _lock_member()
    assert main(["unlock", "--ip", "127.0.0.1"]) == 0
    assert "Unlocked address 127.0.0.1" in capsys.readouterr().out
    ok = _sign_in(client)
    assert ok.status_code == 302


@pytest.mark.django_db
def test_okrs_unlock_says_when_there_is_nothing_to_unlock(world, capsys):
    from okrs.cli import main

    assert main(["unlock", "lead"]) == 0
    assert "Nothing to unlock" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.parametrize(
    "argv, message",
    [
        (["unlock"], "give a USERNAME or --ip ADDRESS"),
        (["unlock", "member", "--ip", "127.0.0.1"], "give a USERNAME or --ip ADDRESS"),
        (["unlock", "--ip", "not-an-ip"], "is not an IP address"),
    ],
)
def test_okrs_unlock_refuses_bad_input_clearly(world, capsys, argv, message):
    from okrs.cli import main

    assert main(argv) == 2
    assert message in capsys.readouterr().err
