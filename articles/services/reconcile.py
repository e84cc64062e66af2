"""Reconcile a version's analysis with the article's existing updates and claims.

Rows are matched by key (see ``articles.core.identity``). Matched rows get
``last_seen_version``; rewritten updates get a new revision; rows missing
from the version are marked removed. Nothing is deleted, and a claim an
editor corrected (``is_corrected``) keeps its content whatever the engine says.
"""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone

from articles import core
from articles.core.identity import claim_key, section_keys, similarity, text_changed
from articles.models import Article, Claim, Update, Version
from articles.models.content import Lifecycle

from .people import people_for_names

REWORDED_SIMILARITY = 0.6


def _section_text(document: core.Document, index: int) -> tuple[str, int]:
    """The stripped text of a section and the document offset where it starts."""
    section = document.sections[index]
    raw = document.text[section.start : section.end]
    lead = len(raw) - len(raw.lstrip())
    return raw.strip(), section.start + lead


def reconcile_document(*, article: Article, version: Version, document: core.Document) -> None:
    existing = {u.key: u for u in Update.objects.filter(article=article).exclude(key="")}
    keys = section_keys(document.sections)
    seen_updates: list[Update] = []
    for index, key in enumerate(keys):
        text, _ = _section_text(document, index)
        if not text:
            continue
        update = _upsert_update(article, version, document, index, key, text, existing.get(key))
        seen_updates.append(update)
    seen_ids = {u.pk for u in seen_updates}
    for update in existing.values():
        if update.pk not in seen_ids and update.status != Lifecycle.REMOVED:
            update.status = Lifecycle.REMOVED
            update.save(update_fields=["status", "edited_at"])
    _reconcile_claims(article, version, document, keys, seen_updates)


def _upsert_update(
    article: Article, version: Version, document: core.Document, index: int, key: str, text: str, update: Update | None
) -> Update:
    section = document.sections[index]
    if update is None:
        update = Update(
            article=article,
            story=article.story,
            key=key,
            first_seen_version=version,
            sort_time=section.timestamp or version.fetched_at,
        )
    elif text_changed(update.text, text):
        update.revision += 1
        update.rewritten_in_version = version
        update.status = Lifecycle.REWRITTEN
    elif update.status == Lifecycle.REMOVED:
        update.status = Lifecycle.CURRENT if update.revision == 1 else Lifecycle.REWRITTEN
    update.kind = section.kind
    update.label = (section.label or "")[:300]
    update.timestamp = section.timestamp
    update.sort_time = section.timestamp or update.sort_time
    update.headings = list(section.headings)
    update.dateline = (section.dateline or "")[:120]
    update.text = text
    update.position = index
    update.last_seen_version = version
    update.save()
    return update


def _reconcile_claims(
    article: Article, version: Version, document: core.Document, keys: list[str], updates: list[Update]
) -> None:
    by_key = {u.key: u for u in updates}
    found: dict[int, list[core.Claim]] = defaultdict(list)
    for claim in document.claims:
        if 0 <= claim.section < len(keys) and keys[claim.section] in by_key:
            found[by_key[keys[claim.section]].pk].append(claim)
    people = people_for_names(
        names=[c.speaker for c in document.claims if c.speaker],
        roles={c.speaker: c.role for c in document.claims if c.speaker and c.role},
    )
    existing: dict[int, list[Claim]] = defaultdict(list)
    for row in Claim.objects.filter(update__in=updates):
        existing[row.update_id].append(row)
    for index, key in enumerate(keys):
        update = by_key.get(key)
        if update is not None:
            _, offset = _section_text(document, index)
            _reconcile_update_claims(update, version, found[update.pk], existing[update.pk], offset, people)


def _reconcile_update_claims(
    update: Update, version: Version, claims: list[core.Claim], rows: list[Claim], offset: int, people: dict
) -> None:
    by_key = {row.key: row for row in rows}
    seen: set[int] = set()
    new_rows: list[Claim] = []
    keys_done: set[str] = set()
    for claim in claims:
        key = claim_key(claim.text)
        if key in keys_done:  # the same sentence quoted twice in one update is one claim
            continue
        keys_done.add(key)
        row = by_key.get(key)
        if row is None:
            row = Claim(update=update, story=update.story, key=key, first_seen_version=version)
            new_rows.append(row)
        if not row.is_corrected:
            _fill_claim(row, claim, offset, people)
            row.status = Lifecycle.CURRENT
        row.last_seen_version = version
        row.save()
        seen.add(row.pk)
    for row in rows:
        if row.pk in seen or row.status == Lifecycle.REMOVED or row.is_corrected:
            continue
        reworded = any(similarity(row.text, new.text) >= REWORDED_SIMILARITY for new in new_rows)
        row.status = Lifecycle.REWRITTEN if reworded else Lifecycle.REMOVED
        row.save(update_fields=["status", "edited_at"])


def _fill_claim(row: Claim, claim: core.Claim, offset: int, people: dict) -> None:
    row.type = claim.type
    row.text = claim.text
    row.start = max(claim.start - offset, 0)
    row.end = max(claim.end - offset, 0)
    row.spans = [[start - offset, end - offset] for start, end in claim.spans]
    row.speaker_name = (claim.speaker or "")[:200]
    row.person = people.get(claim.speaker) if claim.speaker else None
    row.speaker_mention = (claim.speaker_mention.text if claim.speaker_mention else "")[:300]
    row.role = (claim.role or "")[:300]
    row.cue = (claim.cue.text if claim.cue else "")[:100]
    row.source = (claim.source or "")[:200]
    row.addressee = (claim.addressee_mention.text if claim.addressee_mention else "")[:200]
    row.edited_at = timezone.now()
