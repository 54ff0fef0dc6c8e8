// The speed benchmark (not a test; nothing here fails on a slow figure). For
// tables of about 1, 10 and 50 MB built from the seed's rows (names and figures
// varied, see tables.mjs), it measures in the same run:
//   (a) our full check in wasm, in the page's worker, in headless Chromium;
//   (b) Papa Parse parsing the same text (no checks at all), in the same page;
//   (c) our native CLI (`jixiao-lint check --format summary`, release build);
// and, for the 50 MB table, the worker's wasm memory afterwards (it only grows,
// so it is the peak) and the longest main-thread task of the real page while it
// reads and checks the table from a picked file (PerformanceObserver, longtask).
//
//   ./scripts/bench.sh            (builds what is missing, then runs this)
//   node bench.mjs [--sizes 1,10,50] [--runs 3]
//
// and the file path (the bytes of a picked file transferred to the worker, against
// TextDecoder + Papa Parse on the same bytes), what handing a pasted string over
// costs apart from the check, the first check of a fresh worker two seconds after
// it is ready (as a user pastes), and the memory after checking the largest table
// twice in one worker. The last line is machine-readable, for the 50 MB table (or
// the largest size; first_1mb_mb_s for the 1 MB one; first_paste_ms from measure.mjs
// and batch_s (200 files in the page's 批量检查) from batch-bench.mjs, which
// scripts/bench.sh runs first):
//   wasm_mb_s=… papaparse_mb_s=… native_mb_s=… wasm_vs_papaparse=… wasm_vs_native=… peak_mem_ratio=… held_mem_ratio=…
//   file_vs_peer=… handover_ms=… check_vs_papaparse=… first_paste_ms=… first_1mb_mb_s=… recheck_mem_ratio=… longest_task_ms=… batch_s=…
// MB here are 10^6 bytes; ratios above 1 mean ours is faster. Each figure is the
// median of --runs runs; a fresh worker (fresh wasm memory) for each wasm run.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import config from './playwright.config.mjs';
import { wideTable } from './tables.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const dist = path.join(repo, 'dist');
const cli = path.join(repo, 'target', 'release', 'jixiao-lint');
const papaparse = path.join(here, 'node_modules', 'papaparse', 'papaparse.min.js');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const sizes = option('sizes', '1,10,50').split(',').map(Number);
const RUNS = Number(option('runs', 3));

for (const [what, file, how] of [
  ['the page', path.join(dist, 'index.html'), 'trunk build --release'],
  ['the CLI', cli, 'cargo build --release --bin jixiao-lint'],
  ['Papa Parse', papaparse, 'npm ci in tests/e2e'],
]) {
  if (!fs.existsSync(file)) {
    console.error(`bench.mjs: ${what} is missing (${file}); run ${how}, or ./scripts/bench.sh`);
    process.exit(1);
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
const tables = sizes.map((mb) => {
  const file = path.join(dir, `table-${mb}.txt`);
  fs.writeFileSync(file, wideTable(mb * 1e6));
  return { mb, file, bytes: fs.statSync(file).size };
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mbs = (bytes, ms) => bytes / 1e6 / (ms / 1000);

// ---- (c) native: the CLI as a user runs it, process start to exit.

function native(table) {
  const times = [];
  let line = '';
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(cli, ['check', '--format', 'summary', table.file], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (run.status !== 0 && run.status !== 1) throw new Error(`jixiao-lint failed: ${run.stderr}`);
    line = run.stdout.trim();
  }
  return { ms: median(times), line };
}

// ---- A server for dist/, Papa Parse, the tables and a bare benchmark page.

const benchPage = `<!doctype html><meta charset="utf-8"><title>bench</title><script src="/papaparse.min.js"></script>`;
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let file;
  if (url.pathname === '/bench.html') {
    res.writeHead(200, { 'content-type': types['.html'] });
    return res.end(benchPage);
  } else if (url.pathname === '/papaparse.min.js') {
    file = papaparse;
  } else if (url.pathname.startsWith('/table-')) {
    file = path.join(dir, path.basename(url.pathname));
  } else {
    file = path.join(dist, path.normalize(url.pathname === '/' ? '/index.html' : url.pathname));
  }
  if (!file.startsWith(dist) && !file.startsWith(dir) && file !== papaparse) return res.writeHead(403).end();
  fs.readFile(file, (error, data) => {
    if (error) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(data);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ headless: true, ...config.use.launchOptions });
const results = [];
let longestTask = 0;
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/bench.html`);
  for (const table of tables) {
    // (a) and (b) inside the page, so that no DevTools round trip is counted.
    const inPage = await page.evaluate(
      async ({ name, runs, largest }) => {
        const bytes = await (await fetch(`/${name}`)).arrayBuffer();
        const text = new TextDecoder().decode(bytes);
        // A fresh worker (fresh wasm memory); `settle` ms after it is ready, as a
        // user who opens the page and then pastes (its warm-up runs meanwhile).
        const fresh = (settle = 0) =>
          new Promise((resolve, reject) => {
            const worker = new Worker('/jixiao-check-worker_loader.js', { type: 'module' });
            worker.onerror = (event) => reject(new Error(`worker: ${event.message}`));
            worker.onmessage = ({ data }) => data.ready && setTimeout(() => resolve(worker), settle);
          });
        // One check: the clock runs from handing over the message to the overview's arrival.
        const check = (worker, message, transfer = []) =>
          new Promise((resolve, reject) => {
            worker.onmessage = ({ data }) => {
              if (data.progress !== undefined) return;
              const ms = performance.now() - start;
              if (!data.ok) return reject(new Error(data.message_en));
              resolve({ ms, checkMs: data.check_ms, memory: data.memory_bytes, held: data.peak_bytes, projects: data.projects });
            };
            const start = performance.now();
            worker.postMessage(message, transfer);
          });
        const once = async (settle, message, transfer) => {
          const worker = await fresh(settle);
          const result = await check(worker, message, transfer);
          worker.terminate();
          return result;
        };
        // Papa Parse's parse alone of the pasted string, or — the file path's
        // best JS peer — of the file's bytes decoded by TextDecoder first.
        const papa = (decode = false) => {
          const start = performance.now();
          const parsed = Papa.parse(decode ? new TextDecoder().decode(bytes) : text, { delimiter: '\t' });
          return { ms: performance.now() - start, rows: parsed.data.length };
        };
        const wasmRuns = [];
        const papaRuns = [];
        const fileRuns = [];
        const papaFileRuns = [];
        const firstRuns = [];
        for (let i = 0; i < runs; i++) {
          wasmRuns.push(await once(0, { check: text }));
          papaRuns.push(papa());
          const copy = bytes.slice(0);
          fileRuns.push(await once(0, copy, [copy]));
          papaFileRuns.push(papa(true));
          firstRuns.push(await once(2000, { check: text }));
        }
        // The same table checked twice in one worker: the memory must not grow.
        let recheck = null;
        if (largest) {
          const worker = await fresh();
          const first = await check(worker, { check: text });
          const second = await check(worker, { check: text });
          worker.terminate();
          recheck = second.memory / first.memory;
        }
        return { wasmRuns, papaRuns, fileRuns, papaFileRuns, firstRuns, recheck };
      },
      { name: path.basename(table.file), runs: RUNS, largest: table === tables[tables.length - 1] },
    );
    const wasmMs = median(inPage.wasmRuns.map((r) => r.ms));
    const checkMs = median(inPage.wasmRuns.map((r) => r.checkMs));
    const papaMs = median(inPage.papaRuns.map((r) => r.ms));
    const memory = Math.max(...inPage.wasmRuns.map((r) => r.memory));
    // The most bytes the check held (counted at the allocator); the memory beyond it is the allocator's spare.
    const held = Math.max(...inPage.wasmRuns.map((r) => r.held));
    const fileMs = median(inPage.fileRuns.map((r) => r.ms));
    const papaFileMs = median(inPage.papaFileRuns.map((r) => r.ms));
    const firstMs = median(inPage.firstRuns.map((r) => r.ms));
    // What handing the pasted string over costs (posting, copying it into wasm
    // memory, the overview back), apart from the check itself.
    const handoverMs = wasmMs - checkMs;
    const nat = native(table);
    const projects = inPage.wasmRuns[0].projects;
    if (!nat.line.includes(`${projects} 个项目`)) {
      throw new Error(`the page's worker and the CLI disagree: ${projects} projects vs ${nat.line}`);
    }
    results.push({ table, wasmMs, checkMs, papaMs, nativeMs: nat.ms, memory, held, projects, fileMs, papaFileMs, firstMs, handoverMs, recheck: inPage.recheck });
    console.log(
      `${String(table.mb).padStart(3)} MB (${table.bytes} bytes, ${projects} projects): ` +
        `wasm ${wasmMs.toFixed(0)} ms = ${mbs(table.bytes, wasmMs).toFixed(1)} MB/s (check alone ${checkMs.toFixed(0)} ms), ` +
        `Papa Parse ${papaMs.toFixed(0)} ms = ${mbs(table.bytes, papaMs).toFixed(1)} MB/s, ` +
        `native ${nat.ms.toFixed(0)} ms = ${mbs(table.bytes, nat.ms).toFixed(1)} MB/s, ` +
        `wasm memory ${(memory / 1e6).toFixed(0)} MB = ${(memory / table.bytes).toFixed(2)}× the input ` +
          `(held at most ${(held / 1e6).toFixed(0)} MB = ${(held / table.bytes).toFixed(2)}×)`,
    );
    console.log(
      `       file picked: worker ${fileMs.toFixed(0)} ms = ${mbs(table.bytes, fileMs).toFixed(1)} MB/s, ` +
        `TextDecoder + Papa Parse ${papaFileMs.toFixed(0)} ms = ${mbs(table.bytes, papaFileMs).toFixed(1)} MB/s (×${(papaFileMs / fileMs).toFixed(2)}); ` +
        `paste handover ${handoverMs.toFixed(0)} ms, check after it ×${(papaMs / checkMs).toFixed(2)} of Papa Parse; ` +
        `first check in a fresh worker (2 s after ready) ${firstMs.toFixed(0)} ms = ${mbs(table.bytes, firstMs).toFixed(1)} MB/s` +
        (inPage.recheck ? `; memory after a re-check ×${inPage.recheck.toFixed(2)}` : ''),
    );
  }

  // The real page with the largest table, picked as a file: the longest task on
  // its main thread from the pick until the report is shown and the table scrolled.
  const largest = tables[tables.length - 1];
  const app = await browser.newPage();
  await app.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await app.goto(`${origin}/`);
  await app.locator('textarea[data-action="input"]').waitFor();
  await app.evaluate(() => (window.__longTasks.length = 0));
  const start = Date.now();
  await app.locator('input[data-action="file"]').setInputFiles(largest.file);
  const projects = app.locator('[data-summary="projects"]');
  await app.waitForFunction(
    (expected) => document.querySelector('[data-summary="projects"]')?.textContent.trim() === String(expected),
    results[results.length - 1].projects,
    { timeout: 600_000 },
  );
  const shownMs = Date.now() - start;
  // Scroll the table to its middle and its end, waiting for the rows each time.
  for (const at of [0.5, 1]) {
    await app.evaluate((at) => {
      const box = document.getElementById('table-box');
      box.scrollTop = (box.scrollHeight - box.clientHeight) * at;
    }, at);
    await app.waitForFunction(() => !document.querySelector('#table-box tr.loading'), null, { timeout: 60_000 });
  }
  const longTasks = await app.evaluate(() => window.__longTasks);
  const longest = Math.max(0, ...longTasks);
  longestTask = longest;
  console.log(
    `page: ${largest.mb} MB file picked → report shown in ${shownMs} ms (${await projects.textContent()} projects); ` +
      `main-thread tasks over 50 ms: ${longTasks.length}, longest ${longest.toFixed(0)} ms (aim: none over 100 ms)`,
  );
  console.log(`longest_main_thread_task_ms=${longest.toFixed(0)}`);
} finally {
  await browser.close();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const last = results[results.length - 1];
const bytes = last.table.bytes;
const wasmRate = mbs(bytes, last.wasmMs);
const papaRate = mbs(bytes, last.papaMs);
const nativeRate = mbs(bytes, last.nativeMs);
// The first check of a fresh worker is measured on the 1 MB table (when it is among the sizes).
const small = results.find((r) => r.table.mb === 1);
console.log(
  `wasm_mb_s=${wasmRate.toFixed(1)} papaparse_mb_s=${papaRate.toFixed(1)} native_mb_s=${nativeRate.toFixed(1)} ` +
    `wasm_vs_papaparse=${(wasmRate / papaRate).toFixed(2)} wasm_vs_native=${(wasmRate / nativeRate).toFixed(2)} ` +
    `peak_mem_ratio=${(last.memory / bytes).toFixed(2)} held_mem_ratio=${(last.held / bytes).toFixed(2)} ` +
    `file_vs_peer=${(last.papaFileMs / last.fileMs).toFixed(2)} handover_ms=${last.handoverMs.toFixed(0)} ` +
    `check_vs_papaparse=${(last.papaMs / last.checkMs).toFixed(2)} ` +
    `first_paste_ms=${process.env.FIRST_PASTE_MS ?? 'n/a'} ` +
    `first_1mb_mb_s=${small ? mbs(small.table.bytes, small.firstMs).toFixed(1) : 'n/a'} ` +
    `recheck_mem_ratio=${last.recheck.toFixed(2)} longest_task_ms=${longestTask.toFixed(0)} ` +
    `batch_s=${process.env.BATCH_S || 'n/a'}`,
);
