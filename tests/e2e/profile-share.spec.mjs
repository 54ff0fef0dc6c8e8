// A share link carries the profile in force after the table (#t=…&p=…): a colleague
// who opens it checks with the same house rules, and the page says that a profile is
// in force and what it changes. A link made with the defaults carries none.
import zlib from 'node:zlib';
import { test, expect, seed, open, paste, summary, pageProblems, keys, expectSeedReport, watch, shareFragment } from './support.mjs';

const shareLink = (page) => page.locator('input[data-share-link]');

test('the profile travels in the share link and is in force where it is opened', async ({ page, browser }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await page.locator('[data-action="settings"]').click();
  await page.locator('[data-rule-setting="value-vague"]').selectOption('off');
  await page.locator('[data-rule-setting="amount-unit-subtotal"]').selectOption('warning');
  await expect(summary(page, 'errors')).toHaveText('3');
  const shown = await pageProblems(page);

  await page.locator('[data-action="share"]').click();
  await expect(shareLink(page)).toHaveValue(/#t=[^&]+&p=/);
  const link = await shareLink(page).inputValue();
  const profile = zlib.inflateRawSync(Buffer.from(new URL(link).hash.split('&p=')[1], 'base64url')).toString('utf8');
  expect(profile).toContain('[rules]\namount-unit-subtotal = "warning"\nvalue-vague = "off"\n');

  const other = await browser.newContext();
  const colleague = await other.newPage();
  const verify = watch(colleague);
  await colleague.goto(link);
  await expect(summary(colleague, 'projects')).toHaveText('24');
  await expect(summary(colleague, 'errors')).toHaveText('3');
  await expect(summary(colleague, 'profile')).toHaveText('amount-unit-subtotal：警告（默认 错误）；value-vague：关闭');
  await expect(colleague.locator('[data-profile-state]')).toHaveAttribute('data-profile-state', 'custom');
  expect(keys(await pageProblems(colleague))).toEqual(keys(shown));
  // Like the link's table, its profile replaces nothing the colleague keeps: without
  // the link their own house rules (here the defaults) are in force again.
  await colleague.goto('/');
  await colleague.locator('textarea[data-action="input"]').fill(seed);
  await expect(summary(colleague, 'projects')).toHaveText('24');
  await expect(summary(colleague, 'errors')).toHaveText('5');
  await expect(summary(colleague, 'profile')).toHaveCount(0);
  await verify();
  await other.close();
});

test('a link made with the defaults carries no profile; a damaged profile is named and the defaults used', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await page.locator('[data-action="share"]').click();
  await expect(shareLink(page)).toHaveValue(/#t=/);
  expect(await shareLink(page).inputValue()).not.toContain('&p=');

  // A hand-made link whose profile names a rule that does not exist.
  const bad = zlib.deflateRawSync(Buffer.from('[rules]\nvalue-vauge = "off"\n')).toString('base64url');
  // (A fresh load: a link differing only in its fragment would not reload the page.)
  await page.goto('about:blank');
  await page.goto(`/#${shareFragment(Buffer.from(seed))}&p=${bad}`);
  await expectSeedReport(page);
  await expect(page.locator('[data-state="notice"]')).toContainText('第 2 行：没有这条规则：value-vauge');
  await expect(summary(page, 'profile')).toHaveCount(0);
});
