"""Template helpers for the timeline pages.

Every helper that returns markup builds it with ``format_html`` /
``format_html_join``, which escape each piece of text before wrapping it:
ingested text never reaches a page unescaped.
"""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from articles.core.highlight import ClaimSpans, Segment, paragraphs
from articles.models import Claim, Update
from articles.selectors.timeline import TimelineFilters

register = template.Library()

# The escapes Django's json_script uses: no "<", ">" or "&" survives, so the
# payload can never close its <script> element or open a new one.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def claim_spans(claims: list[Claim]) -> list[ClaimSpans]:
    return [
        ClaimSpans(
            index=index,
            start=claim.start,
            end=claim.end,
            spans=tuple(
                (int(s[0]), int(s[1])) for s in (claim.spans or []) if isinstance(s, list | tuple) and len(s) == 2
            ),
            direct=claim.type == Claim.Type.DIRECT,
        )
        for index, claim in enumerate(claims)
    ]


def _claim_details(claim: Claim, tip_id: str) -> SafeString:
    rows = [(_("Type"), claim.get_type_display())]
    rows += [(label, value) for label, value in ((_("Cue"), claim.cue), (_("Source"), claim.source)) if value]
    if claim.addressee:
        rows.append((_("Addressed to"), claim.addressee))
    rows.append((_("Verification"), claim.get_verification_display()))
    if claim.verification_note:
        rows.append((_("Note"), claim.verification_note))
    items = format_html_join("", '<span class="tip-row"><b>{}:</b> {}</span>', rows)
    return format_html('<span class="tip" role="tooltip" id="{}">{}</span>', tip_id, items)


def _chip(claim: Claim) -> SafeString:
    # An unnamed speaker still has a role to show: "Sprecher der Polizei".
    name = claim.person.name if claim.person else (claim.speaker_name or claim.role)
    badge = ""
    if claim.verification != Claim.Verification.UNVERIFIED:
        badge = format_html(
            ' <span class="verdict verdict-{}">{}</span>', claim.verification, claim.get_verification_display()
        )
    if claim.person:
        return format_html(' <a class="chip" href="{}">{}</a>{}', claim.person.get_absolute_url(), name, badge)
    if name:
        return format_html(' <span class="chip chip-unresolved">{}</span>{}', name, badge)
    return format_html("{}", badge)


def _segment(segment: Segment, claims: list[Claim], prefix: str) -> SafeString:
    if segment.claim is None:
        return format_html("{}", segment.text)
    claim = claims[segment.claim]
    tip_id = f"{prefix}-c{claim.pk}"
    css = f"claim claim-{claim.type} verdict-border-{claim.verification}" + (" quoted" if segment.quoted else "")
    tag = "q" if claim.type == Claim.Type.DIRECT else "span"
    body = format_html(
        '<{} class="{}" tabindex="0" aria-describedby="{}" data-claim="{}">{}</{}>',
        tag, css, tip_id, claim.pk, segment.text, tag,
    )  # fmt: skip
    if not segment.last:
        return body
    return format_html('<span class="claim-wrap">{}{}</span>{}', body, _claim_details(claim, tip_id), _chip(claim))


@register.simple_tag
def highlighted_text(update: Update) -> SafeString:
    """The update's text as paragraphs, claims highlighted with their speaker chips and details."""
    claims = [c for c in update.claims.all() if c.status != "removed"]
    prefix = f"u{update.pk}"
    headings = {heading.strip() for heading in update.headings or []}
    parts = []
    for paragraph in paragraphs(update.text, claim_spans(claims)):
        inner = SafeString("".join(_segment(segment, claims, prefix) for segment in paragraph))
        # A heading inside the update's text is set as a subhead where it stands.
        is_heading = "".join(segment.text for segment in paragraph).strip() in headings
        parts.append(format_html('<h4 class="subhead">{}</h4>' if is_heading else "<p>{}</p>", inner))
    return SafeString("".join(parts))


@register.filter
def leading_headings(update: Update) -> list[str]:
    """The update's headings that stand before its text (the rest are set inline by highlighted_text)."""
    in_text = {paragraph.strip() for paragraph in update.text.split("\n")}
    return [heading for heading in update.headings or [] if heading.strip() not in in_text]


@register.simple_tag
def ld_json(data: dict[str, Any]) -> SafeString:
    """A schema.org JSON-LD data block. It is data, not script: CSP does not execute it."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    # The payload holds no "<", ">" or "&" after the translation above (as in json_script).
    return format_html('<script type="application/ld+json">{}</script>', SafeString(payload))


@register.simple_tag
def filter_query(filters: TimelineFilters, **changes: Any) -> str:
    """The timeline query string with ``changes`` applied to the current filters (escaped by the template)."""
    return "?" + filters.query(**changes)


@register.filter
def mod8(value: int) -> int:
    """A colour slot for chart groups (the stylesheet defines eight)."""
    return int(value) % 8
