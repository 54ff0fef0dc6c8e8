#!/usr/bin/env bash
# Installs everything the project needs to build the page and run every test.
# Each step is skipped when what it installs is already there, so running it
# again is cheap. Usage: scripts/setup.sh [web|test]
#   web  – wasm target, trunk, wasm-bindgen-cli, wasm-opt (enough to build and serve the page)
#   test – all of the above plus Chromium and the npm packages for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-test}
TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned in Cargo.toml (and so in Cargo.lock).
WASM_BINDGEN_VERSION=0.2.130

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  # Not --locked: one locked dependency of this release is missing from the registry here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# A small CJK font too: without one, Chinese text in test screenshots is boxes.
if [ "$what" = test ] && ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] &&
  fc-list :lang=zh 2>/dev/null | grep -q .; }; then
  log "installing Debian's chromium, chromium-driver and a CJK font"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
fi

# npm packages: binaryen (wasm-opt; Debian's is too old for current rustc output)
# and, for the tests, @playwright/test driving the system Chromium and Papa Parse
# for the benchmark.
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || { [ "$what" = test ] && {
  [ ! -d tests/e2e/node_modules/@playwright/test ] || [ ! -d tests/e2e/node_modules/papaparse ]; }; }; then
  log "installing npm packages in tests/e2e"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

# Offline trunk builds pass --offline to cargo: fetch the crates first.
cargo fetch --quiet
log "ready"
