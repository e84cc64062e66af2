"""Per-host limits (at most N at once, a minimum gap) and the one-worker-per-article row lock."""

from __future__ import annotations

import itertools
import os
import threading
import time
import uuid

import pytest
from django.db import connection, transaction

from articles.fetching import FetchError
from articles.fetching.limits import host_slot
from articles.models import Article
from articles.services.ingestion import article_fetch


def _run_concurrently(host: str, workers: int, hold: float) -> tuple[int, list[float]]:
    active, peak, starts, lock = [0], [0], [], threading.Lock()

    def work() -> None:
        with host_slot(host):
            with lock:
                active[0] += 1
                peak[0] = max(peak[0], active[0])
                starts.append(time.monotonic())
            time.sleep(hold)
            with lock:
                active[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return peak[0], sorted(starts)


@pytest.fixture(params=["local", pytest.param("redis", marks=pytest.mark.redis)])
def limiter(request, settings) -> str:
    settings.REDIS_URL = os.environ.get("REDIS_URL", "") if request.param == "redis" else ""
    settings.STORYLINE_HOST_MAX_CONCURRENCY = 2
    settings.STORYLINE_HOST_WAIT_MAX = 20
    return f"host-{uuid.uuid4().hex[:8]}.example"


def test_at_most_two_requests_at_once_per_host(limiter: str, settings) -> None:
    settings.STORYLINE_HOST_MIN_GAP = 0
    peak, _ = _run_concurrently(limiter, workers=5, hold=0.2)
    assert peak == 2
    other_peak, _ = _run_concurrently(limiter + ".other", workers=2, hold=0.05)
    assert other_peak == 2


def test_minimum_gap_between_requests_to_one_host(limiter: str, settings) -> None:
    settings.STORYLINE_HOST_MIN_GAP = 0.15
    _, starts = _run_concurrently(limiter, workers=4, hold=0.0)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    # Start times are taken in the threads after the slot is granted, so allow for scheduling jitter.
    assert len(starts) == 4 and min(gaps) >= 0.1 and starts[-1] - starts[0] >= 3 * 0.15 - 0.03


def test_waiting_too_long_is_a_retryable_busy_error(limiter: str, settings) -> None:
    settings.STORYLINE_HOST_MIN_GAP = 5
    settings.STORYLINE_HOST_WAIT_MAX = 0.2
    with host_slot(limiter):
        pass
    with pytest.raises(FetchError) as info, host_slot(limiter):
        pass
    assert info.value.kind == "busy" and info.value.retryable


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_article_locked_by_another_worker_is_skipped() -> None:
    article = Article.objects.create(url="https://auentaler-bote.example/locked")
    locked, release = threading.Event(), threading.Event()

    def hold_lock() -> None:
        with transaction.atomic():
            Article.objects.select_for_update().get(pk=article.pk)
            locked.set()
            release.wait(10)
        connection.close()

    thread = threading.Thread(target=hold_lock)
    thread.start()
    try:
        assert locked.wait(10)
        assert article_fetch(article_id=article.pk).outcome == "skipped"
    finally:
        release.set()
        thread.join(10)
