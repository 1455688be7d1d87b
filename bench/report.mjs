#!/usr/bin/env node
// The benchmark report (bench/README.md): reads results.jsonl (one JSON object per line, written by
// the native, web and desktop parts), pairs the two sides of each bench + metric, prints the table
// and writes bench/results.md (Markdown + machine info) and bench/results.svg (a bar chart of the
// ratios, plain SVG text). No dependencies.
//
//   node bench/report.mjs [results.jsonl] [--out DIR] [--runs N]
//
// Default input: $AUTHKIT_BENCH_WORK/results.jsonl; default output folder: bench/ (this folder).

import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// Where a bigger number is better; everything else (times, memory, requests) wants it smaller.
const HIGHER_IS_BETTER = new Set(['ops/s']);
const ORDER = ['warm_start', 'memory_warm', 'memory_signed_in', 'first_signin_page', 'first_signin_submit',
  'refresh_load_requests', 'refresh_load_wait', 'verify_rs256', 'convex_roundtrip', 'convex_fanout', 'cli_token_loop'];

function parseArgs(argv) {
  const options = { input: null, out: here, runs: process.env.AUTHKIT_BENCH_RUNS || null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log('usage: node bench/report.mjs [results.jsonl] [--out DIR] [--runs N]\n'
        + 'Prints the side-by-side table and writes DIR/results.md and DIR/results.svg (default DIR: bench/).\n'
        + 'Input default: $AUTHKIT_BENCH_WORK/results.jsonl.');
      process.exit(0);
    } else if (arg === '--out') options.out = argv[++i];
    else if (arg === '--runs') options.runs = argv[++i];
    else options.input = arg;
  }
  if (!options.input) {
    if (!process.env.AUTHKIT_BENCH_WORK) {
      console.error('report: give results.jsonl or set AUTHKIT_BENCH_WORK');
      process.exit(2);
    }
    options.input = join(process.env.AUTHKIT_BENCH_WORK, 'results.jsonl');
  }
  return options;
}

function quantile(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  // Nearest rank, so the p99 of 10 samples is the largest one.
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return q === 0.5 && sorted.length % 2 === 0
    ? (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2
    : sorted[rank];
}

function readResults(path) {
  const rows = new Map(); // bench|metric -> { bench, metric, unit, sides: { authkitqt, web } }
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
  for (const [index, line] of lines.entries()) {
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      console.error(`report: line ${index + 1} of ${path} is not JSON; skipped`);
      continue;
    }
    if (!entry.bench || !entry.metric || !Array.isArray(entry.samples) || !entry.samples.length) continue;
    const key = `${entry.bench}|${entry.metric}`;
    if (!rows.has(key)) rows.set(key, { bench: entry.bench, metric: entry.metric, unit: entry.unit, sides: {} });
    const side = entry.side === 'web' ? 'web' : 'authkitqt';
    const row = rows.get(key);
    // A later line for the same side adds samples (a part run twice, or in pieces).
    const previous = row.sides[side];
    row.sides[side] = previous
      ? { samples: previous.samples.concat(entry.samples), note: entry.note || previous.note }
      : { samples: entry.samples, note: entry.note };
  }
  pairLoneSides(rows);
  return [...rows.values()].sort((a, b) => {
    const rank = (r) => (ORDER.includes(r.bench) ? ORDER.indexOf(r.bench) : ORDER.length);
    return rank(a) - rank(b) || a.bench.localeCompare(b.bench) || a.metric.localeCompare(b.metric);
  });
}

// The parts are written apart: when a bench has exactly one metric on our side only and one on
// the web side only, in the same unit, they measure the same thing under two names: one row.
function pairLoneSides(rows) {
  const byBench = new Map();
  for (const [key, row] of rows) {
    if (!byBench.has(row.bench)) byBench.set(row.bench, []);
    byBench.get(row.bench).push([key, row]);
  }
  for (const entries of byBench.values()) {
    const oursOnly = entries.filter(([, r]) => r.sides.authkitqt && !r.sides.web);
    const webOnly = entries.filter(([, r]) => r.sides.web && !r.sides.authkitqt);
    if (oursOnly.length !== 1 || webOnly.length !== 1) continue;
    const [[, ours], [webKey, web]] = [oursOnly[0], webOnly[0]];
    if (ours.unit !== web.unit) continue;
    ours.sides.web = web.sides.web;
    ours.metric = `${ours.metric} | web: ${web.metric}`;
    rows.delete(webKey);
  }
}

// Ratio as "how many times better ours is": >1 means AuthKitQt wins.
function summarize(row) {
  const stats = (side) => {
    const s = row.sides[side];
    if (!s) return null;
    return { median: quantile(s.samples, 0.5), p99: s.samples.length >= 10 ? quantile(s.samples, 0.99) : null, n: s.samples.length };
  };
  const ours = stats('authkitqt');
  const web = stats('web');
  let advantage = null;
  if (ours && web && ours.median > 0 && web.median > 0) {
    advantage = HIGHER_IS_BETTER.has(row.unit) ? ours.median / web.median : web.median / ours.median;
  }
  return { ...row, ours, web, advantage };
}

function formatNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function cell(stats) {
  if (!stats) return { median: '–', p99: '–' };
  return { median: formatNumber(stats.median), p99: stats.p99 === null ? '–' : formatNumber(stats.p99) };
}

function verdict(summary) {
  if (summary.advantage === null) return summary.ours ? 'ours only' : 'web only';
  const a = summary.advantage;
  if (a >= 1) return `AuthKitQt ${a.toFixed(1)}× better`;
  return `web ${(1 / a).toFixed(1)}× better`;
}

function tableRows(summaries) {
  return summaries.map((s) => {
    const ours = cell(s.ours);
    const web = cell(s.web);
    return [s.bench, `${s.metric} (${s.unit})`, ours.median, ours.p99, web.median, web.p99,
      s.advantage === null ? '–' : `${s.advantage.toFixed(2)}`, verdict(s)];
  });
}

const HEADER = ['bench', 'metric (unit)', 'ours median', 'ours p99', 'web median', 'web p99', 'ratio', 'better'];

function printTable(rows) {
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(HEADER));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function machineInfo(runs) {
  let model = cpus()[0]?.model?.trim() || 'unknown CPU';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) model = match[1].trim();
  } catch { /* not Linux */ }
  return { model, cores: cpus().length, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), runs: runs ?? '?',
    load: loadavg().map((l) => l.toFixed(1)).join(' ') };
}

function markdown(rows, summaries, machine) {
  const escape = (s) => s.replace(/\|/g, '\\|');
  const out = [];
  out.push('# Benchmark results: AuthKitQt vs the seed\'s web stack', '');
  out.push(`Measured by \`scripts/bench.sh\` on ${machine.date}: ${machine.model}, ${machine.cores} cores, `
    + `${machine.runs} runs per bench, load average ${machine.load} when the report was written. "ours" is AuthKitQt, "web" is @workos-inc/authkit-js + convex in `
    + 'Chromium / Node. Ratio: how many times better AuthKitQt is (>1: ours wins; for ops/s the '
    + 'quotient ours/web, otherwise web/ours). p99 only where a side has ≥ 10 samples. See bench/README.md.', '');
  out.push(`| ${HEADER.join(' | ')} |`);
  out.push(`|${HEADER.map((_, i) => (i >= 2 && i <= 6 ? '---:' : '---')).join('|')}|`);
  for (const r of rows) out.push(`| ${r.map(escape).join(' | ')} |`);
  out.push('', '![Ratios](results.svg)', '');
  const notes = summaries.flatMap((s) => ['authkitqt', 'web']
    .filter((side) => s.sides[side]?.note)
    .map((side) => `- \`${s.bench}\` ${side === 'web' ? 'web' : 'ours'}: ${s.sides[side].note}`));
  if (notes.length) out.push('Notes:', '', ...notes, '');
  return out.join('\n');
}

function svg(summaries, machine) {
  const bars = summaries.filter((s) => s.advantage !== null);
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rowHeight = 28;
  const left = 200;
  const width = 760;
  const plot = width - left - 70;
  const top = 50;
  const height = top + Math.max(1, bars.length) * rowHeight + 50;
  // Log scale centred on 1× so that "2× better" and "2× worse" are the same length.
  const maxLog = Math.max(Math.log10(10), ...bars.map((b) => Math.abs(Math.log10(b.advantage))));
  const centre = left + plot / 2;
  const x = (ratio) => centre + (Math.log10(ratio) / maxLog) * (plot / 2);
  const parts = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">AuthKitQt vs web stack: times better (log scale, right = ours wins)</text>`);
  parts.push(`<text x="${width / 2}" y="40" text-anchor="middle" fill="#555">${esc(machine.model)}, ${machine.cores} cores, ${esc(machine.date)}, ${esc(machine.runs)} runs</text>`);
  for (const tick of [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]) {
    if (Math.abs(Math.log10(tick)) > maxLog + 1e-9) continue;
    const tx = x(tick).toFixed(1);
    parts.push(`<line x1="${tx}" y1="${top - 4}" x2="${tx}" y2="${height - 40}" stroke="${tick === 1 ? '#333' : '#ddd'}" stroke-width="${tick === 1 ? 1.5 : 1}"/>`);
    parts.push(`<text x="${tx}" y="${height - 24}" text-anchor="middle" fill="#555">${tick}×</text>`);
  }
  bars.forEach((b, i) => {
    const y = top + i * rowHeight;
    const end = x(b.advantage);
    const wins = b.advantage >= 1;
    const shared = bars.filter((other) => other.bench === b.bench).length > 1;
    const label = shared ? `${b.bench} (${b.metric.split(' | ')[0]})` : b.bench;
    parts.push(`<text x="${left - 8}" y="${y + 18}" text-anchor="end">${esc(label)}</text>`);
    parts.push(`<rect x="${Math.min(centre, end).toFixed(1)}" y="${y + 5}" width="${Math.max(1, Math.abs(end - centre)).toFixed(1)}" height="${rowHeight - 10}" fill="${wins ? '#2e7d32' : '#c62828'}"/>`);
    parts.push(`<text x="${(wins ? end + 4 : end - 4).toFixed(1)}" y="${y + 18}" text-anchor="${wins ? 'start' : 'end'}">${b.advantage.toFixed(2)}×</text>`);
  });
  if (!bars.length) parts.push(`<text x="${width / 2}" y="${top + 20}" text-anchor="middle">No bench has both sides yet.</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

const options = parseArgs(process.argv.slice(2));
const summaries = readResults(options.input).map(summarize);
const machine = machineInfo(options.runs);
const rows = tableRows(summaries);
printTable(rows);
writeFileSync(join(options.out, 'results.md'), markdown(rows, summaries, machine));
writeFileSync(join(options.out, 'results.svg'), svg(summaries, machine));
console.log(`\nwrote ${join(options.out, 'results.md')} and ${join(options.out, 'results.svg')}`);
