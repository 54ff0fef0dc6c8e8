// Suggested fixes beside their messages: exactly the CLI's suggestions for the seed,
// each with its reason on hover, in the cell's tooltip too; and the help says which
// rules suggest a fix.
import { test, expect, seed, open, paste, problem, expectSeedReport, cellAt } from './support.mjs';
import { buildCli, check } from './cli.mjs';

test.beforeAll(() => {
  test.setTimeout(15 * 60_000); // a first release build of the CLI takes minutes
  buildCli();
});

test('the page shows exactly the CLI\'s suggestions, beside their messages', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  const cli = check(seed).diagnostics.filter((d) => d.suggestion);
  expect(cli.map((d) => `${d.rule} ${d.cell} ${d.suggestion.value}`)).toEqual([
    'amount-unit-subtotal B11 12,585.00',
    'amount-unit-subtotal C11 12,585.00',
    'value-unit-missing G18 29027套',
    'satisfaction-not-numeric G30 ≥85%',
  ]);
  const shown = await page.locator('[data-problem]:has([data-suggestion])').evaluateAll((els) =>
    els.map((e) => `${e.dataset.rule} ${e.dataset.cell} ${e.querySelector('[data-suggestion]').dataset.suggestion}`));
  expect(shown.sort()).toEqual(cli.map((d) => `${d.rule} ${d.cell} ${d.suggestion.value}`).sort());
  const subtotal = problem(page, 'amount-unit-subtotal', 'B11').locator('[data-suggestion]');
  await expect(subtotal).toHaveText('建议：12,585.00');
  await expect(subtotal).toHaveAttribute('title', cli[0].suggestion.why);
  // In the table, the cell's tooltip has it too.
  await expect(cellAt(page, 'B11').locator('.tip')).toContainText('建议：12,585.00');
  // In English.
  await page.locator('[data-action="lang"]').click();
  await expect(subtotal).toHaveText('Suggestion: 12,585.00');
  await expect(subtotal).toHaveAttribute('title', cli[0].suggestion.why_en);
});

test('the help says whether a rule suggests a fix', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  const help = page.locator('[data-help-panel]');
  await page.locator('[data-help="amount-unit-subtotal"]').first().click();
  await expect(help).toContainText('修改建议');
  await expect(help).toContainText('建议：小计改为所列项目之和。');
  await page.locator('[data-action="help-close"]').click();
  await page.locator('[data-help="value-vague"]').first().click();
  await expect(help).toContainText('不提供修改建议');
});
