// The command line's figures (never pass/fail), run by scripts/bench.sh
// after the release build of crates/cli: a 100,000-unit CSV import, a
// 100,000-unit diff, validate and export html on the same chart, and the
// import of a made-up directory export of about 30 MB, each timed (wall
// clock) with its peak memory (maximum resident set size, from
// /usr/bin/time), the median of 3 runs. Writes target/bench/cli.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'target/bench');
const DATA = join(OUT, 'data');
const BIN = join(root, 'target/release/organigramme');
const RUNS = 3;
const SIZE = 100000;
const UNITS = SIZE.toLocaleString('en');

/** CSV cell: quoted when it holds a delimiter, a quote or a line break. */
const cell = (v) => (v == null ? '' : /[",\n\r]/.test(v) ? `"${String(v).replaceAll('"', '""')}"` : String(v));

/** The flat generated chart as an HR export: one row per unit, one more per extra person. */
function toCsv(flat) {
  const rows = ['id,parent,name,short_name,kind,description,person,role'];
  for (const u of flat.units) {
    const head = [u.id, u.parent, u.name, u.short_name, u.kind, u.description];
    const people = u.people?.length ? u.people : [{}];
    for (const p of people) rows.push([...head, p.name, p.role].map(cell).join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** The same chart a year later: 1 % of the units renamed, 1 % moved, 1 % removed (leaves), people changed. */
function changed(flat) {
  const units = flat.units.map((u) => ({ ...u, people: u.people?.map((p) => ({ ...p })) }));
  const parents = new Set(units.map((u) => u.parent));
  let n = 0;
  const kept = [];
  for (const u of units) {
    n += 1;
    if (n % 100 === 1 && u.parent) u.name = `${u.name} (renommée)`;
    if (n % 100 === 2 && u.parent && u.people?.length) u.people[0].role = 'Intérim';
    if (n % 100 === 3 && u.people?.length) u.people.push({ name: `Nouvelle Personne ${n}`, role: 'Adjointe' });
    if (n % 100 === 4 && !parents.has(u.id)) continue;
    kept.push(u);
  }
  // Moves: a leaf goes under the root's first child.
  const target = kept.find((u) => u.parent === kept[0].id)?.id;
  kept.forEach((u, i) => {
    if (i % 100 === 50 && !parents.has(u.id) && target && u.id !== target) u.parent = target;
  });
  return { ...flat, units: kept };
}

/** Runs the binary `RUNS` times: median seconds and peak memory in MB. */
function measure(args) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const stats = join(OUT, 'cli-time.txt');
    try {
      execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', stats, BIN, ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
    } catch (e) {
      // diff exits 1 when the charts differ: a result, not a failure.
      if (e.status !== 1) throw e;
    }
    const [seconds, kb] = readFileSync(stats, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    runs.push({ seconds, mb: kb / 1024 });
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { seconds: median(runs.map((r) => r.seconds)), peakMB: +median(runs.map((r) => r.mb)).toFixed(1) };
}

const mb = (file) => +(statSync(file).size / 1048576).toFixed(1);

const flatFile = join(DATA, `units-${SIZE}-flat.json`);
const nested = join(DATA, `units-${SIZE}.json`);
const flat = JSON.parse(readFileSync(flatFile, 'utf8'));
const csv = join(DATA, `units-${SIZE}.csv`);
writeFileSync(csv, toCsv(flat));
const after = join(DATA, `units-${SIZE}-changed.json`);
writeFileSync(after, JSON.stringify(changed(flat)));
const annuaire = join(DATA, 'annuaire-30mb.json');
if (!existsSync(annuaire)) {
  writeFileSync(annuaire, execFileSync('python3', [join(root, 'crates/cli/tests/fixtures/annuaire/make.py'), '700'], { maxBuffer: 1 << 30 }));
}
const annuaireRoot = '00000001-0000-4000-8000-000000001eef';

const figures = {
  date: new Date().toISOString(),
  units: flat.units.length,
  runs: RUNS,
  tasks: [
    { task: `import csv, ${UNITS} units`, input: `CSV, ${mb(csv)} MB`, ...measure(['import', 'csv', csv, '-o', join(OUT, 'cli-import.json')]), inputMB: mb(csv) },
    { task: `diff, ${UNITS} units against a changed copy`, input: `2 × JSON, ${mb(flatFile)} MB`, ...measure(['diff', '--format', 'json', flatFile, after, '-o', join(OUT, 'cli-diff.json')]), inputMB: mb(flatFile) * 2 },
    { task: `validate, ${UNITS} units`, input: `JSON, ${mb(nested)} MB`, ...measure(['validate', nested]), inputMB: mb(nested) },
    { task: `export html, ${UNITS} units`, input: `JSON, ${mb(nested)} MB`, ...measure(['export', 'html', nested, '-o', join(OUT, 'cli-export.html')]), inputMB: mb(nested) },
    { task: 'import annuaire, a made-up export', input: `JSON, ${mb(annuaire)} MB`, ...measure(['import', 'annuaire', '--root', annuaireRoot, annuaire, '-o', join(OUT, 'cli-annuaire.json')]), inputMB: mb(annuaire) },
  ],
};
writeFileSync(join(OUT, 'cli.json'), `${JSON.stringify(figures, null, 1)}\n`);
for (const t of figures.tasks) console.log(`${t.task}: ${t.seconds} s, peak ${t.peakMB} MB (${(t.peakMB / t.inputMB).toFixed(2)}× the input)`);
