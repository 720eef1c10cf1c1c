#!/usr/bin/env bash
# The whole suite: typecheck, lint, build, unit + integration tests inside a
# private D-Bus session with a real gnome-keyring, Playwright in Chromium, the
# Electron security scan. Ends with one line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
rm -f .tmp/vitest.json .tmp/playwright.json
status=0
step() { echo; echo "== $*"; }

step typecheck; npm run -s typecheck || status=1
step lint; npm run -s lint || status=1
step build; npm run -s build >/dev/null || status=1

step "unit + integration (real keyring in a private D-Bus session)"
keyring_home=$(mktemp -d)
XDG_DATA_HOME=$keyring_home/data XDG_RUNTIME_DIR=$keyring_home/run HOME_KEYRING=$keyring_home \
  dbus-run-session -- bash -c '
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    echo -n unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json' || status=1
rm -rf "$keyring_home"

step "end to end (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/playwright.json npx playwright test --reporter=list,json || status=1

step "security scan (electronegativity)"
npm run -s security:scan || status=1

node scripts/summarize-tests.mjs .tmp/vitest.json .tmp/playwright.json || status=1
exit $status
