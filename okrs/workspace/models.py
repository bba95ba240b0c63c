"""Organizations, the people in them, their teams, API tokens and the audit log."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from okrs.lib.refs import REF_MAX_LENGTH, REF_PATTERN

slug_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Use lower-case letters, digits and single hyphens, like 'acme' or 'acme-labs'."),
)
ref_validator = RegexValidator(
    REF_PATTERN,
    _(
        "Use letters, digits, '-', '_' or '.', starting with a letter or a digit, like"
        " 'checkout' or 'kr-nps'."
    ),
)


def ref_field() -> models.CharField:
    """The stable id an OKRs-as-code file knows an object by (see okrs.lib.refs)."""
    return models.CharField(
        _("ref"),
        max_length=REF_MAX_LENGTH,
        validators=[ref_validator],
        help_text=_(
            "A stable id for OKRs-as-code files and integrations: letters, digits, '-', '_' or '.'."
        ),
    )


class Organization(models.Model):
    """A company using okrs. Nothing of one organization is ever visible from another."""

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        ITALIAN = "it", _("Italian")
        FRENCH = "fr", _("French")

    slug = models.CharField(_("slug"), max_length=60, unique=True, validators=[slug_validator])
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    vision = models.TextField(_("vision"), blank=True)
    strategy = models.TextField(_("strategy"), blank=True)
    check_in_cadence_days = models.PositiveSmallIntegerField(
        _("check-in cadence (days)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(92)],
        help_text=_("A key result with no new value for longer than this is stale."),
    )
    review_cadence_weeks = models.PositiveSmallIntegerField(
        _("review cadence (weeks)"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
    )
    score_band_low = models.DecimalField(
        _("low score band"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.60"),
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Scores below this call for a blameless retrospective."),
    )
    score_band_high = models.DecimalField(
        _("high score band"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.80"),
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Scores above this ask whether the target was ambitious enough."),
    )
    objectives_per_team = models.PositiveSmallIntegerField(
        _("active objectives per team and cycle"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    min_key_results = models.PositiveSmallIntegerField(
        _("minimum key results per objective"), default=3, validators=[MaxValueValidator(20)]
    )
    max_key_results = models.PositiveSmallIntegerField(
        _("maximum key results per objective"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors = {}
        low, high = self.score_band_low, self.score_band_high
        if low is not None and high is not None and low > high:
            errors["score_band_high"] = _("The high score band must not be below the low one.")
        fewest, most = self.min_key_results, self.max_key_results
        if fewest is not None and most is not None and fewest > most:
            errors["max_key_results"] = _(
                "The maximum number of key results per objective must not be below the minimum."
            )
        if errors:
            raise ValidationError(errors)


class Role(models.TextChoices):
    """What a person may do in an organization (see docs/roles.md)."""

    ADMIN = "admin", _("Admin")
    OPS = "ops", _("Product Ops")
    LEAD = "lead", _("Team lead")
    MEMBER = "member", _("Team member")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    """A user's role in one organization."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="membership_once_per_org")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.role})"


class Team(models.Model):
    """A node of the organization's tree: the company, a department or a team."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        DEPARTMENT = "department", _("Department")
        TEAM = "team", _("Team")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="teams")
    ref = ref_field()
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.TEAM)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="team_name_unique_in_org"
            ),
            models.UniqueConstraint(fields=["organization", "ref"], name="team_ref_unique_in_org"),
        ]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class TeamMember(models.Model):
    """A person in a team; leads set the team's objective, members its key results."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="team_members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships"
    )
    is_lead = models.BooleanField(_("lead"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="team_member_once_per_team")
        ]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"


def hash_token(secret: str) -> str:
    """The form a token is stored in: its SHA-256, so a leaked database leaks no usable token."""
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token acting as one user in one organization. Only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(
        _("prefix"), max_length=16, help_text=_("Shown to tell tokens apart.")
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user} @ {self.organization})"


class AuditEvent(models.Model):
    """One write: who did what to which object, with the fields before and after."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="audit_events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=60)
    object_type = models.CharField(_("object type"), max_length=40)
    object_id = models.BigIntegerField(_("object id"), null=True)
    object_repr = models.CharField(_("object"), max_length=300)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organization", "object_type", "object_id"])]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.action} {self.object_repr}"


class Profile(models.Model):
    """Per-person preferences that are not about any one organization."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="okrs_profile"
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=Organization.Language.choices,
        blank=True,
        help_text=_("Empty: follow the browser."),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)
