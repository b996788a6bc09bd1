"""Lighthouse scores for the home and player pages, with Debian's Chromium, headless.

Setup once: `npm ci --prefix benchmarks` (Lighthouse lands in benchmarks/node_modules, not in git).
Run: `.venv/bin/python -m benchmarks.lighthouse [--runs 3]`

Lighthouse's defaults: a mobile phone, simulated slow 4G and a 4x slower CPU (Lantern), so the
performance score does not depend on this machine's speed as much as a measured trace would. Each
page is audited `--runs` times on a fresh profile and the median score is reported.
"""

import argparse
import json
import os
import statistics
import subprocess
from pathlib import Path

from benchmarks.harness import CHROMIUM_FLAGS, Server, scratch_dir
from tests.databases import migrate

LIGHTHOUSE = Path(__file__).resolve().parent / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(CHROMIUM_FLAGS)
PAGES = {"home": "/", "player": "/play/morning"}


def audit(url: str) -> dict[str, object]:
    out = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    ).stdout
    report: dict[str, object] = json.loads(out)
    return report


def failing(report: dict[str, object]) -> list[tuple[str, float]]:
    """The audits that cost points: (id, score)."""
    audits = report["audits"]
    assert isinstance(audits, dict)
    categories = report["categories"]
    assert isinstance(categories, dict)
    weighted = {ref["id"] for c in categories.values() for ref in c["auditRefs"] if ref["weight"]}
    return [
        (a["id"], a["score"])
        for a in audits.values()
        if a["id"] in weighted and a.get("score") is not None and a["score"] < 1
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: npm ci --prefix benchmarks")
    database_url = f"sqlite:///{scratch_dir() / 'bench.db'}"
    migrate(database_url)
    env = {"DATABASE_URL": database_url, "LOG_LEVEL": "warning"}
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True)
    print(f"Lighthouse {version.stdout.strip()}, median of {args.runs} runs\n")
    print("| page | " + " | ".join(CATEGORIES) + " | FCP | LCP | TBT | CLS |")
    print("|---|" + "---|" * (len(CATEGORIES) + 4))
    short: dict[str, list[str]] = {}
    with Server("app.main:create_app", env=env, factory=True) as server:
        for name, path in PAGES.items():
            reports = [audit(server.url + path) for _ in range(args.runs)]
            cats = [r["categories"] for r in reports]
            scores = [statistics.median(c[k]["score"] * 100 for c in cats) for k in CATEGORIES]  # type: ignore[index]
            metric = {
                m: statistics.median(r["audits"][m]["numericValue"] for r in reports)  # type: ignore[index]
                for m in (
                    "first-contentful-paint",
                    "largest-contentful-paint",
                    "total-blocking-time",
                    "cumulative-layout-shift",
                )
            }
            print(
                f"| {name} (`{path}`) | "
                + " | ".join(f"{s:.0f}" for s in scores)
                + f" | {metric['first-contentful-paint']:.0f} ms"
                + f" | {metric['largest-contentful-paint']:.0f} ms"
                + f" | {metric['total-blocking-time']:.0f} ms"
                + f" | {metric['cumulative-layout-shift']:.3f} |"
            )
            worst: dict[str, float] = {}
            for audit_id, score in (pair for r in reports for pair in failing(r)):
                worst[audit_id] = min(score, worst.get(audit_id, 1.0))
            short[name] = [f"{k} ({v:.2f} at worst)" for k, v in sorted(worst.items())]
    for name, audits in short.items():
        print(f"\n{name}: audits scored below 1: {', '.join(audits) or 'none'}")


if __name__ == "__main__":
    main()
