"""Build the POST data an admin change page would submit, from the page's own forms."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.http import HttpResponse


def _field_data(bound: Any) -> dict[str, Any]:
    value = bound.value()
    widget = bound.field.widget
    if isinstance(widget, forms.MultiWidget):
        parts = widget.decompress(value) if not isinstance(value, list) else value
        out = {}
        for index, part in enumerate(parts):
            if isinstance(part, datetime):
                part = part.strftime("%Y-%m-%d")
            out[f"{bound.html_name}_{index}"] = "" if part is None else str(part)
        return out
    if isinstance(value, bool):
        return {bound.html_name: "on"} if value else {}
    return {bound.html_name: "" if value is None else value}


def _form_data(form: forms.BaseForm) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for bound in form:
        data.update(_field_data(bound))
    return data


def change_form_data(response: HttpResponse) -> dict[str, Any]:
    """The main form's and every inline formset's current values, as the browser would post them."""
    context = response.context
    data = _form_data(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    return data
