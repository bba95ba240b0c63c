"""`okrs benchmark sync` at a small size, so that the benchmark's code cannot rot unnoticed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest

from okrs.metrics.benchmark import (
    DAYS,
    DEFAULT_POSTGRES_URL,
    add_benchmark_command,
    events_table,
    postgres_problem,
    run_sync_benchmark,
    sync_queries,
)


def test_the_queries_are_distinct_and_stay_in_the_generated_days():
    start = dt.date(2026, 9, 1)
    queries = sync_queries(1000, start)
    assert len(set(queries)) == 1000
    assert queries == sync_queries(1000, start)  # the same benchmark every time
    days = {dt.date.fromisoformat(d) for q in queries for d in re.findall(r"\d{4}-\d\d-\d\d", q)}
    assert min(days) >= start and max(days) < start + dt.timedelta(days=DAYS)
    assert len({q.split(" from ")[0] for q in queries}) == 5  # every aggregate is used
    assert sum(" and segment = " in q or " and country = " in q for q in queries) > 100


def test_the_event_table_is_generated_once_and_reused(tmp_path):
    first = events_table(tmp_path, 20_000)
    assert not first.reused
    again = events_table(tmp_path, 20_000)
    assert again.reused and again.start == first.start and again.seconds == first.seconds
    count, days = duckdb.sql(
        f"select count(*), count(distinct day) from '{first.pattern}'"
    ).fetchall()[0]
    assert (count, days) == (20_000, DAYS)


def test_the_command_takes_its_options():
    import argparse

    parser = argparse.ArgumentParser()
    add_benchmark_command(parser.add_subparsers(dest="what"))
    args = parser.parse_args(["sync", "--metrics", "5", "--rows", "100", "--repeat", "1"])
    assert (args.metrics, args.rows, args.repeat, args.threads) == (5, 100, 1, None)
    assert args.postgres_url == DEFAULT_POSTGRES_URL and callable(args.handler)


@pytest.mark.skipif(bool(postgres_problem(DEFAULT_POSTGRES_URL)), reason="needs PostgreSQL")
def test_a_small_benchmark_syncs_every_metric_on_both_sources(tmp_path: Path, settings: Any):
    settings.OKRS_SYNC_THREADS = 3
    report = run_sync_benchmark(metrics=12, rows=30_000, repeat=1, cache=tmp_path)
    for source in ("files", "postgres"):
        assert re.search(
            rf"^{source}: okrs best of 1 .*\(12 check-ins written, 0 failed\)", report, re.M
        )
        assert re.search(
            rf"^{source}: okrs again with unchanged values .*\(0 check-ins", report, re.M
        )
        assert re.search(rf"^{source}: ratio okrs / direct \d+\.\d\dx", report, re.M)
        assert f"{source}: error seen" not in report and "WARNING" not in report
    assert "check: DuckDB and PostgreSQL return the same values: yes" in report
    assert "3 queries at once" in report and "reference loop" in report


def test_the_benchmark_runs_on_files_alone_when_postgresql_is_away(tmp_path, settings):
    settings.OKRS_SYNC_THREADS = 2
    report = run_sync_benchmark(
        metrics=5,
        rows=10_000,
        repeat=1,
        cache=tmp_path,
        postgres_url="postgres://nobody@127.0.0.1:1/",
    )
    assert "postgres: postgres://nobody@127.0.0.1:1/ cannot be reached" in report
    assert re.search(r"^files: okrs best of 1 .*\(5 check-ins written, 0 failed\)", report, re.M)
    assert "postgres: ratio" not in report
