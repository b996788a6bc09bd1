"""The JS tests play the server's own timelines: the committed fixtures are what it compiles."""

import json

from scripts.js_fixtures import FIXTURES, render


def test_the_js_timeline_fixtures_are_what_the_server_compiles() -> None:
    assert FIXTURES.read_text(encoding="utf-8") == render(), (
        "tests/js/timelines.json is stale: run `python -m scripts.js_fixtures` and commit it"
    )


def test_the_fixtures_file_is_json_with_each_routine_and_its_extra_rounds() -> None:
    routines = json.loads(render())
    assert set(routines) == {"morning", "bridge-builder", "flare-up", "hip-reset"}
    assert routines["bridge-builder"]["more_rounds"] == []
    assert [v["rounds"] for v in routines["flare-up"]["more_rounds"]] == [4, 5, 6]
