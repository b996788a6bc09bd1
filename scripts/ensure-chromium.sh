#!/usr/bin/env bash
# Browser tests need Debian's Chromium. In CI it is installed when missing (and its absence fails the
# run); elsewhere the browser tests are skipped, and we say so loudly.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "${CI:-}" = "true" ]; then
  echo ">>> $CHROMIUM is missing: installing Debian's chromium for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] || { echo "!!! could not install chromium: browser tests cannot run in CI"; exit 1; }
else
  echo "!!! ================================================================"
  echo "!!! $CHROMIUM not found: the browser tests will be SKIPPED."
  echo "!!! Install it with: apt-get install chromium   (CI=true does that)"
  echo "!!! ================================================================"
fi
