// Pasting the table: into the paste area, with Ctrl+V anywhere on the page, and
// editing it afterwards. The report must follow the text with no submit step, and
// a problem must lead to its cell.
import {
  test, expect, seed, open, paste, input, summary, problem, cellAt, expectSeedReport, replaceOnce,
} from './support.mjs';

test('pasting the seed shows the 515.00 subtotal problem, and clicking it lands on B11', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);

  const subtotal = problem(page, 'amount-unit-subtotal', 'B11');
  await expect(subtotal).toHaveCount(1);
  await expect(subtotal).toContainText('515.00');
  await expect(subtotal).toContainText('单位小计 13,100.00 ≠ 所列项目合计 12,585.00（差额 515.00）');
  await expect(subtotal).toHaveAttribute('data-severity', 'error');
  // A unit-row amount is not about any indicator.
  await expect(subtotal).not.toHaveAttribute('data-indicator', /.*/);

  // Put the table out of sight first, so that landing on the cell is the click's doing.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await subtotal.click();
  const b11 = cellAt(page, 'B11');
  await expect(b11).toHaveClass(/(^|\s)highlighted(\s|$)/);
  await expect(b11).toBeInViewport();
  await expect(b11).toBeFocused();
  await expect(b11).toContainText('13,100.00');
  await expect(page.locator('[data-cell-id].highlighted')).toHaveCount(1);

  // Another problem moves the highlight: the last row's cell, far from B11.
  await page.evaluate(() => window.scrollTo(0, 0));
  await problem(page, 'benefit-missing', 'G41').click();
  const g41 = cellAt(page, 'G41');
  await expect(g41).toHaveClass(/(^|\s)highlighted(\s|$)/);
  await expect(g41).toBeInViewport();
  await expect(b11).not.toHaveClass(/(^|\s)highlighted(\s|$)/);
  await expect(page.locator('[data-cell-id].highlighted')).toHaveCount(1);
});

test('a problem about one indicator names it', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  const cost = page.locator('[data-problem][data-rule="cost-exceeds-budget"][data-cell="G34"]');
  await expect(cost).toHaveCount(1);
  await expect(cost).toHaveAttribute('data-indicator', '3');
  await expect(cost).toHaveAttribute('data-severity', 'warning');
  await expect(cost).toContainText('400万元');
  await expect(cost).toContainText('297.00');
});

test('the report follows the text as it changes, with no submit step', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);

  // The grand total one 万元 short: two new errors at B10, nothing else changes.
  await paste(page, replaceOnce(seed, '合计\t13,931.00', '合计\t13,930.00'));
  await expect(problem(page, 'amount-grand-total', 'B10')).toHaveCount(1);
  await expect(problem(page, 'amount-row-sum', 'B10')).toHaveCount(1);
  await expect(summary(page, 'errors')).toHaveText('7');

  // Typing, key by key, at the end of the text: a row with only a name is not understood.
  await paste(page, seed);
  await expect(summary(page, 'errors')).toHaveText('5');
  await input(page).focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n只有名称的一行');
  await expect(problem(page, 'row-unrecognized', 'A42')).toHaveCount(1);
  await expect(summary(page, 'projects')).toHaveText('24');
});

test.describe('pasting from the clipboard', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Ctrl+V with nothing focused loads the table', async ({ page }) => {
    await open(page);
    await page.evaluate((text) => navigator.clipboard.writeText(text), seed);
    await page.evaluate(() => document.activeElement?.blur());
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    await page.keyboard.press('ControlOrMeta+V');
    await expectSeedReport(page);
  });

  test('Ctrl+V in the paste area inserts the table once', async ({ page }) => {
    // A page-wide paste handler that also acts on pastes into the text area would load
    // the table twice (or replace what the user is editing).
    await open(page);
    await page.evaluate((text) => navigator.clipboard.writeText(text), seed);
    await input(page).focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expectSeedReport(page);
    await expect(input(page)).toHaveValue(seed);
  });
});

test('a paste event on the page body loads the table', async ({ page }) => {
  // What the browser dispatches for a paste with nothing focused, built by hand: no
  // clipboard permission involved, so this works wherever the page runs.
  await open(page);
  await page.evaluate((text) => {
    document.activeElement?.blur();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, seed);
  await expectSeedReport(page);
});

test('a first report draws the charts and the table rows after its first frame; an edit redraws it whole at once', async ({ page }) => {
  // Drawn in one task with the rest, the charts and the rows doubled that task
  // (README "Hosting"); a report that replaces one on show must not flicker.
  await open(page);
  const edited = replaceOnce(seed, '合计\t13,931.00', '合计\t13,930.00');
  const seen = await page.evaluate(async ({ text, edited }) => {
    const area = document.querySelector('textarea[data-action="input"]');
    const parts = () => ({
      problem: !!document.querySelector('[data-problem][data-cell="B11"]'),
      chart: !!document.querySelector('[data-bar]'),
      row: !!document.querySelector('#table-box tbody tr[data-row]'),
    });
    // What is drawn once the task that shows `summary` ends: the observer is called
    // in a microtask of that task, and the timeout's task comes before any task the
    // page queues later.
    const drawnWith = (key, value, input) =>
      new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector(`[data-summary="${key}"]`)?.textContent.trim() !== value) return;
          observer.disconnect();
          setTimeout(() => resolve(parts()));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        area.value = input;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const settled = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    const first = await drawnWith('projects', '24', text);
    await settled();
    const later = parts();
    const edit = await drawnWith('errors', '7', edited);
    return { first, later, edit };
  }, { text: seed, edited });
  expect(seen).toEqual({
    first: { problem: true, chart: false, row: false },
    later: { problem: true, chart: true, row: true },
    edit: { problem: true, chart: true, row: true },
  });
});

test('a fresh page draws the sample\'s report off the page once its worker is warm, and leaves nothing of it', async ({ page }) => {
  // The rehearsal that makes a fresh page's first report as quick as the next
  // one's (README "Hosting"): the whole report, 80 problems, drawn and dropped.
  await open(page);
  await expect(page.locator('html')).toHaveAttribute('data-rehearsed', '80');
  await expect(page.locator('[data-state="empty"]')).toBeVisible();
  expect(await page.locator('[data-problem], [data-summary], [data-bar], [data-row]').count()).toBe(0);
  expect(await page.locator('main').evaluate((main) => main.hasAttribute('data-drawn'))).toBe(false);
  await paste(page, seed);
  await expectSeedReport(page);
});
