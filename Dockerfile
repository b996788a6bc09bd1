FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HOST=0.0.0.0 \
    PORT=8000 \
    DATABASE_URL=sqlite:////app/data/squeeze.db

WORKDIR /app
# The runtime lock only (no test tools), every package checked against its hash.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock \
    && useradd --system --create-home --uid 10001 squeeze \
    && mkdir -p /app/data \
    && chown squeeze:squeeze /app/data

COPY alembic.ini ./
COPY scripts/serve.sh ./scripts/serve.sh
COPY migrations ./migrations
COPY app ./app

USER squeeze
VOLUME ["/app/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["/app/scripts/serve.sh"]
