// The build's id: a hash of every file the service worker caches (every file of
// the build but sw.js and _headers). scripts/post-build.mjs stamps it into
// sw.js as the cache's name, so that a release changing any file — the page's
// worker too, whose file names carry no hash — installs a new service worker
// that replaces the whole cache. The release spec (tests/e2e/release.spec.mjs)
// stamps a changed copy of a build with it, as a real release would.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function buildId(dir) {
  const digest = createHash('sha256');
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && entry.name !== 'sw.js' && entry.name !== '_headers') {
      digest.update(entry.name).update(readFileSync(join(dir, entry.name)));
    }
  }
  return digest.digest('hex').slice(0, 16);
}
