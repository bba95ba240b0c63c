"""`okrs worker` as it runs in production: a real process, a real huey queue (SQLite or Redis).

Each test has a database of its own, filled by another process, and reads what the worker wrote
straight from it. No test sleeps blindly: each waits for what it expects, up to a deadline.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from processes import (
    Database,
    Worker,
    okrs_environment,
    populate,
    run_script,
    wait_for,
    write_parquet,
)

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def okrs_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    with okrs_environment(tmp_path) as env:
        yield env


@pytest.fixture
def redis_env(okrs_env: dict[str, str]) -> Iterator[dict[str, str]]:
    """``okrs_env`` with a huey queue of its own in Redis, removed afterwards.

    Skipped when Redis is not running here, but never in CI, which always starts it.
    """
    import redis

    url = os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        if os.environ.get("CI"):
            pytest.fail(f"Redis at {url} is unreachable in CI ({error})")
        pytest.skip(f"Redis at {url} is unreachable ({error})")
    name = f"okrs_test_{uuid.uuid4().hex[:12]}"
    try:
        yield {**okrs_env, "REDIS_URL": url, "OKRS_HUEY_NAME": name}
    finally:
        keys = list(client.scan_iter(match=f"huey.*{name}*"))
        if keys:
            client.delete(*keys)
        client.close()


def _orders_spec(parquet: Path) -> dict[str, object]:
    return {
        "organizations": [
            {
                "slug": "acme",
                "data_sources": [{"ref": "events", "path": str(parquet)}],
                "key_results": [
                    {
                        "title": "Orders from 0 to 1000",
                        "source": "events",
                        "query": "select count(*) from events where kind = 'checkout'",
                    },
                    {"title": "Key results on time from 0 to 100", "builtin": "check_ins_on_time"},
                    {
                        "title": "Broken metric from 0 to 1000",
                        "source": "events",
                        "query": "select no_such_column from events",
                    },
                ],
            }
        ]
    }


def _worker_syncs_and_survives(env: dict[str, str], tmp_path: Path) -> None:
    parquet = tmp_path / "events.parquet"
    write_parquet(parquet, 120)
    made = populate(env, _orders_spec(parquet))["acme"]
    orders, aligned, broken = made["key_results"]
    orders_metric, _, broken_metric = made["metrics"]
    database = Database(env)
    worker = Worker(env, tmp_path / "worker.log", "--workers", "2", "--threads", "2")
    try:
        # A fresh worker measures what is due at once, without waiting for the next minute.
        wait_for(
            "the worker syncs the due metrics",
            lambda: (
                {orders, aligned} <= set(database.sync_check_ins())
                and broken_metric in database.metric_errors()
            ),
            timeout=60,
            worker=worker,
        )
        check_ins = database.sync_check_ins()
        [(value, provenance)] = check_ins[orders]
        assert value == 120
        assert provenance["data_source"] == "events"
        assert provenance["row_count"] == 1 and provenance["duration_ms"] >= 0
        assert provenance["fingerprint"] and provenance["ran_at"]
        [(_, aligned_provenance)] = check_ins[aligned]
        assert aligned_provenance["data_source"] == "builtin"
        assert broken not in check_ins
        kind, detail = database.metric_errors()[broken_metric]
        assert kind == "query" and "no_such_column" in detail

        # The worker goes on after the failure: a "sync now" of a removed metric changes
        # nothing, the next request after it is served, with the new value of the file.
        write_parquet(parquet, 150)
        run_script(env, "enqueue", "987654321", str(orders_metric))
        wait_for(
            "the worker serves a sync-now request",
            lambda: len(database.sync_check_ins().get(orders, [])) == 2,
            timeout=60,
            worker=worker,
        )
        assert database.sync_check_ins()[orders][-1][0] == 150
        worker.assert_running()
    finally:
        code = worker.stop()
    output = worker.output()
    assert code == 0, output
    assert "Traceback" not in output
    assert "okrs: worker stopped." in output
    assert "987654321 was removed" in output


def test_worker_with_sqlite_queue_syncs_records_failures_and_stops_on_sigterm(
    okrs_env: dict[str, str], tmp_path: Path
) -> None:
    worker_output = tmp_path / "worker.log"
    _worker_syncs_and_survives(okrs_env, tmp_path)
    output = worker_output.read_text()
    assert f"SQLite file {Path(okrs_env['OKRS_HOME']) / 'huey.sqlite3'}" in output


def test_worker_with_redis_queue_syncs_records_failures_and_stops_on_sigterm(
    redis_env: dict[str, str], tmp_path: Path
) -> None:
    _worker_syncs_and_survives(redis_env, tmp_path)
    assert f"queue in Redis at {redis_env['REDIS_URL']}" in (tmp_path / "worker.log").read_text()


def test_worker_hides_the_redis_password_and_refuses_an_unreachable_redis(
    okrs_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**okrs_env, "REDIS_URL": "redis://:s3cret-pw@127.0.0.1:1/0"}
    worker = Worker(env, tmp_path / "worker.log")
    code = worker.process.wait(timeout=60)
    output = worker.output()
    assert code == 2, output
    assert "redis://:***@127.0.0.1:1/0" in output
    assert "s3cret-pw" not in output
    assert "cannot reach Redis" in output and "Traceback" not in output


def test_worker_refuses_a_database_that_is_not_migrated(
    okrs_env: dict[str, str], tmp_path: Path
) -> None:
    worker = Worker(okrs_env, tmp_path / "worker.log")
    code = worker.process.wait(timeout=60)
    output = worker.output()
    assert code == 2, output
    assert "okrs manage migrate" in output and "Traceback" not in output


def test_two_workers_sharing_redis_sync_every_metric_exactly_once(
    redis_env: dict[str, str], tmp_path: Path
) -> None:
    parquet = tmp_path / "events.parquet"
    write_parquet(parquet, 10)
    count = 60
    # random(): a metric run twice would write two different values, hence two check-ins.
    spec = {
        "organizations": [
            {
                "slug": "acme",
                "data_sources": [{"ref": "events", "path": str(parquet)}],
                "key_results": [
                    {
                        "title": f"Metric {number} from 0 to 1000",
                        "source": "events",
                        "query": "select count(*) * 1000 + round(random() * 999999) from events",
                    }
                    for number in range(count)
                ],
            }
        ]
    }
    key_results = populate(redis_env, spec)["acme"]["key_results"]
    database = Database(redis_env)
    workers = [
        Worker(redis_env, tmp_path / f"worker-{number}.log", "--workers", "2", "--threads", "4")
        for number in (1, 2)
    ]
    try:
        wait_for(
            f"two workers sync {count} metrics",
            lambda: len(database.sync_check_ins()) == count,
            timeout=60,
            worker=workers[0],
        )
        for worker in workers:
            worker.assert_running()
    finally:
        codes = [worker.stop() for worker in workers]
    check_ins = database.sync_check_ins()
    assert sorted(check_ins) == sorted(key_results)
    twice = {pk: values for pk, values in check_ins.items() if len(values) != 1}
    assert not twice, f"synced more than once: {twice}"
    assert codes == [0, 0], [worker.output() for worker in workers]
    runs = sum(
        int(found)
        for worker in workers
        for found in re.findall(r"synced (\d+) due metrics?", worker.output())
    )
    assert runs == count
