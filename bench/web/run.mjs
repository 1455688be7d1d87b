#!/usr/bin/env node
// The web peer of the benchmark suite (bench/README.md, issue 10): the seed's web stack measured
// the way authkit-desktop is measured by bench/desktop, against the same emulator and Convex
// deployment, each result appended to $AUTHKIT_BENCH_WORK/results.jsonl with side "web".
//
//   node run.mjs [browser] [verify] [convex]      (default: all three)
//
//   browser  warm_start, memory_warm, first_signin_page, first_signin_submit, memory_signed_in:
//            @workos-inc/authkit-js + the official convex browser client in Debian's Chromium
//            (headless, playwright-core), the page on its own 127.0.0.1 origin
//   verify   verify_rs256: jose's jwtVerify on $AUTHKIT_BENCH_WORK/jwt-fixture.json, one at a time
//   convex   convex_roundtrip, convex_fanout: ConvexClient from convex/browser in Node
//
// Environment (scripts/bench.sh sets it): AUTHKIT_BENCH_BASE_URL, AUTHKIT_BENCH_CONVEX_URL,
// AUTHKIT_BENCH_CLIENT_ID, AUTHKIT_BENCH_WORK, AUTHKIT_BENCH_RUNS; AUTHKIT_BENCH_PAGE_PORT is the
// page's port (the emulator must allow http://127.0.0.1:<it> with --cors-origin; default 5173).

import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`bench/web: set ${name} (see bench/README.md)`);
    process.exit(2);
  }
  return value;
}

const BASE_URL = required('AUTHKIT_BENCH_BASE_URL');
const CONVEX_URL = required('AUTHKIT_BENCH_CONVEX_URL');
const CLIENT_ID = process.env.AUTHKIT_BENCH_CLIENT_ID || 'client_01J00000000000000000000DEV';
const WORK = required('AUTHKIT_BENCH_WORK');
const RUNS = Math.max(1, Number(process.env.AUTHKIT_BENCH_RUNS || 10));
const PAGE_PORT = Number(process.env.AUTHKIT_BENCH_PAGE_PORT || 5173);
const CHROMIUM = process.env.AUTHKIT_BENCH_CHROMIUM || '/usr/bin/chromium';
const RESULTS = join(WORK, 'results.jsonl');
const USER = { email: 'ada@example.com', password: 'password' };
const IDLE_MS = 2000;
const STEP_TIMEOUT_MS = 30_000;

const log = (...args) => console.error('bench/web:', ...args);

function record(bench, metric, unit, samples, note) {
  const line = { bench, side: 'web', metric, unit, samples: samples.map((v) => Math.round(v * 1000) / 1000) };
  if (note) line.note = note;
  appendFileSync(RESULTS, `${JSON.stringify(line)}\n`);
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  log(`${bench} ${metric}: median ${median.toFixed(1)} ${unit} (${samples.length} samples)`);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Memory: PSS of a process tree, from /proc/<pid>/smaps_rollup (kB), in MB.

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

function processTree(root) {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  const children = new Map();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(pid);
  }
  const tree = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    tree.push(pid);
    stack.push(...(children.get(pid) || []));
  }
  return tree;
}

function pssMegabytes(pids) {
  let kb = 0;
  for (const pid of pids) {
    try {
      const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (match) kb += Number(match[1]);
    } catch { /* gone meanwhile */ }
  }
  return kb / 1024;
}

// The browser's processes: every descendant of this Node process (Playwright starts Chromium as
// our child, and Chromium's zygote, renderers and utilities descend from it); the page server
// runs inside this process, which is not counted. One browser runs at a time.
function chromiumProcesses() {
  return processTree(process.pid).filter((pid) => pid !== process.pid);
}

// ---------------------------------------------------------------------------------------------
// The page: served by a tiny HTTP server on its own origin. authkit-js (an ES module without
// imports) and convex's browser bundle are served from node_modules as they are published.

const PAGE_ORIGIN = `http://127.0.0.1:${PAGE_PORT}`;
const emulatorUrl = new URL(BASE_URL);

function pageHtml() {
  const config = {
    clientId: CLIENT_ID,
    apiHostname: emulatorUrl.hostname,
    port: Number(emulatorUrl.port),
    convexUrl: CONVEX_URL,
    redirectUri: `${PAGE_ORIGIN}/callback`,
  };
  // What ConvexProviderWithAuthKit does: the AuthKit client first, then the Convex client
  // authenticated with its access token; "bench:*" console lines mark the moments measured.
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>AuthKit web peer</title>
<script src="/convex.js"></script></head>
<body><p id="status">Loading…</p>
<script type="module">
import { createClient } from '/authkit.mjs';
const config = ${JSON.stringify(config)};
const status = document.getElementById('status');
const authkit = await createClient(config.clientId, {
  apiHostname: config.apiHostname, port: config.port, https: false, devMode: true,
  redirectUri: config.redirectUri,
});
const user = authkit.getUser();
if (!user) {
  console.log('bench:signed-out');
  status.textContent = 'Signed out';
  if (location.search.includes('signin=1')) authkit.signIn({ loginHint: ${JSON.stringify(USER.email)} });
} else {
  console.log('bench:signed-in');
  const client = new convex.ConvexClient(config.convexUrl, { skipConvexDeploymentUrlCheck: true });
  client.setAuth(({ forceRefreshToken }) => authkit.getAccessToken({ forceRefresh: forceRefreshToken }),
    (isAuthenticated) => {
      if (!isAuthenticated) return;
      status.textContent = 'Logged in as ' + user.firstName;
      console.log('bench:authenticated');
    });
  window.benchConvex = client;
}
</script></body></html>`;
}

function startPageServer() {
  const files = {
    '/authkit.mjs': join(here, 'node_modules/@workos-inc/authkit-js/dist/index.mjs'),
    '/convex.js': join(here, 'node_modules/convex/dist/browser.bundle.js'),
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url, PAGE_ORIGIN).pathname;
    if (files[path]) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
      res.end(readFileSync(files[path]));
    } else if (path === '/' || path === '/callback') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(pageHtml());
    } else if (path === '/blank') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>blank</title>');
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(PAGE_PORT, '127.0.0.1', () => resolve(server));
  });
}

// ---------------------------------------------------------------------------------------------
// Chromium: a fresh profile per launch (COMMON flags: the network is closed).

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function launch(chromium, profileDir) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT_MS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const marks = new Map();
  const waiters = [];
  page.on('console', (message) => {
    const text = message.text();
    if (!text.startsWith('bench:') || marks.has(text)) return;
    marks.set(text, performance.now());
    for (const w of waiters.filter((x) => x.mark === text)) w.resolve(marks.get(text));
  });
  const mark = (name) => withTimeout(new Promise((resolve) => {
    if (marks.has(name)) resolve(marks.get(name));
    else waiters.push({ mark: name, resolve });
  }), STEP_TIMEOUT_MS, name);
  return { context, page, mark };
}

function refreshTokenKey() {
  return `workos:refresh-token:${CLIENT_ID}`;
}

async function idlePss() {
  await sleep(IDLE_MS);
  const pids = chromiumProcesses();
  if (pids.length === 0) throw new Error('no Chromium process found below this one');
  return pssMegabytes(pids);
}

// In the page: when its first contentful paint happened, in ms since the epoch (null if none).
const FIRST_PAINT_EPOCH = () => {
  const entry = performance.getEntriesByName('first-contentful-paint')[0];
  return entry ? performance.timeOrigin + entry.startTime : null;
};

// First sign-in through the hosted page; leaves the browser's refresh token behind.
async function firstSignIn(chromium) {
  const profileDir = mkdtempSync(join(tmpdir(), 'authkit-bench-web-'));
  try {
    const start = performance.now();
    const { context, page, mark } = await launch(chromium, profileDir);
    await page.goto(`${PAGE_ORIGIN}/?signin=1`);
    await page.waitForSelector('#sign-in-form #password', { state: 'visible', timeout: STEP_TIMEOUT_MS });
    // The hosted page's first contentful paint, on the wall clock both sides share (bench/desktop
    // takes the same entry from the login window's page).
    const fcpEpoch = await page.evaluate(FIRST_PAINT_EPOCH);
    if (fcpEpoch === null) throw new Error('the hosted page recorded no first-contentful-paint');
    const painted = fcpEpoch - (performance.timeOrigin + start);
    await page.fill('#email', USER.email);
    await page.fill('#password', USER.password);
    const submit = performance.now();
    await page.click('#sign-in-submit', { noWaitAfter: true });
    const signedIn = (await mark('bench:authenticated')) - submit;
    const pss = await idlePss();
    const refreshToken = await page.evaluate((key) => localStorage.getItem(key), refreshTokenKey());
    await context.close();
    if (!refreshToken) throw new Error('authkit-js stored no refresh token after the sign-in');
    return { painted, signedIn, pss, refreshToken };
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

// One warm start: a profile holding the refresh token where authkit-js devMode keeps it
// (localStorage of the page's origin, written by an earlier browser and flushed to disk), then a
// fresh browser timed from launch to the Convex server confirming the token.
async function warmStart(chromium, refreshToken) {
  const profileDir = mkdtempSync(join(tmpdir(), 'authkit-bench-web-'));
  try {
    const prepared = await launch(chromium, profileDir);
    await prepared.page.goto(`${PAGE_ORIGIN}/blank`);
    await prepared.page.evaluate(([key, value]) => localStorage.setItem(key, value), [refreshTokenKey(), refreshToken]);
    await prepared.context.close();

    const start = performance.now();
    const { context, page, mark } = await launch(chromium, profileDir);
    page.goto(PAGE_ORIGIN).catch(() => {});
    const outcome = await Promise.race([mark('bench:authenticated'), mark('bench:signed-out').then(() => null)]);
    if (outcome === null) throw new Error('warm start: authkit-js found no stored session');
    const elapsed = outcome - start;
    const pss = await idlePss();
    // The refresh rotated the token: the next run starts from the successor.
    const next = await page.evaluate((key) => localStorage.getItem(key), refreshTokenKey());
    await context.close();
    return { elapsed, pss, refreshToken: next };
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

async function browserBenches() {
  const { chromium } = await import('playwright-core');
  const server = await startPageServer();
  try {
    const page = [], submit = [], signedInPss = [];
    let refreshToken = null;
    for (let i = 0; i < RUNS; i++) {
      const run = await firstSignIn(chromium);
      page.push(run.painted);
      submit.push(run.signedIn);
      signedInPss.push(run.pss);
      refreshToken = run.refreshToken;
    }
    record('first_signin_page', 'launch_to_page_painted', 'ms', page,
      'Chromium launch → the hosted sign-in page\'s first contentful paint (after authkit-js signIn() redirects)');
    record('first_signin_submit', 'submit_to_backend_confirmed', 'ms', submit,
      'page submit → code exchanged by authkit-js across origins → convex setAuth onChange(true)');
    record('memory_signed_in', 'pss', 'MB', signedInPss,
      `PSS of all Chromium processes, idle ${IDLE_MS} ms after sign-in + Convex confirmed`);

    const warm = [], warmPss = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await warmStart(chromium, refreshToken);
      warm.push(run.elapsed);
      warmPss.push(run.pss);
      refreshToken = run.refreshToken;
    }
    record('warm_start', 'launch_to_backend_confirmed', 'ms', warm,
      'Chromium launch → authkit-js refresh + convex ConvexClient setAuth onChange(true)');
    record('memory_warm', 'pss', 'MB', warmPss, `PSS of all Chromium processes, idle ${IDLE_MS} ms after warm start`);
  } finally {
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// verify_rs256: jose on the native bench's fixture, one verification at a time, so that one
// core works at a time (WebCrypto verifies on a worker thread while this one waits), as the
// native side's single thread does. Not pinned to a CPU: on a shared machine a fixed CPU may
// be the busy one.

async function verifyBench() {
  const fixturePath = join(WORK, 'jwt-fixture.json');
  if (!existsSync(fixturePath)) {
    log(`verify_rs256 skipped: ${fixturePath} is missing (the native bench writes it; run it first)`);
    return;
  }
  await verifyTokens();
}

async function verifyTokens() {
  const { createLocalJWKSet, jwtVerify, decodeJwt } = await import('jose');
  const fixture = JSON.parse(readFileSync(join(WORK, 'jwt-fixture.json'), 'utf8'));
  const keySet = createLocalJWKSet(fixture.jwks);
  const tokens = fixture.tokens;
  // The fixture's tokens may have expired since they were made: verify at their issue time.
  const { iat } = decodeJwt(tokens[0]);
  const options = { algorithms: ['RS256'], currentDate: new Date(((iat ?? Date.now() / 1000) + 1) * 1000) };
  if (fixture.issuer) options.issuer = fixture.issuer;
  if (fixture.audience) options.audience = fixture.audience;
  for (const token of tokens) await jwtVerify(token, keySet, options); // all must pass
  // Half a second of warm-up, so that the JIT has compiled the path measured.
  for (let i = 0, start = performance.now(); performance.now() - start < 500; i++) {
    await jwtVerify(tokens[i % tokens.length], keySet, options);
  }
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    let done = 0;
    const start = performance.now();
    while (performance.now() - start < 1000) {
      await jwtVerify(tokens[done % tokens.length], keySet, options);
      done++;
    }
    samples.push(done / ((performance.now() - start) / 1000));
  }
  record('verify_rs256', 'verify_rs256', 'ops/s', samples,
    `jose jwtVerify (WebCrypto), ${tokens.length} tokens, one at a time (one core busy at a time)`);
}

// ---------------------------------------------------------------------------------------------
// Convex: the official client in Node, authenticated with a token from the emulator.

// A fresh session for Ada without a browser: the hosted sign-in page posted by hand (with its
// CSRF token and cookie, as a browser would), then the code exchanged.
async function nodeSignIn() {
  const { createHash, randomBytes } = await import('node:crypto');
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = `${PAGE_ORIGIN}/callback`;
  const authorize = new URL('/user_management/authorize', BASE_URL);
  for (const [k, v] of Object.entries({ client_id: CLIENT_ID, redirect_uri: redirectUri, response_type: 'code',
    provider: 'authkit', code_challenge: challenge, code_challenge_method: 'S256', state: 'bench' })) {
    authorize.searchParams.set(k, v);
  }
  const cookies = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authorize;
  let res;
  for (let hop = 0; hop < 5; hop++) {
    res = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
    keep(res);
    if (res.status !== 302) break;
    url = new URL(res.headers.get('location'), BASE_URL);
    if (url.origin === PAGE_ORIGIN) break;
  }
  if (url.origin !== PAGE_ORIGIN) {
    const html = await res.text();
    const field = (name) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1]
      ?? new RegExp(`value="([^"]*)"[^>]*name="${name}"`).exec(html)?.[1];
    const form = new URLSearchParams({ attempt: field('attempt'), csrf_token: field('csrf_token'),
      email: USER.email, password: USER.password });
    res = await fetch(new URL('/authkit/sign-in', BASE_URL), { method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(), origin: new URL(BASE_URL).origin },
      body: form });
    if (res.status !== 302) throw new Error(`hosted sign-in answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(res.headers.get('location'), BASE_URL);
  }
  const code = url.searchParams.get('code');
  if (!code) throw new Error(`no code in ${url}`);
  const auth = await fetch(new URL('/user_management/authenticate', BASE_URL), {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: CLIENT_ID, grant_type: 'authorization_code', code, code_verifier: verifier }),
  });
  const body = await auth.json();
  if (auth.status !== 200) throw new Error(`authenticate: ${JSON.stringify(body)}`);
  return body.access_token;
}

async function authenticatedClient(token) {
  const { ConvexClient } = await import('convex/browser');
  const client = new ConvexClient(CONVEX_URL, { skipConvexDeploymentUrlCheck: true });
  await withTimeout(new Promise((resolve) => {
    client.setAuth(async () => token, (isAuthenticated) => { if (isAuthenticated) resolve(); });
  }), STEP_TIMEOUT_MS, 'convex setAuth onChange(true)');
  return client;
}

async function convexBenches() {
  const { anyApi } = await import('convex/server');
  const token = await nodeSignIn();

  // Round trip: mutation sent → the subscription's update carrying it.
  {
    const client = await authenticatedClient(token);
    let latest = [];
    let wake = null;
    client.onUpdate(anyApi.messages.list, {}, (messages) => { latest = messages; wake?.(); });
    const seen = (body) => latest.some((m) => m.body === body);
    const samples = [];
    const count = Math.max(20, RUNS * 10);
    for (let i = -3; i < count; i++) { // three warm-up round trips first
      const body = `web roundtrip ${process.pid} ${i} ${Date.now()}`;
      const start = performance.now();
      const arrived = withTimeout(new Promise((resolve) => { wake = () => { if (seen(body)) resolve(); }; }),
        STEP_TIMEOUT_MS, 'the update with the message');
      await client.mutation(anyApi.messages.send, { body });
      await arrived;
      if (i >= 0) samples.push(performance.now() - start);
    }
    record('convex_roundtrip', 'convex_roundtrip', 'ms', samples, 'convex ConvexClient (Node): messages:send → messages:list update');
    await client.close();
  }

  // Fan-out: 1,000 live queries (distinct arguments, so 1,000 subscriptions on the server), one
  // mutation, until every one of them has delivered it.
  {
    const QUERIES = 1000;
    const client = await authenticatedClient(token);
    const latest = new Array(QUERIES).fill(null);
    let pending = null;
    const check = () => { if (pending && latest.every((list) => list?.some((m) => m.body === pending.body))) pending.resolve(); };
    for (let q = 0; q < QUERIES; q++) {
      client.onUpdate(anyApi.messages.list, { subscription: q }, (messages) => { latest[q] = messages; check(); });
    }
    await withTimeout(new Promise((resolve) => {
      const poll = () => (latest.every((l) => l !== null) ? resolve() : setTimeout(poll, 10));
      poll();
    }), 60_000, 'all 1,000 queries loaded');
    const samples = [];
    for (let i = -1; i < RUNS; i++) {
      const body = `web fanout ${process.pid} ${i} ${Date.now()}`;
      const start = performance.now();
      const done = withTimeout(new Promise((resolve) => { pending = { body, resolve }; }), 60_000, 'all 1,000 updates');
      await client.mutation(anyApi.messages.send, { body });
      check();
      await done;
      if (i >= 0) samples.push(performance.now() - start);
    }
    record('convex_fanout', 'convex_fanout', 'ms', samples, 'convex ConvexClient (Node), 1,000 live messages:list queries');
    await client.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const parts = process.argv.slice(2);
  const all = parts.length === 0;
  if (parts.some((p) => !['browser', 'verify', 'convex'].includes(p))) {
    console.error('usage: node run.mjs [browser] [verify] [convex]');
    process.exit(2);
  }
  if (all || parts.includes('verify')) await verifyBench();
  if (all || parts.includes('browser')) await browserBenches();
  if (all || parts.includes('convex')) await convexBenches();
}

main().then(() => process.exit(0), (err) => {
  log(err.stack || String(err));
  process.exit(1);
});
