#!/usr/bin/env bash
# Runs every test: the native tests of the core and the CLI, then builds the page
# and runs the browser tests against the build.
#   SKIP_NATIVE=1 scripts/test.sh   – only the page build and the browser tests
#   SKIP_SETUP=1  scripts/test.sh   – assume scripts/setup.sh has already been run
set -euo pipefail
cd "$(dirname "$0")/.."

section() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
current=""
trap 'status=$?; if [ $status -ne 0 ]; then printf "\n\033[1;31mFAILED: %s (exit %s)\033[0m\n" "$current" "$status" >&2; fi' EXIT

current="setup"
if [ -z "${SKIP_SETUP:-}" ]; then
  section "setup (scripts/setup.sh test)"
  scripts/setup.sh test
fi
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if [ -z "${SKIP_NATIVE:-}" ]; then
  current="native tests"
  section "native tests (cargo test --locked)"
  cargo test --locked
else
  section "native tests skipped (SKIP_NATIVE is set)"
fi

current="page build"
section "page build (trunk build --release → dist/)"
# wasm-opt comes from tests/e2e/node_modules/.bin (first on PATH, see above).
TRUNK_SKIP_VERSION_CHECK=true trunk build --release

current="browser tests"
section "browser tests (playwright, Debian's Chromium)"
(cd tests/e2e && npx --no-install playwright test)

current="done"
section "all tests passed"
