"""Data sources are confined: never okrs' own database, only allowed ${NAME} variables, only
files inside the operator's roots, and errors that never show secrets, files or row values."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from okrs.metrics import connectors
from okrs.metrics.connectors import MetricError, OwnDatabase, run_files, run_sql
from okrs.metrics.errors import describe


def refused(call: Any, *args: Any, **kwargs: Any) -> MetricError:
    with pytest.raises(MetricError) as raised:
        call(*args, **kwargs)
    return raised.value


@pytest.fixture
def confined(tmp_path: Path) -> Iterator[Path]:
    """Only ``tmp_path/root`` may be read; okrs' database is ``tmp_path/okrs.sqlite3`` and a
    PostgreSQL database ``okrs`` on 127.0.0.1:5432."""
    before = connectors.confinement()
    root = tmp_path / "root"
    root.mkdir()
    own = tmp_path / "okrs.sqlite3"
    own.write_bytes(b"")
    connectors.confine(
        file_roots=[root],
        variables=["ALLOWED_EXTRA"],
        own_databases=[
            OwnDatabase(backend="sqlite", name=str(own)),
            OwnDatabase(backend="postgresql", name="okrs", host="127.0.0.1", port=5432),
        ],
    )
    yield root
    connectors.confine(
        file_roots=before.file_roots,
        variables=before.variables,
        own_databases=before.own_databases,
    )
    connectors.dispose_engines()


# ${NAME} ----------------------------------------------------------------------------------------


def test_a_server_variable_that_is_not_allowed_is_refused_and_never_shown(
    confined: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECRET_KEY", "s3cr3t-value-of-the-server")
    error = refused(run_files, "t", "/nonexistent/${SECRET_KEY}/x.csv", "select 1")
    assert error.params == {"refused_variable": "SECRET_KEY"}
    message = describe(error.kind, error.params) + error.detail
    assert "SECRET_KEY" in message and "s3cr3t" not in message
    error = refused(run_sql, "${DATABASE_URL}", "select 1")
    assert error.params == {"refused_variable": "DATABASE_URL"}


def test_allowed_variables_are_the_source_prefix_and_the_operator_s_list(
    confined: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OKRS_SOURCE_FOLDER", str(confined))
    monkeypatch.setenv("ALLOWED_EXTRA", str(confined))
    (confined / "a.csv").write_text("n\n1\n2\n")
    for name in ("OKRS_SOURCE_FOLDER", "ALLOWED_EXTRA"):
        result = run_files("t", "${" + name + "}/a.csv", "select sum(n) from t")
        assert result.rows == [(3,)]


def test_an_expanded_password_never_comes_back_in_an_error(
    confined: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OKRS_SOURCE_PW", "hunter2-very-secret")
    url = "postgresql+psycopg://nobody:${OKRS_SOURCE_PW}@127.0.0.1:1/warehouse"
    error = refused(run_sql, url, "select 1")
    assert error.kind == "unavailable"
    assert "hunter2" not in error.detail + describe(error.kind, error.params)


# okrs' own database -----------------------------------------------------------------------------


def test_okrs_own_sqlite_file_is_refused_however_it_is_named(
    confined: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "okrs.sqlite3"
    link = tmp_path / "innocent.db"
    link.symlink_to(own)
    hard = tmp_path / "hard.db"
    os.link(own, hard)
    monkeypatch.setenv("OKRS_SOURCE_HOME", str(tmp_path))
    for url in (
        f"sqlite:///{own}",
        f"sqlite:///{tmp_path}/./sub/../okrs.sqlite3",
        f"sqlite:///{link}",
        f"sqlite:///{hard}",
        "sqlite:///${OKRS_SOURCE_HOME}/okrs.sqlite3",
        f"sqlite:///file:{own}?uri=true",
        "sqlite:///file:memorydb_default?mode=memory&cache=shared&uri=true",
    ):
        (tmp_path / "sub").mkdir(exist_ok=True)
        error = refused(run_sql, url, "select name from sqlite_master")
        assert error.params == {"own_database": True}, url


def test_okrs_own_postgresql_database_is_refused_through_any_alias_of_its_host(
    confined: Path,
) -> None:
    for url in (
        "postgresql://attacker@127.0.0.1:5432/okrs",
        "postgresql+psycopg://attacker@localhost/okrs",
        "postgresql://attacker@[::1]:5432/okrs",
        "postgresql://attacker@127.0.0.1/other?dbname=okrs",
        "postgresql://attacker@/okrs?host=/var/run/postgresql",
        "postgresql://attacker@127.0.0.1:5432/",
    ):
        error = refused(run_sql, url, "select 1")
        assert error.params == {"own_database": True}, url
    # Another database of the same server, or the same name on another port, is another source.
    error = refused(run_sql, "postgresql://nobody@127.0.0.1:1/okrs", "select 1")
    assert error.kind == "unavailable"


def test_the_real_settings_protect_the_database_okrs_runs_on() -> None:
    database = settings.DATABASES["default"]
    name = str(database["NAME"])
    if name.startswith("file:memorydb"):
        # The test run's in-memory database (once a test has created it): shared memory is refused.
        url = f"sqlite:///{name}&uri=true"
    elif "sqlite" in database["ENGINE"]:
        url = f"sqlite:///{name}"
    else:
        url = f"postgresql://nobody@{database.get('HOST') or 'localhost'}/{name}"
    assert name in {own.name for own in connectors.confinement().own_databases} or "memory" in name
    error = refused(run_sql, url, "select 1")
    assert error.params == {"own_database": True}


# Files ------------------------------------------------------------------------------------------


def test_dot_dot_cannot_widen_the_folder_duckdb_may_read(confined: Path) -> None:
    (confined / "a.csv").write_text("n\n1\n")
    error = refused(run_files, "t", f"{confined}/../r*t/a.csv", "select read_text('/etc/passwd')")
    assert error.params == {"parent_folder": f"{confined}/../r*t/a.csv"}


def test_files_outside_the_roots_are_refused(confined: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.csv").write_text("n\n1\n")
    error = refused(run_files, "t", f"{outside}/a.csv", "select 1")
    assert error.params == {"outside_roots": f"{outside}/a.csv"}
    # A link to a folder out of the roots is resolved before the check.
    (confined / "door").symlink_to(outside)
    error = refused(run_files, "t", f"{confined}/door/a.csv", "select 1")
    assert error.params == {"outside_roots": f"{confined}/door/a.csv"}


def test_a_file_link_out_of_the_roots_is_refused(confined: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("n\n42\n")
    (confined / "a.csv").write_text("n\n1\n")
    (confined / "b.csv").symlink_to(secret)
    error = refused(run_files, "t", f"{confined}/*.csv", "select sum(n) from t")
    assert error.params == {"outside_roots": f"{confined}/*.csv"}


def test_other_files_of_the_machine_cannot_be_read_from_a_query(confined: Path) -> None:
    (confined / "a.csv").write_text("n\n1\n")
    error = refused(run_files, "t", f"{confined}/a.csv", "select * from read_text('/etc/passwd')")
    assert "root:" not in error.detail


def test_error_details_never_quote_the_values_of_rows(confined: Path) -> None:
    (confined / "a.csv").write_text("name\nconfidential-customer-name\n")
    query = "select cast(name as integer) from t"
    error = refused(run_files, "t", f"{confined}/a.csv", query)
    assert error.kind == "query"
    assert error.detail and "confidential" not in error.detail
