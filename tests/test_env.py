"""Settings read from environment variables: clear values work, bad ones stop start-up by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from okrs.lib.env import (
    SQLITE_OPTIONS,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_path,
    env_str,
)

VARIABLE = "OKRS_TEST_SETTING"


@pytest.fixture
def setting(monkeypatch: pytest.MonkeyPatch):
    """``setting("value")`` sets the test variable; ``setting(None)`` removes it."""
    monkeypatch.delenv(VARIABLE, raising=False)

    def set_to(value: str | None) -> None:
        if value is None:
            monkeypatch.delenv(VARIABLE, raising=False)
        else:
            monkeypatch.setenv(VARIABLE, value)

    return set_to


# Text and booleans ------------------------------------------------------------------------------


def test_env_str_reads_the_variable_or_the_default(setting):
    assert env_str(VARIABLE, "fallback") == "fallback"
    setting("value with spaces ")
    assert env_str(VARIABLE, "fallback") == "value with spaces "


@pytest.mark.parametrize("word", ["1", "true", "TRUE", "Yes", "on", " on "])
def test_env_bool_true_words(setting, word):
    setting(word)

    assert env_bool(VARIABLE, False) is True


@pytest.mark.parametrize("word", ["0", "false", "False", "NO", "off", "", "  "])
def test_env_bool_false_words(setting, word):
    setting(word)

    assert env_bool(VARIABLE, True) is False


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_unset_gives_default(setting, default):
    assert env_bool(VARIABLE, default) is default


@pytest.mark.parametrize("word", ["maybe", "2", "y", "enabled", "tru"])
def test_env_bool_refuses_other_words_naming_the_variable(setting, word):
    setting(word)

    with pytest.raises(ImproperlyConfigured) as raised:
        env_bool(VARIABLE, False)

    message = str(raised.value)
    assert message.startswith(f"{VARIABLE}={word!r} is not a boolean")
    assert "true" in message and "false" in message


# Integers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "value"), [("12", 12), (" 7 ", 7), ("-3", -3), ("0", 0)])
def test_env_int_reads_whole_numbers(setting, raw, value):
    setting(raw)

    assert env_int(VARIABLE, 99) == value


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_env_int_unset_or_blank_gives_default(setting, raw):
    setting(raw)

    assert env_int(VARIABLE, 99) == 99


@pytest.mark.parametrize("raw", ["abc", "1.5", "1e3", "ten"])
def test_env_int_refuses_non_numbers_naming_the_variable(setting, raw):
    setting(raw)

    with pytest.raises(ImproperlyConfigured, match=rf"^{VARIABLE}='{raw}' is not a whole number"):
        env_int(VARIABLE, 99)


def test_env_int_minimum(setting):
    setting("1")
    assert env_int(VARIABLE, 99, minimum=1) == 1

    setting("0")
    with pytest.raises(ImproperlyConfigured) as raised:
        env_int(VARIABLE, 99, minimum=1)
    assert str(raised.value) == f"{VARIABLE}=0 is too small; it must be at least 1."


# Lists and paths --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "items"),
    [
        ("a.example.com", ["a.example.com"]),
        ("a.example.com, b.example.com", ["a.example.com", "b.example.com"]),
        (" a ,, b ,", ["a", "b"]),
        ("", []),
        (" , ", []),
    ],
)
def test_env_list_splits_on_commas_and_drops_blanks(setting, raw, items):
    setting(raw)

    assert env_list(VARIABLE, ["default"]) == items


def test_env_list_unset_gives_a_copy_of_the_default(setting):
    default = ["127.0.0.1", "localhost"]

    result = env_list(VARIABLE, default)
    result.append("evil.example.com")

    assert default == ["127.0.0.1", "localhost"]


def test_env_path_is_absolute_with_home_expanded(setting, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)

    assert env_path(VARIABLE, Path("/default")) == Path("/default")
    setting("~/okrs")
    assert env_path(VARIABLE, Path("/default")) == tmp_path.resolve() / "okrs"
    setting("data")
    assert env_path(VARIABLE, Path("/default")) == tmp_path.resolve() / "data"
    setting("")
    assert env_path(VARIABLE, Path("/default")) == Path("/default")


# Database URLs ----------------------------------------------------------------------------------


def test_sqlite_url_with_absolute_path():
    database = database_from_url("sqlite:////var/lib/okrs/okrs.sqlite3")

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == "/var/lib/okrs/okrs.sqlite3"
    assert database["OPTIONS"] == SQLITE_OPTIONS
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_sqlite_url_with_relative_path():
    assert database_from_url("sqlite:///data/okrs.sqlite3")["NAME"] == "data/okrs.sqlite3"


def test_sqlite_options_are_a_copy():
    database_from_url("sqlite:///a.sqlite3")["OPTIONS"]["timeout"] = 1

    assert SQLITE_OPTIONS["timeout"] == 20


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite://host/okrs.sqlite3"])
def test_sqlite_url_without_a_file_path_is_refused(url):
    with pytest.raises(ImproperlyConfigured) as raised:
        database_from_url(url)

    assert str(raised.value).startswith(f"DATABASE_URL={url!r}: a SQLite URL needs a file path")


def test_postgres_url_with_every_part():
    database = database_from_url("postgres://okrs:s3cret@db.internal:5432/okrs?sslmode=require")

    assert database == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "okrs",
        "USER": "okrs",
        "PASSWORD": "s3cret",
        "HOST": "db.internal",
        "PORT": "5432",
        "OPTIONS": {"sslmode": "require"},
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "pgsql", "POSTGRES"])
def test_postgres_url_schemes(scheme):
    database = database_from_url(f"{scheme}://postgres@127.0.0.1/okrs_dev")

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == (
        "okrs_dev",
        "postgres",
        "",
    )
    assert (database["HOST"], database["PORT"], database["OPTIONS"]) == ("127.0.0.1", "", {})


def test_postgres_url_decodes_escaped_characters():
    database = database_from_url("postgres://ok%40rs:p%2Fss%3Aw@host/my%20db")

    assert (database["USER"], database["PASSWORD"], database["NAME"]) == (
        "ok@rs",
        "p/ss:w",
        "my db",
    )


@pytest.mark.parametrize("url", ["postgres://user@host:5432/", "postgres://user@host:5432"])
def test_postgres_url_without_database_name_is_refused(url):
    with pytest.raises(ImproperlyConfigured, match="the URL names no database"):
        database_from_url(url)


@pytest.mark.parametrize("port", ["abc", "99999"])
def test_postgres_url_with_bad_port_is_refused(port):
    with pytest.raises(ImproperlyConfigured, match="the port is not a number"):
        database_from_url(f"postgres://user@host:{port}/okrs")


@pytest.mark.parametrize(
    "url", ["mysql://user@host/okrs", "oracle://x/y", "/var/lib/okrs.sqlite3", "", "okrs.sqlite3"]
)
def test_unknown_database_is_refused(url):
    with pytest.raises(ImproperlyConfigured, match="unsupported database"):
        database_from_url(url)


def test_database_errors_name_the_variable_they_came_from():
    with pytest.raises(ImproperlyConfigured) as raised:
        database_from_url("mysql://user@host/okrs", name="METRICS_DATABASE_URL")

    assert str(raised.value).startswith("METRICS_DATABASE_URL='mysql://user@host/okrs':")


def test_database_url_errors_never_show_the_password():
    with pytest.raises(ImproperlyConfigured) as raised:
        database_from_url("postgres://okrs:hunter2@db:5432/")
    assert "hunter2" not in str(raised.value)
    assert "okrs:***@db:5432" in str(raised.value)
