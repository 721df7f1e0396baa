// Where a contender's time goes: one phase of one contender, in a fresh
// browser, recorded with a CDP performance trace (Tracing, the categories
// DevTools' Performance panel uses), and summarised as the renderer main
// thread's events by self time. The trace is also written for DevTools.
//
//   node bench/trace.mjs <contender> <size> <ready|expand|keys|search> [--presses N] [--top N]
//   e.g. node bench/trace.mjs organigramme-list 10000 expand
//
// Needs the release in dist/ and the data of target/bench/data/ (run
// scripts/bench.sh once). Writes target/bench/trace-<contender>-<size>-<phase>.json.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL, LAUNCH, VIEWPORT, probe } from './contenders.mjs';
import { start } from './server.mjs';

const [id, sizeArg, phase = 'ready'] = process.argv.slice(2);
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const contender = ALL.find((c) => c.id === id);
const size = Number(sizeArg);
if (!contender || !size || !['ready', 'expand', 'keys', 'search'].includes(phase)) {
  console.error(`usage: node bench/trace.mjs <${ALL.map((c) => c.id).join('|')}> <size> <ready|expand|keys|search> [--presses N] [--top N]`);
  process.exit(2);
}
if ((phase !== 'ready' && !contender.expand) || (phase === 'keys' && !contender.keys) || (phase === 'search' && !contender.search)) {
  console.error(`${id} has no ${phase} phase`);
  process.exit(2);
}
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'v8.execute', 'loading'];

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await start(0);
const browser = await chromium.launch(LAUNCH);
try {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(probe, contender.ready);
  const trace = () => browser.startTracing(page, { categories: CATEGORIES });
  if (phase === 'ready') await trace();
  await page.goto(server.base + contender.url(size), { waitUntil: 'commit' });
  const ready = await page.evaluate(() => window.__bench.ready);
  console.log(`ready at ${ready.at.toFixed(1)} ms (event at ${ready.event.toFixed(1)} ms)`);
  if (phase !== 'ready') {
    if (phase === 'expand') await trace();
    const ms = await page.evaluate((selector) => window.__bench.clickToFrame(selector), contender.expand);
    const written = await page.evaluate(() => window.__bench.written());
    console.log(`expand all ${ms.toFixed(1)} ms to the next frame, ${written.toFixed(1)} ms to the frame after the last unit written`);
  }
  if (phase === 'keys') {
    await page.evaluate((selector) => window.__bench.recordKeysFrom(selector), contender.focus);
    await trace();
    const presses = option('--presses', 5);
    for (let i = 1; i <= presses; i++) {
      await page.keyboard.press('ArrowDown');
      await page.evaluate((n) => window.__bench.waitKeys(n), i);
    }
    const keys = await page.evaluate(() => window.__bench.keys);
    console.log(`ArrowDown: ${keys.map((k) => `${k.latency.toFixed(1)} ms`).join(', ')}`);
  }
  if (phase === 'search') {
    // Everything open, as the benchmark types: the first letters of its
    // text, key by key, each to the frame after it.
    await page.evaluate((selector) => window.__bench.recordKeysFrom(selector), contender.search.field);
    await trace();
    const text = contender.search.text.slice(0, option('--presses', 5));
    for (let i = 1; i <= text.length; i++) {
      await page.keyboard.press(text[i - 1] === ' ' ? 'Space' : text[i - 1]);
      await page.evaluate((n) => window.__bench.waitKeys(n), i);
    }
    const keys = await page.evaluate(() => window.__bench.keys);
    console.log(`typing: ${keys.map((k) => `${k.latency.toFixed(1)} ms`).join(', ')}`);
  }
  const buffer = await browser.stopTracing();
  mkdirSync(join(root, 'target/bench'), { recursive: true });
  const file = join(root, `target/bench/trace-${id}-${size}-${phase}.json`);
  writeFileSync(file, buffer);

  // The renderer main thread with the most events is the page's.
  const events = JSON.parse(buffer.toString()).traceEvents;
  const threads = new Map();
  for (const e of events) {
    if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
  }
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && threads.has(key)) threads.set(key, threads.get(key) + 1);
  }
  const main = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
  const slices = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur != null)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time: a slice's duration less its direct children's.
  const self = new Map();
  const stack = [];
  let busy = 0;
  for (const e of slices) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent, (self.get(parent) ?? parent.dur) - e.dur);
    else busy += e.dur;
    self.set(e, self.get(e) ?? e.dur);
    stack.push(e);
  }
  const byName = new Map();
  for (const [e, t] of self) {
    const name = e.name === 'FunctionCall' && e.args?.data?.functionName ? `FunctionCall ${e.args.data.functionName}` : e.name;
    const x = byName.get(name) ?? { self: 0, total: 0, count: 0 };
    x.self += t;
    x.total += e.dur;
    x.count += 1;
    byName.set(name, x);
  }
  console.log(`\nRenderer main thread busy ${(busy / 1000).toFixed(1)} ms; by self time:`);
  console.log(`${'event'.padEnd(58)} ${'self ms'.padStart(9)} ${'total ms'.padStart(9)} ${'count'.padStart(7)}`);
  for (const [name, x] of [...byName].sort((a, b) => b[1].self - a[1].self).slice(0, option('--top', 25))) {
    console.log(`${name.slice(0, 58).padEnd(58)} ${(x.self / 1000).toFixed(1).padStart(9)} ${(x.total / 1000).toFixed(1).padStart(9)} ${String(x.count).padStart(7)}`);
  }
  console.log(`\nTrace written to ${file} (open it in DevTools' Performance panel).`);
} finally {
  await browser.close();
  await server.stop();
}
