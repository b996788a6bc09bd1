"""Every exercise has a small, safe line drawing with alt text that matches its SVG title."""

import gzip
import xml.etree.ElementTree as ET

import pytest

from app.content.illustrations import (
    ALT_TEXT,
    ILLUSTRATION_DIR,
    illustration_markup,
    illustration_path,
    illustration_url,
)
from app.content.library import EXERCISES

SVG = "{http://www.w3.org/2000/svg}"
SLUGS = [e.slug for e in EXERCISES]
BUDGET_GZIPPED = 40 * 1024


def test_every_exercise_has_a_drawing_and_alt_text() -> None:
    assert sorted(ALT_TEXT) == sorted(SLUGS)
    assert sorted(p.stem for p in ILLUSTRATION_DIR.glob("*.svg")) == sorted(SLUGS)
    for slug in SLUGS:
        assert illustration_path(slug).is_file()
        assert illustration_url(slug) == f"/static/img/exercises/{slug}.svg"
        alt = ALT_TEXT[slug]
        assert alt.endswith(".")
        assert ". " not in alt, "alt text is one sentence"


def test_unknown_slug_has_no_drawing() -> None:
    with pytest.raises(KeyError):
        illustration_url("leg-press")


@pytest.mark.parametrize("slug", SLUGS)
def test_drawing_is_a_self_contained_accessible_svg(slug: str) -> None:
    markup = illustration_markup(slug)
    root = ET.fromstring(markup)
    assert root.tag == f"{SVG}svg"
    assert len(root.attrib["viewBox"].split()) == 4
    assert "width" not in root.attrib
    assert "height" not in root.attrib
    assert root.attrib["role"] == "img"
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.text == ALT_TEXT[slug]
    for el in root.iter():
        tag = el.tag.removeprefix(SVG)
        assert tag not in {"script", "style", "foreignObject", "image", "use", "text"}, tag
        assert "style" not in el.attrib
        assert not any(name.startswith("on") for name in el.attrib)
        for name, value in el.attrib.items():
            assert not name.endswith("href"), (name, value)
            assert "url(" not in value
            assert "://" not in value
    # Colours follow the page: figure strokes use currentColor, only the accent has a fixed default.
    fixed = {el.attrib.get(a) for el in root.iter() for a in ("fill", "stroke")} - {
        None,
        "none",
        "currentColor",
    }
    accents = [el for el in root.iter() if el.attrib.get("class") == "accent"]
    assert fixed <= {el.attrib["stroke"] for el in accents}


def test_all_drawings_fit_the_budget() -> None:
    total = sum(len(gzip.compress(illustration_path(s).read_bytes(), 9)) for s in SLUGS)
    assert total <= BUDGET_GZIPPED
