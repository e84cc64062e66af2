"""Feeds: add one, poll one (conditional GET, parse, upsert entries and articles, schedule the next poll)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from articles.core.feeds import FeedError, FeedItem, ParsedFeed, parse_feed
from articles.core.schedule import cache_max_age, next_feed_delay, retry_after
from articles.core.urls import normalize_url
from articles.fetching import FetchError, FetchResult, fetch
from articles.models import Article, Feed, FeedEntry, Outlet, Story

from .articles import OUTLET_NAME_LENGTH, outlet_domain
from .fetchlog import fetch_attempt_record, fetch_observer

logger = logging.getLogger(__name__)

# How long an enqueued poll or fetch keeps its feed or article from being enqueued again.
ENQUEUE_LEASE = timedelta(minutes=5)


@dataclass(frozen=True)
class PollResult:
    """What one poll did. ``article_ids``: articles that still need their first fetch."""

    outcome: str
    entries_created: int = 0
    article_ids: tuple[int, ...] = ()
    retryable: bool = False
    error: str = ""


def feed_add(*, url: str, story: Story | None = None, interval: int | None = None) -> tuple[Feed, bool]:
    """The feed at ``url`` (created if new, due at once); raises InvalidURL for anything but http(s)."""
    clean = normalize_url(url)
    feed, created = Feed.objects.get_or_create(url=clean, defaults={"story": story, "next_poll_at": timezone.now()})
    changed: list[str] = []
    if story is not None and feed.story_id != story.pk:
        feed.story, changed = story, [*changed, "story"]
    if interval is not None and feed.poll_interval != interval:
        feed.poll_interval, changed = interval, [*changed, "poll_interval"]
    if changed:
        feed.save(update_fields=changed)
    return feed, created


def feed_poll(*, feed_id: int) -> PollResult:
    """Poll one feed now. A feed another worker is polling is skipped; errors are recorded, never raised."""
    with transaction.atomic():
        feed = Feed.objects.select_for_update(skip_locked=True).filter(pk=feed_id).first()
        if feed is None:
            return PollResult("skipped")
        now = timezone.now()
        try:
            result = fetch(
                feed.url,
                purpose="feed",
                etag=feed.etag,
                last_modified=feed.last_modified,
                respect_robots=feed.respect_robots,
                observer=fetch_observer(feed=feed),
            )
        except FetchError as error:
            fetch_attempt_record(attempt=error.attempt, feed=feed)
            _feed_failed(feed, now, str(error), error.headers)
            return PollResult(error.attempt.outcome if error.attempt else "network_error", retryable=error.retryable)
        return _feed_fetched(feed, result, now)


def _feed_fetched(feed: Feed, result: FetchResult, now: datetime) -> PollResult:
    if result.not_modified:
        fetch_attempt_record(attempt=result.attempt, feed=feed)
        _feed_ok(feed, now, result, None)
        return PollResult("not_modified")
    try:
        parsed = parse_feed(result.body, base_url=result.url, content_type=result.content_type)
    except FeedError as error:
        fetch_attempt_record(attempt=result.attempt, feed=feed, outcome="invalid", error=str(error))
        _feed_failed(feed, now, f"invalid: {error}", result.headers)
        return PollResult("invalid", error=str(error))
    created, article_ids = _store_entries(feed, parsed.items, now)
    outcome = "ok" if created else "unchanged"
    if parsed.too_long:
        logger.warning("feed %s (%s): %s", feed.pk, feed.url, parsed.skipped_note)
    note = "; ".join(text for text in (parsed.skipped_note, parsed.warning or "") if text)
    fetch_attempt_record(attempt=result.attempt, feed=feed, outcome=outcome, error=note)
    _feed_ok(feed, now, result, parsed)
    return PollResult(outcome, entries_created=created, article_ids=tuple(article_ids), error=parsed.skipped_note)


def _feed_ok(feed: Feed, now: datetime, result: FetchResult, parsed: ParsedFeed | None) -> None:
    delay = next_feed_delay(
        interval=feed.poll_interval,
        longest=settings.STORYLINE_FEED_MAX_INTERVAL,
        max_age=cache_max_age(result.headers.get("cache-control")),
        ttl_minutes=parsed.ttl_minutes if parsed else None,
    )
    feed.etag = result.headers.get("etag", feed.etag)[:500]
    feed.last_modified = result.headers.get("last-modified", feed.last_modified)[:100]
    if parsed and parsed.title and not feed.title:
        feed.title = parsed.title
    feed.failure_count, feed.last_error = 0, ""
    feed.last_polled_at = feed.last_success_at = now
    feed.next_poll_at = now + timedelta(seconds=delay)
    feed.save(
        update_fields=[
            "etag",
            "last_modified",
            "title",
            "failure_count",
            "last_error",
            "last_polled_at",
            "last_success_at",
            "next_poll_at",
        ]
    )


def _feed_failed(feed: Feed, now: datetime, error: str, headers: dict[str, str]) -> None:
    """Back off exponentially, capped at the longest interval: a failing feed is retried for ever, visibly."""
    feed.failure_count += 1
    feed.last_error = error[:5000]
    delay = next_feed_delay(
        interval=feed.poll_interval,
        longest=settings.STORYLINE_FEED_MAX_INTERVAL,
        failures=feed.failure_count,
        retry_after_seconds=retry_after(headers.get("retry-after"), now=now),
    )
    feed.last_polled_at = now
    feed.next_poll_at = now + timedelta(seconds=delay)
    feed.save(update_fields=["failure_count", "last_error", "last_polled_at", "next_poll_at"])


def _outlets(links: Sequence[str]) -> dict[str, Outlet]:
    """The outlets of the links' hosts, created where missing; a host too long to be a domain gets none."""
    hosts = {host for link in links if (host := outlet_domain(link))}
    found = {outlet.domain: outlet for outlet in Outlet.objects.filter(domain__in=hosts)}
    for host in hosts - found.keys():
        found[host], _ = Outlet.objects.get_or_create(domain=host, defaults={"name": host[:OUTLET_NAME_LENGTH]})
    return found


def _articles_for(feed: Feed, items: Sequence[FeedItem]) -> dict[str, Article]:
    """The article of every item's (canonical) link, created in bulk where missing."""
    links = sorted({item.link for item in items})
    existing = {article.url: article for article in Article.objects.filter(url__in=links)}
    missing = [item for item in items if item.link not in existing]
    if missing:
        outlets = _outlets([item.link for item in missing])
        Article.objects.bulk_create(
            [
                Article(
                    url=item.link,
                    story=feed.story,
                    outlet=feed.outlet or outlets.get(outlet_domain(item.link)),
                    title=item.title,
                    published_at=item.published or item.updated,
                    # Fetched right after this poll; due for the re-check beat only if that task is lost.
                    next_check_at=timezone.now() + ENQUEUE_LEASE,
                )
                for item in {item.link: item for item in missing}.values()
            ],
            ignore_conflicts=True,
        )
        existing = {article.url: article for article in Article.objects.filter(url__in=links)}
    orphans = [a.pk for a in existing.values() if a.story_id is None]
    if feed.story_id and orphans:
        Article.objects.filter(pk__in=orphans).update(story=feed.story)
    return existing


def _store_entries(feed: Feed, items: Sequence[FeedItem], now: datetime) -> tuple[int, list[int]]:
    """Upsert the entries (by GUID) and their articles; returns (entries created, articles needing a first fetch)."""
    if not items:
        return 0, []
    known = {entry.guid: entry for entry in FeedEntry.objects.filter(feed=feed, guid__in=[i.guid for i in items])}
    articles = _articles_for(feed, items)
    new_entries = [
        FeedEntry(
            feed=feed,
            guid=item.guid,
            link=item.link,
            title=item.title,
            article=articles.get(item.link),
            published_at=item.published,
            updated_at=item.updated,
        )
        for item in items
        if item.guid not in known
    ]
    FeedEntry.objects.bulk_create(new_entries, ignore_conflicts=True)
    _recheck_updated_entries(known, items, now)
    unfetched = [a.pk for a in articles.values() if a.last_fetched_at is None and a.failure_count == 0]
    return len(new_entries), sorted(set(unfetched))


def _recheck_updated_entries(known: dict[str, FeedEntry], items: Sequence[FeedItem], now: datetime) -> None:
    """An entry whose <updated> moved forward: its article is re-checked at once."""
    moved = [
        (known[item.guid], item.updated)
        for item in items
        if item.guid in known and item.updated and (known[item.guid].updated_at or item.updated) < item.updated
    ]
    for entry, updated in moved:
        entry.updated_at = updated
    if moved:
        FeedEntry.objects.bulk_update([entry for entry, _ in moved], ["updated_at"])
        ids = [entry.article_id for entry, _ in moved if entry.article_id]
        Article.objects.filter(pk__in=ids).update(is_tracking=True, next_check_at=now)
