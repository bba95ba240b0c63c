"""Speak the language a signed-in person chose in their profile, over the browser's."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from okrs.workspace.models import Profile


class UserLanguageMiddleware:
    """Runs after authentication; LocaleMiddleware has already picked the browser's language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith("/api/"):
            language = Profile.objects.filter(user=user).values_list("language", flat=True).first()
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)
