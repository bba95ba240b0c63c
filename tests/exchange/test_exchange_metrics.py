"""Data sources and key result sources in OKRs-as-code files: lint, import, export, secrets."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from okrs.coach.linting import lint_plan
from okrs.exchange import ExchangeError, ExchangeIssue, document_from_text, load_document, load_plan
from okrs.exchange.document import DATA_SOURCE_DEFAULTS
from okrs.exchange.exporter import default_cycle, export_cycle
from okrs.exchange.importer import ImportReport, import_document
from okrs.exchange.plan import document_plan
from okrs.exchange.sources import url_for_file
from okrs.goals import services as goals
from okrs.goals.models import CheckIn, Cycle, KeyResult
from okrs.metrics import services as metrics
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.metrics.runner import measure
from okrs.workspace.models import AuditEvent, Organization
from okrs.workspace.permissions import Actor
from tests.exchange.test_exchange_cli import cli_env, run_okrs  # noqa: F401 (a fixture)

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
EXAMPLE = EXAMPLES / "metrics.yaml"
PASSWORD_URL = "postgresql://reader:s3cret-pw@warehouse.internal:5432/analytics"

HEAD = """\
organization: {slug: acme, name: Acme}
cycle: {name: 2026-Q4, start: 2026-10-01, end: 2026-12-31}
teams:
  - {id: acme, name: Acme}
"""


def with_sources(data_sources: str, source: str = "", *, head: str = HEAD) -> str:
    """A file with ``data_sources`` (YAML list items) and one key result with ``source``."""
    text = head + "data_sources:\n" + textwrap.indent(textwrap.dedent(data_sources), "  ")
    text += (
        "objectives:\n"
        "  - id: o-company\n"
        "    team: acme\n"
        "    title: Become a trusted partner for home cooks\n"
        "    key_results:\n"
        "      - id: kr-refunds\n"
        '        title: "Reduce refund rate from 0.5% to 0.2%"\n'
    )
    if source:
        text += textwrap.indent(textwrap.dedent(source), "        ")
    return text


def errors_of(text: str, **kwargs: object) -> list[ExchangeIssue]:
    with pytest.raises(ExchangeError) as raised:
        import_document(document_from_text(text, file="okrs.yaml", complete=True, **kwargs))  # type: ignore[arg-type]
    return raised.value.errors


def export_of(slug: str) -> str:
    organization = Organization.objects.get(slug=slug)
    cycle = default_cycle(organization)
    assert cycle is not None
    return export_cycle(organization, cycle)


def import_text(text: str, folder: Path | None = None) -> ImportReport:
    return import_document(document_from_text(text, complete=True, folder=folder))


# Lint, without a database -----------------------------------------------------------------------


def not_measurable(text: str) -> list[str]:
    plan = document_plan(document_from_text(text))
    return [f.path for f in lint_plan(plan) if f.rule == "kr-not-measurable"]


def test_the_example_lints_with_every_key_result_measurable():
    document, plan = load_plan(EXAMPLE)

    items = [kr for objective in plan.objectives for kr in objective.key_results]
    assert [kr.has_source for kr in items] == [True, True, True]
    assert not [f for f in lint_plan(plan) if f.rule == "kr-not-measurable"]
    assert document.incomplete == ()


def test_a_source_makes_a_key_result_measurable_in_the_linter():
    events = "- {id: events, kind: files, path: /data/events.parquet}\n"

    assert not_measurable(with_sources(events)) == ["objectives[0].key_results[0]"]
    assert not_measurable(with_sources(events, "source: {data_source: events, query: x}\n")) == []
    assert not_measurable(with_sources(events, "source: {builtin: objectives_aligned}\n")) == []


def test_okrs_lint_reads_sources_without_django_or_a_database():
    code = (
        "import sys; from okrs.exchange import load_plan; "
        f"_, plan = load_plan({str(EXAMPLE)!r}); "
        "assert all(kr.has_source for o in plan.objectives for kr in o.key_results); "
        "assert not [m for m in sys.modules if m.split('.')[0] in ('django', 'sqlalchemy')]"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_a_relative_path_is_read_from_the_folder_of_the_file(tmp_path):
    copy = tmp_path / "okrs" / "metrics.yaml"
    copy.parent.mkdir()
    shutil.copy(EXAMPLE, copy)

    document = load_document(copy, complete=True)

    events, warehouse = document.data_sources
    assert events.path == str(tmp_path / "okrs" / "data" / "events-*.parquet")
    assert (warehouse.url, warehouse.path) == ("${WAREHOUSE_URL}", "")


def test_text_without_a_folder_lints_but_cannot_import_a_relative_path():
    text = with_sources("- {id: events, kind: files, path: data/events.parquet}\n")

    document = document_from_text(text, file="okrs.yaml")

    (issue,) = document.incomplete
    assert (issue.line, issue.path) == (6, "data_sources[0].path")
    assert "write the full path" in issue.message


@pytest.mark.parametrize(
    ("data_sources", "source", "line", "path", "message"),
    [
        (
            "- {id: events, kind: files, path: /data/e.parquet}\n",
            "source: {data_source: event, query: select 1}\n",
            14,
            "objectives[0].key_results[0].source.data_source",
            "no data source has the id 'event'; did you mean 'events'?",
        ),
        (
            "- {id: warehouse, kind: sql}\n",
            "",
            6,
            "data_sources[0].url",
            "'url' is missing: a sql data source needs a SQLAlchemy URL",
        ),
        (
            "- {id: events, kind: files}\n",
            "",
            6,
            "data_sources[0].path",
            "'path' is missing: a files data source needs a .csv or .parquet file",
        ),
        (
            "- {id: warehouse, kind: sql, url: 'sqlite:////tmp/x.db', path: x.csv}\n",
            "",
            6,
            "data_sources[0].path",
            "a sql data source has no 'path'",
        ),
        (
            "- {id: events, kind: files, path: /data/e.parquet}\n",
            "source:\n  data_source: events\n  schedule: daily\n",
            14,
            "objectives[0].key_results[0].source.query",
            "'query' is missing: write the SQL",
        ),
        (
            "- {id: events, kind: files, path: /data/e.parquet}\n",
            "source: {builtin: checkins_on_time}\n",
            14,
            "objectives[0].key_results[0].source.builtin",
            "did you mean 'check_ins_on_time'?",
        ),
        (
            "- {id: events, kind: files, path: /data/e.parquet}\n",
            "source: {builtin: objectives_aligned, query: select 1}\n",
            14,
            "objectives[0].key_results[0].source.query",
            "the built-in metric 'objectives_aligned' has no query",
        ),
        (
            "- {id: events, kind: files, path: /data/e.parquet}\n",
            "source: {data_source: events, builtin: estimate_gap, query: select 1}\n",
            14,
            "objectives[0].key_results[0].source.builtin",
            "not both",
        ),
        (
            "- {id: events, kind: files, path: /data/e.parquet}\n",
            "source: {schedule: hourly}\n",
            14,
            "objectives[0].key_results[0].source.data_source",
            "'data_source' is missing",
        ),
        (
            "- {id: events, kind: files, path: /data/e.parquet, row_limit: 0}\n",
            "",
            6,
            "data_sources[0].row_limit",
            "must be a whole number from 1 to 1000000",
        ),
        (
            "- {id: events, kind: files, pth: /data/e.parquet}\n",
            "",
            6,
            "data_sources[0].pth",
            "unknown key 'pth'; did you mean 'path'?",
        ),
        (
            "- {id: events, path: /data/e.parquet}\n",
            "",
            6,
            "data_sources[0]",
            "'kind' is missing: every data source needs one",
        ),
    ],
)
def test_each_mistake_is_named_with_file_line_and_field(data_sources, source, line, path, message):
    with pytest.raises(ExchangeError) as raised:
        document_from_text(with_sources(data_sources, source), file="okrs.yaml")

    (issue,) = [issue for issue in raised.value.errors if issue.path == path]
    assert (issue.file, issue.line) == ("okrs.yaml", line)
    assert message in issue.message
    assert str(issue).startswith(f"okrs.yaml:{line}: {path}: ")


# Import -----------------------------------------------------------------------------------------


def test_the_example_imports_and_binds_each_kind_of_source(db, tmp_path):
    copy = tmp_path / "metrics.yaml"
    shutil.copy(EXAMPLE, copy)

    report = import_document(load_document(copy, complete=True))

    assert report.outcomes["data_sources"]["created"] == ["events", "warehouse"]
    assert report.outcomes["sources"]["created"] == ["kr-refunds", "kr-check-ins", "kr-reorder"]
    assert "key result sources: 3 created, 0 updated, 0 unchanged, 0 removed" in report.lines()
    events = DataSource.objects.get(ref="events")
    assert (events.kind, events.path) == ("files", str(tmp_path / "data" / "events-*.parquet"))
    warehouse = DataSource.objects.get(ref="warehouse")
    assert (warehouse.name, warehouse.url, warehouse.timeout_seconds) == (
        "Analytics warehouse",
        "${WAREHOUSE_URL}",
        60,
    )
    reorder = MetricDefinition.objects.get(key_result__ref="kr-reorder")
    assert (reorder.data_source, reorder.schedule) == (events, "daily")
    assert reorder.query.startswith("select count(*) / 13.0 from events where name = 'reorder'")
    check_ins = MetricDefinition.objects.get(key_result__ref="kr-check-ins")
    assert (check_ins.builtin, check_ins.data_source, check_ins.query) == (
        "check_ins_on_time",
        None,
        "",
    )
    assert AuditEvent.objects.filter(action="key_result.bind_metric").count() == 3
    assert not import_document(load_document(copy, complete=True)).changed


def test_an_imported_files_source_measures_the_files_next_to_the_yaml(db, tmp_path):
    shutil.copy(EXAMPLE, tmp_path / "metrics.yaml")
    (tmp_path / "data").mkdir()
    for part, days in (("1", range(1, 11)), ("2", range(11, 21))):
        duckdb.sql(
            f"copy (select date '2026-10-01' + i::integer as day, 'reorder' as name from range(100) t(i)"
            f" where i in {tuple(days)}) to '{tmp_path / 'data' / f'events-{part}.parquet'}'"
            " (format parquet)"
        )
    import_document(load_document(tmp_path / "metrics.yaml", complete=True))
    metric = MetricDefinition.objects.select_related(
        "data_source", "key_result__objective__cycle"
    ).get(key_result__ref="kr-reorder")

    measurement = measure(metric)

    assert measurement.error is None, measurement.error
    assert measurement.reading is not None
    assert measurement.reading.value.quantize(Decimal("0.01")) == Decimal("1.54")  # 20 / 13


def test_env_references_are_kept_as_written(db, monkeypatch):
    monkeypatch.setenv("WAREHOUSE_URL", "postgresql://reader:leak@db/x")
    monkeypatch.setenv("DATA_DIR", "/srv/leak")
    text = with_sources(
        "- {id: warehouse, kind: sql, url: '${WAREHOUSE_URL}'}\n"
        "- {id: events, kind: files, path: '${DATA_DIR}/events-*.parquet'}\n"
        "- {id: mixed, kind: sql, url: 'postgresql://${DB_USER}:${DB_PASSWORD}@db/x'}\n",
        "source: {data_source: warehouse, query: select 1}\n",
    )

    import_text(text)
    exported = export_of("acme")

    stored = dict(DataSource.objects.values_list("ref", "url"))
    assert stored["warehouse"] == "${WAREHOUSE_URL}"
    assert stored["mixed"] == "postgresql://${DB_USER}:${DB_PASSWORD}@db/x"
    assert DataSource.objects.get(ref="events").path == "${DATA_DIR}/events-*.parquet"
    assert "url: ${WAREHOUSE_URL}\n" in exported
    assert "path: ${DATA_DIR}/events-*.parquet\n" in exported
    assert "url: postgresql://${DB_USER}:${DB_PASSWORD}@db/x\n" in exported
    assert "leak" not in exported and "***" not in exported


def test_a_key_result_without_its_source_in_the_file_is_unbound_and_keeps_its_check_ins(db):
    text = with_sources(
        "- {id: events, kind: files, path: /data/events.parquet}\n",
        "source: {data_source: events, query: select 1, schedule: hourly}\n",
    )
    import_text(text)
    key_result = KeyResult.objects.get(ref="kr-refunds")
    goals.key_result_check_in(
        actor=Actor.system(key_result.objective.cycle.organization), key_result=key_result, value=1
    )

    changed = import_text(text.replace("schedule: hourly", "schedule: manual"))
    assert changed.outcomes["sources"]["updated"] == ["kr-refunds"]
    assert MetricDefinition.objects.get().schedule == "manual"
    report = import_text(with_sources("- {id: events, kind: files, path: /data/events.parquet}\n"))

    assert report.outcomes["sources"]["removed"] == ["kr-refunds"]
    assert not MetricDefinition.objects.exists()
    assert CheckIn.objects.filter(key_result=key_result).count() == 1
    assert DataSource.objects.filter(ref="events").exists()  # never deleted by an import


def test_data_sources_missing_from_the_file_are_left_alone(db):
    text = with_sources("- {id: events, kind: files, path: /data/events.parquet}\n")
    import_text(text)
    organization = Organization.objects.get(slug="acme")
    metrics.data_source_create(
        actor=Actor.system(organization), name="Sales", kind="files", path="/data/sales.csv"
    )

    assert not import_text(text).changed

    assert set(DataSource.objects.values_list("ref", flat=True)) == {"sales", "events"}


def test_a_bad_source_rolls_back_the_whole_import(db):
    text = with_sources(
        "- {id: events, kind: files, path: /data/events.parquet}\n"
        "- {id: sheet, kind: files, path: /data/sales.xlsx}\n",
        "source: {data_source: events, query: select count(*) from events}\n",
    )

    (issue,) = errors_of(text)

    assert (issue.file, issue.line, issue.path) == ("okrs.yaml", 7, "data_sources[1].path")
    assert "Name CSV files ending in .csv and Parquet files ending in .parquet." in issue.message
    assert not Organization.objects.exists()
    assert not DataSource.objects.exists() and not MetricDefinition.objects.exists()
    assert not KeyResult.objects.exists()


def test_a_refused_binding_rolls_back_the_data_source_written_before_it(world):
    system = Actor.system(world.org)
    goals.cycle_transition(actor=system, cycle=world.cycle, status=Cycle.Status.REVIEW)
    goals.cycle_transition(actor=system, cycle=world.cycle, status=Cycle.Status.CLOSED)
    text = export_of("acme").replace(
        "objectives:\n",
        "data_sources:\n  - {id: events, kind: files, path: /data/events.parquet}\nobjectives:\n",
    )
    text = text.replace(
        "        target: 20\n",
        "        target: 20\n        source: {data_source: events, query: select 1}\n",
    )
    events = AuditEvent.objects.count()

    (issue,) = errors_of(text)

    assert issue.path == "cycle.status" and "is closed and its numbers are final" in issue.message
    assert "objectives[1].key_results[0].source" in issue.message
    assert not DataSource.objects.exists() and not MetricDefinition.objects.exists()
    assert AuditEvent.objects.count() == events


# Export and secrets -----------------------------------------------------------------------------


def bound_world(world) -> str:
    """acme with one data source of each kind and one key result per kind of source."""
    system = Actor.system(world.org)
    warehouse = metrics.data_source_create(
        actor=system, ref="warehouse", name="Warehouse", kind="sql", url=PASSWORD_URL
    )
    metrics.data_source_create(actor=system, ref="env_db", name="env_db", kind="sql", url="${DB}")
    events = metrics.data_source_create(
        actor=system,
        ref="events",
        name="Product events",
        kind="files",
        path="/data/events-*.parquet",
        row_limit=500,
        max_concurrency=2,
    )
    metrics.metric_bind(
        actor=system,
        key_result=world.key_result,
        data_source=warehouse,
        query="select 100.0 * sum(abandoned) / count(*)\nfrom carts\nwhere day >= :cycle_start",
        schedule="hourly",
    )
    metrics.metric_bind(
        actor=system,
        key_result=world.company_kr,
        data_source=events,
        query="select day, count(*) from events group by day",
    )
    extra = goals.key_result_create(
        actor=system,
        objective=world.company_objective,
        title="Check in on time",
        metric="check-ins on time",
        unit="%",
        baseline=50,
        target=90,
    )
    metrics.metric_bind(
        actor=system, key_result=extra, builtin="check_ins_on_time", schedule="manual"
    )
    return export_of("acme")


def test_export_import_export_is_identical_with_every_kind_of_source(world):
    first = bound_world(world)
    events = AuditEvent.objects.count()

    report = import_text(first)

    assert not report.changed and AuditEvent.objects.count() == events
    assert export_of("acme") == first
    assert (
        "data_sources:\n"
        "  - id: env_db\n    kind: sql\n    url: ${DB}\n"
        "  - id: events\n    name: Product events\n    kind: files\n"
        "    path: /data/events-*.parquet\n    row_limit: 500\n    max_concurrency: 2\n"
        "  - id: warehouse\n    name: Warehouse\n    kind: sql\n"
        "    url: postgresql://reader:***@warehouse.internal:5432/analytics\n"
    ) in first
    assert (
        "        source:\n"
        "          data_source: warehouse\n"
        "          query: |-\n"
        "            select 100.0 * sum(abandoned) / count(*)\n"
        "            from carts\n"
        "            where day >= :cycle_start\n"
        "          schedule: hourly\n"
    ) in first
    assert (
        "        source:\n          builtin: check_ins_on_time\n          schedule: manual\n"
        in first
    )
    assert "          data_source: events\n" in first


def test_the_password_is_never_in_the_export(world):
    text = bound_world(world)
    assert "s3cret" not in text and "reader:***@" in text
    assert url_for_file("mysql+pymysql://u:p%40ss@h/db") == "mysql+pymysql://u:***@h/db"
    assert url_for_file("${SCHEME}://u:hunter2@h/db") == "${SCHEME}://u:***@h/db"
    assert (
        url_for_file("postgresql://u@h/db?password=hunter2") == "postgresql://u@h/db?password=***"
    )
    assert url_for_file("postgresql://u:${PW}@h/db") == "postgresql://u:${PW}@h/db"
    assert url_for_file("${BASE_URL}/analytics") == "${BASE_URL}/analytics"


def test_a_redacted_password_keeps_the_stored_one(world):
    first = bound_world(world)

    import_text(first.replace("name: Warehouse\n", "name: Warehouse EU\n"))

    warehouse = DataSource.objects.get(ref="warehouse")
    assert (warehouse.name, warehouse.url) == ("Warehouse EU", PASSWORD_URL)
    # A new URL with a hidden password cannot take the old password along.
    moved = first.replace("warehouse.internal:5432", "warehouse-2.internal:5432")
    (issue,) = errors_of(moved)
    line = moved.splitlines().index(
        "    url: postgresql://reader:***@warehouse-2.internal:5432/analytics"
    )
    assert (issue.line, issue.path) == (line + 1, "data_sources[2].url")
    assert "Write the whole URL again with the password" in issue.message
    assert DataSource.objects.get(ref="warehouse").url == PASSWORD_URL


def test_a_redacted_password_for_a_new_data_source_is_refused(world):
    first = bound_world(world)
    copy = first.replace("slug: acme\n", "slug: acme-copy\n", 1)

    errors = errors_of(copy)

    (issue,) = errors
    line = copy.splitlines().index(
        "    url: postgresql://reader:***@warehouse.internal:5432/analytics"
    )
    assert (issue.line, issue.path) == (line + 1, "data_sources[2].url")
    assert "has no stored password to keep" in issue.message
    assert "${NAME}" in issue.message
    assert not Organization.objects.filter(slug="acme-copy").exists()


def test_a_copy_with_the_password_written_again_imports_identically(world):
    first = bound_world(world)
    copy = first.replace("slug: acme\n", "slug: acme-copy\n", 1)

    import_text(copy.replace("reader:***@", "reader:s3cret-pw@"))

    assert export_of("acme-copy") == copy
    assert DataSource.objects.get(organization__slug="acme-copy", ref="warehouse").url == (
        PASSWORD_URL
    )


def test_the_file_defaults_are_the_model_defaults():
    for name, default in DATA_SOURCE_DEFAULTS.items():
        assert DataSource._meta.get_field(name).default == default


def test_okrs_import_and_export_of_the_example(cli_env, tmp_path):  # noqa: F811
    shutil.copy(EXAMPLE, tmp_path / "metrics.yaml")

    lint = run_okrs("lint", str(tmp_path / "metrics.yaml"), env=cli_env)
    imported = run_okrs("import", str(tmp_path / "metrics.yaml"), env=cli_env)
    exported = run_okrs("export", env=cli_env)

    assert lint.returncode == 0 and "kr-not-measurable" not in lint.stdout, lint.stdout
    assert imported.returncode == 0, imported.stderr
    assert "data sources: 2 created, 0 updated, 0 unchanged" in imported.stdout
    assert exported.returncode == 0, exported.stderr
    assert f"    path: {tmp_path}/data/events-*.parquet\n" in exported.stdout
    assert "    url: ${WAREHOUSE_URL}\n" in exported.stdout


def test_every_key_of_data_sources_and_sources_is_documented():
    from okrs.exchange.schema import schema

    documented = (EXAMPLES.parent / "yaml-format.md").read_text(encoding="utf-8")
    definitions = schema()["$defs"]
    for name in ("data_source", "source"):
        for key in definitions[name]["properties"]:
            assert f"| `{key}` |" in documented, (name, key)
