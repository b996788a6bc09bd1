"""Writes tests/js/timelines.json: built-in timelines as the API serves them, for the JS tests.

Run `python -m scripts.js_fixtures` after changing the compiler or the built-ins;
tests/test_js_fixtures.py fails while the committed file differs from what this writes.
"""

import json
from pathlib import Path
from typing import Any

from app.core.config import PROJECT_ROOT
from app.stores.routines import builtin_detail

FIXTURES = PROJECT_ROOT / "tests" / "js" / "timelines.json"
# The routines the JS tests play: timed rounds with sides, self-paced sets, a short rescue, and
# paced sets.
SLUGS = ("morning", "bridge-builder", "flare-up", "hip-reset")
FIELDS = ("timeline", "more_rounds")


def fixtures() -> dict[str, dict[str, Any]]:
    """Each routine of SLUGS as the fields GET /api/v1/routines/{slug} answers with."""
    out: dict[str, dict[str, Any]] = {}
    for slug in SLUGS:
        detail = builtin_detail(slug)
        assert detail is not None, slug
        dumped = detail.model_dump(mode="json")
        out[slug] = {field: dumped[field] for field in FIELDS}
    return out


def render() -> str:
    """The file's text: one segment a line, so a diff shows which segments changed."""
    lines = ["{"]
    routines = fixtures()
    for n, (slug, routine) in enumerate(routines.items()):
        lines.append(f"  {json.dumps(slug)}: {{")
        lines.append('    "timeline": [')
        lines += _items(routine["timeline"], "      ")
        lines.append("    ],")
        lines.append('    "more_rounds": [')
        for m, variant in enumerate(routine["more_rounds"]):
            head = {k: v for k, v in variant.items() if k != "segments"}
            lines.append(f"      {json.dumps(head)[:-1]}, " + '"segments": [')
            lines += _items(variant["segments"], "        ")
            lines.append("      ]}" + ("," if m < len(routine["more_rounds"]) - 1 else ""))
        lines.append("    ]")
        lines.append("  }" + ("," if n < len(routines) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _items(items: list[Any], indent: str) -> list[str]:
    last = len(items) - 1
    return [indent + json.dumps(item) + ("," if i < last else "") for i, item in enumerate(items)]


def write(path: Path = FIXTURES) -> None:
    """Writes the fixtures to `path`."""
    path.write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {FIXTURES.relative_to(PROJECT_ROOT)}")
