#!/usr/bin/env bash
# The speed benchmark: our full check in wasm (the page's worker, headless
# Chromium) against Papa Parse's bare parse in the same page and our native CLI,
# on tables of about 1, 10 and 50 MB; also the worker's wasm memory and the
# longest main-thread task of the real page while it checks the 50 MB table.
# Builds what is missing first. The last line is machine-readable:
#   wasm_mb_s=… papaparse_mb_s=… native_mb_s=… wasm_vs_papaparse=… wasm_vs_native=… peak_mem_ratio=… held_mem_ratio=…
#   file_vs_peer=… handover_ms=… check_vs_papaparse=… first_paste_ms=… first_1mb_mb_s=… recheck_mem_ratio=… longest_task_ms=…
# Usage: scripts/bench.sh [--sizes 1,10,50] [--runs 3]   (SKIP_SETUP=1 to skip scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SKIP_SETUP:-}" ]; then
  scripts/setup.sh test
fi
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo build --locked --release --bin jixiao-lint
TRUNK_SKIP_VERSION_CHECK=true trunk build --release
cd tests/e2e
# The page's size and its first paste (measure.mjs), then the tables (bench.mjs),
# whose last line carries measure.mjs's first_paste_ms.
first_paste=$(node measure.mjs | tee /dev/stderr | sed -n 's/.*first_paste_ms=\([0-9.]*\).*/\1/p')
FIRST_PASTE_MS=$first_paste exec node bench.mjs "$@"
