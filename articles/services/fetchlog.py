"""The fetch log: one FetchAttempt row per outbound request."""

from __future__ import annotations

from collections.abc import Callable

from articles.fetching import Attempt
from articles.models import Article, Feed, FetchAttempt


def fetch_attempt_record(
    *,
    attempt: Attempt | None,
    feed: Feed | None = None,
    article: Article | None = None,
    outcome: str | None = None,
    error: str | None = None,
) -> FetchAttempt | None:
    """Write ``attempt`` to the log, with the caller's final outcome (e.g. "unchanged") if given."""
    if attempt is None:
        return None
    return FetchAttempt.objects.create(
        url=attempt.url[:2000],
        feed=feed,
        article=article,
        started_at=attempt.started_at,
        duration_ms=max(attempt.duration_ms, 0),
        status_code=attempt.status,
        bytes_received=min(attempt.bytes_received, 2**31 - 1),
        outcome=outcome or attempt.outcome,
        error=(error if error is not None else attempt.error)[:5000],
    )


def fetch_observer(*, feed: Feed | None = None, article: Article | None = None) -> Callable[[Attempt], None]:
    """An observer for ``fetch`` that logs the side requests (robots.txt) against ``feed`` / ``article``."""

    def observe(attempt: Attempt) -> None:
        fetch_attempt_record(attempt=attempt, feed=feed, article=article)

    return observe
