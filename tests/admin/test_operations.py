"""Admin actions on feeds and articles enqueue the Celery tasks after commit, and change data with a trail."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from articles import tasks
from articles.models import Article, AuditEntry, Claim, Feed, Update
from tests.factories import ArticleFactory, ClaimFactory, StoryFactory, UpdateFactory

pytestmark = pytest.mark.django_db
FEEDS = reverse("admin:articles_feed_changelist")
ARTICLES = reverse("admin:articles_article_changelist")


def _feeds(n: int, **fields) -> list[Feed]:
    return [Feed.objects.create(url=f"https://feeds.example/{i}.xml", **fields) for i in range(n)]


def _run_action(client, url: str, action: str, objects, capture, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in objects], **extra}
    with capture(execute=True) as callbacks:
        response = client.post(url, data, follow=True)
    return response, callbacks


@pytest.mark.parametrize(
    ("url", "action", "task", "make"),
    [
        (FEEDS, "poll_now", tasks.poll_feed, lambda: _feeds(2)),
        (ARTICLES, "refetch", tasks.fetch_article, lambda: ArticleFactory.create_batch(2)),
        (ARTICLES, "reanalyze", tasks.reanalyze_article, lambda: ArticleFactory.create_batch(2)),
    ],
)
def test_actions_enqueue_tasks_on_commit(
    editor, editor_client, django_capture_on_commit_callbacks, url, action, task, make
) -> None:
    objects = make()
    with mock.patch.object(task, "delay") as delay:
        response, callbacks = _run_action(editor_client, url, action, objects, django_capture_on_commit_callbacks)
        assert response.status_code == 200 and "queued" in response.content.decode()
    assert len(callbacks) == 2
    assert sorted(call.args for call in delay.call_args_list) == sorted((o.pk,) for o in objects)
    entries = AuditEntry.objects.filter(action="task", user=editor)
    assert sorted(entries.values_list("object_id", flat=True)) == sorted(o.pk for o in objects)


def test_nothing_is_enqueued_before_commit(editor_client) -> None:
    feed = _feeds(1)[0]
    with mock.patch.object(tasks.poll_feed, "delay") as delay:
        editor_client.post(FEEDS, {"action": "poll_now", ACTION_CHECKBOX_NAME: [feed.pk]})
    delay.assert_not_called()  # the test's transaction never commits


def test_pause_and_resume(editor, editor_client, django_capture_on_commit_callbacks) -> None:
    feeds = _feeds(2)
    _run_action(editor_client, FEEDS, "pause", feeds, django_capture_on_commit_callbacks)
    assert not Feed.objects.filter(is_active=True).exists()
    response, _ = _run_action(editor_client, FEEDS, "resume", feeds[:1], django_capture_on_commit_callbacks)
    assert "1 feed resumed" in response.content.decode()
    resumed = Feed.objects.get(pk=feeds[0].pk)
    assert resumed.is_active and resumed.next_poll_at is not None
    changes = AuditEntry.objects.filter(object_id=feeds[0].pk, action="change").order_by("at", "id")
    assert [e.changes["is_active"] for e in changes] == [
        {"before": True, "after": False},
        {"before": False, "after": True},
    ]


def test_failing_feed_shows_a_badge_and_filters(editor_client) -> None:
    Feed.objects.create(url="https://feeds.example/ok.xml", title="Gesund")
    Feed.objects.create(url="https://feeds.example/bad.xml", title="Kaputt", failure_count=3, last_error="HTTP 503")
    html = editor_client.get(FEEDS).content.decode()
    assert "failing (3)" in html and "HTTP 503" in html
    failing = editor_client.get(FEEDS + "?health=failing")
    assert [f.title for f in failing.context["cl"].result_list] == ["Kaputt"]


def test_move_articles_to_another_story(editor, editor_client, django_capture_on_commit_callbacks) -> None:
    article = ArticleFactory()
    claim = ClaimFactory(update=UpdateFactory(article=article))
    old, new = article.story, StoryFactory(title="Deichbruch")
    page, _ = _run_action(editor_client, ARTICLES, "move_to_story", [article], django_capture_on_commit_callbacks)
    assert "Move articles to another story" in page.content.decode()
    done, _ = _run_action(
        editor_client,
        ARTICLES,
        "move_to_story",
        [article],
        django_capture_on_commit_callbacks,
        confirm="yes",
        story=new.pk,
    )
    assert "moved to “Deichbruch”" in done.content.decode()
    assert Article.objects.get().story == new
    assert Update.objects.get().story == new and Claim.objects.get(pk=claim.pk).story == new
    entry = AuditEntry.objects.get(content_type__model="article", action="change")
    assert entry.changes["story"]["before"].startswith(old.title) and entry.user == editor


def test_journalist_sees_no_actions(journalist_client) -> None:
    ArticleFactory()
    _feeds(1)
    for url in (FEEDS, ARTICLES):
        response = journalist_client.get(url)
        assert response.status_code == 200 and response.context["action_form"] is None


def test_journalist_cannot_run_an_action(journalist_client, django_capture_on_commit_callbacks) -> None:
    feed = _feeds(1)[0]
    with mock.patch.object(tasks.poll_feed, "delay") as delay:
        _run_action(journalist_client, FEEDS, "poll_now", [feed], django_capture_on_commit_callbacks)
        _run_action(journalist_client, FEEDS, "pause", [feed], django_capture_on_commit_callbacks)
    delay.assert_not_called()
    assert Feed.objects.get().is_active
