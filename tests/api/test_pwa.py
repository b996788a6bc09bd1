"""The manifest, the service worker script and the offline page, over HTTP."""

import json
import re
import shutil
import struct
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.config import PROJECT_ROOT
from app.stores.routines import builtin_slugs
from app.web.pwa import ShellSource, shell_source

APP_CSS = PROJECT_ROOT / "app" / "static" / "css" / "app.css"


def shell_of(client: TestClient) -> dict[str, Any]:
    """The SHELL constant the server puts at the top of /sw.js."""
    first_line = client.get("/sw.js").text.split("\n", 1)[0]
    match = re.fullmatch(r"const SHELL = (\{.*\});", first_line)
    assert match, first_line
    shell: dict[str, Any] = json.loads(match.group(1))
    return shell


def light_token(name: str) -> str:
    """A colour token of app.css's light theme (the first :root block)."""
    root = APP_CSS.read_text().split("}", 1)[0]
    match = re.search(rf"--{name}:\s*(#[0-9a-fA-F]+)", root)
    assert match, name
    return match.group(1).lower()


def test_the_manifest_describes_an_installable_standalone_app(client: TestClient) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.headers["content-type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"].startswith("Squeeze")
    assert manifest["short_name"] == "Squeeze"
    assert manifest["description"]
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == (
        "/",
        "/",
        "standalone",
    )
    assert manifest["theme_color"] == light_token("accent")
    assert manifest["background_color"] == light_token("bg")


def test_the_manifest_icons_exist_in_svg_and_png_192_and_512_with_a_maskable_one(
    client: TestClient,
) -> None:
    icons = client.get("/manifest.webmanifest").json()["icons"]
    kinds = {(i["type"], i["sizes"], i.get("purpose", "any")) for i in icons}
    assert ("image/svg+xml", "any", "any") in kinds
    assert {("image/png", "192x192", "any"), ("image/png", "512x512", "any")} <= kinds
    assert ("image/png", "512x512", "maskable") in kinds
    for icon in icons:
        response = client.get(icon["src"])
        assert response.status_code == 200, icon["src"]
        assert response.headers["content-type"].startswith(icon["type"])
        if icon["type"] == "image/png":
            width, height = struct.unpack(">II", response.content[16:24])  # the PNG IHDR chunk
            assert f"{width}x{height}" == icon["sizes"]


def test_the_manifest_shortcuts_play_morning_evening_and_flare_up(client: TestClient) -> None:
    shortcuts = client.get("/manifest.webmanifest").json()["shortcuts"]
    assert [s["short_name"] for s in shortcuts] == ["Morning", "Evening", "Flare-up"]
    assert [s["url"] for s in shortcuts] == ["/play/morning", "/play/evening", "/play/flare-up"]
    for shortcut in shortcuts:
        slug = shortcut["url"].removeprefix("/play/")
        assert client.get(f"/api/v1/routines/{slug}").status_code == 200


def test_the_service_worker_is_served_uncached_for_the_whole_origin(client: TestClient) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["service-worker-allowed"] == "/"
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["content-type"].startswith("text/javascript")


def test_the_service_worker_precaches_the_static_files_pages_and_every_builtin_timeline(
    client: TestClient,
) -> None:
    precache = shell_of(client)["precache"]
    static_dir = PROJECT_ROOT / "app" / "static"
    for path in static_dir.rglob("*"):
        url = "/static/" + path.relative_to(static_dir).as_posix()
        if path.is_file() and "vendor" not in path.parts:
            assert url in precache
        elif path.is_file():
            assert url not in precache  # the API docs' Swagger UI is not part of the offline app
    for slug in builtin_slugs():
        assert f"/api/v1/routines/{slug}" in precache
        assert f"/play/{slug}" in precache
    assert {
        "/",
        "/offline",
        "/manifest.webmanifest",
        "/api/v1/routines",
        "/api/v1/exercises",
    } <= set(precache)
    assert len(precache) == len(set(precache))


def test_everything_the_service_worker_must_precache_answers(client: TestClient) -> None:
    # One failing URL and the browser throws the whole install away.
    failing = [url for url in shell_of(client)["precache"] if client.get(url).status_code != 200]
    assert failing == []


def test_the_shell_version_is_stable_and_changes_with_any_static_file(
    app: FastAPI, client: TestClient, tmp_path: Path
) -> None:
    version = shell_of(client)["version"]
    assert shell_of(client)["version"] == version
    real = shell_source()
    copy = ShellSource(tmp_path / "static", real.templates_dir, real.worker_file)
    shutil.copytree(real.static_dir, copy.static_dir)
    app.dependency_overrides[shell_source] = lambda: copy
    assert shell_of(client)["version"] == version
    with (copy.static_dir / "css" / "app.css").open("a") as css:
        css.write("\n/* changed */\n")
    assert shell_of(client)["version"] != version


def test_the_offline_page_offers_the_routines_that_play_offline(client: TestClient) -> None:
    response = client.get("/offline")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for slug in ("morning", "evening", "flare-up"):
        assert f'href="/play/{slug}"' in response.text
