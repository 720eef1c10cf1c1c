#!/usr/bin/env bash
# The whole suite: typecheck, lint, formatting, build, unit + integration tests inside a
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
step "format (prettier --check)"; npx prettier --check . >/dev/null || { npx prettier --check . | tail -20; status=1; }
step build; npm run -s build >/dev/null || status=1
# The sandboxed preload is one bundled file; zod or the contract's schemas in it would show here.
preload_bytes=$(wc -c < out/preload/index.cjs 2>/dev/null || echo 999999)
if [ "$preload_bytes" -ge 20480 ]; then echo "out/preload/index.cjs is $preload_bytes bytes; the limit is 20 KB"; status=1; fi

step "unit, integration and end to end, inside a private D-Bus session with a real gnome-keyring"
keyring_home=$(mktemp -d)
mkdir -p "$keyring_home/run" && chmod 700 "$keyring_home/run"
XDG_DATA_HOME=$keyring_home/data XDG_RUNTIME_DIR=$keyring_home/run \
  dbus-run-session -- bash -c '
    echo -n unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    status=0
    npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=1
    echo; echo "== end to end (Playwright, Chromium)"
    PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/playwright.json npx playwright test --reporter=list,json || status=1
    exit $status' 2> >(grep -v "Failed to set fd limit" >&2) || status=1
rm -rf "$keyring_home"

step "security scan (electronegativity)"
npm run -s security:scan || status=1

node scripts/summarize-tests.mjs .tmp/vitest.json .tmp/playwright.json || status=1
exit $status
