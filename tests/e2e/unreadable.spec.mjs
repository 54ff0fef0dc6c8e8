// Text that is not the table: the page says what it expected (the columns of the
// header), never shows a blank page or #fatal, and recovers when a table follows.
// support.mjs fails every test on a page error, a panic or #fatal.
import { test, expect, seed, open, paste, summary, expectSeedReport } from './support.mjs';

const unreadable = (page) => page.locator('[data-state="unreadable"]');

test('"hello world" gets a message naming the expected columns', async ({ page }) => {
  await open(page);
  await paste(page, 'hello world');
  await expect(unreadable(page)).toBeVisible();
  await expect(unreadable(page)).toContainText('项目名称');
  await expect(unreadable(page)).toContainText('绩效指标');
  await expect(page.locator('[data-state="empty"]')).toBeHidden();
  await expect(summary(page, 'projects').filter({ hasText: /^\s*24\s*$/ })).toHaveCount(0);

  // Then the real table: the message goes, the report comes.
  await paste(page, seed);
  await expectSeedReport(page);
  await expect(unreadable(page)).toHaveCount(0);
});

test('the message is in English when the page is', async ({ page }) => {
  await open(page);
  await page.locator('[data-action="lang"]').click();
  await paste(page, 'hello world');
  await expect(unreadable(page)).toBeVisible();
  await expect(unreadable(page)).toContainText(/project name/i);
});

// Shapes the robustness tests feed the core natively; here they must also get through
// the wasm boundary and the view without a panic.
const odd = [
  ['only a header', '项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标'],
  ['an unbalanced quote', seed.replace('工作经费', '"工作经费')],
  ['NUL characters', seed.replace('工作经费', '工作\u0000经费')],
  ['10 000 tabs on one line', `${seed}\n${'\t'.repeat(10_000)}x`],
  ['a 200 KB cell', `${seed}\n${'项'.repeat(200_000)}`],
  ['the header twice', `${seed}\n${seed}`],
  ['lone surrogates and emoji', seed.replace('工作经费', '工作\ud800经费😀')],
  ['a numeric overflow', seed.replace('13,931.00', '9'.repeat(60))],
];

for (const [name, text] of odd) {
  test(`odd input — ${name} — shows a report or a message, never a crash`, async ({ page }) => {
    await open(page);
    await paste(page, text);
    // Either a report or the unreadable message, within the usual time.
    await expect(page.locator('[data-summary="projects"], [data-state="unreadable"]').first()).toBeVisible();
    // And the page still works afterwards.
    await paste(page, seed);
    await expectSeedReport(page);
  });
}
