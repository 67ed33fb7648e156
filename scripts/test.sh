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
for setup in scripts/services/*.sh; do
  [ -e "$setup" ] || continue
  while IFS= read -r line; do
    case "$line" in
      *=*) export "${line?}" ;;
    esac
  done < <(bash "$setup")
done
exec .venv/bin/python -m pytest -q "$@"
