"""Serving the app from a background thread: for browser tests, screenshots and notebooks."""
from __future__ import annotations

import socket
import threading
import time

# A local server starts in well under a second; this only bounds a hang.
START_TIMEOUT_S = 15


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class BackgroundServer:
    """uvicorn serving an ASGI app in a daemon thread on a free port; use as a context manager.

    ``url`` is the base URL once the ``with`` block is entered (the server accepts
    connections by then); leaving the block stops it.
    """

    def __init__(self, app, host: str = "127.0.0.1", port: int | None = None) -> None:
        import uvicorn

        self.port = port or free_port(host)
        self.url = f"http://{host}:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host=host, port=self.port,
                                                    log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True, name="autodossier-web")

    def __enter__(self) -> "BackgroundServer":
        self.thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                self.server.should_exit = True
                raise RuntimeError(f"the web server did not start on {self.url}")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=START_TIMEOUT_S)
