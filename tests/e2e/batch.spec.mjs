// 批量检查: many files at once — picked, a folder, dropped, or a .zip (built here by
// zipfile.mjs) — each checked in the worker in turn; a sortable table with totals,
// each row opening its own report, an unreadable file (or a bad member of the zip) a
// row saying why, a zip bomb refused, a stop between files, and a CSV of it all.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, seed, seedBytes, fixtures, open, summary, replaceOnce } from './support.mjs';
import { zip } from './zipfile.mjs';
import { readWorkbook } from './xlsx.mjs';

const clean = fs.readFileSync(path.join(fixtures, 'clean.txt'));
const xlsx = fs.readFileSync(path.join(fixtures, 'seed.xlsx'));
const bad = Buffer.from([0x61, 0xff, 0xfe, 0x00, 0x80, 0x81]);
const file = (name, buffer) => ({ name, mimeType: 'application/octet-stream', buffer });

const rows = (page) => page.locator('[data-batch-row]');
const row = (page, name) => page.locator(`[data-batch-row][data-name="${name}"]`);
const cell = (page, name, key) => row(page, name).locator(`[data-batch-cell="${key}"]`);
const total = (page, key) => page.locator(`[data-batch-total="${key}"]`);
const names = (page) => rows(page).evaluateAll((list) => list.map((r) => r.getAttribute('data-name')));

async function expectDone(page, files) {
  await expect(page.locator('[data-state="batch-running"]')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(files);
}

test('picked files: a table with totals, sortable, each opening its report', async ({ page }) => {
  await open(page);
  await page.locator('input[data-action="batch-files"]').setInputFiles([
    file('clean.txt', clean), file('seed.txt', seedBytes), file('bad.txt', bad), file('seed.xlsx', xlsx),
  ]);
  await expectDone(page, 4);
  expect(await names(page)).toEqual(['clean.txt', 'seed.txt', 'bad.txt', 'seed.xlsx']);
  for (const [key, value] of [['department', '番禺区政务服务数据管理局'], ['units', '2'], ['projects', '24'], ['indicators', '99'], ['errors', '5'], ['warnings', '52'], ['infos', '23']]) {
    await expect(cell(page, 'seed.txt', key), key).toHaveText(value);
  }
  await expect(cell(page, 'seed.xlsx', 'source')).toContainText('xlsx');
  await expect(row(page, 'bad.txt')).toHaveAttribute('data-status', 'unreadable');
  await expect(cell(page, 'bad.txt', 'status')).toContainText('无法读取');
  for (const [key, value] of [['units', '5'], ['projects', '50'], ['indicators', '207'], ['errors', '10'], ['warnings', '104'], ['infos', '46']]) {
    await expect(total(page, key), key).toHaveText(value);
  }
  await expect(total(page, 'files')).toHaveText('4 个文件（3 个已检查）：5 个单位，50 个项目，207 项指标；错误 10，警告 104，提示 46');
  // Sorting: by errors, descending on the second click; the third restores the order.
  const byErrors = page.locator('[data-sort="errors"]');
  await byErrors.click();
  expect(await names(page)).toEqual(['clean.txt', 'bad.txt', 'seed.txt', 'seed.xlsx']);
  await byErrors.click();
  expect(await names(page)).toEqual(['seed.txt', 'seed.xlsx', 'clean.txt', 'bad.txt']);
  await expect(byErrors.locator('xpath=..')).toHaveAttribute('aria-sort', 'descending');
  await page.locator('[data-sort="name"]').click();
  expect(await names(page)).toEqual(['bad.txt', 'clean.txt', 'seed.txt', 'seed.xlsx']);
  // Each row opens its own report.
  await row(page, 'clean.txt').locator('[data-action="batch-open"]').click();
  await expect(summary(page, 'projects')).toHaveText('2');
  await expect(summary(page, 'errors')).toHaveText('0');
  await row(page, 'seed.xlsx').locator('[data-action="batch-open"]').click();
  await expect(summary(page, 'projects')).toHaveText('24');
  await expect(summary(page, 'source')).toContainText('xlsx');
  await expect(row(page, 'bad.txt').locator('[data-action="batch-open"]')).toHaveCount(0);
  // The summary as CSV.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="batch-export-csv"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe('batch.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8').split('\n');
  expect(csv[0]).toBe('\uFEFF文件,部门,单位数,项目数,指标数,错误,警告,提示,读取方式,状态');
  expect(csv[2]).toMatch(/^seed\.txt,番禺区政务服务数据管理局,2,24,99,5,52,23,[^,]*UTF-8[^,]*,已检查$/);
  expect(csv[3]).toMatch(/^bad\.txt,,0,0,0,0,0,0,,无法读取/);
  expect(csv[5]).toBe('合计（4 个文件，3 个已检查）,,5,50,207,10,104,46');

  // The summary as a workbook: 汇总 with a row per file (each name a link to the
  // file's sheet, the unreadable one without), the totals, then one findings
  // sheet per table read, as many rows as that file's report has problems.
  const [book] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="batch-export-xlsx"]').click(),
  ]);
  expect(await book.failure()).toBeNull();
  expect(book.suggestedFilename()).toBe('jixiao-batch.xlsx');
  const workbook = readWorkbook(fs.readFileSync(await book.path()));
  expect(workbook.names).toEqual(['汇总', 'clean', 'seed', 'seed (2)']);
  const sheet = workbook.sheet('汇总');
  const at = (ref) => sheet.cells.get(ref)?.value ?? '';
  expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => at(`${c}1`))).toEqual(
    ['文件', '部门', '单位数', '项目数', '指标数', '错误', '警告', '提示', '读取方式', '状态']);
  expect(['A2', 'A3', 'A4', 'A5'].map(at)).toEqual(['clean.txt', 'seed.txt', 'bad.txt', 'seed.xlsx']);
  expect(['B3', 'C3', 'D3', 'E3', 'F3', 'G3', 'H3'].map(at)).toEqual(['番禺区政务服务数据管理局', '2', '24', '99', '5', '52', '23']);
  expect(at('J4')).toContain('无法读取');
  expect(['A6', 'C6', 'D6', 'E6', 'F6', 'G6', 'H6'].map(at)).toEqual(['合计（4 个文件，3 个已检查）', '5', '50', '207', '10', '104', '46']);
  expect(Object.fromEntries(sheet.links)).toEqual({ A2: "'clean'!A1", A3: "'seed'!A1", A5: "'seed (2)'!A1" });
  const seedSheet = workbook.sheet('seed');
  expect(seedSheet.rows - 1).toBe(5 + 52 + 23);
  expect(seedSheet.cells.get('B1').value).toBe('规则');
  expect(workbook.sheet('clean').rows).toBe(1);
});

test('a .zip: every member a row, a bad member and a zip inside it say why', async ({ page }) => {
  await open(page);
  const archive = zip([
    ['番禺/seed.txt', seedBytes], ['clean.txt', clean], ['bad.txt', bad], ['inner.zip', zip([['x.txt', 'x']])], ['__MACOSX/._seed.txt', 'x'],
  ]);
  // Picked with the single-file picker: a zip is a batch all the same.
  await page.locator('input[type=file][data-action="file"]').setInputFiles(file('dept.zip', archive));
  await expectDone(page, 4);
  expect(await names(page)).toEqual(['dept.zip/番禺/seed.txt', 'dept.zip/clean.txt', 'dept.zip/bad.txt', 'dept.zip/inner.zip']);
  await expect(cell(page, 'dept.zip/番禺/seed.txt', 'errors')).toHaveText('5');
  await expect(cell(page, 'dept.zip/bad.txt', 'status')).toContainText('无法读取');
  await expect(cell(page, 'dept.zip/inner.zip', 'status')).toHaveText('压缩包中的压缩包不展开，请解压后再检查。');
  await expect(total(page, 'files')).toContainText('4 个文件（2 个已检查）');
  await row(page, 'dept.zip/番禺/seed.txt').locator('[data-action="batch-open"]').click();
  await expect(summary(page, 'errors')).toHaveText('5');
});

test('a zip bomb is refused with a reason, and the next batch works', async ({ page }) => {
  await open(page);
  const bomb = zip([['seed.txt', seedBytes]], { declare: { 'seed.txt': 0xfffffff0 } });
  await page.locator('input[data-action="batch-files"]').setInputFiles([file('bomb.zip', bomb), file('seed.txt', seedBytes)]);
  await expectDone(page, 2);
  await expect(cell(page, 'bomb.zip', 'status')).toContainText('压缩炸弹');
  await expect(cell(page, 'seed.txt', 'errors')).toHaveText('5');
});

test('several files dropped on the page are a batch', async ({ page }) => {
  await open(page);
  await page.evaluate(({ a, b }) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(a)], 'seed.txt'));
    data.items.add(new File([new Uint8Array(b)], 'clean.txt'));
    for (const kind of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, { a: [...seedBytes], b: [...clean] });
  await expectDone(page, 2);
  expect(await names(page)).toEqual(['seed.txt', 'clean.txt']);
});

test('a long batch shows files done of N and stops between files', async ({ page }) => {
  await open(page);
  const files = Array.from({ length: 200 }, (_, i) =>
    file(`dept-${String(i).padStart(3, '0')}.txt`, Buffer.from(replaceOnce(seed, '部门名称：番禺区政务服务数据管理局', `部门名称：第${i}局`))));
  await page.locator('input[data-action="batch-files"]').setInputFiles(files);
  const progress = page.locator('[data-batch-progress]');
  // At least one file done (a batch runs in the file worker, which loads first).
  await expect(progress).toHaveAttribute('data-batch-progress', /^[1-9]\d*\/200$/);
  await expect(page.locator('[data-batch-done]')).toContainText('个文件已检查，共 200');
  await page.locator('[data-action="batch-cancel"]').click();
  await expect(page.locator('[data-state="batch-running"]')).toHaveCount(0);
  await expect(page.locator('[data-batch-status]')).toHaveText('已停止：其余文件未检查。');
  const done = await rows(page).count();
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(200);
  await expect(cell(page, 'dept-000.txt', 'department')).toHaveText('第0局');
});
