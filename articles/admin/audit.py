"""The editors' audit trail, read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from articles.models import AuditEntry

from .base import ReadOnlyAdmin


def changes_html(rows: list[tuple[str, Any, Any]]) -> str:
    """``field: before → after`` lines."""
    return format_html_join(
        "",
        "<div><b>{}</b>: {} → {}</div>",
        ((label, _short(before), _short(after)) for label, before, after in rows),
    )


def _short(value: Any) -> str:
    text = "—" if value in (None, "", []) else str(value)
    return text if len(text) <= 200 else text[:199] + "…"


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "user_name", "action", "content_type", "object_link", "what_changed"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "user_name", "note"]
    list_select_related = ["content_type"]
    show_full_result_count = False
    fields = readonly_fields = ("at", "user_name", "action", "content_type", "object_link", "what_changed", "note")

    @admin.display(description=_("object"))
    def object_link(self, entry: AuditEntry) -> str:
        meta_label = f"admin:{entry.content_type.app_label}_{entry.content_type.model}_change"
        try:
            return format_html('<a href="{}">{}</a>', reverse(meta_label, args=[entry.object_id]), entry.object_repr)
        except NoReverseMatch:
            return entry.object_repr

    @admin.display(description=_("what changed"))
    def what_changed(self, entry: AuditEntry) -> str:
        return changes_html(entry.change_rows) or entry.note
