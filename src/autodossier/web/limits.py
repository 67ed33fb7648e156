"""Request body size limit, enforced before a route ever reads the body."""
from __future__ import annotations

import json


class BodySizeLimit:
    """ASGI middleware: 413 with a JSON body for request bodies over ``max_bytes``.

    A declared Content-Length is checked up front; a chunked body is counted as it
    streams in, so a client cannot get round the limit by leaving the header out. In
    that case the middleware answers 413 itself, tells the app the client went away,
    and drops whatever the app still tries to send.
    """

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self._refuse(send)
        seen = 0
        refused = False

        async def counted_receive():
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    refused = True
                    await self._refuse(send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            if not refused:
                await send(message)

        return await self.app(scope, counted_receive, guarded_send)

    async def _refuse(self, send) -> None:
        body = json.dumps({"detail": f"request body is larger than the limit of {self.max_bytes} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
