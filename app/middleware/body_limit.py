"""An ASGI guard that answers 413 to bodies over the limit before the app reads them."""

import json
from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.problems import PROBLEM_JSON, problem_body


class BodySizeLimit:
    """Refuses request bodies larger than `max_bytes` (or the `larger` limit of their path),
    whether or not they declare a length."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, larger: Mapping[str, int] | None = None
    ) -> None:
        self.app, self.default_max, self.larger = app, max_bytes, dict(larger or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self.larger.get(scope["path"], self.default_max)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_bytes:
            await self._too_large(send, max_bytes)
            return
        if declared is not None:
            await self.app(scope, receive, send)
            return
        # No length given (chunked): read up to the limit first, then replay what was read.
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > max_bytes:
                await self._too_large(send, max_bytes)
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send, max_bytes: int) -> None:
        detail = f"The request body is larger than {max_bytes} bytes."
        body = json.dumps(problem_body(413, detail)).encode()
        headers = [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", b"%d" % len(body))]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
