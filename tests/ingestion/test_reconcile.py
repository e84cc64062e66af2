"""Reconciling versions: identity across versions, editor corrections, and a constant number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Claim, Update, Version
from articles.services.articles import article_import_text
from articles.services.versions import article_reanalyze

pytestmark = pytest.mark.django_db
URL = "https://auentaler-bote.example/live/pegel"
NAMES = ["Katrin Vogel", "Malte Kern", "Jonas Brenner", "Peter Hollmann"]


def live_text(updates: int, *, drop: int | None = None, reword: int | None = None) -> str:
    """A plain-text live article with ``updates`` timestamped updates, each quoting somebody."""
    parts = [
        "date 2026-03 Liveticker Hochwasser an der Auen",
        "Von: Tarek Sommer",
        "Der Ticker sammelt alle Meldungen.",
    ]
    for n in range(updates, 0, -1):
        if n == drop:
            continue
        hour, minute = 6 + n // 6, (n % 6) * 10
        name = NAMES[n % len(NAMES)]
        said = "ist weiter gestiegen" if n != reword else "ist inzwischen deutlich gestiegen"
        parts.append(
            f"Update vom 14. März, {hour:02d}.{minute:02d} Uhr: Meldung {n}: Der Pegel an Messstelle {n} {said}. "
            f"„Wir beobachten die Messstelle {n} rund um die Uhr und melden jede Veränderung“, sagte {name}."
        )
    return "\n\n".join(parts)


def _queries_for_one_new_update(size: int) -> int:
    article_import_text(text=live_text(size), url=f"{URL}/{size}")
    with CaptureQueriesContext(connection) as ctx:
        result = article_import_text(text=live_text(size + 1), url=f"{URL}/{size}")
    assert result.outcome == "created"
    return len(ctx.captured_queries)


def test_one_new_update_costs_the_same_queries_on_a_big_article() -> None:
    small, big = _queries_for_one_new_update(5), _queries_for_one_new_update(60)
    assert big == small, "reconciling must not issue a query per update or per claim"
    article = Article.objects.get(url=f"{URL}/60")
    assert Update.objects.filter(article=article).count() == 62  # 61 updates + the lead
    v2 = article.versions.get(number=2)
    assert Update.objects.filter(article=article, first_seen_version=v2).count() == 1
    assert Update.objects.filter(article=article, last_seen_version=v2).count() == 62
    assert Claim.objects.filter(update__article=article, first_seen_version=v2).count() == 1
    assert Claim.objects.filter(update__article=article).exclude(last_seen_version=v2).count() == 0


def test_dropped_update_is_marked_removed_and_comes_back() -> None:
    article_import_text(text=live_text(4), url=URL)
    article_import_text(text=live_text(4, drop=2), url=URL)
    gone = Update.objects.get(label__contains="06.20 Uhr")
    assert gone.status == "removed" and gone.last_seen_version.number == 1
    assert Claim.objects.filter(update=gone).get().status == "current"  # its claims stay as last seen
    article_import_text(text=live_text(5), url=URL)
    gone.refresh_from_db()
    assert gone.status == "current" and gone.last_seen_version.number == 3
    assert Update.objects.filter(label__contains="06.20 Uhr").count() == 1


def test_reworded_update_is_rewritten_and_its_claim_kept() -> None:
    article_import_text(text=live_text(3), url=URL)
    article_import_text(text=live_text(3, reword=2), url=URL)
    update = Update.objects.get(label__contains="06.20 Uhr")
    assert (update.status, update.revision, update.rewritten_in_version.number) == ("rewritten", 2, 2)
    assert "deutlich gestiegen" in update.text
    claim = Claim.objects.get(update=update)
    assert (claim.first_seen_version.number, claim.last_seen_version.number) == (1, 2)


def test_corrected_claim_is_never_overwritten() -> None:
    article_import_text(text=live_text(3), url=URL)
    claim = Claim.objects.filter(speaker_name="Malte Kern").first()
    assert claim is not None
    Claim.objects.filter(pk=claim.pk).update(
        is_corrected=True, speaker_name="Malte Kern (Feuerwehr)", role="Feuerwehrsprecher", verification="verified"
    )
    article_import_text(text=live_text(4), url=URL)
    article = Article.objects.get(url=URL)
    article_reanalyze(article=article)
    claim.refresh_from_db()
    assert (claim.speaker_name, claim.role, claim.verification) == (
        "Malte Kern (Feuerwehr)",
        "Feuerwehrsprecher",
        "verified",
    )
    assert claim.last_seen_version == article.versions.order_by("-number").first()
    # Gone from a later version, a corrected claim is not marked removed either.
    article_import_text(text=live_text(4, drop=1), url=URL)
    claim.refresh_from_db()
    assert claim.status == "current"


def test_reanalyze_is_idempotent() -> None:
    article_import_text(text=live_text(3), url=URL)
    article_import_text(text=live_text(4), url=URL)
    article = Article.objects.get(url=URL)
    before = list(Update.objects.order_by("pk").values_list("pk", "status", "first_seen_version", "last_seen_version"))
    claims = Claim.objects.count()
    assert article_reanalyze(article=article) == Version.objects.filter(article=article).count() == 2
    after = list(Update.objects.order_by("pk").values_list("pk", "status", "first_seen_version", "last_seen_version"))
    assert after == before and Claim.objects.count() == claims
