#!/bin/sh
# Migrate the database, then serve. Used by `make run` and the container.
set -eu
python -m alembic upgrade head
exec python -m uvicorn app.main:create_app --factory \
  --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" \
  --proxy-headers --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}"
