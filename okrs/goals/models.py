"""Cycles, objectives, key results, check-ins and initiatives."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from okrs.goals import progress as maths
from okrs.lib import clock
from okrs.workspace.models import Organization, Team, ref_field

# 24 digits with 6 decimals: a revenue of 10^17 or a rate of 0.000001 % both fit exactly.
VALUE_DIGITS, VALUE_DECIMALS = 24, 6


class Cycle(models.Model):
    """A period, usually a quarter, with its own objectives. planning → active → review → closed."""

    class Status(models.TextChoices):
        PLANNING = "planning", _("Planning")
        ACTIVE = "active", _("Active")
        REVIEW = "review", _("Review")
        CLOSED = "closed", _("Closed")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="cycles")
    name = models.CharField(_("name"), max_length=60, help_text=_("For example 2026-Q4."))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNING
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-start"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="cycle_name_unique_in_org"
            ),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="cycle_ends_after_start"
            ),
        ]
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The cycle must end after it starts.")})
        if self.start and self.end and (self.end - self.start).days > 366:
            raise ValidationError(
                {"end": _("A cycle may last at most a year; OKR cycles are usually a quarter.")}
            )

    def expected_progress(self, today: dt.date | None = None) -> float:
        """Share of the cycle elapsed by ``today``: the linear pace every key result is held to."""
        return maths.expected_progress(start=self.start, end=self.end, today=today or clock.today())


class Objective(models.Model):
    """A qualitative goal of one team for one cycle, optionally serving a key result one level up."""

    class Commitment(models.TextChoices):
        COMMITTED = "committed", _("Committed")
        ASPIRATIONAL = "aspirational", _("Aspirational")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        CANCELLED = "cancelled", _("Cancelled")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="objectives"
    )
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="objectives")
    ref = ref_field()
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="objectives")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    parent_key_result = models.ForeignKey(
        "KeyResult",
        verbose_name=_("aligned to key result"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="child_objectives",
    )
    contributes = models.BooleanField(
        _("progress feeds the parent key result"),
        default=False,
        help_text=_(
            "When set, this objective's progress becomes the progress of the key result it is aligned to."
        ),
    )
    commitment = models.CharField(
        _("commitment"), max_length=12, choices=Commitment.choices, default=Commitment.COMMITTED
    )
    # "state" (draft, active, cancelled), so that "status" always means on track / at risk / off track.
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.ACTIVE)
    final_score = models.DecimalField(
        _("final score"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["cycle", "team__name", "id"]
        indexes = [models.Index(fields=["organization", "cycle", "team"])]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "ref"], name="objective_ref_unique_in_cycle")
        ]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return self.title


class KeyResult(models.Model):
    """A measurable outcome: a metric moving from a baseline to a target by a deadline."""

    class Kind(models.TextChoices):
        METRIC = "metric", _("Metric")
        BINARY = "binary", _("Binary (done or not done)")

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Increase")
        DECREASE = "decrease", _("Decrease")
        AT_LEAST = "at_least", _("Stay at or above")
        AT_MOST = "at_most", _("Stay at or below")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="key_results"
    )
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="key_results")
    # Unique in the cycle; the database can only hold it to one per objective, the service does the rest.
    ref = ref_field()
    title = models.CharField(_("title"), max_length=300)
    metric = models.CharField(_("metric"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.METRIC)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=VALUE_DIGITS, decimal_places=VALUE_DECIMALS, default=0
    )
    target = models.DecimalField(
        _("target"), max_digits=VALUE_DIGITS, decimal_places=VALUE_DECIMALS, default=1
    )
    current = models.DecimalField(
        _("current value"),
        max_digits=VALUE_DIGITS,
        decimal_places=VALUE_DECIMALS,
        null=True,
        blank=True,
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=3,
        default=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_key_results",
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    chance_of_success = models.DecimalField(
        _("chance of success"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Binary key results only: the team's estimate, from 0 to 1."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["objective", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "ref"], name="key_result_ref_unique_in_objective"
            )
        ]
        verbose_name = _("key result")
        verbose_name_plural = _("key results")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.kind == self.Kind.BINARY:
            if self.chance_of_success is None:
                errors["chance_of_success"] = _(
                    "A binary key result needs a chance of success (0 to 1): how likely the team"
                    " thinks it is to be done."
                )
            if self.current is not None and self.current not in (0, 1):
                errors["current"] = _("A binary key result is either 0 (not done) or 1 (done).")
        else:
            if self.chance_of_success is not None:
                errors["chance_of_success"] = _(
                    "Only binary key results carry a chance of success; a metric shows its progress."
                )
            errors.update(self._number_errors())
        if errors:
            raise ValidationError(errors)

    def _number_errors(self) -> dict[str, object]:
        if self.baseline is None or self.target is None:
            return {}
        moves = self.direction in (self.Direction.INCREASE, self.Direction.DECREASE)
        if moves and self.target == self.baseline:
            return {
                "target": _(
                    "The target equals the baseline, so there is nothing to achieve. To keep a"
                    " level, use 'stay at or above' or 'stay at or below'."
                )
            }
        if self.direction == self.Direction.INCREASE and self.target < self.baseline:
            return {
                "target": _(
                    "For an increase the target must be above the baseline. Did you mean 'decrease'?"
                )
            }
        if self.direction == self.Direction.DECREASE and self.target > self.baseline:
            return {
                "target": _(
                    "For a decrease the target must be below the baseline. Did you mean 'increase'?"
                )
            }
        return {}

    @property
    def progress(self) -> float:
        """This key result's own progress from 0 to 1 (without child objectives rolled up)."""
        return maths.key_result_progress(
            kind=self.kind,
            direction=self.direction,
            baseline=float(self.baseline),
            target=float(self.target),
            current=None if self.current is None else float(self.current),
        )


class CheckIn(models.Model):
    """A new value of a key result, with the confidence of the team and where the number came from."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Manual")
        SYNC = "sync", _("Data source sync")
        API = "api", _("API")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="check_ins"
    )
    key_result = models.ForeignKey(KeyResult, on_delete=models.CASCADE, related_name="check_ins")
    value = models.DecimalField(_("value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_DECIMALS)
    confidence = models.PositiveSmallIntegerField(
        _("confidence"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(10)],
        help_text=_("From 0 (no chance) to 10 (certain) that the target will be reached."),
    )
    note = models.TextField(_("note"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="check_ins",
    )
    source = models.CharField(
        _("source"), max_length=8, choices=Source.choices, default=Source.MANUAL
    )
    # NULL, not "", when absent: the unique constraint must not treat two absent keys as equal.
    idempotency_key = models.CharField(max_length=100, null=True, blank=True)  # noqa: DJ001
    # Where a synced value came from: data source, query fingerprint, run time, duration, rows.
    provenance = models.JSONField(_("provenance"), null=True, blank=True)
    # timezone.now is what clock.now returns; named here as the migrations have it, so the
    # default stays the same field (the only reference to it outside okrs.lib.clock).
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["key_result", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["key_result", "idempotency_key"], name="check_in_idempotency_key_once"
            )
        ]
        indexes = [models.Index(fields=["key_result", "-created_at"])]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self) -> str:
        return f"{self.key_result}: {self.value}"


class Initiative(models.Model):
    """Work meant to move a key result: an activity or output, never measured as progress itself."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="initiatives"
    )
    key_result = models.ForeignKey(KeyResult, on_delete=models.CASCADE, related_name="initiatives")
    ref = ref_field()
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    link = models.URLField(
        _("link"),
        blank=True,
        max_length=500,
        error_messages={"invalid": _("Enter a web address that starts with http:// or https://.")},
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["key_result", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["key_result", "ref"], name="initiative_ref_unique_in_key_result"
            )
        ]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.title
