"""A person's page: their claims across stories and their aliases."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from articles.access import newsroom_view
from articles.selectors.people import CLAIMS_PER_PAGE, person_claims, person_with_aliases


@newsroom_view
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = person_with_aliases(slug=slug)
    if person is None:
        raise Http404("No such person.")
    page = Paginator(person_claims(person=person), CLAIMS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "articles/person_detail.html", {"person": person, "page": page, "claims": page.object_list})
