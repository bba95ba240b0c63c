"""Real data for metric tests: Parquet and CSV files, a PostgreSQL warehouse, a SQLite file.

Nothing here is mocked: the warehouse is a throwaway PostgreSQL database (created with psycopg,
dropped at teardown), the files are written by DuckDB, the SQLite database is a file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import psycopg
import pytest

from okrs.metrics import connectors
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.workspace.permissions import Actor

SERVER = "postgresql://postgres@127.0.0.1:5432"
# The orders every warehouse and SQLite file holds: (id, amount, created, status).
ORDERS = [
    (1, "10.50", dt.date(2026, 1, 5), "paid"),
    (2, "20.00", dt.date(2026, 1, 6), "paid"),
    (3, "5.25", dt.date(2026, 2, 1), "refunded"),
    (4, "100.00", dt.date(2026, 3, 15), "paid"),
]


@pytest.fixture(autouse=True)
def _fresh_connections() -> Iterator[None]:
    """Engines and DuckDB databases are kept per URL/path: no test sees another's."""
    yield
    connectors.dispose_engines()
    connectors.forget_file_databases()


@dataclass
class Warehouse:
    """A PostgreSQL database of its own, with an ``orders`` table."""

    name: str

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:5432/{self.name}"

    @property
    def dsn(self) -> str:
        return f"{SERVER}/{self.name}"

    def execute(self, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
        """Run ``sql`` as the owner, committed; returns the rows if it has any."""
        with psycopg.connect(self.dsn, autocommit=True) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def count(self) -> int:
        return int(self.execute("select count(*) from orders")[0][0])


@pytest.fixture
def warehouse() -> Iterator[Warehouse]:
    name = f"okrs_wh_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    found = Warehouse(name)
    found.execute(
        "create table orders (id int primary key, amount numeric(10, 2), created date, status text)"
    )
    with psycopg.connect(found.dsn, autocommit=True) as connection:
        connection.cursor().executemany("insert into orders values (%s, %s, %s, %s)", ORDERS)
    yield found
    connectors.dispose_engines()
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    """A SQLite database file with the same ``orders`` table."""
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as connection:
        connection.execute(
            "create table orders (id integer primary key, amount real, created text, status text)"
        )
        connection.executemany(
            "insert into orders values (?, ?, ?, ?)",
            [(i, float(a), d.isoformat(), s) for i, a, d, s in ORDERS],
        )
    connection.close()
    return path


def _sqlite_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("select count(*) from orders").fetchone()[0])
    finally:
        connection.close()


@pytest.fixture
def sqlite_count() -> Callable[[Path], int]:
    """How many orders the SQLite file holds, read by a connection of its own."""
    return _sqlite_count


ParquetFactory = Callable[..., Path]


@pytest.fixture
def parquet_files(tmp_path: Path) -> ParquetFactory:
    """``parquet_files(name, select)`` writes ``select``'s rows to ``<tmp>/events/<name>``."""
    folder = tmp_path / "events"
    folder.mkdir(exist_ok=True)

    def write(name: str, select: str) -> Path:
        path = folder / name
        duckdb.sql(f"COPY ({select}) TO '{path}' (FORMAT parquet)")
        return path

    return write


@pytest.fixture
def events(parquet_files: ParquetFactory, tmp_path: Path) -> str:
    """Three Parquet files of events (one a day from 2026-01-01, 10 per file): their glob."""
    for part in range(3):
        parquet_files(
            f"events-{part}.parquet",
            f"select range::int as id, date '2026-01-01' + range::int as day,"
            f" (range % 3)::int as clicks from range({part * 10}, {part * 10 + 10})",
        )
    return str(tmp_path / "events" / "events-*.parquet")


@pytest.fixture
def sales_csv(tmp_path: Path) -> Path:
    path = tmp_path / "sales.csv"
    path.write_text("day,amount\n2026-01-05,10\n2026-01-06,32.5\n2026-02-01,7\n")
    return path


def _files_source(actor: Actor, path: str | Path, *, ref: str = "events", **fields: Any) -> Any:
    from okrs.metrics.services import data_source_create

    return data_source_create(
        actor=actor, name=ref.title(), ref=ref, kind=DataSource.Kind.FILES, path=str(path), **fields
    )


def _sql_source(actor: Actor, url: str, *, ref: str = "warehouse", **fields: Any) -> Any:
    from okrs.metrics.services import data_source_create

    return data_source_create(
        actor=actor, name=ref.title(), ref=ref, kind=DataSource.Kind.SQL, url=url, **fields
    )


def _loaded(metric: MetricDefinition) -> MetricDefinition:
    return MetricDefinition.objects.select_related(
        "organization", "data_source", "key_result__objective__cycle"
    ).get(pk=metric.pk)


@pytest.fixture
def files_source() -> Callable[..., DataSource]:
    """``files_source(actor, path, ref="events", **fields)``: a files data source."""
    return _files_source


@pytest.fixture
def sql_source() -> Callable[..., DataSource]:
    """``sql_source(actor, url, ref="warehouse", **fields)``: a SQL data source."""
    return _sql_source


@pytest.fixture
def loaded() -> Callable[[MetricDefinition], MetricDefinition]:
    """The metric as the scheduler loads it (what ``measure`` expects)."""
    return _loaded
