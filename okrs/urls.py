from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from okrs.api import api
from okrs.goals.views.dashboard import dashboard
from okrs.workspace.views import home, language_set


def health(request: HttpRequest) -> HttpResponse:
    """Liveness probe for load balancers."""
    return HttpResponse("ok", content_type="text/plain")


organization_pages = [
    path("", dashboard, name="dashboard"),
]

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("language/", language_set, name="language_set"),
    path("o/<slug:org>/", include(organization_pages)),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("healthz", health),
]
# Sign-in keeps the name pages and tests use; the rest of django.contrib.auth.urls as is.
urlpatterns.insert(
    1,
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
)
