from __future__ import annotations

from django.contrib import admin

from okrs.lib.admin import ReadOnlyAdmin, ReadOnlyTabularInline
from okrs.workspace.models import ApiToken, AuditEvent, Membership, Organization, Team, TeamMember


class MembershipInline(ReadOnlyTabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug", "language", "check_in_cadence_days"]
    search_fields = ["name", "slug"]
    inlines = [MembershipInline]


class TeamMemberInline(ReadOnlyTabularInline):
    model = TeamMember
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Team)
class TeamAdmin(ReadOnlyAdmin):
    list_display = ["name", "ref", "kind", "parent", "organization"]
    list_filter = ["organization", "kind"]
    search_fields = ["name", "ref"]
    inlines = [TeamMemberInline]


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ["user", "organization", "role"]
    list_filter = ["organization", "role"]
    search_fields = ["user__username"]


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = [
        "prefix",
        "name",
        "user",
        "organization",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["organization"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    exclude = ["key_hash"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "organization", "actor", "action", "object_repr"]
    list_filter = ["organization", "action"]
    search_fields = ["object_repr"]
