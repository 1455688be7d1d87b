// bench/desktop: authkit-desktop's side of benches 1-3 (bench/README.md). Node, no npm packages.
//   warm_start          launch → "convex accepted the token" on stderr (the backend confirmed
//                       the restored session's token), AUTHKIT_BENCH_RUNS runs
//   memory_warm         PSS of the app and its children, 2 s idle after a warm start
//   memory_signed_in    the same after a fresh sign-in through the login window
//   first_signin_page   launch → hosted page loaded in the login window
//   first_signin_submit page submit → backend-confirmed Authenticated
// The sign-ins run authkitqt-bench-desktop-signin (signin.cpp: DesktopApp in process, its login
// window in the authkit-login-window process as in the app, the page driven over the DevTools
// protocol); the warm starts restore the session it stored in the keychain. Run it
// inside scripts/with-keyring.sh with QT_QPA_PLATFORM=offscreen and the AUTHKIT_BENCH_* variables.
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const env = process.env;
for (const name of ['AUTHKIT_BENCH_BASE_URL', 'AUTHKIT_BENCH_BUILD', 'AUTHKIT_BENCH_WORK']) {
  if (!env[name]) {
    console.error(`bench/desktop: ${name} is not set (see bench/README.md)`);
    process.exit(2);
  }
}
const runs = Number(env.AUTHKIT_BENCH_RUNS || 10);
const clientId = env.AUTHKIT_BENCH_CLIENT_ID || 'client_01J00000000000000000000DEV';
const idleMs = 2000;
const app = join(env.AUTHKIT_BENCH_BUILD, 'app/desktop/authkit-desktop');
const signin = join(env.AUTHKIT_BENCH_BUILD, 'bench/desktop/authkitqt-bench-desktop-signin');
const results = join(env.AUTHKIT_BENCH_WORK, 'results.jsonl');
const childEnv = { ...env, CONVEX_URL: env.AUTHKIT_BENCH_CONVEX_URL || '',
  QT_LOGGING_RULES: env.QT_LOGGING_RULES || 'authkit.*.debug=false' };
const confirmed = 'convex accepted the token';

function record(bench, metric, unit, samples, note) {
  const line = { bench, side: 'authkitqt', metric, unit, samples };
  if (note) line.note = note;
  appendFileSync(results, JSON.stringify(line) + '\n');
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`bench/desktop: ${bench} ${metric}: median ${median.toFixed(1)} ${unit} (${samples.length} samples)`);
}

// PSS of pid and every descendant, from /proc/<pid>/smaps_rollup, in MB.
function pssTreeMb(root) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch { /* gone meanwhile */ }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; ++i)
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  let kb = 0;
  for (const pid of tree) {
    try {
      const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1'));
      if (match) kb += Number(match[1]);
    } catch { /* gone meanwhile */ }
  }
  return { mb: kb / 1024, processes: tree.length };
}

// Launches authkit-desktop; resolves with the ms from launch to the confirmation line, and the
// PSS after idleMs more when measureMemory; then ends it (SIGTERM).
function warmStart(measureMemory) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(app, ['--profile', 'development', '--api-base-url', env.AUTHKIT_BENCH_BASE_URL,
      '--client-id', clientId], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    let done = false;
    const timer = setTimeout(() => finish(new Error('no confirmation within 30 s')), 30000);
    function finish(error, value) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGTERM');
      child.once('exit', () => (error ? reject(new Error(`${error.message}\n${log}`)) : resolve(value)));
    }
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      log += chunk;
      if (done || !log.includes(confirmed)) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (log.includes('state: signed-out')) return finish(new Error('restored signed out'));
      if (!measureMemory) return finish(null, { ms });
      setTimeout(() => finish(null, { ms, ...pssTreeMb(child.pid) }), idleMs);
    });
    child.on('exit', (code) => finish(new Error(`authkit-desktop exited (${code})`)));
  });
}

function signInOnce() {
  const out = execFileSync(signin, [], { env: { ...childEnv, AUTHKIT_BENCH_IDLE_MS: String(idleMs) },
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 120000 });
  return JSON.parse(out.trim().split('\n').pop());
}

if (!existsSync(app) || !existsSync(signin)) {
  console.error(`bench/desktop: ${app} or ${signin} is missing (build with -DAUTHKIT_BUILD_BENCHMARKS=ON)`);
  process.exit(2);
}

// The first sign-in stores the session the warm starts restore. A session left in the keyring
// by an earlier run would make the sign-in bench start signed in: scripts/with-keyring.sh gives
// each run a fresh keyring.
const first = signInOnce();
const warm = [];
const memory = [];
for (let i = 0; i < runs; ++i) {
  const result = await warmStart(i < 3);
  warm.push(result.ms);
  if (result.mb !== undefined) memory.push(result.mb);
}
record('warm_start', 'launch_to_backend_confirmed', 'ms', warm,
  'authkit-desktop, development profile, offscreen; stored session; until the Convex backend confirmed the token');
record('memory_warm', 'pss', 'MB', memory, 'authkit-desktop and its children, 2 s idle after a warm start');
console.log(`bench/desktop: login window open: pss ${first.window_pss_mb.toFixed(1)} MB (the app, authkit-login-window and its QtWebEngineProcess children)`);
record('memory_signed_in', 'pss', 'MB', [first.pss_mb],
  `DesktopApp (authkitqt-bench-desktop-signin) and its children, 2 s idle after the login window process and its renderer exited (${first.renderer_exit_ms} ms after the sign-in); ${first.processes} processes; ${first.window_pss_mb.toFixed(1)} MB while the login window was open`);
record('first_signin_page', 'launch_to_page_painted', 'ms', [first.page_ms],
  `login window process: the hosted page's first contentful paint (loaded at ${first.loaded_ms} ms)`);
record('first_signin_submit', 'submit_to_backend_confirmed', 'ms', [first.submit_ms]);
