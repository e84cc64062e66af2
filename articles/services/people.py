"""Find or create the Person behind a resolved speaker name."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify

from articles.models import Person, PersonAlias

CREATE_ATTEMPTS = 5


def _free_slug(name: str) -> str | None:
    """The first free slug for ``name``, or None when a person of that very name already holds one.

    Slugs are deterministic per name, so two workers creating the same person race for the same
    slug and the unique constraint lets exactly one of them win.
    """
    base = slugify(name)[:200] or "person"
    slug, counter = base, 2
    while (holder := Person.objects.filter(slug=slug).values_list("name", flat=True).first()) is not None:
        if holder.casefold() == name.casefold():
            return None
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def _any_iexact(names: Iterable[str]) -> Q:
    query = Q(pk__in=[])
    for name in names:
        query |= Q(name__iexact=name)
    return query


def _lookup(wanted: set[str]) -> dict[str, Person]:
    """The existing people for ``wanted`` names, by name first, then by alias (case-insensitive)."""
    by_fold = {name.casefold(): name for name in wanted}
    found: dict[str, Person] = {}
    for person in Person.objects.filter(_any_iexact(wanted)):
        if (name := by_fold.get(person.name.casefold())) is not None:
            found[name] = person
    rest = wanted - found.keys()
    if rest:
        for alias in PersonAlias.objects.filter(_any_iexact(rest)).select_related("person"):
            if (name := by_fold.get(alias.name.casefold())) is not None:
                found.setdefault(name, alias.person)
    return found


def _create(name: str, role: str) -> Person:
    """Create the person; when a concurrent worker created the same one first, use theirs."""
    for _ in range(CREATE_ATTEMPTS):
        slug = _free_slug(name)
        if slug is not None:
            try:
                with transaction.atomic():
                    return Person.objects.create(name=name, slug=slug, role=role[:300])
            except IntegrityError:
                pass  # another worker took the slug; its row is committed by the time ours fails
        existing = _lookup({name}).get(name)
        if existing is not None:
            return existing
    raise IntegrityError(f"could not create a person named {name!r}: its slug stayed taken")


def people_for_names(*, names: Iterable[str], roles: dict[str, str] | None = None) -> dict[str, Person]:
    """Map each full name to its Person (by name or alias, case-insensitive), creating the missing ones.

    Safe under concurrency: two workers meeting a new speaker at once end up with one Person.
    """
    wanted = {name.strip() for name in names if name and name.strip()}
    if not wanted:
        return {}
    found = _lookup(wanted)
    for name in sorted(wanted - found.keys()):
        found[name] = _create(name, (roles or {}).get(name, ""))
    return found
