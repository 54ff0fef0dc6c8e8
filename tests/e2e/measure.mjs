// Measures the built page (not a test; nothing here fails on a slow figure):
//   1. the gzip size (zlib level 9) of the page's first load (.wasm, .js and .css of the
//      interface) — aim: under 250 KB — and of the worker that it starts alongside;
//   2. in Chromium, the time from putting the seed into the paste area to the rendered
//      report — aim: under 100 ms — in one page ten times, and as the first paste of
//      five fresh pages (first_paste_ms, the median).
//
//   (cd tests/e2e && node measure.mjs)      after `trunk build --release`; or `npm run measure`
//
// The last line is machine-readable:
//   gzip_kb=… worker_gzip_kb=… paste_to_report_ms_median=… paste_to_report_ms_max=… first_paste_ms=…
// KB here are 1024 bytes.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import config from './playwright.config.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '..', '..', 'dist');
const seed = fs.readFileSync(path.join(here, '..', 'fixtures', 'seed.txt'), 'utf8');
const RUNS = 10;
const FRESH_LOADS = 5;

if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`measure.mjs: ${dist}/index.html does not exist; build the page first (trunk build --release)`);
  process.exit(1);
}

// ---- 1. Transfer size: what a colleague's browser downloads (compressed) on first load.

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const kb = (bytes) => bytes / 1024;
const assets = filesUnder(dist).filter((file) => /\.(wasm|js|css)$/.test(file)).sort();
// The first load is what index.html names: the interface. The check worker (the
// checker, the text exports), which the page starts as soon as it is up and which
// loads alongside, is counted apart; so is the file worker (the same with the
// workbook and legacy-encoding readers and the workbook writer), which the page
// loads only when a file or an export needs it, and which the service worker
// caches in the background.
const firstLoad = (file) => !/jixiao-(check|file)-worker|(^|\/)sw\.js$/.test(file);
const worker = (file) => /jixiao-check-worker/.test(file);
const fileWorker = (file) => /jixiao-file-worker/.test(file);
let gzipTotal = 0;
let workerTotal = 0;
let fileWorkerTotal = 0;
console.log('dist/ sizes (raw → gzip -9):');
for (const file of assets) {
  const raw = fs.readFileSync(file);
  const gzip = zlib.gzipSync(raw, { level: 9 }).length;
  if (firstLoad(file)) gzipTotal += gzip;
  if (worker(file)) workerTotal += gzip;
  if (fileWorker(file)) fileWorkerTotal += gzip;
  console.log(`  ${path.relative(dist, file).padEnd(48)} ${kb(raw.length).toFixed(1).padStart(8)} KB → ${kb(gzip).toFixed(1).padStart(7)} KB`);
}
console.log(`  ${'first load: page .wasm + .js + .css'.padEnd(48)} ${''.padStart(11)} → ${kb(gzipTotal).toFixed(1).padStart(7)} KB  (aim: < 250 KB)`);
console.log(`  ${'the check worker, loaded alongside: .wasm + .js'.padEnd(48)} ${''.padStart(11)} → ${kb(workerTotal).toFixed(1).padStart(7)} KB`);
console.log(`  ${'first visit: the first load + the check worker'.padEnd(48)} ${''.padStart(11)} → ${kb(gzipTotal + workerTotal).toFixed(1).padStart(7)} KB  (aim: ≤ 350 KB)`);
console.log(`  ${'the file worker, when a file needs it'.padEnd(48)} ${''.padStart(11)} → ${kb(fileWorkerTotal).toFixed(1).padStart(7)} KB`);

// ---- 2. Paste → report, measured inside the page.

// serve.mjs on a port the system picks (--port 0); it prints the address it got.
async function startServer() {
  const server = spawn(process.execPath, [path.join(here, 'serve.mjs'), '--root', dist, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/at (http:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited (${code}) before listening`)));
  });
  return { server, url };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Runs entirely in the page, so no DevTools round trip is counted. The clock starts
// just before the text goes in, as a paste would put it there, and stops when the
// report's summary and the B11 finding are in the DOM and laid out.
const pasteAndWait = async (text) => {
  const area = document.querySelector('textarea[data-action="input"]');
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const waitFor = (condition, what) =>
    new Promise((resolve, reject) => {
      if (condition()) return resolve(performance.now());
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`measure.mjs: no ${what} after 10 s`));
      }, 10_000);
      // Called in a microtask after each batch of DOM changes: a tight bound on when
      // the report appeared, with no polling interval added.
      const observer = new MutationObserver(() => {
        if (!condition()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now());
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
    });

  // Clear (the empty state back, nothing left over) and let that frame finish.
  area.value = '';
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await waitFor(() => document.querySelector('[data-state="empty"]') && !document.querySelector('[data-problem]'), 'empty state');
  await nextFrame();
  await nextFrame();

  const reported = () =>
    document.querySelector('[data-summary="projects"]')?.textContent.trim() === '24' &&
    document.querySelector('[data-problem][data-rule="amount-unit-subtotal"][data-cell="B11"]') !== null;
  const start = performance.now();
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  const inDom = await waitFor(reported, 'report');
  void document.body.offsetHeight; // forces style and layout: the report is ready to paint
  const laidOut = performance.now();
  await nextFrame();
  const painted = performance.now();
  return { dom: inDom - start, laidOut: laidOut - start, painted: painted - start };
};

const { server, url } = await startServer();
// Same browser and flags as the tests (playwright.config.mjs).
const browser = await chromium.launch({ headless: true, ...config.use.launchOptions });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await page.locator('textarea[data-action="input"]').waitFor({ state: 'visible' });

  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await page.evaluate(pasteAndWait, seed);
    runs.push(run);
    console.log(
      `  run ${String(i + 1).padStart(2)}: in DOM ${run.dom.toFixed(1).padStart(6)} ms, laid out ${run.laidOut.toFixed(1).padStart(6)} ms, next frame ${run.painted.toFixed(1).padStart(6)} ms`,
    );
  }
  // The first paste of a fresh page, in a fresh browser context each time (nothing
  // cached, a new worker): pasted a second after the paste area shows, as soon as a
  // person could.
  const fresh = [];
  for (let i = 0; i < FRESH_LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url);
    await page.locator('textarea[data-action="input"]').waitFor({ state: 'visible' });
    await page.waitForTimeout(1000);
    fresh.push((await page.evaluate(pasteAndWait, seed)).laidOut);
    await context.close();
  }
  console.log(`  first paste of a fresh page: ${fresh.map((ms) => ms.toFixed(1)).join(', ')} ms`);
  if (errors.length) throw new Error(`the page threw: ${errors.join('\n')}`);

  const laidOut = runs.map((r) => r.laidOut);
  const med = median(laidOut);
  const max = Math.max(...laidOut);
  console.log(
    `paste → report (seed: 24 projects, 99 indicators, 80 findings; ${RUNS} runs, the first one included; ` +
      `"laid out" = in the DOM + style + layout): median ${med.toFixed(1)} ms, max ${max.toFixed(1)} ms (aim: < 100 ms)`,
  );
  console.log(`  to the next painted frame: median ${median(runs.map((r) => r.painted)).toFixed(1)} ms`);
  console.log(`first paste of a fresh page (${FRESH_LOADS} loads): median ${median(fresh).toFixed(1)} ms (aim: ≤ 100 ms)`);
  console.log(`gzip_kb=${kb(gzipTotal).toFixed(1)} worker_gzip_kb=${kb(workerTotal).toFixed(1)} paste_to_report_ms_median=${med.toFixed(1)} paste_to_report_ms_max=${max.toFixed(1)} first_paste_ms=${median(fresh).toFixed(1)}`);
} finally {
  await browser.close();
  server.kill();
}
