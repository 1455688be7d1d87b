// Conformance: the official `convex` npm client (ConvexClient from convex/browser, 1.48.0) against
// authkit-emulator's Convex deployment, authenticated with a WorkOS access token from the emulator.
//
// Run: AUTHKIT_EMULATOR=/path/to/authkit-emulator node --test --test-reporter=spec convex-client.test.mjs
//
// Every wait is bounded; the emulator is stopped in an `after` hook, and as a last resort on exit.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';

import { ConvexClient } from 'convex/browser';
import { anyApi } from 'convex/server';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';

import { STARTUP_TIMEOUT_MS, STOP_TIMEOUT_MS, startEmulatorProcess, withTimeout } from './emulator-process.mjs';

const CLIENT_ID = 'client_01J00000000000000000000DEV';
const ISSUER = `https://api.workos.com/user_management/${CLIENT_ID}`;
const REDIRECT_URI = 'http://127.0.0.1:48721/callback'; // nothing listens: we read the Location
const ADA_ID = 'user_01J0000000000000000000ADA';

const HTTP_TIMEOUT_MS = 10_000;
const WAIT_TIMEOUT_MS = 10_000;
const TEST_TIMEOUT_MS = 30_000;

const api = anyApi;

function startEmulator() {
  return startEmulatorProcess(['--port', '0', '--convex-port', '0', '--auto-approve', '--memory'],
                              { convex: true });
}

// authorize (--auto-approve: straight back with a code) + authenticate, over plain HTTP.
async function accessToken(emulator) {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(8).toString('hex');
  const authorize = new URL('/user_management/authorize', emulator.baseUrl);
  for (const [k, v] of Object.entries({
    client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: 'code', provider: 'authkit',
    code_challenge: challenge, code_challenge_method: 'S256', state,
  })) authorize.searchParams.set(k, v);
  const res = await fetch(authorize, { redirect: 'manual', signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  await res.text();
  assert.equal(res.status, 302, 'authorize with --auto-approve redirects');
  const location = new URL(res.headers.get('location'));
  assert.equal(`${location.origin}${location.pathname}`, REDIRECT_URI);
  assert.equal(location.searchParams.get('state'), state);
  const code = location.searchParams.get('code');
  assert.ok(code, `a code in ${location.href}`);

  const auth = await fetch(new URL('/user_management/authenticate', emulator.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: CLIENT_ID, grant_type: 'authorization_code', code, code_verifier: verifier }),
    signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
  });
  const body = await auth.json();
  assert.equal(auth.status, 200, `authenticate: ${JSON.stringify(body)}`);
  assert.equal(typeof body.access_token, 'string');
  return body.access_token;
}

// The same claims and kid, signed by a fresh RSA key the deployment has never seen.
async function foreignToken(token) {
  const claims = decodeJwt(token);
  const { kid } = decodeProtectedHeader(token);
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
}

// Collects a client's log lines (the AuthError the server sends is logged by convex-js).
function captureLogger(sink) {
  const put = (level) => (...args) => sink.push(`${level}: ${args.map(String).join(' ')}`);
  return { log: put('log'), warn: put('warn'), error: put('error'), logVerbose: put('verbose') };
}

function newClient(emulator, logs = []) {
  return new ConvexClient(emulator.convexUrl, {
    skipConvexDeploymentUrlCheck: true,
    logger: captureLogger(logs),
  });
}

// Resolves with the first value `predicate` accepts, from a list of values and a wake-up hook.
function waitFor(source, predicate, what) {
  return withTimeout(new Promise((resolve) => {
    const check = () => {
      const hit = source.values.find(predicate);
      if (hit !== undefined) { source.wake = null; resolve(hit); }
    };
    source.wake = check;
    check();
  }), WAIT_TIMEOUT_MS, what);
}

describe('convex (npm, ConvexClient) against authkit-emulator\'s Convex deployment', () => {
  let emulator = null;
  const clients = [];
  let failed = false;
  before(async () => { emulator = await startEmulator(); }, { timeout: STARTUP_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS + 1000 });
  after(async () => {
    for (const c of clients) await withTimeout(c.close(), STOP_TIMEOUT_MS, 'client.close()').catch(() => {});
    if (!emulator) return;
    if (failed) process.stderr.write(`--- emulator log, last lines ---\n${emulator.logTail()}\n---\n`);
    await emulator.stop();
  }, { timeout: 4 * STOP_TIMEOUT_MS + 1000 });
  const test = (name, fn) => it(name, { timeout: TEST_TIMEOUT_MS }, async () => {
    assert.ok(emulator, 'the emulator did not start');
    try { await fn(); } catch (err) { failed = true; throw err; }
  });

  test('subscribe to messages:list, setAuth, messages:send: the live update arrives; users:viewer is the identity', async () => {
    const token = await accessToken(emulator);
    const client = newClient(emulator);
    clients.push(client);

    const updates = { values: [], wake: null };
    const errors = [];
    client.onUpdate(api.messages.list, {}, (messages) => { updates.values.push(messages); updates.wake?.(); },
      (err) => errors.push(err));
    const first = await waitFor(updates, () => true, 'the first messages:list result');
    assert.ok(Array.isArray(first), `messages:list is an array (got ${JSON.stringify(first)})`);

    // Signed out, the viewer is null and sending is refused.
    assert.equal(await withTimeout(client.query(api.users.viewer, {}), WAIT_TIMEOUT_MS, 'users:viewer (signed out)'), null);
    await assert.rejects(withTimeout(client.mutation(api.messages.send, { body: 'nope' }), WAIT_TIMEOUT_MS, 'send signed out'),
      /Not authenticated/);

    const auth = { values: [], wake: null };
    client.setAuth(async () => token, (isAuthenticated) => { auth.values.push(isAuthenticated); auth.wake?.(); });
    await waitFor(auth, (v) => v === true, 'onChange(true)');

    const body = `hello from convex-js ${Date.now()}`;
    await withTimeout(client.mutation(api.messages.send, { body }), WAIT_TIMEOUT_MS, 'messages:send');
    const update = await waitFor(updates, (list) => list.some((m) => m.body === body), 'the live update with the message');
    const sent = update.filter((m) => m.body === body);
    assert.equal(sent.length, 1, 'the message is there once');
    assert.equal(sent[0].author, ADA_ID, 'author: the identity\'s subject (no stored user, no email claim)');
    // The WorkOS component step: the name from the deployment's synced WorkOS users table.
    assert.equal(sent[0].authorId, ADA_ID, 'authorId: the writer\'s WorkOS user id');
    assert.equal(sent[0].authorName, 'Ada Lovelace', 'authorName: from the synced users table');
    assert.equal(typeof sent[0]._id, 'string');
    assert.equal(typeof sent[0]._creationTime, 'number');
    assert.deepEqual(errors, [], 'no query error');

    const viewer = await withTimeout(client.query(api.users.viewer, {}), WAIT_TIMEOUT_MS, 'users:viewer');
    assert.ok(viewer, 'a viewer when signed in');
    const claims = decodeJwt(token);
    assert.equal(claims.iss, ISSUER);
    assert.equal(viewer.issuer, ISSUER);
    assert.equal(viewer.subject, ADA_ID);
    assert.equal(viewer.name, 'Ada Lovelace', 'users:viewer names the caller');
    assert.equal(viewer.tokenIdentifier, `${ISSUER}|${ADA_ID}`);
    assert.equal(viewer.user, null, 'users:store was not called');
    assert.ok(!auth.values.includes(false), `never signed out (onChange: ${auth.values})`);
  });

  test('a token signed by a foreign key is refused: onChange(false), and the viewer is null', async () => {
    const token = await foreignToken(await accessToken(emulator));
    const logs = [];
    const client = newClient(emulator, logs);
    clients.push(client);
    const auth = { values: [], wake: null };
    let fetches = 0;
    client.setAuth(async () => { fetches += 1; return token; },
      (isAuthenticated) => { auth.values.push(isAuthenticated); auth.wake?.(); });
    await waitFor(auth, (v) => v === false, 'onChange(false)');
    assert.ok(!auth.values.includes(true), `never authenticated (onChange: ${auth.values})`);
    assert.ok(fetches >= 1, 'the token was fetched');
    assert.equal(await withTimeout(client.query(api.users.viewer, {}), WAIT_TIMEOUT_MS, 'users:viewer after the AuthError'), null);
    assert.ok(logs.some((l) => /AuthError|auth/i.test(l)), `the AuthError was reported (logs: ${logs.join(' | ')})`);
  });
});
