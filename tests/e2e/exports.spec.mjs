// Every export, downloaded and read back: the findings as CSV, JSON and Markdown, the
// annotated table to paste back into Excel, and the table of indicators. Each must say
// what the page shows (and the JSON what the CLI says), and the annotated table, pasted
// back into the page, must give the same findings again. Copy puts the same text on
// the clipboard as the download writes.
import fs from 'node:fs';
import {
  test, expect, seed, open, paste, input, summary, pageProblems, keys, key, expectSeedReport, dropFile, editCell,
} from './support.mjs';
import { buildCli, check } from './cli.mjs';

test.beforeAll(() => {
  test.setTimeout(15 * 60_000); // a first release build of the CLI takes minutes
  buildCli();
});

const BOM = '\uFEFF';
const ids = ['findings-csv', 'findings-json', 'findings-markdown', 'annotated-tsv', 'annotated-csv', 'indicators-csv'];

// Clicks a download button and returns the file's name and bytes.
async function download(page, id) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-action="export-${id}"]`).click(),
  ]);
  expect(await file.failure(), `download of ${id} failed`).toBeNull();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

// RFC 4180 records: quoted cells may hold the delimiter, "" and line breaks. Written
// here rather than taken from the core, so that the exports are read by a second reader.
function records(text, delimiter) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// Pastes the seed and waits for its report: every export describes this.
async function seedPage(page) {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  return pageProblems(page);
}

test('the findings CSV has a BOM, the header and one row per problem on the page', async ({ page }) => {
  const shown = await seedPage(page);
  const { name, bytes } = await download(page, 'findings-csv');
  expect(name).toBe('jixiao-findings.csv');
  // Excel reads UTF-8 as Chinese only after a byte-order mark.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = records(bytes.toString('utf8').slice(1), ',');
  expect(header).toEqual(['单元格', '行', '列', '级别', '规则', '项目', '指标', '问题', '建议']);
  expect(rows).toHaveLength(shown.length);
  expect(rows).toHaveLength(80);
  const fromCsv = rows.map(([cell, , , , rule, , indicator]) => ({ rule, cell, indicator: indicator === '' ? null : Number(indicator) }));
  expect(keys(fromCsv)).toEqual(keys(shown));
  const subtotal = rows.find((r) => r[4] === 'amount-unit-subtotal');
  expect(subtotal.slice(0, 5)).toEqual(['B11', '11', 'B', '错误', 'amount-unit-subtotal']);
  expect(subtotal[7]).toContain('差额 515.00');
});

test('the findings JSON is the CLI\'s contract with the CLI\'s findings for the seed', async ({ page }) => {
  await seedPage(page);
  const { name, bytes } = await download(page, 'findings-json');
  expect(name).toBe('jixiao-findings.json');
  const json = JSON.parse(bytes.toString('utf8'));
  expect(Object.keys(json)).toEqual(['files']);
  expect(json.files).toHaveLength(1);
  const [file] = json.files;
  expect(file.path).toBe('');
  const cli = check(seed);
  // Field by field, and each one reported, so that a failure names every part that differs.
  expect(Object.keys(file).sort()).toEqual(['diagnostics', 'layout', 'path', 'projects', 'summary']);
  expect.soft(file.layout, 'layout').toEqual(cli.layout);
  expect.soft(file.summary, 'summary').toEqual(cli.summary);
  expect.soft(file.diagnostics, 'diagnostics').toEqual(cli.diagnostics);
  expect.soft(file.projects, 'projects').toEqual(cli.projects);
});

test('the findings Markdown has the summary and one table row per problem', async ({ page }) => {
  const shown = await seedPage(page);
  const { name, bytes } = await download(page, 'findings-markdown');
  expect(name).toBe('jixiao-findings.md');
  const text = bytes.toString('utf8');
  expect(text).toContain('2 个单位，24 个项目，99 项指标；错误 5，警告 52，提示 23');
  const lines = text.split('\n').filter((line) => line.startsWith('|'));
  expect(lines[0]).toBe('| 单元格 | 级别 | 规则 | 项目 | 指标 | 问题 | 建议 |');
  expect(lines[1]).toMatch(/^\|(---\|){7}$/);
  expect(lines.slice(2)).toHaveLength(shown.length);
  expect(lines.some((line) => line.startsWith('| B11 | 错误 | amount-unit-subtotal |'))).toBe(true);
});

test('the annotated TSV keeps every row, adds 问题, and pasted back gives the same findings', async ({ page }) => {
  const shown = await seedPage(page);
  const { name, bytes } = await download(page, 'annotated-tsv');
  expect(name).toBe('jixiao-annotated.tsv');
  const text = bytes.toString('utf8');
  const rows = records(text, '\t');
  // Blank rows kept, so that row 11 in the export is row 11 in the original.
  expect(rows).toHaveLength(records(seed, '\t').length);
  expect(rows[8].at(-1)).toBe('问题');
  expect(rows[10][0]).toBe(records(seed, '\t')[10][0]);
  expect(rows[10].at(-1)).toContain('amount-unit-subtotal');

  // Pasted back into the page (what a colleague does after reading it in Excel): the
  // added column must not change what the page finds.
  await paste(page, '');
  await paste(page, text);
  await expect(input(page)).toHaveValue(text);
  await expectSeedReport(page);
  await expect.poll(async () => keys(await pageProblems(page)), { message: '(rule, cell, indicator) after re-pasting' })
    .toEqual(keys(shown));
});

test('cells that look like formulas get a leading \' in the annotated table, which the page drops again', async ({ page }) => {
  // A project named like a formula and a goal starting with a minus: Excel would
  // run "=…" and "-…" as formulas if they were written as they are.
  const hostile = editCell(editCell(seed, 12, 0, '=HYPERLINK("http://example.invalid","工作经费")'), 13, 5, '-为番禺区建设一体化政务服务中心。');
  const cli = check(hostile);
  await open(page);
  await paste(page, hostile);
  await expect(summary(page, 'errors')).toHaveText(String(cli.summary.errors));
  await expect.poll(async () => keys(await pageProblems(page))).toEqual(keys(cli.diagnostics));

  for (const [id, delimiter] of [['annotated-tsv', '\t'], ['annotated-csv', ',']]) {
    const text = (await download(page, id)).bytes.toString('utf8').replace(/^\uFEFF/, '');
    const rows = records(text, delimiter);
    expect(rows[11][0], `${id} A12`).toBe('\'=HYPERLINK("http://example.invalid","工作经费")');
    expect(rows[12][5], `${id} F13`).toBe('\'-为番禺区建设一体化政务服务中心。');
    // Nothing else is touched: the amounts keep their thousands separators unquoted.
    expect(rows[9][1], `${id} B10`).toBe('13,931.00');
    // Read back, the marks are gone: the same findings as the table before export.
    await paste(page, text);
    await expect.poll(async () => keys(await pageProblems(page)), { message: `${id} read back` }).toEqual(keys(cli.diagnostics));
    await expect(page.locator('[data-cell-id="A12"]')).toContainText('=HYPERLINK(');
    await expect(page.locator('[data-cell-id="A12"]')).not.toContainText('\'=HYPERLINK(');
  }
});

test('the annotated CSV has a BOM, the same rows as the TSV, and dropped as a file gives the same findings', async ({ page }) => {
  const shown = await seedPage(page);
  const tsv = records((await download(page, 'annotated-tsv')).bytes.toString('utf8'), '\t');
  const { name, bytes } = await download(page, 'annotated-csv');
  expect(name).toBe('jixiao-annotated.csv');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(records(bytes.toString('utf8').slice(1), ',')).toEqual(tsv);

  // As Excel would hand it back: a file with its BOM, dropped on the page.
  await paste(page, '');
  await dropFile(page, 'jixiao-annotated.csv', bytes, 'text/csv');
  await expectSeedReport(page);
  await expect.poll(async () => keys(await pageProblems(page))).toEqual(keys(shown));
});

test('the indicator CSV has one row per indicator, as the CLI parsed them', async ({ page }) => {
  await seedPage(page);
  const { name, bytes } = await download(page, 'indicators-csv');
  expect(name).toBe('jixiao-indicators.csv');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = records(bytes.toString('utf8').slice(1), ',');
  expect(rows).toHaveLength(99);
  expect(header.slice(0, 8)).toEqual(['行', '单元格', '单位', '项目', '编号', '一级指标', '二级指标', '三级指标']);
  expect(header).toHaveLength(16);
  for (const row of rows) expect(row).toHaveLength(16);
  // The same indicators, in the same order, as the CLI's JSON lists under its projects.
  const cli = check(seed);
  const expected = cli.projects.flatMap((p) => p.indicators.map((i) => [String(p.row), p.name, i.name, i.period.raw, i.annual.raw]));
  expect(rows.map((r) => [r[0], r[3], r[7], r[8], r[12]])).toEqual(expected);
  // The cost indicator that exceeds its budget, read into its parts.
  const cost = rows.find((r) => r[1] === 'G34' && r[4] === '3');
  expect(cost[7]).toBe('工程结算金额');
  expect(cost.slice(12, 16)).toEqual(['400万元', expect.any(String), '400', '万元']);
});

test.describe('copy buttons', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('each copy puts on the clipboard exactly what its download writes', async ({ page }) => {
    await seedPage(page);
    for (const id of ids) {
      const written = (await download(page, id)).bytes.toString('utf8');
      // A marker first, so that an old clipboard (the last export's) cannot pass for this one.
      await page.evaluate((marker) => navigator.clipboard.writeText(marker), `before ${id}`);
      await page.locator(`[data-action="copy-${id}"]`).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { message: `clipboard after copy-${id}` })
        .not.toBe(`before ${id}`);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      // The clipboard is for pasting into a cell or a mail: a BOM there would be a stray
      // character, so it may be left out; everything else is the same.
      expect(copied.replace(/^\uFEFF/, ''), `copy-${id}`).toBe(written.replace(/^\uFEFF/, ''));
      await expect(page.locator('[data-export-status]')).toContainText('已复制到剪贴板');
    }
  });
});

test('every export has a download and a copy button, and the findings CSV follows the language toggle', async ({ page }) => {
  await seedPage(page);
  for (const id of ids) {
    await expect(page.locator(`[data-action="export-${id}"]`)).toHaveCount(1);
    await expect(page.locator(`[data-action="copy-${id}"]`)).toHaveCount(1);
  }
  // In English the CSV speaks English too: header and messages.
  await page.locator('[data-action="lang"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const [header, ...rows] = records((await download(page, 'findings-csv')).bytes.toString('utf8').slice(1), ',');
  expect(header).toEqual(['cell', 'row', 'column', 'severity', 'rule', 'project', 'indicator', 'message', 'suggestion']);
  const cli = check(seed);
  const english = new Map(cli.diagnostics.map((d) => [key(d), d.message_en]));
  for (const row of rows) {
    const k = key({ rule: row[4], cell: row[0], indicator: row[6] === '' ? null : Number(row[6]) });
    expect(row[7], k).toBe(english.get(k));
  }
});
