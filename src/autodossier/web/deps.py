"""Request dependencies shared by the API and the pages: the knowledge base and write auth."""
from __future__ import annotations

import hmac

from fastapi import Header, HTTPException, Request

from autodossier.settings import Settings


def get_kb(request: Request):
    """The app's open :class:`~autodossier.store.KnowledgeBase`."""
    return request.app.state.kb


def get_settings(request: Request) -> Settings:
    """The app's :class:`~autodossier.settings.Settings`."""
    return request.app.state.settings


def require_token(request: Request, authorization: str | None = Header(default=None),
                  x_autodossier_token: str | None = Header(default=None)) -> None:
    """Write endpoints: 403 on a read-only server, 401 without the right token.

    The token may come as ``Authorization: Bearer <token>`` or ``X-Autodossier-Token``.
    """
    expected = request.app.state.settings.token
    if not expected:
        raise HTTPException(403, "this server is read-only: start it with AUTODOSSIER_TOKEN set to allow writes")
    given = x_autodossier_token
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    # Constant-time comparison: the token must not leak through response timing.
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong token: send Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
