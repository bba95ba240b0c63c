"""Limit/offset pages for list endpoints: one count query and one page query."""

from __future__ import annotations

from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Model, QuerySet
from ninja import Field, Schema

from okrs.lib.schemas import MAX_INTEGER

M = TypeVar("M", bound=Model)

DEFAULT_PAGE_SIZE = 50


class PageParams(Schema):
    limit: int = Field(
        DEFAULT_PAGE_SIZE, ge=1, description="Items per page (at most OKRS_API_MAX_PAGE_SIZE)."
    )
    offset: int = Field(0, ge=0, le=MAX_INTEGER, description="How many items to skip.")


def page_of(queryset: QuerySet[M], params: PageParams) -> tuple[list[M], dict[str, Any]]:
    """The rows of one page and the page's envelope fields (count, limit, offset)."""
    limit = min(params.limit, settings.OKRS_API_MAX_PAGE_SIZE)
    rows = list(queryset[params.offset : params.offset + limit])
    return rows, {"count": queryset.count(), "limit": limit, "offset": params.offset}
