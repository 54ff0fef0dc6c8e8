// Two builds of the page's worker (issue 13, first visit): the check worker starts
// with the page and checks UTF-8 text; the file worker (the workbook and
// legacy-encoding readers, the workbook writer) loads only when a file or an export
// needs it. The move carries the table on show and the earlier version over, so the
// user sees no difference but the wait for the second download.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, seed, seedBytes, fixtures, open, paste, summary, expectSeedReport, dropFile, replaceOnce } from './support.mjs';

// Requests for the file worker's files.
function watchFileWorker(page) {
  const requests = [];
  page.on('request', (request) => {
    if (/jixiao-file-worker/.test(request.url())) requests.push(new URL(request.url()).pathname);
  });
  return requests;
}

const counts = (page) => page.locator('[data-compare-counts]');
const workers = (page, name) => page.workers().filter((w) => w.url().includes(name));
const revision = replaceOnce(seed, '实施周期指标值:400万元, 年度指标值:400万元', '实施周期指标值:280万元, 年度指标值:280万元');

test('a UTF-8 table never loads the file worker; the annotated workbook moves the table and its earlier version there', async ({ page }) => {
  const requests = watchFileWorker(page);
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await page.locator('[data-action="compare-current"]').click();
  await expect(page.locator('[data-compare-earlier]')).toContainText('错误 5，警告 52，提示 23');
  await paste(page, revision);
  await expect(counts(page)).toHaveText('已解决 1，新出现 0，仍存在 79；表格变化 2');
  await dropFile(page, 'seed.txt', seedBytes);
  await expect(summary(page, 'source')).toContainText('UTF-8');
  await expect(counts(page)).toHaveText('已解决 0，新出现 0，仍存在 80；表格变化 0');
  await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-findings-csv"]').click()]);
  expect(requests, 'pastes, a UTF-8 file, a comparison and a text export need no file worker').toEqual([]);

  // The workbook: written by the file worker, from the table the check worker kept.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="export-annotated-xlsx"]').click(),
  ]);
  expect(await download.failure()).toBeNull();
  expect(fs.readFileSync(await download.path()).subarray(0, 2).toString()).toBe('PK');
  expect(requests.some((r) => r.endsWith('/jixiao-file-worker_bg.wasm')), 'the file worker was loaded').toBe(true);
  // The check worker has answered everything and ended; the file worker is locked
  // out of the network as the check worker was (scripts/post-build.mjs).
  await expect.poll(() => workers(page, 'jixiao-check-worker').length).toBe(0);
  const fileWorker = workers(page, 'jixiao-file-worker')[0];
  expect(await fileWorker.evaluate(() => [typeof fetch, typeof XMLHttpRequest, typeof WebSocket])).toEqual(['undefined', 'undefined', 'undefined']);

  // The file worker holds the same table and earlier version: the comparison goes
  // on, the table's slices and the share link come from it.
  await paste(page, revision);
  await expect(counts(page)).toHaveText('已解决 1，新出现 0，仍存在 79；表格变化 2');
  await page.locator('[data-action="share"]').click();
  await expect(page.locator('input[data-share-link]')).toHaveValue(/#t=/);
  await page.locator('[data-problem][data-rule="amount-unit-subtotal"][data-cell="B11"]').click();
  await expect(page.locator('[data-cell-id="B11"]')).toBeFocused();
});

test('an earlier version in GB18030 moves to the file worker with the table on show', async ({ page }) => {
  const requests = watchFileWorker(page);
  await open(page);
  await paste(page, revision);
  await expect(summary(page, 'errors')).toHaveText('5');
  expect(requests).toEqual([]);
  await page.locator('input[data-action="compare-file"]').setInputFiles({
    name: 'seed.gbk.txt',
    mimeType: 'text/plain',
    buffer: fs.readFileSync(path.join(fixtures, 'seed.gbk.txt')),
  });
  // Compared with the revision the check worker had: it was carried over.
  await expect(counts(page)).toHaveText('已解决 1，新出现 0，仍存在 79；表格变化 2');
  expect(requests.some((r) => r.endsWith('/jixiao-file-worker_bg.wasm'))).toBe(true);
});

test('two requests that need the file worker at once: the table is carried over once, and both are answered', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await page.locator('[data-action="compare-current"]').click();
  await paste(page, revision);
  await expect(counts(page)).toHaveText('已解决 1，新出现 0，仍存在 79；表格变化 2');
  // Both clicks reach the check worker before its first answer comes back.
  const downloads = [];
  page.on('download', (download) => downloads.push(download));
  await page.locator('[data-action="export-annotated-xlsx"]').evaluate((button) => {
    button.click();
    button.click();
  });
  await expect.poll(() => downloads.length).toBe(2);
  for (const download of downloads) expect(await download.failure()).toBeNull();
  // The file worker holds the revision and the earlier version: nothing was lost.
  await paste(page, seed);
  await expect(counts(page)).toHaveText('已解决 0，新出现 0，仍存在 80；表格变化 0');
  await page.locator('[data-action="share"]').click();
  await expect(page.locator('input[data-share-link]')).toHaveValue(/#t=/);
});
