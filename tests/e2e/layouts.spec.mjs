// Tables from other provinces: one indicator per row (Hubei, Sichuan, paired
// 实施周期/年度 columns) and the single-project 申报表 form. The page must name
// the layout, count what the CLI counts, and report exactly the CLI's findings,
// each at the indicator's own row.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, fixtures, open, paste, summary, pageProblems, keys } from './support.mjs';
import { buildCli, check } from './cli.mjs';

test.beforeAll(() => {
  test.setTimeout(15 * 60_000); // a first release build of the CLI takes minutes
  buildCli();
});

const tables = [
  ['Hubei style, merged cells left empty', 'long-hubei.txt', 'long'],
  ['Sichuan style, operator/unit/weight/direction columns', 'long-sichuan.txt', 'long'],
  ['paired 实施周期 and 年度 values', 'long-paired.txt', 'long'],
  ['a 申报表 form with a key–value block', 'form.txt', 'declaration-form'],
];

for (const [name, file, layout] of tables) {
  test(`${name}: the page reports what the CLI reports`, async ({ page }) => {
    const text = fs.readFileSync(path.join(fixtures, file), 'utf8');
    const cli = check(text);
    expect(cli.layout).toBe(layout);
    expect(cli.diagnostics.length).toBeGreaterThan(0); // each fixture carries defects
    await open(page);
    await paste(page, text);
    await expect(summary(page, 'projects')).toHaveText(String(cli.summary.projects));
    await expect(summary(page, 'indicators')).toHaveText(String(cli.summary.indicators));
    await expect(page.locator('[data-problem]')).toHaveCount(cli.diagnostics.length);
    expect(keys(await pageProblems(page))).toEqual(keys(cli.diagnostics));
    // The rows are shown as pasted, each finding's cell marked.
    for (const d of cli.diagnostics.filter((d) => d.column)) {
      await expect(page.locator(`[data-cell-id="${d.cell}"]`)).toHaveAttribute('data-severity', /error|warning|info/);
    }
    await expect(page.locator('tr[data-kind="row"]').first()).toBeVisible();
  });
}
