"""Claims: editors correct the speaker, type and span, and record a verification status."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from articles.models import Claim
from articles.models.content import Lifecycle
from articles.selectors.audit import audit_for_object
from articles.services.editorial import claim_correct, claim_create_by_editor

from .base import AUDIT_HISTORY_LIMIT, AuditedAdmin, admin_link, badge

VERIFICATION_TONES = {"verified": "ok", "disputed": "warn", "false": "bad", "unverified": "muted"}
CORRECTABLE = ["person", "type", "start", "end", "verification", "verification_note"]


def review_badges(claim: Claim) -> str:
    """Verification status, "corrected" and (when not current) the lifecycle status, as badges."""
    parts = [badge(claim.get_verification_display(), VERIFICATION_TONES.get(claim.verification, "muted"))]
    if claim.is_corrected:
        parts.append(badge(_("corrected"), "info"))
    if claim.status != Lifecycle.CURRENT:
        parts.append(badge(claim.get_status_display(), "muted"))
    return format_html_join(" ", "{}", ((part,) for part in parts))


class ClaimForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Claim
        fields = ["update", *CORRECTABLE]
        labels = {"person": _("Speaker"), "start": _("Span start"), "end": _("Span end")}
        help_texts = {
            "person": _("Search people by name or alias; “+” creates a new person."),
            "start": _("Character offset in the update's text where the claim starts (0 = first character)."),
            "end": _("Offset just after the claim's last character. The claim's text is re-read from this span."),
            "verification_note": _("Why: the source, the call you made, the document you checked."),
        }
        widgets = {"verification_note": forms.Textarea(attrs={"rows": 3, "cols": 80})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        update = data.get("update") or getattr(self.instance, "update", None)
        start, end = data.get("start"), data.get("end")
        if update is not None and start is not None and end is not None and not 0 <= start < end <= len(update.text):
            self.add_error(
                "end",
                _("The span must satisfy 0 ≤ start < end ≤ %(n)d (the length of the update's text).")
                % {"n": len(update.text)},
            )
        return data


@admin.register(Claim)
class ClaimAdmin(AuditedAdmin):
    form = ClaimForm
    list_display = ["claim", "speaker", "type", "review", "story"]
    list_filter = ["verification", "is_corrected", "type", "status", "story"]
    search_fields = ["text", "speaker_name"]
    list_select_related = ["person", "story"]
    autocomplete_fields = ["person", "update"]
    ordering = ["-id"]
    show_full_result_count = False
    list_per_page = 50
    change_form_template = "admin/articles/claim/change_form.html"
    engine_fields = ["speaker_mention", "role", "cue", "source", "addressee", "status", "is_corrected"]
    engine_fields += ["first_seen_version", "last_seen_version"]

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return [
                (_("Where"), {"fields": ["update"]}),
                (_("The claim"), {"fields": ["type", "start", "end", "person"]}),
                (_("Verification"), {"fields": ["verification", "verification_note"]}),
            ]
        return [
            (_("The claim in its update"), {"fields": ["update_link", "in_context", "text"]}),
            (_("Speaker"), {"fields": ["person", "speaker_name", "speaker_mention", "role"]}),
            (_("Type and span"), {"fields": ["type", "start", "end"]}),
            (_("Verification"), {"fields": ["verification", "verification_note"]}),
            (_("Found by the engine"), {"fields": ["cue", "source", "addressee", "status", "is_corrected"]}),
            (_("Seen in"), {"fields": ["first_seen_version", "last_seen_version"], "classes": ["collapse"]}),
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return []
        return ["update_link", "in_context", "text", "speaker_name", *self.engine_fields]

    # --- list columns ----------------------------------------------------------------------
    @admin.display(description=_("claim"), ordering="text")
    def claim(self, claim: Claim) -> str:
        return f"„{claim.text[:120]}{'…' if len(claim.text) > 120 else ''}“"

    @admin.display(description=_("speaker"), ordering="speaker_name")
    def speaker(self, claim: Claim) -> str:
        return claim.person.name if claim.person else (claim.speaker_name or "—")

    @admin.display(description=_("review"), ordering="verification")
    def review(self, claim: Claim) -> str:
        return review_badges(claim)

    # --- change page -----------------------------------------------------------------------
    @admin.display(description=_("update"))
    def update_link(self, claim: Claim) -> str:
        return admin_link(claim.update)

    @admin.display(description=_("in context"))
    def in_context(self, claim: Claim) -> str:
        """The update's text with the claim's span marked, and its offsets, to check the span."""
        text = claim.update.text
        start, end = min(claim.start, len(text)), min(claim.end, len(text))
        return format_html(
            '<div class="sl-context">{}<mark>{}</mark>{}</div><p class="help">{}</p>',
            text[:start],
            text[start:end],
            text[end:],
            _("Marked: characters %(s)d–%(e)d of %(n)d.") % {"s": start, "e": end, "n": len(text)},
        )

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        claim = self.get_object(request, object_id)
        entries = list(audit_for_object(instance=claim)[:AUDIT_HISTORY_LIMIT]) if claim else []
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "audit_entries": entries})

    # --- saving (through the editorial services, which audit and mark is_corrected) --------------
    def save_model(self, request: HttpRequest, obj: Claim, form: ModelForm[Any], change: bool) -> None:
        data = form.cleaned_data
        if change:
            values = {name: data[name] for name in form.changed_data if name in CORRECTABLE}
            saved = claim_correct(user=request.user, claim=obj, **values)
        else:
            saved = claim_create_by_editor(
                user=request.user, update=data["update"], **{k: data[k] for k in CORRECTABLE}
            )
        obj.pk = saved.pk
        obj._state.adding = False
        obj.refresh_from_db()
