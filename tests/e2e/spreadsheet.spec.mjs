// Files in every form: workbooks (xlsx, xls, ods) and text in GB18030 or UTF-16.
// The page hands a file's bytes to its worker (calamine, encoding_rs, the checker),
// and the report is the one the seed gives as text: the same summary and the same
// (rule, cell) findings as the CLI reports for seed.txt.
import fs from 'node:fs';
import path from 'node:path';
import {
  test, expect, seed, fixtures, open, paste, summary, pageProblems, keys, expectSeedReport, dropFile,
} from './support.mjs';
import { subPathURL } from './servers.mjs';
import { buildCli, check } from './cli.mjs';

test.beforeAll(() => {
  test.setTimeout(15 * 60_000); // a first release build of the CLI takes minutes
  buildCli();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const files = [
  ['seed.xlsx', XLSX, /xlsx.*绩效目标表.*说明/],
  ['seed.xls', 'application/vnd.ms-excel', /xls.*绩效目标表.*说明/],
  ['seed.ods', 'application/vnd.oasis.opendocument.spreadsheet', /ods.*绩效目标表.*说明/],
  ['seed.gbk.txt', 'text/plain', /GB18030/],
  ['seed.utf16.txt', 'text/plain', /UTF-16LE/],
];

// Requests for the file worker's files (its loader, its JS and its wasm).
function watchWorker(page) {
  const requests = [];
  page.on('request', (request) => {
    if (/jixiao-file-worker/.test(request.url())) requests.push(new URL(request.url()).pathname);
  });
  return requests;
}

for (const [name, type, source] of files) {
  test(`dropped ${name}: the seed's report, read by the file worker`, async ({ page }) => {
    const cli = check(seed);
    const requests = watchWorker(page);
    await open(page);
    await paste(page, seed);
    await expectSeedReport(page);
    await paste(page, '');

    await dropFile(page, name, fs.readFileSync(path.join(fixtures, name)), type);
    await expectSeedReport(page);
    await expect(summary(page, 'source')).toHaveText(source);
    // The page's findings are the CLI's findings for the text seed.
    await expect.poll(async () => keys(await pageProblems(page)), { message: '(rule, cell, indicator) page vs CLI' })
      .toEqual(keys(cli.diagnostics));
    expect(requests.some((r) => r.endsWith('/jixiao-file-worker_bg.wasm')), 'the worker wasm was fetched').toBe(true);
  });
}

test('the worker is started once and reused; the source goes with the next paste', async ({ page }) => {
  const requests = watchWorker(page);
  await open(page);
  await dropFile(page, 'seed.xlsx', fs.readFileSync(path.join(fixtures, 'seed.xlsx')), XLSX);
  await expect(summary(page, 'source')).toContainText('绩效目标表');
  await dropFile(page, 'seed.gbk.txt', fs.readFileSync(path.join(fixtures, 'seed.gbk.txt')));
  await expect(summary(page, 'source')).toContainText('GB18030');
  await expectSeedReport(page);
  expect(requests.filter((r) => r.endsWith('_bg.wasm')), 'one fetch of the worker wasm').toHaveLength(1);
  // A UTF-8 file says so too.
  await dropFile(page, 'seed.txt', Buffer.from(seed));
  await expect(summary(page, 'source')).toContainText('UTF-8');
  // A paste is not a file: no source line.
  await paste(page, `${seed}\n`);
  await expectSeedReport(page);
  await expect(summary(page, 'source')).toHaveCount(0);
});

test('the source line follows the language', async ({ page }) => {
  await open(page);
  await page.locator('[data-action="lang"]').click();
  await dropFile(page, 'seed.xlsx', fs.readFileSync(path.join(fixtures, 'seed.xlsx')), XLSX);
  await expect(summary(page, 'source')).toHaveText('xlsx workbook, sheet "绩效目标表"; other sheets: 说明');
});

test('a workbook is read under a sub-path too (the worker URL is relative)', async ({ page }) => {
  const requests = watchWorker(page);
  await open(page, subPathURL);
  await dropFile(page, 'seed.xlsx', fs.readFileSync(path.join(fixtures, 'seed.xlsx')), XLSX);
  await expectSeedReport(page);
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) expect(r.startsWith('/team/checker/'), r).toBe(true);
});

test('a damaged workbook gets a message, never a crash, and the page still works', async ({ page }) => {
  await open(page);
  const xlsx = fs.readFileSync(path.join(fixtures, 'seed.xlsx'));
  await dropFile(page, 'broken.xlsx', xlsx.subarray(0, 2000), XLSX);
  const notice = page.locator('[data-state="notice"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('broken.xlsx');
  await expect(notice).toContainText('无法打开表格文件');
  await expect(page.locator('[data-problem]')).toHaveCount(0);
  // The same worker then reads a good one.
  await dropFile(page, 'seed.xlsx', xlsx, XLSX);
  await expectSeedReport(page);
  await expect(notice).toHaveCount(0);
});

test('the file picker offers workbooks', async ({ page }) => {
  await open(page);
  const accept = await page.locator('input[type=file][data-action="file"]').getAttribute('accept');
  for (const ext of ['.xlsx', '.xls', '.ods', '.txt', '.csv']) expect(accept.split(',')).toContain(ext);
  await page.locator('input[type=file][data-action="file"]').setInputFiles({
    name: 'seed.ods',
    mimeType: 'application/vnd.oasis.opendocument.spreadsheet',
    buffer: fs.readFileSync(path.join(fixtures, 'seed.ods')),
  });
  await expectSeedReport(page);
  await expect(summary(page, 'source')).toContainText('ods');
});

// A file that cannot be read leaves the table on show, and the worker still has it:
// whether the reader only refused the file or died with it (calamine panics on this
// .xls; the page then starts a new worker, which checks the table on show again).
for (const [name, bytes] of [
  ['broken.xlsx', () => fs.readFileSync(path.join(fixtures, 'seed.xlsx')).subarray(0, 2000)],
  ['corrupt-calamine-panics.xls', () => fs.readFileSync(path.join(fixtures, 'corrupt-calamine-panics.xls'))],
]) {
  test(`${name} dropped on the seed's report: a message, and the report stays usable`, async ({ page }) => {
    await open(page);
    await paste(page, seed);
    await expectSeedReport(page);
    await dropFile(page, name, bytes(), 'application/octet-stream');
    await expect(page.locator('[data-state="notice"]')).toContainText(name);
    await expectSeedReport(page);
    // The share link needs the table the worker keeps.
    await page.locator('[data-action="share"]').click();
    await expect(page.locator('input[data-share-link]')).toHaveValue(/#t=/);
  });
}
