"""Helpers of the editing tests: post a form as a browser would, read errors next to fields."""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from django.contrib.messages import get_messages

ORG = "/o/acme"

# Who gets what when they open or submit a form, by persona (docs/roles.md).
STATUS_MANAGERS_ONLY = {
    "admin": 200,
    "ops": 200,
    "lead": 403,
    "member": 403,
    "viewer": 403,
    "stranger": 403,
    "outsider": 404,
}


def csrf_token(client: Any) -> str:
    """The CSRF token a page gives the signed-in client (every page carries one)."""
    if "csrftoken" not in client.cookies:
        client.get(f"{ORG}/")  # outsiders get the 404 page, which carries a token too
    return client.cookies["csrftoken"].value


def post(client: Any, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    """Submit a form with its CSRF token, like the page's own form would."""
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": csrf_token(client)}, **kwargs)


def field_errors(html: str, name: str) -> list[str]:
    """The error messages shown inside the block of the field ``name`` (and only there)."""
    for block in html.split('<div class="field')[1:]:
        block = block.split('<div class="field')[0]
        if re.search(rf'\bname="{re.escape(name)}"', block):
            return [
                html_lib.unescape(re.sub(r"\s+", " ", message).strip())
                for message in re.findall(r'<p class="field-error"[^>]*>(.*?)</p>', block, re.S)
            ]
    raise AssertionError(f"the form has no field {name!r}")


def form_errors(html: str) -> list[str]:
    """The errors shown at the top of the form, about no field in particular."""
    match = re.search(r'<div class="error" role="alert">(.*?)</div>', html, re.S)
    if match is None:
        return []
    return [html_lib.unescape(m) for m in re.findall(r"<p>(.*?)</p>", match.group(1), re.S)]


def flash(response: Any) -> list[str]:
    """The success or error messages the response queued for the next page."""
    return [str(message) for message in get_messages(response.wsgi_request)]
