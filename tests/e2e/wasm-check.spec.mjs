// The checker that wasm-check.mjs times in node is the page's checker: for the
// seed and a generated table it finds as many problems as the CLI, and a check
// again in the same instance finds them again (the report before is dropped
// first, as in the worker). No browser: node's V8 runs it.
import fs from 'node:fs';
import { test, expect, seed } from './support.mjs';
import { buildCli, check } from './cli.mjs';
import { buildWasmCheck, withTable } from './wasm-check.mjs';
import { wideTable } from './tables.mjs';

let module;
test.beforeAll(async () => {
  test.setTimeout(15 * 60_000); // first release builds take minutes
  buildCli();
  module = await WebAssembly.compile(fs.readFileSync(buildWasmCheck()));
});

for (const [name, text] of [['the seed', seed], ['a 1 MB table', wideTable(1e6)]]) {
  test(`the wasm checker finds what the CLI finds: ${name}`, async () => {
    const table = Buffer.from(text);
    const expected = check(table).diagnostics.length;
    expect(expected).toBeGreaterThan(0);
    const exports = await withTable(module, table);
    expect(exports.check()).toBe(expected);
    expect(exports.check()).toBe(expected);
  });
}
