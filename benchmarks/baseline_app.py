"""The baseline: a bare FastAPI app answering one small JSON document, nothing else."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/healthz")
def healthz() -> dict[str, str]:
    """Liveness, so the harness knows when it is up."""
    return {"status": "ok"}


@app.get("/json")
def json_document() -> dict[str, object]:
    """A small JSON answer, what FastAPI itself can do per request."""
    return {"slug": "baseline", "version": 1, "items": [1, 2, 3]}


@app.get("/json-async")
async def json_document_async() -> dict[str, object]:
    """The same answer from an `async def`: no thread-pool hop, where async handlers start."""
    return {"slug": "baseline", "version": 1, "items": [1, 2, 3]}
