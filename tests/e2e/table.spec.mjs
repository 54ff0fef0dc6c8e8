// The parsed table: total and unit rows told apart from projects, and every cell that
// has a problem marked with its worst severity and an icon (colour is never the only
// signal), so a reviewer can work through the table itself.
import { test, expect, seed, open, paste, expectSeedReport, pageProblems, editCell, cellAt, problem } from './support.mjs';

const rank = { info: 1, warning: 2, error: 3 };

test('rows are tagged total, unit and project', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await expect(page.locator('[data-row="10"]')).toHaveAttribute('data-kind', 'total');
  await expect(page.locator('[data-row="11"]')).toHaveAttribute('data-kind', 'unit');
  await expect(page.locator('[data-row="38"]')).toHaveAttribute('data-kind', 'unit');
  await expect(page.locator('[data-row="12"]')).toHaveAttribute('data-kind', 'project');
  await expect(page.locator('[data-row][data-kind="total"]')).toHaveCount(1);
  await expect(page.locator('[data-row][data-kind="unit"]')).toHaveCount(2);
  await expect(page.locator('[data-row][data-kind="project"]')).toHaveCount(24);
  await expect(page.locator('[data-row][data-kind="unrecognized"]')).toHaveCount(0);
  await expect(page.locator('[data-cell-id="A12"]')).toContainText('工作经费');
  await expect(page.locator('[data-cell-id="B10"]')).toContainText('13,931.00');
});

test('a row the checker does not understand is shown as such', async ({ page }) => {
  await open(page);
  // Row 20 is blank in the seed; a lone name there is neither a unit nor a project.
  await paste(page, editCell(seed, 20, 0, '只有名称的一行'));
  await expect(page.locator('[data-row="20"]')).toHaveAttribute('data-kind', 'unrecognized');
  await expect(page.locator('[data-problem][data-rule="row-unrecognized"][data-cell="A20"]')).toHaveCount(1);
});

test('every cell with a problem is marked with its worst severity and an icon', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);

  // A few by hand: B11 an error, G12 two warnings, F12 an info, G28 errors, A12 nothing.
  await expect(page.locator('[data-cell-id="B11"]')).toHaveAttribute('data-severity', 'error');
  await expect(page.locator('[data-cell-id="G12"]')).toHaveAttribute('data-severity', 'warning');
  await expect(page.locator('[data-cell-id="F12"]')).toHaveAttribute('data-severity', 'info');
  await expect(page.locator('[data-cell-id="G28"]')).toHaveAttribute('data-severity', 'error');
  await expect(page.locator('[data-cell-id="A12"]')).not.toHaveAttribute('data-severity', /.*/);

  // Then all of them: the worst severity per cell, from the page's own problem list.
  const worst = {};
  for (const { cell, severity } of await pageProblems(page)) {
    if (!/^[A-Z]+\d+$/.test(cell)) continue; // a whole-row finding has no cell
    if (!worst[cell] || rank[severity] > rank[worst[cell]]) worst[cell] = severity;
  }
  const marked = await page.locator('[data-cell-id][data-severity]').evaluateAll((cells) =>
    Object.fromEntries(cells.map((c) => [c.getAttribute('data-cell-id'), c.getAttribute('data-severity')])),
  );
  expect(marked).toEqual(worst);

  // The icon: an image (svg, img, role=img), an element holding one symbol glyph (✖ ▲ ℹ …,
  // neither a letter nor a CJK character), or a CSS ::before/::after with content, inside
  // each marked cell. Colour alone fails this.
  const withoutIcon = await page.locator('[data-cell-id][data-severity]').evaluateAll((cells) => {
    const pseudo = (el) =>
      ['::before', '::after'].some((p) => {
        const content = getComputedStyle(el, p).content;
        return content && content !== 'none' && content !== 'normal' && content !== '""';
      });
    const glyph = (el) => {
      const text = [...(el.childElementCount === 0 ? el.textContent.trim() : '')];
      return text.length >= 1 && text.length <= 2 && !text.some((c) => /[A-Za-z0-9\u4e00-\u9fff]/.test(c));
    };
    const hasIcon = (cell) =>
      cell.querySelector('svg, img, [role="img"], [data-icon]') !== null ||
      [cell, ...cell.querySelectorAll('*')].some((el) => pseudo(el) || (el !== cell && glyph(el)));
    return cells.filter((c) => !hasIcon(c)).map((c) => c.getAttribute('data-cell-id'));
  });
  expect(withoutIcon).toEqual([]);
});

// The long sections below the first screen (the problems, the charts, the table) are laid
// out only as they near it (content-visibility: auto, the class `lazy`), which halves a
// fresh page's first report; once shown they are ordinary sections, so a cell's message
// (position: fixed) sits at its cell, and a jump to a cell lays them all out first.
test('the table is laid out once it nears the screen, and then behaves as before', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  const table = page.locator('section.table-section');
  await expect(table).toHaveClass(/\blazy\b/);

  await table.scrollIntoViewIfNeeded();
  await expect(table).not.toHaveClass(/\blazy\b/);
  const cell = cellAt(page, 'G16');
  await cell.hover();
  const tip = cell.locator('.tip');
  await expect(tip).toBeVisible();
  const [at, box] = [await cell.boundingBox(), await tip.boundingBox()];
  // Placed at the cell (above or below it), not offset by the section's position.
  expect(Math.min(Math.abs(box.y + box.height - at.y), Math.abs(box.y - (at.y + at.height)))).toBeLessThan(4);
});

test('a jump from a problem lays out every lazy section first, and lands on the cell', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await expect(page.locator('section.breakdowns')).toHaveClass(/\blazy\b/);
  await problem(page, 'value-unit-missing', 'G16').first().click();
  await expect(page.locator('.lazy')).toHaveCount(0);
  await expect(cellAt(page, 'G16')).toBeFocused();
  await expect(cellAt(page, 'G16')).toBeInViewport();
});
