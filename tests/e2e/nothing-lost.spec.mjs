// Nothing a table holds can crash, hang or empty the checker, and nothing is lost
// (issue 15): numbers past Decimal's range, CR line ends and a stray CR, a clipboard
// span bomb of 4 KB, an empty file, cell HTML in the Markdown export — and a text that
// kills the worker is never checked again in a loop. support.mjs fails every test on a
// page error, a panic or #fatal.
import fs from 'node:fs';
import { test, expect, seed, open, paste, input, summary, problem, expectSeedReport, dropFile, replaceOnce } from './support.mjs';

// Requests for the check worker's loader: one per worker started.
function countWorkerStarts(page) {
  const starts = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/jixiao-check-worker_loader.js')) starts.push(request.url());
  });
  return starts;
}

async function download(page, id) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="export-${id}"]`).click()]);
  return fs.readFileSync(await file.path()).toString('utf8');
}

const notice = (page) => page.locator('[data-state="notice"]');

test('amounts and costs past Decimal\'s range are findings at their cells, and the worker lives on', async ({ page }) => {
  const starts = countWorkerStarts(page);
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  const overflowing = replaceOnce(
    replaceOnce(seed, '工作经费\t6.00\t6.00', '工作经费\t79228162514264337593543950335\t79228162514264337593543950335'),
    '年度指标值:400万元',
    '年度指标值:99999999999999999999999999亿元',
  );
  await paste(page, overflowing);
  await expect(problem(page, 'amount-invalid', 'B12')).toHaveCount(1);
  await expect(problem(page, 'amount-invalid', 'B12')).toContainText('超过 15 位');
  await expect(problem(page, 'cost-exceeds-budget', 'G34')).toContainText('大到无法计算');
  await expect(summary(page, 'projects')).toHaveText('24');
  await expect(notice(page)).toHaveCount(0);
  expect(starts, 'one worker, never restarted').toHaveLength(1);
});

test('a table with CR line ends, or a stray CR in a cell, keeps every row and its number', async ({ page }) => {
  await open(page);
  const cr = seed.replaceAll('\n', '\r');
  await dropFile(page, 'mac.txt', Buffer.from(cr));
  await expectSeedReport(page);
  await expect(problem(page, 'cost-exceeds-budget', 'G34')).toHaveCount(1);
  // The annotated table has a row for every line of the input, each where it was.
  const annotated = await download(page, 'annotated-tsv');
  const lines = seed.replace(/\n+$/, '').split('\n');
  const out = annotated.replace(/\n+$/, '').split('\n');
  expect(out).toHaveLength(lines.length);
  expect(out[10].startsWith(lines[10].split('\t')[0])).toBe(true);

  const stray = replaceOnce(seed, '通过出国（境）对政务服务', '通过出国（境）\r对政务服务');
  await dropFile(page, 'stray.txt', Buffer.from(stray));
  await expectSeedReport(page);
  await expect(input(page)).toHaveValue(stray.replaceAll('\r', '\n'));
  await expect(problem(page, 'cost-exceeds-budget', 'G34')).toHaveCount(1);
});

test('a 4 KB clipboard span bomb is a message, and the page goes on working', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await page.evaluate(() => {
    const cell = `<tr><td rowspan=1000 colspan=1000>${'长'.repeat(340)}</td></tr>`;
    const data = new DataTransfer();
    data.setData('text/plain', 'x');
    data.setData('text/html', `<table>${cell.repeat(4)}</table>`);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(notice(page)).toContainText('合并单元格展开后超过');
  await page.locator('[data-action="lang"]').click();
  await expect(notice(page)).toContainText('merged cells would fill more than');
  await page.locator('[data-action="lang"]').click();
  // The report of the table on show is still the seed's, and still works.
  await expectSeedReport(page);
  await paste(page, replaceOnce(seed, '合计\t13,931.00', '合计\t13,930.00'));
  await expect(problem(page, 'amount-grand-total', 'B10')).toHaveCount(1);
});

test('an empty file, or one with only a byte-order mark, is said to be empty', async ({ page }) => {
  await open(page);
  await dropFile(page, 'empty.txt', Buffer.from(''));
  await expect(notice(page)).toHaveText('empty.txt：文件是空的：没有可检查的内容。');
  await dropFile(page, 'bom.txt', Buffer.from([0xef, 0xbb, 0xbf]));
  await expect(notice(page)).toHaveText('bom.txt：文件是空的：没有可检查的内容。');
});

test('the Markdown export keeps cell HTML as text', async ({ page }) => {
  await open(page);
  await paste(page, replaceOnce(seed, '工作经费\t6.00', '<img src=x onerror=alert(1)>工作经费\t6.00'));
  await expect(summary(page, 'projects')).toHaveText('24');
  const markdown = await download(page, 'findings-markdown');
  expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;工作经费');
  expect(markdown).not.toContain('<img');
});

test('a text that kills the worker is not checked again: one message, no report of another table beside it', async ({ page }) => {
  const starts = countWorkerStarts(page);
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  // Make the worker die on the next text it is given, as a bug in the checker would:
  // its string decoding throws, the exception leaves the worker's message handler.
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  const worker = page.workers().find((w) => w.url().includes('jixiao-check-worker'));
  await worker.evaluate(() => {
    const fail = () => { throw new Error('simulated crash'); };
    TextEncoder.prototype.encodeInto = fail;
    TextEncoder.prototype.encode = fail;
  });
  const killer = replaceOnce(seed, '合计\t13,931.00', '合计\t13,930.00');
  await paste(page, killer);
  await expect(notice(page)).toContainText('不会自动重试');
  await expect(input(page)).toHaveValue(killer);
  // The seed's report is not left beside the new input.
  await expect(page.locator('[data-summary="projects"]')).toHaveCount(0);
  await page.waitForTimeout(2_000);
  expect(starts, 'no worker started again to re-check it').toHaveLength(1);
  await expect(notice(page)).toHaveCount(1);
  // The user's next table starts a new worker and is checked.
  await paste(page, seed);
  await expectSeedReport(page);
  expect(starts).toHaveLength(2);
});

test('tiny workbooks that ask for gigabytes are refused quickly, and the worker lives on', async ({ page }) => {
  const starts = countWorkerStarts(page);
  await open(page);
  for (const [name, reason] of [['hostile-merge.xlsx', '文本超过 200 MB'], ['hostile-repeat.ods', '超过 4000000 个单元格']]) {
    const bytes = fs.readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
    expect(bytes.length).toBeLessThan(20_000);
    await dropFile(page, name, bytes, 'application/octet-stream');
    await expect(notice(page)).toContainText(`${name}：无法打开表格文件：`);
    await expect(notice(page)).toContainText(reason);
  }
  await paste(page, seed);
  await expectSeedReport(page);
  expect(starts, 'one worker, never restarted').toHaveLength(1);
});

test('an input over 200 MB is refused before it is read, with the limit', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(201 * 1024 * 1024).fill(120)], 'huge.txt'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(notice(page)).toContainText('超过可检查的上限 200 MB', { timeout: 120_000 });
  await paste(page, seed);
  await expectSeedReport(page);
});

test('readings that used to be wrong: a tab in a quoted CSV cell, 60000元 in 万元, a form\'s sources, 1000 indicators', async ({ page }) => {
  await open(page);
  // The seed as CSV, every cell quoted, one of them holding a tab: still CSV.
  const csv = seed
    .split('\n')
    .map((line) => (line === '' ? '' : line.split('\t').map((c) => `"${c.replaceAll('"', '""')}"`).join(',')))
    .join('\n')
    .replace('"工作经费"', '"工作\t经费"');
  await dropFile(page, 'seed.csv', Buffer.from(csv), 'text/csv');
  await expectSeedReport(page);
  // 60000元 in a table of 万元 is 6 万元: the sums still hold.
  await paste(page, replaceOnce(seed, '工作经费\t6.00\t6.00', '工作经费\t60000元\t60,000元'));
  await expectSeedReport(page);
  // A form whose 其中 sources add up to more than its total.
  const form = fs.readFileSync(new URL('../fixtures/form.txt', import.meta.url), 'utf8');
  await paste(page, replaceOnce(form, '其中：财政拨款\t70', '其中：财政拨款\t700'));
  // At the 年度资金总额 cell, on its own line of the form.
  await expect(problem(page, 'amount-row-sum', 'B5')).toContainText('小于其中所列资金之和 710.00');
  // 1001 indicators in one cell, numbered past 999: all of them read.
  const many = Array.from({ length: 1001 }, (_, i) => `${i + 1}、1-产出指标, 11-数量指标, 第${i + 1}项产出；实施周期指标值:${i + 1}个, 年度指标值:${i + 1}个; ; `).join('');
  await paste(page, replaceOnce(seed, '1、1-产出指标, 11-数量指标, 租用面积；实施周期指标值:30135平方, 年度指标值:30135平方;', many));
  await expect(summary(page, 'indicators')).toHaveText(String(99 - 1 + 1001));
});
