"""The API router every app uses: it declares the error answers of every operation."""

from __future__ import annotations

from typing import Any

from ninja import Router
from ninja.constants import NOT_SET

from okrs.lib.schemas import ErrorOut, InvalidOut

# What the handlers in okrs/api.py really return. 422 carries the messages of each field.
ERROR_RESPONSES: dict[int, type[ErrorOut]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: InvalidOut,
}


class ApiRouter(Router):
    """A ninja Router whose operations all declare ERROR_RESPONSES in the OpenAPI document.

    Clients (and the fuzzer in scripts/fuzz_api.py) can then rely on the shape of an error.
    """

    def add_api_operation(self, *args: Any, response: Any = NOT_SET, **kwargs: Any) -> None:
        responses: dict[Any, Any] = {200: response} if response is not NOT_SET else {}
        if isinstance(response, dict):
            responses = dict(response)
        for status, schema in ERROR_RESPONSES.items():
            responses.setdefault(status, schema)
        super().add_api_operation(*args, response=responses, **kwargs)
