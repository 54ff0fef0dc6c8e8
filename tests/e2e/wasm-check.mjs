// Times the checker alone in wasm32 (src/bin/jixiao-wasm-check.rs) in node's
// V8, the engine of the page's worker, without a browser: a table from
// tables.mjs checked in a fresh instance, then once more in the same one. With
// several wasm files they run in turn, round by round, so that two commits are
// compared on the same machine in the same minutes:
//
//   node wasm-check.mjs [--mb 50] [--runs 5] [A.wasm B.wasm …]
//
// Without files it builds this checkout's (cargo, release, wasm32) and times
// that. Prints each run, then the medians, one line per file.
//
// Node 20's V8 takes longer for each memory.grow the larger the memory is
// (0.6–1 ms a call at 100 MB; the Chromium the tests use, well under 0.01 ms),
// and Talc grows the memory about a page at a time: a large table's first check
// here counts that (50 MB: 3.4 s, against about 1 s in the page's worker). Compare
// the `again` figures for large tables, or the first checks of small ones.
// wasm-check.spec.mjs holds its count of findings to the CLI's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wideTable } from './tables.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Builds this checkout's jixiao-wasm-check.wasm and returns its path.
export function buildWasmCheck() {
  execFileSync('cargo', ['build', '--quiet', '--release', '--locked', '--bin', 'jixiao-wasm-check',
    '--target', 'wasm32-unknown-unknown', '--no-default-features', '--features', 'wasm-check'],
  { cwd: root, stdio: 'inherit' });
  return path.join(root, 'target/wasm32-unknown-unknown/release/jixiao-wasm-check.wasm');
}

// A fresh instance of `module` holding `table` (bytes): its check() returns the
// number of findings.
export async function withTable(module, table) {
  const { exports } = await WebAssembly.instantiate(module, {});
  // Asked for first: making room grows the memory, which detaches its old buffer.
  const at = exports.input(table.length);
  new Uint8Array(exports.memory.buffer, at, table.length).set(table);
  return exports;
}

async function main(args) {
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at < 0 ? fallback : Number(args.splice(at, 2)[1]);
  };
  const mb = option('--mb', 50);
  const runs = option('--runs', 5);
  const files = args.length > 0 ? args : [buildWasmCheck()];
  const table = Buffer.from(wideTable(mb * 1e6));
  const modules = await Promise.all(files.map((f) => WebAssembly.compile(fs.readFileSync(f))));
  const times = files.map(() => ({ first: [], again: [] }));
  const timed = (exports) => {
    const start = performance.now();
    const found = exports.check();
    return [performance.now() - start, found];
  };
  for (let run = 0; run < runs; run++) {
    for (const [i, module] of modules.entries()) {
      const exports = await withTable(module, table);
      const [first, found] = timed(exports);
      const [again] = timed(exports);
      times[i].first.push(first);
      times[i].again.push(again);
      console.log(`run ${run + 1} ${path.basename(files[i])}: ${found} findings, ` +
        `first check ${first.toFixed(0)} ms, again ${again.toFixed(0)} ms`);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rate = (ms) => (table.length / 1e6 / (ms / 1000)).toFixed(1);
  for (const [i, file] of files.entries()) {
    const first = median(times[i].first);
    const again = median(times[i].again);
    console.log(`${file}: ${(table.length / 1e6).toFixed(1)} MB, median of ${runs}: ` +
      `first check ${first.toFixed(0)} ms (${rate(first)} MB/s), again ${again.toFixed(0)} ms (${rate(again)} MB/s)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
