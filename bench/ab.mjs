// Two builds (or more) side by side: one phase of one Organigramme contender,
// each build served in turn from its own directory, a fresh browser per
// measurement, the builds interleaved round after round; medians, and each
// build's ratio to the first, taken round by round. For a change too small
// for the benchmark's noise: the same page, the same moment, only the build
// differs. Figures, never pass/fail.
//
//   node bench/ab.mjs <contender> <size> <ready|expand|written|keys> <dir> <dir>... [--rounds N] [--presses N]
//   e.g. git stash; trunk build --release; cp -r dist /tmp/before; git stash pop; trunk build --release
//        node bench/ab.mjs organigramme-chart 10000 keys /tmp/before dist
//
// Needs the data of target/bench/data/ (run scripts/bench.sh once). A
// directory is a release build's dist/, served at / as the benchmark serves it.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { ALL, LAUNCH, VIEWPORT, probe } from './contenders.mjs';
import { serveSiteFrom, start } from './server.mjs';

const args = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const [id, sizeArg, phase, ...dirs] = args;
const contender = ALL.find((c) => c.id === id && c.url(0).startsWith('/?'));
const size = Number(sizeArg);
if (!contender || !size || !['ready', 'expand', 'written', 'keys'].includes(phase) || dirs.length < 2 || !dirs.every((d) => existsSync(`${d}/index.html`))) {
  console.error('usage: node bench/ab.mjs <organigramme-…> <size> <ready|expand|written|keys> <dist dir> <dist dir>... [--rounds N] [--presses N]');
  process.exit(2);
}
if ((['expand', 'written'].includes(phase) && !contender.expand) || (phase === 'keys' && !contender.keys)) {
  console.error(`${id} has no ${phase} phase`);
  process.exit(2);
}
const rounds = option('--rounds', 5);
const presses = option('--presses', 40);

/** One measurement of `phase` in a fresh browser: ms, or [median, max] for key presses. */
async function measure(base) {
  const browser = await chromium.launch(LAUNCH);
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.addInitScript(probe, contender.ready);
    await page.goto(base + contender.url(size), { waitUntil: 'commit' });
    const ready = await page.evaluate(() => window.__bench.ready);
    if (ready.error) throw new Error(ready.error);
    if (phase === 'ready') return ready.at;
    const expand = await page.evaluate((selector) => window.__bench.clickToFrame(selector), contender.expand);
    if (phase === 'expand') return expand;
    // Everything written (a large chart is written a slice per frame).
    const written = await page.evaluate(() => window.__bench.written());
    if (phase === 'written') return written;
    if (!(await page.evaluate((selector) => window.__bench.recordKeysFrom(selector), contender.focus))) throw new Error(`could not focus ${contender.focus}`);
    for (let i = 1; i <= presses; i++) {
      await page.keyboard.press('ArrowDown');
      await page.evaluate((n) => window.__bench.waitKeys(n), i);
    }
    const latencies = (await page.evaluate(() => window.__bench.keys.map((k) => k.latency))).sort((a, b) => a - b);
    return [latencies[latencies.length >> 1], latencies[latencies.length - 1]];
  } finally {
    await browser.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const server = await start(0);
const runs = dirs.map(() => []);
try {
  for (let round = 1; round <= rounds; round++) {
    for (const [i, dir] of dirs.entries()) {
      serveSiteFrom(dir);
      runs[i].push(await measure(server.base));
    }
    console.log(`round ${round}: ${dirs.map((d, i) => `${d} ${JSON.stringify(runs[i].at(-1), (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`).join(', ')}`);
  }
} finally {
  await server.stop();
}
const figure = (run) => (Array.isArray(run) ? run[0] : run);
console.log(`\n${id}, ${size.toLocaleString('en')} units, ${phase}${phase === 'keys' ? ` (${presses} ArrowDown presses, median and max)` : ''}, ${rounds} rounds:`);
for (const [i, dir] of dirs.entries()) {
  const ms = median(runs[i].map(figure));
  const max = phase === 'keys' ? `, max ${Math.round(median(runs[i].map((r) => r[1])))} ms` : '';
  const ratio = median(runs[i].map((r, k) => figure(r) / figure(runs[0][k])));
  console.log(`  ${dir}: ${ms.toFixed(0)} ms${max} (×${ratio.toFixed(2)} of the first)`);
}
