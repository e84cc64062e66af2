"""The editors' writes: their own updates, claim corrections, merging people.

Every function records an ``AuditEntry`` (who, when, field-level before/after)
in the same transaction as the change, so the trail is complete whichever door
the change came through (admin, command, script). Arguments are keyword-only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.core.claims import extract_claims
from articles.core.identity import claim_key
from articles.core.types import Claim as CoreClaim
from articles.core.types import Section, SectionKind
from articles.models import Article, AuditEntry, Claim, Person, PersonAlias, Story, Update
from articles.models.content import Origin

from .audit import (
    audit_reassignments,
    audit_record,
    audit_record_many,
    field_changes,
    instance_snapshot,
)
from .reconcile import update_claims_reconcile


class _Keep:
    """Marks an argument the caller did not pass: the field keeps its value."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()
UPDATE_FIELDS = ("story", "article", "kind", "label", "timestamp", "text")
CLAIM_FIELDS = ("person", "speaker_name", "type", "start", "end", "text", "verification", "verification_note")
DEFAULT_LANGUAGE = "de"


def _normalise_text(text: str) -> str:
    """Browsers send CRLF from a textarea; offsets are kept over LF-only text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _language_of(*, story: Story | None, article: Article | None) -> str:
    if article is not None:
        return article.language or DEFAULT_LANGUAGE
    latest = Article.objects.filter(story=story).order_by("-first_seen_at").values_list("language", flat=True).first()
    return latest or DEFAULT_LANGUAGE


def _run_engine(text: str, kind: str, lang: str) -> tuple[CoreClaim, ...]:
    """The same claim extraction the ingestion uses, over one section spanning the whole text."""
    sections = (Section(kind=cast(SectionKind, kind), start=0, end=len(text)),)
    return extract_claims(text, sections, lang=lang)


def _extract_into(update: Update, lang: str) -> None:
    """(Re-)extract the claims of an editor's update; corrected claims keep their content."""
    found = _run_engine(update.text, update.kind, lang)
    update_claims_reconcile(update=update, claims=found)


def _check_update(*, story: Story | None, text: str, kind: str) -> None:
    errors: dict[str, str] = {}
    if story is None:
        errors["story"] = "Choose the story this update belongs to."
    if not text:
        errors["text"] = "An update needs a text."
    if kind not in Update.Kind.values:
        errors["kind"] = f"Unknown kind {kind!r}."
    if errors:
        raise ValidationError(errors)


def update_create_by_editor(
    *,
    user: Any,
    story: Story | None,
    text: str,
    kind: str = Update.Kind.UPDATE,
    heading: str = "",
    timestamp: datetime | None = None,
    article: Article | None = None,
) -> Update:
    """Create an editor's update on ``story`` (origin "editor") and extract its claims.

    ``story`` defaults to the article's story. ``timestamp`` defaults to now. The
    heading is stored as the update's label, which the timeline shows as its title.
    """
    story = story or (article.story if article is not None else None)
    text = _normalise_text(text)
    _check_update(story=story, text=text, kind=kind)
    when = timestamp or timezone.now()
    with transaction.atomic():
        update = Update.objects.create(
            story=story,
            article=article,
            origin=Origin.EDITOR,
            kind=kind,
            label=heading.strip()[:300],
            timestamp=when,
            sort_time=when,
            text=text,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        _extract_into(update, _language_of(story=story, article=article))
        after = instance_snapshot(instance=update, fields=UPDATE_FIELDS)
        audit_record(
            user=user, instance=update, action=AuditEntry.Action.CREATE, changes=field_changes(before={}, after=after)
        )
    return update


def update_edit_by_editor(
    *,
    user: Any,
    update: Update,
    story: Any = KEEP,
    text: Any = KEEP,
    kind: Any = KEEP,
    heading: Any = KEEP,
    timestamp: Any = KEEP,
) -> Update:
    """Change an editor's update; a new text re-extracts its claims (corrected ones are kept)."""
    if update.origin != Origin.EDITOR and (text is not KEEP or heading is not KEEP or timestamp is not KEEP):
        raise ValidationError("The text of an ingested update comes from its article and cannot be edited.")
    fresh = Update.objects.select_related("story", "article").get(pk=update.pk)
    before = instance_snapshot(instance=fresh, fields=UPDATE_FIELDS)
    new_values = {"story": story, "kind": kind, "timestamp": timestamp}
    new_values["label"] = heading.strip()[:300] if heading is not KEEP else KEEP
    new_values["text"] = _normalise_text(text) if text is not KEEP else KEEP
    for name, value in new_values.items():
        if value is not KEEP:
            setattr(fresh, name, value)
    _check_update(story=fresh.story, text=fresh.text, kind=fresh.kind)
    if fresh.timestamp is not None:
        fresh.sort_time = fresh.timestamp
    changes = field_changes(before=before, after=instance_snapshot(instance=fresh, fields=UPDATE_FIELDS))
    if not changes:
        return fresh
    with transaction.atomic():
        fresh.save()
        if "story" in changes:
            Claim.objects.filter(update=fresh).update(story=fresh.story)
        if "text" in changes or "kind" in changes:
            _extract_into(fresh, _language_of(story=fresh.story, article=fresh.article))
        audit_record(user=user, instance=fresh, action=AuditEntry.Action.CHANGE, changes=changes)
    return fresh


def _check_span(update: Update, start: int, end: int) -> None:
    length = len(update.text)
    if not 0 <= start < end <= length:
        raise ValidationError(
            {"end": f"The span must satisfy 0 ≤ start < end ≤ {length} (the length of the update's text)."}
        )


def _check_choices(values: dict[str, Any]) -> None:
    if values.get("type", KEEP) not in (KEEP, *Claim.Type.values):
        raise ValidationError({"type": f"Unknown claim type {values['type']!r}."})
    if values.get("verification", KEEP) not in (KEEP, *Claim.Verification.values):
        raise ValidationError({"verification": f"Unknown verification status {values['verification']!r}."})


def _apply_claim_values(claim: Claim, values: dict[str, Any]) -> None:
    """Set the given fields; a new span re-reads the text, a new person sets the resolved name."""
    for name, value in values.items():
        if value is not KEEP:
            setattr(claim, name, value)
    if values.get("start", KEEP) is not KEEP or values.get("end", KEEP) is not KEEP:
        _check_span(claim.update, claim.start, claim.end)
        claim.text = claim.update.text[claim.start : claim.end]
        claim.spans = [[claim.start, claim.end]]
        # The key follows the text, so the engine recognises the corrected claim in later versions.
        claim.key = _free_claim_key(claim.update, claim.text, exclude=claim.pk) or claim.key
    if values.get("person", KEEP) is not KEEP:
        claim.speaker_name = claim.person.name[:200] if claim.person else ""


def _free_claim_key(update: Update, text: str, *, exclude: int | None = None) -> str | None:
    """The identity key for ``text`` in ``update``, or None when another claim there already has it."""
    key = claim_key(text)
    others = Claim.objects.filter(update=update, key=key)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    return None if others.exists() else key


def claim_correct(
    *,
    user: Any,
    claim: Claim,
    person: Any = KEEP,
    type: Any = KEEP,
    start: Any = KEEP,
    end: Any = KEEP,
    verification: Any = KEEP,
    verification_note: Any = KEEP,
) -> Claim:
    """Correct a claim: speaker, type, span (offsets into the update's text), verification.

    Any actual change marks the claim ``is_corrected``; re-analysis and later
    versions then leave its content alone (see ``services.reconcile``). A call
    that changes nothing records nothing and does not mark the claim.
    """
    values = {"person": person, "type": type, "start": start, "end": end}
    values |= {"verification": verification, "verification_note": verification_note}
    _check_choices(values)
    with transaction.atomic():
        fresh = Claim.objects.select_for_update(of=("self",)).select_related("update", "person").get(pk=claim.pk)
        before = instance_snapshot(instance=fresh, fields=CLAIM_FIELDS)
        _apply_claim_values(fresh, values)
        changes = field_changes(before=before, after=instance_snapshot(instance=fresh, fields=CLAIM_FIELDS))
        if not changes:
            return fresh
        fresh.is_corrected = True
        fresh.save()
        audit_record(user=user, instance=fresh, action=AuditEntry.Action.CHANGE, changes=changes)
    return fresh


def claim_create_by_editor(
    *,
    user: Any,
    update: Update,
    start: int,
    end: int,
    type: str = Claim.Type.DIRECT,
    person: Person | None = None,
    verification: str = Claim.Verification.UNVERIFIED,
    verification_note: str = "",
) -> Claim:
    """Add a claim the engine missed, by its span in the update's text (marked corrected).

    The claim gets the engine's key for its text, so a later extraction that finds the same
    words matches it instead of adding a duplicate.
    """
    _check_choices({"type": type, "verification": verification})
    _check_span(update, start, end)
    key = _free_claim_key(update, update.text[start:end])
    if key is None:
        raise ValidationError({"start": "This update already has a claim with exactly these words; correct that one."})
    with transaction.atomic():
        claim = Claim.objects.create(
            update=update,
            key=key,
            story=update.story,
            person=person,
            speaker_name=person.name[:200] if person else "",
            type=type,
            text=update.text[start:end],
            start=start,
            end=end,
            spans=[[start, end]],
            verification=verification,
            verification_note=verification_note,
            is_corrected=True,
        )
        after = instance_snapshot(instance=claim, fields=CLAIM_FIELDS)
        audit_record(
            user=user, instance=claim, action=AuditEntry.Action.CREATE, changes=field_changes(before={}, after=after)
        )
    return claim


def person_claims_renamed(*, person: Person) -> int:
    """After a person's name changed: their claims carry the new resolved name, and their edit time
    moves so the timelines that show them redraw their cached cards. Returns the claims touched."""
    return Claim.objects.filter(person=person).update(speaker_name=person.name[:200], edited_at=timezone.now())


@dataclass(frozen=True)
class MergeResult:
    target: Person
    merged: int
    claims_moved: int
    aliases_added: int


def _move_aliases(target: Person, others: list[Person]) -> int:
    """Every name of ``others`` (their names and aliases) becomes an alias of ``target``."""
    names = [p.name for p in others] + list(
        PersonAlias.objects.filter(person__in=others).values_list("name", flat=True)
    )
    known = {target.name.casefold()} | {n.casefold() for n in target.aliases.values_list("name", flat=True)}
    new: list[str] = []
    for name in names:
        if name.strip() and name.casefold() not in known:
            known.add(name.casefold())
            new.append(name)
    PersonAlias.objects.bulk_create([PersonAlias(person=target, name=name) for name in new])
    return len(new)


def people_merge(*, user: Any, target: Person, others: Iterable[Person]) -> MergeResult:
    """Merge ``others`` into ``target``: their names become aliases, their claims move, they are deleted.

    Re-analysis then resolves the old names to ``target`` through the aliases.
    """
    others = [p for p in others if p.pk != target.pk]
    if not others:
        raise ValidationError("Choose at least one other person to merge into the one you keep.")
    with transaction.atomic():
        claims = list(Claim.objects.filter(person__in=others).select_related("person"))
        audit_reassignments(user=user, instances=claims, field="person", new=target, action=AuditEntry.Action.MERGE)
        # edited_at moves so the timelines that show these claims redraw their cached cards.
        moved = Claim.objects.filter(person__in=others).update(
            person=target, speaker_name=target.name[:200], edited_at=timezone.now()
        )
        added = _move_aliases(target, others)
        names = ", ".join(f"{p.name} (#{p.pk})" for p in others)
        audit_record(
            user=user, instance=target, action=AuditEntry.Action.MERGE, note=f"Merged {names}; {moved} claims moved."
        )
        audit_record_many(
            user=user, instances=others, action=AuditEntry.Action.DELETE, note=f"Merged into {target} (#{target.pk})."
        )
        Person.objects.filter(pk__in=[p.pk for p in others]).delete()
    return MergeResult(target=target, merged=len(others), claims_moved=moved, aliases_added=added)
