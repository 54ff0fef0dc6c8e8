// What every spec shares: the seed table, a `test` that fails any test whose page
// throws, panics, shows #fatal or asks another origin for anything, and small
// helpers for the page's data-* hooks (the UI contract in issue 3).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { rootURL, subPathURL, releaseURL } from './servers.mjs';

export { expect };

const here = path.dirname(fileURLToPath(import.meta.url));
export const fixtures = path.join(here, '..', 'fixtures');

// The real table from Guangzhou Panyu; www/sample.txt is the same file.
export const seedBytes = fs.readFileSync(path.join(fixtures, 'seed.txt'));
export const seed = seedBytes.toString('utf8');

// What the core reports for the seed (tests/seed.rs checks each finding by hand).
export const seedSummary = {
  units: '2',
  projects: '24',
  indicators: '99',
  errors: '5',
  warnings: '52',
  infos: '23',
  department: '番禺区政务服务数据管理局',
};

// The only origins a page may talk to: the test servers (root, sub-path, and the
// copy of the build that release.spec.mjs serves).
const ownOrigins = new Set([rootURL, subPathURL, releaseURL].map((url) => new URL(url).origin));

// Watches a page for what must never happen: an error thrown, a Rust panic, a request
// to another origin. Returns the check to run once the test is done with the page. The
// automatic guard below applies it to `page`; a spec that opens more pages (a second
// browser context for a shared link) applies it to those itself.
export function watch(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error}`));
  // console_error_panic_hook reports a Rust panic on the console; the wasm trap
  // that follows may be swallowed by an event listener, so look for both.
  page.on('console', (message) => {
    if (message.type() === 'error' && /panicked at|RuntimeError/.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('request', (request) => {
    const url = request.url();
    // data: and blob: URLs never leave the browser.
    if (!/^(data|blob):/.test(url) && !ownOrigins.has(new URL(url).origin)) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  return async () => {
    if (!page.isClosed()) {
      // #fatal is what the app shows when it panicked; it must never appear.
      expect(await page.locator('#fatal').count(), 'the page showed #fatal').toBe(0);
    }
    expect(problems, 'errors, panics or foreign requests while the test ran').toEqual([]);
  };
}

export const test = base.extend({
  // Runs around every test without being asked for. Checking after the test, not
  // only where a spec thinks of it, catches a panic in some later re-render or an
  // error thrown by an event handler that no assertion looks at.
  pageGuard: [
    async ({ page }, use) => {
      const verify = watch(page);
      await use();
      await verify();
    },
    { auto: true },
  ],
});

export const input = (page) => page.locator('textarea[data-action="input"]');
export const summary = (page, key) => page.locator(`[data-summary="${key}"]`);
export const problem = (page, rule, cell) => page.locator(`[data-problem][data-rule="${rule}"][data-cell="${cell}"]`);
export const cellAt = (page, id) => page.locator(`[data-cell-id="${id}"]`);

// Opens the page and waits for the wasm app to mount (the paste area is rendered by it).
export async function open(page, url = '/') {
  await page.goto(url);
  await expect(input(page)).toBeVisible();
}

// First visit: waits until the worker is active and controls the page. A worker
// does not control the page that registered it until that page loads again (sw.js
// calls clients.claim(), which usually makes the reload unnecessary).
export async function firstVisit(page, url) {
  await open(page, url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { message: 'a worker controls the page' })
    .toBe(true);
}

// Puts text into the paste area as a user's paste would (fill fires `input`).
export async function paste(page, text) {
  await input(page).fill(text);
}

// Waits until the whole report is drawn: the page draws the summary and the first
// problems in one frame, and the other problems, the charts and the table's rows in
// the task after it (README "Hosting").
export async function reportDrawn(page) {
  await expect(page.locator('main[data-drawn]')).toHaveCount(1);
}

// Waits until the summary shows the seed's figures and the whole report is drawn.
export async function expectSeedReport(page) {
  for (const [key, value] of Object.entries(seedSummary)) {
    await expect(summary(page, key), `summary ${key}`).toHaveText(value);
  }
  await expect(problem(page, 'amount-unit-subtotal', 'B11')).toHaveCount(1);
  await reportDrawn(page);
}

// Every rendered finding, as the attributes the contract gives it, once the whole
// report is drawn.
export async function pageProblems(page) {
  await reportDrawn(page);
  return page.locator('[data-problem]').evaluateAll((elements) =>
    elements.map((e) => ({
      rule: e.getAttribute('data-rule'),
      cell: e.getAttribute('data-cell'),
      indicator: e.hasAttribute('data-indicator') ? Number(e.getAttribute('data-indicator')) : null,
      severity: e.getAttribute('data-severity'),
      text: e.textContent,
    })),
  );
}

// A finding's identity for comparing multisets: "rule cell indicator".
export const key = ({ rule, cell, indicator }) => `${rule} ${cell} ${indicator ?? '-'}`;
export const keys = (list) => list.map(key).sort();

// Drops a file on the page the way the browser does for a real drag from the file
// manager: dragenter, dragover and drop on the body, carrying a File. Returns for each
// event whether the page called preventDefault (it must, or a real drop would make the
// browser open the file instead of handing it to the page).
export async function dropFile(page, name, bytes, type = 'text/plain') {
  return page.evaluate(
    ({ name, bytes, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type }));
      const cancelled = {};
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        const event = new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true, composed: true });
        document.body.dispatchEvent(event);
        cancelled[kind] = event.defaultPrevented;
      }
      return cancelled;
    },
    { name, bytes: [...bytes], type },
  );
}

// Text of the seed after replacing one cell (1-based row, 0-based column), as a user
// would edit it in Excel before copying. Rows are the lines of the pasted text.
export function editCell(text, row, column, value) {
  const lines = text.split('\n');
  const cells = lines[row - 1].split('\t');
  cells[column] = value;
  lines[row - 1] = cells.join('\t');
  return lines.join('\n');
}

// Replaces exactly one occurrence, so a variant never changes more than it says.
export function replaceOnce(text, from, to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

// The fragment a share link carries for `text`, built the way src/share.rs builds it
// (raw deflate, no zlib header; base64url without padding), so that specs can make
// links, good or hostile, without clicking 分享链接 first.
export function shareFragment(bytes) {
  return `t=${zlib.deflateRawSync(Buffer.from(bytes), { level: 9 }).toString('base64url')}`;
}
