// The breakdowns a reviewer scans first: indicator counts by 一级 and 二级 as SVG bar
// charts, the quantitative share, the funding composition, and the coverage matrix in
// which a project without 效益 or 满意度 indicators stands out.
import { test, expect, seed, open, paste, expectSeedReport, pageProblems } from './support.mjs';

// The seed's coverage, read off its 绩效指标 cells (codes 1/2/3 and 11–14):
// row, then 1 = present / 0 = absent for 产出 效益 满意度 and 数量 质量 时效 成本.
// It agrees with the CLI: the 0s under 效益 and 满意度 are exactly the rows of its
// benefit-missing and satisfaction-missing findings.
const types = ['产出', '效益', '满意度', '数量', '质量', '时效', '成本'];
const coverage = `
  12 110 1100    13 111 1000    14 111 1010    16 101 1000    17 101 1101    18 110 1011
  19 101 1110    21 111 1010    22 111 0110    23 111 1100    24 111 1100    26 111 1100
  27 101 1010    28 111 0100    29 101 1110    30 101 1110    32 101 1110    33 110 1110
  34 110 1101    35 110 1101    37 111 0100    39 101 1110    40 101 1010    41 100 1100`
  .trim()
  .split(/\s+/)
  .reduce((rows, token, i) => (i % 3 === 0 ? rows.push([token]) : rows.at(-1).push(token), rows), [])
  .map(([row, level1, level2]) => [row, Object.fromEntries(types.map((type, i) => [type, (level1 + level2)[i] === '1']))]);

test.beforeEach(async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
});

test('the indicator counts by 一级 and 二级', async ({ page }) => {
  await expect(page.locator('[data-total-indicators]')).toHaveText('99');

  const level1 = page.locator('svg[data-chart="level1"]');
  await expect(level1).toBeVisible();
  await expect(level1.locator('[data-bar]')).toHaveCount(3);
  for (const [name, count] of [['产出指标', 67], ['效益指标', 14], ['满意度指标', 18]]) {
    await expect(level1.locator(`[data-bar="${name}"]`), name).toHaveAttribute('data-count', String(count));
  }

  // 二级: the framework's categories; whatever their labels, the non-empty ones are the
  // seed's 数量 30, 质量 20, 时效 13, 成本 4, 经济效益 2, 社会效益 10, 可持续影响 2, 满意度 18.
  const level2 = page.locator('svg[data-chart="level2"]');
  await expect(level2).toBeVisible();
  const counts = (await level2.locator('[data-bar]').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count')))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(99);
  expect(counts.filter((c) => c > 0).sort((a, b) => a - b)).toEqual([2, 2, 4, 10, 13, 18, 20, 30]);

  await expect(page.locator('[data-chart="quant"]')).toBeVisible();
  await expect(page.locator('[data-chart="funding"]')).toBeVisible();
});

test('the bars are drawn to scale', async ({ page }) => {
  // A chart whose bars all look alike tells nothing: the 产出 bar (67) must be drawn
  // longer than the 满意度 bar (18), which must be longer than the 效益 bar (14).
  const size = (name) =>
    page.locator(`svg[data-chart="level1"] [data-bar="${name}"]`).evaluate((bar) => {
      // The bar itself, not a group that also holds its label.
      const shape = bar.matches('rect, path, line, polygon') ? bar : bar.querySelector('rect, path, line, polygon') ?? bar;
      const box = shape.getBoundingClientRect();
      return Math.max(box.width, box.height);
    });
  const [output, benefit, satisfaction] = [await size('产出指标'), await size('效益指标'), await size('满意度指标')];
  expect(output).toBeGreaterThan(satisfaction);
  expect(satisfaction).toBeGreaterThan(benefit);
});

test('the coverage matrix marks every project without 效益 or 满意度 indicators', async ({ page }) => {
  const matrix = page.locator('table[data-coverage]');
  await expect(matrix).toBeVisible();
  await expect(matrix.locator('tr[data-coverage-row]')).toHaveCount(24);
  await expect(matrix.locator('[data-coverage-cell="满意度"][data-present="false"]')).toHaveCount(6);
  await expect(matrix.locator('[data-coverage-cell="效益"][data-present="false"]')).toHaveCount(10);
  await expect(matrix.locator('[data-coverage-cell="产出"][data-present="false"]')).toHaveCount(0);

  // The whole matrix, row by row, in one comparison (a diff shows exactly which cell is off).
  const shown = await matrix.locator('tr[data-coverage-row]').evaluateAll((rows, types) =>
    rows.map((row) => [
      row.getAttribute('data-coverage-row'),
      Object.fromEntries(types.map((type) => {
        const cell = row.querySelector(`[data-coverage-cell="${type}"]`);
        return [type, cell ? cell.getAttribute('data-present') === 'true' : `no ${type} cell`];
      })),
    ]), types);
  expect(shown.sort((a, b) => a[0] - b[0])).toEqual(coverage);
});

test('the coverage matrix and the findings tell the same story', async ({ page }) => {
  // The projects marked without 满意度 / 效益 are the rows of the matching findings.
  const found = await pageProblems(page);
  const rowsOf = (rule) => found.filter((p) => p.rule === rule).map((p) => p.cell.replace(/^[A-Z]+/, '')).sort();
  const absent = (type) =>
    page.locator(`tr[data-coverage-row]:has([data-coverage-cell="${type}"][data-present="false"])`)
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-coverage-row')).sort());
  expect(await absent('满意度')).toEqual(rowsOf('satisfaction-missing'));
  expect(await absent('效益')).toEqual(rowsOf('benefit-missing'));
});
