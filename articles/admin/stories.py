"""Stories and outlets."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import forms
from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Outlet, Story, Update

from .base import AuditedAdmin, compact_time


def count_of(model: Any, field: str) -> Coalesce:
    """A correlated COUNT subquery: one SQL query for the page, no query per row."""
    rows = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()), 0)


class StoryForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Story
        fields = ["title", "slug", "description", "is_active", "time_zone"]
        help_texts = {
            "slug": _("Part of the timeline's address, e.g. /stories/hochwasser-auen/."),
            "time_zone": _("IANA zone (e.g. Europe/Berlin). Editors' update times are entered in this zone."),
            "is_active": _("Inactive stories drop to the end of the story list."),
        }

    def clean_time_zone(self) -> str:
        zone = str(self.cleaned_data["time_zone"]).strip()
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise forms.ValidationError(_("Unknown time zone %(zone)s.") % {"zone": zone}) from error
        return zone


@admin.register(Story)
class StoryAdmin(AuditedAdmin):
    form = StoryForm
    list_display = ["title", "is_active", "article_count", "update_count", "changed", "links"]
    list_filter = ["is_active"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description"]}),
        (_("Settings"), {"fields": ["is_active", "time_zone"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Story]:
        queryset: QuerySet[Story] = super().get_queryset(request)
        return queryset.annotate(article_total=count_of(Article, "story"), update_total=count_of(Update, "story"))

    @admin.display(description=_("articles"), ordering="article_total")
    def article_count(self, story: Story) -> int:
        return int(story.article_total)  # type: ignore[attr-defined]

    @admin.display(description=_("updates"), ordering="update_total")
    def update_count(self, story: Story) -> int:
        return int(story.update_total)  # type: ignore[attr-defined]

    @admin.display(description=_("changed"), ordering="updated_at")
    def changed(self, story: Story) -> str:
        return compact_time(story.updated_at)

    @admin.display(description=_("go to"))
    def links(self, story: Story) -> str:
        add = f"{reverse('admin:articles_update_add')}?story={story.pk}"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>', story.get_absolute_url(), _("timeline"), add, _("add update")
        )


@admin.register(Outlet)
class OutletAdmin(AuditedAdmin):
    list_display = ["name", "domain", "language", "time_zone"]
    search_fields = ["name", "domain"]
