"""Read the editors' audit trail."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from articles.models import AuditEntry


def audit_for_object(*, instance: models.Model) -> QuerySet[AuditEntry]:
    """Every recorded editor change to ``instance``, newest first."""
    return (
        AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(type(instance)), object_id=instance.pk)
        .select_related("content_type")
        .order_by("-at", "-id")
    )
