"""HTML pages shaped like real news sites, written for these tests.

Header navigation, a cookie banner, an <article> with headline, byline,
lead, update markers in <p><strong> (and some in <h2>), quotes, related
links and a footer; a canonical link and og: meta tags in the head.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape


@dataclass
class LivePage:
    title: str
    lead: str
    # (marker label as written, paragraphs); newest first, as live articles show them.
    updates: list[tuple[str, list[str]]] = field(default_factory=list)
    canonical: str | None = None
    author: str = "Lena Albrecht"
    published_iso: str = "2026-03-14T06:40:00+01:00"
    h2_markers: bool = False

    def add_update(self, label: str, *paragraphs: str) -> None:
        self.updates.insert(0, (label, list(paragraphs)))

    def html(self) -> str:
        head = [
            '<meta charset="utf-8">',
            f"<title>{escape(self.title)} | Auentaler Bote</title>",
            f'<meta property="og:title" content="{escape(self.title)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="article:published_time" content="{self.published_iso}">',
        ]
        if self.canonical:
            head.append(f'<link rel="canonical" href="{escape(self.canonical)}">')
            head.append(f'<meta property="og:url" content="{escape(self.canonical)}">')
        body = [
            '<header class="site-header"><nav><a href="/">Start</a> <a href="/region/">Region</a> '
            '<a href="/sport/">Sport</a></nav></header>',
            '<div class="cookie-banner">Wir verwenden Cookies. <button>OK</button></div>',
            "<main><article>",
            f"<h1>{escape(self.title)}</h1>",
            f'<p class="byline">Von: <span class="author">{escape(self.author)}</span></p>',
            f'<p class="lead"><b>{escape(self.lead)}</b></p>',
        ]
        for label, paragraphs in self.updates:
            body.extend(self._update(label, paragraphs))
        body += [
            "</article>",
            '<aside class="related"><h3>Mehr zum Thema</h3><ul><li><a href="/region/pegel">Pegelstände</a></li></ul>'
            "</aside></main>",
            '<footer><p>© Auentaler Bote</p><a href="/impressum">Impressum</a></footer>',
        ]
        return (
            '<!DOCTYPE html>\n<html lang="de"><head>'
            + "".join(head)
            + "</head><body>"
            + "\n".join(body)
            + "</body></html>"
        )

    def _update(self, label: str, paragraphs: list[str]) -> list[str]:
        first, *rest = paragraphs
        if self.h2_markers:
            out = [f"<h2>{escape(label)}:</h2>", f"<p>{escape(first)}</p>"]
        else:
            out = [f"<p><strong>{escape(label)}:</strong> {escape(first)}</p>"]
        return out + [f"<p>{escape(p)}</p>" for p in rest]


def flood_page(canonical: str | None = None) -> LivePage:
    """A live article about the (fictional) flood, with two updates under the first report."""
    page = LivePage(
        title="Hochwasser in Auenstedt: Pegel steigt weiter",
        lead="Nach tagelangem Regen tritt die Auen über die Ufer.",
        canonical=canonical,
    )
    page.add_update(
        "Erstmeldung vom 14. März, 06.40 Uhr",
        "Auenstedt – Der Pegel der Auen ist in der Nacht auf 4,80 Meter gestiegen.",
        "„Wir rechnen damit, dass der Scheitel erst am Sonntagabend erreicht wird“, sagte Bürgermeisterin Vogel.",
    )
    page.add_update(
        "Update vom 14. März, 11.20 Uhr",
        "Die Feuerwehr hat in der Altstadt eine zweite Sandsackbarriere errichtet.",
        "„Die Hilfsbereitschaft ist überwältigend, aber wir brauchen Leute mit Erfahrung“, sagte Malte Kern.",
    )
    return page
