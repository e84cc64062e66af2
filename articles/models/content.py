"""Articles, their versions, and what the analysis found in them.

Identity across versions: an Update or Claim is one row for as long as it
lives. ``first_seen_version`` / ``last_seen_version`` bound its life; a later
version that rewrites it bumps ``revision`` (and ``rewritten_in_version``), one
that drops it marks it ``removed``. Nothing is deleted when an article changes.
See docs/architecture.md for why.
"""

from __future__ import annotations

import zlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Article(models.Model):
    """One canonical URL at one outlet, in (at most) one story."""

    url = models.URLField(_("URL"), max_length=2000, unique=True)
    outlet = models.ForeignKey(
        "articles.Outlet", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    story = models.ForeignKey(
        "articles.Story", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    title = models.CharField(_("headline"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=8, default="de")
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    first_seen_at = models.DateTimeField(_("first seen"), auto_now_add=True)
    # Re-check scheduling for live articles.
    is_tracking = models.BooleanField(_("re-check for changes"), default=True, db_index=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_changed_at = models.DateTimeField(_("last changed"), null=True, blank=True)
    next_check_at = models.DateTimeField(_("next check"), null=True, blank=True, db_index=True)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_body_hash = models.CharField(max_length=64, blank=True)
    failure_count = models.PositiveIntegerField(_("consecutive failures"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["-first_seen_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self) -> str:
        return self.title or self.url


class Version(models.Model):
    """One distinct fetched state of an article (unique per content hash)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    fetched_at = models.DateTimeField(_("fetched at"), db_index=True)
    content_hash = models.CharField(max_length=64)
    title = models.CharField(_("headline"), max_length=500, blank=True)
    authors = models.JSONField(_("byline"), default=list, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    raw_html_compressed = models.BinaryField(_("raw HTML (zlib)"), blank=True, default=b"")
    text = models.TextField(_("extracted text"))
    engine_version = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["article", "number"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [
            models.UniqueConstraint(fields=["article", "content_hash"], name="unique_version_content"),
            models.UniqueConstraint(fields=["article", "number"], name="unique_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.article} v{self.number}"

    @property
    def raw_html(self) -> str:
        data = bytes(self.raw_html_compressed or b"")
        return zlib.decompress(data).decode("utf-8") if data else ""

    @raw_html.setter
    def raw_html(self, html: str) -> None:
        self.raw_html_compressed = zlib.compress(html.encode("utf-8"), 6) if html else b""


class Lifecycle(models.TextChoices):
    CURRENT = "current", _("current")
    REWRITTEN = "rewritten", _("rewritten")
    REMOVED = "removed", _("removed")


class Origin(models.TextChoices):
    INGESTED = "ingested", _("ingested")
    EDITOR = "editor", _("written by the newsroom")


class Update(models.Model):
    """One timestamped part of an article, or an editor's own update to a story."""

    class Kind(models.TextChoices):
        LEAD = "lead", _("lead")
        UPDATE = "update", _("update")
        FIRST_REPORT = "first_report", _("first report")
        ENTRY = "entry", _("ticker entry")
        BODY = "body", _("body")

    story = models.ForeignKey("articles.Story", null=True, blank=True, on_delete=models.CASCADE, related_name="updates")
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.CASCADE, related_name="updates")
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.INGESTED)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.UPDATE)
    label = models.CharField(_("label as written"), max_length=300, blank=True)
    timestamp = models.DateTimeField(_("time"), null=True, blank=True)
    # The time the timeline sorts by: the timestamp, else when it was first seen.
    sort_time = models.DateTimeField(db_index=True)
    headings = models.JSONField(_("headings"), default=list, blank=True)
    dateline = models.CharField(_("dateline"), max_length=120, blank=True)
    text = models.TextField(_("text"))
    position = models.PositiveIntegerField(_("position"), default=0)
    # Identity within the article across versions (see module docstring).
    key = models.CharField(max_length=64, blank=True)
    first_seen_version = models.ForeignKey(Version, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    last_seen_version = models.ForeignKey(Version, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    rewritten_in_version = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Lifecycle.choices, default=Lifecycle.CURRENT)
    revision = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-sort_time", "position"]
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        indexes = [models.Index(fields=["story", "-sort_time"], name="update_story_time")]
        constraints = [
            # Keyed (ingested) updates are unique per article; an editor's update has no key.
            models.UniqueConstraint(
                fields=["article", "key"],
                condition=Q(article__isnull=False) & ~Q(key=""),
                name="unique_update_key_per_article",
            ),
            models.CheckConstraint(
                condition=Q(story__isnull=False) | Q(article__isnull=False), name="update_has_story_or_article"
            ),
        ]

    def __str__(self) -> str:
        return self.label or self.text[:80]


class Claim(models.Model):
    """A statement in an update: who said what, through which outlet."""

    class Type(models.TextChoices):
        DIRECT = "direct", _("direct quote")
        INDIRECT = "indirect", _("indirect speech")
        INDIRECT_FREE_INDIRECT = "indirect_free_indirect", _("continued indirect speech")
        FREE_INDIRECT = "free_indirect", _("hearsay")
        REPORTED = "reported", _("reported speech act")

    class Verification(models.TextChoices):
        UNVERIFIED = "unverified", _("unverified")
        VERIFIED = "verified", _("verified")
        DISPUTED = "disputed", _("disputed")
        FALSE = "false", _("false")

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="claims")
    story = models.ForeignKey("articles.Story", null=True, blank=True, on_delete=models.CASCADE, related_name="claims")
    person = models.ForeignKey(
        "articles.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    type = models.CharField(_("type"), max_length=30, choices=Type.choices, default=Type.DIRECT)
    text = models.TextField(_("text"))
    # Offsets into the update's text; spans when the quote is interrupted.
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    spans = models.JSONField(default=list, blank=True)
    speaker_name = models.CharField(_("speaker as resolved"), max_length=200, blank=True)
    speaker_mention = models.CharField(_("speaker as written"), max_length=300, blank=True)
    role = models.CharField(_("role"), max_length=300, blank=True)
    cue = models.CharField(_("cue"), max_length=100, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    addressee = models.CharField(_("addressee"), max_length=200, blank=True)
    # Identity across versions (see module docstring).
    key = models.CharField(max_length=64, blank=True)
    first_seen_version = models.ForeignKey(Version, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    last_seen_version = models.ForeignKey(Version, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=10, choices=Lifecycle.choices, default=Lifecycle.CURRENT)
    # Editorial review. A corrected claim is never overwritten by re-analysis.
    verification = models.CharField(
        _("verification"), max_length=12, choices=Verification.choices, default=Verification.UNVERIFIED
    )
    verification_note = models.TextField(_("verification note"), blank=True)
    is_corrected = models.BooleanField(_("corrected by an editor"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["update", "start"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        indexes = [models.Index(fields=["story", "person"], name="claim_story_person")]
        constraints = [
            models.UniqueConstraint(fields=["update", "key"], condition=~Q(key=""), name="unique_claim_key_per_update"),
        ]

    def __str__(self) -> str:
        return self.text[:80]
