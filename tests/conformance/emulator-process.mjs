// authkit-emulator as a child process for the conformance tests: started on free ports, its
// first stdout lines checked, its output kept for failure reports, and always stopped.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

export const EMULATOR = process.env.AUTHKIT_EMULATOR;
export const STARTUP_TIMEOUT_MS = 15_000;
export const STOP_TIMEOUT_MS = 5_000;

// The emulator runs in its own process group, so that stopping it also stops anything it started.
function killGroup(child, signal) {
  if (child.pid === undefined) return;
  try { process.kill(-child.pid, signal); } catch { try { child.kill(signal); } catch { /* gone */ } }
}

const running = new Set();
process.once('exit', () => { for (const child of running) killGroup(child, 'SIGKILL'); });

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// Starts `authkit-emulator args…` and waits for its first line (`authkit-emulator listening on
// <url>`) and, with convex, its second (`convex deployment on <url>`). Resolves to
// { args, baseUrl, port, convexUrl?, logTail(n), stop() }.
export async function startEmulatorProcess(args, { convex = false } = {}) {
  assert.ok(EMULATOR, 'set AUTHKIT_EMULATOR to the path of the authkit-emulator executable');
  const child = spawn(EMULATOR, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);

  const log = [];
  const remember = (line) => { log.push(line); if (log.length > 200) log.shift(); };
  child.on('error', (err) => remember(`[spawn error] ${err.message}`));
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => { running.delete(child); resolve({ code, signal }); });
    child.once('error', () => { if (child.pid === undefined) { running.delete(child); resolve({ error: true }); } });
  });
  // Drain both pipes for the whole run, so the emulator can never block on a full pipe.
  createInterface({ input: child.stderr }).on('line', (l) => remember(`[stderr] ${l}`));
  const stdout = createInterface({ input: child.stdout });
  const lines = [];
  let wake = null;
  stdout.on('line', (l) => { remember(`[stdout] ${l}`); lines.push(l); wake?.(); });

  const emulator = {
    args,
    logTail: (n = 60) => log.slice(-n).join('\n'),
    async stop() {
      if (child.pid !== undefined) {
        if (child.exitCode === null && child.signalCode === null) {
          killGroup(child, 'SIGTERM');
          const first = await Promise.race([exited, sleep(STOP_TIMEOUT_MS, 'timeout', { ref: false })]);
          if (first === 'timeout') {
            killGroup(child, 'SIGKILL');
            await Promise.race([exited, sleep(STOP_TIMEOUT_MS, 'timeout', { ref: false })]);
          }
        }
        killGroup(child, 'SIGKILL'); // whatever it left behind
      }
      running.delete(child);
      // Never let a leftover holder of the pipes keep this process alive.
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };

  const wanted = convex ? 2 : 1;
  try {
    const first = await withTimeout(new Promise((resolve, reject) => {
      const check = () => { if (lines.length >= wanted) resolve(lines.slice(0, wanted)); };
      wake = check;
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`the emulator exited early (code ${code}, signal ${signal})`)));
      check();
    }), STARTUP_TIMEOUT_MS, `the emulator's first ${wanted} stdout line(s)`);
    const listening = /^authkit-emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(first[0]);
    assert.ok(listening, `unexpected first stdout line: ${JSON.stringify(first[0])}`);
    emulator.baseUrl = listening[1];
    emulator.port = Number(listening[2]);
    assert.ok(emulator.port > 0 && emulator.port < 65536, `bad port in ${first[0]}`);
    if (convex) {
      const deployment = /^convex deployment on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first[1]);
      assert.ok(deployment, `unexpected second stdout line: ${JSON.stringify(first[1])}`);
      emulator.convexUrl = deployment[1];
    }
  } catch (err) {
    await emulator.stop();
    err.message += `\n--- ${EMULATOR} ${args.join(' ')} ---\n${emulator.logTail()}`;
    throw err;
  }
  return emulator;
}
