"""`okrs benchmark sync`: how much okrs adds to running 1,000 metric queries itself.

The data: a generated table of video-platform events (10 million rows by default), as Parquet
files in ``OKRS_HOME/benchmark/`` (kept, so later runs reuse them) and as a table in a
throwaway PostgreSQL database that the benchmark creates and drops. The metrics: 1,000 key
results per source, each bound to its own query (an aggregate over one event type, a day or a
week, and maybe a segment, country or platform; no two alike).

What is timed, on each source, with the same number of queries at once:

- okrs: ``scheduler.run_due`` with the configured threads, through the real services: claim
  the leases, run the queries read-only under their timeout and row limit, read the values and
  write a check-in with provenance for each (1,000 check-ins per run);
- direct: the same 1,000 queries sent straight to DuckDB (one database, a cursor per query) or
  PostgreSQL (one psycopg connection per thread), results fetched and nothing else.

The okrs side runs in a child process on a throwaway okrs database (a temporary SQLite file,
the default installation, or a second throwaway PostgreSQL database with
``--okrs-on-postgres``), so nothing is written to the database okrs normally uses. Runs of both
sides alternate, and the best of ``--repeat`` runs is kept, as in ``okrs benchmark lint``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from okrs.lib import clock

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/"
GOAL_RATIO = 1.3
DAYS = 91
PARTS = 8
SEED = 7
EVENTS = (
    "app_opened",
    "upload_started",
    "upload_completed",
    "upload_failed",
    "match_processed",
    "clip_viewed",
    "clip_shared",
    "setup_completed",
)
SEGMENTS = ("free", "club", "federation", "trial")
COUNTRIES = ("DE", "NL", "DK", "SE", "NO", "IT", "FR", "ES")
PLATFORMS = ("ios", "android", "web")
AGGREGATES = (
    "count(*)",
    "count(distinct club_id)",
    "coalesce(round(avg(value), 2), 0)",
    "coalesce(sum(value), 0)",
    "coalesce(max(value), 0)",
)
COLUMNS = (
    ("event_at", "timestamp"),
    ("day", "date"),
    ("event", "varchar(40)"),
    ("segment", "varchar(20)"),
    ("country", "char(2)"),
    ("platform", "varchar(10)"),
    ("club_id", "integer"),
    ("value", "integer"),
)


def _say(message: str) -> None:
    """Progress on stderr: the report itself is printed at the end."""
    print(f"okrs: {message}", file=sys.stderr, flush=True)


# The event table ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventTable:
    """Generated events: Parquet files in ``folder`` over ``DAYS`` days from ``start``."""

    folder: Path
    start: dt.date
    rows: int
    seconds: float
    reused: bool

    @property
    def pattern(self) -> str:
        return str(self.folder / "events-*.parquet")

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=DAYS - 1)


def _choice(values: tuple[str, ...], salt: int) -> str:
    """A DuckDB expression picking one of ``values`` from a hash of the row number."""
    cases = " ".join(f"WHEN {i} THEN '{v}'" for i, v in enumerate(values))
    return f"CASE hash(i, {salt}, {SEED}) % {len(values)} {cases} END"


def events_table(cache: Path, rows: int) -> EventTable:
    """The Parquet event table of ``rows`` rows in ``cache``, generated once and then reused.

    The days end yesterday when the files are made; a later run reuses them with their dates
    (the benchmark's cycle is built around them), so the figures of two runs stay comparable.
    """
    import duckdb

    folder = cache / f"sync-events-{rows}"
    marker = folder / "events.json"
    if marker.exists():
        kept = json.loads(marker.read_text())
        if kept.get("rows") == rows and len(list(folder.glob("events-*.parquet"))) == PARTS:
            start = dt.date.fromisoformat(kept["start"])
            return EventTable(folder, start, rows, float(kept["seconds"]), reused=True)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("events-*.parquet"):
        old.unlink()
    start = clock.today() - dt.timedelta(days=DAYS)
    started = time.perf_counter()
    database = duckdb.connect(":memory:")
    database.execute("SET enable_progress_bar = false")
    try:
        # Rows sorted by day and event, as an event pipeline partitions them: a query on one day
        # reads only the row groups of that day, in DuckDB as in PostgreSQL's index.
        database.execute(
            f"""
            CREATE TABLE events AS
            SELECT DATE '{start.isoformat()}' + (i * {DAYS} // {rows})::INTEGER AS day,
                   {_choice(EVENTS, 1)} AS event,
                   {_choice(SEGMENTS, 2)} AS segment,
                   {_choice(COUNTRIES, 3)} AS country,
                   {_choice(PLATFORMS, 4)} AS platform,
                   (hash(i, 5, {SEED}) % 5000)::INTEGER AS club_id,
                   (hash(i, 6, {SEED}) % 5400)::INTEGER AS value,
                   to_seconds((hash(i, 7, {SEED}) % 86400)::BIGINT) AS moment
            FROM range({rows}) AS t(i)
            """
        )
        size = -(-DAYS // PARTS)
        for part in range(PARTS):
            first = start + dt.timedelta(days=part * size)
            last = start + dt.timedelta(days=(part + 1) * size)
            database.execute(
                f"""
                COPY (SELECT day + moment AS event_at, day, event, segment, country, platform,
                             club_id, value
                      FROM events WHERE day >= DATE '{first}' AND day < DATE '{last}'
                      ORDER BY day, event)
                TO '{folder / f"events-{part + 1}.parquet"}' (FORMAT parquet)
                """
            )
    finally:
        database.close()
    seconds = time.perf_counter() - started
    marker.write_text(json.dumps({"rows": rows, "start": start.isoformat(), "seconds": seconds}))
    return EventTable(folder, start, rows, seconds, reused=False)


def sync_queries(count: int, start: dt.date) -> list[str]:
    """``count`` distinct metric queries over the events of ``DAYS`` days from ``start``.

    Each is an aggregate of one event type over one day or one week, half of them narrowed to a
    segment, a country or a platform; the same SQL runs on DuckDB and PostgreSQL.
    """
    rng = random.Random(SEED)
    queries: list[str] = []
    seen: set[str] = set()
    while len(queries) < count:
        span = rng.choice((1, 7))
        first = start + dt.timedelta(days=rng.randrange(DAYS - span + 1))
        last = first + dt.timedelta(days=span - 1)
        narrowing = rng.choice(
            (
                "",
                "",
                "",
                f" and segment = '{rng.choice(SEGMENTS)}'",
                f" and country = '{rng.choice(COUNTRIES)}'",
                f" and platform = '{rng.choice(PLATFORMS)}'",
            )
        )
        query = (
            f"select {rng.choice(AGGREGATES)} from events"
            f" where event = '{rng.choice(EVENTS)}'"
            f" and day between date '{first}' and date '{last}'{narrowing}"
        )
        if query not in seen:
            seen.add(query)
            queries.append(query)
    return queries


# PostgreSQL -----------------------------------------------------------------------------------


def _server_url(url: str, database: str) -> str:
    """``url`` (a server, maybe with a database) pointing at ``database`` instead."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    return parsed.set(drivername="postgresql", database=database).render_as_string(
        hide_password=False
    )


def postgres_problem(url: str) -> str:
    """Why the PostgreSQL server at ``url`` cannot be used, or ""."""
    import psycopg

    try:
        with psycopg.connect(_server_url(url, "postgres"), connect_timeout=5) as connection:
            connection.execute("select 1")
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return ""


@contextmanager
def throwaway_database(url: str, name: str) -> Iterator[str]:
    """A new, empty PostgreSQL database ``name`` on the server at ``url``, dropped afterwards."""
    import psycopg

    admin = _server_url(url, "postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _server_url(url, name)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_load(database_url: str, table: EventTable) -> float:
    """Copy the event table into ``database_url`` (as CSV through COPY) and index it."""
    import duckdb
    import psycopg

    started = time.perf_counter()
    columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS)
    with tempfile.TemporaryDirectory(dir=table.folder) as scratch:
        csv = Path(scratch) / "events.csv"
        with duckdb.connect(":memory:") as database:
            database.execute("SET enable_progress_bar = false")
            database.execute(
                f"COPY (SELECT {', '.join(n for n, _ in COLUMNS)} FROM '{table.pattern}')"
                f" TO '{csv}' (FORMAT csv, HEADER false)"
            )
        with psycopg.connect(database_url, autocommit=True) as connection:
            connection.execute(f"CREATE TABLE events ({columns})")
            with (
                connection.cursor() as cursor,
                cursor.copy("COPY events FROM STDIN (FORMAT csv)") as copy,
                csv.open("rb") as source,
            ):
                while chunk := source.read(1 << 20):
                    copy.write(chunk)
            # The index a warehouse table of events has for per-day metrics.
            connection.execute("CREATE INDEX events_event_day ON events (event, day)")
            connection.execute("VACUUM ANALYZE events")
    return time.perf_counter() - started


# Direct runs ----------------------------------------------------------------------------------


def _value(raw: Any) -> str:
    """A query's one value as okrs keeps it (six decimals), to compare both sides."""
    if raw is None:
        return "NULL"
    return str(Decimal(str(raw)).quantize(Decimal("0.000001")))


def _run_all(queries: list[str], threads: int, run: Callable[[str], Any]) -> tuple[float, list]:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        values = list(pool.map(run, queries))
    return time.perf_counter() - started, values


def direct_files(pattern: str, queries: list[str], threads: int) -> tuple[float, list[str]]:
    """The queries straight on DuckDB: one database with a view, a cursor per query."""
    import duckdb

    database = duckdb.connect(":memory:")
    database.execute("SET enable_progress_bar = false")
    database.execute(f"CREATE VIEW events AS SELECT * FROM read_parquet('{pattern}')")

    def run(query: str) -> str:
        cursor = database.cursor()
        try:
            return _value(cursor.execute(query).fetchall()[0][0])
        finally:
            cursor.close()

    try:
        return _run_all(queries, threads, run)
    finally:
        database.close()


def direct_postgres(url: str, queries: list[str], threads: int) -> tuple[float, list[str]]:
    """The queries straight on PostgreSQL: one psycopg connection per thread, opened before."""
    import psycopg

    local = threading.local()
    connections = [psycopg.connect(url, autocommit=True) for _ in range(threads)]
    free = list(connections)
    lock = threading.Lock()

    def run(query: str) -> str:
        if not hasattr(local, "connection"):
            with lock:
                local.connection = free.pop()
        row = local.connection.execute(query).fetchone()
        return _value(row[0] if row else None)

    try:
        return _run_all(queries, threads, run)
    finally:
        for connection in connections:
            connection.close()


# The okrs side (in a child process, on a throwaway okrs database) -------------------------------


def _organization(spec: dict[str, Any]) -> dict[str, Any]:
    """An organization with one key result per query and source, bound and due; returns ids."""
    from okrs.goals import services as goals
    from okrs.goals.models import Cycle
    from okrs.metrics import services as metrics
    from okrs.workspace import services as workspace
    from okrs.workspace.models import Team
    from okrs.workspace.permissions import Actor

    organization = workspace.organization_create(
        slug="sync-benchmark", name="Sync benchmark", objectives_per_team=10, max_key_results=20
    )
    actor = Actor.system(organization)
    start = dt.date.fromisoformat(spec["start"])
    cycle = goals.cycle_create(
        actor=actor, name="benchmark", start=start, end=start + dt.timedelta(days=DAYS + 30)
    )
    goals.cycle_transition(actor=actor, cycle=cycle, status=Cycle.Status.ACTIVE)
    company = workspace.team_create(actor=actor, name="Company", kind=Team.Kind.COMPANY)
    sources: dict[str, int] = {}
    for name, source in spec["sources"].items():
        # A files source is queried by its ref, so it is "events", like the PostgreSQL table.
        data_source = metrics.data_source_create(
            actor=actor,
            ref="events" if source["kind"] == "files" else "warehouse",
            name=name,
            max_concurrency=spec["threads"],
            timeout_seconds=300,
            **source,
        )
        sources[name] = data_source.pk
        _bind_all(actor, cycle, company, data_source, spec["queries"], name)
    return sources


def _bind_all(
    actor: Any, cycle: Any, parent: Any, data_source: Any, queries: list[str], tag: str
) -> None:
    """One key result per query, 20 to an objective and 10 objectives to a team."""
    from okrs.goals import services as goals
    from okrs.goals.models import Objective
    from okrs.metrics import services as metrics
    from okrs.workspace import services as workspace
    from okrs.workspace.models import Team

    teams: list[Team] = []
    objectives: list[Objective] = []
    for index, query in enumerate(queries):
        if index % 200 == 0:
            teams.append(
                workspace.team_create(
                    actor=actor, name=f"{tag} {index // 200}", kind=Team.Kind.TEAM, parent=parent
                )
            )
        if index % 20 == 0:
            objectives.append(
                goals.objective_create(
                    actor=actor, cycle=cycle, team=teams[-1], title=f"Objective {tag} {index // 20}"
                )
            )
        objective = objectives[-1]
        key_result = goals.key_result_create(
            actor=actor,
            objective=objective,
            title=f"Metric {index} of {tag}",
            ref=f"{tag}-{index}",
            baseline=0,
            target=1_000_000,
        )
        metrics.metric_bind(
            actor=actor,
            key_result=key_result,
            data_source=data_source,
            query=query,
            schedule="hourly",
        )


def _okrs_run(source_id: int, threads: int, *, reset: bool) -> dict[str, Any]:
    """Make every metric of the source due and run them as a worker does; time it."""
    from django.db.models import Q

    from okrs.goals.models import KeyResult
    from okrs.metrics.models import MetricDefinition
    from okrs.metrics.scheduler import run_due

    bound = MetricDefinition.objects.filter(data_source_id=source_id)
    if reset:
        # Forget the last value, so that every run writes its 1,000 check-ins (a changed value).
        KeyResult.objects.filter(measured_by__data_source_id=source_id).update(current=None)
    bound.update(next_run_at=clock.now() - dt.timedelta(seconds=1))
    started = time.perf_counter()
    report = run_due(scope=Q(data_source_id=source_id), threads=threads, budget_seconds=24 * 3600)
    seconds = time.perf_counter() - started
    errors = sorted({o.error for o in report.outcomes if not o.ok})[:3]
    return {
        "seconds": seconds,
        "runs": report.runs,
        "check_ins": report.check_ins,
        "failures": report.failures,
        "errors": errors,
    }


def _okrs_values(source_id: int, queries: list[str]) -> list[str]:
    from okrs.metrics.models import MetricDefinition

    by_position = dict(
        MetricDefinition.objects.filter(data_source_id=source_id).values_list(
            "key_result__ref", "last_value"
        )
    )
    tag = next(iter(by_position)).rsplit("-", 1)[0]
    return [_value(by_position.get(f"{tag}-{i}")) for i in range(len(queries))]


def child_main(spec_path: str) -> int:
    """The okrs side: migrate a throwaway database, bind the metrics, alternate timed runs."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "okrs.settings")
    import django

    django.setup()
    from django.core.management import call_command

    spec = json.loads(Path(spec_path).read_text())
    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    sources = _organization(spec)
    result: dict[str, Any] = {"setup_seconds": time.perf_counter() - started, "sources": {}}
    _say(
        f"bound {len(spec['queries']):,} key results on each source in {result['setup_seconds']:.1f} s"
    )
    threads = spec["threads"]
    for name, source_id in sources.items():
        direct: Callable[[], tuple[float, list[str]]]
        if name == "files":
            direct = lambda: direct_files(spec["pattern"], spec["queries"], threads)  # noqa: E731
        else:
            direct = lambda: direct_postgres(spec["postgres"], spec["queries"], threads)  # noqa: E731
        direct()  # warm both caches the same way: file metadata, PostgreSQL buffers
        runs: dict[str, Any] = {"direct": [], "okrs": []}
        for attempt in range(spec["repeat"]):
            seconds, values = direct()
            runs["direct"].append(seconds)
            run = _okrs_run(source_id, threads, reset=True)
            runs["okrs"].append(run)
            _say(
                f"{name} run {attempt + 1}: direct {seconds:.2f} s, okrs {run['seconds']:.2f} s"
                f" ({run['check_ins']:,} check-ins, {run['failures']} failed)"
            )
        runs["unchanged"] = _okrs_run(source_id, threads, reset=False)
        runs["same_values"] = _okrs_values(source_id, spec["queries"]) == values
        runs["values"] = values
        result["sources"][name] = runs
    Path(spec_path).with_suffix(".result.json").write_text(json.dumps(result))
    return 0


# The command ----------------------------------------------------------------------------------


def _okrs_side(spec: dict[str, Any], home: Path, database_url: str) -> dict[str, Any]:
    spec_path = home / "spec.json"
    spec_path.write_text(json.dumps(spec))
    environment = {
        **os.environ,
        "OKRS_HOME": str(home),
        "DATABASE_URL": database_url,
        "OKRS_SYNC_THREADS": str(spec["threads"]),
        "DJANGO_SETTINGS_MODULE": "okrs.settings",
    }
    done = subprocess.run(
        [sys.executable, "-m", "okrs.metrics.benchmark", str(spec_path)],
        env=environment,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the okrs side of the benchmark failed (exit {done.returncode})")
    return json.loads(spec_path.with_suffix(".result.json").read_text())


def _lines_for(name: str, runs: dict[str, Any], count: int) -> list[str]:
    direct = min(runs["direct"])
    best = min(runs["okrs"], key=lambda r: r["seconds"])
    ratio = best["seconds"] / direct if direct else float("inf")
    unchanged = runs["unchanged"]
    okrs_runs = ", ".join(f"{r['seconds']:.2f}" for r in runs["okrs"])
    lines = [
        f"{name}: direct best of {len(runs['direct'])} {direct:.2f} s"
        f" ({direct * 1000 / count:.1f} ms per query); all runs:"
        f" {', '.join(f'{s:.2f}' for s in runs['direct'])} s",
        f"{name}: okrs best of {len(runs['okrs'])} {best['seconds']:.2f} s"
        f" ({best['check_ins']:,} check-ins written, {best['failures']} failed); all runs:"
        f" {okrs_runs} s",
        f"{name}: okrs again with unchanged values {unchanged['seconds']:.2f} s"
        f" ({unchanged['check_ins']} check-ins written)",
        f"{name}: ratio okrs / direct {ratio:.2f}x -> goal <= {GOAL_RATIO}x"
        f" {'met' if ratio <= GOAL_RATIO else 'NOT met'}"
        + ("" if runs["same_values"] else "; WARNING: okrs kept other values than the direct run"),
    ]
    for error in best["errors"]:
        lines.append(f"{name}: error seen: {error}")
    return lines


def run_sync_benchmark(
    *,
    metrics: int = 1000,
    rows: int = 10_000_000,
    repeat: int = 2,
    postgres_url: str = DEFAULT_POSTGRES_URL,
    threads: int | None = None,
    okrs_on_postgres: bool = False,
    cache: Path | None = None,
) -> str:
    """Run the sync benchmark (Django must be set up) and return its report."""
    from django.conf import settings

    from okrs.coach.benchmark import reference_seconds

    threads = threads or settings.OKRS_SYNC_THREADS
    cache = cache or settings.OKRS_HOME / "benchmark"
    table = events_table(cache, rows)
    lines = [
        f"events: {table.rows:,} rows in {PARTS} Parquet files ({table.pattern}),"
        f" {'reused; generated' if table.reused else 'generated'} in {table.seconds:.1f} s",
    ]
    _say(lines[0])
    queries = sync_queries(metrics, table.start)
    spec: dict[str, Any] = {
        "start": table.start.isoformat(),
        "queries": queries,
        "threads": threads,
        "repeat": max(1, repeat),
        "pattern": table.pattern,
        "sources": {"files": {"kind": "files", "path": table.pattern}},
    }
    problem = postgres_problem(postgres_url)
    if problem:
        lines.append(f"postgres: {postgres_url} cannot be reached ({problem}); files only")
        _say(lines[-1])
        okrs_on_postgres = False
    name = f"okrs_sync_benchmark_{os.getpid()}"
    with tempfile.TemporaryDirectory(prefix="okrs-sync-benchmark-") as scratch:
        home = Path(scratch)
        events_db = throwaway_database(postgres_url, name) if not problem else None
        okrs_db = throwaway_database(postgres_url, name + "_okrs") if okrs_on_postgres else None
        with events_db or _nothing() as events_url, okrs_db or _nothing() as okrs_url:
            if events_url:
                seconds = postgres_load(events_url, table)
                lines.append(
                    f"postgres: {table.rows:,} rows copied into a throwaway database and indexed"
                    f" in {seconds:.1f} s"
                )
                _say(lines[-1])
                spec["postgres"] = events_url
                spec["sources"]["postgres"] = {"kind": "sql", "url": events_url}
            database_url = okrs_url or f"sqlite:///{home / 'okrs.sqlite3'}"
            lines.append(
                f"okrs database: a throwaway {'PostgreSQL' if okrs_url else 'SQLite'} database;"
                f" {threads} queries at once, the same for the direct runs"
            )
            result = _okrs_side(spec, home, database_url)
    lines.append(
        f"setup: {metrics:,} key results bound on each source in {result['setup_seconds']:.1f} s"
    )
    for source, runs in result["sources"].items():
        lines += _lines_for(source, runs, metrics)
    sources = result["sources"]
    if "postgres" in sources:
        agree = sources["files"]["values"] == sources["postgres"]["values"]
        lines.append(
            f"check: DuckDB and PostgreSQL return the same values: {'yes' if agree else 'NO'}"
        )
    reference = min(reference_seconds() for _ in range(3))
    lines.append(f"machine: reference loop (10 million additions in Python) {reference:.3f} s")
    return "\n".join(lines)


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


def cmd_benchmark_sync(args: argparse.Namespace) -> int:
    """Time okrs syncing N metrics next to the same queries run directly."""
    from okrs.cli import _setup_django

    _setup_django()
    print(
        run_sync_benchmark(
            metrics=args.metrics,
            rows=args.rows,
            repeat=args.repeat,
            postgres_url=args.postgres_url,
            threads=args.threads,
            okrs_on_postgres=args.okrs_on_postgres,
        )
    )
    return 0


def add_benchmark_command(benchmark_commands: Any) -> None:
    """Add ``okrs benchmark sync`` to the ``okrs benchmark`` sub-commands."""
    bench = benchmark_commands.add_parser(
        "sync",
        help="time syncing N metrics against Parquet files and PostgreSQL, next to the same"
        " queries run directly",
    )
    bench.set_defaults(handler=cmd_benchmark_sync)
    bench.add_argument("--metrics", type=int, default=1000, metavar="N", help="default 1,000")
    bench.add_argument(
        "--rows", type=int, default=10_000_000, metavar="N", help="event rows (default 10 million)"
    )
    bench.add_argument("--repeat", type=int, default=2, metavar="N", help="runs; the best is kept")
    bench.add_argument(
        "--threads",
        type=int,
        default=None,
        metavar="N",
        help="queries at once (default: OKRS_SYNC_THREADS)",
    )
    bench.add_argument(
        "--postgres-url",
        default=DEFAULT_POSTGRES_URL,
        metavar="URL",
        help=f"PostgreSQL server for a throwaway database (default {DEFAULT_POSTGRES_URL})",
    )
    bench.add_argument(
        "--okrs-on-postgres",
        action="store_true",
        help="keep okrs' own data in a throwaway PostgreSQL database too (default: SQLite)",
    )


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1]))
