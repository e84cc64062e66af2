"""Updates: editors write their own ("Add update") and review the claims found in any update."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article, Claim, Story, Update
from articles.models.content import Origin
from articles.services.editorial import claim_correct, update_create_by_editor, update_edit_by_editor

from .base import AuditedAdmin, admin_link, admin_url, badge, compact_time
from .claims import review_badges
from .stories import count_of

EDITOR_FIELDS = ["story", "article", "timestamp", "kind", "label", "text"]
INGESTED_READONLY = ["story", "article", "kind", "label", "timestamp", "dateline", "headings", "text"]


class EditorUpdateForm(forms.ModelForm):  # type: ignore[type-arg]
    """The "Add update" form: the heading is stored as the update's label."""

    class Meta:
        model = Update
        fields = EDITOR_FIELDS
        labels = {"label": _("Heading"), "timestamp": _("Time")}
        help_texts = {
            "story": _("The timeline this update appears on."),
            "article": _("Optional: the article this update belongs to."),
            "label": _("Shown as the update's title on the timeline, e.g. “Zweite Notunterkunft öffnet”."),
            "text": _("Claims (quotes, reported speech) are extracted from this text when you save."),
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 10, "cols": 90})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("story", "timestamp"):
            if name in self.fields:
                self.fields[name].required = True
        if "timestamp" in self.fields:
            zone = timezone.get_current_timezone_name()
            self.fields["timestamp"].help_text = _("In the story's time zone (%(zone)s).") % {"zone": zone}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        article, story = data.get("article"), data.get("story")
        if article is not None and story is not None and article.story_id not in (None, story.pk):
            self.add_error("article", _("This article belongs to another story (“%(s)s”).") % {"s": article.story})
        return data


class ClaimReviewFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    """Saves each changed claim through ``claim_correct`` (audit trail, ``is_corrected``)."""

    request: HttpRequest

    def save(self, commit: bool = True) -> list[Claim]:
        self.new_objects, self.deleted_objects, self.changed_objects = [], [], []
        for form in self.forms:
            if form.instance.pk is None or not form.has_changed():
                continue
            values = {name: form.cleaned_data[name] for name in form.changed_data if name in ClaimInline.editable}
            claim = claim_correct(user=self.request.user, claim=form.instance, **values)
            self.changed_objects.append((claim, list(values)))
        return [claim for claim, _ in self.changed_objects]


class ClaimInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Claim
    formset = ClaimReviewFormSet
    editable = ["person", "type", "verification", "verification_note"]
    fields = ["quote", "person", "type", "verification", "verification_note"]
    readonly_fields = ["quote"]
    autocomplete_fields = ["person"]
    extra = 0
    can_delete = False
    verbose_name_plural = _("claims found in this update (review and correct)")

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        formset.request = request  # type: ignore[attr-defined]
        return formset

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "verification_note":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 22})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return super().get_queryset(request).select_related("person").order_by("start")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("claim"))
    def quote(self, claim: Claim) -> str:
        """The quote (linking to the claim's page, where the span is corrected) and its review state."""
        return format_html("{}<br>{}", admin_link(claim, f"„{claim.text[:160]}“"), review_badges(claim))


def _zone_named(name: str | None) -> ZoneInfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


@admin.register(Update)
class UpdateAdmin(AuditedAdmin):
    form = EditorUpdateForm
    list_display = ["update", "story", "time", "source", "claim_count"]
    list_filter = ["origin", "kind", "status", "story"]
    search_fields = ["label", "text"]
    list_select_related = ["story"]
    autocomplete_fields = ["story", "article"]
    show_full_result_count = False

    # --- lists ---------------------------------------------------------------------------
    def get_queryset(self, request: HttpRequest) -> QuerySet[Update]:
        queryset: QuerySet[Update] = super().get_queryset(request)
        return queryset.annotate(claim_total=count_of(Claim, "update"))

    @admin.display(description=_("update"), ordering="label")
    def update(self, update: Update) -> str:
        return str(update)[:100]

    @admin.display(description=_("time"), ordering="sort_time")
    def time(self, update: Update) -> str:
        return compact_time(update.sort_time)

    @admin.display(description=_("source"), ordering="origin")
    def source(self, update: Update) -> str:
        """ "newsroom" for an editor's update, else "article"; and the lifecycle when not current."""
        parts = [badge(_("newsroom"), "info") if update.origin == Origin.EDITOR else badge(_("article"), "muted")]
        if update.status != "current":
            parts.append(badge(update.get_status_display(), "warn"))
        return format_html_join(" ", "{}", ((part,) for part in parts))

    @admin.display(description=_("claims"), ordering="claim_total")
    def claim_count(self, update: Update) -> int:
        return int(update.claim_total)  # type: ignore[attr-defined]

    # --- forms ---------------------------------------------------------------------------
    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None or obj.origin == Origin.EDITOR:
            return [
                (None, {"fields": ["story", "article"]}),
                (_("The update"), {"fields": ["timestamp", "kind", "label", "text"]}),
            ]
        return [
            (
                _("From the article (read-only: the next version would overwrite changes)"),
                {"fields": [*INGESTED_READONLY, "first_seen_version", "last_seen_version", "status", "revision"]},
            )
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return []
        if obj.origin == Origin.EDITOR:
            return ["article"]
        return [*INGESTED_READONLY, "first_seen_version", "last_seen_version", "status", "revision"]

    def get_inlines(self, request: HttpRequest, obj: Any) -> list[Any]:
        return [ClaimInline] if obj is not None else []

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        initial: dict[str, Any] = dict(super().get_changeform_initial_data(request))
        article_id = str(initial.get("article") or "")
        article = Article.objects.filter(pk=int(article_id)).first() if article_id.isdigit() else None
        if article is not None and article.story_id and not initial.get("story"):
            initial["story"] = article.story_id
        initial.setdefault("timestamp", timezone.now())
        initial.setdefault("kind", Update.Kind.UPDATE)
        return initial

    def _story_zone(self, request: HttpRequest, object_id: str | None) -> ZoneInfo | None:
        """The zone of the story the form is about: posted, prefilled, the article's, or the update's."""
        story_id = request.POST.get("story") or request.GET.get("story")
        if story_id and str(story_id).isdigit():
            return _zone_named(Story.objects.filter(pk=story_id).values_list("time_zone", flat=True).first())
        article_id = request.GET.get("article")
        if article_id and article_id.isdigit():
            name = Article.objects.filter(pk=article_id).values_list("story__time_zone", flat=True).first()
            return _zone_named(name)
        if object_id and object_id.isdigit():
            return _zone_named(Update.objects.filter(pk=object_id).values_list("story__time_zone", flat=True).first())
        return _zone_named(settings.STORYLINE_DEFAULT_TIME_ZONE)

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        """Times are shown and entered in the story's zone, not the server's."""
        zone = self._story_zone(request, object_id)
        with timezone.override(zone) if zone else nullcontext():
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        return response

    # --- saving (through the editorial services, which audit) ---------------------------------
    def save_model(self, request: HttpRequest, obj: Update, form: ModelForm[Any], change: bool) -> None:
        data = form.cleaned_data
        if not change:
            saved = update_create_by_editor(
                user=request.user,
                story=data["story"],
                article=data.get("article"),
                text=data["text"],
                kind=data["kind"],
                heading=data.get("label", ""),
                timestamp=data["timestamp"],
            )
        elif obj.origin == Origin.EDITOR:
            names = {"label": "heading"}
            values = {names.get(f, f): data[f] for f in form.changed_data if f in EDITOR_FIELDS and f != "article"}
            saved = update_edit_by_editor(user=request.user, update=obj, **values)
        else:
            return
        obj.pk = saved.pk
        obj._state.adding = False
        obj.refresh_from_db()

    def save_formset(
        self, request: HttpRequest, form: ModelForm[Any], formset: BaseInlineFormSet[Any, Any, Any], change: bool
    ) -> None:
        formset.save()  # the claim inline audits each claim through claim_correct

    def response_add(self, request: HttpRequest, obj: Update, post_url_continue: str | None = None) -> HttpResponse:
        """After adding, show the update with its extracted claims for review."""
        if "_addanother" in request.POST or "_popup" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        count = obj.claims.count()
        text = ngettext(
            "The update was added to the timeline. %(n)d claim was found: review it below.",
            "The update was added to the timeline. %(n)d claims were found: review them below.",
            count,
        ) % {"n": count}
        self.message_user(request, text, messages.SUCCESS)
        return HttpResponseRedirect(admin_url(obj))

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        update = (
            Update.objects.filter(pk=int(object_id)).select_related("story").first() if object_id.isdigit() else None
        )
        extra = {**(extra_context or {})}
        if update is not None and update.story is not None:
            extra["timeline_url"] = f"{update.story.get_absolute_url()}#update-{update.pk}"
        return super().change_view(request, object_id, form_url, extra)
