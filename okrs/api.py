"""The REST API v1: one NinjaAPI with bearer-token auth and errors written for people."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer

from okrs.coach.api import router as coach_router
from okrs.goals.api import router as goals_router
from okrs.lib.errors import validation_messages
from okrs.metrics.api import router as metrics_router
from okrs.workspace.api import router as workspace_router
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import actor_for_token


class TokenAuth(HttpBearer):
    """``Authorization: Bearer okrs_…``: the token decides the user and the organization."""

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        return actor_for_token(secret=token)


api = NinjaAPI(
    title="okrs API",
    version="1",
    description="Objectives, key results and check-ins of one organization. See docs/api.md.",
    auth=TokenAuth(),
    urls_namespace="api-v1",
)
api.add_router("", workspace_router)
api.add_router("", goals_router)
api.add_router("", coach_router)
api.add_router("", metrics_router)


def _field_name(location: list[object]) -> str:
    """'target' from pydantic's ('body', 'payload', 'target'); 'limit' from ('query', 'limit').

    Union branches pydantic tried ('link', "literal['']") are dropped: the field is 'link'.
    """
    parts = [
        str(p)
        for p in location
        if p not in ("body", "payload", "query", "path", "params")
        and (isinstance(p, int) or str(p).isidentifier())
    ]
    return ".".join(parts) or "__all__"


@api.exception_handler(NinjaValidationError)
def input_invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        # Our own validators' messages come as "Value error, <message>": keep the message.
        message = str(error.get("msg", "")).removeprefix("Value error, ")
        errors.setdefault(_field_name(list(error.get("loc", []))), []).append(message)
    summary = "; ".join(f"{name}: {', '.join(msgs)}" for name, msgs in errors.items())
    detail = _("The request has invalid fields. %(errors)s") % {"errors": summary}
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


@api.exception_handler(DjangoValidationError)
def rule_broken(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    summary, errors = validation_messages(exc)
    return api.create_response(request, {"detail": summary, "errors": errors}, status=422)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    detail = str(exc) or _("Your role in this organization does not allow this action.")
    return api.create_response(request, {"detail": detail}, status=403)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    detail = _("Not found: there is no such object in your organization.")
    return api.create_response(request, {"detail": detail}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    detail = _(
        "Missing or invalid token. Send 'Authorization: Bearer <token>' with a token from"
        " 'okrs token create USERNAME --org SLUG'."
    )
    return api.create_response(request, {"detail": detail}, status=401)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    detail = str(exc.message)
    if exc.status_code == 400 and detail.startswith("Cannot parse request body"):
        detail = _("The request body is not valid JSON. Check quotes, commas and brackets.")
    return api.create_response(request, {"detail": detail}, status=exc.status_code)
