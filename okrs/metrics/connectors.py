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
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Parameters a query may use, written :cycle_start and :cycle_end.
PARAMETER = re.compile(r"(?<![:\w\\]):(cycle_start|cycle_end)\b")
_BEFORE_CAST = re.compile(r"(?<![:\w\\]):(cycle_start|cycle_end)(?=::)")
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


# Names ${NAME} may read without being listed: the operator's own variables for data sources.
SOURCE_VARIABLE_PREFIX = "OKRS_SOURCE_"


@dataclass(frozen=True)
class OwnDatabase:
    """okrs' own database, which no data source may read however its URL is written."""

    backend: str  # "sqlite" or "postgresql"
    name: str  # the SQLite file, or the PostgreSQL database
    host: str = ""
    port: int = 5432


@dataclass(frozen=True)
class Confinement:
    """What data sources may reach, set once from the settings (okrs.metrics.apps)."""

    file_roots: tuple[Path, ...] = ()
    variables: frozenset[str] = frozenset()
    own_databases: tuple[OwnDatabase, ...] = ()


_confinement = Confinement()


def confine(
    *,
    file_roots: Iterable[str | Path],
    variables: Iterable[str] = (),
    own_databases: Iterable[OwnDatabase] = (),
) -> None:
    """Set the folders file sources may read, the extra ``${NAME}`` names, and okrs' database."""
    global _confinement
    _confinement = Confinement(
        file_roots=tuple(Path(os.path.realpath(root)) for root in file_roots),
        variables=frozenset(variables),
        own_databases=tuple(own_databases),
    )
    forget_file_databases()


def confinement() -> Confinement:
    return _confinement


def variable_allowed(name: str) -> bool:
    return name.startswith(SOURCE_VARIABLE_PREFIX) or name in _confinement.variables


def referenced_variables(text: str) -> list[str]:
    return ENV_REFERENCE.findall(text)


def expand_env(text: str, environ: Mapping[str, str] | None = None) -> str:
    """``text`` with every ``${NAME}`` replaced by that environment variable.

    Only names the operator allowed are read (``OKRS_SOURCE_*`` and the names listed in
    ``OKRS_SOURCE_VARIABLES``): a data source must not be a way to read the server's secrets.
    MetricError if a name is refused or unset.
    """
    environ = os.environ if environ is None else environ

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if not variable_allowed(name):
            raise MetricError("config", refused_variable=name)
        if name not in environ:
            raise MetricError("config", missing_variable=name)
        return environ[name]

    return ENV_REFERENCE.sub(value, text)


def safe_detail(detail: str, *, secrets: Iterable[str] = ()) -> str:
    """A database's error as people may see it: one line, no values quoted from rows or files,
    no expanded secret. Identifiers (double quotes in SQL) stay, so the error still says where."""
    line = _first_line(detail)
    for secret in secrets:
        if secret and len(secret) >= 3:
            line = line.replace(secret, "***")
    line = _QUOTED_VALUE.sub("'…'", line)
    line = _VALUE_AFTER_COLON.sub(r"\1 …", line)
    return line[:DETAIL_LIMIT]


# 'text' literals are values (from a row, a file, the query): never shown back.
_QUOTED_VALUE = re.compile(r"'(?:[^']|'')*'")
# PostgreSQL's invalid input syntax for type integer: "abc" ends with the value.
_VALUE_AFTER_COLON = re.compile(
    r'((?:invalid input syntax|invalid input value)[^:]*:)\s*".*"', re.I
)
DETAIL_LIMIT = 300


# user:password@ in a URL: the password runs to the last @ (passwords may hold : / ? or @).
_CREDENTIALS = re.compile(
    r"^(?P<head>[\w.+-]+://[^:/@?#]*:)(?P<password>.*)@(?P<tail>[^@]*)$", re.S
)
# Query-string options that hold secrets (?password=…, &sslpassword=…, &token=…, &private_key=…).
_SECRET_OPTION = re.compile(
    r"(?P<name>[?&][^=&#]*(?:password|passwd|pwd|secret|token|api_?key|private_?key)[^=&#]*=)"
    r"(?P<value>[^&#]*)",
    re.I,
)


def redacted_url(url: str) -> str:
    """The URL as people may see it: passwords replaced by ``***``, ``${NAME}`` left as written.

    Done on the text rather than through SQLAlchemy's parser, so that everything else stays as
    the person wrote it (a rendered URL would re-quote ``${NAME}`` and reorder options).
    """

    def hidden(secret: str) -> str:
        return secret if not secret or ENV_REFERENCE.fullmatch(secret) else "***"

    if not url or ENV_REFERENCE.fullmatch(url.strip()):
        return url
    if "://" not in url:
        return "***"  # not a URL: nothing in it can be shown safely
    credentials = _CREDENTIALS.match(url)
    if credentials:
        url = credentials["head"] + hidden(credentials["password"]) + "@" + credentials["tail"]
    return _SECRET_OPTION.sub(lambda m: m["name"] + hidden(m["value"]), url)


def query_fingerprint(query: str) -> str:
    """A short stable id of a query's text (white space folded), kept with every synced value."""
    folded = " ".join(query.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def used_parameters(query: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters the query actually mentions (drivers refuse unused ones)."""
    names = set(PARAMETER.findall(query))
    return {name: value for name, value in params.items() if name in names}


# SQL databases ----------------------------------------------------------------------------------

_engines: dict[tuple[str, int], Any] = {}
_engines_lock = threading.Lock()
# A query must start with one of these words (after comments and parentheses): anything else
# (PRAGMA, ATTACH, SET, COMMIT …) is refused before it reaches the database.
READING_WORDS = frozenset({"select", "with", "values", "table"})
_LEADING_NOISE = re.compile(r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/|\()*", re.S)
# MySQL and MariaDB stop a statement that runs too long with these error numbers.
MYSQL_TIMEOUT_ERRORS = frozenset({3024, 1969})


def _require_select(query: str) -> None:
    rest = query[_LEADING_NOISE.match(query).end() :]  # type: ignore[union-attr]
    word = re.match(r"[A-Za-z]+", rest)
    if word is None or word.group(0).lower() not in READING_WORDS:
        raise MetricError("not_a_query")


def _engine(url: str, pool_size: int) -> Any:
    """One SQLAlchemy engine per URL and pool size, created on first use.

    Keyed by the pool size too: two data sources on one database each get the pool their
    ``max_concurrency`` asks for, and a changed limit takes effect on the next run.
    """
    key = (url, pool_size)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _create_engine(url, pool_size)
            _engines[key] = engine
        return engine


def _read_only_sqlite(parsed: Any) -> Any:
    """A SQLite URL opened read-only: a missing file is an error instead of a new empty one."""
    from urllib.parse import quote

    database = parsed.database or ""
    if database in ("", ":memory:") or parsed.query.get("mode") == "memory":
        return parsed  # a shared in-memory database (the test suite's) has no file to open
    if parsed.query.get("uri") in ("true", "1"):
        return parsed.update_query_dict({"mode": "ro"})
    return parsed.set(database="file:" + quote(database)).update_query_dict(
        {"mode": "ro", "uri": "true"}
    )


_LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1", "[::1]"})


def _host_addresses(host: str) -> frozenset[str]:
    """Every address ``host`` names; a socket folder or a local name is "local"."""
    import socket

    if host.startswith("/") or host.lower() in _LOCAL_HOSTS:
        return frozenset({"local"})
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return frozenset({host.lower()})
    addresses = {str(info[4][0]) for info in infos}
    if any(a.startswith("127.") or a == "::1" for a in addresses):
        addresses.add("local")
    return frozenset(addresses)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_own_database(parsed: Any) -> None:
    """MetricError if the parsed URL reaches okrs' own database (links, aliases, ports resolved)."""
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if parsed.query.get("mode") == "memory" or parsed.query.get("cache") == "shared":
            raise MetricError("config", own_database=True)
        if database.startswith("file:"):
            from urllib.parse import unquote, urlsplit

            database = unquote(urlsplit(database).path)
        for own in _confinement.own_databases:
            if own.backend == "sqlite" and database and _same_file(database, own.name):
                raise MetricError("config", own_database=True)
        return
    if backend != "postgresql":
        return
    query = parsed.query
    host = str(query.get("host") or parsed.host or os.environ.get("PGHOST", ""))
    port = int(query.get("port") or parsed.port or os.environ.get("PGPORT", 5432) or 5432)
    database = str(query.get("dbname") or parsed.database or os.environ.get("PGDATABASE", ""))
    for own in _confinement.own_databases:
        if own.backend != "postgresql":
            continue
        same_server = port == own.port and _host_addresses(host) & _host_addresses(own.host)
        if same_server and (not database or database == own.name or "service" in query):
            raise MetricError("config", own_database=True)


def _create_engine(url: str, pool_size: int) -> Any:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise MetricError("config", bad_url=True) from None
    refuse_own_database(parsed)
    options: dict[str, Any] = {"pool_pre_ping": True}
    connect_args: dict[str, Any] = {}
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        parsed = _read_only_sqlite(parsed)
        connect_args["check_same_thread"] = False
        if parsed.query.get("mode") == "memory" or parsed.database in (None, "", ":memory:"):
            from sqlalchemy.pool import SingletonThreadPool

            # An in-memory database lives in its connection: one per thread, said explicitly.
            options["poolclass"] = SingletonThreadPool
    else:
        options.update(pool_size=pool_size, max_overflow=0, pool_timeout=60)
        if backend in ("postgresql", "mysql", "mariadb"):
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    try:
        return create_engine(parsed, connect_args=connect_args, **options)
    except (NoSuchModuleError, ArgumentError, ImportError) as error:
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
    """Run ``query`` read-only on the database at ``url`` (``${NAME}`` expanded).

    Refused before any connection: okrs' own database, however the URL names it. The error's
    detail never holds an expanded secret or a value quoted from the data.
    """
    _require_select(query)
    expanded = expand_env(url)
    with _safe_errors(url, expanded):
        return _run_sql(expanded, query, params, timeout, row_limit, pool_size)


@contextmanager
def _safe_errors(written: str, expanded: str) -> Iterator[None]:
    """A MetricError leaving this block has a detail people may see (``safe_detail``)."""
    try:
        yield
    except MetricError as error:
        error.detail = safe_detail(error.detail, secrets=_secrets_of(written, expanded))
        raise


def _secrets_of(written: str, expanded: str) -> list[str]:
    """The values ``${NAME}`` brought in, and the URL's own password."""
    values = [os.environ.get(name, "") for name in referenced_variables(written)]
    credentials = _CREDENTIALS.match(expanded)
    if credentials:
        values.append(credentials["password"])
    return sorted(set(values), key=len, reverse=True)


def _run_sql(
    url: str,
    query: str,
    params: Mapping[str, Any] | None,
    timeout: float,
    row_limit: int,
    pool_size: int,
) -> QueryResult:
    from sqlalchemy import exc

    engine = _engine(url, pool_size)
    started = time.perf_counter()
    try:
        connection = engine.connect()
    except exc.DBAPIError as error:
        # Refused, unreachable, unknown database, wrong password: the source cannot be used.
        raise MetricError("unavailable", _first_line(error.orig or error)) from None
    except exc.TimeoutError as error:  # every pooled connection stayed busy
        raise MetricError("unavailable", _first_line(error)) from None
    watch = _Watch()
    try:
        with connection:
            rows, columns = _fetch(connection, query, params, timeout, row_limit, watch)
    except MetricError:
        raise
    except exc.DBAPIError as error:
        raise _sql_error(error, cancelled=watch.fired, timeout=timeout) from None
    except exc.SQLAlchemyError as error:
        raise MetricError("query", _first_line(error)) from None
    if len(rows) > row_limit:
        raise MetricError("too_many_rows", limit=row_limit)
    return QueryResult(columns, rows, _elapsed_ms(started))


def _fetch(
    connection: Any,
    query: str,
    params: Mapping[str, Any] | None,
    timeout: float,
    row_limit: int,
    watch: _Watch,
) -> tuple[list[tuple[Any, ...]], tuple[str, ...]]:
    """Run the query in a read-only transaction that is always rolled back."""
    from sqlalchemy import text

    backend = connection.dialect.name
    _read_only(connection, backend, timeout)
    if backend == "postgresql":
        # A server-side cursor: DECLARE takes exactly one SELECT (no "select 1; commit; insert
        # …", no data-modifying WITH), and only row_limit + 1 rows ever leave the server.
        connection = connection.execution_options(yield_per=row_limit + 1)
    try:
        with _cancel_after(timeout, connection, backend, watch):
            # SQLAlchemy takes ":cycle_start::date" for text, not a parameter: a space before
            # the cast (":cycle_start ::date", the same SQL) makes it one.
            statement = _BEFORE_CAST.sub(r":\1 ", query)
            result = connection.execute(text(statement), used_parameters(query, params or {}))
            if not result.returns_rows:
                raise MetricError("not_a_query")
            columns = tuple(result.keys())
            rows = [tuple(row) for row in result.fetchmany(row_limit + 1)]
            result.close()
    finally:
        if connection.in_transaction():
            connection.rollback()
    return rows, columns


def _read_only(connection: Any, backend: str, timeout: float) -> None:
    """Make the transaction read-only and bound its statements, where the database allows."""
    if backend == "postgresql":
        connection.exec_driver_sql(
            f"SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = {int(timeout * 1000)}"
        )
    elif backend in ("mysql", "mariadb"):
        # The session of a pooled connection is only ever used for metrics: read-only for good.
        connection.exec_driver_sql("SET SESSION TRANSACTION READ ONLY")
        if getattr(connection.dialect, "is_mariadb", False):
            connection.exec_driver_sql(f"SET SESSION max_statement_time = {float(timeout)}")
        else:
            connection.exec_driver_sql(f"SET SESSION max_execution_time = {int(timeout * 1000)}")
    elif backend == "sqlite":
        connection.exec_driver_sql("PRAGMA query_only = ON")


class _Watch:
    """Whether the timer of ``_cancel_after`` stopped the statement (so the error is a timeout)."""

    fired = False


@contextmanager
def _cancel_after(timeout: float, connection: Any, backend: str, watch: _Watch) -> Iterator[None]:
    """Cancel the running statement after ``timeout`` seconds, for databases without a setting."""
    if backend in ("postgresql", "mysql", "mariadb"):  # the server's own timeout does it
        yield
        return
    raw = connection.connection.dbapi_connection
    cancel = getattr(raw, "interrupt", None) or getattr(raw, "cancel", None)
    if cancel is None:
        yield
        return

    def stop() -> None:
        watch.fired = True
        cancel()

    timer = threading.Timer(timeout, stop)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _seconds(timeout: float) -> float | int:
    return int(timeout) if float(timeout).is_integer() else timeout


def _first_line(error: Any) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""


def _sql_error(error: Any, *, cancelled: bool, timeout: float) -> MetricError:
    """The MetricError of a database error raised while the query ran.

    A timeout is recognised by what stopped the statement (our timer, PostgreSQL's
    statement_timeout, MySQL/MariaDB's limit), never by elapsed time: a lost connection or a
    syntax error that happens to come late is not a timeout.
    """
    original = getattr(error, "orig", None)
    detail = _first_line(original or error)
    sqlstate = str(getattr(original, "sqlstate", None) or getattr(original, "pgcode", None) or "")
    errno = (getattr(original, "args", None) or (None,))[0]
    statement_timeout = sqlstate == "57014" and "timeout" in detail.lower()
    if cancelled or statement_timeout or errno in MYSQL_TIMEOUT_ERRORS:
        return MetricError("timeout", detail, seconds=_seconds(timeout))
    # Class 08 is "connection exception"; 57P01-03 are the server shutting the session down.
    if error.connection_invalidated or sqlstate.startswith("08") or sqlstate in _SHUTDOWN_STATES:
        return MetricError("unavailable", detail)
    return MetricError("query", detail)


_SHUTDOWN_STATES = frozenset({"57P01", "57P02", "57P03"})


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


def _inside_roots(path: Path) -> bool:
    return any(path == root or path.is_relative_to(root) for root in _confinement.file_roots)


def confined_path(path: str) -> str:
    """``path`` with its fixed folder resolved, if it lies inside the operator's file roots.

    The check is made on the resolved folder, so ``..`` and links cannot lead out of the roots;
    ``..`` is refused outright, since DuckDB would otherwise allow the folder it names.
    """
    if not Path(path).is_absolute():
        raise MetricError("config", relative_path=path)
    if ".." in Path(path).parts:
        raise MetricError("config", parent_folder=path)
    folder = _folder_of(path)
    if folder == "/":
        # Queries may read only the source's own folder; a wildcard at the top would be all.
        raise MetricError("config", wildcard_folder=path)
    resolved = Path(os.path.realpath(folder))
    if not _inside_roots(resolved):
        raise MetricError("config", outside_roots=path)
    return str(resolved / Path(path).relative_to(folder))


def _require_files_inside_roots(path: str) -> None:
    """Every file the pattern matches now must resolve inside the roots (no link leads out)."""
    for match in globbing.glob(path):
        if not _inside_roots(Path(os.path.realpath(match))):
            raise MetricError("config", outside_roots=path)


def _quoted(text: str, quote: str = "'") -> str:
    return quote + text.replace(quote, quote * 2) + quote


def _file_database(table: str, path: str) -> Any:
    """An in-memory DuckDB database with one view, ``table``, over the files at ``path``.

    The view is bound again by every query, so files added to or removed from a pattern, or
    rewritten with other columns, are seen without reopening the database.
    """
    import duckdb

    key = (table, path)
    with _file_databases_lock:
        database = _file_databases.get(key)
        if database is not None:
            return database
        path = confined_path(path)
        reader = _reader(path)
        database = duckdb.connect(":memory:")
        try:
            database.execute(
                f"CREATE VIEW {_quoted(table, chr(34))} AS SELECT * FROM {reader}({_quoted(path)})"
            )
        except duckdb.Error as error:
            database.close()
            raise MetricError("unavailable", _first_line(error)) from None
        folder = _folder_of(path)
        database.execute(f"SET allowed_directories = [{_quoted(folder.rstrip('/') + '/')}]")
        database.execute("SET enable_external_access = false")
        database.execute("SET enable_progress_bar = false")  # a worker's output is its log
        database.execute("SET lock_configuration = true")
        _file_databases[key] = database
        return database


def _file_cursor(table: str, path: str) -> Any:
    """A cursor of its own for this thread (a DuckDB connection is not safe to share)."""
    database = _file_database(table, path)
    with _file_databases_lock:  # cursor() on a connection other threads also use
        return database.cursor()


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
    expanded = expand_env(path)
    with _safe_errors(path, expanded):
        return _run_files(table, expanded, query, params, timeout, row_limit)


def _run_files(
    table: str,
    path: str,
    query: str,
    params: Mapping[str, Any] | None,
    timeout: float,
    row_limit: int,
) -> QueryResult:
    import duckdb

    _require_files_inside_roots(confined_path(path))  # before a cursor exists to be closed
    cursor = _file_cursor(table, path)
    started = time.perf_counter()
    timer = threading.Timer(timeout, cursor.interrupt)
    timer.daemon = True
    # DuckDB names parameters $name: :cycle_start becomes $cycle_start before anything parses it.
    statement = PARAMETER.sub(r"$\1", query)
    try:
        statements = cursor.extract_statements(statement)
        if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
            raise MetricError("not_a_query")
        timer.start()
        result = cursor.execute(statement, used_parameters(query, params or {}) or None)
        columns = tuple(d[0] for d in result.description or ())
        rows = result.fetchmany(row_limit + 1)
    except duckdb.InterruptException:
        raise MetricError("timeout", seconds=_seconds(timeout)) from None
    except duckdb.IOException as error:
        raise MetricError("unavailable", _first_line(error)) from None
    except duckdb.Error as error:
        raise MetricError("query", _first_line(error)) from None
    finally:
        timer.cancel()
        cursor.close()
    if len(rows) > row_limit:
        raise MetricError("too_many_rows", limit=row_limit)
    return QueryResult(columns, [tuple(r) for r in rows], _elapsed_ms(started))


def _elapsed_ms(started: float) -> int:
    return max(0, round((time.perf_counter() - started) * 1000))
