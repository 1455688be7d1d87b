// Debian's Chromium driven by playwright-core, and a page on an origin of its own: what the
// conformance tests need to run the seed's web SDK (@workos-inc/authkit-js) in a real browser.
// No npm import here: the caller passes playwright-core's `chromium`.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';

// No network: without these flags Chromium hangs on lookups of Google services.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A Chromium with a fresh profile; close() also removes the profile.
export async function launchChromium(chromium, { timeout }) {
  const profileDir = mkdtempSync(join(tmpdir(), 'authkit-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout,
    });
    context.setDefaultTimeout(timeout);
    context.setDefaultNavigationTimeout(timeout);
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      async close() {
        await context.close().catch(() => {});
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(profileDir, { recursive: true, force: true });
    throw err;
  }
}

// A tiny HTTP server on 127.0.0.1 (port 0: a free one): `scripts` maps a path to a published
// JavaScript file served as it is (an ES module without imports needs no bundler); every other
// GET answers the HTML of html(origin). Resolves to { origin, close() }.
export function startPageServer({ scripts, html, port = 0 }) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://page').pathname;
    if (scripts[path]) {
      let body;
      try {
        body = readFileSync(scripts[path]);
      } catch (err) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err)); // the page says why
        return;
      }
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(body);
    } else if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html(origin));
    } else {
      res.writeHead(405).end();
    }
  });
  let origin;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${server.address().port}`;
      resolve({
        origin,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}
