"""The connectors on real databases and files: results, parameters, read-only, limits, failures."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrs.metrics import connectors
from okrs.metrics.connectors import MetricError, expand_env, redacted_url, run_files, run_sql

CYCLE = {"cycle_start": dt.date(2026, 1, 6), "cycle_end": dt.date(2026, 2, 28)}


def closed_port() -> int:
    """A local port nobody listens on (bound then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def failure(call: Any, *args: Any, **kwargs: Any) -> tuple[MetricError, float]:
    started = time.perf_counter()
    with pytest.raises(MetricError) as raised:
        call(*args, **kwargs)
    return raised.value, time.perf_counter() - started


# SQL: PostgreSQL --------------------------------------------------------------------------------


def test_postgres_sum_with_cycle_parameters(warehouse: Any) -> None:
    result = run_sql(
        warehouse.url,
        "select sum(amount) from orders where created between :cycle_start and :cycle_end",
        params=CYCLE,
    )
    assert result.columns == ("sum",)
    assert result.rows == [(Decimal("25.25"),)]


def test_postgres_history_query_keeps_dates_and_casts(warehouse: Any) -> None:
    result = run_sql(
        warehouse.url,
        "select created, count(*) from orders where created >= :cycle_start::date"
        " group by created order by created",
        params=CYCLE,
    )
    assert result.rows == [
        (dt.date(2026, 1, 6), 1),
        (dt.date(2026, 2, 1), 1),
        (dt.date(2026, 3, 15), 1),
    ]


@pytest.mark.parametrize(
    "query",
    [
        "insert into orders values (9, 1, '2026-01-01', 'paid')",
        "update orders set amount = 0",
        "delete from orders",
        "create table stolen as select * from orders",
        "select 1; commit; insert into orders values (9, 1, '2026-01-01', 'paid')",
        "commit; delete from orders",
        "with gone as (delete from orders returning id) select count(*) from gone",
        "set transaction read write; delete from orders",
        "/* a comment */ update orders set amount = 0 returning id",
    ],
)
def test_postgres_refuses_writes_and_leaves_data_unchanged(warehouse: Any, query: str) -> None:
    error, _ = failure(run_sql, warehouse.url, query)
    assert error.kind in {"not_a_query", "query"}
    assert warehouse.count() == 4
    assert warehouse.execute("select sum(amount) from orders") == [(Decimal("135.75"),)]
    assert warehouse.execute("select to_regclass('stolen')") == [(None,)]


def test_postgres_statement_timeout_stops_the_query_in_about_the_timeout(warehouse: Any) -> None:
    error, seconds = failure(run_sql, warehouse.url, "select pg_sleep(5)", timeout=1)
    assert error.kind == "timeout"
    assert error.params == {"seconds": 1}
    assert "statement timeout" in error.detail
    assert 0.9 <= seconds < 3


def test_postgres_row_limit(warehouse: Any) -> None:
    query = "select created, amount from orders"
    assert len(run_sql(warehouse.url, query, row_limit=4).rows) == 4
    error, _ = failure(run_sql, warehouse.url, query, row_limit=3)
    assert (error.kind, error.params) == ("too_many_rows", {"limit": 3})


def test_postgres_row_limit_never_fetches_a_huge_result(warehouse: Any) -> None:
    # Fifty million rows would take long to send: only row_limit + 1 ever leave the server.
    error, seconds = failure(
        run_sql, warehouse.url, "select generate_series(1, 50000000)", row_limit=10
    )
    assert error.kind == "too_many_rows"
    assert seconds < 5


def test_postgres_sql_error_is_the_database_s_own_words(warehouse: Any) -> None:
    error, _ = failure(run_sql, warehouse.url, "select nope from orders")
    assert error.kind == "query"
    assert error.detail == 'column "nope" does not exist'


def test_an_error_that_comes_after_the_timeout_is_not_called_a_timeout() -> None:
    # The old rule called any error that came later than `timeout` seconds a timeout.
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed_port()}/nothing"
    error, seconds = failure(run_sql, url, "select 1", timeout=0.000001)
    assert seconds > 0.000001
    assert error.kind == "unavailable"


def test_unreachable_server_is_unavailable_at_once() -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed_port()}/nothing"
    error, seconds = failure(run_sql, url, "select 1", timeout=30)
    assert error.kind == "unavailable"
    assert "refused" in error.detail
    assert seconds < 5


def test_unknown_database_is_unavailable(warehouse: Any) -> None:
    error, _ = failure(run_sql, warehouse.url + "_missing", "select 1")
    assert error.kind == "unavailable"
    assert "does not exist" in error.detail


def test_backend_killed_mid_query_is_unavailable_and_the_next_query_works(
    warehouse: Any,
) -> None:
    def terminate() -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            killed = warehouse.execute(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = %s"
                " and state = 'active' and pid <> pg_backend_pid()",
                (warehouse.name,),
            )
            if killed:
                return
            time.sleep(0.05)

    killer = threading.Thread(target=terminate)
    killer.start()
    error, seconds = failure(run_sql, warehouse.url, "select pg_sleep(4), 1", timeout=10)
    killer.join()
    assert error.kind == "unavailable"
    assert "terminating connection" in error.detail
    assert seconds < 3
    # The broken connection left the pool: the source works again on the next run.
    assert run_sql(warehouse.url, "select count(*) from orders").rows == [(4,)]


def test_pool_size_of_each_caller_is_kept(warehouse: Any) -> None:
    run_sql(warehouse.url, "select 1", pool_size=1)
    run_sql(warehouse.url, "select 1", pool_size=3)
    sizes = sorted(
        engine.pool.size()
        for (url, _), engine in connectors._engines.items()
        if url == warehouse.url
    )
    assert sizes == [1, 3]


def test_queries_at_once_share_the_pool_safely(warehouse: Any) -> None:
    results: list[Any] = []

    def one(n: int) -> None:
        results.append(
            run_sql(warehouse.url, f"select {n} + count(*) from orders, pg_sleep(0.2)", pool_size=4)
        )

    threads = [threading.Thread(target=one, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.rows[0][0] for r in results) == [n + 4 for n in range(8)]


# SQL: SQLite --------------------------------------------------------------------------------------


def test_sqlite_file_sum_with_cycle_parameters(sqlite_file: Path) -> None:
    result = run_sql(
        f"sqlite:///{sqlite_file}",
        "select sum(amount) from orders where created between :cycle_start and :cycle_end",
        params=CYCLE,
    )
    assert result.rows == [(25.25,)]


@pytest.mark.parametrize(
    "query",
    [
        "insert into orders values (9, 1, '2026-01-01', 'paid')",
        "insert into orders values (9, 1, '2026-01-01', 'paid') returning id",
        "update orders set amount = 0",
        "delete from orders",
        "create table stolen (x)",
        "with doomed as (select 1) delete from orders",
        "select 1; delete from orders",
        "pragma query_only = off",
        "attach database 'elsewhere.db' as other",
        "vacuum into 'copy.db'",
    ],
)
def test_sqlite_refuses_writes_and_leaves_data_unchanged(
    sqlite_file: Path, sqlite_count: Any, query: str
) -> None:
    error, _ = failure(run_sql, f"sqlite:///{sqlite_file}", query)
    assert error.kind in {"not_a_query", "query"}
    assert sqlite_count(sqlite_file) == 4
    assert sorted(p.name for p in sqlite_file.parent.iterdir()) == ["shop.db"]


def test_sqlite_long_query_is_interrupted(sqlite_file: Path) -> None:
    endless = (
        "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    )
    error, seconds = failure(run_sql, f"sqlite:///{sqlite_file}", endless, timeout=0.5)
    assert (error.kind, error.params) == ("timeout", {"seconds": 0.5})
    assert 0.4 <= seconds < 3


def test_sqlite_missing_file_is_unavailable_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    error, _ = failure(run_sql, f"sqlite:///{missing}", "select 1")
    assert error.kind == "unavailable"
    assert not missing.exists()


def test_sqlite_unknown_table_is_a_query_error_even_when_named_like_a_connection(
    sqlite_file: Path,
) -> None:
    error, _ = failure(run_sql, f"sqlite:///{sqlite_file}", "select count(*) from connections")
    assert (error.kind, error.detail) == ("query", "no such table: connections")


def test_sql_row_limit_and_not_a_query_on_sqlite(sqlite_file: Path) -> None:
    error, _ = failure(run_sql, f"sqlite:///{sqlite_file}", "select id from orders", row_limit=2)
    assert (error.kind, error.params) == ("too_many_rows", {"limit": 2})
    error, _ = failure(run_sql, f"sqlite:///{sqlite_file}", "   ")
    assert error.kind == "not_a_query"


# URLs and the environment -----------------------------------------------------------------------


def test_env_reference_is_expanded_when_the_query_runs(
    warehouse: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OKRS_TEST_WAREHOUSE", warehouse.url)
    assert run_sql("${OKRS_TEST_WAREHOUSE}", "select count(*) from orders").rows == [(4,)]


def test_unset_env_reference_is_a_config_error_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OKRS_TEST_UNSET", raising=False)
    error, _ = failure(run_sql, "postgresql://reader:${OKRS_TEST_UNSET}@db/x", "select 1")
    assert (error.kind, error.params) == ("config", {"missing_variable": "OKRS_TEST_UNSET"})
    error, _ = failure(run_files, "events", "${OKRS_TEST_UNSET}/e.parquet", "select 1")
    assert error.params == {"missing_variable": "OKRS_TEST_UNSET"}
    assert expand_env("a ${X} b ${Y}", {"X": "1", "Y": "2"}) == "a 1 b 2"


def test_missing_driver_and_bad_url_are_config_errors() -> None:
    error, _ = failure(run_sql, "snowflake://acct/db", "select 1")
    assert (error.kind, error.params) == ("config", {"missing_driver": "snowflake"})
    error, _ = failure(run_sql, "not a url", "select 1")
    assert error.kind == "config"
    assert error.params == {"bad_url": True}


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://reader:s3cret@db:5432/shop", "postgresql://reader:***@db:5432/shop"),
        ("postgresql://reader:p@ss/w:rd?@db/shop", "postgresql://reader:***@db/shop"),
        ("postgresql://reader:${PW}@${HOST}/shop", "postgresql://reader:${PW}@${HOST}/shop"),
        ("${WAREHOUSE_URL}", "${WAREHOUSE_URL}"),
        (
            "snowflake://acct/db?user=x&password=hunter2&warehouse=w",
            "snowflake://acct/db?user=x&password=***&warehouse=w",
        ),
        (
            "postgresql://db/shop?sslpassword=k3y&sslmode=require",
            "postgresql://db/shop?sslpassword=***&sslmode=require",
        ),
        ("sqlite:////data/shop.db", "sqlite:////data/shop.db"),
        ("mysql://root@127.0.0.1:3306/shop", "mysql://root@127.0.0.1:3306/shop"),
        ("no url at all", "***"),
    ],
)
def test_redacted_url(url: str, shown: str) -> None:
    assert redacted_url(url) == shown


PASSWORDS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda p: not connectors.ENV_REFERENCE.fullmatch(p))


@given(password=PASSWORDS, user=st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True))
@settings(max_examples=300, deadline=None)
def test_redacted_url_never_shows_the_password(password: str, user: str) -> None:
    for url in (
        f"postgresql+psycopg://{user}:{password}@db.internal:5432/analytics",
        f"mysql://{user}:{password}@db/analytics?charset=utf8",
    ):
        shown = redacted_url(url)
        assert shown == url.replace(f":{password}@", ":***@", 1)
    query_secret = password.replace("&", "").replace("#", "")
    if query_secret:
        shown = redacted_url(f"snowflake://acct/db?token={query_secret}&role=r")
        assert shown == "snowflake://acct/db?token=***&role=r"


def test_query_fingerprint_ignores_white_space() -> None:
    one = connectors.query_fingerprint("select count(*)\n  from orders")
    assert one == connectors.query_fingerprint("select   count(*) from orders ")
    assert one != connectors.query_fingerprint("select count(*) from refunds")
    assert len(one) == 16


# Files --------------------------------------------------------------------------------------------


def test_parquet_glob_reads_every_file_with_cycle_parameters(events: str) -> None:
    result = run_files(
        "events",
        events,
        "select count(*), sum(clicks) from events where day between :cycle_start and :cycle_end",
        params=CYCLE,
    )
    # Days 2026-01-06 .. 2026-01-30 (ids 5..29) are in the cycle: 25 events.
    assert result.rows == [(25, sum(i % 3 for i in range(5, 30)))]


def test_parquet_history_with_casts_and_parameters(events: str) -> None:
    result = run_files(
        "events",
        events,
        "select day, sum(clicks) from events where day < :cycle_start::date + 2"
        " group by day order by day",
        params=CYCLE,
    )
    assert result.rows[0] == (dt.date(2026, 1, 1), 0)
    assert result.rows[-1] == (dt.date(2026, 1, 7), 0)
    assert len(result.rows) == 7


def test_files_added_to_the_pattern_are_seen_by_the_next_query(
    events: str, parquet_files: Any
) -> None:
    assert run_files("events", events, "select count(*) from events").rows == [(30,)]
    parquet_files("events-3.parquet", "select 99 as id, date '2026-02-01' as day, 7 as clicks")
    assert run_files("events", events, "select count(*) from events").rows == [(31,)]


def test_csv_file(sales_csv: Path) -> None:
    result = run_files(
        "sales",
        str(sales_csv),
        "select sum(amount) from sales where day >= :cycle_start",
        params=CYCLE,
    )
    assert result.rows == [(39.5,)]


@pytest.mark.parametrize(
    "query",
    [
        "copy (select 1) to '{folder}/stolen.csv'",
        "create table stolen as select 1",
        "insert into events values (1, date '2026-01-01', 1)",
        "set enable_external_access = true",
        "attach '{folder}/other.db' as other",
        "select 1; select 2",
        "pragma version",
    ],
)
def test_files_refuse_anything_but_one_select(events: str, query: str) -> None:
    folder = str(Path(events).parent)
    error, _ = failure(run_files, "events", events, query.format(folder=folder))
    assert error.kind == "not_a_query"
    assert sorted(p.name for p in Path(folder).iterdir()) == [
        f"events-{i}.parquet" for i in range(3)
    ]


@pytest.mark.parametrize(
    "reader",
    [
        "read_csv('/etc/hostname')",
        "read_text('/etc/passwd')",
        "read_csv('{folder}/../../../etc/hostname')",
        "read_parquet('/tmp/*.parquet')",
    ],
)
def test_files_cannot_read_other_files(events: str, reader: str) -> None:
    folder = str(Path(events).parent)
    error, _ = failure(run_files, "events", events, f"select * from {reader.format(folder=folder)}")
    assert error.kind == "query"
    assert "Permission Error" in error.detail


def test_files_long_query_is_interrupted(events: str) -> None:
    error, seconds = failure(
        run_files, "events", events, "select count(*) from range(1000000000000)", timeout=1
    )
    assert (error.kind, error.params) == ("timeout", {"seconds": 1})
    assert seconds < 3


def test_files_row_limit(events: str) -> None:
    assert len(run_files("events", events, "select id from events", row_limit=30).rows) == 30
    error, _ = failure(run_files, "events", events, "select id from events", row_limit=29)
    assert (error.kind, error.params) == ("too_many_rows", {"limit": 29})


def test_missing_files_are_unavailable(tmp_path: Path, events: str) -> None:
    error, _ = failure(run_files, "events", str(tmp_path / "none-*.parquet"), "select 1")
    assert error.kind == "unavailable"
    assert "No files found" in error.detail
    # Files that disappear after the first query: unavailable too, not a query error.
    assert run_files("events", events, "select count(*) from events").rows == [(30,)]
    for path in Path(events).parent.iterdir():
        path.unlink()
    error, _ = failure(run_files, "events", events, "select count(*) from events")
    assert error.kind == "unavailable"


def test_relative_and_unknown_file_paths_are_config_errors(tmp_path: Path) -> None:
    error, _ = failure(run_files, "events", "data/events.parquet", "select 1")
    assert error.params == {"relative_path": "data/events.parquet"}
    error, _ = failure(run_files, "events", f"{tmp_path}/events.json", "select 1")
    assert error.params == {"unknown_file_kind": f"{tmp_path}/events.json"}


def test_a_wildcard_in_the_first_folder_is_refused_as_it_would_open_every_file() -> None:
    error, _ = failure(run_files, "events", "/da*/events.parquet", "select 1")
    assert error.kind == "config"
    assert error.params == {"wildcard_folder": "/da*/events.parquet"}


def test_files_queries_from_many_threads_at_once(events: str) -> None:
    results: list[Any] = []
    errors: list[BaseException] = []

    def one(n: int) -> None:
        try:
            for _ in range(5):
                results.append(
                    run_files("events", events, f"select count(*) + {n} from events").rows[0][0]
                )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == sorted(30 + n for n in range(8) for _ in range(5))


def test_psycopg_is_the_driver_of_plain_postgresql_urls(warehouse: Any) -> None:
    # SQLAlchemy 2.1 picks psycopg (3) for postgresql://: no psycopg2 needed.
    assert run_sql(warehouse.dsn, "select 1").rows == [(1,)]
    assert psycopg.__version__
