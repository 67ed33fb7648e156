#!/usr/bin/env bash
# Sets up the virtual environment and the services the tests use, then runs the tests.
# Usage: bash scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install -q --disable-pip-version-check -e '.[dev]'
# Each scripts/services/*.sh sets up one service (PostgreSQL, Chromium, ...) where it can
# and prints KEY=VALUE lines that tell the tests where to find it; a test whose service is
# absent is skipped locally, while CI installs them all.
# Their output goes through a file, not a pipe: a server a setup script starts in the
# background could inherit the pipe and keep it open, and a pipe reader would wait forever.
# Each setup gets a bounded time (apt-get installs included).
SERVICE_SETUP_TIMEOUT_S=900
service_out="$(mktemp)"
for setup in scripts/services/*.sh; do
  [ -e "$setup" ] || continue
  timeout "$SERVICE_SETUP_TIMEOUT_S" bash "$setup" > "$service_out" \
    || echo "test.sh: $setup failed or timed out; its tests will skip" >&2
  while IFS= read -r line; do
    case "$line" in
      *=*) export "${line?}" ;;
    esac
  done < "$service_out"
done
rm -f "$service_out"
exec .venv/bin/python -m pytest -q "$@"
