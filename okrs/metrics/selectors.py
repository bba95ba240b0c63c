"""Reads of data sources and metric definitions, scoped to the actor's organization."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from okrs.metrics.models import DataSource, MetricDefinition
from okrs.workspace.permissions import Actor


def data_sources_for(*, actor: Actor) -> QuerySet[DataSource]:
    """The organization's data sources, each with ``metric_count`` (key results it measures)."""
    return DataSource.objects.filter(organization=actor.organization).annotate(
        metric_count=Count("metrics")
    )


def metrics_for(*, actor: Actor) -> QuerySet[MetricDefinition]:
    """The organization's metric definitions with what running or showing them needs."""
    return MetricDefinition.objects.filter(organization=actor.organization).select_related(
        "data_source", "key_result__objective__cycle", "key_result__objective__team"
    )


def metric_of(*, actor: Actor, key_result_id: int) -> MetricDefinition | None:
    """The metric definition of one key result of the actor's organization, if it has one."""
    return metrics_for(actor=actor).filter(key_result_id=key_result_id).first()
