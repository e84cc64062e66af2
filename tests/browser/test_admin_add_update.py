"""An editor adds an update through the admin pages in Chromium; it appears on the timeline with its claim."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from articles.models import Claim, Feed, Story, Update
from articles.roles import EDITORS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-test-password-4k2"
TEXT = (
    "Die Stadt öffnet am Abend eine zweite Notunterkunft in der Turnhalle am Markt. "
    "„Niemand muss heute Nacht im Keller schlafen“, sagte Katrin Vogel. "
    "Decken und warme Getränke bringt das Rote Kreuz."
)


def _login(page, base: str) -> None:
    page.goto(f"{base}/admin/")
    page.fill("#id_username", "erika")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")


def test_editor_adds_update_in_chromium(live_server, page, artifacts_dir: Path) -> None:
    call_command("load_sample", stdout=StringIO())
    Feed.objects.create(url="https://auentaler-bote.example/feed.xml", title="Auentaler Bote")
    Feed.objects.create(
        url="https://auental-tv.example/rss",
        title="Auental TV",
        failure_count=4,
        last_error="HTTP 503 Service Unavailable",
    )
    user = User.objects.create_user("erika", "erika@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    story = Story.objects.get(slug="hochwasser-auen")
    page.set_viewport_size({"width": 1280, "height": 900})
    _login(page, live_server.url)
    assert page.locator("#site-name").inner_text() == "Storyline newsroom"

    page.goto(f"{live_server.url}/admin/articles/story/{story.pk}/change/")
    page.screenshot(path=str(artifacts_dir / "editors-story-change.png"), full_page=True)
    page.get_by_role("link", name="Add update").click()
    page.wait_for_selector("#update_form")
    assert page.input_value("#id_timestamp_0"), "the time defaults to now"
    page.fill("#id_label", "Zweite Notunterkunft öffnet")
    page.fill("#id_text", TEXT)
    page.screenshot(path=str(artifacts_dir / "editors-add-update.png"), full_page=True)
    page.click("input[name=_save]")

    page.wait_for_selector("ul.messagelist")
    assert "1 claim was found" in page.locator("ul.messagelist").inner_text()
    assert "Niemand muss heute Nacht im Keller schlafen" in page.locator("#claims-group").inner_text()
    page.screenshot(path=str(artifacts_dir / "editors-update-claims.png"), full_page=True)

    update = Update.objects.get(label="Zweite Notunterkunft öffnet")
    assert update.origin == "editor" and update.created_by == user
    claim = Claim.objects.get(update=update)
    assert claim.person is not None and claim.person.name == "Katrin Vogel"

    # Review: mark the claim disputed right there; the change is on the claim's own page.
    page.select_option("#id_claims-0-verification", "disputed")
    page.fill("#id_claims-0-verification_note", "Die Stadt nennt andere Zahlen.")
    page.click("input[name=_continue]")
    page.wait_for_selector("ul.messagelist")
    claim.refresh_from_db()
    assert claim.verification == "disputed" and claim.is_corrected
    page.goto(f"{live_server.url}/admin/articles/claim/{claim.pk}/change/")
    assert "Die Stadt nennt andere Zahlen." in page.locator("#audit-trail").inner_text()
    page.screenshot(path=str(artifacts_dir / "editors-claim-change.png"), full_page=True)
    page.goto(f"{live_server.url}/admin/articles/claim/{claim.pk}/history/")
    page.screenshot(path=str(artifacts_dir / "editors-claim-history.png"), full_page=True)
    for name in ("claim", "feed", "article", "person", "update", "story"):
        page.goto(f"{live_server.url}/admin/articles/{name}/")
        page.screenshot(path=str(artifacts_dir / f"editors-{name}-list.png"), full_page=True)
    article = update.story.articles.first()
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.screenshot(path=str(artifacts_dir / "editors-article-change.png"), full_page=True)

    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    assert page.locator(f"#update-{update.pk}").inner_text().count("Notunterkunft") >= 1
    page.screenshot(path=str(artifacts_dir / "editors-timeline.png"), full_page=True)
