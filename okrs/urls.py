from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from okrs.api import api
from okrs.coach import views as coach
from okrs.goals.views import editing, key_result
from okrs.goals.views.dashboard import dashboard
from okrs.goals.views.team import key_result_row, team_detail
from okrs.goals.views.tree import tree
from okrs.metrics import views as metrics
from okrs.workspace.views import (
    PasswordResetView,
    home,
    language_set,
    team_create,
    team_delete,
    team_list,
    team_member_lead,
    team_member_remove,
    team_members,
    team_update,
)


def health(request: HttpRequest) -> HttpResponse:
    """Liveness probe for load balancers."""
    return HttpResponse("ok", content_type="text/plain")


organization_pages = [
    path("", dashboard, name="dashboard"),
    # Alignment tree and team pages.
    path("tree/", tree, name="tree"),
    path("teams/<int:pk>/", team_detail, name="team_detail"),
    path("key-results/<int:pk>/row/", key_result_row, name="key_result_row"),
    # Managing teams and cycles (admins and Product Ops); editing objectives, key results and
    # initiatives (by role, see docs/roles.md).
    path("teams/", team_list, name="team_list"),
    path("teams/new/", team_create, name="team_create"),
    path("teams/<int:pk>/edit/", team_update, name="team_update"),
    path("teams/<int:pk>/delete/", team_delete, name="team_delete"),
    path("teams/<int:pk>/members/", team_members, name="team_members"),
    path(
        "teams/<int:pk>/members/<int:member_pk>/lead/",
        team_member_lead,
        name="team_member_lead",
    ),
    path(
        "teams/<int:pk>/members/<int:member_pk>/remove/",
        team_member_remove,
        name="team_member_remove",
    ),
    path("cycles/", editing.cycle_list, name="cycle_list"),
    path("cycles/new/", editing.cycle_create, name="cycle_create"),
    path("cycles/<int:pk>/edit/", editing.cycle_update, name="cycle_update"),
    path("cycles/<int:pk>/transition/", editing.cycle_transition, name="cycle_transition"),
    path("cycles/<int:pk>/delete/", editing.cycle_delete, name="cycle_delete"),
    path("objectives/new/", editing.objective_create, name="objective_create"),
    path("objectives/<int:pk>/edit/", editing.objective_update, name="objective_update"),
    path("objectives/<int:pk>/delete/", editing.objective_delete, name="objective_delete"),
    path(
        "objectives/<int:pk>/key-results/new/",
        editing.key_result_create,
        name="key_result_create",
    ),
    path("key-results/<int:pk>/edit/", editing.key_result_update, name="key_result_update"),
    path("key-results/<int:pk>/delete/", editing.key_result_delete, name="key_result_delete"),
    path(
        "key-results/<int:pk>/initiatives/new/",
        editing.initiative_create,
        name="initiative_create",
    ),
    path("initiatives/<int:pk>/edit/", editing.initiative_update, name="initiative_update"),
    path("initiatives/<int:pk>/delete/", editing.initiative_delete, name="initiative_delete"),
    # The coach: live findings beside the forms, the readiness report, the pain flow.
    path("coach/objective/", coach.objective_coach, name="coach_objective"),
    path("coach/objectives/<int:pk>/key-result/", coach.key_result_coach, name="coach_key_result"),
    path("coach/pain-to-key-results/", coach.pain_flow, name="pain_flow"),
    path("readiness/", coach.readiness_default, name="readiness_default"),
    path("cycles/<int:pk>/readiness/", coach.readiness_page, name="readiness"),
    path("cycles/<int:pk>/readiness.csv", coach.readiness_download, name="readiness_csv"),
    # The key-result page and its check-in (dialog with htmx, a page without JavaScript).
    path("key-results/<int:pk>/", key_result.key_result_detail, name="key_result_detail"),
    path(
        "key-results/<int:pk>/check-in/", key_result.key_result_check_in, name="key_result_check_in"
    ),
    # Live metrics: the organization's data sources, and how a key result is measured.
    path("data-sources/", metrics.data_source_list, name="data_source_list"),
    path("data-sources/new/", metrics.data_source_create, name="data_source_create"),
    path("data-sources/<int:pk>/edit/", metrics.data_source_update, name="data_source_update"),
    path("data-sources/<int:pk>/delete/", metrics.data_source_delete, name="data_source_delete"),
    path("key-results/<int:pk>/metric/", metrics.key_result_metric, name="key_result_metric"),
    path(
        "key-results/<int:pk>/metric/check/",
        metrics.key_result_metric_check,
        name="key_result_metric_check",
    ),
    path(
        "key-results/<int:pk>/metric/sync/",
        metrics.key_result_metric_sync,
        name="key_result_metric_sync",
    ),
    path(
        "cycles/<int:pk>/readiness/metrics/",
        coach.readiness_metrics_check,
        name="readiness_metrics_check",
    ),
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
urlpatterns.insert(
    2,
    path("accounts/password_reset/", PasswordResetView.as_view(), name="password_reset"),
)
