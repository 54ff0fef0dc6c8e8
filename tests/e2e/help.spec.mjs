// Each rule id opens its help: what it checks, why, an example and the source, from
// the same registry as `jixiao-lint explain`, so the page and the CLI never say
// different things about a rule.
import { test, expect, seed, open, paste, expectSeedReport } from './support.mjs';
import { buildCli, explain } from './cli.mjs';

test.beforeAll(() => {
  test.setTimeout(15 * 60_000); // a first release build of the CLI takes minutes
  buildCli();
});

const panel = (page) => page.locator('[data-help-panel]');
// Whitespace and line breaks are layout, not content.
const squash = (text) => text.replace(/\s+/g, '');

async function expectHelpLikeCli(page, rule, lang) {
  await page.locator(`[data-help="${rule}"]`).first().click();
  await expect(panel(page)).toBeVisible();
  await expect(panel(page)).toContainText(rule);
  const shown = squash(await panel(page).textContent());
  const { title, sections } = explain(rule, lang);
  expect(shown, `${rule} help: title`).toContain(squash(title));
  for (const [heading, body] of sections) {
    expect(shown, `${rule} help: heading ${heading}`).toContain(squash(heading));
    expect(shown, `${rule} help: ${heading}`).toContain(squash(body));
  }
  await page.locator('[data-action="help-close"]').click();
  await expect(panel(page)).toBeHidden();
}

test.beforeEach(async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
});

test('the help for amount-unit-subtotal has its four sections and closes', async ({ page }) => {
  await page.locator('[data-help="amount-unit-subtotal"]').first().click();
  const help = panel(page);
  await expect(help).toBeVisible();
  await expect(help).toContainText('amount-unit-subtotal');
  for (const section of ['检查内容', '为什么', '示例', '依据']) await expect(help).toContainText(section);
  await expect(help).toContainText('应等于其下所列项目之和');
  await page.locator('[data-action="help-close"]').click();
  await expect(help).toBeHidden();
});

test('the help is in English when the page is', async ({ page }) => {
  await page.locator('[data-action="lang"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('[data-help="amount-unit-subtotal"]').first().click();
  const help = panel(page);
  await expect(help).toBeVisible();
  for (const section of ['What it checks', 'Why', 'Example', 'Source']) await expect(help).toContainText(section);
  await expect(help).not.toContainText('检查内容');
  await page.locator('[data-action="help-close"]').click();
  await expect(help).toBeHidden();
});

test('every rule found in the seed has the same help as jixiao-lint explain, in both languages', async ({ page }) => {
  // Some forty dialogs opened and closed, each beside a CLI run: 25-33 s on this
  // project's 2-core machine, too near the default 30 s.
  test.setTimeout(90_000);
  const rules = [...new Set(await page.locator('[data-problem]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))))];
  expect(rules.length).toBeGreaterThan(10);
  for (const rule of rules) await expectHelpLikeCli(page, rule, 'zh');
  await page.locator('[data-action="lang"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  for (const rule of rules) await expectHelpLikeCli(page, rule, 'en');
});
