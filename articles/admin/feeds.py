"""Feeds (with their health and the poll/pause/resume actions), feed entries and the fetch log."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.defaultfilters import truncatechars
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Feed, FeedEntry, FetchAttempt
from articles.services.operations import feeds_poll_now, feeds_set_active

from .base import AuditedAdmin, ReadOnlyAdmin, admin_link, badge, compact_time


class FailingFilter(admin.SimpleListFilter):
    title = _("health")
    parameter_name = "health"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("failing", _("failing")), ("ok", _("healthy"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "failing":
            return queryset.filter(failure_count__gt=0)
        if self.value() == "ok":
            return queryset.filter(failure_count=0)
        return queryset


def health_badge(*, active: bool, failures: int) -> str:
    if failures:
        return badge(ngettext("failing (%d)", "failing (%d)", failures) % failures, "bad")
    return badge(_("active"), "ok") if active else badge(_("paused"), "muted")


@admin.register(Feed)
class FeedAdmin(AuditedAdmin):
    list_display = ["feed", "story", "status", "last_poll", "next_poll", "error"]
    list_filter = ["is_active", FailingFilter, "story"]
    search_fields = ["url", "title"]
    list_select_related = ["story"]
    autocomplete_fields = ["story", "outlet"]
    actions = ["poll_now", "pause", "resume"]
    show_full_result_count = False
    readonly_fields = ["status", "last_polled_at", "last_success_at", "next_poll_at", "failure_count", "last_error"]
    fieldsets = [
        (None, {"fields": ["url", "title", "story", "outlet"]}),
        (_("Polling"), {"fields": ["is_active", "poll_interval", "respect_robots"]}),
        (
            _("Status"),
            {
                "fields": [
                    "status",
                    "last_polled_at",
                    "last_success_at",
                    "next_poll_at",
                    "failure_count",
                    "last_error",
                ],
                "description": _("Written by the poller. Use the actions on the feed list to poll now."),
            },
        ),
    ]

    @admin.display(description=_("feed"), ordering="url")
    def feed(self, feed: Feed) -> str:
        return str(feed)

    @admin.display(description=_("status"))
    def status(self, feed: Feed) -> str:
        return health_badge(active=feed.is_active, failures=feed.failure_count)

    @admin.display(description=_("last poll"), ordering="last_polled_at")
    def last_poll(self, feed: Feed) -> str:
        return compact_time(feed.last_polled_at)

    @admin.display(description=_("next poll"), ordering="next_poll_at")
    def next_poll(self, feed: Feed) -> str:
        return compact_time(feed.next_poll_at) if feed.is_active else str(_("paused"))

    @admin.display(description=_("last error"))
    def error(self, feed: Feed) -> str:
        return truncatechars(feed.last_error, 60) if feed.last_error else ""

    @admin.action(description=_("Poll now"), permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset: QuerySet[Feed]) -> None:
        count = feeds_poll_now(user=request.user, feeds=queryset)
        self.message_user(
            request, ngettext("%d feed queued for polling.", "%d feeds queued for polling.", count) % count
        )

    @admin.action(description=_("Pause (stop polling)"), permissions=["change"])
    def pause(self, request: HttpRequest, queryset: QuerySet[Feed]) -> None:
        count = feeds_set_active(user=request.user, feeds=queryset, active=False)
        self.message_user(request, ngettext("%d feed paused.", "%d feeds paused.", count) % count)

    @admin.action(description=_("Resume polling"), permissions=["change"])
    def resume(self, request: HttpRequest, queryset: QuerySet[Feed]) -> None:
        count = feeds_set_active(user=request.user, feeds=queryset, active=True)
        level = messages.SUCCESS if count else messages.INFO
        self.message_user(request, ngettext("%d feed resumed.", "%d feeds resumed.", count) % count, level)


@admin.register(FeedEntry)
class FeedEntryAdmin(ReadOnlyAdmin):
    list_display = ["title", "feed", "published_at", "article_link", "first_seen_at"]
    list_filter = ["feed"]
    search_fields = ["title", "link", "guid"]
    list_select_related = ["feed", "article"]
    show_full_result_count = False

    @admin.display(description=_("article"))
    def article_link(self, entry: FeedEntry) -> str:
        return admin_link(entry.article)


OUTCOME_TONES = {"ok": "ok", "not_modified": "info", "unchanged": "info", "blocked": "warn", "deferred": "info"}


@admin.register(FetchAttempt)
class FetchAttemptAdmin(ReadOnlyAdmin):
    list_display = ["started_at", "result", "status_code", "duration_ms", "bytes_received", "url", "about"]
    list_filter = ["outcome"]
    search_fields = ["url", "error"]
    list_select_related = ["feed", "article"]
    show_full_result_count = False

    @admin.display(description=_("outcome"), ordering="outcome")
    def result(self, attempt: FetchAttempt) -> str:
        return badge(attempt.get_outcome_display(), OUTCOME_TONES.get(attempt.outcome, "bad"))

    @admin.display(description=_("for"))
    def about(self, attempt: FetchAttempt) -> str:
        return admin_link(attempt.feed or attempt.article)
