"""Ingested text with markup stays inert in every view, the Atom feed and the JSON exports."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from articles.models import Article, Claim, Outlet, Person, PersonAlias, Story, Update, Version

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'
LINK = '<a href="javascript:alert(1)">klick</a>'
EVIL = f"{SCRIPT} {IMG} {LINK}"


@pytest.fixture
def hostile(settings) -> Story:
    settings.STORYLINE_PUBLIC = True
    settings.STORYLINE_TIMELINE_STAMP_SECONDS = 0
    story = Story.objects.create(slug="evil", title=f"Story {EVIL}", description=EVIL)
    outlet = Outlet.objects.create(name=f"Outlet {IMG}", domain="evil.example")
    article = Article.objects.create(url="https://evil.example/a", outlet=outlet, story=story, title=EVIL)
    now = timezone.now()
    Version.objects.create(article=article, number=1, fetched_at=now, content_hash="1", title=f"Alt {SCRIPT}",
                                text=f"Alt.\n\n{EVIL}")  # fmt: skip
    v2 = Version.objects.create(article=article, number=2, fetched_at=now, content_hash="2", title=f"Neu {IMG}",
                                text=f"Neu {LINK}.\n\n{EVIL} {SCRIPT}")  # fmt: skip
    text = f"Er sagte: „{SCRIPT} und {IMG}“ und {LINK}."
    update = Update.objects.create(
        story=story, article=article, label=f"Update {SCRIPT}", text=text, sort_time=now, headings=[IMG],
        dateline=SCRIPT, first_seen_version=v2, last_seen_version=v2, rewritten_in_version=v2, status="rewritten",
    )  # fmt: skip
    person = Person.objects.create(name=f"Mallory {SCRIPT}", slug="mallory", role=IMG)
    PersonAlias.objects.create(person=person, name=LINK)
    start = text.index(SCRIPT)
    end = start + len(f"{SCRIPT} und {IMG}")
    Claim.objects.create(update=update, story=story, person=person, text=text[start:end], start=start, end=end,
                         spans=[[start, end]], speaker_name=person.name, cue=IMG, source=SCRIPT,
                         verification="disputed", verification_note=LINK)  # fmt: skip
    Claim.objects.create(update=update, story=story, text=SCRIPT, start=0, end=3, speaker_name=f"Unresolved {IMG}",
                         type="indirect")  # fmt: skip
    return story


class TagCollector(HTMLParser):
    """Every start tag the browser would build, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def assert_inert_html(body: str) -> None:
    parser = TagCollector()
    parser.feed(body)
    for tag, attrs in parser.tags:
        assert tag != "img", attrs
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not any(v.strip().lower().startswith("javascript:") for v in attrs.values()), (tag, attrs)
        if tag == "script":
            assert attrs.get("type") == "application/ld+json" or attrs.get("src", "").startswith("/static/"), attrs
    assert "<script>alert" not in body
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S):
        assert "<" not in block
        json.loads(block)


def test_pages_escape_everything(client, hostile: Story) -> None:
    article = hostile.articles.get()
    for url in ["/", "/?q=Story", "/stories/evil/", "/stories/evil/?speaker=mallory", "/stories/evil/?q=alert",
                f"/articles/{article.pk}/diff/?from=1&to=2", f"/articles/{article.pk}/diff/?from=1&to=2&view=full",
                "/people/mallory/", "/stories/evil/new/?since=2000-01-01T00:00:00%2B00:00"]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert_html(response.content.decode())
    assert "&lt;script&gt;" in client.get("/stories/evil/").content.decode()


def test_json_exports_hold_no_markup_characters(client, hostile: Story) -> None:
    for url in ["/api/stories/evil/timeline.json", "/stories/evil/timelinejs.json"]:
        body = client.get(url).content.decode()
        assert "<" not in body and ">" not in body, url
        json.loads(body)
    events = json.loads(client.get("/stories/evil/timelinejs.json").content)["events"]
    # TimelineJS renders these as HTML: they must arrive escaped.
    assert "&lt;script&gt;" in events[0]["text"]["text"] and "<script" not in events[0]["text"]["headline"]
    api = json.loads(client.get("/api/stories/evil/timeline.json").content)
    assert api["updates"][0]["text"].startswith("Er sagte")  # raw text for programs, escaped only as JSON


def test_atom_feed_is_inert(client, hostile: Story) -> None:
    body = client.get("/stories/evil/feed.atom").content.decode()
    assert "<script" not in body and "<img" not in body
    root = ET.fromstring(body)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = root.find("a:entry", ns)
    summary = entry.find("a:summary", ns)
    assert summary.get("type") == "html"
    # The reader unescapes once and renders HTML: what it gets must still be escaped text.
    assert "<script" not in summary.text and "&lt;script&gt;" in summary.text
    assert entry.find("a:title", ns).get("type") in (None, "text")
