// The report at the widths a reviewer reads it (issue 14): a phone (390×844, where a
// link shared through a chat app is opened first), a tablet (768×1024), a laptop
// (1366×768), and the ends of the range, 360 and 1920 px. At each: nothing of the
// report sticks out of the viewport sideways (outside the boxes meant to scroll: the
// table, the coverage matrix, the paste area),
// no two texts of an indicator table overlap or leave their cell, and every cell's
// popup stays inside the viewport. Then what each width is for: cards and 44 px tap
// targets on a phone with the summary first from a link; on a laptop the 绩效指标
// column in view, before and after a jump, with the empty amount columns narrow.
//
// Screenshots are attached to the report; `UPDATE_SCREENSHOTS=1` also writes the
// README's www/screenshots/phone.png and laptop.png.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test, expect, seed, seedBytes, open, paste, expectSeedReport, problem, cellAt, shareFragment,
} from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshots = path.join(here, '..', '..', 'www', 'screenshots');

const phone = { width: 390, height: 844 };
const tablet = { width: 768, height: 1024 };
const laptop = { width: 1366, height: 768 };

// Elements that stick out of the viewport sideways. Inside a box that scrolls (or
// clips) its content, the box is what must fit: what it holds may be wider.
function overflowing(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const boxes = (el) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
    const inBox = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (boxes(p)) return true;
      return false;
    };
    const name = (el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().replace(/\s+/g, '.')}` : ''} "${el.textContent.trim().slice(0, 30)}"`;
    const out = [];
    if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || inBox(el)) continue;
      if (r.left < -0.5 || r.right > width + 0.5) out.push(`${name(el)}: ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
    }
    return out;
  });
}

// Texts of the indicator tables that overlap another or leave their own cell (the
// 二级 running into the 三级 in the issue).
function overlapping(page) {
  return page.evaluate(() => {
    const out = [];
    const inside = (a, b) => a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
    const meet = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    for (const table of document.querySelectorAll('table.indicators')) {
      const texts = [];
      for (const cell of table.querySelectorAll('td')) {
        if (!cell.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(cell);
        // One box per line of text: a wrapped text is many.
        const lines = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        const box = cell.getBoundingClientRect();
        const where = `${table.closest('[data-cell-id]')?.getAttribute('data-cell-id')} #${cell.parentElement.getAttribute('data-indicator')} "${cell.textContent.trim().slice(0, 20)}"`;
        if (lines.some((line) => !inside(line, box))) out.push(`${where} leaves its cell`);
        texts.push(...lines.map((line) => ({ line, where, cell })));
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          if (texts[i].cell !== texts[j].cell && meet(texts[i].line, texts[j].line)) out.push(`${texts[i].where} overlaps ${texts[j].where}`);
        }
      }
    }
    return out;
  });
}

// Opens the popup of every marked cell of the table in turn, by keyboard focus as
// Tab would, and says which leave the viewport.
function popupsOutside(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const [width, height] = [document.documentElement.clientWidth, document.documentElement.clientHeight];
    const out = [];
    const cells = [...document.querySelectorAll('table.sheet td[data-severity]')];
    for (const cell of cells) {
      cell.focus();
      await frame();
      const tip = cell.querySelector(':scope > .tip');
      const r = tip.getBoundingClientRect();
      if (getComputedStyle(tip).display === 'none') out.push(`${cell.dataset.cellId}: no popup on focus`);
      else if (r.left < 0 || r.top < 0 || r.right > width || r.bottom > height) {
        out.push(`${cell.dataset.cellId}: popup at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} in ${width}×${height}`);
      }
    }
    document.activeElement.blur();
    return { count: cells.length, out };
  });
}

// A screenshot attached to the test's result; `readme` names the README's copy.
async function attach(page, testInfo, name, { readme, ...options } = {}) {
  await page.evaluate(() => document.fonts.ready);
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, ...options });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  if (process.env.UPDATE_SCREENSHOTS && readme) await page.screenshot({ path: path.join(screenshots, readme), ...options });
}

// The three of the issue, and the two ends of the range a reviewer uses.
const widths = [['phone', phone], ['tablet', tablet], ['laptop', laptop],
  ['small phone', { width: 360, height: 740 }], ['wide screen', { width: 1920, height: 1080 }]];
for (const [label, viewport] of widths) {
  test.describe(`${label} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('nothing overflows, no indicator texts overlap, every popup stays in the viewport', async ({ page }, testInfo) => {
      await open(page);
      expect(await overflowing(page), 'the empty page').toEqual([]);
      await paste(page, seed);
      await expectSeedReport(page);
      expect(await overflowing(page), 'the seed report').toEqual([]);
      expect(await overlapping(page)).toEqual([]);
      const { count, out } = await popupsOutside(page);
      expect(count, 'marked cells in the seed').toBeGreaterThan(30);
      expect(out).toEqual([]);
      // And by the mouse: the last marked cell of the 绩效指标 column, the rightmost.
      const last = page.locator('table.sheet td[data-severity][data-cell-id^="G"]').last();
      await last.scrollIntoViewIfNeeded();
      await last.hover({ position: { x: 5, y: 5 } });
      const tip = last.locator('.tip');
      await expect(tip).toBeVisible();
      await expect(tip).toBeInViewport({ ratio: 1 });
      await attach(page, testInfo, `${label}-report`, { fullPage: true });
    });
  });
}

test.describe('phone', () => {
  test.use({ viewport: phone });

  test('problems are cards with their severity, cell, project, message and help; tap targets are 44 px', async ({ page }) => {
    await open(page);
    await paste(page, seed);
    await expectSeedReport(page);
    const card = problem(page, 'amount-unit-subtotal', 'B11').locator('xpath=..');
    await expect(card.locator('.severity-label')).toBeVisible();
    await expect(card.locator('.severity-label')).toHaveText('错误');
    for (const part of ['.cell-ref', '.project', '.message']) await expect(card.locator(part)).toBeVisible();
    await expect(card.locator('.cell-ref')).toHaveText('B11');
    await card.scrollIntoViewIfNeeded();
    await expect(card.locator('.message')).toBeInViewport({ ratio: 1 });
    // The card's own help opens the rule's help, inside the screen.
    await card.locator('[data-help="amount-unit-subtotal"]').click();
    await expect(page.locator('[data-help-panel]')).toContainText('amount-unit-subtotal');
    await expect(page.locator('[data-help-panel]')).toBeInViewport({ ratio: 1 });
    await page.locator('[data-action="help-close"]').click();

    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, textarea, input:not([type="checkbox"]):not([type="file"]), summary, label.filter, label.file-button, [tabindex="0"]')]
        .filter((el) => el.checkVisibility())
        .map((el) => [el, el.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([el, r]) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`));
    expect(small, 'tap targets under 44 px').toEqual([]);
  });

  test('a jump to an indicator shows it beside the fixed row numbers', async ({ page }) => {
    await open(page);
    await paste(page, seed);
    await expectSeedReport(page);
    await problem(page, 'cost-exceeds-budget', 'G34').click();
    await expect(cellAt(page, 'G34')).toBeFocused();
    const line = cellAt(page, 'G34').locator('tr[data-indicator="3"]');
    await expect(line).toBeInViewport();
    // Within the table's box, not hidden under its sticky first column.
    const [box, numbers, shown] = await Promise.all([
      page.locator('#table-box').boundingBox(),
      page.locator('tr[data-row="34"] th.row-number').boundingBox(),
      line.boundingBox(),
    ]);
    expect(shown.x).toBeGreaterThanOrEqual(numbers.x + numbers.width - 1);
    expect(shown.x).toBeLessThan(box.x + box.width);
  });

  test('a shared link opens to the same report, the summary first', async ({ page }, testInfo) => {
    await open(page, `/#${shareFragment(seedBytes)}`);
    await expectSeedReport(page);
    const summaryBox = await page.locator('section.summary').boundingBox();
    const intakeBox = await page.locator('section.intake').boundingBox();
    expect(summaryBox.y, 'the summary above the paste area').toBeLessThan(intakeBox.y);
    await expect(page.locator('[data-summary="errors"]')).toBeInViewport({ ratio: 1 });
    expect(await overflowing(page)).toEqual([]);
    await attach(page, testInfo, 'phone-link', { readme: 'phone.png' });
  });
});

test.describe('laptop', () => {
  test.use({ viewport: laptop });

  test('the 绩效指标 column is in view, the empty amount columns narrow, a jump shows the indicator', async ({ page }, testInfo) => {
    await open(page);
    await paste(page, seed);
    await expectSeedReport(page);
    // No sideways scroll at all: the whole table fits the laptop's width.
    const scroll = await page.locator('#table-box').evaluate((box) => [box.scrollWidth, box.clientWidth]);
    expect(scroll[0]).toBeLessThanOrEqual(scroll[1]);
    const width = async (selector) => (await page.locator(selector).boundingBox()).width;
    const [empty, full] = [page.locator('table.sheet th.col-amount.empty'), page.locator('table.sheet th.col-amount:not(.empty)')];
    // The seed fills no 财政专户拨款 (D) and no 其他资金 (E).
    await expect(empty).toHaveCount(2);
    await expect(empty.first()).toContainText('财政专户拨款');
    const [emptyWidth, fullWidth] = [(await empty.first().boundingBox()).width, (await full.first().boundingBox()).width];
    expect(emptyWidth).toBeLessThan(fullWidth * 0.6);
    const [goal, indicators] = [await width('th.col-goal'), await width('th.col-indicators')];
    expect(goal).toBeGreaterThan(fullWidth * 2.5);
    expect(indicators).toBeGreaterThan(goal);
    const column = await page.locator('th.col-indicators').boundingBox();
    expect(column.x + column.width, '绩效指标 within the screen\'s width').toBeLessThanOrEqual(laptop.width);

    // A jump from the problem list: the indicator of the finding, in view both ways.
    await problem(page, 'cost-exceeds-budget', 'G34').click();
    await expect(cellAt(page, 'G34')).toBeFocused();
    await expect(cellAt(page, 'G34').locator('tr[data-indicator="3"]')).toBeInViewport({ ratio: 1 });
    await attach(page, testInfo, 'laptop-jump', { readme: 'laptop.png' });
  });

  test('a long goal is clamped and expands in place', async ({ page }) => {
    await open(page);
    await paste(page, seed);
    await expectSeedReport(page);
    const button = page.locator('[data-action="expand"]').first();
    const text = button.locator('xpath=preceding-sibling::div[1]');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    const clipped = () => text.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    expect(await clipped(), 'clamped before').toBe(true);
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(button).toHaveText('收起');
    expect(await clipped(), 'all of it shown').toBe(false);
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(await clipped()).toBe(true);
  });
});
