"""Accessibility checks in Chromium, without axe (nothing from npm is needed to run the suite).

Each check below guards something an axe-core audit found or confirmed (docs/timeline.md,
"Accessibility"): named form controls (the admin's split date/time inputs had none), text
alternatives for the charts, heading order, unique landmark names (one "What changed" aside
per card), contrast, links that do not rely on colour alone (the admin's breadcrumbs and
"Show all"), a visible focus ring on every control reached with Tab, no sideways scrolling at a
phone's width, and a print stylesheet that leaves the controls out.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from articles.models import Article, Claim, Person, Story
from articles.roles import EDITORS, ensure_groups

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a11y-test-password-7q1"

# Returns a list of human-readable problems on the current page; [] means it passed.
PAGE_PROBLEMS_JS = r"""
() => {
  const problems = [];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return s.display !== "none" && s.visibility !== "hidden" && r.width > 1 && r.height > 1;
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
  const textOf = (ids) => ids.split(/\s+/).map((id) => document.getElementById(id))
    .filter(Boolean).map((n) => n.textContent.trim()).join(" ").trim();
  const name = (el) => {
    if (el.getAttribute("aria-labelledby")) return textOf(el.getAttribute("aria-labelledby"));
    if (el.getAttribute("aria-label")) return el.getAttribute("aria-label").trim();
    if (el.id) {
      const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (label && label.textContent.trim()) return label.textContent.trim();
    }
    const wrapping = el.closest("label");
    if (wrapping && wrapping.textContent.trim()) return wrapping.textContent.trim();
    return (el.getAttribute("title") || "").trim();
  };

  // 1. Language and one main landmark.
  if (!document.documentElement.lang) problems.push("html has no lang");
  const mains = document.querySelectorAll("main, [role=main]");
  if (mains.length !== 1) problems.push(`${mains.length} main landmarks`);

  // 2. Every form control has an accessible name.
  for (const el of document.querySelectorAll("input, select, textarea")) {
    const type = (el.getAttribute("type") || "").toLowerCase();
    if (["hidden", "submit", "button", "reset", "image"].includes(type)) continue;
    if (el.getAttribute("aria-hidden") === "true" || el.closest("[aria-hidden=true]")) continue;
    if (!name(el)) problems.push(`form control without a name: ${describe(el)}`);
  }

  // 3. Links and buttons have names; images and charts have text alternatives.
  for (const el of document.querySelectorAll("a[href], button")) {
    if (!visible(el) && !el.closest("svg")) continue;
    const svgTitle = el.querySelector("title");
    const text = el.textContent.trim() || el.getAttribute("aria-label") || el.getAttribute("title") ||
      (svgTitle && svgTitle.textContent.trim()) || [...el.querySelectorAll("img[alt]")].map((i) => i.alt).join("") ||
      [...el.querySelectorAll("[title], [aria-label]")].map((i) => i.title || i.getAttribute("aria-label")).join("");
    if (!text) problems.push(`link or button without a name: ${describe(el)}`);
  }
  for (const img of document.querySelectorAll("img")) {
    if (!img.hasAttribute("alt")) problems.push(`img without alt: ${img.src}`);
  }
  for (const svg of document.querySelectorAll("svg")) {
    if (svg.closest("[aria-hidden=true]") || !visible(svg)) continue;
    if (!name(svg) && !svg.querySelector(":scope > title")) {
      problems.push(`svg without a text alternative: ${describe(svg)}`);
    }
  }

  // 4. Headings: exactly one h1, first; no level skipped on the way down.
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")];
  const levels = headings.map((h) => Number(h.tagName[1]));
  if (levels.filter((l) => l === 1).length !== 1) problems.push(`h1 count is ${levels.filter((l) => l === 1).length}`);
  if (levels.length && levels[0] !== 1) problems.push(`first heading is h${levels[0]}`);
  levels.forEach((level, i) => {
    if (i && level > levels[i - 1] + 1) {
      problems.push(`heading jumps h${levels[i - 1]} → h${level}: ${headings[i].textContent.trim().slice(0, 40)}`);
    }
  });

  // 5. Landmarks of one kind are told apart by their names.
  const roles = { aside: "complementary", nav: "navigation", header: "banner", footer: "contentinfo" };
  const seen = new Map();
  const landmarks = "aside, nav, [role=complementary], [role=navigation], [role=region], [role=search], " +
    "section[aria-label], section[aria-labelledby], form[aria-label]";
  for (const el of document.querySelectorAll(landmarks)) {
    const role = el.getAttribute("role") || roles[el.tagName.toLowerCase()] || "region";
    const key = role + "|" + name(el);
    if (seen.has(key)) problems.push(`two ${role} landmarks named "${name(el)}"`);
    seen.set(key, true);
  }

  // 6. Text contrast (WCAG 1.4.3): 4.5:1, or 3:1 for large text, against the first opaque background.
  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const s = getComputedStyle(node);
      if (s.backgroundImage !== "none") return null;  // an icon or gradient: not judged here
      const c = rgb(s.backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] >= 0.99)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const judged = new Set();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!t.textContent.trim() || judged.has(el) || el.closest("svg, option, script, style, select")) continue;
    judged.add(el);
    if (!visible(el)) continue;
    const s = getComputedStyle(el);
    const bg = background(el);
    if (!bg) continue;
    const fg = rgb(s.color);
    const alpha = fg.length === 4 ? fg[3] : 1;
    const blended = fg.slice(0, 3).map((v, i) => v * alpha + bg[i] * (1 - alpha));
    const [hi, lo] = [lum(blended), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      problems.push(`contrast ${ratio.toFixed(2)}:1 for "${t.textContent.trim().slice(0, 30)}" (${describe(el)})`);
    }
  }
  return problems;
}
"""

# The focused element's visible focus indicator (outline, or the chart bar's stroke).
FOCUS_JS = r"""
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  let ring = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  const hit = el.querySelector && el.querySelector(":scope > rect.hit");
  if (hit) {
    const h = getComputedStyle(hit);
    ring = ring || (h.stroke !== "none" && parseFloat(h.strokeWidth) >= 2);
  }
  const cls = el.className && el.className.baseVal !== undefined ? el.className.baseVal : el.className;
  return { tag: el.tagName.toLowerCase(), cls: String(cls),
           text: (el.textContent || "").trim().slice(0, 30), ring, onScreen: r.right > 0 && r.left < innerWidth };
}
"""


@pytest.fixture(scope="module", autouse=True)
def _groups_restored_afterwards(django_db_setup, django_db_blocker):
    """Put the Editors/Journalists groups back when this module is done.

    A transactional test's flush empties every table, and only migrations create the groups, so
    later modules' tests that expect them (tests/browser/test_admin_add_update.py) would fail.
    """
    yield
    with django_db_blocker.unblock():
        ensure_groups(apps)


@pytest.fixture
def sample(settings) -> Story:
    settings.STORYLINE_PUBLIC = True
    call_command("load_sample", stdout=StringIO())
    return Story.objects.get(slug="hochwasser-auen")


def assert_accessible(page, url: str) -> None:
    page.goto(url)
    problems = page.evaluate(PAGE_PROBLEMS_JS)
    assert problems == [], f"{url}: {problems}"


def test_reader_pages_pass_the_checks_in_english_and_german(live_server, browser, sample: Story) -> None:
    article = Article.objects.get(url__contains="hochwasser-auenstedt")
    person = Person.objects.filter(claims__isnull=False).order_by("pk").first()
    assert person is not None
    base = live_server.url
    urls = [
        f"{base}/",
        f"{base}/stories/{sample.slug}/",
        f"{base}/stories/{sample.slug}/?speaker={person.slug}&type=direct",
        f"{base}/articles/{article.pk}/diff/?from=1&to=3",
        f"{base}/articles/{article.pk}/diff/?from=1&to=3&view=full",
        f"{base}/people/{person.slug}/",
    ]
    for language in ("en", "de"):
        context = browser.new_context(extra_http_headers={"Accept-Language": language})
        page = context.new_page()
        for url in urls:
            assert_accessible(page, url)
        assert page.evaluate("document.documentElement.lang") == language
        context.close()


def test_keyboard_focus_is_visible_and_reaches_the_controls(live_server, page, sample: Story) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/stories/{sample.slug}/")
    reached = []
    for _ in range(45):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_JS)
        assert focused is not None, f"Tab left the page after {[f['text'] for f in reached]}"
        assert focused["ring"], f"no visible focus ring on {focused}"
        assert focused["onScreen"], f"focused element is off screen: {focused}"
        reached.append(focused)
    classes = " ".join(f["cls"] for f in reached)
    tags = {f["tag"] for f in reached}
    assert reached[0]["cls"] == "skip-link"
    assert "bar" in classes, "the chart's bars are not reachable with Tab"
    assert "voice" in classes, "the voices chart is not reachable with Tab"
    assert {"select", "input", "button"} <= tags, "the filters are not reachable with Tab"
    assert "permalink" in classes, "no timeline card reached"


def test_phone_width_and_print(live_server, page, sample: Story) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    article = Article.objects.get(url__contains="hochwasser-auenstedt")
    for path in ("/", f"/stories/{sample.slug}/", f"/articles/{article.pk}/diff/?from=1&to=3"):
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways at 390 px ({width} px wide)"
    page.goto(f"{live_server.url}/stories/{sample.slug}/")
    tick_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.ticks .tick')).fontSize)")
    assert tick_size >= 11, "the chart's time axis is unreadable at phone width"
    rows = page.evaluate(
        "[...document.querySelectorAll('.filters .field select')].map(s => s.getBoundingClientRect().top)"
    )
    assert len(rows) > len(set(rows)), "the filters take one row each at phone width"
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "['.site-header', '.filters', '.charts', '.live-notice']"
        ".map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none"] * 4
    assert page.locator("ol.timeline > li.card").first.is_visible()


def test_editor_pages_pass_the_checks(live_server, page) -> None:
    call_command("load_sample", stdout=StringIO())
    ensure_groups(apps)  # a transactional test's flush may have emptied the groups table
    user = User.objects.create_user("erika", "erika@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    claim = Claim.objects.order_by("pk").first()
    assert claim is not None
    base = live_server.url
    page.goto(f"{base}/admin/")
    page.fill("#id_username", "erika")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    for path in ("/admin/", f"/admin/articles/claim/{claim.pk}/change/", "/admin/articles/update/add/"):
        assert_accessible(page, base + path)
    # The split date/time inputs are named after the field (they had no name at all).
    names = [page.get_attribute(f"#id_timestamp_{i}", "aria-label") for i in (0, 1)]
    assert all(names) and names[0] != names[1], names
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/admin/articles/claim/?q=zzzz-no-match")
    decorations = page.evaluate(
        "[...document.querySelectorAll('div.breadcrumbs a, #changelist-search .small a')]"
        ".map(a => getComputedStyle(a).textDecorationLine)"
    )
    assert decorations and all("underline" in d for d in decorations), decorations
