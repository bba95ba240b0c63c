"""Schema pieces shared by the API routers."""

from __future__ import annotations

from typing import Annotated

from ninja import Schema
from pydantic import ConfigDict, Field

# JSON allows NaN and Infinity through Python's parser; an OKR value never is one.
Number = Annotated[float, Field(allow_inf_nan=False)]


class StrictIn(Schema):
    """Input that rejects unknown fields, so a typo ('tagret') is an error instead of ignored."""

    model_config = ConfigDict(extra="forbid")


class PageOut(Schema):
    count: int
    limit: int
    offset: int
