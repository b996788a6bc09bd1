"""Peak memory of a real uvicorn process while 40 sign-ins with unknown usernames arrive at once.

Run: `.venv/bin/python -m benchmarks.signin_memory` (prints the server's resident set before the
burst and its peak, VmHWM from /proc, for the default hash limit and for an unlimited one).
Every unknown username is still checked against a decoy Argon2id hash (64 MiB each), so the
peak is set by how many hashes run at once.
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from benchmarks.harness import Server, scratch_dir
from tests.databases import migrate

BURST = 40


def _kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def _burst(url: str) -> list[int]:
    def post(i: int) -> int:
        with httpx.Client(base_url=url, timeout=60) as http:
            body = {"username": f"nobody{i}", "password": "not a password at all"}
            return http.post("/api/v1/tokens", json=body).status_code

    with ThreadPoolExecutor(BURST) as pool:
        return list(pool.map(post, range(BURST)))


def measure(database_url: str, hash_limit: int) -> tuple[int, int, list[int]]:
    """RSS before the burst and the peak (MiB), and the statuses the burst got."""
    env = {"DATABASE_URL": database_url, "HASH_MAX_CONCURRENT": str(hash_limit)}
    with Server("app.main:create_app", env=env, factory=True) as server:
        before = _kib(server.pid, "VmRSS") // 1024
        statuses = _burst(server.url)
        peak = _kib(server.pid, "VmHWM") // 1024
    return before, peak, statuses


def main() -> None:
    directory = scratch_dir()
    for limit in (4, BURST):
        database_url = f"sqlite:///{directory / f'limit{limit}.db'}"
        migrate(database_url)
        before, peak, statuses = measure(database_url, limit)
        counts = {s: statuses.count(s) for s in sorted(set(statuses))}
        print(f"hash limit {limit:>2}: {before} MiB before, peak {peak} MiB; statuses {counts}")


if __name__ == "__main__":
    main()
