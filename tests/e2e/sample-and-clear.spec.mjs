// The two buttons a first-time visitor uses: 示例 loads the seed table shipped with
// the page (www/sample.txt, fetched from the page's own folder), 清空 starts over.
import { test, expect, open, input, expectSeedReport } from './support.mjs';
import { subPathURL } from './servers.mjs';

test('the empty page explains itself, the sample loads the seed and clear empties everything', async ({ page }) => {
  await open(page);
  const empty = page.locator('[data-state="empty"]');
  await expect(empty).toBeVisible();
  await expect(page.locator('[data-problem]')).toHaveCount(0);

  await page.locator('[data-action="sample"]').click();
  await expectSeedReport(page);
  await expect(empty).toBeHidden();

  await page.locator('[data-action="clear"]').click();
  await expect(input(page)).toHaveValue('');
  await expect(empty).toBeVisible();
  await expect(page.locator('[data-problem]')).toHaveCount(0);
  await expect(page.locator('[data-state="unreadable"]')).toHaveCount(0);

  // And again: a second load after clearing is not a special case.
  await page.locator('[data-action="sample"]').click();
  await expectSeedReport(page);
});

test('the sample replaces whatever was typed before', async ({ page }) => {
  await open(page);
  await input(page).fill('hello world');
  await expect(page.locator('[data-state="unreadable"]')).toBeVisible();
  await page.locator('[data-action="sample"]').click();
  await expectSeedReport(page);
  await expect(page.locator('[data-state="unreadable"]')).toHaveCount(0);
  await expect(page.locator('[data-problem]')).toHaveCount(80);
});

test('the sample works when the page is served under a sub-path', async ({ page }) => {
  // sample.txt must be fetched relative to the page, not from the host's root.
  await open(page, subPathURL);
  await page.locator('[data-action="sample"]').click();
  await expectSeedReport(page);
});
