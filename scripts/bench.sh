#!/usr/bin/env bash
# The speed benchmark: our full check in wasm (the page's worker, headless
# Chromium) against Papa Parse's bare parse in the same page and our native CLI,
# on tables of about 1, 10 and 50 MB; also the worker's wasm memory and the
# longest main-thread task of the real page while it checks the 50 MB table.
# Builds what is missing first. The last line is machine-readable:
#   wasm_mb_s=… papaparse_mb_s=… native_mb_s=… wasm_vs_papaparse=… wasm_vs_native=… peak_mem_ratio=… held_mem_ratio=…
#   file_vs_peer=… handover_ms=… check_vs_papaparse=… first_paste_ms=… first_1mb_mb_s=… recheck_mem_ratio=… longest_task_ms=… batch_s=…
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
# The page's size and its first paste (measure.mjs), a batch of 200 files
# (batch-bench.mjs: printed here so that a slower batch is seen on every run, as
# it was not when the keyed batch table came), then the tables (bench.mjs),
# whose last line carries the first two's first_paste_ms and batch_s.
# Their output is kept in files, not teed to /dev/stderr: when the bench's output
# goes to a file, tee would open that file again and write over it from the start.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
node measure.mjs | tee "$out/measure"
node batch-bench.mjs | tee "$out/batch"
first_paste=$(sed -n 's/.*first_paste_ms=\([0-9.]*\).*/\1/p' "$out/measure")
batch=$(sed -n 's/.*batch_s=\([0-9.]*\).*/\1/p' "$out/batch")
FIRST_PASTE_MS=$first_paste BATCH_S=$batch node bench.mjs "$@"
