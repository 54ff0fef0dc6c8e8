// The last input survives a reload (localStorage key jixiao-input), and 清空 forgets
// it: a reviewer who closes the tab by mistake finds the table again, and one who
// is done can leave nothing behind on a shared computer.
import { test, expect, seed, open, paste, input, summary, problem, expectSeedReport, replaceOnce, shareFragment } from './support.mjs';

const KEY = 'jixiao-input';
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

test('a reload keeps the pasted table and its report', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await expect.poll(() => stored(page)).toBe(seed);

  await page.reload();
  await expect(input(page)).toHaveValue(seed);
  await expectSeedReport(page);
});

test('an edit is kept too, not only the first paste', async ({ page }) => {
  const edited = replaceOnce(seed, '合计\t13,931.00', '合计\t13,930.00');
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await paste(page, edited);
  await expect(problem(page, 'amount-grand-total', 'B10')).toHaveCount(1);
  await expect.poll(() => stored(page)).toBe(edited);

  await page.reload();
  await expect(input(page)).toHaveValue(edited);
  await expect(problem(page, 'amount-grand-total', 'B10')).toHaveCount(1);
  await expect(summary(page, 'errors')).toHaveText('7');
});

test('清空 empties the page and removes the stored table, so a reload stays empty', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expect.poll(() => stored(page)).toBe(seed);

  await page.locator('[data-action="clear"]').click();
  await expect(input(page)).toHaveValue('');
  // Removed, not left as an empty string: nothing of the table stays in the browser.
  await expect.poll(() => page.evaluate((key) => Object.keys(localStorage).includes(key), KEY)).toBe(false);

  await page.reload();
  await expect(input(page)).toHaveValue('');
  await expect(page.locator('[data-state="empty"]')).toBeVisible();
  await expect(page.locator('[data-problem]')).toHaveCount(0);
});

test('a shared link wins over the table kept from last time', async ({ page }) => {
  const other = replaceOnce(seed, '合计\t13,931.00', '合计\t13,930.00');
  await open(page);
  await paste(page, seed);
  await expect.poll(() => stored(page)).toBe(seed);

  await page.goto(`/#${shareFragment(other)}`);
  // A hash-only change does not reload the page; the link is read when the page starts.
  await page.reload();
  await expect(input(page)).toHaveValue(other);
  await expect(problem(page, 'amount-grand-total', 'B10')).toHaveCount(1);
});
