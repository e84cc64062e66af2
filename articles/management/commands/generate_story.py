"""manage.py generate_story: a synthetic story of a given size, for benchmarks (a contract: see docs/timeline.md).

    manage.py generate_story --slug SLUG --articles 20 --versions 5 --updates 2000 --claims 10000

Deterministic for a given --seed. An existing story with that slug is replaced
(its articles, versions, updates and claims are deleted first). Rows are written
with bulk_create, so the full size takes seconds. The text is invented
German-like filler; the data is shaped like ingested live articles: updates
first seen in successive versions, some rewritten later, some removed, claims
with offsets into their update's text, speakers resolved to people.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Claim, Outlet, Person, PersonAlias, Story, Update, Version

OUTLETS = [("Nordkurier Beispiel", "nordkurier.example"), ("Tagesblatt Muster", "tagesblatt.example"),
           ("Radio Ostwind", "radio-ostwind.example"), ("Stadtanzeiger Probe", "stadtanzeiger.example"),
           ("Nachrichtenportal Test", "portal-test.example")]  # fmt: skip
FIRST = ["Anna", "Jonas", "Miriam", "Tobias", "Selin", "Paul", "Greta", "Henrik", "Leyla", "Carsten", "Ida", "Niklas"]
LAST = ["Brandt", "Köhler", "Sommerfeld", "Yilmaz", "Albers", "Hoffmann", "Reuter", "Lindqvist", "Petrović", "Engel"]
ROLES = ["Bürgermeisterin", "Landrat", "Feuerwehrsprecher", "Polizeisprecherin", "Hydrologe", "Ministerin", "Anwohner"]
SOURCES = ["", "", "", "dpa", "AFP", "Reuters", "dem Sender"]
SUBJECTS = ["Die Stadt", "Der Landkreis", "Die Feuerwehr", "Das Ministerium", "Die Polizei", "Der Krisenstab"]
VERBS = ["meldet", "bestätigt", "prüft", "kündigt an", "berichtet über", "warnt vor"]
OBJECTS = ["neue Sperrungen", "steigende Pegel", "weitere Evakuierungen", "Hilfe aus dem Umland",
           "eine Lagebesprechung", "Schäden an der Brücke", "eine Sammelstelle am Bahnhof",
           "Engpässe bei Sandsäcken"]  # fmt: skip
QUOTES = ["Wir haben die Lage im Griff", "Niemand sollte jetzt an das Ufer gehen", "Die Helfer leisten Großartiges",
          "Wir rechnen mit einer langen Nacht", "Die Versorgung ist gesichert", "Wir prüfen jede Meldung sorgfältig",
          "Es gibt keinen Grund zur Panik", "Die nächsten Stunden werden entscheidend"]  # fmt: skip
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember"]  # fmt: skip


@dataclass
class Plan:
    """One article's updates as they are written: texts, times and which version first/last carried them."""

    article: Article
    versions: list[Version] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    claims: list[list[Claim]] = field(default_factory=list)


class Command(BaseCommand):
    help = "Fill a synthetic story of the given size (replaces a story with the same slug)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--slug", required=True)
        parser.add_argument("--articles", type=int, default=20)
        parser.add_argument("--versions", type=int, default=5)
        parser.add_argument("--updates", type=int, default=2000)
        parser.add_argument("--claims", type=int, default=10000)
        parser.add_argument("--people", type=int, default=60)
        parser.add_argument("--hours", type=int, default=72, help="time span of the story")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        sizes = {k: options[k] for k in ("articles", "versions", "updates", "people", "hours")}
        if min(sizes.values()) < 1 or options["claims"] < 0:
            raise CommandError("--articles, --versions, --updates, --people and --hours must be positive.")
        if options["updates"] < options["articles"]:
            raise CommandError("--updates must be at least --articles (every article has an update).")
        rng = random.Random(options["seed"])
        with transaction.atomic():
            story = _fresh_story(options["slug"])
            people = _people(rng, story, options["people"])
            plans = _articles(story, options["articles"])
            _plan_updates(rng, plans, options)
            _write(rng, plans, people, options)
        versions = Version.objects.filter(article__story=story).count()
        updates = Update.objects.filter(story=story).count()
        claims = Claim.objects.filter(story=story).count()
        self.stdout.write(
            f"generated {story.slug}: {len(plans)} articles, {versions} versions, {updates} updates, {claims} claims"
        )


def _fresh_story(slug: str) -> Story:
    Article.objects.filter(story__slug=slug).delete()
    Story.objects.filter(slug=slug).delete()
    return Story.objects.create(
        slug=slug, title=f"Synthetische Lage {slug}", description="Generated by manage.py generate_story."
    )


def _people(rng: random.Random, story: Story, count: int) -> list[Person]:
    taken = set(Person.objects.filter(slug__startswith=f"{story.slug}-").values_list("slug", flat=True))
    people = []
    for n in range(count):
        name = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST) + n) % len(LAST)]}"
        slug = f"{story.slug}-{slugify(name)}-{n}"
        if slug not in taken:
            people.append(Person(name=name, slug=slug, role=rng.choice(ROLES)))
    Person.objects.bulk_create(people)
    people = list(Person.objects.filter(slug__startswith=f"{story.slug}-").order_by("id"))
    PersonAlias.objects.bulk_create(
        [PersonAlias(person=p, name=p.name.split()[-1]) for p in people], ignore_conflicts=True
    )
    return people


def _articles(story: Story, count: int) -> list[Plan]:
    outlets = [Outlet.objects.get_or_create(domain=d, defaults={"name": n})[0] for n, d in OUTLETS]
    articles = Article.objects.bulk_create(
        Article(
            url=f"https://{outlets[i % len(outlets)].domain}/live/{story.slug}-{i}",
            outlet=outlets[i % len(outlets)],
            story=story,
            title=f"Live: {story.title} ({i + 1})",
        )
        for i in range(count)
    )
    return [Plan(article=a) for a in articles]


def _label(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"Update vom {local.day}. {MONTHS[local.month - 1]}, {local:%H.%M} Uhr"


def _plan_updates(rng: random.Random, plans: list[Plan], options: dict[str, Any]) -> None:
    """Spread the updates over the time span, round-robin over the articles, and create the versions."""
    start = timezone.now() - timedelta(hours=options["hours"])
    step = timedelta(hours=options["hours"]) / options["updates"]
    for n in range(options["updates"]):
        moment = start + step * n + timedelta(seconds=rng.randint(0, 59))
        plan = plans[n % len(plans)]
        plan.updates.append(Update(article=plan.article, story=plan.article.story, kind="update", label=_label(moment),
                                   timestamp=moment, sort_time=moment, position=0, text="", key=f"g{n}"))  # fmt: skip
    for plan in plans:
        chunk = max(len(plan.updates) // options["versions"], 1)
        for number in range(1, options["versions"] + 1):
            last = plan.updates[min(number * chunk, len(plan.updates)) - 1]
            if number == options["versions"]:
                last = plan.updates[-1]
            headline = f"{plan.article.title}: {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
            version = Version(
                article=plan.article,
                number=number,
                fetched_at=last.sort_time + timedelta(minutes=3),
                content_hash=f"generated-{plan.article.pk}-{number}",
                title=headline,
                text="",
            )
            plan.versions.append(version)


def _claim_text(rng: random.Random, person: Person, source: str) -> tuple[str, str, int, int, str]:
    """A sentence with one claim: (sentence, type, claim start, claim end, cue)."""
    quote = rng.choice(QUOTES)
    tail = f" laut {source}" if source else ""
    if rng.random() < 0.65:
        sentence = f"„{quote}“, sagte {person.role} {person.name}{tail}."
        return sentence, "direct", 1, 1 + len(quote), "sagte"
    clause = f"die Lage sei {rng.choice(['ernst', 'stabil', 'unübersichtlich', 'unter Kontrolle'])}"
    sentence = f"{person.name} erklärte{tail}, {clause}."
    start = sentence.index(clause)
    return sentence, "indirect", start, start + len(clause), "erklärte"


def _fill_update(rng: random.Random, update: Update, people: list[Person], claims: int) -> list[Claim]:
    parts = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."]
    rows = []
    for _ in range(claims):
        person, source = rng.choice(people), rng.choice(SOURCES)
        sentence, kind, start, end, cue = _claim_text(rng, person, source)
        offset = len(" ".join(parts)) + 1
        parts.append(sentence)
        rows.append(Claim(story=update.story, person=person, type=kind, text=sentence[start:end], start=offset + start,
                          end=offset + end, spans=[[offset + start, offset + end]], speaker_name=person.name,
                          speaker_mention=person.name, role=person.role, cue=cue, source=source,
                          key=f"g{offset}-{rng.random():.8f}"))  # fmt: skip
    parts.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}.")
    update.text = " ".join(parts)
    return rows


def _write(rng: random.Random, plans: list[Plan], people: list[Person], options: dict[str, Any]) -> None:
    total_updates = sum(len(p.updates) for p in plans)
    per_update = [options["claims"] // total_updates + (1 if i < options["claims"] % total_updates else 0)
                  for i in range(total_updates)]  # fmt: skip
    index = 0
    for plan in plans:
        for update in plan.updates:
            plan.claims.append(_fill_update(rng, update, people, per_update[index]))
            index += 1
        _assign_versions(rng, plan)
    Version.objects.bulk_create([v for p in plans for v in p.versions], batch_size=500)
    for plan in plans:  # bulk_create set the version ids: point the updates at them
        for update in plan.updates:
            for name in ("first_seen_version", "last_seen_version", "rewritten_in_version"):
                setattr(update, name, getattr(update, name))
    Update.objects.bulk_create([u for p in plans for u in p.updates], batch_size=1000)
    claims = []
    for plan in plans:
        for update, rows in zip(plan.updates, plan.claims, strict=True):
            for row in rows:
                row.update = update
                row.first_seen_version = update.first_seen_version
                row.last_seen_version = update.last_seen_version
                row.status = "removed" if update.status == "removed" else "current"
                if rng.random() < 0.03:
                    row.verification = rng.choice(["verified", "disputed", "false"])
                    row.verification_note = "Geprüft vom Generator."
                claims.append(row)
    Claim.objects.bulk_create(claims, batch_size=2000)


def _assign_versions(rng: random.Random, plan: Plan) -> None:
    """First/last seen versions, a few rewrites and removals, and each version's text."""
    count = len(plan.versions)
    chunk = max(len(plan.updates) // count, 1)
    for position, update in enumerate(plan.updates):
        first = min(position // chunk, count - 1)
        update.first_seen_version = plan.versions[first]
        update.last_seen_version = plan.versions[-1]
        update.position = len(plan.updates) - position
        roll = rng.random()
        if roll < 0.08 and first < count - 1:
            update.rewritten_in_version = plan.versions[rng.randint(first + 1, count - 1)]
            update.status, update.revision = "rewritten", 2
        elif roll < 0.11 and first < count - 1:
            update.last_seen_version = plan.versions[rng.randint(first, count - 2)]
            update.status = "removed"
    for number, version in enumerate(plan.versions):
        present = [
            u for u in plan.updates if _number(u.first_seen_version) <= number + 1 <= _number(u.last_seen_version)
        ]
        body = "\n\n".join(f"{u.label}: {_as_of(u, version)}" for u in reversed(present))
        version.text = f"{version.title}\n\n{body}"


def _number(version: Version | None) -> int:
    return version.number if version is not None else 0


def _as_of(update: Update, version: Version) -> str:
    """The update's text as ``version`` carried it: before its rewrite, the older wording."""
    if update.rewritten_in_version is not None and version.number < update.rewritten_in_version.number:
        return update.text.replace(".", " (erste Fassung).", 1)
    return update.text
