// The side-by-side benchmark: figures, never pass/fail. Run through
// scripts/bench.sh, which builds the release and generates the data first.
//
// Contenders, on the same generated charts: Organigramme's list and tree
// views (and its list fed the flat form, ready only), a hand-written vanilla
// JS tree kept in bench/vanilla/ as the baseline, d3-org-chart from npm
// (bench/d3/), and a static page of nested lists with no script (the floor).
// Round after round, for each size, for each contender: a fresh Chromium,
// launched for that one measurement and closed after it.
//
// Each figure is taken in the page, from a real input or a call to the next
// frame (requestAnimationFrame, then a MessageChannel message posted from
// inside it): ready (navigation start → first frame with the chart shown),
// expand all (the button's click() → next frame, capped at 60 s; and → the
// frame after the last unit written, Organigramme writing a large chart a
// slice per frame), 50 real
// ArrowDown presses through CDP (keydown timeStamp → next frame, focus must
// move), elements per unit, JS and DOM heap, the renderer's PSS, and the
// code each contender loads, gzipped. Ratios to the vanilla tree are taken
// round by round, then medianed.
//
//   BENCH_ROUNDS=3 BENCH_SIZES=1000,10000,100000 BENCH_ONLY=vanilla,organigramme-list node scripts/bench.mjs
//   node scripts/bench.mjs --readme [--report target/bench/report.json] [--file README.md]
//
// Writes target/bench/report.json and target/bench/report.md (and each run,
// as it ends, to target/bench/runs.jsonl).
import { chromium } from '@playwright/test';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { locate, serveSiteFrom, start } from '../bench/server.mjs';
import { writeStaticPage } from '../bench/static.mjs';
import { markdown, rewriteReadme, summarize } from '../bench/report.mjs';
import { ALL, LAUNCH, VIEWPORT, probe } from '../bench/contenders.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'target/bench');
const DATA = join(OUT, 'data');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);

if (argv.includes('--readme')) {
  const reportPath = option('--report', join(OUT, 'report.json'));
  const readme = option('--file', join(root, 'README.md'));
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    report.summary = summarize(report);
    const changed = rewriteReadme(readme, report);
    console.log(`${readme}: figures ${changed ? 'rewritten' : 'unchanged'} from ${reportPath}`);
    process.exit(0);
  } catch (error) {
    console.error(`bench --readme: ${error.message}`);
    process.exit(1);
  }
}

const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
// Ready, a few hundred milliseconds at 1,000 units, is the figure a shared
// machine's noise moves most (a third from one load to the next): the
// rounds after ROUNDS time it alone, in a fresh browser each, up to
// READY_ROUNDS. The static page, whose 100,000 units take half a minute to
// load, keeps ROUNDS.
const READY_ROUNDS = Math.max(ROUNDS, Number(process.env.BENCH_READY_ROUNDS || 9));
const SIZES = (process.env.BENCH_SIZES || '1000,10000,100000').split(',').map((s) => Number(s.trim())).filter(Boolean);
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()) : null;
const CAP = 60_000;
const PRESSES = 50;
const CONTENDERS = ALL.filter((c) => !ONLY || ONLY.includes(c.id));
if (CONTENDERS.length === 0) throw new Error(`BENCH_ONLY matches none of ${ALL.map((c) => c.id).join(', ')}`);

const TIMEOUT = Symbol('timeout');
/** `promise`, or TIMEOUT after `ms`; a late rejection is swallowed. */
function capped(promise, ms) {
  let timer;
  promise.catch(() => {});
  return Promise.race([
    promise,
    new Promise((resolve) => { timer = setTimeout(resolve, ms, TIMEOUT); }),
  ]).finally(() => clearTimeout(timer));
}

/** Rss and Pss of a process, in bytes, from smaps_rollup. */
async function smaps(pid) {
  try {
    const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (name) => Number(text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) * 1024;
    return { rss: kb('Rss'), pss: kb('Pss') };
  } catch {
    return null;
  }
}

/** The bytes of every WebAssembly.Memory alive in the page (not part of the JS heap's used size). */
async function wasmMemory(cdp) {
  const group = 'bench-wasm';
  try {
    const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype', objectGroup: group });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId, objectGroup: group });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId, returnByValue: true,
      functionDeclaration: 'function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }',
    });
    return result.value;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group }).catch(() => {});
  }
}

/** Whether a renderer serves the browser's own UI (headless Chromium keeps one), not a page. */
function isUiRenderer(pid) {
  try {
    return /--top-chrome-webui|--extension-process/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true;
  }
}

/**
 * After a forced garbage collection: the page's JS heap, its DOM heap
 * (Blink's, the "embedder" heap), its WebAssembly memory, and the memory of
 * the page's renderer process: the largest renderer that does not serve the
 * browser's UI (the other one is an empty spare).
 */
async function memory(cdp, browserCdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await wasmMemory(cdp);
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const renderers = [];
  for (const p of processInfo.filter((x) => x.type === 'renderer' && !isUiRenderer(x.id))) {
    const m = await smaps(p.id);
    if (m) renderers.push({ pid: p.id, ...m });
  }
  renderers.sort((a, b) => b.pss - a.pss);
  return {
    jsHeap: heap.usedSize, embedderHeap: heap.embedderHeapUsedSize ?? null, wasm,
    pss: renderers[0]?.pss ?? null, rss: renderers[0]?.rss ?? null, renderers: renderers.map((r) => r.pss),
  };
}

const countIn = (page, container, units) => page.evaluate(([c, u]) => {
  const host = document.querySelector(c);
  return { elements: host ? host.querySelectorAll('*').length : null, units: document.querySelectorAll(u).length };
}, [container, units]);

/** One contender, one size, one round, in its own browser; `readyAlone`: ready, and nothing after it. */
async function measure(base, c, size, units, round, readyAlone) {
  const run = { contender: c.id, size, units, round, cap: CAP, loadAverage: +loadavg()[0].toFixed(2) };
  const t0 = Date.now();
  const browser = await chromium.launch(LAUNCH);
  let browserPid = null;
  // Kept whatever the run measures, ready alone included: a figure from a
  // page that threw is reported with what it threw.
  const pageErrors = [];
  try {
    run.chromium = browser.version();
    const browserCdp = await browser.newBrowserCDPSession();
    browserPid = (await browserCdp.send('SystemInfo.getProcessInfo')).processInfo.find((p) => p.type === 'browser')?.id ?? null;
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const code = new Set();
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (/\.(m?js|wasm)$/.test(pathname)) code.add(pathname);
    });
    run.code = code;
    page.on('pageerror', (e) => pageErrors.push(String(e.message || e)));
    await page.addInitScript(probe, c.ready);
    const cdp = await context.newCDPSession(page);
    await page.goto(base + c.url(size), { waitUntil: 'commit', timeout: CAP });

    const ready = await capped(page.evaluate(() => window.__bench.ready), CAP);
    if (ready === TIMEOUT) {
      run.readyTimedOut = true;
      return run;
    }
    if (ready.error) throw new Error(ready.error);
    run.readyMs = ready.at;
    run.readyEventMs = ready.event;
    if (readyAlone) return run;
    const atReady = await countIn(page, c.container, c.units);
    run.elementsReady = atReady.elements;
    run.unitElementsReady = atReady.units;
    run.memReady = await memory(cdp, browserCdp);
    if (c.readyOnly || c.allShown) return run;

    if (c.expand) {
      const expanded = await capped(page.evaluate((selector) => window.__bench.clickToFrame(selector), c.expand), CAP);
      if (expanded === TIMEOUT) {
        run.expandTimedOut = true;
        return run;
      }
      run.expandMs = expanded;
      const written = await capped(page.evaluate(() => window.__bench.written()), CAP);
      if (written === TIMEOUT) {
        run.writtenTimedOut = true;
        return run;
      }
      run.writtenMs = written;
      const atExpanded = await countIn(page, c.container, c.units);
      run.elementsExpanded = atExpanded.elements;
      run.unitElementsExpanded = atExpanded.units;
      run.memExpanded = await memory(cdp, browserCdp);
    }

    if (c.keys) {
      const focused = await page.evaluate((selector) => window.__bench.recordKeysFrom(selector), c.focus);
      if (!focused) throw new Error(`could not focus ${c.focus}`);
      for (let i = 1; i <= PRESSES; i++) {
        await page.keyboard.press('ArrowDown');
        if ((await capped(page.evaluate((n) => window.__bench.waitKeys(n), i), CAP)) === TIMEOUT) {
          run.keysTimedOut = true;
          break;
        }
      }
      run.keys = await page.evaluate(() => window.__bench.keys);
    }

    if (c.search) {
      // Focusing the field finishes the search index if the tasks after the
      // first frame have not (at 100,000 units, expand all gives them time
      // to); then each key press,
      // from its keydown to the frame that shows the updated results.
      const { field, text, results } = c.search;
      const [focusMs, before] = await page.evaluate(async (selector) => {
        const start = performance.now();
        document.querySelector(selector).focus();
        const end = await window.__bench.frame();
        window.__bench.recordKeys = true;
        return [end - start, window.__bench.keys.length];
      }, field);
      run.searchFocusMs = focusMs;
      for (let i = 1; i <= text.length; i++) {
        await page.keyboard.press(text[i - 1] === ' ' ? 'Space' : text[i - 1]);
        if ((await capped(page.evaluate((n) => window.__bench.waitKeys(n), before + i), CAP)) === TIMEOUT) {
          run.searchTimedOut = true;
          break;
        }
      }
      run.searchKeys = (await page.evaluate((n) => window.__bench.keys.slice(n), before)).map((k) => k.latency);
      // A locator counts into shadow roots, where the results are.
      run.searchResults = await page.locator(results).count();
    }
    return run;
  } catch (error) {
    run.error = String(error.message || error).split('\n')[0];
    return run;
  } finally {
    if (pageErrors.length) run.pageErrors = pageErrors;
    run.code = [...run.code ?? []].sort();
    if ((await capped(browser.close(), 20_000)) === TIMEOUT && browserPid) {
      try { process.kill(browserPid, 'SIGKILL'); } catch { /* already gone */ }
    }
    run.seconds = (Date.now() - t0) / 1000;
  }
}

const fmt = (v) => (v == null ? '—' : v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US'));
const mb = (v) => (v == null ? '—' : `${(v / 1048576).toFixed(1)} MB`);

function progress(run) {
  const parts = [`[round ${run.round} ${run.size.toLocaleString('en-US')} ${run.contender}]`];
  if (run.error) parts.push(`ERROR ${run.error}`);
  if (run.readyTimedOut) parts.push(`ready > ${CAP / 1000} s`);
  if (run.readyMs != null) parts.push(`ready ${fmt(run.readyMs)} ms`);
  if (run.expandTimedOut) parts.push(`expand all > ${CAP / 1000} s`);
  if (run.expandMs != null) parts.push(`expand all ${fmt(run.expandMs)} ms`);
  if (run.writtenTimedOut) parts.push(`all written > ${CAP / 1000} s`);
  if (run.writtenMs != null) parts.push(`all written ${fmt(run.writtenMs)} ms`);
  if (run.keys?.length) {
    const l = run.keys.map((k) => k.latency).sort((a, b) => a - b);
    parts.push(`ArrowDown median ${fmt(l[l.length >> 1])} ms max ${fmt(l[l.length - 1])} ms (${run.keys.filter((k) => k.moved).length}/${run.keys.length} moved)`);
  }
  const elements = run.elementsExpanded ?? run.elementsReady;
  if (elements != null) parts.push(`${(elements / run.units).toFixed(1)} el/unit, ${run.unitElementsExpanded ?? run.unitElementsReady} unit elements`);
  const mem = run.memExpanded ?? run.memReady;
  if (mem) parts.push(`heap ${mb(mem.jsHeap)} dom ${mb(mem.embedderHeap)} wasm ${mb(mem.wasm)} pss ${mb(mem.pss)}`);
  parts.push(`(${run.seconds.toFixed(1)} s)`);
  console.log(parts.join(', ').replace(', ', ' '));
}

/** The JS and wasm each contender's page requested (in its first run), raw and gzip -9. */
function codeSizes(runs) {
  const sizes = {};
  for (const c of CONTENDERS) {
    const run = runs.find((r) => r.contender === c.id && r.code);
    if (!run) continue;
    const files = run.code.map((pathname) => {
      const file = locate(pathname);
      if (!file || !existsSync(file)) return { name: pathname.split('/').pop(), path: pathname, bytes: 0, gzip: 0, missing: true };
      const bytes = readFileSync(file);
      return { name: pathname.split('/').pop(), path: pathname, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    sizes[c.id] = { files, bytes: files.reduce((n, f) => n + f.bytes, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) };
  }
  return sizes;
}

/** The static page of each size, rewritten when its JSON is newer; the number of units of each. */
function prepareData() {
  const units = {};
  const files = {};
  for (const size of SIZES) {
    const json = join(DATA, `units-${size}.json`);
    if (!existsSync(json)) throw new Error(`${json} is missing: run scripts/bench.sh, which generates it`);
    if (CONTENDERS.some((c) => c.id === 'organigramme-flat') && !existsSync(join(DATA, `units-${size}-flat.json`))) {
      throw new Error(`${join(DATA, `units-${size}-flat.json`)} is missing: run scripts/bench.sh, which generates it`);
    }
    const html = join(DATA, `static-${size}.html`);
    const meta = join(DATA, `units-${size}.count`);
    if (!existsSync(html) || !existsSync(meta) || statSync(html).mtimeMs < statSync(json).mtimeMs) {
      writeFileSync(meta, String(writeStaticPage(json, html)));
    }
    units[size] = Number(readFileSync(meta, 'utf8'));
    files[size] = `\`target/bench/data/units-${size}.json\`, ${(statSync(json).size / 1048576).toFixed(1)} MB`;
  }
  return { units, files };
}

const began = Date.now();
const loadBefore = loadavg();
mkdirSync(DATA, { recursive: true });
const { units, files } = prepareData();
// The release as it is now: the tests rebuild dist/ and may do so during a run.
const SITE = join(OUT, 'dist');
if (!existsSync(join(root, 'dist/index.html'))) throw new Error('dist/ has no release build: run scripts/bench.sh, which builds it');
rmSync(SITE, { recursive: true, force: true });
cpSync(join(root, 'dist'), SITE, { recursive: true });
serveSiteFrom(SITE);
writeFileSync(join(OUT, 'runs.jsonl'), ''); // each run as it ends, in case the bench is interrupted
const server = await start(0);
const runs = [];
let chromiumVersion = null;
try {
  console.log(`Contenders: ${CONTENDERS.map((c) => c.id).join(', ')}; sizes ${SIZES.join(', ')}; ${ROUNDS} round(s), ready ${READY_ROUNDS}; server ${server.base}`);
  for (let round = 1; round <= READY_ROUNDS; round++) {
    const readyAlone = round > ROUNDS;
    for (const size of SIZES) {
      for (const c of CONTENDERS) {
        if (readyAlone && c.allShown) continue;
        const run = await measure(server.base, c, size, units[size], round, readyAlone);
        chromiumVersion ??= run.chromium;
        runs.push(run);
        appendFileSync(join(OUT, 'runs.jsonl'), `${JSON.stringify(run)}\n`);
        progress(run);
      }
    }
  }
} finally {
  await server.stop();
}

/** The core's search timed natively by scripts/bench.sh (crates/core/examples/search.rs), per size. */
function coreSearch() {
  const figures = {};
  for (const size of SIZES) {
    const file = join(OUT, `search-core-${size}.json`);
    if (existsSync(file)) figures[size] = JSON.parse(readFileSync(file, 'utf8'));
  }
  return figures;
}

const report = {
  date: new Date().toISOString(),
  durationSeconds: Math.round((Date.now() - began) / 1000),
  chromium: `Chromium ${chromiumVersion}`,
  node: process.version,
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown CPU',
    memoryGB: Math.round(totalmem() / 1073741824),
    loadAverage: { before: loadBefore.map((x) => +x.toFixed(2)), after: loadavg().map((x) => +x.toFixed(2)) },
  },
  rounds: ROUNDS, readyRounds: READY_ROUNDS, sizes: SIZES, presses: PRESSES, cap: CAP, viewport: VIEWPORT, launch: LAUNCH.args,
  contenders: CONTENDERS.map(({ id, label, codeLabel, readyOnly, allShown, keys, sameCodeAs }) => ({ id, label, codeLabel, readyOnly, allShown, keys: !!keys, sameCodeAs })),
  units, dataFiles: files,
  coreSearch: coreSearch(),
  cli: existsSync(join(OUT, 'cli.json')) ? JSON.parse(readFileSync(join(OUT, 'cli.json'), 'utf8')) : undefined,
  codeSize: codeSizes(runs),
  runs,
};
report.summary = summarize(report);
const md = markdown(report);
writeFileSync(join(OUT, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
writeFileSync(join(OUT, 'report.md'), `${md}\n`);
console.log(`\n${md}\n`);
console.log(`Wrote target/bench/report.json and target/bench/report.md in ${(report.durationSeconds / 60).toFixed(1)} min; `
  + '`node scripts/bench.mjs --readme` puts the figures in README.md.');
