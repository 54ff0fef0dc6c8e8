// The column mapping step, header-missing's way forward: a form whose header no reader
// knows is unreadable; the user points at its header row and says what each column is,
// and the report is the one the same form gets under a header the reader knows (and
// the CLI's, with the profile downloaded as jixiao.toml). The mapping is remembered:
// after a reload the same header is read at once; removed, it is unreadable again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { test, expect, fixtures, open, paste, summary, pageProblems, keys } from './support.mjs';
import { buildCli, check } from './cli.mjs';

test.beforeAll(() => {
  test.setTimeout(15 * 60_000); // a first release build of the CLI takes minutes
  buildCli();
});

const known = fs.readFileSync(path.join(fixtures, 'forms', 'shandong-dezhou-linyi-xiaoxue-gongyong-jingfei.txt'), 'utf8');
const unknown = known.replace('一级\t二级\t三级\t年度数值\t备注', '类别\t子类\t指标项\t本年数\t说明');
const HEADER_ROW = 9;
const unreadable = (page) => page.locator('[data-state="unreadable"]');

async function mapColumns(page, ids) {
  await page.locator('[data-action="map-columns"]').click();
  await expect(page.locator('[data-head-row]').first()).toBeVisible();
  // No cell of this header is a word the reader knows: nothing is picked for the user.
  await expect(page.locator('[data-map-column]')).toHaveCount(0);
  await page.locator(`[data-head-row="${HEADER_ROW}"] [data-action="header-row"]`).check();
  for (const [index, id] of ids.entries()) {
    await page.locator(`[data-map-column="${index}"]`).selectOption(id);
  }
  await page.locator('[data-action="apply-mapping"]').click();
}

test('a header mapped by hand reads the form as the reader reads it under a known header', async ({ page }) => {
  expect(unknown).not.toBe(known);
  await open(page);
  await paste(page, unknown);
  await expect(unreadable(page)).toContainText('指定各列');
  await mapColumns(page, ['level1', 'level2', 'level3', 'value', '']);
  await expect(unreadable(page)).toHaveCount(0);
  const cli = check(known);
  await expect(summary(page, 'indicators')).toHaveText(String(cli.summary.indicators));
  await expect.poll(async () => keys(await pageProblems(page))).toEqual(keys(cli.diagnostics));
  await expect(summary(page, 'profile')).toContainText('列映射：类别 → 一级指标，子类 → 二级指标，指标项 → 三级指标，本年数 → 指标值');

  // The CLI reads the downloaded profile to the same findings.
  await page.locator('[data-action="settings"]').click();
  await expect(page.locator('[data-column-mapping]')).toHaveCount(1);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="profile-download"]').click(),
  ]);
  const toml = fs.readFileSync(await file.path(), 'utf8');
  expect(toml).toContain('[[columns]]');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-mapping-'));
  fs.writeFileSync(path.join(dir, 'jixiao.toml'), toml);
  const binary = process.env.JIXIAO_LINT || path.resolve('..', '..', 'target', 'release', 'jixiao-lint');
  const run = spawnSync(binary, ['check', '--format', 'json', '-'], { cwd: dir, input: unknown, maxBuffer: 64 << 20 });
  expect(keys(JSON.parse(run.stdout.toString('utf8')).files[0].diagnostics)).toEqual(keys(cli.diagnostics));

  // Remembered: a fresh load reads the same header at once.
  await page.reload();
  await paste(page, unknown);
  await expect(summary(page, 'indicators')).toHaveText(String(cli.summary.indicators));
  // Removed, the header is unknown again.
  await page.locator('[data-action="settings"]').click();
  await page.locator('[data-action="remove-mapping"]').click();
  await expect(unreadable(page)).toBeVisible();
});

test('a mapping without the columns an indicator needs says what is missing, in either language', async ({ page }) => {
  await open(page);
  await paste(page, unknown);
  await mapColumns(page, ['level1', '', '', '', '']);
  await expect(page.locator('[data-mapping-status]')).toContainText('至少要指定一级指标、三级指标（或二级指标）和指标值');
  await expect(unreadable(page)).toBeVisible();
  await page.locator('[data-action="lang"]').click();
  await expect(page.locator('[data-action="apply-mapping"]')).toHaveText('Read with these columns');
});

test('a header the reader half knows is picked for the user, its known columns filled in', async ({ page }) => {
  // 一级指标 | 三级指标 known, the value column under a name no reader knows.
  const half = known.replace('一级\t二级\t三级\t年度数值\t备注', '一级指标\t二级指标\t三级指标\t数值\t备注');
  await open(page);
  await paste(page, half);
  await expect(unreadable(page)).toBeVisible();
  await page.locator('[data-action="map-columns"]').click();
  await expect(page.locator(`[data-head-row="${HEADER_ROW}"]`)).toHaveClass(/picked/);
  await expect(page.locator('[data-map-column="0"]')).toHaveValue('level1');
  await expect(page.locator('[data-map-column="3"]')).toHaveValue('');
  await page.locator('[data-map-column="3"]').selectOption('value');
  await page.locator('[data-action="apply-mapping"]').click();
  await expect(summary(page, 'indicators')).toHaveText('8');
});
