// Benchmarks (figures, not pass/fail): time to interactive for the DINUM
// chart and for generated 10,000- and 100,000-unit charts, expand-all at
// 10,000 units, and one arrow-key focus move with 10,000 units open.
// Run through scripts/bench.sh, which builds the release and the data first.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = 4175;
const base = `http://127.0.0.1:${port}`;
const runs = Number(process.env.BENCH_RUNS || 5);

const server = spawn('node', ['tests/e2e/server.mjs'], { cwd: root, env: { ...process.env, PORT: String(port) } });
await new Promise((resolve) => server.stdout.once('data', resolve));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

/** Opens the chart and returns the ms from navigation start to `organigramme:ready`. */
async function open(page, src) {
  await page.addInitScript(() => {
    document.addEventListener('organigramme:ready', () => { window.__readyAt = performance.now(); });
  });
  await page.goto(`${base}/?open=1&src=${encodeURIComponent(src)}`);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => window.__readyAt);
}

/**
 * Runs `action` in the page and returns the ms until its work is done: the
 * handler, the reactive updates it queued (microtasks, flushed by one
 * macrotask), then the style and layout they cause (forced here, so the
 * figure does not include waiting for the next frame).
 */
const framed = (page, action) => page.evaluate(async (body) => {
  const t0 = performance.now();
  new Function(body)();
  await new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
  document.documentElement.getBoundingClientRect();
  getComputedStyle(document.activeElement || document.body).outlineWidth;
  return performance.now() - t0;
}, action);

async function measure(label, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    times.push(await fn(page));
    await page.close();
  }
  console.log(`${label.padEnd(44)} median ${fmt(median(times))}  (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}, ${runs} runs)`);
}

console.log(`Chromium ${browser.version()}, release build, viewport 1280x800`);
await measure('time to interactive, DINUM (45 units)', (p) => open(p, 'data/dinum-2024.json'));
await measure('time to interactive, 10,000 units', (p) => open(p, 'bench/units-10000.json'));
await measure('time to interactive, 100,000 units', (p) => open(p, 'bench/units-100000.json'));
await measure('expand all, 10,000 units', async (p) => {
  await open(p, 'bench/units-10000.json');
  return framed(p, `[...document.querySelectorAll('.og-toolbar button')][0].click()`);
});
await measure('arrow-down focus move, 10,000 units open', async (p) => {
  await open(p, 'bench/units-10000.json');
  await framed(p, `[...document.querySelectorAll('.og-toolbar button')][0].click()`);
  await p.evaluate(() => document.querySelectorAll('.og-toggle')[500].focus());
  return framed(p, `document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }))`);
});

await browser.close();
server.kill();
