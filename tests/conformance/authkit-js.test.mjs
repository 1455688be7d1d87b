// Conformance: the seed's web SDK, @workos-inc/authkit-js, in Debian's Chromium (headless,
// playwright-core) against authkit-emulator, the API called directly across origins (CORS,
// lib/emulator/README.md "CORS"). The page is served on an origin of its own (a tiny server on a
// free 127.0.0.1 port) and loads authkit-js's published ES module as it is.
//
//   allowed origin (--cors-origin): signIn() through the hosted pages, getUser() is Ada,
//     getAccessToken({ forceRefresh: true }) rotates, signOut() ends the hosted session
//   another origin: the same page's code exchange is blocked by the browser
//
// Run: AUTHKIT_EMULATOR=/path/to/authkit-emulator node --test-reporter=spec authkit-js.test.mjs
// Exits 77 (ctest: skipped) when /usr/bin/chromium is missing (apt package `chromium`, which
// scripts/install-deps.sh installs). Every wait is bounded.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM, launchChromium, startPageServer } from './chromium-page.mjs';
import { STARTUP_TIMEOUT_MS, STOP_TIMEOUT_MS, startEmulatorProcess, withTimeout } from './emulator-process.mjs';

if (!existsSync(CHROMIUM)) {
  console.log(`# SKIP: ${CHROMIUM} is missing (Debian package chromium; scripts/install-deps.sh installs it)`);
  process.exit(77);
}

const here = dirname(fileURLToPath(import.meta.url));
const AUTHKIT_JS = join(here, 'node_modules/@workos-inc/authkit-js/dist/index.mjs');

const CLIENT_ID = 'client_01J00000000000000000000DEV';
const ADA = { id: 'user_01J0000000000000000000ADA', email: 'ada@example.com', password: 'password', firstName: 'Ada' };
// Where authkit-js keeps the refresh token in devMode (its default on 127.0.0.1): localStorage.
const REFRESH_TOKEN_KEY = `workos:refresh-token:${CLIENT_ID}`;

const STEP_TIMEOUT_MS = 20_000;
const TEST_TIMEOUT_MS = 90_000;
const HOOK_TIMEOUT_MS = STARTUP_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS + 2 * STEP_TIMEOUT_MS;

// The page: authkit-js's createClient, as an app built on the seed does it; the result (or the
// error) lands in window.authkitReady, the client in window.authkit.
function pageHtml(emulatorPort) {
  return (origin) => `<!doctype html>
<html><head><meta charset="utf-8"><title>authkit-js conformance</title></head>
<body><script type="module">
import { createClient } from '/authkit.mjs';
try {
  const authkit = await createClient(${JSON.stringify(CLIENT_ID)}, {
    apiHostname: '127.0.0.1', port: ${emulatorPort}, https: false,
    redirectUri: ${JSON.stringify(`${origin}/callback`)},
  });
  window.authkit = authkit;
  window.authkitReady = { user: authkit.getUser() };
} catch (err) {
  window.authkitReady = { error: String(err && err.stack || err) };
}
</script></body></html>`;
}

function jwtClaims(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

async function emulatorJson(emulator, path, init = {}) {
  const res = await fetch(new URL(path, emulator.baseUrl), { ...init, signal: AbortSignal.timeout(STEP_TIMEOUT_MS) });
  return { status: res.status, body: await res.json() };
}

function refreshDirectly(emulator, refreshToken) {
  return emulatorJson(emulator, '/user_management/authenticate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: CLIENT_ID, grant_type: 'refresh_token', refresh_token: refreshToken }),
  });
}

async function sessionStatus(emulator, sessionId) {
  const { status, body } = await emulatorJson(emulator, '/_emulator/sessions');
  assert.equal(status, 200);
  return body.data.find((s) => s.id === sessionId)?.status;
}

// A browser on one page origin: what it logs, the API answers it reads, and the steps of a test.
class BrowserSession {
  static async open(origin) {
    const session = new BrowserSession(origin);
    session.browser = await launchChromium(chromium, { timeout: STEP_TIMEOUT_MS });
    session.page = session.browser.page;
    session.page.on('console', (m) => session.console.push(`${m.type()}: ${m.text()}`));
    session.page.on('pageerror', (e) => session.console.push(`pageerror: ${e.message}`));
    session.page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/user_management/authenticate') {
        session.apiAnswers.push({ status: r.status(), allowOrigin: r.headers()['access-control-allow-origin'] });
      }
    });
    return session;
  }

  constructor(origin) {
    this.origin = origin;
    this.console = [];
    this.apiAnswers = [];
  }

  // Loads (or waits for, after a navigation) the page and authkit-js's createClient.
  async ready(url) {
    if (url) await this.page.goto(url);
    await this.page.waitForFunction(() => window.authkitReady, null, { timeout: STEP_TIMEOUT_MS });
    const ready = await this.page.evaluate(() => window.authkitReady);
    assert.equal(ready.error, undefined, `createClient failed: ${ready.error}`);
    return ready;
  }

  // authkit.signIn() navigates away: started, not awaited, from inside the page.
  async startSignIn() {
    await this.page.evaluate(() => { window.authkit.signIn(); });
    // Either a hosted page or, with a hosted session, straight back to the callback.
    await this.page.waitForURL((url) => url.pathname.startsWith('/authkit/')
      || (url.origin === this.origin && url.pathname === '/callback'));
    return new URL(this.page.url());
  }

  async submitPassword() {
    await this.page.waitForSelector('#sign-in-form #password', { state: 'visible' });
    await this.page.fill('#email', ADA.email);
    await this.page.fill('#password', ADA.password);
    await this.page.click('#sign-in-submit', { noWaitAfter: true });
    await this.page.waitForURL((url) => url.origin === this.origin && url.pathname === '/callback');
  }

  tokens() {
    return this.page.evaluate(async (key) => ({
      accessToken: await window.authkit.getAccessToken(),
      refreshToken: localStorage.getItem(key),
    }), REFRESH_TOKEN_KEY);
  }

  async close() {
    await this.browser?.close();
  }
}

describe('authkit-js in Chromium against the emulator', { timeout: 4 * TEST_TIMEOUT_MS + 2 * HOOK_TIMEOUT_MS }, () => {
  let allowedPage; // the page server on the origin given to --cors-origin
  let refusedPage; // the same page on an origin the emulator does not know
  let emulator;
  let failed = false;

  before(async () => {
    // Page servers first: the emulator must be told the allowed origin, and the page the
    // emulator's port (read from its first line); the HTML is made per request.
    let emulatorPort = 0;
    const html = (origin) => pageHtml(emulatorPort)(origin);
    const scripts = { '/authkit.mjs': AUTHKIT_JS };
    allowedPage = await startPageServer({ scripts, html });
    refusedPage = await startPageServer({ scripts, html });
    emulator = await startEmulatorProcess(['--port', '0', '--cors-origin', allowedPage.origin]);
    emulatorPort = emulator.port;
  }, { timeout: HOOK_TIMEOUT_MS });

  after(async () => {
    if (failed && emulator) {
      process.stderr.write(`--- emulator log (${emulator.args.join(' ')}), last lines ---\n${emulator.logTail()}\n---\n`);
    }
    await emulator?.stop();
    await allowedPage?.close();
    await refusedPage?.close();
  }, { timeout: HOOK_TIMEOUT_MS });

  // Each test runs in a browser of its own; its console is printed when it fails.
  const browserTest = (name, originOf, fn) => it(name, { timeout: TEST_TIMEOUT_MS }, async () => {
    assert.ok(emulator, 'the emulator did not start');
    let session;
    try {
      session = await withTimeout(BrowserSession.open(originOf()), 2 * STEP_TIMEOUT_MS, 'Chromium start');
      await fn(session);
    } catch (err) {
      failed = true;
      if (session) process.stderr.write(`--- page console (${session.origin}) ---\n${session.console.join('\n')}\n---\n`);
      throw err;
    } finally {
      await session?.close();
    }
  });

  browserTest('on an allowed origin: signIn, getUser, forceRefresh rotates, signOut ends the hosted session',
    () => allowedPage.origin, async (browser) => {
      const origin = allowedPage.origin;

      // Signed out to begin with.
      assert.equal((await browser.ready(`${origin}/`)).user, null);

      // signIn() through the real hosted page; authkit-js exchanges the code across origins.
      const signInPage = await browser.startSignIn();
      assert.equal(signInPage.origin, emulator.baseUrl, 'signIn() goes to the emulator');
      assert.equal(signInPage.pathname, '/authkit/sign-in');
      await browser.submitPassword();
      const ready = await browser.ready();
      assert.equal(ready.user?.id, ADA.id, `getUser() after the callback: ${JSON.stringify(ready.user)}`);
      assert.deepEqual(browser.apiAnswers, [{ status: 200, allowOrigin: origin }],
        'the code exchange: 200 with the page origin allowed');

      // getUser() is Ada.
      const user = await browser.page.evaluate(() => window.authkit.getUser());
      assert.equal(user.id, ADA.id);
      assert.equal(user.email, ADA.email);
      assert.equal(user.firstName, ADA.firstName);

      // getAccessToken({ forceRefresh: true }) rotates: a new access token for the same session,
      // a new refresh token, and the old refresh token is spent at the emulator.
      const first = await browser.tokens();
      assert.ok(first.accessToken && first.refreshToken, 'tokens after the sign-in');
      // (Tokens are compared with assert.ok: a failure must never print one, see SECURITY.md.)
      const rotatedAccessToken = await browser.page.evaluate(
        () => window.authkit.getAccessToken({ forceRefresh: true }));
      const second = await browser.tokens();
      assert.ok(second.accessToken === rotatedAccessToken, 'getAccessToken() hands back the rotated token');
      assert.ok(second.accessToken !== first.accessToken, 'a new access token');
      assert.ok(second.refreshToken && second.refreshToken !== first.refreshToken, 'a new refresh token');
      const sessionId = jwtClaims(first.accessToken).sid;
      assert.equal(jwtClaims(second.accessToken).sid, sessionId, 'the same session');
      assert.equal(jwtClaims(second.accessToken).sub, ADA.id);
      assert.deepEqual(browser.apiAnswers.at(-1), { status: 200, allowOrigin: origin });
      const reused = await refreshDirectly(emulator, first.refreshToken);
      assert.equal(reused.status, 400);
      assert.equal(reused.body.error, 'invalid_grant');
      assert.equal(reused.body.error_description, 'Refresh token already exchanged.');
      assert.equal(await sessionStatus(emulator, sessionId), 'active');

      // While the hosted session lives, signIn() comes straight back without the password page.
      const again = await browser.startSignIn();
      assert.equal(again.origin, origin, `signIn() with a hosted session went to ${again.origin}${again.pathname}`);
      assert.equal(again.pathname, '/callback');
      assert.equal((await browser.ready()).user?.id, ADA.id);
      const current = await browser.tokens();
      const currentSessionId = jwtClaims(current.accessToken).sid;

      // signOut() ends the session at the emulator and the hosted session with it.
      await browser.page.evaluate((returnTo) => { window.authkit.signOut({ returnTo }); }, `${origin}/signed-out`);
      await browser.page.waitForURL(`${origin}/signed-out`);
      assert.equal((await browser.ready()).user, null, 'getUser() after signOut()');
      assert.ok(await browser.page.evaluate((key) => localStorage.getItem(key) === null, REFRESH_TOKEN_KEY),
        'no refresh token left in the page');
      assert.equal(await sessionStatus(emulator, currentSessionId), 'revoked');
      const ended = await refreshDirectly(emulator, current.refreshToken);
      assert.equal(ended.status, 400);
      assert.equal(ended.body.error_description, 'Session has ended.');
      // A new signIn() asks for the password again.
      const afterSignOut = await browser.startSignIn();
      assert.equal(afterSignOut.origin, emulator.baseUrl,
        `signIn() after signOut() went to ${afterSignOut.origin}${afterSignOut.pathname}`);
      assert.equal(afterSignOut.pathname, '/authkit/sign-in');
      await browser.page.waitForSelector('#sign-in-form #password', { state: 'visible' });
    });

  browserTest('on an origin not in --cors-origin: the browser blocks the code exchange',
    () => refusedPage.origin, async (browser) => {
      const origin = refusedPage.origin;
      assert.equal((await browser.ready(`${origin}/`)).user, null);

      // The hosted pages are navigated to, so the sign-in itself goes through ...
      const signInPage = await browser.startSignIn();
      assert.equal(signInPage.pathname, '/authkit/sign-in');
      await browser.submitPassword();

      // ... but authkit-js's fetch of /user_management/authenticate never gets an answer the
      // page may read: its preflight is refused, so the POST is never sent.
      const ready = await browser.ready();
      assert.equal(ready.user, null, 'no user on a refused origin');
      assert.deepEqual(browser.apiAnswers, [], 'no answer from the API reached the page');
      assert.ok(browser.console.some((line) => line.includes('blocked by CORS policy')),
        `Chromium reports the CORS block:\n${browser.console.join('\n')}`);
      assert.ok(await browser.page.evaluate((key) => localStorage.getItem(key) === null, REFRESH_TOKEN_KEY),
        'no refresh token left in the page');

      // The same for any API call from this origin, while the allowed origin may read the answer.
      const callFrom = (page) => page.evaluate(async (url) => {
        try {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
          return { status: res.status };
        } catch (err) {
          return { error: err.name };
        }
      }, `${emulator.baseUrl}/user_management/authenticate`);
      assert.deepEqual(await callFrom(browser.page), { error: 'TypeError' });
      await browser.page.goto(`${allowedPage.origin}/`);
      assert.deepEqual(await callFrom(browser.page), { status: 400 });
    });
});
