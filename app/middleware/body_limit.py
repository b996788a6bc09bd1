"""An ASGI guard that answers 413 to bodies over the limit before the app reads them."""

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.problems import PROBLEM_JSON, problem_body


class BodySizeLimit:
    """Refuses request bodies larger than `max_bytes` (or the larger limit `per_path` gives an
    exact path), whether or not they declare a length."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, per_path: dict[str, int] | None = None
    ) -> None:
        self.app, self.max_bytes, self.per_path = app, max_bytes, per_path or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.per_path.get(scope.get("path", ""), self.max_bytes)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._too_large(send, limit)
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
            if size > limit:
                await self._too_large(send, limit)
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send, limit: int) -> None:
        detail = f"The request body is larger than {limit} bytes."
        body = json.dumps(problem_body(413, detail)).encode()
        headers = [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", b"%d" % len(body))]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
