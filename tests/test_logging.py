"""A 404 or a 403 is logged as one short line, without a traceback."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.handlers.exception import response_for_exception
from django.http import Http404
from django.test import Client, RequestFactory


@pytest.mark.parametrize(("error", "status"), [(Http404(), 404), (PermissionDenied(), 403)])
def test_client_errors_log_one_line_without_traceback(
    db: None, caplog: Any, error: Exception, status: int
) -> None:
    request = RequestFactory().get("/somewhere/")
    with caplog.at_level(logging.WARNING, logger="django.request"):
        if status == 404:  # the handler logs a 404 as it leaves, so it goes the whole way
            response: Any = Client().get("/somewhere/")
        else:
            try:
                raise error
            except Exception as raised:
                response = response_for_exception(request, raised)

    assert response.status_code == status
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1
    assert records[0].exc_info is None
    assert "\n" not in caplog.text.strip()
    assert "/somewhere/" in records[0].getMessage()
