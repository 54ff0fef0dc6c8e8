#!/usr/bin/env bash
# Builds the page and serves it at http://127.0.0.1:${PORT:-8080}/, rebuilding on
# every change in www/, src/ or Cargo.toml. Usage: [PORT=8080] scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh web
# npm's binaryen first: Trunk runs wasm-opt in release builds, and Trunk.toml pins
# version_132, which Debian's wasm-opt (if installed) is not.
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The version check would reach for the network, which is not there.
export TRUNK_SKIP_VERSION_CHECK=true
# Trunk.toml's public_url "./" is served at "/" by trunk serve.
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
