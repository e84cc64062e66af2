"""The timeline in Chromium: open it, filter by a speaker, open a diff, see new updates arrive."""

from __future__ import annotations

import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Story, Update

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sample(settings) -> Story:
    settings.STORYLINE_PUBLIC = True
    settings.STORYLINE_POLL_SECONDS = 1
    settings.STORYLINE_TIMELINE_STAMP_SECONDS = 0
    call_command("load_sample", stdout=StringIO())
    return Story.objects.get(slug="hochwasser-auen")


def watch_console(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and "favicon" not in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def test_open_timeline_and_filter_by_speaker(live_server, page, sample: Story, artifacts_dir: Path) -> None:
    problems = watch_console(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/stories/{sample.slug}/")
    cards = page.locator("ol.timeline > li.card")
    total = cards.count()
    assert total >= 4
    expect(page.locator("svg.activity")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "timeline-desktop.png"), full_page=True)
    voice = page.locator("a.voice").first
    name = voice.locator(".voice-name").inner_text()
    voice.focus()
    page.keyboard.press("Enter")  # keyboard-reachable
    expect(page.locator("a.voice.active")).to_have_count(1)
    assert 0 < cards.count() < total
    expect(page.locator("ol.timeline .chip", has_text=name).first).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "timeline-speaker-filter.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/stories/{sample.slug}/")
    page.locator("q.claim").first.focus()
    expect(page.locator(".claim-wrap:focus-within .tip").first).to_be_visible()  # details on keyboard focus
    page.screenshot(path=str(artifacts_dir / "timeline-phone.png"), full_page=True)
    assert problems == []


def test_open_the_diff_between_two_versions(live_server, page, sample: Story, artifacts_dir: Path) -> None:
    problems = watch_console(page)
    page.goto(f"{live_server.url}/stories/{sample.slug}/")
    page.get_by_role("link", name="Compare with the version before").first.click()
    expect(page.get_by_role("heading", name="What changed in the article")).to_be_visible()
    assert page.locator(".diff ins").count() > 0
    page.screenshot(path=str(artifacts_dir / "diff-changes-only.png"), full_page=True)
    page.get_by_role("link", name="Show the full text").click()
    expect(page.get_by_role("link", name="Show changes only")).to_be_visible()
    article = Article.objects.get(url__contains="hochwasser-auenstedt")
    page.goto(f"{live_server.url}/articles/{article.pk}/diff/?from=1&to=2")
    page.get_by_role("link", name="Next version →").click()
    expect(page).to_have_url(f"{live_server.url}/articles/{article.pk}/diff/?from=2&to=3")
    assert problems == []


def test_new_updates_notice_appears_and_inserts_without_reload(
    live_server, page, sample: Story, artifacts_dir: Path
) -> None:
    problems = watch_console(page)
    # "New" counts from a second before the page's stamp (a margin for ingestion transactions still
    # committing): let the sample story age past it.
    time.sleep(1.2)
    page.goto(f"{live_server.url}/stories/{sample.slug}/")
    page.evaluate("window.__marker = 'same page'")
    page.mouse.wheel(0, 600)
    Update.objects.create(
        story=sample, origin="editor", kind="update", text="Die Redaktion bestätigt: Der Deich hält.",
        sort_time=timezone.now(),
    )  # fmt: skip
    button = page.locator(".live-button")
    expect(button).to_be_visible(timeout=10_000)
    expect(button).to_have_text("1 new update: show it")
    page.screenshot(path=str(artifacts_dir / "timeline-new-updates-notice.png"))
    button.click()
    first = page.locator("ol.timeline > li.card").first
    expect(first).to_contain_text("Der Deich hält")
    expect(button).to_be_hidden()
    assert page.evaluate("window.__marker") == "same page"  # no reload
    page.screenshot(path=str(artifacts_dir / "timeline-new-update-inserted.png"))
    assert problems == []


def test_german_timeline_and_print(live_server, browser, sample: Story, artifacts_dir: Path) -> None:
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/stories/{sample.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_text("Was sich geändert hat").first).to_be_visible()
    assert "vor" in page.locator(".relative").first.inner_text()  # relative time filled in by the browser
    page.screenshot(path=str(artifacts_dir / "timeline-de.png"), full_page=True)
    page.emulate_media(media="print")
    expect(page.locator(".filters")).to_be_hidden()
    page.screenshot(path=str(artifacts_dir / "timeline-print.png"), full_page=True)
    context.close()


def test_csp_blocks_inline_script_but_keeps_json_ld(live_server, page, sample: Story) -> None:
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{live_server.url}/stories/{sample.slug}/")
    assert violations == []  # the JSON-LD data block and the static script are allowed
    data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["@type"] == "LiveBlogPosting" and data["liveBlogUpdate"]
    ran = page.evaluate(
        """() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true';
                   document.head.appendChild(s); return window.__ran === true; }"""
    )
    assert ran is False and any("script-src" in v for v in violations)
