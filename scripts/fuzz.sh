#!/usr/bin/env bash
# Fuzzes the whole pipeline (bytes → report → exports) with libFuzzer, seeded
# with the fixture tables. Usage: scripts/fuzz.sh [SECONDS]   (default 600)
# A crash is saved under tests/fuzz/artifacts/pipeline/; turn it into a
# regression test in tests/robustness.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
corpus=tests/fuzz/corpus/pipeline
mkdir -p "$corpus"
cp tests/fixtures/*.txt "$corpus"/
# cargo-fuzz passes unstable flags (sanitizers); RUSTC_BOOTSTRAP lets stable rustc take them.
RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz pipeline "$corpus" -- \
  -max_total_time="${1:-600}" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1
