// Conformance: the official WorkOS Node SDK (public, client-ID-only client) and `jose`
// run against authkit-emulator, driving its hosted pages over plain HTTP like a browser would.
//
// Run: AUTHKIT_EMULATOR=/path/to/authkit-emulator node --test --test-reporter=spec workos-node.test.mjs
//
// Every wait is bounded (emulator start-up, each HTTP request, each SDK call, each test), and each
// emulator process is stopped in an `after` hook, and as a last resort on process exit.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createWorkOS } from '@workos-inc/node';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';

import { EMULATOR, STARTUP_TIMEOUT_MS, STOP_TIMEOUT_MS, startEmulatorProcess } from './emulator-process.mjs';

const CLIENT_ID = 'client_01J00000000000000000000DEV';
const ISSUER = `https://api.workos.com/user_management/${CLIENT_ID}`;
const CALLBACK_PORT = 48721; // nothing listens there: the tests read the Location header
const REDIRECT_URI = `http://127.0.0.1:${CALLBACK_PORT}/callback`;
const SIGNED_OUT_URI = `http://127.0.0.1:${CALLBACK_PORT}/signed-out`;

const ADA = { id: 'user_01J0000000000000000000ADA', email: 'ada@example.com', firstName: 'Ada' };
const GRACE = { id: 'user_01J000000000000000000GRACE', email: 'grace@example.com', firstName: 'Grace' };
const ORG_ENGNS = 'org_01J000000000000000000ENGNS';
const ORG_HRVRD = 'org_01J000000000000000000HRVRD';
const ORG_BTCHY = 'org_01J000000000000000000BTCHY';

const HTTP_TIMEOUT_MS = 10_000;
const TEST_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// The emulator process

async function startEmulator(extraArgs = []) {
  const emulator = await startEmulatorProcess(['--port', '0', ...extraArgs]);

  // The SDK's public client (no API key): what a desktop app gets.
  emulator.workos = createWorkOS({
    clientId: CLIENT_ID,
    apiHostname: '127.0.0.1',
    port: emulator.port,
    https: false,
    maxRetries: 0, // a 5xx must fail the test, not be retried away
    timeout: HTTP_TIMEOUT_MS,
  });
  return emulator;
}

// Starts one emulator for a describe() block; prints its log when a test in the block failed.
function useEmulator(extraArgs = []) {
  const ctx = { emulator: null, failed: false };
  before(async () => { ctx.emulator = await startEmulator(extraArgs); }, { timeout: STARTUP_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS + 1000 });
  after(async () => {
    if (!ctx.emulator) return;
    if (ctx.failed) {
      process.stderr.write(`--- emulator log (${ctx.emulator.args.join(' ')}), last lines ---\n${ctx.emulator.logTail()}\n---\n`);
    }
    await ctx.emulator.stop();
  }, { timeout: 2 * STOP_TIMEOUT_MS + 1000 });
  ctx.it = (name, fn) => it(name, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    assert.ok(ctx.emulator, 'the emulator did not start');
    try {
      await fn(ctx.emulator, t);
    } catch (err) {
      ctx.failed = true;
      throw err;
    }
  });
  return ctx;
}

// ---------------------------------------------------------------------------------------------
// A tiny browser: cookie jar, manual redirects, HTML forms

class CookieJar {
  #cookies = new Map(); // name -> { value, path }

  headerFor(url) {
    const path = new URL(url).pathname;
    const pairs = [];
    for (const [name, c] of this.#cookies) {
      if (path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)) pairs.push(`${name}=${c.value}`);
    }
    return pairs.join('; ');
  }

  store(url, headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const requestPath = new URL(url).pathname;
      let path = requestPath.slice(0, requestPath.lastIndexOf('/')) || '/';
      let expired = false;
      for (const attr of attrs) {
        const [k, v = ''] = attr.split('=');
        const key = k.trim().toLowerCase();
        if (key === 'path' && v.startsWith('/')) path = v;
        if (key === 'max-age' && Number(v) <= 0) expired = true;
        if (key === 'expires' && Date.parse(v) <= Date.now()) expired = true;
      }
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, { value, path });
    }
  }

  has(name) { return this.#cookies.has(name); }
}

// One request, no redirect following. Returns status, absolute Location (if any) and the body.
async function browse(jar, url, { method = 'GET', form, origin } = {}) {
  const headers = { accept: 'text/html,application/xhtml+xml,*/*' };
  const cookie = jar.headerFor(url);
  if (cookie) headers.cookie = cookie;
  let body;
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    if (origin) headers.origin = origin;
    body = new URLSearchParams(form).toString();
  }
  const res = await fetch(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  jar.store(url, res.headers);
  const text = await res.text();
  const location = res.headers.get('location');
  return { status: res.status, location: location ? new URL(location, url) : null, text, headers: res.headers };
}

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function parseAttrs(tag) {
  const attrs = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  const inner = tag.replace(/^<\s*[a-z]+/i, '').replace(/\/?>$/, '');
  for (const m of inner.matchAll(re)) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

function tags(html, name) {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'gi'))].map((m) => parseAttrs(m[0]));
}

// The form with the given id: its attributes, its hidden inputs (name -> value) and its buttons.
function findForm(html, id) {
  for (const m of html.matchAll(/<form\b[^>]*>/gi)) {
    const attrs = parseAttrs(m[0]);
    if (attrs.id !== id) continue;
    const start = m.index + m[0].length;
    const end = html.indexOf('</form>', start);
    const inner = html.slice(start, end < 0 ? undefined : end);
    const hidden = {};
    for (const input of tags(inner, 'input')) {
      if ((input.type ?? '').toLowerCase() === 'hidden' && input.name) hidden[input.name] = input.value ?? '';
    }
    return { attrs, hidden, inputs: tags(inner, 'input'), buttons: tags(inner, 'button') };
  }
  return null;
}

// Submits a hosted-page form like a browser: its hidden fields plus the given fields.
async function submitForm(jar, pageUrl, html, formId, fields, expectedAction) {
  const form = findForm(html, formId);
  assert.ok(form, `form#${formId} on ${pageUrl.pathname}`);
  assert.equal((form.attrs.method ?? 'get').toLowerCase(), 'post', `form#${formId} method`);
  const action = new URL(form.attrs.action ?? '', pageUrl);
  assert.equal(action.pathname, expectedAction, `form#${formId} action`);
  const attempt = pageUrl.searchParams.get('attempt');
  assert.equal(form.hidden.attempt, attempt, `form#${formId} carries the attempt as a hidden field`);
  assert.match(form.hidden.csrf_token ?? '', /^[A-Za-z0-9_-]{40,}$/, `form#${formId} carries a CSRF token as a hidden field`);
  return browse(jar, action.href, { method: 'POST', form: { ...form.hidden, ...fields }, origin: pageUrl.origin });
}

function assertRedirectTo(res, path, what) {
  assert.equal(res.status, 302, `${what}: status (body: ${res.text.slice(0, 300)})`);
  assert.ok(res.location, `${what}: Location header`);
  assert.equal(res.location.pathname, path, `${what}: Location ${res.location.href}`);
  return res.location;
}

function assertCallback(res, state, what) {
  assert.equal(res.status, 302, `${what}: status (body: ${res.text.slice(0, 300)})`);
  assert.ok(res.location, `${what}: Location header`);
  const loc = res.location;
  assert.equal(`${loc.origin}${loc.pathname}`, REDIRECT_URI, `${what}: redirected to ${loc.href}`);
  assert.equal(loc.searchParams.get('error'), null, `${what}: error ${loc.searchParams.get('error_description')}`);
  const code = loc.searchParams.get('code');
  assert.ok(code, `${what}: code in ${loc.href}`);
  assert.equal(loc.searchParams.get('state'), state, `${what}: state echoes`);
  return code;
}

// The whole browser part of a sign-in: authorize -> hosted pages -> redirect_uri?code&state.
async function signIn(emulator, { email, password = 'password', organizationId, jar = new CookieJar() }) {
  const { url, state, codeVerifier } = await emulator.workos.userManagement.getAuthorizationUrlWithPKCE({
    provider: 'authkit',
    redirectUri: REDIRECT_URI,
  });
  const authorizeUrl = new URL(url);
  assert.equal(authorizeUrl.origin, emulator.baseUrl, 'the SDK points at the emulator');
  assert.equal(authorizeUrl.pathname, '/user_management/authorize');
  assert.equal(authorizeUrl.searchParams.get('code_challenge_method'), 'S256');

  const authorize = await browse(jar, url);
  const signInUrl = assertRedirectTo(authorize, '/authkit/sign-in', 'authorize');
  assert.ok(signInUrl.searchParams.get('attempt'), `attempt in ${signInUrl.href}`);

  const page = await browse(jar, signInUrl.href);
  assert.equal(page.status, 200, 'sign-in page');
  const posted = await submitForm(jar, signInUrl, page.text, 'sign-in-form', { email, password }, '/authkit/sign-in');

  let done = posted;
  if (organizationId) {
    const pickerUrl = assertRedirectTo(posted, '/authkit/organizations', 'sign-in POST (organization picker)');
    const picker = await browse(jar, pickerUrl.href);
    assert.equal(picker.status, 200, 'organizations page');
    const form = findForm(picker.text, 'organization-form');
    assert.ok(form, 'form#organization-form');
    const offered = form.buttons.filter((b) => b.name === 'organization_id').map((b) => b.value).sort();
    const ids = form.buttons.filter((b) => b.name === 'organization_id').map((b) => b.id).sort();
    assert.deepEqual(offered, [ORG_ENGNS, ORG_HRVRD].sort(), 'organizations offered');
    assert.deepEqual(ids, [`org-${ORG_ENGNS}`, `org-${ORG_HRVRD}`].sort(), 'organization button ids');
    done = await submitForm(jar, pickerUrl, picker.text, 'organization-form', { organization_id: organizationId }, '/authkit/organizations');
  }
  const code = assertCallback(done, state, 'sign-in');
  return { code, state, codeVerifier, jar };
}

// Asserts that `promise` rejects the way the SDK surfaces an OAuth error envelope.
async function assertOauthError(promise, error, errorDescription) {
  await assert.rejects(promise, (err) => {
    assert.equal(err.name, 'OauthException', `${err.name}: ${err.message}`);
    assert.equal(err.status, 400);
    assert.equal(err.error, error);
    if (errorDescription !== undefined) assert.equal(err.errorDescription, errorDescription);
    assert.equal(err.rawData?.error, error, 'raw error body');
    assert.ok(err.requestID, 'X-Request-ID surfaced as requestID');
    return true;
  });
}

function accessClaims(token) {
  assert.equal(typeof token, 'string');
  assert.equal(token.split('.').length, 3, 'a compact JWS');
  return decodeJwt(token);
}

// ---------------------------------------------------------------------------------------------

describe('@workos-inc/node public client against authkit-emulator', () => {
  const ctx = useEmulator();
  const shared = {};

  ctx.it('a. PKCE authorization URL, hosted sign-in, authenticateWithCode', async (emulator) => {
    const { code, codeVerifier, jar } = await signIn(emulator, { email: ADA.email });
    assert.ok(jar.has('authkit_emulator_session'), 'the hosted session cookie was set');
    const auth = await emulator.workos.userManagement.authenticateWithCode({ code, codeVerifier });
    assert.equal(auth.user.email, ADA.email);
    assert.equal(auth.user.firstName, ADA.firstName);
    assert.equal(auth.user.lastName, 'Lovelace');
    assert.equal(auth.user.id, ADA.id);
    assert.equal(auth.user.object, 'user');
    assert.equal(auth.authenticationMethod, 'Password');
    assert.ok(!auth.organizationId, `Ada has no organization (got ${auth.organizationId})`);
    const claims = accessClaims(auth.accessToken);
    assert.equal(claims.sub, ADA.id);
    assert.equal(typeof auth.refreshToken, 'string');
    assert.ok(auth.refreshToken.length > 0, 'a refresh token');
    // The code is single use.
    await assertOauthError(
      emulator.workos.userManagement.authenticateWithCode({ code, codeVerifier }),
      'invalid_grant', `The code '${code}' has expired or is invalid.`);
    Object.assign(shared, { adaJar: jar, ada: auth });
  });

  ctx.it('b. authenticateWithRefreshToken rotates; reusing the old token is invalid_grant', async (emulator) => {
    assert.ok(shared.ada, 'needs scenario a');
    const old = shared.ada.refreshToken;
    const next = await emulator.workos.userManagement.authenticateWithRefreshToken({ refreshToken: old });
    assert.equal(next.user.email, ADA.email);
    assert.equal(typeof next.refreshToken, 'string');
    assert.ok(next.refreshToken.length > 0);
    assert.notEqual(next.refreshToken, old, 'a new refresh token');
    assert.equal(accessClaims(next.accessToken).sid, accessClaims(shared.ada.accessToken).sid, 'same session');
    await assertOauthError(
      emulator.workos.userManagement.authenticateWithRefreshToken({ refreshToken: old }),
      'invalid_grant', 'Refresh token already exchanged.');
    // The rotated token still works.
    const again = await emulator.workos.userManagement.authenticateWithRefreshToken({ refreshToken: next.refreshToken });
    assert.notEqual(again.refreshToken, next.refreshToken);
  });

  ctx.it('c. organization picker, then switching organization with a refresh', async (emulator) => {
    const { code, codeVerifier } = await signIn(emulator, { email: GRACE.email, organizationId: ORG_ENGNS });
    const um = emulator.workos.userManagement;
    const auth = await um.authenticateWithCode({ code, codeVerifier });
    assert.equal(auth.user.email, GRACE.email);
    assert.equal(auth.user.firstName, GRACE.firstName);
    assert.equal(auth.organizationId, ORG_ENGNS);
    let claims = accessClaims(auth.accessToken);
    assert.equal(claims.org_id, ORG_ENGNS);
    assert.equal(claims.role, 'admin');

    const switched = await um.authenticateWithRefreshToken({ refreshToken: auth.refreshToken, organizationId: ORG_HRVRD });
    assert.equal(switched.organizationId, ORG_HRVRD);
    assert.equal(switched.user.email, GRACE.email);
    claims = accessClaims(switched.accessToken);
    assert.equal(claims.org_id, ORG_HRVRD);
    assert.equal(claims.role, 'member');
    assert.equal(claims.sub, GRACE.id);

    await assertOauthError(
      um.authenticateWithRefreshToken({ refreshToken: switched.refreshToken, organizationId: ORG_BTCHY }),
      'organization_membership_not_found');
  });

  ctx.it('d. getLogoutUrl ends the session: 302 to returnTo, then refresh is invalid_grant', async (emulator) => {
    const um = emulator.workos.userManagement;
    const { code, codeVerifier, jar } = await signIn(emulator, { email: ADA.email });
    const auth = await um.authenticateWithCode({ code, codeVerifier });
    const { sid } = accessClaims(auth.accessToken);
    assert.match(sid, /^session_/);

    const logoutUrl = um.getLogoutUrl({ sessionId: sid, returnTo: SIGNED_OUT_URI });
    const parsed = new URL(logoutUrl);
    assert.equal(parsed.origin, emulator.baseUrl);
    assert.equal(parsed.pathname, '/user_management/sessions/logout');
    const res = await browse(jar, logoutUrl);
    assert.equal(res.status, 302, `logout status (body: ${res.text.slice(0, 300)})`);
    assert.equal(res.location?.href, SIGNED_OUT_URI);
    assert.ok(!jar.has('authkit_emulator_session'), 'logout cleared the hosted session cookie');

    await assertOauthError(um.authenticateWithRefreshToken({ refreshToken: auth.refreshToken }), 'invalid_grant');
  });

  ctx.it('e. the access token verifies with jose against the JWKS from getJwksUrl', async (emulator) => {
    assert.ok(shared.ada, 'needs scenario a');
    const jwksUrl = emulator.workos.userManagement.getJwksUrl(CLIENT_ID);
    assert.equal(jwksUrl, `${emulator.baseUrl}/sso/jwks/${CLIENT_ID}`);

    const jwksRes = await fetch(jwksUrl, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    assert.equal(jwksRes.status, 200);
    const jwks = await jwksRes.json();
    assert.ok(Array.isArray(jwks.keys) && jwks.keys.length > 0, 'keys');
    for (const key of jwks.keys) {
      for (const field of ['alg', 'kty', 'use', 'kid', 'n', 'e', 'x5c', 'x5t#S256']) assert.ok(key[field], `JWK field ${field}`);
      assert.equal(key.alg, 'RS256');
      assert.equal(key.kty, 'RSA');
      assert.equal(key.use, 'sig');
    }

    const JWKS = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: HTTP_TIMEOUT_MS });
    const { payload, protectedHeader } = await jwtVerify(shared.ada.accessToken, JWKS, {
      issuer: ISSUER,
      algorithms: ['RS256'],
    });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.match(protectedHeader.kid, /^sso_oidc_key_pair_/);
    assert.equal(protectedHeader.typ, undefined, 'no typ header');
    assert.ok(jwks.keys.some((k) => k.kid === protectedHeader.kid), 'kid is in the JWKS');
    assert.equal(payload.iss, ISSUER);
    assert.equal(payload.sub, ADA.id);
    assert.match(payload.sid, /^session_/);
    assert.equal(typeof payload.jti, 'string');
    assert.ok(payload.jti.length > 0);
    assert.ok(Number.isInteger(payload.iat) && Number.isInteger(payload.exp), 'iat/exp are integers');
    assert.equal(payload.exp - payload.iat, 300, 'default access token lifetime');
    assert.ok(Math.abs(payload.iat - Date.now() / 1000) < 120, 'iat is about now');
  });

  ctx.it('f. silent second sign-in with the browser session, until logout', async (emulator) => {
    assert.ok(shared.adaJar, 'needs scenario a');
    const um = emulator.workos.userManagement;
    const jar = shared.adaJar;

    const { url, state, codeVerifier } = await um.getAuthorizationUrlWithPKCE({ provider: 'authkit', redirectUri: REDIRECT_URI });
    const code = assertCallback(await browse(jar, url), state, 'silent authorize');
    const auth = await um.authenticateWithCode({ code, codeVerifier });
    assert.equal(auth.user.email, ADA.email);

    const { sid } = accessClaims(auth.accessToken);
    const out = await browse(jar, um.getLogoutUrl({ sessionId: sid, returnTo: SIGNED_OUT_URI }));
    assert.equal(out.status, 302);
    assert.equal(out.location?.href, SIGNED_OUT_URI);

    const next = await um.getAuthorizationUrlWithPKCE({ provider: 'authkit', redirectUri: REDIRECT_URI });
    assertRedirectTo(await browse(jar, next.url), '/authkit/sign-in', 'authorize after logout');
  });
});

describe('authkit-emulator --token-ttl', () => {
  const ctx = useEmulator(['--token-ttl', '120']);

  ctx.it('the access token lifetime follows --token-ttl', async (emulator) => {
    const { code, codeVerifier } = await signIn(emulator, { email: ADA.email });
    const auth = await emulator.workos.userManagement.authenticateWithCode({ code, codeVerifier });
    const JWKS = createRemoteJWKSet(new URL(emulator.workos.userManagement.getJwksUrl(CLIENT_ID)), { timeoutDuration: HTTP_TIMEOUT_MS });
    const { payload } = await jwtVerify(auth.accessToken, JWKS, { issuer: ISSUER, algorithms: ['RS256'] });
    assert.equal(payload.exp - payload.iat, 120);
  });
});

// ---------------------------------------------------------------------------------------------
// Events and webhooks: a server-side SDK client (an API key) reads the Events API, and a webhook
// endpoint verifies each delivery with the SDK's own webhooks.constructEvent.

describe('authkit-emulator events and webhooks with @workos-inc/node', () => {
  // Made up for this run: the emulator holds no real key, and none ships in the client.
  const apiKey = `sk_test_${randomBytes(12).toString('hex')}`;
  const secret = `whsec_${randomBytes(12).toString('hex')}`;
  const received = []; // { payload, sigHeader }
  let receiver;
  let emulator;

  before(async () => {
    receiver = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        received.push({ payload: Buffer.concat(chunks).toString('utf8'), sigHeader: req.headers['workos-signature'] });
        res.writeHead(received.length === 1 ? 500 : 200).end(); // the first delivery fails: it is retried
      });
    });
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    emulator = await startEmulator([
      '--api-key', apiKey,
      '--webhook-url', `http://127.0.0.1:${receiver.address().port}/workos/webhooks`,
      '--webhook-secret', secret,
    ]);
    emulator.server = createWorkOS({
      apiKey, apiHostname: '127.0.0.1', port: emulator.port, https: false, maxRetries: 0, timeout: HTTP_TIMEOUT_MS,
    });
  }, { timeout: STARTUP_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS + 1000 });

  after(async () => {
    await emulator?.stop();
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve()));
  }, { timeout: 2 * STOP_TIMEOUT_MS + 1000 });

  it('a sign-in is a session.created event, delivered signed and listed', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { code, codeVerifier } = await signIn(emulator, { email: ADA.email });
    await emulator.workos.userManagement.authenticateWithCode({ code, codeVerifier });

    // Delivered twice (the first answer was a 500), signed anew each time.
    const deadline = Date.now() + 10_000;
    while (received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(received.length, 2, `deliveries: ${received.length}`);
    const events = [];
    for (const delivery of received) {
      assert.match(delivery.sigHeader ?? '', /^t=\d+, v1=[0-9a-f]{64}$/);
      events.push(await emulator.server.webhooks.constructEvent({ payload: delivery.payload, sigHeader: delivery.sigHeader, secret }));
    }
    const [event] = events;
    assert.equal(events[1].id, event.id, 'the retry carries the same event');
    assert.equal(event.event, 'session.created');
    assert.equal(event.data.object, 'session');
    assert.equal(event.data.userId, ADA.id);
    assert.equal(event.data.authMethod, 'password');
    assert.equal(event.data.status, 'active');

    // A wrong secret or a changed body is refused by the SDK.
    await assert.rejects(emulator.server.webhooks.constructEvent({ payload: received[1].payload, sigHeader: received[1].sigHeader, secret: 'whsec_wrong' }));
    await assert.rejects(emulator.server.webhooks.constructEvent({ payload: received[1].payload.replace(ADA.id, GRACE.id), sigHeader: received[1].sigHeader, secret }));

    // The Events API lists the same event, with a cursor.
    const list = await emulator.server.events.listEvents({ events: ['session.created'] });
    assert.equal(list.data.length, 1);
    assert.equal(list.data[0].id, event.id);
    assert.equal(list.data[0].data.userId, ADA.id);
    assert.equal(list.listMetadata.after, event.id);
    const next = await emulator.server.events.listEvents({ events: ['session.created'], after: list.listMetadata.after });
    assert.equal(next.data.length, 0);
  });

  it('updateUser and deleteUser are user.updated and user.deleted events, delivered and listed', { timeout: TEST_TIMEOUT_MS }, async () => {
    const updated = await emulator.server.userManagement.updateUser({ userId: GRACE.id, firstName: 'Amazing Grace', externalId: 'ext-1906' });
    assert.equal(updated.id, GRACE.id);
    assert.equal(updated.firstName, 'Amazing Grace');
    assert.equal(updated.lastName, 'Hopper');
    assert.equal(updated.externalId, 'ext-1906');
    const updates = await emulator.server.events.listEvents({ events: ['user.updated'] });
    assert.equal(updates.data.length, 1);
    assert.equal(updates.data[0].data.firstName, 'Amazing Grace');

    await emulator.server.userManagement.deleteUser(GRACE.id);
    const deletions = await emulator.server.events.listEvents({ events: ['user.deleted'] });
    assert.equal(deletions.data.length, 1);
    assert.equal(deletions.data[0].data.id, GRACE.id);
    await assert.rejects(emulator.server.userManagement.updateUser({ userId: GRACE.id, firstName: 'Gone' }),
      (err) => { assert.equal(err.status, 404, `${err.name}: ${err.message}`); return true; });

    // Both were delivered as webhooks the SDK verifies.
    const deadline = Date.now() + 10_000;
    const delivered = async () => {
      const events = [];
      for (const d of received) events.push(await emulator.server.webhooks.constructEvent({ payload: d.payload, sigHeader: d.sigHeader, secret }));
      return events.map((e) => e.event);
    };
    while (!(await delivered()).includes('user.deleted') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const types = await delivered();
    assert.ok(types.includes('user.updated') && types.includes('user.deleted'), `delivered: ${types}`);
  });

  // The calls Convex's CLI makes to configure an AuthKit environment, with its own checks:
  // npm-packages/convex/src/cli/lib/workos/environmentApi.ts (fetch with the API key; a 422
  // "already exists" or a 409 duplicate_cors_origin means "nothing to do").
  it('environment configuration as Convex\'s CLI makes it', { timeout: TEST_TIMEOUT_MS }, async () => {
    const call = (method, path, body, key = apiKey) => fetch(`${emulator.baseUrl}/user_management/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
    const uri = 'https://app.example.test/callback';
    const origin = 'https://app.example.test';
    assert.equal((await call('POST', 'redirect_uris', { uri }, null)).status, 401);

    const added = await call('POST', 'redirect_uris', { uri });
    assert.ok(added.ok, `redirect_uris: ${added.status}`);
    const redirect = await added.json();
    assert.equal(redirect.object, 'redirect_uri');
    assert.equal(redirect.uri, uri);
    assert.equal(redirect.default, false);
    const again = await call('POST', 'redirect_uris', { uri });
    assert.equal(again.status, 422);
    assert.ok((await again.text()).includes('already exists'));

    const cors = await call('POST', 'cors_origins', { origin });
    assert.ok(cors.ok, `cors_origins: ${cors.status}`);
    assert.equal((await cors.json()).object, 'cors_origin');
    const corsAgain = await call('POST', 'cors_origins', { origin });
    assert.equal(corsAgain.status, 409);
    assert.ok((await corsAgain.text()).includes('duplicate_cors_origin'));

    const homepage = await call('PUT', 'app_homepage_url', { url: origin });
    assert.ok(homepage.ok, `app_homepage_url: ${homepage.status}`);

    // In effect at once: authorize takes the new redirect URI, the API answers the origin.
    const { url } = await emulator.workos.userManagement.getAuthorizationUrlWithPKCE({ provider: 'authkit', redirectUri: uri });
    const authorize = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    assert.equal(authorize.status, 302, 'authorize accepts the added redirect URI');
    const preflight = await fetch(`${emulator.baseUrl}/user_management/authenticate`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
  });

  it('the Events API refuses a client without the API key', { timeout: TEST_TIMEOUT_MS }, async () => {
    const anonymous = await fetch(`${emulator.baseUrl}/events`, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    assert.equal(anonymous.status, 401);
    const wrong = await fetch(`${emulator.baseUrl}/events`, { headers: { authorization: 'Bearer sk_test_wrong' }, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    assert.equal(wrong.status, 401);
  });
});

describe('authkit-emulator --project (a Convex project\'s .env.local and convex.json)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'authkit-project-'));
  writeFileSync(join(dir, '.env.local'), 'VITE_WORKOS_CLIENT_ID=client_01J0000000000000000PR0JECT\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n');
  writeFileSync(join(dir, 'convex.json'), JSON.stringify({
    authKit: { dev: { configure: { redirectUris: ['https://dev.example.test/callback'], corsOrigins: ['https://dev.example.test'], appHomepageUrl: 'https://dev.example.test' } } },
  }));
  const ctx = useEmulator(['--project', dir]);
  after(() => rmSync(dir, { recursive: true, force: true }));

  ctx.it('the project\'s client and redirect URIs are the environment\'s', async (emulator) => {
    const project = createWorkOS({ clientId: 'client_01J0000000000000000PR0JECT', apiHostname: '127.0.0.1', port: emulator.port, https: false, maxRetries: 0, timeout: HTTP_TIMEOUT_MS });
    const { url } = await project.userManagement.getAuthorizationUrlWithPKCE({ provider: 'authkit', redirectUri: 'https://dev.example.test/callback' });
    const authorize = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    assert.equal(authorize.status, 302);
    assert.equal(new URL(authorize.headers.get('location'), emulator.baseUrl).pathname, '/authkit/sign-in');
  });

  it('malformed convex.json stops the start, saying where', { timeout: TEST_TIMEOUT_MS }, () => {
    const bad = mkdtempSync(join(tmpdir(), 'authkit-bad-project-'));
    try {
      writeFileSync(join(bad, 'convex.json'), '{\n  "authKit": {\n    "dev": [1,,]\n');
      const run = spawnSync(EMULATOR, ['--port', '0', '--project', bad], { encoding: 'utf8', timeout: STARTUP_TIMEOUT_MS });
      assert.notEqual(run.status, 0, 'the emulator must not start');
      assert.match(run.stderr, /convex\.json is not valid JSON: .* at line 3, column \d+/);
      assert.equal(run.stdout, '', 'nothing was listening');
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
