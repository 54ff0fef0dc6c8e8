// Large tables: the worker checks them with a progress bar and a cancel button, the
// paste area does not hold them, and the table and the problem list draw only the
// rows in view, however many there are. (How fast, and how long the page's main
// thread is ever busy, is measured by scripts/bench.sh, not asserted here.)
import { test, expect, open, input, summary, cellAt, paste, seed, expectSeedReport } from './support.mjs';
import { buildCli, check } from './cli.mjs';
import { wideTable, longTable } from './tables.mjs';

test.beforeAll(() => {
  test.setTimeout(15 * 60_000); // a first release build of the CLI takes minutes
  buildCli();
});

// Picks a file holding `text` with the page's file input.
async function pick(page, name, text) {
  await page.locator('input[data-action="file"]').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

const tableRows = (page) => page.locator('#table-box tr[data-row]');

test('a 3 MB table: the report of the CLI, drawn a slice at a time, every problem reachable', async ({ page }) => {
  test.setTimeout(120_000);
  const text = wideTable(3e6);
  const cli = check(text);
  await open(page);
  await pick(page, 'large.txt', text);
  await expect(summary(page, 'projects')).toHaveText(String(cli.summary.projects), { timeout: 60_000 });
  for (const key of ['units', 'indicators', 'errors', 'warnings', 'infos']) {
    await expect(summary(page, key), key).toHaveText(String(cli.summary[key]));
  }
  // The paste area does not hold megabytes; it says so.
  await expect(input(page)).toHaveValue('');
  await expect(page.locator('[data-state="large"]')).toContainText('3.0 MB');

  // The table: a box drawing the rows in view, not the 3 000 of them.
  const box = page.locator('#table-box');
  await expect(box).toHaveClass(/virtual/);
  await expect(tableRows(page).first()).toBeVisible();
  expect(await tableRows(page).count()).toBeLessThan(60);
  const lastRow = cli.projects.at(-1).row;
  await box.evaluate((b) => { b.scrollTop = b.scrollHeight; });
  await expect(page.locator(`#table-box tr[data-row="${lastRow}"]`)).toBeVisible();
  expect(await tableRows(page).count()).toBeLessThan(60);

  // The problem list likewise: thousands of problems, a few dozen drawn.
  const list = page.locator('.groups');
  await expect(list).toHaveClass(/virtual/);
  const total = cli.summary.errors + cli.summary.warnings + cli.summary.infos;
  expect(total).toBeGreaterThan(5_000);
  expect(await page.locator('[data-problem]').count()).toBeLessThan(100);
  // The last problem of the list, far down: drawn when scrolled to, and a click on it
  // brings its cell into the table's box, marked and focused.
  await list.evaluate((l) => { l.scrollTop = l.scrollHeight; });
  const last = page.locator('[data-problem][data-cell*="A"], [data-problem][data-cell*="G"], [data-problem][data-cell*="F"]').last();
  await expect(last).toBeVisible();
  const cell = await last.getAttribute('data-cell');
  const row = Number(cell.replace(/^[A-Z]+/, ''));
  expect(row).toBeGreaterThan(lastRow / 2);
  await box.evaluate((b) => { b.scrollTop = 0; });
  await last.click();
  await expect(cellAt(page, cell)).toHaveClass(/highlighted/);
  await expect(cellAt(page, cell)).toBeFocused();
  await expect(cellAt(page, cell)).toBeInViewport();
});

test('100 000 rows (one indicator per row) open and scroll to any place', async ({ page }) => {
  test.setTimeout(120_000);
  const text = longTable(100_000);
  await open(page);
  await pick(page, 'long.txt', text);
  await expect(summary(page, 'indicators')).toHaveText('100000', { timeout: 60_000 });
  const box = page.locator('#table-box');
  await expect(box).toHaveClass(/virtual/);
  for (const at of [0.25, 0.5, 0.999, 0]) {
    await box.evaluate((b, at) => { b.scrollTop = (b.scrollHeight - b.clientHeight) * at; }, at);
    const expected = Math.round(100_000 * at);
    // The rows drawn, read in one go: the box redraws on the scroll event, a frame
    // after the scroll, and again when the worker has sent the rows at that place.
    const drawn = () => page.evaluate(() => [...document.querySelectorAll('#table-box tbody tr[data-row]')]
      .map((r) => Number(r.dataset.row)));
    await expect.poll(async () => Math.abs(((await drawn())[0] ?? -1e9) - expected)).toBeLessThan(200);
    await expect(page.locator('#table-box tr.loading')).toHaveCount(0);
    const numbers = await drawn();
    expect(numbers.length).toBeGreaterThan(5);
    expect(numbers.length).toBeLessThan(100);
    // In order and consecutive: the slice of the table that is in view.
    expect(numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1)).toBe(true);
  }
});

test('a check under way shows its progress and can be cancelled; the page goes on working', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await pick(page, 'big.txt', wideTable(30e6));
  const checking = page.locator('[data-state="checking"]');
  await expect(checking).toBeVisible({ timeout: 30_000 });
  await expect(checking.locator('progress')).toBeVisible();
  await page.locator('[data-action="cancel"]').click();
  await expect(page.locator('[data-state="notice"]')).toContainText('检查已取消');
  await expect(checking).toHaveCount(0);
  await expect(summary(page, 'projects')).toHaveCount(0);
  // A new worker takes the next table.
  await paste(page, seed);
  await expectSeedReport(page);
});

test('a large paste goes to the worker too, not into the paste area', async ({ page }) => {
  test.setTimeout(120_000);
  const text = wideTable(2e6);
  const cli = check(text);
  await open(page);
  // A paste event carrying the text, as Ctrl+V with nothing focused delivers it.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(summary(page, 'projects')).toHaveText(String(cli.summary.projects), { timeout: 60_000 });
  await expect(input(page)).toHaveValue('');
  await expect(page.locator('[data-state="large"]')).toBeVisible();
});
