"""People who are quoted, with the other names they appear under."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Person(models.Model):
    """A speaker. ``name`` is the full name; aliases hold short and variant forms."""

    name = models.CharField(_("name"), max_length=200, db_index=True)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    role = models.CharField(_("role"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/people/{self.slug}/"


class PersonAlias(models.Model):
    """Another name for a person ("Peskow" for "Dmitri Peskow")."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("name"), max_length=200, db_index=True)

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [models.UniqueConstraint(fields=["person", "name"], name="unique_alias_per_person")]

    def __str__(self) -> str:
        return self.name
