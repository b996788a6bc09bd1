"""A whole ten-year export goes back in through /import, in one request; other routes keep 1 MiB."""

import json
from datetime import timedelta

from fastapi.testclient import TestClient

from tests.api.completion_factory import BERLIN, run
from tests.auth import sign_up
from tests.clock import NOW

TEN_YEARS = 3650
# A typical note: with it, the export weighs what a real ten-year one does.
NOTE = (
    "steady today; the left side is still a little weaker on the bridge, "
    "eased off on the last set, then walked"
)


def test_a_ten_year_export_round_trips_through_import(client: TestClient) -> None:
    auth = sign_up(client)
    today = NOW.astimezone(BERLIN).replace(hour=7, minute=0, second=0, microsecond=0)
    runs = [
        run(today - timedelta(days=back, hours=hours), notes=NOTE)
        for back in range(1, TEN_YEARS + 1)
        for hours in (0, -14)
    ]
    export = {
        "exported_at": NOW.isoformat(),
        "completions": [
            {**r, "local_date": r["started_at"][:10], "seq": i} for i, r in enumerate(runs)
        ],
    }
    body = json.dumps(export).encode()
    assert len(body) > 3_600_000  # as large as a real ten-year export (3.67 MB)
    answer = client.post(
        "/api/v1/import", content=body, headers={**auth, "Content-Type": "application/json"}
    )
    assert answer.status_code == 200, answer.text[:500]
    assert answer.json()["created"] == len(runs) == 7300
    assert answer.json()["rejected"] == []
    # The larger limit is /import's alone.
    other = client.post(
        "/api/v1/sync", content=body, headers={**auth, "Content-Type": "application/json"}
    )
    assert other.status_code == 413
