"""Why a metric could not be measured, in the reader's language: what went wrong and what to do."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _config(params: dict[str, Any]) -> str:
    if "missing_variable" in params:
        return _(
            "The environment variable %(name)s is not set where the query runs. Set it for the"
            " web server and the workers, or write the value in the data source."
        ) % {"name": params["missing_variable"]}
    if "refused_variable" in params:
        return _(
            "${%(name)s} may not be read by a data source: only variables whose names start with"
            " OKRS_SOURCE_, or that the operator lists in OKRS_SOURCE_VARIABLES, are. Rename the"
            " variable, or ask the operator to allow it."
        ) % {"name": params["refused_variable"]}
    if "own_database" in params:
        return _(
            "This URL leads to okrs' own database, which holds every organization's data: a data"
            " source may not read it. Use the built-in metrics, or a separate database."
        )
    if "parent_folder" in params:
        return _(
            "The files path '%(path)s' contains '..'. Write the folder itself, without '..'."
        ) % {"path": params["parent_folder"]}
    if "outside_roots" in params:
        return _(
            "'%(path)s' is outside the folders data sources may read. Put the files in a folder"
            " the operator allowed (OKRS_FILE_ROOTS), or ask the operator to allow this one."
        ) % {"path": params["outside_roots"]}
    if "missing_driver" in params:
        return _(
            "No database driver for '%(name)s' is installed. Install the SQLAlchemy dialect of"
            " that database in the same environment as okrs."
        ) % {"name": params["missing_driver"]}
    if "relative_path" in params:
        return _(
            "The files path '%(path)s' is relative. Write a full path such as /data/events.parquet."
        ) % {"path": params["relative_path"]}
    if "wildcard_folder" in params:
        return _(
            "'%(path)s' has a wildcard in its first folder, so queries could read any file of the"
            " machine. Start the path with a fixed folder, like /data/events-*.parquet."
        ) % {"path": params["wildcard_folder"]}
    if "unknown_file_kind" in params:
        return _(
            "'%(path)s' is neither a CSV nor a Parquet file: name files ending in .csv or .parquet."
        ) % {"path": params["unknown_file_kind"]}
    return _("The database URL cannot be read. Write it like postgresql://user@host/database.")


def _fixed(kind: str) -> str | None:
    messages = {
        "unavailable": _(
            "The data source could not be reached (connection refused or lost, or no files"
            " found). Check that it is up and that the address or path is right."
        ),
        "query": _("The database refused the query. Correct the SQL and check again."),
        "not_a_query": _(
            "Only a single SELECT query may run: metrics read data, they never change it."
        ),
        "empty": _(
            "The query returned no value (no row, or NULL). Check its filters, or make it"
            " return 0 when there is nothing to count."
        ),
        "not_allowed": _("Your role does not allow running queries on this data source."),
        "builtin_unavailable": _(
            "This built-in metric needs the backlog, which is not set up yet for this organization."
        ),
        "cycle_closed": _("The cycle is closed: its numbers are final and no longer synced."),
        "deleted": _(
            "The key result or its metric was deleted while it was being measured; nothing was"
            " recorded."
        ),
        "internal": _(
            "okrs failed while measuring this metric. The detail below says where; if it"
            " persists, report it with that detail."
        ),
    }
    return messages.get(kind)


def describe(kind: str, params: dict[str, Any] | None = None) -> str:
    """The sentence for a MetricError's ``kind`` and ``params`` (stored on the metric)."""
    params = params or {}
    fixed = _fixed(kind)
    if fixed is not None:
        return fixed
    if kind == "config":
        return _config(params)
    if kind == "timeout":
        seconds = int(params.get("seconds", 0))
        return ngettext(
            "The query ran longer than %(seconds)s second and was stopped. Make it cheaper"
            " (filter by date, use an index) or raise the data source's timeout.",
            "The query ran longer than %(seconds)s seconds and was stopped. Make it cheaper"
            " (filter by date, use an index) or raise the data source's timeout.",
            seconds,
        ) % {"seconds": seconds}
    if kind == "too_many_rows":
        limit = int(params.get("limit", 0))
        return ngettext(
            "The query returned more than %(limit)s row. A metric returns one number, or one"
            " (date, value) row per day.",
            "The query returned more than %(limit)s rows. A metric returns one number, or one"
            " (date, value) row per day.",
            limit,
        ) % {"limit": limit}
    if kind == "too_many_values":
        return _(
            "The query returned %(rows)s rows of one column; a current value is one row. Add an"
            " aggregate (count, avg, sum), or return (date, value) pairs for a history."
        ) % {"rows": params.get("rows", "?")}
    if kind == "shape":
        return _(
            "The query returned %(columns)s columns. Return one column (the value) or two (date,"
            " value)."
        ) % {"columns": params.get("columns", "?")}
    if kind == "not_numeric":
        return _("Row %(row)s holds '%(value)s', which is not a number.") % {
            "row": params.get("row", 1),
            "value": params.get("value", ""),
        }
    if kind == "too_large":
        return _(
            "Row %(row)s holds %(value)s, which is too large for a key result (at most 18"
            " digits before the decimal point). Check the query's units."
        ) % {"row": params.get("row", 1), "value": params.get("value", "")}
    if kind == "not_a_date":
        return _(
            "Row %(row)s starts with '%(value)s', which is not a date. The first of two columns"
            " must be a date."
        ) % {"row": params.get("row", 1), "value": params.get("value", "")}
    if kind == "invalid":
        return _("The key result refused the value: %(reason)s") % {
            "reason": params.get("reason", "")
        }
    return _("The metric could not be measured.")
