// The Content-Security-Policy in index.html (scripts/post-build.mjs writes it): the
// page may connect to its own origin only and run scripts only from itself, so that
// even content that somehow became markup could neither run code nor send the table
// anywhere. The other test server (the sub-path one, another port) stands in for a
// foreign host: a request to it would succeed if the policy did not forbid it.
import { test, expect, seed, open, paste, expectSeedReport, replaceOnce } from './support.mjs';
import { rootURL, subPathURL } from './servers.mjs';

// A request "to another origin", from the root page's point of view.
const foreign = subPathURL;

// Collects every securitypolicyviolation from the first script on, so that a
// violation during start-up (the bootstrap script, the wasm) counts too.
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
    });
  });
}
const violations = (page) => page.evaluate(() => window.__violations);

test('the page declares a policy that allows only its own origin and its own scripts', async ({ page }) => {
  await open(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(
    policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  expect(directives['connect-src']).toEqual(["'self'"]);
  expect(directives['default-src']).toEqual(["'self'"]);
  // 'self', wasm compilation and the hash of Trunk's bootstrap script; never inline or eval.
  expect(directives['script-src'].slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  for (const source of directives['script-src'].slice(2)) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  expect(directives['script-src']).not.toContain("'unsafe-inline'");
  expect(directives['script-src']).not.toContain("'unsafe-eval'");
  expect(directives['object-src']).toEqual(["'none'"]);
  // The meta must precede every script, or the scripts before it run unrestricted.
  const before = await page.evaluate(() => {
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return [...document.scripts].every((s) => meta.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(before, 'the policy comes before every script').toBe(true);
});

test('the page works under its own policy: no violation while it starts and checks the seed', async ({ page }) => {
  // A policy that blocks the page's own bootstrap script or wasm, or an inline style
  // the charts rely on, would show up here as a violation.
  await recordViolations(page);
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await expect(page.locator('svg[data-chart]').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('a fetch to another origin is blocked by the policy and never reaches it', async ({ page }) => {
  await recordViolations(page);
  await open(page);
  const reached = [];
  page.on('request', (request) => {
    if (request.url().startsWith(foreign)) reached.push(request.url());
  });
  // no-cors: without the policy this resolves (an opaque response, the other server
  // sends no CORS header), so a rejection here is the policy's doing, not CORS's.
  const outcome = await page.evaluate(
    (url) => fetch(url, { mode: 'no-cors', cache: 'no-store' }).then(() => 'resolved', (error) => `rejected: ${error}`),
    `${foreign}sample.txt`,
  );
  expect(outcome).toMatch(/^rejected: TypeError/);
  await expect.poll(() => violations(page)).toContainEqual({ directive: 'connect-src', blocked: `${foreign}sample.txt` });
  expect(reached, 'requests that left the browser for the other origin').toEqual([]);

  // The same kind of request to the page's own origin goes through: the policy
  // is not simply blocking every fetch.
  const own = await page.evaluate(() => fetch('./sample.txt', { cache: 'no-store' }).then((r) => r.status));
  expect(own).toBe(200);
});

test('a script from another origin or an injected inline script does not run', async ({ page }) => {
  await recordViolations(page);
  await open(page);
  await page.evaluate((url) => {
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.body.append(inline);
    const remote = document.createElement('script');
    remote.src = url;
    document.body.append(remote);
  }, `${foreign}sw.js`);
  await expect.poll(() => violations(page)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline' }),
      expect.objectContaining({ directive: 'script-src-elem', blocked: `${foreign}sw.js` }),
    ]),
  );
  expect(await page.evaluate(() => window.__inlineRan)).toBeUndefined();
});

test.describe('without the policy', () => {
  // The control: the same page with CSP switched off in the browser. The fetch that
  // the test above expects to be blocked then succeeds, so that test's rejection is
  // the policy's work and not an artefact of the test servers.
  test.use({ bypassCSP: true });

  test('the same cross-origin fetch succeeds', async ({ page }) => {
    await open(page, rootURL);
    const outcome = await page.evaluate(
      (url) => fetch(url, { mode: 'no-cors', cache: 'no-store' }).then((r) => `resolved: ${r.type}`, (error) => `rejected: ${error}`),
      `${foreign}sample.txt`,
    );
    expect(outcome).toBe('resolved: opaque');
  });
});

// The page's worker: its script is not governed by the page's meta policy. On a plain
// static host (the sub-path server sends no headers) the worker locks itself out of
// the network once its wasm is loaded; on a host that sends the headers of README
// § Hosting (the root server) the policy reaches it as well.
async function pageWorker(page) {
  await expect.poll(() => page.workers().some((w) => w.url().includes('jixiao-check-worker'))).toBe(true);
  return page.workers().find((w) => w.url().includes('jixiao-check-worker'));
}

for (const [name, url, other] of [
  ['a plain static host', subPathURL, rootURL],
  ['a host that sends the headers', rootURL, subPathURL],
]) {
  test(`the worker cannot reach another origin (${name})`, async ({ page }) => {
    const reached = [];
    page.on('request', (request) => {
      if (request.url().startsWith(other)) reached.push(request.url());
    });
    await open(page, url);
    await paste(page, seed);
    await expectSeedReport(page);
    const worker = await pageWorker(page);
    const attempts = await worker.evaluate(async (target) => {
      const outcomes = {};
      const tryIt = async (label, attempt) => {
        try {
          await attempt();
          outcomes[label] = 'reached';
        } catch (error) {
          outcomes[label] = 'blocked';
        }
      };
      await tryIt('fetch', () => fetch(`${target}sample.txt`, { mode: 'no-cors' }));
      await tryIt('XMLHttpRequest', () => new Promise((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.onload = resolve;
        request.onerror = reject;
        request.open('GET', `${target}sample.txt`);
        request.send();
      }));
      await tryIt('WebSocket', () => new WebSocket(target.replace('http', 'ws')));
      await tryIt('EventSource', () => new EventSource(`${target}sample.txt`));
      await tryIt('caches', () => caches.open('x').then((cache) => cache.add(`${target}sample.txt`)));
      return outcomes;
    }, other);
    expect(attempts).toEqual({ fetch: 'blocked', XMLHttpRequest: 'blocked', WebSocket: 'blocked', EventSource: 'blocked', caches: 'blocked' });
    // The worker still does its work: a check after the attempts.
    await paste(page, replaceOnce(seed, '合计\t13,931.00', '合计\t13,930.00'));
    await expect(page.locator('[data-problem][data-rule="amount-grand-total"][data-cell="B10"]')).toHaveCount(1);
    expect(reached, 'requests that left the browser for the other origin').toEqual([]);
  });
}

test('where the host sends the headers, the worker\'s script carries the policy and no other site can frame the page', async ({ page, request }) => {
  for (const file of ['', 'jixiao-check-worker_loader.js', 'jixiao-check-worker.js', 'jixiao-file-worker_loader.js', 'jixiao-file-worker.js']) {
    const response = await request.get(`${rootURL}${file}`);
    const policy = response.headers()['content-security-policy'];
    expect(policy, file).toContain("connect-src 'self'");
    expect(policy, file).toContain("frame-ancestors 'none'");
    expect(response.headers()['x-frame-options'], file).toBe('DENY');
  }
  // Another site frames it (a page with no policy of its own, so that only the
  // framed page's headers decide): the browser refuses to show it there.
  const framedApp = async (src) => {
    await page.setContent(`<iframe src="${src}" width="800" height="600"></iframe>`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    await page.waitForTimeout(2_000);
    return frame.locator('textarea[data-action="input"]').count();
  };
  expect(await framedApp(rootURL), 'the app framed from the host with headers').toBe(0);
  // The control: the plain static host sends no header, and there the frame shows the app.
  expect(await framedApp(subPathURL), 'the app framed from the plain host').toBe(1);
});
