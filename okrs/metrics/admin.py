"""Read-only admin pages: data sources and metric definitions are changed through the services
(web pages, API, OKRs-as-code), which validate them, keep passwords hidden and audit every change."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from okrs.lib.admin import ReadOnlyAdmin
from okrs.metrics.connectors import redacted_url
from okrs.metrics.models import DataSource, MetricDefinition


@admin.register(DataSource)
class DataSourceAdmin(ReadOnlyAdmin):
    list_display = ["name", "ref", "organization", "kind", "shown_url", "path"]
    list_filter = ["organization", "kind"]
    search_fields = ["name", "ref"]
    # The stored url may hold a password: only its redacted form is ever shown.
    exclude = ["url"]
    readonly_fields = ["shown_url"]

    @admin.display(description=_("database URL"))
    def shown_url(self, data_source: DataSource) -> str:
        return redacted_url(data_source.url)


@admin.register(MetricDefinition)
class MetricDefinitionAdmin(ReadOnlyAdmin):
    list_display = [
        "key_result",
        "data_source",
        "builtin",
        "schedule",
        "last_success_at",
        "last_value",
        "last_error_kind",
        "failures",
        "next_run_at",
    ]
    list_filter = ["organization", "schedule", "last_error_kind"]
    raw_id_fields = ["key_result"]
