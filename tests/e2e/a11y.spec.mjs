// Accessibility (issue 14): an axe-core scan of the empty page, the seed's report and
// the help dialog finds no serious or critical violation; and a keyboard-only walk —
// Tab from the top — reaches the paste area, every control, every problem and every
// marked cell, each with a visible focus ring, and a problem's Enter lands on its cell.
import path from 'node:path';
import { createRequire } from 'node:module';
import { test, expect, seed, open, paste, expectSeedReport, problem, cellAt } from './support.mjs';

const axePath = path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js');

// The page's policy allows no script but its own; axe is the test's, not the page's.
test.use({ bypassCSP: true, viewport: { width: 1366, height: 768 } });

// The serious and critical violations axe finds on the page as it is now.
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds no serious or critical violation: empty page, the seed report, the help dialog', async ({ page }) => {
  await open(page);
  expect(await axeViolations(page), 'the empty page').toEqual([]);
  await paste(page, seed);
  await expectSeedReport(page);
  expect(await axeViolations(page), "the seed's report").toEqual([]);
  await page.locator('[data-help="amount-unit-subtotal"]').first().click();
  await expect(page.locator('[data-help-panel]')).toContainText('amount-unit-subtotal');
  expect(await axeViolations(page), 'the help dialog').toEqual([]);
});

// Whether the focused element shows a ring: its own outline or box-shadow, or (the
// file input, which is hidden in its label) the label's :focus-within outline.
function focusRing() {
  const el = document.activeElement;
  const shows = (e) => {
    const style = getComputedStyle(e);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
  };
  const ringed = el.matches('.file-button input') ? el.closest('label') : el;
  const r = ringed.getBoundingClientRect();
  return {
    id: el.getAttribute('data-walk'),
    ring: shows(ringed),
    inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    name: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 30)}"`,
  };
}

test('Tab from the top reaches the paste area, every control, problem and marked cell, each with a focus ring', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  // Every element a keyboard user must reach, numbered.
  const count = await page.evaluate(() => {
    const all = [...document.querySelectorAll('button:not([disabled]), select, textarea, input:not([disabled]), summary, a[href], [tabindex="0"]')]
      // A file input is hidden in its label, which is what shows.
      .filter((el) => (el.matches('.file-button input') ? el.closest('label') : el).checkVisibility());
    all.forEach((el, i) => el.setAttribute('data-walk', String(i)));
    return all.length;
  });
  expect(count).toBeGreaterThan(150);

  // From the top: a click on the title (nothing to focus) puts the start of Tab there.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('h1').click();
  const visited = [];
  for (let i = 0; i < count + 20; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(focusRing);
    if (focused.id === null) break; // past the last one, back to the browser
    visited.push(focused);
  }
  const ids = new Set(visited.map((v) => v.id));
  const missed = await page.evaluate((ids) =>
    [...document.querySelectorAll('[data-walk]')].filter((el) => !ids.includes(el.getAttribute('data-walk')))
      .map((el) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}"`), [...ids]);
  expect(missed, 'not reached by Tab').toEqual([]);
  expect(visited.filter((v) => !v.ring).map((v) => v.name), 'no visible focus ring').toEqual([]);
  expect(visited.filter((v) => !v.inView).map((v) => v.name), 'focused out of view').toEqual([]);
  // The paste area comes first, after the language toggle.
  const textarea = await page.locator('textarea[data-action="input"]').getAttribute('data-walk');
  expect(visited.findIndex((v) => v.id === textarea)).toBeLessThan(3);
  // Every problem and every marked cell was among them.
  for (const selector of ['[data-problem]', 'table.sheet td[data-severity]']) {
    const walked = await page.locator(selector).evaluateAll((els, ids) => els.filter((el) => ids.includes(el.getAttribute('data-walk'))).length, [...ids]);
    expect(walked, selector).toBe(await page.locator(selector).count());
  }

  // Enter on a problem lands on its cell, ringed: an amount, and an indicator.
  for (const [rule, cell] of [['amount-unit-subtotal', 'B11'], ['cost-exceeds-budget', 'G34']]) {
    await problem(page, rule, cell).focus();
    await page.keyboard.press('Enter');
    await expect(cellAt(page, cell)).toBeFocused();
    const focused = await page.evaluate(focusRing);
    expect(focused.ring, `${cell} focus ring`).toBe(true);
    expect(focused.inView, `${cell} in view`).toBe(true);
    await expect(cellAt(page, cell).locator('.tip')).toBeVisible();
  }
});
