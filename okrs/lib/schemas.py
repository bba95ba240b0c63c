"""Schema pieces shared by the API routers."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import ConfigDict, Field, ValidationInfo, field_validator

# JSON allows NaN and Infinity through Python's parser; an OKR value never is one. Strict: a
# string ("7.5") or a boolean is a wrong type, not a number to guess at (ints are accepted).
# Bounded to what the models' value fields hold (24 digits, 6 after the point: below 10**18).
MAX_VALUE = 10**18
Number = Annotated[float, Field(allow_inf_nan=False, strict=True, gt=-MAX_VALUE, lt=MAX_VALUE)]

# The largest id and offset the databases hold (64-bit); beyond it SQLite and PostgreSQL raise.
MAX_INTEGER = 2**63 - 1

# An id given as a filter: outside this range it names no row and would overflow the query.
Id = Annotated[int, Field(ge=1, le=MAX_INTEGER)]


class StrictIn(Schema):
    """Input that rejects unknown fields, so a typo ('tagret') is an error instead of ignored."""

    model_config = ConfigDict(extra="forbid")


class PageOut(Schema):
    count: int
    limit: int
    offset: int


class PatchIn(StrictIn):
    """A partial update: fields left out keep their value.

    ``null`` clears a field only where clearing means something (``nullable``); for any other
    field it is an error naming the field, rather than a database error or a silent no-op.
    """

    nullable: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*")
    @classmethod
    def _null_only_where_allowed(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name not in cls.nullable:
            raise ValueError(_("must not be null; leave the field out to keep its value"))
        return value


class ErrorOut(Schema):
    """The body of every error answer: one sentence saying what was wrong and how to fix it."""

    detail: str


class InvalidOut(ErrorOut):
    """A 422: the summary plus the messages of each field ('__all__' for the whole object)."""

    errors: dict[str, list[str]]
