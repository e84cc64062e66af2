"""Find or create the Person behind a resolved speaker name."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.utils.text import slugify

from articles.models import Person, PersonAlias


def _unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "person"
    slug, counter = base, 2
    while Person.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def people_for_names(*, names: Iterable[str], roles: dict[str, str] | None = None) -> dict[str, Person]:
    """Map each full name to its Person (by name or alias, case-insensitive), creating the missing ones."""
    wanted = {name.strip() for name in names if name and name.strip()}
    if not wanted:
        return {}
    found: dict[str, Person] = {}
    lowered = {name.casefold(): name for name in wanted}
    query = Q()
    for name in wanted:
        query |= Q(name__iexact=name)
    for person in Person.objects.filter(query):
        found[lowered[person.name.casefold()]] = person
    alias_query = Q()
    for name in wanted - found.keys():
        alias_query |= Q(name__iexact=name)
    if alias_query:
        for alias in PersonAlias.objects.filter(alias_query).select_related("person"):
            found.setdefault(lowered[alias.name.casefold()], alias.person)
    for name in sorted(wanted - found.keys()):
        role = (roles or {}).get(name, "")
        found[name] = Person.objects.create(name=name, slug=_unique_slug(name), role=role[:300])
    return found
