"""Content-Security-Policy: no inline script, nothing from other origins.

Every page's JavaScript is a static file; JSON-LD blocks are data (type
``application/ld+json``), which browsers never execute, so the policy needs
no nonce or hash for them. The admin keeps the same script policy but may
use inline styles, which Django's admin templates still carry.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
ADMIN_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class ContentSecurityPolicyMiddleware:
    """Adds the policy to every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith(getattr(settings, "STORYLINE_ADMIN_PREFIX", "/admin/"))
            response["Content-Security-Policy"] = ADMIN_POLICY if admin else POLICY
        return response
