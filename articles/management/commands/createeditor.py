"""manage.py createeditor USERNAME: a staff account in the Editors (or Journalists) group."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from articles.roles import EDITORS, JOURNALISTS, ensure_groups

PASSWORD_ENV = "STORYLINE_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create (or update) a staff account in the Editors group. Asks for the password on a terminal; "
        f"scripts pass --password or set {PASSWORD_ENV}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="the account's e-mail address")
        parser.add_argument("--password", help=f"the password (visible in the process list: prefer {PASSWORD_ENV})")
        parser.add_argument("--journalist", action="store_true", help="view-only: the Journalists group instead")

    def handle(self, *args: Any, **options: Any) -> None:
        user_model = get_user_model()
        username = options["username"].strip()
        if not username:
            raise CommandError("The username must not be empty.")
        existing = user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).first()
        password = options["password"] or os.environ.get(PASSWORD_ENV) or None
        if password is None and existing is None:
            password = self._ask_password()
        user = existing or user_model(**{user_model.USERNAME_FIELD: username})
        if password is not None:
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError("Password rejected: " + " ".join(error.messages)) from error
        group_name = JOURNALISTS if options["journalist"] else EDITORS
        with transaction.atomic():
            self._save(user, password, options["email"], group_name)
        verb = "Updated" if existing else "Created"
        self.stdout.write(f"{verb} {username} (staff, {group_name}). Log in at /admin/.")

    def _save(self, user: Any, password: str | None, email: str, group_name: str) -> None:
        if password is not None:
            user.set_password(password)
        if email:
            user.email = email
        user.is_staff = True
        user.save()
        if not Group.objects.filter(name=group_name).exists():
            ensure_groups(apps)
        user.groups.add(Group.objects.get(name=group_name))

    def _ask_password(self) -> str:
        if not sys.stdin.isatty():
            raise CommandError(f"No terminal to ask for a password: pass --password or set {PASSWORD_ENV}.")
        for _ in range(3):
            first = getpass.getpass("Password: ")
            if first and first == getpass.getpass("Password (again): "):
                return first
            self.stderr.write("The passwords are empty or do not match; try again.")
        raise CommandError("No password set.")
