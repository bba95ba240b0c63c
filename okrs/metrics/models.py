"""Data sources and the metrics that bind key results to them."""

from __future__ import annotations

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from okrs.goals.models import VALUE_DECIMALS, VALUE_DIGITS, KeyResult
from okrs.workspace.models import Organization, ref_field


class DataSource(models.Model):
    """A system that measures key results: a SQL database or a set of CSV/Parquet files.

    A ``url`` may hold credentials; it is never shown back as written (see
    ``okrs.metrics.connectors.redacted_url``). ``${NAME}`` in a url or path is read from the
    environment each time a query runs, so secrets can stay out of the database entirely.
    """

    class Kind(models.TextChoices):
        SQL = "sql", _("SQL database")
        FILES = "files", _("Files (CSV or Parquet)")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="data_sources"
    )
    ref = ref_field()
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    url = models.CharField(
        _("database URL"),
        max_length=1000,
        blank=True,
        help_text=_(
            "A SQLAlchemy URL such as postgresql://reader@warehouse/analytics, or ${NAME} to read"
            " it from an environment variable of the web server and the workers."
        ),
    )
    path = models.CharField(
        _("files"),
        max_length=1000,
        blank=True,
        help_text=_(
            "A CSV or Parquet file, or a pattern like /data/events-*.parquet. Queries read it as"
            " a table named after the data source's ref."
        ),
    )
    timeout_seconds = models.PositiveIntegerField(
        _("statement timeout (seconds)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(3600)],
    )
    row_limit = models.PositiveIntegerField(
        _("row limit"),
        default=10_000,
        validators=[MinValueValidator(1), MaxValueValidator(1_000_000)],
        help_text=_("A query that returns more rows than this fails instead of filling memory."),
    )
    max_concurrency = models.PositiveSmallIntegerField(
        _("queries at once"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(64)],
        help_text=_("How many metrics of this source one worker runs at the same time."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["organization", "ref"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "ref"], name="data_source_ref_unique_in_org"
            )
        ]
        verbose_name = _("data source")
        verbose_name_plural = _("data sources")

    def __str__(self) -> str:
        return self.name or self.ref


class MetricDefinition(models.Model):
    """How one key result is measured: a query on a data source or a built-in metric.

    The row also records how the last runs went (value, time, duration, rows, error), which is
    what the key-result page, the error badge and the scheduler read.
    """

    class Builtin(models.TextChoices):
        CHECK_INS_ON_TIME = "check_ins_on_time", _("Share of key results checked in on time")
        OBJECTIVES_ALIGNED = "objectives_aligned", _("Share of objectives aligned to a parent")
        KEY_RESULTS_MEASURED = (
            "key_results_measured",
            _("Share of key results measured from their data"),
        )
        ESTIMATE_GAP = "estimate_gap", _("Average gap between estimated and actual cost")

    class Schedule(models.TextChoices):
        HOURLY = "hourly", _("Every hour")
        DAILY = "daily", _("Every day")
        MANUAL = "manual", _("Only when asked")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="metrics")
    key_result = models.OneToOneField(
        KeyResult, on_delete=models.CASCADE, related_name="measured_by"
    )
    data_source = models.ForeignKey(
        DataSource,
        verbose_name=_("data source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="metrics",
    )
    query = models.TextField(
        _("query"),
        blank=True,
        help_text=_(
            "SQL returning one number, or two columns (date, value) to fill in the history."
            " :cycle_start and :cycle_end are the cycle's dates."
        ),
    )
    builtin = models.CharField(
        _("built-in metric"), max_length=24, choices=Builtin.choices, blank=True
    )
    schedule = models.CharField(
        _("schedule"), max_length=8, choices=Schedule.choices, default=Schedule.DAILY
    )
    # What the scheduler reads and writes.
    next_run_at = models.DateTimeField(_("next run"), null=True, blank=True, db_index=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    lease_owner = models.CharField(max_length=100, blank=True)
    # How the last runs went.
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_value = models.DecimalField(
        _("last value"),
        max_digits=VALUE_DIGITS,
        decimal_places=VALUE_DECIMALS,
        null=True,
        blank=True,
    )
    last_duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    last_row_count = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_error_kind = models.CharField(max_length=20, blank=True)
    last_error_params = models.JSONField(default=dict, blank=True)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["organization", "key_result"]
        indexes = [models.Index(fields=["next_run_at", "schedule"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(builtin="", data_source__isnull=False)
                    | (~models.Q(builtin="") & models.Q(data_source__isnull=True))
                ),
                name="metric_is_a_query_or_a_builtin",
            )
        ]
        verbose_name = _("metric")
        verbose_name_plural = _("metrics")

    def __str__(self) -> str:
        return f"{self.key_result}"

    @property
    def is_builtin(self) -> bool:
        return bool(self.builtin)

    @property
    def failing(self) -> bool:
        """The last run failed: the key result shows an error badge until a run succeeds."""
        return bool(self.last_error_kind)

    @property
    def interval(self) -> dt.timedelta | None:
        """Time between scheduled runs; None when the metric runs only when asked."""
        return SCHEDULE_INTERVALS.get(self.schedule)


SCHEDULE_INTERVALS: dict[str, dt.timedelta] = {
    MetricDefinition.Schedule.HOURLY: dt.timedelta(hours=1),
    MetricDefinition.Schedule.DAILY: dt.timedelta(days=1),
}
