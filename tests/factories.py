"""factory_boy factories for the data model."""

from __future__ import annotations

import factory
from django.utils import timezone

from articles import models


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Story
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"story-{n}")
    title = factory.Sequence(lambda n: f"Story {n}")


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Outlet
        django_get_or_create = ("domain",)

    domain = factory.Sequence(lambda n: f"outlet{n}.example")
    name = factory.Sequence(lambda n: f"Outlet {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Article

    url = factory.Sequence(lambda n: f"https://outlet.example/article-{n}")
    outlet = factory.SubFactory(OutletFactory)
    story = factory.SubFactory(StoryFactory)
    title = factory.Sequence(lambda n: f"Headline {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Update

    article = factory.SubFactory(ArticleFactory)
    story = factory.LazyAttribute(lambda o: o.article.story if o.article else StoryFactory())
    kind = "update"
    text = "Die Lage ist unverändert."
    sort_time = factory.LazyFunction(timezone.now)


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Claim

    update = factory.SubFactory(UpdateFactory)
    story = factory.LazyAttribute(lambda o: o.update.story)
    type = "direct"
    text = "Wir tun alles, was wir können."
    speaker_name = "Katrin Vogel"
