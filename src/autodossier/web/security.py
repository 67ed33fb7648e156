"""Security headers on every response: a strict Content-Security-Policy and friends.

The pages use no JavaScript and only the site's own stylesheet, so the policy allows
nothing else: even if user text ever slipped into a page unescaped, a browser would run
no script from it. Two kinds of page need more, and get it alone: the OpenAPI pages
(``/docs``, ``/redoc``: FastAPI loads Swagger UI / ReDoc from a CDN with an inline
bootstrap script) and the chart pages (matplotlib's inline SVG styles its shapes with
``style`` attributes).
"""
from __future__ import annotations

# Pages and API answers: the site's own stylesheet and images, nothing else; no framing.
STRICT_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
              "base-uri 'none'; frame-ancestors 'none'")
# Chart pages: inline SVG styles its shapes with style attributes; still no script at all.
CHART_CSP = ("default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
             "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# FastAPI's documentation pages: Swagger UI / ReDoc from the jsDelivr CDN, an inline bootstrap
# script, the OpenAPI document from this server. They show no user content.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
            "img-src 'self' data: https:; font-src https://cdn.jsdelivr.net https://fonts.gstatic.com; "
            "worker-src blob:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'")
DOCS_PATHS = frozenset({"/docs", "/redoc", "/docs/oauth2-redirect"})
CHART_PATHS = frozenset({"/timeline", "/sales"})

COMMON_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def policy_for(path: str) -> str:
    """The Content-Security-Policy for a request path."""
    if path in DOCS_PATHS:
        return DOCS_CSP
    if path in CHART_PATHS:
        return CHART_CSP
    return STRICT_CSP


class SecurityHeaders:
    """ASGI middleware: adds the policy and the common headers to every HTTP response."""

    def __init__(self, app) -> None:  # noqa: ANN001
        self.app = app

    async def __call__(self, scope, receive, send):  # noqa: ANN001
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        csp = policy_for(scope.get("path", "")).encode()

        async def with_headers(message):  # noqa: ANN001
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(b"content-security-policy", csp), *COMMON_HEADERS]
                message = {**message, "headers": [*message.get("headers", []),
                                                  *((k, v) for k, v in extra if k not in present)]}
            await send(message)

        return await self.app(scope, receive, with_headers)
