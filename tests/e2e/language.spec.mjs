// Chinese by default, English on a toggle that the browser remembers (localStorage
// "jixiao-lang"), so a colleague who reads English sets it once.
import { test, expect, seed, open, paste, problem } from './support.mjs';

const cjk = /[\u4e00-\u9fff]/;
const storedLanguage = (page) => page.evaluate(() => localStorage.getItem('jixiao-lang'));

// The buttons' words come from the UI catalog: in English they must hold no Chinese.
async function expectControlsIn(page, language) {
  for (const action of ['sample', 'clear']) {
    const text = await page.locator(`[data-action="${action}"]`).textContent();
    expect(text.trim(), `[data-action="${action}"] button text`).not.toBe('');
    if (language === 'en') expect(text, `[data-action="${action}"] in English`).not.toMatch(cjk);
    else expect(text, `[data-action="${action}"] in Chinese`).toMatch(cjk);
  }
}

test('the language toggle switches to English, survives a reload, and switches back', async ({ page }) => {
  await open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expectControlsIn(page, 'zh');
  await paste(page, seed);
  const subtotal = problem(page, 'amount-unit-subtotal', 'B11');
  await expect(subtotal).toContainText('单位小计 13,100.00');

  await page.locator('[data-action="lang"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The findings already shown are re-worded, not only the page chrome.
  await expect(subtotal).toContainText('Unit subtotal 13,100.00');
  await expect(subtotal).toContainText('gap 515.00');
  await expect(subtotal).not.toContainText('单位小计');
  await expectControlsIn(page, 'en');
  expect(await storedLanguage(page)).toMatch(/en/i);

  await page.reload();
  await expect(page.locator('textarea[data-action="input"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectControlsIn(page, 'en');
  await paste(page, seed);
  await expect(subtotal).toContainText('Unit subtotal 13,100.00');

  await page.locator('[data-action="lang"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(subtotal).toContainText('单位小计 13,100.00');
  await expectControlsIn(page, 'zh');
  expect(await storedLanguage(page) ?? '').not.toMatch(/^\W*en/i);

  // Chinese is remembered too: the reload after switching back stays Chinese.
  await page.reload();
  await expect(page.locator('textarea[data-action="input"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expectControlsIn(page, 'zh');
});
