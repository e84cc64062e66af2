"""Reconcile a version's analysis with the article's existing updates and claims.

Rows are matched by key (see ``articles.core.identity``). Matched rows get
``last_seen_version``; rewritten updates get a new revision; rows missing
from the version are marked removed. Nothing is deleted, and a claim an
editor corrected (``is_corrected``) keeps its content whatever the engine says.

Cost: a constant number of queries per version, whatever the number of
updates and claims. Rows whose content is unchanged are only moved forward
(one UPDATE for all of them); only new or changed rows are written one by one
in bulk. So a new update on a 60-update article touches what changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import F
from django.utils import timezone

from articles import core
from articles.core.identity import claim_key, section_keys, similarity, text_changed
from articles.models import Article, Claim, Person, Update, Version
from articles.models.content import Lifecycle

from .people import people_for_names

REWORDED_SIMILARITY = 0.6
UPDATE_FIELDS = ["kind", "label", "timestamp", "sort_time", "headings", "dateline", "text", "position"]
CLAIM_FIELDS = ["type", "text", "start", "end", "spans", "speaker_name", "speaker_mention", "role", "cue", "source"]
CLAIM_FIELDS += ["addressee"]


@dataclass
class _Plan:
    """Rows to write, grouped by the kind of write."""

    create: list[Any] = field(default_factory=list)
    change: list[Any] = field(default_factory=list)
    touch: list[int] = field(default_factory=list)
    # Rows that only moved (a new update on top shifts all below it): id lists by position delta.
    moved: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))


def _is_newer(version: Version | None, last_seen_id: int | None) -> bool:
    """Whether ``version`` moves a row's life forward. Replaying older versions (re-analysis, a page
    reverted to an earlier state) must neither move ``last_seen_version`` back nor count a rewrite again."""
    return version is not None and (last_seen_id is None or version.pk > last_seen_id)


def _section_text(document: core.Document, index: int) -> tuple[str, int]:
    """The stripped text of a section and the document offset where it starts."""
    section = document.sections[index]
    raw = document.text[section.start : section.end]
    lead = len(raw) - len(raw.lstrip())
    return raw.strip(), section.start + lead


def reconcile_document(*, article: Article, version: Version, document: core.Document) -> None:
    """Bring the article's Update and Claim rows in line with ``document`` as seen in ``version``."""
    now = timezone.now()
    existing = {u.key: u for u in Update.objects.filter(article=article).exclude(key="")}
    keys = section_keys(document.sections)
    plan, seen = _Plan(), {}
    for index, key in enumerate(keys):
        text, _ = _section_text(document, index)
        if text:
            seen[key] = _plan_update(
                plan, article, version, document.sections[index], index, key, text, existing.get(key)
            )
    _write_updates(plan, version, now)
    gone = [u.pk for key, u in existing.items() if key not in seen and u.status != Lifecycle.REMOVED]
    Update.objects.filter(pk__in=gone).update(status=Lifecycle.REMOVED, edited_at=now)
    # The claims of a removed update keep their state as last seen: the timeline shows the update as
    # removed, and what was said then stays on record.
    _reconcile_claims(version, document, keys, seen, now)


def _plan_update(
    plan: _Plan,
    article: Article,
    version: Version,
    section: core.Section,
    index: int,
    key: str,
    text: str,
    row: Update | None,
) -> Update:
    wanted = {
        "kind": section.kind,
        "label": (section.label or "")[:300],
        "timestamp": section.timestamp,
        "headings": list(section.headings),
        "dateline": (section.dateline or "")[:120],
        "text": text,
        "position": index,
    }
    if row is None:
        row = Update(
            article=article, story_id=article.story_id, key=key, first_seen_version=version, last_seen_version=version
        )
        for name, value in wanted.items():
            setattr(row, name, value)
        row.sort_time = section.timestamp or version.fetched_at
        plan.create.append(row)
        return row
    changed = [name for name, value in wanted.items() if getattr(row, name) != value]
    newer = _is_newer(version, row.last_seen_version_id)
    if "text" in changed and text_changed(row.text, text) and newer:
        row.revision += 1
        row.rewritten_in_version = version
        row.status = Lifecycle.REWRITTEN
    elif row.status == Lifecycle.REMOVED:
        row.status = Lifecycle.CURRENT if row.revision == 1 else Lifecycle.REWRITTEN
        changed.append("status")
    if newer and row.sort_time == (section.timestamp or row.sort_time) and changed in ([], ["position"]):
        if changed:
            plan.moved[index - row.position].append(row.pk)
            row.position = index
        else:
            plan.touch.append(row.pk)
        return row
    for name, value in wanted.items():
        setattr(row, name, value)
    row.sort_time = section.timestamp or row.sort_time
    if newer:
        row.last_seen_version = version
    plan.change.append(row)
    return row


def _write_updates(plan: _Plan, version: Version, now: datetime) -> None:
    for row in plan.create:
        row.created_at = row.edited_at = now
    Update.objects.bulk_create(plan.create)
    for row in plan.change:
        row.edited_at = now
    fields = [*UPDATE_FIELDS, "last_seen_version", "rewritten_in_version", "status", "revision", "edited_at"]
    Update.objects.bulk_update(plan.change, fields)
    Update.objects.filter(pk__in=plan.touch).update(last_seen_version=version)
    for delta, ids in plan.moved.items():  # one UPDATE per shift, not a CASE per row
        Update.objects.filter(pk__in=ids).update(position=F("position") + delta, last_seen_version=version)


def _claims_by_update(document: core.Document, keys: list[str], seen: dict[str, Update]) -> dict[str, list[core.Claim]]:
    """The document's claims per update key; the same sentence quoted twice in one update is one claim."""
    found: dict[str, dict[str, core.Claim]] = defaultdict(dict)
    for claim in document.claims:
        if 0 <= claim.section < len(keys) and keys[claim.section] in seen:
            found[keys[claim.section]].setdefault(claim_key(claim.text), claim)
    return {key: list(claims.values()) for key, claims in found.items()}


def _claim_values(claim: core.Claim, offset: int) -> dict[str, Any]:
    return {
        "type": claim.type,
        "text": claim.text,
        "start": max(claim.start - offset, 0),
        "end": max(claim.end - offset, 0),
        "spans": [[start - offset, end - offset] for start, end in claim.spans],
        "speaker_name": (claim.speaker or "")[:200],
        "speaker_mention": (claim.speaker_mention.text if claim.speaker_mention else "")[:300],
        "role": (claim.role or "")[:300],
        "cue": (claim.cue.text if claim.cue else "")[:100],
        "source": (claim.source or "")[:200],
        "addressee": (claim.addressee_mention.text if claim.addressee_mention else "")[:200],
    }


def _reconcile_claims(
    version: Version, document: core.Document, keys: list[str], seen: dict[str, Update], now: datetime
) -> None:
    offsets = {key: _section_text(document, index)[1] for index, key in enumerate(keys) if key in seen}
    wanted = _claims_by_update(document, keys, seen)
    groups = [(update, wanted.get(key, []), offsets[key]) for key, update in seen.items()]
    _reconcile_claim_groups(groups, version, now)


def update_claims_reconcile(*, update: Update, claims: Sequence[core.Claim], offset: int = 0) -> None:
    """Bring one update's claims in line with ``claims`` (offsets into the update's text minus ``offset``).

    Used for updates that belong to no version (written by editors); the same rules apply:
    corrected claims keep their content, vanished ones are marked, nothing is deleted.
    """
    unique: dict[str, core.Claim] = {}
    for claim in claims:  # the same sentence quoted twice is one claim
        unique.setdefault(claim_key(claim.text), claim)
    _reconcile_claim_groups([(update, list(unique.values()), offset)], None, timezone.now())


def _reconcile_claim_groups(
    groups: list[tuple[Update, list[core.Claim], int]], version: Version | None, now: datetime
) -> None:
    """Match each update's wanted claims against its rows; one read and a few bulk writes in all."""
    rows: dict[int, dict[str, Claim]] = defaultdict(dict)
    known_ids = [update.pk for update, _, _ in groups if update.pk is not None]
    for row in Claim.objects.filter(update_id__in=known_ids):
        rows[row.update_id][row.key] = row
    plan, vanished = _Plan(), []
    pending: list[tuple[Claim, dict[str, Any]]] = []
    for update, claims, offset in groups:
        existing = rows.get(update.pk, {})
        new_here: list[str] = []
        for claim in claims:
            values = _claim_values(claim, offset)
            ckey = claim_key(claim.text)
            found = existing.get(ckey)
            if found is None:
                row = Claim(update=update, story_id=update.story_id, key=ckey, first_seen_version=version)
                plan.create.append(row)
                new_here.append(claim.text)
                pending.append((row, values))
            elif found.is_corrected or _same(found, values):
                if _is_newer(version, found.last_seen_version_id):
                    plan.touch.append(found.pk)
            else:
                plan.change.append(found)
                pending.append((found, values))
        vanished += _vanished(existing, {claim_key(c.text) for c in claims}, new_here)
    people = people_for_names(
        names=[values["speaker_name"] for _, values in pending if values["speaker_name"]],
        roles={v["speaker_name"]: v["role"] for _, v in pending if v["speaker_name"] and v["role"]},
    )
    for row, values in pending:
        _fill(row, values, people, version, now)
    _write_claims(plan, version, vanished, now)


def _same(row: Claim, values: dict[str, Any]) -> bool:
    if row.status != Lifecycle.CURRENT:
        return False
    if values["speaker_name"] and row.person_id is None:
        return False
    return all(getattr(row, name) == value for name, value in values.items())


def _vanished(existing: dict[str, Claim], present: set[str], new_texts: list[str]) -> list[tuple[int, str]]:
    """(claim id, new status) for claims missing from the version: rewritten if a similar new one appeared."""
    out: list[tuple[int, str]] = []
    for ckey, row in existing.items():
        if ckey in present or row.status == Lifecycle.REMOVED or row.is_corrected:
            continue
        reworded = any(similarity(row.text, text) >= REWORDED_SIMILARITY for text in new_texts)
        status = Lifecycle.REWRITTEN if reworded else Lifecycle.REMOVED
        if row.status != status:
            out.append((row.pk, status))
    return out


def _fill(
    row: Claim, values: dict[str, Any], people: dict[str, Person], version: Version | None, now: datetime
) -> None:
    for name, value in values.items():
        setattr(row, name, value)
    row.person = people.get(values["speaker_name"]) if values["speaker_name"] else None
    row.status = Lifecycle.CURRENT
    if row.pk is None or _is_newer(version, row.last_seen_version_id):
        row.last_seen_version = version
    row.edited_at = now
    if row.pk is None:
        row.created_at = now


def _write_claims(plan: _Plan, version: Version | None, vanished: list[tuple[int, str]], now: datetime) -> None:
    for row in plan.create:
        row.update_id = row.update.pk  # the update may have been created in bulk after the claim was planned
    Claim.objects.bulk_create(plan.create)
    fields = [*CLAIM_FIELDS, "person", "status", "last_seen_version", "edited_at"]
    Claim.objects.bulk_update(plan.change, fields)
    Claim.objects.filter(pk__in=plan.touch).update(last_seen_version=version)
    for status in (Lifecycle.REWRITTEN, Lifecycle.REMOVED):
        ids = [pk for pk, wanted in vanished if wanted == status]
        Claim.objects.filter(pk__in=ids).update(status=status, edited_at=now)
