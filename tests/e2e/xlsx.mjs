// Reads an .xlsx downloaded from the page in node, as a second reader beside the
// native one (tests/workbook.rs reads it with calamine): a workbook is a zip of XML
// parts, so node's zlib and a few regular expressions are enough to see its sheets,
// cells, links and notes. No npm package: none is needed for this much.

import zlib from 'node:zlib';

// The parts of a zip archive by name, from its central directory.
export function unzip(bytes) {
  const buf = Buffer.from(bytes);
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip archive');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const parts = new Map();
  for (let i = 0; i < count; i += 1) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    parts.set(name, (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return parts;
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const attr = (tag, name) => (tag.match(new RegExp(`\\s${name}="([^"]*)"`)) || [])[1];

// The workbook: sheet names in order, and for each sheet its cells, links and notes.
export function readWorkbook(bytes) {
  const parts = unzip(bytes);
  const names = [...parts.get('xl/workbook.xml').matchAll(/<sheet [^>]*>/g)].map((m) => unescape(attr(m[0], 'name')));
  const shared = [...(parts.get('xl/sharedStrings.xml') || '').matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map((m) => unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const sheets = names.map((name, i) => {
    const xml = parts.get(`xl/worksheets/sheet${i + 1}.xml`);
    const cells = new Map();
    for (const m of xml.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(` ${m[1]}`, 'r');
      const body = m[2] || '';
      const value = (body.match(/<v>([\s\S]*?)<\/v>/) || [])[1];
      const inline = (body.match(/<t[^>]*>([\s\S]*?)<\/t>/) || [])[1];
      const type = attr(` ${m[1]}`, 't');
      cells.set(ref, {
        type: type || 'n',
        formula: /<f[\s>]/.test(body),
        value: type === 's' ? shared[Number(value)] : type === 'inlineStr' ? unescape(inline) : value === undefined ? '' : unescape(value),
      });
    }
    const links = new Map([...xml.matchAll(/<hyperlink [^>]*>/g)].map((m) => [attr(m[0], 'ref'), attr(m[0], 'location')]));
    const rels = parts.get(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`) || '';
    const target = [...rels.matchAll(/<Relationship [^>]*>/g)].map((m) => m[0]).find((r) => /\/comments"/.test(r));
    const notes = new Map();
    if (target) {
      const comments = parts.get(`xl/${attr(target, 'Target').replace(/^\.\.\//, '')}`);
      for (const m of comments.matchAll(/<comment ([^>]*)>([\s\S]*?)<\/comment>/g)) {
        notes.set(attr(` ${m[1]}`, 'ref'), unescape([...m[2].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
      }
    }
    const rows = Math.max(0, ...[...cells.keys()].map((ref) => Number(ref.replace(/^[A-Z]+/, ''))));
    return { name, cells, links, notes, rows };
  });
  return { names, sheets, sheet: (name) => sheets.find((s) => s.name === name) };
}
