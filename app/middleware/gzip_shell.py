"""Gzip for the app shell (pages, CSS, JS, the service worker), never for the API.

Phones on a slow network load the shell a third of its size. API answers stay uncompressed: they
are small, the CPU is better spent on requests, and a body that holds a secret (a new token) next to
text the client chose is the shape of a compression side-channel (BREACH).
"""

from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send


class CompressShell:
    """Gzips every response outside `/api/` for clients that accept it."""

    def __init__(self, app: ASGIApp, minimum_size: int = 500) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=minimum_size)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/api/"):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)
