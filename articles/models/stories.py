"""Stories (developing topics) and outlets (publishers)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Story(models.Model):
    """A developing news topic that collects articles and editors' updates."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True, db_index=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default=settings.STORYLINE_DEFAULT_TIME_ZONE)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-is_active", "-updated_at"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/stories/{self.slug}/"


class Outlet(models.Model):
    """A publisher, identified by its web domain."""

    name = models.CharField(_("name"), max_length=200)
    domain = models.CharField(_("domain"), max_length=253, unique=True)
    language = models.CharField(_("language"), max_length=8, default="de")
    time_zone = models.CharField(_("time zone"), max_length=64, default=settings.STORYLINE_DEFAULT_TIME_ZONE)

    class Meta:
        ordering = ["name"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    def __str__(self) -> str:
        return self.name
