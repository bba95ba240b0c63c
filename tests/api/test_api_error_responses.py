"""The OpenAPI document declares the error answers of every operation, and they are true.

A client (and the fuzzer, scripts/fuzz_api.py) relies on the declared shape of a 4xx answer;
these tests prove every operation declares them and that real error bodies match them.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from okrs.api import api as okrs_api
from okrs.lib.routers import ERROR_RESPONSES
from tests.conftest import ApiClient


@pytest.fixture(scope="module")
def openapi() -> dict[str, Any]:
    # Through JSON, as a client reads it: status codes become strings.
    return json.loads(json.dumps(okrs_api.get_openapi_schema()))


def declared_schema(openapi: dict[str, Any], path: str, method: str, status: int) -> Any:
    """The JSON schema the document declares for ``status``, with its components to resolve."""
    response = openapi["paths"]["/api/v1" + path][method]["responses"][str(status)]
    return {
        **response["content"]["application/json"]["schema"],
        "components": openapi["components"],
    }


def test_every_operation_declares_the_error_responses(openapi):
    operations = [(p, m, o) for p, ops in openapi["paths"].items() for m, o in ops.items()]

    assert len(operations) > 20
    for path, method, operation in operations:
        declared = {int(status) for status in operation["responses"]}
        missing = set(ERROR_RESPONSES) - declared
        assert not missing, f"{method.upper()} {path} does not declare {sorted(missing)}"


def test_a_real_404_matches_its_declared_schema(world, api, openapi):
    response = api("member").get("/objectives/999999")

    assert response.status_code == 404
    jsonschema.validate(
        response.json_body, declared_schema(openapi, "/objectives/{objective_id}", "get", 404)
    )


def test_a_real_422_matches_its_declared_schema(world, api, openapi):
    response = api("member").post("/objectives", {"title": ""})

    assert response.status_code == 422
    assert response.json_body["errors"]
    jsonschema.validate(response.json_body, declared_schema(openapi, "/objectives", "post", 422))


def test_a_422_without_field_messages_breaks_the_declared_schema(openapi):
    schema = declared_schema(openapi, "/objectives", "post", 422)

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"detail": "Bad."}, schema)


def test_a_real_401_matches_its_declared_schema(world, openapi):
    response = ApiClient("okrs_wrong").get("/objectives")

    assert response.status_code == 401
    jsonschema.validate(response.json_body, declared_schema(openapi, "/objectives", "get", 401))
