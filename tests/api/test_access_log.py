"""The calendar feed's key never reaches uvicorn's access log."""

import subprocess
import sys
import time
from pathlib import Path

import httpx

from app.core.config import PROJECT_ROOT
from benchmarks.harness import free_port


def _listening(http: httpx.Client) -> bool:
    try:
        return http.get("/healthz").status_code == 200
    except httpx.TransportError:
        return False


def test_the_feed_key_is_redacted_from_the_access_log(database_url: str, tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "server.log"
    args = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"]
    args += ["--port", str(port), "--log-level", "info"]
    env = {"DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"}
    with log.open("wb") as out:
        server = subprocess.Popen(args, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=out)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
                deadline = time.monotonic() + 60
                while not _listening(http):
                    assert server.poll() is None, "the server stopped"
                    assert time.monotonic() < deadline, "the server did not start"
                    time.sleep(0.1)  # polls a fact (the port answers), bounded by the deadline
                answer = http.get("/api/v1/reminders.ics?key=SeCrEtFeEdKeY123&x=1")
                assert answer.status_code == 404
        finally:
            server.terminate()
            server.wait(timeout=10)
    written = log.read_text()
    assert "/api/v1/reminders.ics?key=[redacted]&x=1" in written, written[-2000:]
    assert "SeCrEtFeEdKeY123" not in written
