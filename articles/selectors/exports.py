"""Plain data for the exports: the JSON API, TimelineJS and the Atom feed.

Text meant to be read as HTML by a consumer (TimelineJS renders ``text``
and ``headline`` as HTML) is escaped here; the JSON writer then escapes
``<``, ``>`` and ``&`` so no payload can break out of where it is embedded.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.utils.html import escape, format_html, format_html_join

from articles.models import Claim, Story, Update
from articles.selectors.facts import story_updates_q, story_zone
from articles.selectors.timeline import VERSION_LIGHT_FIELDS

FEED_ENTRIES = 200


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


def claim_as_json(claim: Claim) -> dict[str, Any]:
    """One claim, field by field as documented in docs/timeline.md."""
    person = claim.person
    return {
        "id": claim.pk,
        "type": claim.type,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "spans": claim.spans or [[claim.start, claim.end]],
        "speaker": {
            "name": person.name if person else claim.speaker_name,
            "as_written": claim.speaker_mention,
            "role": claim.role,
            "person": {"slug": person.slug, "url": person.get_absolute_url()} if person else None,
        },
        "cue": claim.cue,
        "source": claim.source,
        "addressee": claim.addressee,
        "status": claim.status,
        "verification": claim.verification,
        "verification_note": claim.verification_note,
    }


def _version_number(version: Any) -> int | None:
    return version.number if version is not None else None


def update_as_json(update: Update, *, story: Story) -> dict[str, Any]:
    """One update with its claims, field by field as documented in docs/timeline.md."""
    article = update.article
    return {
        "id": update.pk,
        "url": f"{story.get_absolute_url()}#update-{update.pk}",
        "kind": update.kind,
        "origin": update.origin,
        "label": update.label,
        "timestamp": _iso(update.timestamp),
        "sort_time": _iso(update.sort_time),
        "headings": list(update.headings or []),
        "dateline": update.dateline,
        "text": update.text,
        "status": update.status,
        "revision": update.revision,
        "article": None
        if article is None
        else {
            "id": article.pk,
            "url": article.url,
            "headline_then": update.first_seen_version.title if update.first_seen_version else article.title,
            "outlet": {"name": article.outlet.name, "domain": article.outlet.domain} if article.outlet else None,
        },
        "first_seen_version": _version_number(update.first_seen_version),
        "last_seen_version": _version_number(update.last_seen_version),
        "rewritten_in_version": _version_number(update.rewritten_in_version),
        "claims": [claim_as_json(c) for c in update.claims.all()],
    }


def feed_updates(*, story: Story, limit: int = FEED_ENTRIES) -> QuerySet[Update]:
    """The newest ``limit`` updates for the Atom feed, with article, outlet and first version (one query)."""
    return (
        Update.objects.filter(story_updates_q(story))
        .select_related("article__outlet", "article__story", "story", "first_seen_version")
        .defer(*VERSION_LIGHT_FIELDS[:2])
        .order_by("-sort_time", "-position", "-id")[:limit]
    )


def _html_paragraphs(text: str) -> str:
    """Escaped paragraphs: TimelineJS renders ``text.text`` as HTML."""
    chunks = [chunk.strip() for chunk in text.split("\n\n") if chunk.strip()]
    return str(format_html_join("", "<p>{}</p>", ((chunk,) for chunk in chunks)))


def _start_date(moment: Any, zone: ZoneInfo) -> dict[str, Any]:
    local = moment.astimezone(zone)
    return {
        "year": local.year,
        "month": local.month,
        "day": local.day,
        "hour": local.hour,
        "minute": local.minute,
        "display_date": local.strftime("%d.%m.%Y %H:%M"),
    }


def timelinejs_data(*, story: Story) -> dict[str, Any]:
    """The story in TimelineJS3's JSON format: a title slide and one event per update (one query)."""
    zone = story_zone(story)
    rows = (
        Update.objects.filter(story_updates_q(story))
        .order_by("sort_time", "position", "id")
        .values(
            "id", "sort_time", "label", "text", "kind", "origin", "article__outlet__name", "first_seen_version__title"
        )
    )
    events = []
    for row in rows:
        headline = row["first_seen_version__title"] or row["label"] or story.title
        events.append(
            {
                "unique_id": f"update-{row['id']}",
                "start_date": _start_date(row["sort_time"], zone),
                "text": {"headline": escape(headline), "text": _html_paragraphs(row["text"])},
                "group": row["article__outlet__name"] or ("Newsroom" if row["origin"] == "editor" else ""),
            }
        )
    title_text = format_html("<p>{}</p>", story.description) if story.description else ""
    return {"title": {"text": {"headline": escape(story.title), "text": str(title_text)}}, "events": events}
