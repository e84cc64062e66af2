"""Roles: the migration's groups, what a journalist may do, anonymous users, and createeditor."""

from __future__ import annotations

from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from articles.models import Claim, Story
from articles.roles import EDITORS, JOURNALISTS
from tests.factories import ClaimFactory, StoryFactory

pytestmark = pytest.mark.django_db
GOOD_PASSWORD = "Deichgraf-Auenstedt-2026"


def _codenames(name: str) -> set[str]:
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def test_migration_creates_the_two_groups() -> None:
    editors, journalists = _codenames(EDITORS), _codenames(JOURNALISTS)
    for model in ("story", "feed", "update", "claim", "person", "personalias"):
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= editors
    for model in ("article", "version", "feedentry", "fetchattempt", "outlet", "auditentry"):
        assert f"view_{model}" in editors and f"change_{model}" not in editors
    assert not any(code.startswith("delete_") for code in editors)
    assert journalists and all(code.startswith("view_") for code in journalists)
    assert {code for code in editors if code.startswith("view_")} == journalists


@pytest.mark.parametrize("url", ["/admin/", "/admin/articles/claim/", "/admin/articles/update/add/"])
def test_anonymous_users_go_to_the_login_page(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


def test_journalist_can_view_but_not_edit(journalist_client: Client) -> None:
    claim = ClaimFactory()
    url = reverse("admin:articles_claim_change", args=[claim.pk])
    page = journalist_client.get(url)
    assert page.status_code == 200 and not page.context["has_change_permission"]
    assert 'name="_save"' not in page.content.decode()
    assert claim.text in page.content.decode()
    posted = journalist_client.post(url, {"verification": "false", "type": claim.type, "start": 0, "end": 3})
    assert posted.status_code == 403
    assert Claim.objects.get(pk=claim.pk).verification == "unverified"
    assert journalist_client.get(reverse("admin:articles_update_add")).status_code == 403
    assert journalist_client.get(reverse("admin:articles_story_add")).status_code == 403


def test_editor_edits_but_does_not_delete(editor_client: Client) -> None:
    story = StoryFactory()
    assert editor_client.get(reverse("admin:articles_story_change", args=[story.pk])).status_code == 200
    assert editor_client.get(reverse("admin:articles_story_delete", args=[story.pk])).status_code == 403
    assert Story.objects.filter(pk=story.pk).exists()


def test_non_staff_is_refused(db) -> None:
    user = User.objects.create_user("leser", password=GOOD_PASSWORD)
    client = Client()
    client.force_login(user)
    assert client.get("/admin/").status_code == 302


def test_createeditor_with_password_option() -> None:
    out = StringIO()
    call_command("createeditor", "erika", "--password", GOOD_PASSWORD, "--email", "e@example.org", stdout=out)
    user = User.objects.get(username="erika")
    assert user.is_staff and not user.is_superuser and user.check_password(GOOD_PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == [EDITORS]
    assert user.has_perm("articles.change_claim") and not user.has_perm("articles.delete_claim")
    assert "Created erika" in out.getvalue()


def test_createeditor_reads_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("STORYLINE_EDITOR_PASSWORD", GOOD_PASSWORD)
    call_command("createeditor", "jakob", "--journalist", stdout=StringIO())
    user = User.objects.get(username="jakob")
    assert user.check_password(GOOD_PASSWORD) and list(user.groups.values_list("name", flat=True)) == [JOURNALISTS]
    assert user.has_perm("articles.view_claim") and not user.has_perm("articles.change_claim")


def test_createeditor_asks_on_a_terminal(monkeypatch) -> None:
    monkeypatch.delenv("STORYLINE_EDITOR_PASSWORD", raising=False)
    with (
        mock.patch("sys.stdin.isatty", return_value=True),
        mock.patch("getpass.getpass", side_effect=["x", "y", GOOD_PASSWORD, GOOD_PASSWORD]),
    ):
        call_command("createeditor", "erika", stdout=StringIO(), stderr=StringIO())
    assert User.objects.get(username="erika").check_password(GOOD_PASSWORD)


def test_createeditor_without_terminal_or_password_fails(monkeypatch) -> None:
    monkeypatch.delenv("STORYLINE_EDITOR_PASSWORD", raising=False)
    with mock.patch("sys.stdin.isatty", return_value=False), pytest.raises(CommandError, match="--password"):
        call_command("createeditor", "erika", stdout=StringIO())
    assert not User.objects.exists()


def test_createeditor_rejects_a_weak_password() -> None:
    with pytest.raises(CommandError, match="Password rejected"):
        call_command("createeditor", "erika", "--password", "123", stdout=StringIO())
    assert not User.objects.exists()


def test_createeditor_promotes_an_existing_account() -> None:
    User.objects.create_user("erika", password=GOOD_PASSWORD)
    out = StringIO()
    call_command("createeditor", "erika", stdout=out)  # no password needed: the account has one
    user = User.objects.get(username="erika")
    assert user.is_staff and user.groups.filter(name=EDITORS).exists() and user.check_password(GOOD_PASSWORD)
    assert "Updated erika" in out.getvalue()


def test_createeditor_recreates_missing_groups() -> None:
    Group.objects.all().delete()
    call_command("createeditor", "erika", "--password", GOOD_PASSWORD, stdout=StringIO())
    assert User.objects.get(username="erika").has_perm("articles.change_update")
