from __future__ import annotations

from django.contrib import admin

from okrs.goals.models import CheckIn, Cycle, Initiative, KeyResult, Objective
from okrs.lib.admin import ReadOnlyAdmin, ReadOnlyTabularInline


@admin.register(Cycle)
class CycleAdmin(ReadOnlyAdmin):
    list_display = ["name", "organization", "start", "end", "status"]
    list_filter = ["organization", "status"]


class KeyResultInline(ReadOnlyTabularInline):
    model = KeyResult
    extra = 0
    fields = [
        "ref",
        "title",
        "kind",
        "direction",
        "baseline",
        "target",
        "current",
        "weight",
        "owner",
    ]
    raw_id_fields = ["owner"]


@admin.register(Objective)
class ObjectiveAdmin(ReadOnlyAdmin):
    list_display = ["title", "ref", "team", "cycle", "commitment", "state", "final_score"]
    list_filter = ["organization", "cycle", "state"]
    search_fields = ["title", "ref"]
    raw_id_fields = ["parent_key_result"]
    inlines = [KeyResultInline]


class CheckInInline(ReadOnlyTabularInline):
    model = CheckIn
    extra = 0
    fields = ["created_at", "value", "confidence", "source", "author", "note"]
    raw_id_fields = ["author"]


@admin.register(KeyResult)
class KeyResultAdmin(ReadOnlyAdmin):
    list_display = ["title", "ref", "objective", "direction", "baseline", "target", "current"]
    list_filter = ["organization", "kind", "direction"]
    search_fields = ["title", "metric", "ref"]
    raw_id_fields = ["objective", "owner"]
    inlines = [CheckInInline]


@admin.register(CheckIn)
class CheckInAdmin(ReadOnlyAdmin):
    list_display = ["key_result", "value", "confidence", "source", "author", "created_at"]
    list_filter = ["organization", "source"]
    raw_id_fields = ["key_result", "author"]


@admin.register(Initiative)
class InitiativeAdmin(ReadOnlyAdmin):
    list_display = ["title", "ref", "key_result", "status"]
    list_filter = ["organization", "status"]
    search_fields = ["title", "ref"]
    raw_id_fields = ["key_result"]
