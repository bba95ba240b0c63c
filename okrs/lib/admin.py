"""Read-only admin pages for every okrs model: the admin bypasses the services (validation,
policies, audit events), so it may look but never add, change or delete. Every ``ModelAdmin``
and inline of an okrs app derives from these (tests/test_admin_read_only.py checks)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """A model's admin page that only shows."""


class ReadOnlyTabularInline(ReadOnlyMixin, admin.TabularInline):
    """An inline that only shows."""
