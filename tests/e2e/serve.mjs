// A tiny static file server for the built page (dist/), for the browser tests
// and for local use. Only node:http and node:fs, so it needs no dependency.
//
//   node serve.mjs [--root DIR] [--port N] [--host H] [--base /team/checker/]
//
// --base serves the page under a sub-path, as a colleague's hosting would; any
// request outside it is a 404, so an absolute asset URL in the page shows up as
// a failure instead of silently working. --headers sends the headers of the
// build's _headers file (its "/*" rule), as a host configured per README
// § Hosting would; without it the server sends none, as a plain static host.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const root = path.resolve(option('root', path.join(here, '..', '..', 'dist')));
const host = option('host', '127.0.0.1');
const port = Number(option('port', process.env.PORT || 8080));
let base = option('base', '/');
if (!base.startsWith('/')) base = `/${base}`;
if (!base.endsWith('/')) base = `${base}/`;

// The "/*" rule of _headers: `  Name: value` lines under it.
const extraHeaders = {};
if (process.argv.includes('--headers')) {
  const lines = fs.readFileSync(path.join(root, '_headers'), 'utf8').split('\n');
  for (const line of lines.slice(lines.indexOf('/*') + 1)) {
    const match = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    if (!match) break;
    extraHeaders[match[1]] = match[2];
  }
}

if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`serve.mjs: ${root}/index.html does not exist; build the page first (trunk build --release)`);
  process.exit(1);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  // application/wasm is required by WebAssembly.instantiateStreaming.
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    return send(res, 400, 'bad request\n');
  }
  // "/team/checker" → "/team/checker/", so that relative URLs resolve inside it.
  if (`${pathname}/` === base) {
    res.writeHead(301, { Location: base });
    return res.end();
  }
  if (!pathname.startsWith(base)) return send(res, 404, `not found (outside ${base})\n`);

  let file = path.join(root, pathname.slice(base.length));
  // path.join normalises "..": anything that ends up outside root is refused.
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'forbidden\n');
  if (pathname.endsWith('/')) file = path.join(file, 'index.html');

  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return send(res, 404, 'not found\n');
    res.writeHead(200, {
      ...extraHeaders,
      'Content-Type': types[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
});

server.listen(port, host, () => {
  console.log(`serving ${root} at http://${host}:${server.address().port}${base}`);
});

// Playwright stops its web servers with SIGTERM; exit promptly and quietly.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
