"""`okrs sync` as a user runs it: a real process on a database of its own, real Parquet files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from processes import Database, okrs_environment, populate, run_okrs, write_parquet


@pytest.fixture
def okrs_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    with okrs_environment(tmp_path) as env:
        yield env


def _organization(slug: str, parquet: Path, *, broken: bool = False) -> dict[str, object]:
    key_results: list[dict[str, str]] = [
        {
            "title": "Orders from 0 to 1000",
            "source": "events",
            "query": "select count(*) from events where kind = 'checkout'",
        },
        {"title": "Key results on time from 0 to 100", "builtin": "check_ins_on_time"},
    ]
    if broken:
        key_results.append(
            {
                "title": "Refunds from 0 to 1000",
                "source": "events",
                "query": "select sum(refund_amount) from events",
            }
        )
    return {
        "slug": slug,
        "data_sources": [{"ref": "events", "path": str(parquet)}],
        "key_results": key_results,
    }


def test_sync_records_every_metric_and_then_only_what_changed(
    okrs_env: dict[str, str], tmp_path: Path
) -> None:
    parquet = tmp_path / "events.parquet"
    write_parquet(parquet, 42)
    made = populate(
        okrs_env,
        {"organizations": [_organization("acme", parquet), _organization("globex", parquet)]},
    )
    orders, on_time = made["acme"]["key_results"]

    everything = run_okrs("sync", env=okrs_env)
    assert everything.returncode == 0, everything.stderr
    assert "okrs: acme" in everything.stdout and "okrs: globex" in everything.stdout
    assert f"{orders} kr-orders-from-0-to-1000 'Orders from 0 to 1000': 42 (1 new check-in" in (
        everything.stdout
    )
    assert "okrs: synced 4 metrics: 4 new check-ins, 0 failed." in everything.stdout
    check_ins = Database(okrs_env).sync_check_ins()
    assert len(check_ins) == 4
    assert check_ins[orders][0][1]["data_source"] == "events"
    assert check_ins[on_time][0][1]["data_source"] == "builtin"

    # Nothing is due any more, and a value that has not changed writes no check-in.
    due = run_okrs("sync", "--due-only", env=okrs_env)
    assert due.returncode == 0, due.stderr
    assert "okrs: no due metric to sync." in due.stdout
    write_parquet(parquet, 43)
    one = run_okrs("sync", "--key-result", str(orders), env=okrs_env)
    assert one.returncode == 0, one.stderr
    assert "'Orders from 0 to 1000': 43 (1 new check-in" in one.stdout
    assert "okrs: synced 1 metric: 1 new check-in, 0 failed." in one.stdout
    again = run_okrs("sync", "--org", "acme", "--key-result", str(orders), env=okrs_env)
    assert again.returncode == 0, again.stderr
    assert "'Orders from 0 to 1000': 43 (unchanged, no check-in" in again.stdout
    assert len(Database(okrs_env).sync_check_ins()[orders]) == 2


def test_sync_reports_a_failing_metric_skips_a_leased_one_and_exits_1(
    okrs_env: dict[str, str], tmp_path: Path
) -> None:
    parquet = tmp_path / "events.parquet"
    write_parquet(parquet, 7)
    made = populate(okrs_env, {"organizations": [_organization("acme", parquet, broken=True)]})
    orders, _, refunds = made["acme"]["key_results"]
    # A worker is measuring the built-in metric right now: okrs sync leaves it alone.
    Database(okrs_env).lease(made["acme"]["metrics"][1], "another-worker")

    result = run_okrs("sync", "--org", "acme", env=okrs_env)
    assert result.returncode == 1, result.stderr
    assert "'Orders from 0 to 1000': 7 (1 new check-in" in result.stdout
    assert (
        f"{refunds} kr-refunds-from-0-to-1000 'Refunds from 0 to 1000': FAILED: The database"
        " refused the query. Correct the SQL and check again." in result.stdout
    )
    assert "refund_amount" in result.stdout  # the database's own words, to fix the query
    assert "'Key results on time from 0 to 100': skipped, a worker is measuring it" in (
        result.stdout
    )
    assert (
        "okrs: synced 2 metrics: 1 new check-in, 1 failed, 1 skipped (being measured by a"
        " worker)." in result.stdout
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert sorted(Database(okrs_env).sync_check_ins()) == [orders]


def test_sync_refuses_unknown_organizations_and_key_results_with_exit_2(
    okrs_env: dict[str, str], tmp_path: Path
) -> None:
    parquet = tmp_path / "events.parquet"
    write_parquet(parquet, 1)
    spec = _organization("acme", parquet)
    spec["key_results"] = [*spec["key_results"], {"title": "Unbound from 0 to 10"}]  # type: ignore[misc]
    made = populate(okrs_env, {"organizations": [spec, _organization("globex", parquet)]})
    unbound = made["acme"]["key_results"][-1]
    globex_orders = made["globex"]["key_results"][0]

    unknown = run_okrs("sync", "--org", "nope", env=okrs_env)
    assert unknown.returncode == 2
    assert "no organization with slug 'nope' (organizations: acme, globex)" in unknown.stderr
    missing = run_okrs("sync", "--key-result", "987654", env=okrs_env)
    assert missing.returncode == 2 and "no key result with id 987654" in missing.stderr
    elsewhere = run_okrs("sync", "--org", "acme", "--key-result", str(globex_orders), env=okrs_env)
    assert elsewhere.returncode == 2
    assert f"no key result with id {globex_orders} in 'acme'" in elsewhere.stderr
    not_bound = run_okrs("sync", "--key-result", str(unbound), env=okrs_env)
    assert not_bound.returncode == 2 and "is not bound to a metric" in not_bound.stderr
    not_a_number = run_okrs("sync", "--key-result", "kr-orders", env=okrs_env)
    assert not_a_number.returncode == 2 and "invalid int value" in not_a_number.stderr
    for result in (unknown, missing, elsewhere, not_bound, not_a_number):
        assert "Traceback" not in result.stderr
    assert Database(okrs_env).sync_check_ins() == {}
