// Trunk post-build hook (see Trunk.toml): runs in the staging folder before
// dist/ is replaced.
//  1. Adds a Content-Security-Policy: scripts only from the page itself (the
//     one inline bootstrap script Trunk writes is allowed by its hash), no
//     connection to any other origin, no plugins, no forms.
//  2. Stamps www/sw.js with the build's id (scripts/build-id.mjs: a hash of
//     every file of the build), so that a release changing any of them
//     installs a new service worker whose cache replaces the old one.
//  3. Locks the page's workers out of the network once they have loaded their wasm:
//     a worker is not governed by the page's meta policy, only by headers of
//     its own script, which a plain static host does not send.
//  4. Writes _headers (the format of Netlify and Cloudflare Pages) with the same
//     policy plus frame-ancestors 'none', which no meta tag can carry; README
//     § Hosting has the same for nginx and Caddy.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildId } from './build-id.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = scripts.map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// The policy must come before the first script to govern it.
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(indexPath, html);

// A worker's loader (Trunk's data-loader-shim) awaits the wasm's init; the
// worker answers messages only after it, so nothing it does runs before the lock.
const lock = `
// Added by scripts/post-build.mjs: the worker's work is all in memory, so it
// gives up every way to reach the network once its wasm is loaded.
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'caches', 'Worker', 'SharedWorker']) {
  try {
    Object.defineProperty(self, name, { value: undefined, writable: false, configurable: false });
  } catch {
    self[name] = undefined;
  }
}
`;
for (const worker of ['jixiao-check-worker', 'jixiao-file-worker']) {
  const loaderPath = join(dir, `${worker}_loader.js`);
  writeFileSync(loaderPath, readFileSync(loaderPath, 'utf8') + lock);
}

const headers = [
  '/*',
  `  Content-Security-Policy: ${policy}; frame-ancestors 'none'`,
  '  X-Frame-Options: DENY',
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  '',
].join('\n');
writeFileSync(join(dir, '_headers'), headers);
const build = buildId(dir);
const swPath = join(dir, 'sw.js');
writeFileSync(swPath, readFileSync(swPath, 'utf8').replace('__BUILD__', build));
console.log(`post-build: CSP with ${hashes.length} script hash(es); sw.js build ${build}; workers locked; _headers`);
