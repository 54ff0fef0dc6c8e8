#!/usr/bin/env bash
# Every fixture table's report, written into OUTDIR by the release CLI: the
# JSON contract in English and the default human output (also the one-line
# summary). Run it before and after a change that must not change what the
# checker says (a speed-up, a refactor), then `diff -r BEFORE AFTER`: an empty
# diff proves the reports byte-identical.
# Usage: scripts/fixture-reports.sh OUTDIR   (NO_BUILD=1 to use the built binary,
# BIN=path to use another: the commit before, built elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/fixture-reports.sh OUTDIR}
mkdir -p "$out"
if [ -z "${NO_BUILD:-}" ] && [ -z "${BIN:-}" ]; then
  cargo build --release --bin jixiao-lint >&2
fi
bin=${BIN:-target/release/jixiao-lint}
# A reader's panic (the corrupt .xls) prints its message on stderr: without a
# backtrace, and without the thread's id, which changes from run to run.
export RUST_BACKTRACE=0
# Exit status 1 (errors found) and 2 (unreadable, as the corrupt .xls is) are
# part of the report, so they are recorded rather than stopping the script.
find tests/fixtures -type f \( -name '*.txt' -o -name '*.csv' -o -name '*.tsv' \
  -o -name '*.xlsx' -o -name '*.xls' -o -name '*.ods' -o -name '*.zip' \) | sort |
  while read -r table; do
    name=$(echo "${table#tests/fixtures/}" | tr '/' '_')
    for format in json human summary; do
      lang=en
      [ "$format" = human ] && lang=zh
      set +e
      "$bin" check --no-config --format "$format" --lang "$lang" "$table" \
        >"$out/$name.$format" 2>"$out/$name.$format.raw"
      echo "exit $?" >>"$out/$name.$format.raw"
      sed -E "s/^thread '([^']*)' \([0-9]+\)/thread '\1'/" "$out/$name.$format.raw" >"$out/$name.$format.stderr"
      rm "$out/$name.$format.raw"
      set -e
    done
  done
# Extra tables (a large generated one, say) to compare as well, by path:
# FIXTURE_EXTRA="/tmp/t50.txt" scripts/fixture-reports.sh OUTDIR
for table in ${FIXTURE_EXTRA:-}; do
  name=extra_$(basename "$table")
  for format in json human; do
    set +e
    "$bin" check --no-config --format "$format" --lang en "$table" | sha256sum >"$out/$name.$format.sha256"
    set -e
  done
done
echo "$(find "$out" -type f | wc -l) files in $out" >&2
