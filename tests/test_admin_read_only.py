"""The Django admin shows okrs data but never writes it: writes go through the services."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory

from okrs.goals.models import Cycle
from okrs.lib.admin import ReadOnlyMixin

OKRS_APPS = {"workspace", "goals", "metrics"}


def _okrs_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in OKRS_APPS
    ]


def test_every_okrs_model_is_registered_read_only():
    admins = _okrs_admins()
    assert len(admins) >= 10
    for model, model_admin in admins:
        assert isinstance(model_admin, ReadOnlyMixin), model.__name__
        for inline in model_admin.inlines:
            assert issubclass(inline, ReadOnlyMixin), f"{model.__name__}: {inline.__name__}"


@pytest.mark.django_db
def test_a_superuser_has_no_add_change_or_delete_on_okrs_models():
    superuser = get_user_model().objects.create_superuser("root", "root@x.test", "pw-root")
    request = RequestFactory().get("/admin/")
    request.user = superuser
    for model, model_admin in _okrs_admins():
        assert model_admin.has_view_permission(request), model.__name__
        assert not model_admin.has_add_permission(request), model.__name__
        assert not model_admin.has_change_permission(request), model.__name__
        assert not model_admin.has_delete_permission(request), model.__name__


@pytest.fixture
def superuser_client(db):
    superuser = get_user_model().objects.create_superuser("root", "root@x.test", "pw-root")
    client = Client()
    client.force_login(superuser)
    return client


@pytest.mark.django_db
def test_admin_add_and_change_posts_are_refused_but_pages_show(world, superuser_client):
    cycle = Cycle.objects.filter(organization=world.org).first()
    before = (cycle.name, Cycle.objects.count())
    assert superuser_client.get("/admin/goals/cycle/").status_code == 200
    assert superuser_client.get(f"/admin/goals/cycle/{cycle.pk}/change/").status_code == 200
    added = superuser_client.post("/admin/goals/cycle/add/", {"name": "Sneaky"})
    assert added.status_code == 403
    changed = superuser_client.post(f"/admin/goals/cycle/{cycle.pk}/change/", {"name": "Renamed"})
    assert changed.status_code == 403
    deleted = superuser_client.post(f"/admin/goals/cycle/{cycle.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 403
    cycle.refresh_from_db()
    assert (cycle.name, Cycle.objects.count()) == before
