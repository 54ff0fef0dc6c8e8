// Large tables for the benchmark and the large-table specs, built from the real
// fixtures: the seed's unit and project rows (the Guangzhou layout), or a long
// table's rows (one indicator per row), repeated with distinct names and figures.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const lines = (name) => fs.readFileSync(path.join(fixtures, name), 'utf8').split(/\r?\n/);

// The seed's preamble and header, then its unit and project rows repeated until the
// text reaches `target` bytes, names numbered and amounts varied so that rows still
// add up (as benches/pipeline.rs builds it). Also the number of projects.
export function wideTable(target) {
  const seed = lines('seed.txt');
  const headerAt = seed.findIndex((l) => l.startsWith('项目名称'));
  const body = seed.slice(headerAt + 2).filter((l) => l.trim() !== '');
  const parts = [seed.slice(0, headerAt + 2).join('\n')];
  let length = Buffer.byteLength(parts[0]);
  for (let copy = 1; length < target; copy++) {
    for (const line of body) {
      const cells = line.split('\t');
      cells[0] = `${cells[0]}（${copy}）`;
      if (cells.length > 2 && cells[1] !== '') {
        const amount = `${copy % 997}.${String(copy % 100).padStart(2, '0')}`;
        cells[1] = amount;
        cells[2] = amount;
      }
      const row = `\n${cells.join('\t')}`;
      parts.push(row);
      length += Buffer.byteLength(row);
    }
  }
  return parts.join('');
}

// The Hubei-style long table (one indicator per row) with `rows` indicator rows:
// its projects repeated, each copy under a new project name.
export function longTable(rows) {
  const hubei = lines('long-hubei.txt').filter((l) => l.trim() !== '');
  const headerAt = hubei.findIndex((l) => l.startsWith('单位名称'));
  const body = hubei.slice(headerAt + 1);
  const out = hubei.slice(0, headerAt + 1);
  for (let copy = 1; out.length - headerAt - 1 < rows; copy++) {
    for (const line of body) {
      if (out.length - headerAt - 1 >= rows) break;
      const cells = line.split('\t');
      if (cells[1]) cells[1] = `${cells[1]}（${copy}）`;
      out.push(cells.join('\t'));
    }
  }
  return out.join('\n');
}
