"""Scripts as a phone gets them: the files on disk, less the lines that hold only a comment.

The source keeps every comment that says why; the wire carries code. This is no build step: each
module is served from its own file, line for line apart from those comment lines, so an error's
line number is off only by the comments above it and the code is the code that was written.
"""

import os
from email.utils import formatdate
from functools import lru_cache
from hashlib import sha256

from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.staticfiles import NotModifiedResponse
from starlette.types import Scope

JAVASCRIPT = "text/javascript; charset=utf-8"
# Stylesheets lose their comment lines the same way (CSS has only `/* … */` comments).
_STRIPPED = {".js": JAVASCRIPT, ".css": "text/css; charset=utf-8"}


def without_comment_lines(source: str) -> str:
    """`source` less its whole-line `//` comments and its `/* … */` blocks that start a line.

    Lines inside a template literal are kept whatever they hold: there they are text, not comments.
    """
    kept: list[str] = []
    in_template = in_block = False
    for line in source.splitlines(keepends=True):
        stripped = line.lstrip()
        if in_block:
            in_block = "*/" not in line
            continue
        if not in_template and stripped.startswith("//"):
            continue
        if not in_template and stripped.startswith("/*"):
            end = stripped.find("*/")
            if end < 0:
                in_block = True
                continue
            if not stripped[end + 2 :].strip():
                continue
        kept.append(line)
        in_template ^= _opens_or_closes_template(line)
    return "".join(kept)


def _opens_or_closes_template(line: str) -> bool:
    # An odd number of unescaped backticks, outside a trailing `//` comment, flips the state.
    code = line.split(" //", 1)[0] if "`" not in line.split(" //", 1)[-1] else line
    count = 0
    escaped = False
    for char in code:
        if char == "\\" and not escaped:
            escaped = True
            continue
        if char == "`" and not escaped:
            count += 1
        escaped = False
    return count % 2 == 1


@lru_cache(maxsize=256)
def _served(path: str, mtime_ns: int, size: int) -> tuple[bytes, str]:
    del mtime_ns, size  # in the cache key: a changed file is read again
    with open(path, encoding="utf-8") as file:
        body = without_comment_lines(file.read()).encode()
    return body, f'"{sha256(body).hexdigest()[:32]}"'


class StaticAssets(StaticFiles):
    """`/static`: our scripts and stylesheets without their comment lines, the rest as on disk."""

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        path = os.fspath(full_path)
        media_type = _STRIPPED.get(os.path.splitext(path)[1])
        if media_type is None or f"{os.sep}vendor{os.sep}" in path:  # vendored: as shipped
            return super().file_response(full_path, stat_result, scope, status_code)
        body, etag = _served(path, stat_result.st_mtime_ns, stat_result.st_size)
        headers = {"etag": etag, "last-modified": formatdate(stat_result.st_mtime, usegmt=True)}
        response: Response = Response(body, status_code, headers=headers, media_type=media_type)
        if self.is_not_modified(response.headers, Headers(scope=scope)):
            return NotModifiedResponse(response.headers)
        return response


__all__ = ["StaticAssets", "without_comment_lines"]
