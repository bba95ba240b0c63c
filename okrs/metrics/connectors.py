"""Run one metric query against a SQL database (SQLAlchemy) or CSV/Parquet files (DuckDB).

No Django here: plain values in, a ``QueryResult`` or a ``MetricError`` out. Every query runs
read-only, under a statement timeout and a row limit:

- SQL: a read-only transaction (PostgreSQL, MySQL/MariaDB) or ``query_only`` (SQLite), the
  database's own statement timeout where it has one, and a timer that cancels the statement
  everywhere else; the connection is rolled back, never committed.
- Files: an in-memory DuckDB database whose only table is a view over the files; access to any
  other file is switched off and the configuration locked, and only SELECT statements run.

Engines and DuckDB databases are kept per URL or path (a pool of connections each), so that a
worker running thousands of metrics does not pay a new connection per query.
"""

from __future__ import annotations

import glob as globbing
import hashlib
import os
import re
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Parameters a query may use, written :cycle_start and :cycle_end.
PARAMETER = re.compile(r"(?<![:\w\\]):(cycle_start|cycle_end)\b")
ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
CONNECT_TIMEOUT_SECONDS = 10


class MetricError(Exception):
    """Why a metric could not be measured. ``kind`` is stable; ``params`` fill its message.

    ``detail`` is the database's own words, kept as they are (it is the exact error a person
    needs to fix the query); okrs.metrics.errors turns kind and params into a sentence in the
    reader's language.
    """

    def __init__(self, kind: str, detail: str = "", **params: Any) -> None:
        super().__init__(f"{kind}: {detail or params}")
        self.kind = kind
        self.detail = detail.strip()
        self.params = params


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    duration_ms: int
    extra: dict[str, Any] = field(default_factory=dict)


def expand_env(text: str, environ: Mapping[str, str] | None = None) -> str:
    """``text`` with every ``${NAME}`` replaced by that environment variable; MetricError if unset."""
    environ = os.environ if environ is None else environ

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in environ:
            raise MetricError("config", missing_variable=name)
        return environ[name]

    return ENV_REFERENCE.sub(value, text)


def redacted_url(url: str) -> str:
    """The URL as people may see it: passwords replaced by ``***``, ``${NAME}`` left as written."""
    if not url or ENV_REFERENCE.fullmatch(url.strip()):
        return url
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        # Not a URL we can read: show only what comes before any credentials could start.
        return url.split("://", 1)[0] + "://***" if "://" in url else "***"
    return parsed.render_as_string(hide_password=True)


def query_fingerprint(query: str) -> str:
    """A short stable id of a query's text (white space folded), kept with every synced value."""
    folded = " ".join(query.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def used_parameters(query: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters the query actually mentions (drivers refuse unused ones)."""
    names = set(PARAMETER.findall(query))
    return {name: value for name, value in params.items() if name in names}


# SQL databases ----------------------------------------------------------------------------------

_engines: dict[str, Any] = {}
_engines_lock = threading.Lock()


def _engine(url: str, pool_size: int) -> Any:
    """One SQLAlchemy engine per URL, created on first use."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _create_engine(url, pool_size)
            _engines[url] = engine
        return engine


def _create_engine(url: str, pool_size: int) -> Any:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:
        raise MetricError("config", str(error), bad_url=True) from None
    options: dict[str, Any] = {"pool_pre_ping": True}
    connect_args: dict[str, Any] = {}
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        connect_args["check_same_thread"] = False
    else:
        options.update(pool_size=pool_size, max_overflow=0, pool_timeout=60)
        if backend in ("postgresql", "mysql", "mariadb"):
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    try:
        return create_engine(parsed, connect_args=connect_args, **options)
    except NoSuchModuleError as error:
        raise MetricError("config", str(error), missing_driver=backend) from None
    except (ArgumentError, ImportError) as error:
        raise MetricError("config", str(error), missing_driver=backend) from None


def dispose_engines() -> None:
    """Close every pooled connection (tests, and a worker shutting down)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def run_sql(
    url: str,
    query: str,
    *,
    params: Mapping[str, Any] | None = None,
    timeout: float = 30,
    row_limit: int = 10_000,
    pool_size: int = 4,
) -> QueryResult:
    """Run ``query`` read-only on the database at ``url`` (``${NAME}`` expanded)."""
    from sqlalchemy import exc, text

    engine = _engine(expand_env(url), pool_size)
    started = time.perf_counter()
    try:
        with engine.connect() as connection:
            backend = connection.dialect.name
            _read_only(connection, backend, timeout)
            with _cancel_after(timeout, connection, backend):
                result = connection.execute(text(query), used_parameters(query, params or {}))
                if not result.returns_rows:
                    raise MetricError("not_a_query")
                columns = tuple(result.keys())
                rows = [tuple(row) for row in result.fetchmany(row_limit + 1)]
            connection.rollback()
    except MetricError:
        raise
    except exc.DBAPIError as error:
        raise _sql_error(error, time.perf_counter() - started, timeout) from None
    except exc.SQLAlchemyError as error:
        raise MetricError("query", str(error)) from None
    if len(rows) > row_limit:
        raise MetricError("too_many_rows", limit=row_limit)
    return QueryResult(columns, rows, _elapsed_ms(started))


def _read_only(connection: Any, backend: str, timeout: float) -> None:
    """Make the transaction read-only and bound its statements, where the database allows."""
    from sqlalchemy import text

    if backend == "postgresql":
        connection.execute(text("SET TRANSACTION READ ONLY"))
        connection.execute(text(f"SET LOCAL statement_timeout = {int(timeout * 1000)}"))
    elif backend in ("mysql", "mariadb"):
        connection.exec_driver_sql("SET SESSION TRANSACTION READ ONLY")
    elif backend == "sqlite":
        connection.exec_driver_sql("PRAGMA query_only = ON")


@contextmanager
def _cancel_after(timeout: float, connection: Any, backend: str) -> Iterator[None]:
    """Cancel the running statement after ``timeout`` seconds, for databases without a setting."""
    if backend == "postgresql":  # statement_timeout does it on the server
        yield
        return
    raw = connection.connection.dbapi_connection
    cancel = getattr(raw, "interrupt", None) or getattr(raw, "cancel", None)
    if cancel is None:
        yield
        return
    timer = threading.Timer(timeout, cancel)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _sql_error(error: Any, seconds: float, timeout: float) -> MetricError:
    original = getattr(error, "orig", None)
    detail = str(original or error).strip().splitlines()[0] if str(original or error) else ""
    sqlstate = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if sqlstate == "57014" or "interrupted" in detail.lower() or seconds >= timeout:
        return MetricError("timeout", detail, seconds=int(timeout))
    if error.connection_invalidated or _is_connection_error(error):
        return MetricError("unavailable", detail)
    return MetricError("query", detail)


def _is_connection_error(error: Any) -> bool:
    from sqlalchemy import exc

    if not isinstance(error, exc.OperationalError):
        return False
    words = str(error.orig).lower()
    return any(
        w in words
        for w in ("connect", "connection", "server closed", "terminat", "unable to open database")
    )


# Files ------------------------------------------------------------------------------------------

_file_databases: dict[tuple[str, str], Any] = {}
_file_databases_lock = threading.Lock()


def _reader(path: str) -> str:
    lower = path.lower()
    if lower.endswith(".parquet") or lower.endswith(".pq"):
        return "read_parquet"
    if lower.endswith((".csv", ".tsv", ".txt", ".csv.gz")):
        return "read_csv_auto"
    raise MetricError("config", unknown_file_kind=path)


def _folder_of(pattern: str) -> str:
    """The deepest folder of ``pattern`` without wildcards: the only one queries may read."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts[:-1]:
        if globbing.has_magic(part):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "/"


def _quoted(text: str, quote: str = "'") -> str:
    return quote + text.replace(quote, quote * 2) + quote


def _file_database(table: str, path: str) -> Any:
    """An in-memory DuckDB database with one view, ``table``, over the files at ``path``."""
    import duckdb

    key = (table, path)
    with _file_databases_lock:
        database = _file_databases.get(key)
        if database is not None:
            return database
        if not Path(path).is_absolute():
            raise MetricError("config", relative_path=path)
        database = duckdb.connect(":memory:")
        try:
            database.execute(
                f"CREATE VIEW {_quoted(table, chr(34))} AS SELECT * FROM {_reader(path)}({_quoted(path)})"
            )
        except duckdb.Error as error:
            database.close()
            raise MetricError("unavailable", str(error).splitlines()[0]) from None
        folder = _folder_of(path)
        database.execute(f"SET allowed_directories = [{_quoted(folder.rstrip('/') + '/')}]")
        database.execute("SET enable_external_access = false")
        database.execute("SET lock_configuration = true")
        _file_databases[key] = database
        return database


def forget_file_databases() -> None:
    """Close the kept DuckDB databases (tests, and after a data source's path changes)."""
    with _file_databases_lock:
        for database in _file_databases.values():
            database.close()
        _file_databases.clear()


def run_files(
    table: str,
    path: str,
    query: str,
    *,
    params: Mapping[str, Any] | None = None,
    timeout: float = 30,
    row_limit: int = 10_000,
) -> QueryResult:
    """Run ``query`` on the CSV/Parquet files at ``path`` (``${NAME}`` expanded), seen as ``table``."""
    import duckdb

    cursor = _file_database(table, expand_env(path)).cursor()
    started = time.perf_counter()
    timer = threading.Timer(timeout, cursor.interrupt)
    timer.daemon = True
    try:
        statements = cursor.extract_statements(query)
        if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
            raise MetricError("not_a_query")
        timer.start()
        result = cursor.execute(
            PARAMETER.sub(r"$\1", query), used_parameters(query, params or {}) or None
        )
        columns = tuple(d[0] for d in result.description or ())
        rows = result.fetchmany(row_limit + 1)
    except duckdb.InterruptException:
        raise MetricError("timeout", seconds=int(timeout)) from None
    except duckdb.IOException as error:
        raise MetricError("unavailable", str(error).splitlines()[0]) from None
    except duckdb.Error as error:
        raise MetricError("query", str(error).splitlines()[0]) from None
    finally:
        timer.cancel()
        cursor.close()
    if len(rows) > row_limit:
        raise MetricError("too_many_rows", limit=row_limit)
    return QueryResult(columns, [tuple(r) for r in rows], _elapsed_ms(started))


def _elapsed_ms(started: float) -> int:
    return max(0, round((time.perf_counter() - started) * 1000))
