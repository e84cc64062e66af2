"""People and their aliases; merging two entries for the same person."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import Prefetch, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.models import Claim, Person, PersonAlias
from articles.services.editorial import people_merge, person_claims_renamed

from .base import AuditedAdmin
from .stories import count_of


class PersonAliasInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PersonAlias
    extra = 1
    verbose_name_plural = _("other names (short forms, spellings, titles)")


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        widget=forms.RadioSelect,
        label=_("Keep"),
        help_text=_("The others become aliases of this person and their claims move to it."),
    )

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = people  # type: ignore[attr-defined]


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["name", "role", "other_names", "claim_count", "created_at"]
    search_fields = ["name", "aliases__name", "role"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline]
    actions = ["merge"]
    show_full_result_count = False

    def save_model(self, request: HttpRequest, obj: Person, form: ModelForm[Any], change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            person_claims_renamed(person=obj)

    fieldsets = [(None, {"fields": ["name", "role", "slug"]})]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Person]:
        aliases = Prefetch("aliases", queryset=PersonAlias.objects.order_by("name"))
        queryset: QuerySet[Person] = super().get_queryset(request)
        return queryset.annotate(claim_total=count_of(Claim, "person")).prefetch_related(aliases)

    @admin.display(description=_("also known as"))
    def other_names(self, person: Person) -> str:
        return ", ".join(alias.name for alias in person.aliases.all())

    @admin.display(description=_("claims"), ordering="claim_total")
    def claim_count(self, person: Person) -> str:
        """The number of claims, linking to the claim list filtered to this person."""
        count = int(person.claim_total)  # type: ignore[attr-defined]
        if not count:
            return "0"
        url = f"{reverse('admin:articles_claim_changelist')}?person__id__exact={person.pk}"
        return format_html('<a href="{}">{}</a>', url, count)

    @admin.action(description=_("Merge selected people…"), permissions=["change"])
    def merge(self, request: HttpRequest, queryset: QuerySet[Person]) -> HttpResponse | None:
        people = queryset.order_by("name")
        if people.count() < 2:
            self.message_user(request, _("Select at least two people to merge."), messages.WARNING)
            return None
        form = MergeForm(request.POST if "confirm" in request.POST else None, people=people)
        if form.is_bound and form.is_valid():
            target = form.cleaned_data["target"]
            result = people_merge(user=request.user, target=target, others=list(people.exclude(pk=target.pk)))
            text = _("Merged %(n)d into “%(name)s”: %(c)d claims moved, %(a)d names added as aliases.") % {
                "n": result.merged,
                "name": target,
                "c": result.claims_moved,
                "a": result.aliases_added,
            }
            self.message_user(request, text, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge people"),
            "opts": self.model._meta,
            "people": self.get_queryset(request).filter(pk__in=people.values("pk")).order_by("name"),
            "form": form,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/person/merge.html", context)


@admin.register(PersonAlias)
class PersonAliasAdmin(AuditedAdmin):
    """Aliases are usually edited on their person's page; this list finds a name across all people."""

    list_display = ["name", "person"]
    search_fields = ["name", "person__name"]
    list_select_related = ["person"]
    autocomplete_fields = ["person"]
    show_full_result_count = False
