"""Shared admin pieces: the audited ModelAdmin, read-only admins, links and badges."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import models
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext

from articles.models import AuditEntry
from articles.selectors.audit import audit_for_object
from articles.services.audit import audit_record, field_changes, instance_snapshot

AUDIT_HISTORY_LIMIT = 200


def admin_url(obj: models.Model, view: str = "change") -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[obj.pk])


def admin_link(obj: models.Model | None, text: Any = None) -> str:
    """A link to ``obj``'s change page (``-`` for no object)."""
    if obj is None:
        return "-"
    return format_html('<a href="{}">{}</a>', admin_url(obj), text if text is not None else str(obj))


def compact_time(value: datetime | None) -> str:
    """``14 Mar 2026, 18:35`` in the active time zone: list columns stay narrow."""
    if value is None:
        return "-"
    return date_format(timezone.localtime(value), "j M Y, H:i")


def badge(text: Any, tone: str) -> str:
    """A small coloured label; ``tone`` is one of ok, warn, bad, info, muted (see admin/base_site.html)."""
    return format_html('<span class="sl-badge sl-{}">{}</span>', tone, text)


def _model_fields(model: type[models.Model], names: list[str]) -> list[str]:
    concrete = {field.name for field in model._meta.concrete_fields}
    return [name for name in names if name in concrete]


class NewsroomAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Defaults for every Storyline admin."""

    # Editors type "example.org/feed": that means https (and silences Django 6's scheme warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_dbfield(self, db_field: Any, request: Any, **kwargs: Any) -> Any:
        """Name both inputs of a split date/time field (screen readers hear "Time, Date", not nothing)."""
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        label_split_datetime(field)
        return field


def label_split_datetime(field: Any) -> None:
    """Give each input of an ``AdminSplitDateTime`` an accessible name.

    Django draws the field's label as a fieldset legend and "Date:"/"Time:" as plain text,
    so the two inputs have no label of their own (axe: "Form elements must have labels").
    """
    widget = getattr(field, "widget", None)
    widget = getattr(widget, "widget", widget)  # the related-field wrapper, if any
    if not isinstance(widget, AdminSplitDateTime):
        return
    name = capfirst(field.label or "")
    # Django's own "Date:"/"Time:" strings, so German editors hear "Zeit, Datum".
    for part, text in zip(widget.widgets, (gettext("Date:"), gettext("Time:")), strict=True):
        text = text.rstrip(": ")
        # A field labelled "Time" gives "Time, Date" and "Time", not "Time, Time".
        part.attrs["aria-label"] = f"{name}, {text}" if name and name.lower() != text.lower() else text


class AuditedAdmin(NewsroomAdmin):
    """Records every save and delete made through the admin as an ``AuditEntry``.

    The history page shows these field-level entries above Django's own log.
    Admins whose saves go through an editorial service (which audits) override
    ``save_model`` and skip this one.
    """

    object_history_template = "admin/articles/object_history.html"

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm[Any], change: bool) -> None:
        fields = _model_fields(type(obj), list(form.changed_data if change else form.fields))
        before: dict[str, Any] = {}
        if change:
            before = instance_snapshot(instance=type(obj).objects.get(pk=obj.pk), fields=fields)
        super().save_model(request, obj, form, change)
        changes = field_changes(before=before, after=instance_snapshot(instance=obj, fields=fields))
        if changes or not change:
            action = AuditEntry.Action.CHANGE if change else AuditEntry.Action.CREATE
            audit_record(user=request.user, instance=obj, action=action, changes=changes)

    def save_formset(
        self, request: HttpRequest, form: ModelForm[Any], formset: BaseInlineFormSet[Any, Any, Any], change: bool
    ) -> None:
        """Inline rows (e.g. a person's aliases) are recorded on the parent as a before/after list."""
        parent, model, fk_name = form.instance, formset.model, formset.fk.name
        assert model is not None
        before = sorted(str(row) for row in model.objects.filter(**{fk_name: parent})) if parent.pk else []
        super().save_formset(request, form, formset, change)
        after = sorted(str(row) for row in model.objects.filter(**{fk_name: parent}))
        if before != after:
            name = str(model._meta.verbose_name_plural)
            changes = {name: {"before": before, "after": after}}
            audit_record(user=request.user, instance=parent, action=AuditEntry.Action.CHANGE, changes=changes)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit_record(user=request.user, instance=obj, action=AuditEntry.Action.DELETE)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            audit_record(user=request.user, instance=obj, action=AuditEntry.Action.DELETE)
        super().delete_queryset(request, queryset)

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        obj = self.get_object(request, unquote(object_id))
        entries = list(audit_for_object(instance=obj)[:AUDIT_HISTORY_LIMIT]) if obj is not None else []
        return super().history_view(request, object_id, {**(extra_context or {}), "audit_entries": entries})


class ReadOnlyAdmin(NewsroomAdmin):
    """For records written only by the machine (versions, the fetch log): view, never edit."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
