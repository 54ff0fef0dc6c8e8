// The annotated workbook from the page's export menu (written by the worker): read
// back in node (./xlsx.mjs), it lists every finding the page shows, each linking to
// its cell of the table sheet, which is filled and carries a note naming its rule;
// checked again by the native CLI, the workbook gives the page's findings.
import fs from 'node:fs';
import { test, expect, seed, open, paste, pageProblems, keys, expectSeedReport, replaceOnce } from './support.mjs';
import { buildCli, check } from './cli.mjs';
import { readWorkbook } from './xlsx.mjs';

test.beforeAll(() => {
  test.setTimeout(15 * 60_000); // a first release build of the CLI takes minutes
  buildCli();
});

async function downloadWorkbook(page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="export-annotated-xlsx"]').click(),
  ]);
  expect(await file.failure()).toBeNull();
  expect(file.suggestedFilename()).toBe('jixiao-annotated.xlsx');
  return fs.readFileSync(await file.path());
}

test('the workbook lists every finding, each linking to its filled and noted cell', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  const shown = await pageProblems(page);
  // A workbook is a file: it downloads, there is nothing to copy.
  await expect(page.locator('[data-action="copy-annotated-xlsx"]')).toHaveCount(0);
  const bytes = await downloadWorkbook(page);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const book = readWorkbook(bytes);
  expect(book.names).toEqual(['问题清单', '绩效目标表', '指标明细']);
  const list = book.sheet('问题清单');
  const table = book.sheet('绩效目标表');
  const header = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => list.cells.get(`${c}1`).value);
  expect(header).toEqual(['级别', '规则', '单元格', '单位', '项目', '指标', '说明', '建议']);
  expect(list.rows - 1).toBe(shown.length);
  const listed = [];
  for (let row = 2; row <= list.rows; row += 1) {
    const at = (c) => list.cells.get(`${c}${row}`)?.value ?? '';
    const [rule, cell, indicator] = [at('B'), at('C'), at('F')];
    listed.push({ rule, cell, indicator: indicator === '' ? null : Number(indicator) });
    // The link goes to the same cell of the table sheet …
    const target = list.links.get(`C${row}`);
    const ref = /^\d+$/.test(cell) ? `A${cell}` : cell;
    expect(target).toBe(`'绩效目标表'!${ref}`);
    // … which carries a note naming the rule.
    expect(table.notes.get(ref), `note at ${ref}`).toContain(`[${rule}]`);
  }
  expect(keys(listed)).toEqual(keys(shown));
  // The 515.00 gap: its suggestion in 建议, its cell a number where it was one.
  expect(list.cells.get('H2').value).toMatch(/^12,585\.00（所列 21 个项目之和/);
  expect(table.cells.get('B11')).toMatchObject({ type: 'n', value: '13100' });
  expect(table.cells.get('A11').value).toBe('广州市番禺区政务服务数据管理局本级');
  expect(book.sheet('指标明细').rows).toBe(1 + 99);
});

test('the workbook checks again to the page\'s findings, and hostile text stays text', async ({ page }) => {
  const hostile = replaceOnce(seed, '工作经费\t6.00', '=cmd|\' /C calc\'!A0\t6.00');
  await open(page);
  await paste(page, hostile);
  await expect(page.locator('[data-problem][data-rule="amount-unit-subtotal"][data-cell="B11"]')).toHaveCount(1);
  const shown = await pageProblems(page);
  const bytes = await downloadWorkbook(page);
  const again = check(bytes);
  expect(keys(again.diagnostics)).toEqual(keys(shown));
  const book = readWorkbook(bytes);
  for (const sheet of book.sheets) {
    expect([...sheet.cells.values()].some((c) => c.formula), `${sheet.name} has a formula`).toBe(false);
  }
  expect(book.sheet('绩效目标表').cells.get('A12')).toMatchObject({ type: 's', value: '=cmd|\' /C calc\'!A0' });
});

test('in English the workbook is English', async ({ page }) => {
  await open(page);
  await page.locator('[data-action="lang"]').click();
  await paste(page, seed);
  await expect(page.locator('[data-problem]').first()).toBeVisible();
  const book = readWorkbook(await downloadWorkbook(page));
  expect(book.names).toEqual(['Findings', 'Table', 'Indicators']);
  expect(book.sheet('Findings').cells.get('G1').value).toBe('message');
  expect(book.sheet('Table').notes.get('B11')).toContain('error[amount-unit-subtotal] Unit subtotal');
});
