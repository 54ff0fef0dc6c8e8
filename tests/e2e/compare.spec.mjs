// 与上一版比较: a revision compared with the earlier table by meaning (src/diff.rs, in
// the worker). The revision here inserts a row at the top (every cell moves down one),
// fixes the 400万元 cost and empties an annual value: 1 fixed, 1 introduced, 79 still
// open, 3 changes — the same as `jixiao-lint diff` (tests/batch.rs).
import {
  test, expect, seed, seedBytes, open, paste, input, summary, problem, replaceOnce, watch,
} from './support.mjs';

const revision = `附件2\n${replaceOnce(
  replaceOnce(seed, '实施周期指标值:400万元, 年度指标值:400万元', '实施周期指标值:280万元, 年度指标值:280万元'),
  '年度指标值:800人/天', '年度指标值:',
)}`;

const counts = (page) => page.locator('[data-compare-counts]');
const item = (page, status, rule) => page.locator(`[data-compare-item="${status}"][data-rule="${rule}"]`);
const count = (page, list) => page.locator(`[data-compare-count="${list}"]`);

async function expectRevisionCompared(page) {
  await expect(counts(page)).toHaveText('已解决 1，新出现 1，仍存在 79；表格变化 3');
  await expect(page.locator('[data-compare-item="introduced"]')).toHaveCount(1);
  await expect(item(page, 'introduced', 'value-missing')).toHaveAttribute('data-cell', 'G15');
  // Fixed: where it was (G34), and where its indicator is in the revision (G35).
  const fixed = item(page, 'fixed', 'cost-exceeds-budget');
  await expect(fixed).toHaveAttribute('data-cell', 'G35');
  await expect(fixed).toHaveAttribute('data-old-cell', 'G34');
  await expect(count(page, 'remaining')).toHaveText('79');
  await expect(page.locator('[data-compare-item="remaining"]')).toHaveCount(79);
  // The first remaining finding moved a row down and is still the same one.
  const subtotal = page.locator('[data-compare-item="remaining"][data-rule="amount-unit-subtotal"]').first();
  await expect(subtotal).toHaveAttribute('data-cell', 'B12');
  await expect(subtotal).toHaveAttribute('data-old-cell', 'B11');
  const changes = page.locator('[data-change]');
  await expect(changes).toHaveCount(3);
  await expect(changes.nth(0)).toHaveAttribute('data-change', 'indicator-changed');
  await expect(changes.nth(0)).toHaveAttribute('data-field', 'annual');
  await expect(changes.nth(0)).toHaveAttribute('data-cell', 'G15');
  await expect(changes.nth(1)).toContainText('400万元 → 280万元');
}

test('the table on show becomes the earlier version; the next one is compared with it', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expect(summary(page, 'errors')).toHaveText('5');
  await page.locator('[data-action="compare-current"]').click();
  await expect(page.locator('[data-state="compare-waiting"]')).toBeVisible();
  await expect(page.locator('[data-compare-earlier]')).toContainText('2 个单位，24 个项目，99 项指标；错误 5，警告 52，提示 23');
  await paste(page, revision);
  await expect(summary(page, 'errors')).toHaveText('6');
  await expectRevisionCompared(page);
  await expect(page.locator('[data-state="compare-waiting"]')).toHaveCount(0);
  // The usual report is still there below.
  await expect(problem(page, 'value-missing', 'G15')).toHaveCount(1);
  // Each item links to its cell in the revision.
  await item(page, 'introduced', 'value-missing').click();
  await expect(page.locator('[data-cell-id="G15"]')).toBeFocused();
  await page.locator('[data-change]').nth(1).click();
  await expect(page.locator('[data-cell-id="G35"]')).toBeFocused();
  // English on the toggle.
  await page.locator('[data-action="lang"]').click();
  await expect(counts(page)).toHaveText('1 fixed, 1 introduced, 79 remaining; 3 changes to the table');
  // Stop: the choice of an earlier version comes back.
  await page.locator('[data-action="compare-stop"]').click();
  await expect(counts(page)).toHaveCount(0);
  await expect(page.locator('[data-action="compare-current"]')).toBeVisible();
});

test('the earlier version from a file or a paste', async ({ page }) => {
  await open(page);
  await paste(page, revision);
  await expect(summary(page, 'errors')).toHaveText('6');
  await page.locator('input[data-action="compare-file"]').setInputFiles({ name: 'seed.txt', mimeType: 'text/plain', buffer: seedBytes });
  await expectRevisionCompared(page);
  await page.locator('[data-action="compare-stop"]').click();
  await page.locator('[data-action="compare-input"]').fill(seed);
  await page.locator('[data-action="compare-paste"]').click();
  await expectRevisionCompared(page);
  // The table is edited further: compared again at once.
  await paste(page, seed);
  await expect(counts(page)).toHaveText('已解决 0，新出现 0，仍存在 80；表格变化 0');
  // A file that is no table: a reason, and the comparison goes on.
  await page.locator('[data-action="compare-stop"]').click();
  await page.locator('input[data-action="compare-file"]').setInputFiles({ name: 'bad.txt', mimeType: 'text/plain', buffer: Buffer.from([0x61, 0xff, 0xfe, 0x00, 0x80]) });
  await expect(page.locator('[data-compare-status]')).toContainText('无法读取');
});

test('a link with both versions shows the comparison in a fresh browser, and the comparison exports', async ({ page, browser }) => {
  await open(page);
  await paste(page, seed);
  await expect(summary(page, 'errors')).toHaveText('5');
  await page.locator('[data-action="compare-current"]').click();
  await paste(page, revision);
  await expectRevisionCompared(page);
  await page.locator('[data-action="compare-share"]').click();
  const link = page.locator('input[data-compare-link]');
  await expect(link).toHaveValue(/#d=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  const url = await link.inputValue();
  expect(url.length).toBeLessThanOrEqual(32_000 + 100);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="compare-export-csv"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe('comparison.csv');
  const csv = (await import('node:fs')).readFileSync(await download.path(), 'utf8');
  expect(csv.split('\n')[0]).toBe('\uFEFF状态,规则或变化,级别,单元格,原单元格,单位,项目,指标,字段,原值,新值,说明');
  expect(csv).toContain('\n新出现,value-missing,错误,G15,,');

  const other = await browser.newContext();
  const colleague = await other.newPage();
  const verify = watch(colleague);
  await colleague.goto(url);
  await expect(input(colleague)).toHaveValue(revision);
  await expectRevisionCompared(colleague);
  await verify();
  await other.close();
});

test('a damaged link with both versions says so and the page works', async ({ page }) => {
  await page.goto('/#d=AAAA.!!!');
  await expect(input(page)).toBeVisible();
  await expect(page.locator('[data-state="notice"]')).toContainText('分享链接不完整或已损坏');
  await paste(page, seed);
  await expect(summary(page, 'errors')).toHaveText('5');
});
