"""The project's URLs plus /bench/floor/: a trivial view through the same middleware, the latency floor."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor), path("", include("storyline.urls"))]
