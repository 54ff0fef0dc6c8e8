// Offline support: after the first visit the page opens and works with no
// network. The app shell (index.html and the files it names) is cached on
// install (with the sample and the page's worker); BUILD is stamped by scripts/post-build.mjs with a hash of
// every file of the build, so that a new release installs a new worker and drops the old cache.
const BUILD = '__BUILD__';
const CACHE = `jixiao-${BUILD}`;

// Files whose names carry no content hash: the sample table and the page's
// two workers (Trunk names a worker's files after its binary). A release may
// change them under the same name, so they are fetched network-first (below).
const WORKERS = ['jixiao-check-worker', 'jixiao-file-worker'];
const UNHASHED = ['./sample.txt',
  ...WORKERS.flatMap((name) => [`./${name}_loader.js`, `./${name}.js`, `./${name}_bg.wasm`])];
const unhashed = new Set(UNHASHED.map((name) => new URL(name, self.location).pathname));

// The same-origin files that index.html names (script, wasm, css, sample).
async function shellFiles() {
  const response = await fetch('./', { cache: 'no-cache' });
  const html = await response.clone().text();
  const names = [...html.matchAll(/(?:href|src)="\.\/([^"#?]+)"/g)].map((m) => `./${m[1]}`);
  // Files index.html does not name (the sample table and the page's workers,
  // the file worker too though the page loads it only when needed), so that
  // all of them work offline.
  return { response, files: [...new Set([...names, ...UNHASHED])] };
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const { response, files } = await shellFiles();
    await cache.put('./', response);
    await cache.addAll(files);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('jixiao-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: the network first, so that a new release shows at once.
    event.respondWith(fetch(request).catch(() => caches.match('./', { cacheName: CACHE })));
    return;
  }
  if (unhashed.has(new URL(request.url).pathname)) {
    // The network first, the cache when offline: on the first load after a
    // release the service worker still in control is the old one, and serving
    // its cached worker would pair the new page with the old checker. A static
    // host answers an unchanged file with 304, so this costs a round trip.
    const cached = () => caches.match(request, { ignoreSearch: true });
    event.respondWith(fetch(request, { cache: 'no-cache' })
      .then(async (response) => (response.ok ? response : (await cached()) || response), cached));
    return;
  }
  // Hashed assets never change: the cache first.
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
