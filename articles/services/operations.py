"""Editors' operations on feeds and articles: pause/resume, poll/re-fetch/re-analyse now, move.

Tasks are enqueued with ``transaction.on_commit`` so a worker never sees a
row the request has not committed yet; each request is recorded in the audit
trail as a "task" entry, each data change as a "change" entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone

from articles import tasks
from articles.models import Article, AuditEntry, Claim, Feed, Story, Update

from .audit import audit_build, audit_reassignments, audit_save_many, field_changes, plain_value


def _enqueue(task: Any, ids: list[int]) -> None:
    for pk in ids:
        transaction.on_commit(partial(task.delay, pk))


def _request_task(*, user: Any, objects: list[Any], task: Any) -> int:
    with transaction.atomic():
        note = f"Requested {task.name.rsplit('.', 1)[-1]}."
        audit_save_many(audit_build(user=user, instance=o, action=AuditEntry.Action.TASK, note=note) for o in objects)
        _enqueue(task, [o.pk for o in objects])
    return len(objects)


def feeds_poll_now(*, user: Any, feeds: Iterable[Feed]) -> int:
    """Enqueue ``poll_feed`` for each feed (paused ones too: the editor asked)."""
    return _request_task(user=user, objects=list(feeds), task=tasks.poll_feed)


def articles_refetch(*, user: Any, articles: Iterable[Article]) -> int:
    """Enqueue ``fetch_article`` for each article."""
    return _request_task(user=user, objects=list(articles), task=tasks.fetch_article)


def articles_reanalyze(*, user: Any, articles: Iterable[Article]) -> int:
    """Enqueue ``reanalyze_article`` for each article (corrected claims survive it)."""
    return _request_task(user=user, objects=list(articles), task=tasks.reanalyze_article)


def feeds_set_active(*, user: Any, feeds: Iterable[Feed], active: bool) -> int:
    """Pause or resume feeds; a resumed feed is due at once. Returns how many changed."""
    changed = [feed for feed in feeds if feed.is_active != active]
    now = timezone.now()
    with transaction.atomic():
        entries = []
        for feed in changed:
            before = {"is_active": feed.is_active, "next_poll_at": plain_value(feed.next_poll_at)}
            feed.is_active = active
            if active:
                feed.next_poll_at = now
            after = {"is_active": active, "next_poll_at": plain_value(feed.next_poll_at)}
            entries.append(
                audit_build(
                    user=user,
                    instance=feed,
                    action=AuditEntry.Action.CHANGE,
                    changes=field_changes(before=before, after=after),
                )
            )
        Feed.objects.bulk_update(changed, ["is_active", "next_poll_at"])
        audit_save_many(entries)
    return len(changed)


def articles_move_to_story(*, user: Any, articles: Iterable[Article], story: Story) -> int:
    """File articles under ``story``; their updates and claims move with them."""
    moving = [article for article in articles if article.story_id != story.pk]
    with transaction.atomic():
        audit_reassignments(user=user, instances=moving, field="story", new=story, action=AuditEntry.Action.CHANGE)
        ids = [article.pk for article in moving]
        Article.objects.filter(pk__in=ids).update(story=story)
        Update.objects.filter(article__in=ids).update(story=story)
        Claim.objects.filter(update__article__in=ids).update(story=story)
    return len(moving)
