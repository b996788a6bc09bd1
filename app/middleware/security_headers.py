"""Security headers on every response, added by a pure ASGI middleware."""

import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.problems import problem_response

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'; object-src 'none'"
)
# Only the screen wake lock (kept on while a routine plays) is used; everything else is off.
PERMISSIONS_POLICY = (
    "screen-wake-lock=(self), camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
    "display-capture=(), fullscreen=(), publickey-credentials-get=(), browsing-topics=()"
)
log = logging.getLogger("squeeze")
HSTS = "max-age=63072000; includeSubDomains"
BASE_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", PERMISSIONS_POLICY.encode()),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Adds the headers to each HTTP response; HSTS only when the request came over HTTPS."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(BASE_HEADERS)
        if scope.get("scheme") == "https":
            extra.append((b"strict-transport-security", HSTS.encode()))

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {name.lower() for name, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers += [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            # Answered here, inside this middleware, so the 500 carries the headers too; and not
            # raised on, so the server keeps the connection instead of resetting it.
            if started:
                raise
            method, path = scope.get("method"), scope.get("path")
            log.exception("unhandled error on %s %s", method, path, exc_info=exc)
            answer = problem_response(500, "Something went wrong on our side; nothing was changed.")
            await answer(scope, receive, send_with_headers)
