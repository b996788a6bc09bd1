"""The how-to pages as the server renders them: every exercise's page, the routine pages, /help."""

import re

import pytest
from fastapi.testclient import TestClient

from app.content import EXERCISES, PHASES, SAFETY, Exercise
from app.content.illustrations import ALT_TEXT
from app.content.sources import SOURCE_TITLES, SOURCES
from app.stores.routines import builtin_slugs

SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html.replace("&#39;", "'").replace("&amp;", "&"))


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.slug)
def test_every_exercise_has_a_page_with_its_drawing_cues_and_source_titles(
    client: TestClient, exercise: Exercise
) -> None:
    response = client.get(f"/exercises/{exercise.slug}")
    assert response.status_code == 200
    page = _text(response.text)
    assert f'<h1 id="exercise-name">{exercise.name}</h1>' in page
    assert f"<title>{ALT_TEXT[exercise.slug]}</title>" in page  # the drawing, inline
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') == 1
    assert len(exercise.cues) == 3
    for cue in exercise.cues:
        assert f"<li>{cue}</li>" in page
    assert exercise.dose in page
    assert f"Phase</dt><dd>{exercise.phase}:" in page
    assert exercise.avoid in page
    for file in exercise.sources:
        assert f"<li>{SOURCE_TITLES[file]}</li>" in page
    assert not SEED_FILE.search(page)


def test_the_deadlift_page_lists_its_six_steps_and_why_it_waits(client: TestClient) -> None:
    page = _text(client.get("/exercises/kettlebell-sumo-deadlift").text)
    assert (
        page.count(
            "<li>", page.index('class="learn"'), page.index("</ol>", page.index('class="learn"'))
        )
        == 6
    )
    assert "Why it waits for phase 3:" in page
    assert 'href="/routines/hinge"' in page


def test_an_unknown_exercise_is_a_404_page(client: TestClient) -> None:
    response = client.get("/exercises/leg-press")
    assert response.status_code == 404
    assert "No exercise is called “leg-press”." in response.text
    assert client.get("/exercises/Not_A_Slug").status_code == 422


def test_the_exercise_list_links_every_exercise(client: TestClient) -> None:
    page = client.get("/exercises").text
    for e in EXERCISES:
        assert f'href="/exercises/{e.slug}"' in page


@pytest.mark.parametrize("slug", builtin_slugs())
def test_routine_pages_show_drawings_and_cues_and_no_file_names(
    client: TestClient, slug: str
) -> None:
    page = _text(client.get(f"/routines/{slug}").text)
    assert '<img class="drawing" src="/static/img/exercises/' in page
    assert 'href="/exercises/' in page
    assert not SEED_FILE.search(page)


def test_the_hinge_routine_page_shows_the_lift_once_and_its_six_steps(client: TestClient) -> None:
    page = _text(client.get("/routines/hinge").text)
    assert page.count('<img class="drawing"') == 1
    assert page.count("Tap Done when you have it.") == 6


def test_help_has_safety_cues_phases_sources_and_is_in_the_menu(client: TestClient) -> None:
    response = client.get("/help")
    assert response.status_code == 200
    page = _text(response.text)
    for line in SAFETY:
        assert line in page
    assert "not medical advice" in page
    for cue in ("Tones", "Pips", "Beats", "Voice", "Buzz"):
        assert f"<dt><strong>{cue}</strong></dt>" in page
    for phase in PHASES:
        assert phase.name in page
    for source in SOURCES:
        assert f"<li>{source.title}</li>" in page
    assert not SEED_FILE.search(page)
    for url in ("/", "/routines/morning", "/play/morning", "/history"):
        assert '<a href="/help">Help</a>' in client.get(url).text, url
