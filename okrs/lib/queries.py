"""Small helpers shared by the selectors."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet

from okrs.lib.errors import NotFound

M = TypeVar("M", bound=Model)


def get_or_404(queryset: QuerySet[M], pk: int | str) -> M:
    """One row of an already scoped queryset; NotFound also for ids of other organizations."""
    try:
        found = queryset.filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        found = None
    if found is None:
        raise NotFound()
    return found
