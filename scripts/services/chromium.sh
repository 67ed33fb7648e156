#!/usr/bin/env bash
# Makes Debian's chromium available for the Playwright browser tests.
# Prints exactly one line, AUTODOSSIER_TEST_CHROMIUM=/usr/bin/chromium, on stdout when the
# browser is there (installing it with apt-get as root if missing); prints nothing and
# exits 0 when it cannot, so the browser tests skip instead of failing. All chatter -> stderr.
# Never downloads a browser from a hub (no `playwright install`).
set -u
CHROMIUM=/usr/bin/chromium

if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "chromium.sh: installing chromium with apt-get" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2 2>&1 \
      || echo "chromium.sh: apt-get could not install chromium; browser tests will skip" >&2
  else
    echo "chromium.sh: chromium missing and not root with apt-get; browser tests will skip" >&2
  fi
fi

# Check that the binary really starts (a half-installed package would fail every test).
if [ -x "$CHROMIUM" ] && "$CHROMIUM" --headless --no-sandbox --disable-gpu --version >&2 2>&1; then
  echo "AUTODOSSIER_TEST_CHROMIUM=$CHROMIUM"
fi
exit 0
