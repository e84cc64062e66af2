"""Feeds, their entries, and the log of every fetch attempt."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _default_interval() -> int:
    return int(settings.STORYLINE_FEED_DEFAULT_INTERVAL)


class Feed(models.Model):
    """An RSS/Atom feed, polled on its own interval, optionally tied to a story."""

    url = models.URLField(_("URL"), max_length=2000, unique=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    story = models.ForeignKey("articles.Story", null=True, blank=True, on_delete=models.SET_NULL, related_name="feeds")
    outlet = models.ForeignKey(
        "articles.Outlet", null=True, blank=True, on_delete=models.SET_NULL, related_name="feeds"
    )
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Paused feeds are not polled."))
    poll_interval = models.PositiveIntegerField(_("poll interval (seconds)"), default=_default_interval)
    respect_robots = models.BooleanField(
        _("respect robots.txt"), default=True, help_text=_("Turn off only for the newsroom's own sites.")
    )
    # HTTP caching state for conditional GET.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    # Scheduling and health.
    next_poll_at = models.DateTimeField(_("next poll"), null=True, blank=True, db_index=True)
    last_polled_at = models.DateTimeField(_("last poll"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    failure_count = models.PositiveIntegerField(_("consecutive failures"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url"]
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")

    def __str__(self) -> str:
        return self.title or self.url

    @property
    def is_failing(self) -> bool:
        return self.failure_count > 0


class FeedEntry(models.Model):
    """One item of a feed, deduplicated by GUID (falling back to the link)."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    guid = models.CharField(max_length=2000)
    link = models.URLField(max_length=2000)
    title = models.CharField(max_length=500, blank=True)
    article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="feed_entries"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    first_seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feed entry")
        verbose_name_plural = _("feed entries")
        constraints = [models.UniqueConstraint(fields=["feed", "guid"], name="unique_entry_guid_per_feed")]

    def __str__(self) -> str:
        return self.title or self.link


class FetchAttempt(models.Model):
    """Every outbound request Storyline made, successful or not."""

    class Outcome(models.TextChoices):
        OK = "ok", _("OK")
        NOT_MODIFIED = "not_modified", _("Not modified")
        UNCHANGED = "unchanged", _("Unchanged content")
        HTTP_ERROR = "http_error", _("HTTP error")
        NETWORK_ERROR = "network_error", _("Network error")
        TIMEOUT = "timeout", _("Timeout")
        TOO_LARGE = "too_large", _("Too large")
        BLOCKED = "blocked", _("Blocked")
        INVALID = "invalid", _("Invalid content")
        DEFERRED = "deferred", _("Deferred (retried shortly)")

    url = models.URLField(max_length=2000)
    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.CASCADE, related_name="fetches")
    article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="fetches"
    )
    started_at = models.DateTimeField(db_index=True)
    duration_ms = models.PositiveIntegerField(default=0)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    bytes_received = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, db_index=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("fetch attempt")
        verbose_name_plural = _("fetch log")

    def __str__(self) -> str:
        return f"{self.outcome} {self.url}"
