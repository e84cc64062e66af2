"""Articles (with their versions and updates) and versions: the machine's records, read-only for editors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article, Story, Update, Version
from articles.services.operations import articles_move_to_story, articles_reanalyze, articles_refetch

from .base import AuditedAdmin, ReadOnlyAdmin, admin_link, admin_url, badge, compact_time
from .feeds import FailingFilter, health_badge
from .stories import count_of


def diff_url(version: Version) -> str:
    """The timeline's diff page from the previous version to ``version`` (version numbers)."""
    return f"/articles/{version.article_id}/diff/?from={version.number - 1}&to={version.number}"


def diff_link(version: Version) -> str:
    if version.number <= 1:
        return "-"
    return format_html('<a href="{}">{}</a>', diff_url(version), _("changes from v%(n)d") % {"n": version.number - 1})


class VersionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Version
    fields = readonly_fields = ("number_link", "fetched_at", "title", "engine_version", "changes")
    extra = 0
    can_delete = False
    show_change_link = False
    ordering = ["-number"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Version]:
        return super().get_queryset(request).defer("raw_html_compressed", "text")

    @admin.display(description=_("version"))
    def number_link(self, version: Version) -> str:
        return admin_link(version, f"v{version.number}")

    @admin.display(description=_("diff"))
    def changes(self, version: Version) -> str:
        return diff_link(version)


class ArticleUpdateInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Update
    fk_name = "article"
    verbose_name_plural = _("updates in this article")
    fields = readonly_fields = ("update_link", "kind", "sort_time", "status", "origin", "revision")
    extra = 0
    can_delete = False
    ordering = ["position", "-sort_time"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("update"))
    def update_link(self, update: Update) -> str:
        return admin_link(update)


class MoveToStoryForm(forms.Form):
    story = forms.ModelChoiceField(
        queryset=Story.objects.all(),
        label=_("Move to story"),
        widget=AutocompleteSelect(Article._meta.get_field("story"), admin.site),
        help_text=_("The articles' updates and claims move with them."),
    )


@admin.register(Article)
class ArticleAdmin(AuditedAdmin):
    list_display = ["headline", "story", "versions", "last_changed", "health"]
    list_filter = ["story", "outlet", "is_tracking", FailingFilter]
    search_fields = ["title", "url"]
    list_select_related = ["outlet", "story"]
    autocomplete_fields = ["story", "outlet"]
    actions = ["refetch", "reanalyze", "move_to_story"]
    show_full_result_count = False
    inlines = [VersionInline, ArticleUpdateInline]
    readonly_fields = ["first_seen_at", "last_fetched_at", "last_changed_at", "failure_count", "last_error"]
    fieldsets = [
        (None, {"fields": ["title", "url", "outlet", "story", "language", "published_at"]}),
        (
            _("Re-checking"),
            {
                "fields": ["is_tracking", "next_check_at", "last_fetched_at", "last_changed_at", "first_seen_at"],
                "description": _("Live articles are re-fetched on a schedule; “Re-fetch now” on the list skips it."),
            },
        ),
        (_("Errors"), {"fields": ["failure_count", "last_error"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        queryset: QuerySet[Article] = super().get_queryset(request)
        return queryset.annotate(version_total=count_of(Version, "article"))

    @admin.display(description=_("headline"), ordering="title")
    def headline(self, article: Article) -> str:
        """The headline, with the outlet under it."""
        outlet = article.outlet.name if article.outlet else ""
        return format_html('{}<span class="sl-sub">{}</span>', str(article), outlet)

    @admin.display(description=_("last changed"), ordering="last_changed_at")
    def last_changed(self, article: Article) -> str:
        return compact_time(article.last_changed_at)

    @admin.display(description=_("versions"), ordering="version_total")
    def versions(self, article: Article) -> int:
        return int(article.version_total)  # type: ignore[attr-defined]

    @admin.display(description=_("status"))
    def health(self, article: Article) -> str:
        if not article.failure_count and not article.is_tracking:
            return badge(_("not re-checked"), "muted")
        return health_badge(active=True, failures=article.failure_count)

    # Editors only view articles; these actions need the rights the work they trigger needs.
    def has_refetch_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.change_update")

    def has_move_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.change_story")

    @admin.action(description=_("Re-fetch now"), permissions=["refetch"])
    def refetch(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        count = articles_refetch(user=request.user, articles=queryset)
        self.message_user(request, ngettext("%d article queued for fetching.", "%d articles queued.", count) % count)

    @admin.action(description=_("Re-analyse (corrections are kept)"), permissions=["refetch"])
    def reanalyze(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        count = articles_reanalyze(user=request.user, articles=queryset)
        self.message_user(request, ngettext("%d article queued for re-analysis.", "%d articles queued.", count) % count)

    @admin.action(description=_("Move to another story…"), permissions=["move"])
    def move_to_story(self, request: HttpRequest, queryset: QuerySet[Article]) -> HttpResponse | None:
        form = MoveToStoryForm(request.POST if "confirm" in request.POST else None)
        if form.is_bound and form.is_valid():
            story = form.cleaned_data["story"]
            count = articles_move_to_story(user=request.user, articles=queryset, story=story)
            self.message_user(request, _("%(n)d article(s) moved to “%(story)s”.") % {"n": count, "story": story})
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Move articles to another story"),
            "opts": self.model._meta,
            "articles": queryset,
            "form": form,
            "media": self.media + form.media,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/article/move_to_story.html", context)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        add_update = f"{reverse('admin:articles_update_add')}?article={object_id}"
        return super().change_view(
            request, object_id, form_url, {**(extra_context or {}), "add_update_url": add_update}
        )


@admin.register(Version)
class VersionAdmin(ReadOnlyAdmin):
    list_display = ["version", "article", "fetched_at", "title", "engine_version", "changes"]
    search_fields = ["title", "article__url", "article__title"]
    list_select_related = ["article"]
    show_full_result_count = False
    # The compressed raw HTML is never shown: only its size, and the extracted text.
    fields = readonly_fields = (
        *("article_link", "number", "fetched_at", "title", "authors", "published_at"),
        *("engine_version", "content_hash", "raw_html_size", "changes", "text"),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Version]:
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name == "articles_version_changelist":
            return queryset.defer("raw_html_compressed", "text")
        return queryset

    @admin.display(description=_("version"), ordering="number")
    def version(self, version: Version) -> str:
        return f"v{version.number}"

    @admin.display(description=_("article"))
    def article_link(self, version: Version) -> str:
        return format_html('<a href="{}">{}</a>', admin_url(version.article), version.article)

    @admin.display(description=_("raw HTML"))
    def raw_html_size(self, version: Version) -> str:
        size = len(bytes(version.raw_html_compressed or b""))
        return str(_("%(n)d bytes compressed") % {"n": size} if size else _("none (imported as text)"))

    @admin.display(description=_("diff"))
    def changes(self, version: Version) -> str:
        return diff_link(version)
