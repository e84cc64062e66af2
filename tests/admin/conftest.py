"""Fixtures for the editors' admin tests: users in the two groups the migration creates."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from articles.roles import EDITORS, JOURNALISTS

PASSWORD = "a-long-test-password-9f3"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """PBKDF2 costs about a second per user; these tests are about permissions, not hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _staff(username: str, group: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db: Any) -> User:
    return _staff("erika", EDITORS)


@pytest.fixture
def journalist(db: Any) -> User:
    return _staff("jakob", JOURNALISTS)


@pytest.fixture
def editor_client(editor: User) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def journalist_client(journalist: User) -> Client:
    client = Client()
    client.force_login(journalist)
    return client


@pytest.fixture
def superuser_client(db: Any) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("root", "root@example.org", PASSWORD))
    return client
