"""Read queries for a person's page: every claim by them across stories, oldest first."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from articles.models import Claim, Person, PersonAlias

CLAIMS_PER_PAGE = 100


def person_with_aliases(*, slug: str) -> Person | None:
    """The person with their aliases prefetched (two queries), or None."""
    aliases = Prefetch("aliases", queryset=PersonAlias.objects.order_by("name"))
    return Person.objects.prefetch_related(aliases).filter(slug=slug).first()


def person_claims(*, person: Person) -> QuerySet[Claim]:
    """The person's claims in time order, with the update, article, outlet and story each appeared in."""
    return (
        Claim.objects.filter(person=person)
        .select_related(
            "update__article__outlet", "update__story", "update__article__story", "update__first_seen_version"
        )
        .defer("update__first_seen_version__text", "update__first_seen_version__raw_html_compressed")
        .order_by("update__sort_time", "update__position", "start", "id")
    )
