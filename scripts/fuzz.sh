#!/usr/bin/env bash
# Fuzzes with libFuzzer. Usage: scripts/fuzz.sh [SECONDS] [TARGET]   (default 600, pipeline)
#   pipeline   – bytes → report → exports → the page's view, seeded with the fixture tables
#   structured – generated tables with amounts, weights and costs near Decimal's
#                limits in every line-end style, and hostile workbooks (long shared
#                strings, repeated and huge merges, ods repeats)
# A crash is saved under tests/fuzz/artifacts/TARGET/; turn it into a
# regression test in tests/robustness.rs or tests/hostile.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
target=${2:-pipeline}
corpus=tests/fuzz/corpus/$target
mkdir -p "$corpus"
if [ "$target" = pipeline ]; then cp tests/fixtures/*.txt "$corpus"/; fi
# cargo-fuzz passes unstable flags (sanitizers); RUSTC_BOOTSTRAP lets stable rustc take them.
RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz "$target" "$corpus" -- \
  -max_total_time="${1:-600}" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1
