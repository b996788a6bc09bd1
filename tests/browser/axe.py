"""Accessibility checks with axe-core, inside the real page."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

_axe = Axe()


def violations(page: Page) -> list[str]:
    """axe-core's violations on the page as it is now, as readable lines."""
    results = _axe.run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]
    ]
