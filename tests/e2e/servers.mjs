// Where the test servers listen (shared by playwright.config.mjs and the specs).
// Fixed ports on loopback; set E2E_PORT when they are taken.
export const port = Number(process.env.E2E_PORT || 4173);
export const rootURL = `http://127.0.0.1:${port}/`;
// The same dist/ under a sub-path, as a colleague's hosting would serve it.
export const subPath = '/team/checker/';
export const subPort = port + 1;
export const subPathURL = `http://127.0.0.1:${subPort}${subPath}`;
// A copy of dist/ that a spec changes as a new release would (release.spec.mjs).
export const releasePort = port + 2;
export const releaseURL = `http://127.0.0.1:${releasePort}/`;
