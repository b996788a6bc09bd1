"""Scripts are served without their comment lines, and what is served still parses and runs."""

import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.core.config import PROJECT_ROOT
from app.web.scripts import without_comment_lines

SCRIPTS = sorted((PROJECT_ROOT / "app" / "static" / "js").rglob("*.js"))
WORKER = PROJECT_ROOT / "app" / "web" / "sw.js"


def test_comment_lines_go_and_code_stays() -> None:
    source = "// why\nconst a = 1; // trailing stays\n/** doc\n * more\n */\nexport { a };\n"
    assert without_comment_lines(source) == "const a = 1; // trailing stays\nexport { a };\n"


def test_a_template_literal_keeps_lines_that_look_like_comments() -> None:
    source = "const t = `first\n// not a comment\n/* nor this */\n`;\n// gone\n"
    assert (
        without_comment_lines(source) == "const t = `first\n// not a comment\n/* nor this */\n`;\n"
    )


def test_an_escaped_backtick_does_not_open_a_template() -> None:
    source = "const s = '\\`';\n// gone\n"
    assert without_comment_lines(source) == "const s = '\\`';\n"


@pytest.mark.parametrize("script", [*SCRIPTS, WORKER], ids=lambda p: p.name)
def test_every_served_script_parses(script: Path, tmp_path: Path) -> None:
    served = tmp_path / script.name
    served.write_text(without_comment_lines(script.read_text()))
    # Modules parse as modules (from standard input); the service worker is a classic script.
    module = ["node", "--input-type=module", "--check"]
    if script == WORKER:
        result = subprocess.run(["node", "--check", str(served)], capture_output=True, text=True)
    else:
        result = subprocess.run(module, input=served.read_text(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    code = [line for line in script.read_text().splitlines() if not line.lstrip().startswith("//")]
    assert len(served.read_text().splitlines()) <= len(code)


def test_stylesheets_are_served_without_comment_lines_and_with_every_rule(
    client: TestClient,
) -> None:
    source = (PROJECT_ROOT / "app" / "static" / "css" / "app.css").read_text()
    served = client.get("/static/css/app.css")
    assert served.status_code == 200
    assert served.headers["content-type"].startswith("text/css")
    assert "/* ──" in source
    assert "/* ──" not in served.text
    assert served.text.count("{") == source.count("{")  # every rule is still there
