"""Write the editors' audit trail (``AuditEntry``): who changed what, when, field by field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from articles.models import AuditEntry

Changes = dict[str, dict[str, Any]]


def plain_value(value: Any) -> Any:
    """A JSON-friendly form of a field value: related objects by their name and id."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, models.Model):
        return f"{value} (#{value.pk})"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [plain_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain_value(item) for key, item in value.items()}
    return str(value)


def instance_snapshot(*, instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The plain values of ``fields`` on ``instance`` (related objects are loaded if needed)."""
    return {name: plain_value(getattr(instance, name)) for name in fields}


def field_changes(*, before: Mapping[str, Any], after: Mapping[str, Any]) -> Changes:
    """``{field: {"before": old, "after": new}}`` for every field whose value differs."""
    return {
        name: {"before": before.get(name), "after": value} for name, value in after.items() if before.get(name) != value
    }


def _user_fields(user: Any) -> dict[str, Any]:
    if user is None or not getattr(user, "is_authenticated", False):
        return {"user": None, "user_name": ""}
    return {"user": user, "user_name": user.get_username()}


def audit_build(
    *, user: Any, instance: models.Model, action: str, changes: Changes | None = None, note: str = ""
) -> AuditEntry:
    """An unsaved audit entry for one editor change to ``instance``."""
    return AuditEntry(
        **_user_fields(user),
        action=action,
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=instance.pk,
        object_repr=str(instance)[:200],
        changes=changes or {},
        note=note,
    )


def audit_record(
    *, user: Any, instance: models.Model, action: str, changes: Changes | None = None, note: str = ""
) -> AuditEntry:
    """Record one editor change to ``instance``."""
    entry = audit_build(user=user, instance=instance, action=action, changes=changes, note=note)
    entry.save()
    return entry


def audit_save_many(entries: Iterable[AuditEntry]) -> int:
    """Save many built entries in few INSERTs (bulk actions, merges)."""
    return len(AuditEntry.objects.bulk_create(list(entries), batch_size=1000))


def audit_record_many(
    *, user: Any, instances: Iterable[models.Model], action: str, changes: Changes | None = None, note: str = ""
) -> int:
    """Record the same change to many objects."""
    return audit_save_many(
        audit_build(user=user, instance=instance, action=action, changes=changes, note=note) for instance in instances
    )


def audit_reassignments(*, user: Any, instances: Iterable[models.Model], field: str, new: Any, action: str) -> int:
    """Record, per instance, that ``field`` moved from its current value to ``new`` (merges, moves)."""
    return audit_save_many(
        audit_build(
            user=user,
            instance=instance,
            action=action,
            changes=field_changes(
                before={field: plain_value(getattr(instance, field))}, after={field: plain_value(new)}
            ),
        )
        for instance in instances
    )
