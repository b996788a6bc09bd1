"""Run a server in a subprocess and load it with wrk; parse what wrk measured."""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = Path(__file__).resolve().parent / "lua"
CHROMIUM = "/usr/bin/chromium"
# shared/BROWSER-TESTING.md's flags, without Playwright's throttle-off ones: a hidden tab is hidden.
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class Load:
    """What one wrk run measured."""

    name: str
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process `pid` has used so far, all its threads together."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # Fields after the command name (which may hold spaces) in parentheses: utime is the 14th.
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`uvicorn APP` on a loopback port, one worker, the same settings for every app measured."""

    def __init__(self, app: str, env: dict[str, str] | None = None, factory: bool = False) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        args = [sys.executable, "-m", "uvicorn", app, "--port", str(self.port)]
        args += ["--log-level", "warning", "--no-access-log"] + (["--factory"] if factory else [])
        self.args, self.env = args, {**os.environ, **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> "Server":
        self.process = subprocess.Popen(self.args, cwd=ROOT, env=self.env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError(f"{self.args} did not start")

    @property
    def pid(self) -> int:
        """The server's process id (uvicorn with one worker serves in this process)."""
        assert self.process is not None
        return self.process.pid

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


def wrk(
    name: str,
    url: str,
    *,
    seconds: int = 10,
    connections: int = 32,
    script: str | None = None,
    env: dict[str, str] | None = None,
) -> Load:
    """Load `url` with wrk for `seconds`; `script` is a Lua file in benchmarks/lua."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    # A 10 s timeout: a slow answer is latency (p99), not an error; errors are failures.
    args = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    args += ["--timeout", "10s"]
    if script:
        args += ["-s", str(LUA / script)]
    out = subprocess.run(
        [*args, url], capture_output=True, text=True, check=True, env={**os.environ, **(env or {})}
    ).stdout
    return _parse(name, out)


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:  # wrk prints "-nanus" when nothing completed
        return float("nan")
    value, unit = match.groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def _parse(name: str, out: str) -> Load:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    # Anchored: "+/- Stdev" columns also end in "%" (e.g. "75.50%").
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(bad.group(1)) if bad else 0
    return Load(name, rps, p50, p99, errors, total)


def scratch_dir() -> Path:
    """A temporary directory for one benchmark's database."""
    return Path(tempfile.mkdtemp(prefix="squeeze-bench-"))
