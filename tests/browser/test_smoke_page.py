"""The browser set-up works: Chromium renders the story list of the sample story."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_story_list_renders_in_chromium(live_server, page, settings, artifacts_dir: Path) -> None:
    settings.STORYLINE_PUBLIC = True
    call_command("load_sample", stdout=StringIO())
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Hochwasser an der Auen").click()
    assert page.locator("ol.timeline li").count() >= 4
    page.screenshot(path=str(artifacts_dir / "foundation-timeline.png"), full_page=True)
