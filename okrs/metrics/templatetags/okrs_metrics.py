"""Template filters of live metrics: the metric behind a key result, its error as a sentence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.utils.dateparse import parse_datetime

from okrs.metrics.connectors import redacted_url
from okrs.metrics.errors import describe
from okrs.metrics.models import MetricDefinition

register = template.Library()


@register.filter
def metric_of(key_result: Any) -> MetricDefinition | None:
    """The key result's metric definition, or None. Load it with ``select_related("measured_by")``
    where many rows show it: reading it here would otherwise cost one query per key result."""
    try:
        return key_result.measured_by
    except (ObjectDoesNotExist, AttributeError):
        return None


@register.filter
def metric_error(metric: MetricDefinition | None) -> str:
    """Why the last run of ``metric`` failed, in the reader's language; empty when it did not."""
    if metric is None or not metric.failing:
        return ""
    return describe(metric.last_error_kind, metric.last_error_params)


@register.filter
def redacted(url: str) -> str:
    """A database URL with its password as ``***``: the only way a URL reaches a page."""
    return redacted_url(url or "")


@register.filter
def moment(iso: str | None) -> dt.datetime | None:
    """A time stored as ISO text (a check-in's provenance), as a datetime for ``|date``."""
    return parse_datetime(iso) if iso else None
