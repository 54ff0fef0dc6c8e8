// The batch benchmark (not a test; nothing fails on a slow figure): 200 files of
// the seed's size (the seed with its department varied) picked at once in the real
// page's 批量检查, in headless Chromium. It prints how long until the batch table
// holds all 200 rows, and the longest main-thread task meanwhile
// (PerformanceObserver, longtask: the page must never freeze).
//
//   cd tests/e2e && npm run bench-batch      (after a release build: trunk build --release)
//
// batch_s and longest_task_ms count from the moment the page is handed the files
// (the picker's change event) until the table holds every row.
// Its last line: batch_files=200 batch_s=… files_per_s=… longest_task_ms=… long_tasks=… (…)

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import config from './playwright.config.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', '..', 'dist');
const FILES = Number(process.env.BATCH_FILES || 200);
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('batch-bench.mjs: dist/ is missing; run trunk build --release first');
  process.exit(1);
}
const seed = fs.readFileSync(path.join(here, '..', 'fixtures', 'seed.txt'), 'utf8');
const files = Array.from({ length: FILES }, (_, i) => ({
  name: `dept-${String(i).padStart(3, '0')}.txt`,
  mimeType: 'text/plain',
  buffer: Buffer.from(seed.replace('部门名称：番禺区政务服务数据管理局', `部门名称：第${i}局`)),
}));

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.txt': 'text/plain' };
const server = http.createServer((request, response) => {
  const name = decodeURIComponent(new URL(request.url, 'http://x').pathname).replace(/^\/$/, '/index.html');
  const file = path.join(dist, path.normalize(name));
  if (!file.startsWith(dist) || !fs.existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch(config.use.launchOptions);
const page = await browser.newPage();
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // When the page is handed the files (the picker's change event).
  document.addEventListener('change', () => { window.__picked = window.__picked ?? performance.now(); }, true);
});
await page.goto(`${origin}/`);
await page.locator('textarea[data-action="input"]').waitFor();
// Let the worker start and the page settle before measuring.
await page.waitForTimeout(1000);
await page.evaluate(() => (window.__longTasks.length = 0));
const start = Date.now();
await page.locator('input[data-action="batch-files"]').setInputFiles(files);
await page.waitForFunction(
  (n) => document.querySelectorAll('[data-batch-row]').length === n && !document.querySelector('[data-state="batch-running"]'),
  FILES,
  { timeout: 600_000, polling: 50 },
);
const seconds = (Date.now() - start) / 1000;
// From the picker's change event on: the page's own work. Before it, the
// browser takes in the files (with Playwright, their bytes pass through the
// DevTools protocol on the main thread: a cost of the automation, not of the page).
const { tasks, picked, now } = await page.evaluate(() => ({ tasks: window.__longTasks, picked: window.__picked, now: performance.now() }));
const pageTasks = tasks.filter(([at]) => at >= picked).map(([, d]) => d);
const allTasks = tasks.map(([, d]) => d);
const pageSeconds = (now - picked) / 1000;
if (process.env.BATCH_DEBUG) console.log(JSON.stringify(tasks.map(([at, d]) => [Math.round(at - picked), Math.round(d)])));
const totals = await page.locator('[data-batch-total="files"]').textContent();
await browser.close();
server.close();
console.log(`totals: ${totals}`);
console.log(`longest main-thread task from the pick on, the file input's own included: ${Math.round(Math.max(0, ...allTasks))} ms`);
console.log(
  `batch_files=${FILES} batch_s=${pageSeconds.toFixed(2)} files_per_s=${(FILES / pageSeconds).toFixed(1)} ` +
    `longest_task_ms=${Math.round(Math.max(0, ...pageTasks))} long_tasks=${pageTasks.length} (setInputFiles to done: ${seconds.toFixed(2)} s)`,
);
