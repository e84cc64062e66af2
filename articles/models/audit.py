"""The editors' audit trail: one row per change an editor made, with field-level before/after.

Django's admin ``LogEntry`` records *that* an object changed and which fields;
it keeps no values and cannot be queried per claim cheaply. ``AuditEntry`` keeps
who, when and what (``changes`` maps each field to its value before and after),
is indexed by object, and is written by the editorial services, so the same
record exists whether a change came through the admin, a command or a script.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One editor change to one object."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        CHANGE = "change", _("changed")
        DELETE = "delete", _("deleted")
        MERGE = "merge", _("merged")
        TASK = "task", _("requested a task")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who"),
    )
    # Kept when the account is deleted, so the trail still says who it was.
    user_name = models.CharField(_("user name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField(_("object id"))
    object_repr = models.CharField(_("object"), max_length=200)
    # {"field": {"before": <value>, "after": <value>}}, values as JSON scalars (related objects as their name).
    changes = models.JSONField(_("what changed"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("editor change")
        verbose_name_plural = _("editor changes")
        indexes = [models.Index(fields=["content_type", "object_id", "-at"], name="audit_object_time")]

    def __str__(self) -> str:
        return f"{self.user_name or '?'} {self.get_action_display()} {self.object_repr}"

    @property
    def change_rows(self) -> list[tuple[str, Any, Any]]:
        """``(label, before, after)`` per changed field, labelled with the field's verbose name."""
        model = self.content_type.model_class()
        rows = []
        for name, change in (self.changes or {}).items():
            label = name
            if model is not None:
                with suppress(FieldDoesNotExist):  # a reverse relation ("aliases") keeps its name
                    label = str(getattr(model._meta.get_field(name), "verbose_name", name))
            rows.append((label, change.get("before"), change.get("after")))
        return rows
