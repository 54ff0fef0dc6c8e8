// Filtering the problem list by severity and by rule: a reviewer who wants only the
// errors, or only one kind of problem, sees exactly those (the others leave the DOM).
import { test, expect, seed, open, paste, expectSeedReport } from './support.mjs';

// The seed's findings: 5 errors, 52 warnings, 23 infos.
const bySeverity = { error: 5, warning: 52, info: 23 };

const shown = (page, severity) =>
  page.locator(severity ? `[data-problem][data-severity="${severity}"]` : '[data-problem]');
const severityBox = (page, severity) => page.locator(`input[data-filter-severity="${severity}"]`);
const ruleSelect = (page) => page.locator('select[data-filter-rule]');

async function expectCounts(page, counts) {
  for (const [severity, count] of Object.entries(counts)) {
    await expect(shown(page, severity), `${severity} problems shown`).toHaveCount(count);
  }
}

test.beforeEach(async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
});

test('every severity is shown at first, and unchecking one hides exactly its problems', async ({ page }) => {
  for (const severity of Object.keys(bySeverity)) await expect(severityBox(page, severity)).toBeChecked();
  await expect(ruleSelect(page)).toHaveValue('');
  await expect(shown(page)).toHaveCount(80);
  await expectCounts(page, bySeverity);

  await severityBox(page, 'warning').uncheck();
  await expectCounts(page, { error: 5, warning: 0, info: 23 });
  await expect(shown(page)).toHaveCount(28);

  await severityBox(page, 'info').uncheck();
  await expectCounts(page, { error: 5, warning: 0, info: 0 });

  await severityBox(page, 'warning').check();
  await severityBox(page, 'info').check();
  await expectCounts(page, bySeverity);
});

test('choosing a rule shows only its problems, combined with the severity filter', async ({ page }) => {
  await ruleSelect(page).selectOption('amount-unit-subtotal');
  await expect(shown(page)).toHaveCount(2);
  const rules = await shown(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
  expect(new Set(rules)).toEqual(new Set(['amount-unit-subtotal']));
  await expect(shown(page).first()).toHaveAttribute('data-cell', /^[BC]11$/);

  await ruleSelect(page).selectOption('benefit-missing');
  await expect(shown(page)).toHaveCount(10);
  await expect(shown(page, 'warning')).toHaveCount(10);

  // benefit-missing is a warning: hiding warnings leaves nothing.
  await severityBox(page, 'warning').uncheck();
  await expect(shown(page)).toHaveCount(0);
  await severityBox(page, 'warning').check();
  await expect(shown(page)).toHaveCount(10);

  await ruleSelect(page).selectOption('');
  await expect(shown(page)).toHaveCount(80);
});

test('the filters keep applying when the text changes', async ({ page }) => {
  // A filter that only hides what was on screen would let the next paste's warnings through.
  await severityBox(page, 'warning').uncheck();
  await expect(shown(page, 'warning')).toHaveCount(0);
  await paste(page, seed.replace('\n合计\t13,931.00', '\n合计\t13,930.00'));
  await expect(page.locator('[data-problem][data-rule="amount-grand-total"][data-cell="B10"]')).toHaveCount(1);
  await expect(shown(page, 'warning')).toHaveCount(0);
  await expect(shown(page, 'error')).toHaveCount(7);
});
