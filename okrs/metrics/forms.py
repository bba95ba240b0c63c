"""Forms of live metrics: a data source, and how one key result is measured.

They only collect and type what people enter; the services decide (one query or a built-in, a
URL that parses, a full path). A stored database URL never comes back into a page: the URL field
shows it with its password as ``***``, and the service keeps the stored password when that
redacted URL is sent back unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from okrs.metrics.connectors import redacted_url
from okrs.metrics.measurability import MetricDraft
from okrs.metrics.models import DataSource, MetricDefinition

SOURCE_PREFIX = "source:"
BUILTIN_PREFIX = "builtin:"


class RedactedUrlInput(forms.TextInput):
    """A URL input that never prints a password, neither the stored one nor one just typed.

    A form shown again with errors would otherwise echo a typed password into the page.
    """

    def format_value(self, value: Any) -> str | None:
        shown = super().format_value(value)
        return redacted_url(shown) if shown else shown


class DataSourceForm(forms.Form):
    """A data source as Product Ops and admins write it."""

    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    ref = forms.CharField(
        label=gettext_lazy("Ref"),
        max_length=100,
        required=False,
        help_text=gettext_lazy(
            "The id OKRs-as-code files use, and the table name queries on files read. Left"
            " empty, one is made from the name."
        ),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=DataSource.Kind.choices,
        widget=forms.Select(attrs={"data-kind-switch": ""}),
    )
    url = forms.CharField(
        label=gettext_lazy("Database URL"),
        max_length=1000,
        required=False,
        widget=RedactedUrlInput(
            attrs={"data-kind": "sql", "autocomplete": "off", "spellcheck": "false"}
        ),
        help_text=gettext_lazy(
            "A SQLAlchemy URL such as postgresql://reader:password@warehouse/analytics, or"
            " ${WAREHOUSE_URL} to read it from the environment of the web server and the"
            " workers. A saved password shows as *** and is kept while *** stays as it is."
        ),
    )
    path = forms.CharField(
        label=gettext_lazy("Files"),
        max_length=1000,
        required=False,
        widget=forms.TextInput(attrs={"data-kind": "files", "spellcheck": "false"}),
        help_text=gettext_lazy(
            "A full path to a CSV or Parquet file, or a pattern like /data/events-*.parquet."
            " Queries read the files as a table named after the ref."
        ),
    )
    timeout_seconds = forms.IntegerField(
        label=gettext_lazy("Statement timeout (seconds)"), min_value=1, max_value=3600, initial=30
    )
    row_limit = forms.IntegerField(
        label=gettext_lazy("Row limit"),
        min_value=1,
        max_value=1_000_000,
        initial=10_000,
        help_text=gettext_lazy(
            "A query that returns more rows than this fails instead of filling memory."
        ),
    )
    max_concurrency = forms.IntegerField(
        label=gettext_lazy("Queries at once"),
        min_value=1,
        max_value=64,
        initial=4,
        help_text=gettext_lazy("How many metrics of this source one worker runs at the same time."),
    )

    @staticmethod
    def initial_for(data_source: DataSource) -> dict[str, Any]:
        """The form's values for an existing data source, its URL with the password hidden."""
        return {
            "name": data_source.name,
            "ref": data_source.ref,
            "kind": data_source.kind,
            "url": redacted_url(data_source.url),
            "path": data_source.path,
            "timeout_seconds": data_source.timeout_seconds,
            "row_limit": data_source.row_limit,
            "max_concurrency": data_source.max_concurrency,
        }


class MetricForm(forms.Form):
    """How a key result is measured: a data source and its query, or a built-in metric.

    One choice, ``measured_by``, lists the organization's data sources and the built-in metrics,
    so that "a query and a built-in at once" cannot be asked for. Its name in the data is
    ``data_source`` because the services name their error about a missing choice that way.
    """

    data_source = forms.ChoiceField(label=gettext_lazy("Measured by"))
    query = forms.CharField(
        label=gettext_lazy("Query"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "class": "code"}),
        help_text=gettext_lazy(
            "For a data source: SQL returning one number, or two columns (date, value) to fill in"
            " the history. :cycle_start and :cycle_end are the cycle's dates; a files source is"
            " queried as the table named after its ref."
        ),
    )
    schedule = forms.ChoiceField(
        label=gettext_lazy("Schedule"),
        choices=MetricDefinition.Schedule.choices,
        initial=MetricDefinition.Schedule.DAILY,
    )

    def __init__(self, *args: Any, data_sources: Iterable[DataSource], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "metric")  # the check-in dialog's fields share the page
        super().__init__(*args, **kwargs)
        self.data_sources = {str(source.pk): source for source in data_sources}
        field = self.fields["data_source"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            ("", _("Choose…")),
            (
                _("Data sources"),
                [(SOURCE_PREFIX + pk, s.name) for pk, s in self.data_sources.items()],
            ),
            (
                _("Built-in metrics"),
                [(BUILTIN_PREFIX + k, label) for k, label in MetricDefinition.Builtin.choices],
            ),
        ]

    @staticmethod
    def initial_for(metric: MetricDefinition | None) -> dict[str, Any]:
        if metric is None:
            return {}
        chosen = (
            BUILTIN_PREFIX + metric.builtin
            if metric.builtin
            else SOURCE_PREFIX + str(metric.data_source_id)
        )
        return {"data_source": chosen, "query": metric.query, "schedule": metric.schedule}

    def draft(self) -> MetricDraft:
        """The cleaned choice as a draft that "Check now" runs without saving it."""
        return MetricDraft(**self.binding())

    def binding(self) -> dict[str, Any]:
        """The cleaned choice as ``metric_bind`` takes it: data_source and query, or builtin."""
        chosen = self.cleaned_data["data_source"]
        if chosen.startswith(BUILTIN_PREFIX):
            return {"builtin": chosen.removeprefix(BUILTIN_PREFIX)}
        return {
            "data_source": self.data_sources[chosen.removeprefix(SOURCE_PREFIX)],
            "query": self.cleaned_data["query"],
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = cleaned.get("data_source") or ""
        if chosen.startswith(SOURCE_PREFIX) and not (cleaned.get("query") or "").strip():
            # The same sentence as the service, which says it for every other interface.
            self.add_error(
                "query",
                _(
                    "Write the SQL query that returns the key result's current value, like"
                    " select count(*) from orders where created_at >= :cycle_start."
                ),
            )
        return cleaned
