"""Sign out, password change and reset, and the language menu."""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client

from okrs.workspace.models import Profile


def test_sign_out_is_a_post_and_ends_the_session(world):
    client = Client()
    client.force_login(world.users["member"])
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/o/acme/").status_code == 302  # back to sign-in


def test_password_change_needs_the_old_password(world):
    client = Client()
    client.force_login(world.users["member"])
    refused = client.post(
        "/accounts/password_change/",
        {
            "old_password": "wrong",
            "new_password1": "Bl00m-cycles-42",
            "new_password2": "Bl00m-cycles-42",
        },
    )
    assert refused.status_code == 200 and "incorrectly" in refused.text
    done = client.post(
        "/accounts/password_change/",
        {
            "old_password": "pw-member",
            "new_password1": "Bl00m-cycles-42",
            "new_password2": "Bl00m-cycles-42",
        },
    )
    assert done.status_code == 302
    world.users["member"].refresh_from_db()
    assert world.users["member"].check_password("Bl00m-cycles-42")


def test_password_reset_sends_a_working_link(world):
    user = world.users["member"]
    user.email = "member@acme.test"
    user.save()
    client = Client()
    assert (
        client.post("/accounts/password_reset/", {"email": "member@acme.test"}).status_code == 302
    )
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]  # Django swaps the token for a session marker
    response = client.post(
        form_url, {"new_password1": "Fresh-start-2026", "new_password2": "Fresh-start-2026"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Fresh-start-2026")


def test_language_menu_keeps_the_choice_in_the_profile(world):
    client = Client()
    client.force_login(world.users["viewer"])
    response = client.post("/language/", {"language": "fr", "next": "/o/acme/"})
    assert response.status_code == 302 and response["Location"] == "/o/acme/"
    assert Profile.objects.get(user=world.users["viewer"]).language == "fr"
    page = client.get("/o/acme/", headers={"Accept-Language": "it"})
    assert '<html lang="fr">' in page.text  # the profile wins over the browser


def test_language_menu_refuses_unknown_languages_and_foreign_redirects(world):
    client = Client()
    client.force_login(world.users["viewer"])
    assert client.post("/language/", {"language": "xx"}).status_code == 400
    response = client.post("/language/", {"language": "it", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_signed_out_pages_follow_the_browser(db):
    page = Client().get("/accounts/login/", headers={"Accept-Language": "it"})
    assert '<html lang="it">' in page.text
    assert "<title>Accedi · okrs</title>" in page.text
