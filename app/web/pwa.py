"""The installable, offline layer: the web app manifest, the service worker and the offline page."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import HTMLResponse

from app.core.config import PROJECT_ROOT
from app.stores.routines import builtin_detail, builtin_slugs
from app.web.scripts import without_comment_lines
from app.web.templating import templates

router = APIRouter(include_in_schema=False)

THEME_COLOR = "#0f5257"  # app.css --accent (light), also base.html's theme-color
BACKGROUND_COLOR = "#f7f7f4"  # app.css --bg (light): the splash screen behind the icon
OFFLINE_URL = "/offline"
MANIFEST_URL = "/manifest.webmanifest"
SHORTCUTS = (("morning", "Morning"), ("evening", "Evening"), ("flare-up", "Flare-up"))
# The screens beyond playing a routine: precached when they answer, so one that fails to render
# never blocks installing the player.
OPTIONAL_PAGES = (
    "/history",
    "/history/runs",
    "/settings",
    "/account",
    "/devices",
    "/routines/new",
    "/help",
    "/exercises",
)


@dataclass(frozen=True)
class ShellSource:
    """Where the files that make up the app shell live on the server."""

    static_dir: Path
    templates_dir: Path
    worker_file: Path


def shell_source() -> ShellSource:
    """The shell of this checkout; a dependency so a test can serve a changed copy."""
    app_dir = PROJECT_ROOT / "app"
    return ShellSource(app_dir / "static", app_dir / "templates", app_dir / "web" / "sw.js")


Shell = Annotated[ShellSource, Depends(shell_source)]


def static_urls(source: ShellSource) -> list[str]:
    """Every file under the static directory, as the URL /static serves it at."""
    return ["/static/" + path for path in _files(source.static_dir)]


def page_urls() -> list[str]:
    """The pages every install must hold: home, offline, and each built-in's detail and player."""
    slugs = builtin_slugs()
    return ["/", OFFLINE_URL, *(f"/routines/{s}" for s in slugs), *(f"/play/{s}" for s in slugs)]


def api_urls() -> list[str]:
    """The public API GETs the player needs offline: the library and every built-in timeline."""
    slugs = builtin_slugs()
    return ["/api/v1/routines", *(f"/api/v1/routines/{s}" for s in slugs), "/api/v1/exercises"]


def shell_urls(source: ShellSource) -> list[str]:
    """Everything the service worker must precache to install."""
    return [*static_urls(source), *page_urls(), MANIFEST_URL, *api_urls()]


def shell_version(source: ShellSource, urls: list[str]) -> str:
    """A hash of everything the shell is made of: any change makes a new service worker.

    The server's Python is in it too: it renders the pages and writes the exercises and timelines.
    """
    digest = hashlib.sha256("\n".join([*urls, *OPTIONAL_PAGES]).encode())
    code_dir = PROJECT_ROOT / "app"
    for root, pattern in (
        (source.static_dir, "*"),
        (source.templates_dir, "*"),
        (code_dir, "*.py"),
    ):
        for path in _files(root, pattern):
            digest.update(path.encode() + b"\0" + (root / path).read_bytes())
    digest.update(source.worker_file.read_bytes())
    return digest.hexdigest()[:16]


def manifest() -> dict[str, Any]:
    """The web app manifest: how Squeeze looks once installed."""
    return {
        "id": "/",
        "name": "Squeeze: hips, glutes, calmer back",
        "short_name": "Squeeze",
        "description": "A guided hip and glute routine with a timer you can trust eyes closed.",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": "/static/icons/icon.svg", "sizes": "any", "type": "image/svg+xml"},
            _png("icon-192.png", 192, "any"),
            _png("icon-512.png", 512, "any"),
            _png("icon-maskable-192.png", 192, "maskable"),
            _png("icon-maskable-512.png", 512, "maskable"),
        ],
        "shortcuts": [
            {
                "name": f"Play the {label.lower()} routine",
                "short_name": label,
                "url": f"/play/{slug}",
                "icons": [_png("icon-192.png", 192, "any")],
            }
            for slug, label in SHORTCUTS
        ],
    }


@router.get("/sw.js")
def service_worker(source: Shell) -> Response:
    """The service worker, headed by the shell it precaches and that shell's version."""
    urls = shell_urls(source)
    shell = {
        "version": shell_version(source, urls),
        "precache": urls,
        "optional": OPTIONAL_PAGES,
        "offline": OFFLINE_URL,
        "player": f"/play/{builtin_slugs()[0]}",
    }
    worker = without_comment_lines(source.worker_file.read_text())
    body = f"const SHELL = {json.dumps(shell)};\n" + worker
    headers = {"Service-Worker-Allowed": "/", "Cache-Control": "no-cache"}
    return Response(body, media_type="text/javascript; charset=utf-8", headers=headers)


@router.get(MANIFEST_URL)
def web_app_manifest() -> Response:
    """The web app manifest."""
    body = json.dumps(manifest(), indent=1)
    headers = {"Cache-Control": "no-cache"}
    return Response(body, media_type="application/manifest+json", headers=headers)


@router.get(OFFLINE_URL, response_class=HTMLResponse)
def offline(request: Request) -> HTMLResponse:
    """What the service worker shows for a page it has not kept while there is no network."""
    slugs = [slug for slug, _label in SHORTCUTS]
    routines = [d for d in map(builtin_detail, slugs) if d is not None]
    return templates.TemplateResponse(request, "offline.html", {"routines": routines})


def _png(name: str, size: int, purpose: str) -> dict[str, str]:
    return {
        "src": f"/static/icons/{name}",
        "sizes": f"{size}x{size}",
        "type": "image/png",
        "purpose": purpose,
    }


# Bytecode, and the vendored API docs (/docs is for people reading the API, not the offline app).
_NOT_SHIPPED = ("__pycache__", "vendor")


def _files(root: Path, pattern: str = "*") -> list[str]:
    """The files of a release under `root`, as sorted POSIX paths relative to it.

    Dotfiles and bytecode are left out: every server of one release must hash the same bytes.
    """
    paths = (p.relative_to(root) for p in root.rglob(pattern) if p.is_file())
    return sorted(
        p.as_posix()
        for p in paths
        if p.suffix != ".pyc" and not any(s.startswith(".") or s in _NOT_SHIPPED for s in p.parts)
    )
