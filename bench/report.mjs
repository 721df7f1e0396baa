// Figures from the benchmark's runs: medians over rounds, ratios to the
// hand-written vanilla tree computed round by round (same round, same size)
// then medianed, the Markdown tables, and the rewrite of the README's block
// between <!-- bench:start --> and <!-- bench:end -->.
import { readFileSync, writeFileSync } from 'node:fs';

export const BASELINE = 'vanilla';
export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

export const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The metrics of one run, as numbers (null: not measured). A value capped
 * by the 60 s limit is kept as the cap with `capped` set, so that a ratio
 * can say "more than".
 */
const METRICS = {
  ready: (r) => r.readyMs,
  expand: (r) => r.expandMs,
  written: (r) => r.writtenMs,
  keyMedian: (r) => (r.keys?.length ? median(r.keys.map((k) => k.latency)) : null),
  keyMax: (r) => (r.keys?.length ? Math.max(...r.keys.map((k) => k.latency)) : null),
  elementsReady: (r) => (r.elementsReady == null ? null : r.elementsReady / r.units),
  elementsExpanded: (r) => (r.elementsExpanded == null ? null : r.elementsExpanded / r.units),
  heapReady: (r) => (r.memReady ? r.memReady.jsHeap + (r.memReady.wasm ?? 0) : null),
  heapExpanded: (r) => (r.memExpanded ? r.memExpanded.jsHeap + (r.memExpanded.wasm ?? 0) : null),
  domHeapReady: (r) => r.memReady?.embedderHeap ?? null,
  domHeapExpanded: (r) => r.memExpanded?.embedderHeap ?? null,
  pssReady: (r) => r.memReady?.pss ?? null,
  pssExpanded: (r) => r.memExpanded?.pss ?? null,
  searchFocus: (r) => r.searchFocusMs ?? null,
  searchKeyMedian: (r) => (r.searchKeys?.length ? median(r.searchKeys) : null),
  searchKeyMax: (r) => (r.searchKeys?.length ? Math.max(...r.searchKeys) : null),
};
const CAPPED = { ready: 'readyTimedOut', expand: 'expandTimedOut', written: 'writtenTimedOut' };

/** For a contender that shows everything at once (the static page), its "all open" figures are its ready ones. */
function value(run, metric, contender) {
  if (contender.allShown && metric.endsWith('Expanded')) metric = metric.replace('Expanded', 'Ready');
  if (CAPPED[metric] && run[CAPPED[metric]]) return { v: run.cap, capped: true };
  const v = METRICS[metric](run);
  return v == null ? null : { v, capped: false };
}

/** Per size and contender: each metric's median, min, max over rounds and its ratio to the baseline. */
export function summarize(report) {
  const summary = {};
  for (const size of report.sizes) {
    summary[size] = {};
    for (const c of report.contenders) {
      const runs = report.runs.filter((r) => r.size === size && r.contender === c.id);
      const s = {
        rounds: runs.length,
        errors: runs.filter((r) => r.error).map((r) => r.error),
        pageErrors: [...new Set(runs.flatMap((r) => r.pageErrors ?? []))],
      };
      for (const metric of Object.keys(METRICS)) {
        const values = runs.map((r) => value(r, metric, c)).filter(Boolean);
        if (values.length === 0) continue;
        const nums = values.map((x) => x.v);
        const m = {
          median: median(nums),
          min: Math.min(...nums),
          max: Math.max(...nums),
          capped: values.filter((x) => x.capped).length,
          n: values.length,
        };
        const ratios = [];
        let ratioCapped = false;
        for (const run of runs) {
          const base = report.runs.find((b) => b.size === size && b.round === run.round && b.contender === BASELINE);
          const baseContender = report.contenders.find((x) => x.id === BASELINE);
          const a = value(run, metric, c);
          const b = base && value(base, metric, baseContender);
          if (a && b && b.v > 0 && !b.capped) {
            ratios.push(a.v / b.v);
            ratioCapped ||= a.capped;
          }
        }
        if (ratios.length > 0) m.ratio = median(ratios);
        if (ratioCapped) m.ratioCapped = true;
        s[metric] = m;
      }
      const keyed = runs.filter((r) => r.keys?.length);
      if (keyed.length) {
        s.presses = keyed.reduce((n, r) => n + r.keys.length, 0);
        s.moved = keyed.reduce((n, r) => n + r.keys.filter((k) => k.moved).length, 0);
      }
      const shown = runs.filter((r) => r.unitElementsExpanded != null);
      if (shown.length) s.unitElementsExpanded = Math.min(...shown.map((r) => r.unitElementsExpanded));
      summary[size][c.id] = s;
    }
  }
  return summary;
}

const group = (n) => Math.round(n).toLocaleString('en-US');
const ms = (v) => (v < 10 ? `${v.toFixed(1)} ms` : v < 10_000 ? `${group(v)} ms` : `${(v / 1000).toFixed(1)} s`);
const mb = (v) => {
  const m = v / 1048576;
  return m < 10 ? `${m.toFixed(1)} MB` : `${group(m)} MB`;
};
const per = (v) => (v >= 1 ? v.toFixed(1) : v.toPrecision(2));
const times = (r) => (r < 10 ? r.toFixed(2) : r < 100 ? r.toFixed(1) : group(r));

function cell(s, metric, format, { ratio = true } = {}) {
  const m = s?.[metric];
  if (!m) return '—';
  let text = m.capped === m.n ? `> ${format(m.median)}` : m.capped ? `${format(m.median)} (${m.capped} of ${m.n} > cap)` : format(m.median);
  if (ratio && m.ratio != null) text += ` (${m.ratioCapped ? '> ' : ''}×${times(m.ratio)})`;
  return text;
}

function pair(s, a, b, format) {
  const x = s?.[a];
  const y = s?.[b];
  if (!x && !y) return '—';
  const left = x ? format(x.median) : '—';
  const right = y ? format(y.median) : '—';
  const ratio = y?.ratio != null ? ` (×${times(y.ratio)})` : '';
  return left === right && a.endsWith('Ready') && s.allShown ? `${left}${ratio}` : `${left} → ${right}${ratio}`;
}

function keys(s) {
  if (s?.presses == null) return '—';
  return `${s.moved}/${s.presses}`;
}

/** How busy the machine was: the 1-minute load average when each measurement started. */
function loadLine(report) {
  const loads = report.runs.map((r) => r.loadAverage).filter((x) => x != null);
  if (loads.length === 0) return [];
  return [
    `Load average (1 min) when a measurement started: median ${median(loads).toFixed(1)}, max ${Math.max(...loads).toFixed(1)} `
      + `on ${report.machine.cores} cores${Math.max(...loads) > report.machine.cores ? ' (other work shared the machine: expect noise)' : ''}.`,
    '',
  ];
}

/**
 * Search, per size: the core natively (each query's median time over its
 * runs; the slowest query's is shown), its index against the data's text,
 * and in Chromium the index built on focus and each key press typed.
 */
function searchTable(report) {
  const sizes = report.sizes.filter((size) => report.coreSearch?.[size] || report.summary[size]?.['organigramme-list']?.searchKeyMedian);
  if (sizes.length === 0) return [];
  const lines = [
    '**Search** (Organigramme, list): the core natively, then in Chromium',
    '',
    '| Units | Core: slowest query, median of its runs | Core: index, bytes of text | Chromium: first focus of the field | Chromium: key press → results shown, median (max) |',
    '|---|---|---|---|---|',
  ];
  for (const size of sizes) {
    const core = report.coreSearch?.[size];
    const slowest = core ? core.queries.reduce((a, b) => (b.medianMs > a.medianMs ? b : a)) : null;
    const s = report.summary[size]?.['organigramme-list'];
    lines.push(`| ${group(size)} | ${slowest ? `${ms(slowest.medianMs)} (${slowest.what}, ${group(slowest.matches)} matches)` : '—'} | `
      + `${core ? `${mb(core.indexBytes)} for ${mb(core.textBytes)} (×${times(core.indexBytes / core.textBytes)}), built in ${ms(core.buildMs)}` : '—'} | `
      + `${cell(s, 'searchFocus', ms, { ratio: false })} | ${cell(s, 'searchKeyMedian', ms, { ratio: false })} (${cell(s, 'searchKeyMax', ms, { ratio: false })}) |`);
  }
  lines.push(
    '',
    'The core\'s queries come from the chart: a deep unit\'s name, a person and a role, a common word, one letter, and no match '
      + '(`crates/core/examples/search.rs`, each run searches and marks the 50 results shown). In Chromium, "amelie lefevre" is typed '
      + 'key by key through CDP into the search field of the page used for the other figures; each press is timed from its keydown\'s '
      + '`timeStamp` to the next frame, the results updated.',
    '',
  );
  return lines;
}

/** The command line natively (bench/cli.mjs): each task's time and peak memory. */
function cliTable(report) {
  const cli = report.cli;
  if (!cli?.tasks?.length) return [];
  return [
    `**Command line** (\`organigramme\`, release build, ${cli.date.slice(0, 10)}; median of ${cli.runs} runs)`,
    '',
    '| Task | Input | Time | Peak memory (× the input) |',
    '|---|---|---|---|',
    ...cli.tasks.map((t) => `| ${t.task} | ${t.input} | ${ms(t.seconds * 1000)} | ${t.peakMB} MB (×${times(t.peakMB / t.inputMB)}) |`),
    '',
    'Time is the wall clock of the whole command, reading and writing files included; peak memory is its maximum resident set '
      + 'size (`/usr/bin/time`). The CSV holds the 100,000-unit generated chart, a row per person; the diff compares it with a copy '
      + 'where 1 % of the units were renamed, moved or removed and people changed; the directory export is the test fixture\'s '
      + 'generator at 700 directions (`crates/cli/tests/fixtures/annuaire/make.py 700`), read as a stream.',
    '',
  ];
}

/** The rounds that timed ready alone, when a run had them (never the static page, which shows everything at once). */
function readyRounds(report) {
  const n = report.readyRounds ?? report.rounds;
  if (n <= report.rounds) return '';
  const staticPage = report.contenders.some((c) => c.allShown);
  return `, ready timed in ${n}${staticPage ? ` (the static page's in ${report.rounds})` : ''}`;
}

/** The Markdown figures: one table of times and one of weights per size, the code sizes, and how they were taken. */
export function markdown(report) {
  const summary = report.summary;
  const lines = [];
  const date = report.date.slice(0, 10);
  const minutes = (report.durationSeconds / 60).toFixed(1);
  lines.push(
    `Side by side, ${date}: ${report.chromium}, headless, viewport 1280×900, on ${report.machine.cores} cores `
      + `(${report.machine.cpu}, ${report.machine.memoryGB} GB); ${report.rounds} round${report.rounds > 1 ? 's' : ''}${readyRounds(report)}, `
      + `each contender and size in a fresh browser, interleaved; the run took ${minutes} min (\`bash scripts/bench.sh\`).`,
    '',
    ...loadLine(report),
    `Each figure is the median over rounds; in brackets, the ratio to the hand-written vanilla tree `
      + `(\`bench/vanilla/\`) measured in the same round, medianed over rounds (below 1: faster or smaller than it).`,
    '',
  );
  for (const size of report.sizes) {
    const s = summary[size];
    lines.push(`**${group(size)} units** (${report.dataFiles?.[size] ?? 'generated'})`, '');
    lines.push('| Contender | Ready | Expand all | Expand all, all written | ArrowDown, median | ArrowDown, max | Focus moved |');
    lines.push('|---|---|---|---|---|---|---|');
    for (const c of report.contenders) {
      if (!s[c.id]) continue;
      const x = { ...s[c.id], allShown: c.allShown };
      const expand = c.allShown ? '— (all shown)' : cell(x, 'expand', ms);
      const written = c.allShown ? '—' : cell(x, 'written', ms);
      const keyNa = c.keys ? '—' : 'n/a';
      lines.push(`| ${c.label} | ${cell(x, 'ready', ms)} | ${expand} | ${written} | ${x.keyMedian ? cell(x, 'keyMedian', ms) : keyNa} | ${x.keyMax ? cell(x, 'keyMax', ms) : keyNa} | ${c.keys ? keys(x) : keyNa} |`);
    }
    lines.push('');
    lines.push('| Contender | Elements per unit, ready → all open | JS heap + wasm memory, ready → all open | DOM heap, ready → all open | Renderer memory (PSS), ready → all open |');
    lines.push('|---|---|---|---|---|');
    for (const c of report.contenders) {
      if (!s[c.id] || c.readyOnly) continue;
      const x = { ...s[c.id], allShown: c.allShown };
      lines.push(`| ${c.label} | ${pair(x, 'elementsReady', 'elementsExpanded', per)} | ${pair(x, 'heapReady', 'heapExpanded', mb)} | ${pair(x, 'domHeapReady', 'domHeapExpanded', mb)} | ${pair(x, 'pssReady', 'pssExpanded', mb)} |`);
    }
    const errors = report.contenders.flatMap((c) => (s[c.id]?.errors || []).map((e) => `${c.label}: ${e}`));
    if (errors.length) lines.push('', ...errors.map((e) => `- Error: ${e}`));
    const thrown = report.contenders.flatMap((c) => (s[c.id]?.pageErrors || []).map((e) => `${c.label}: ${e}`));
    if (thrown.length) lines.push('', ...thrown.map((e) => `- The page threw: ${e}`));
    lines.push('');
  }
  lines.push(...searchTable(report));
  lines.push(...cliTable(report));
  lines.push('**Code loaded**: the JS and WebAssembly files each page requested, and their size with gzip level 9', '');
  lines.push('| Contender | Files | Bytes | Gzip |');
  lines.push('|---|---|---|---|');
  const baseCode = report.codeSize[BASELINE]?.gzip;
  for (const c of report.contenders) {
    const k = report.codeSize[c.id];
    if (!k || (c.sameCodeAs && report.contenders.some((x) => x.id === c.sameCodeAs))) continue;
    const ratio = baseCode && k.gzip ? ` (×${times(k.gzip / baseCode)})` : '';
    const files = k.files.length ? k.files.map((f) => `\`${f.name}\``).join(', ') : 'none';
    lines.push(`| ${c.codeLabel ?? c.label} | ${files} | ${group(k.bytes)} | ${group(k.gzip)}${ratio} |`);
  }
  lines.push(
    '',
    '*Ready*: navigation start to the first frame with the chart shown (the contender\'s ready event, or `load` for the static page, '
      + 'then `requestAnimationFrame` and a `MessageChannel` message posted from it). *Expand all*: from the button\'s `click()` '
      + `to the next frame (cap ${report.cap / 1000} s); *all written*: to the frame after the last unit is written (Organigramme `
      + 'writes a large chart a slice per frame, its scroller marked `data-filling` until the last; the others write at once, '
      + `and this is their next frame), then the key presses start. *ArrowDown*: ${report.presses} real key presses through CDP `
      + '(`Input.dispatchKeyEvent`) with every unit open, starting on the first unit, each from the keydown\'s `timeStamp` to the next '
      + 'frame (*max*: the slowest press of a round, medianed over rounds); *Focus moved* counts the presses after which `document.activeElement` had changed. *Elements per unit*: elements '
      + 'inside the chart\'s container over the number of units. *JS heap* (`Runtime.getHeapUsage` used size, plus the size of every '
      + '`WebAssembly.Memory`, found with `Runtime.queryObjects`) and *DOM heap* (its embedder heap: Blink\'s DOM and layout objects) '
      + 'are taken after a forced garbage collection; *renderer memory* is the PSS of the page\'s renderer process '
      + '(`/proc/<pid>/smaps_rollup`). The static page shows every unit from the start: its "all open" figures are '
      + 'its ready ones. d3-org-chart has no arrow-key navigation.',
  );
  return lines.join('\n');
}

/** Replaces the text between the markers of `readmePath` with the report's figures. */
export function rewriteReadme(readmePath, report) {
  const text = readFileSync(readmePath, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < 0 || b < a) throw new Error(`${readmePath} has no ${START} … ${END} block`);
  const next = `${text.slice(0, a + START.length)}\n${markdown(report)}\n${text.slice(b)}`;
  writeFileSync(readmePath, next);
  return next !== text;
}
